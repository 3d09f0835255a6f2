import type { Language } from '../i18n';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: Language, withSeconds: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withSeconds}`;
  let formatter = dateTimeFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: withSeconds ? '2-digit' : undefined,
      hour12: false,
    });
    dateTimeFormats.set(key, formatter);
  }
  return formatter;
}

/** Local date and time of an ISO timestamp, e.g. 2025/11/26 22:25 (zh) or 26/11/2025, 22:25 (en). */
export function formatDateTime(iso: string, language: Language, options: { withSeconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(language, options.withSeconds ?? false).format(date);
}
