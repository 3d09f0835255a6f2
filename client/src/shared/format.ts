import type { Language } from './language';

/** The office's time zone: the console shows and takes times in it, wherever the browser is. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

interface DateTimeOptions {
  withSeconds?: boolean;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: Language, { withSeconds = false }: DateTimeOptions): Intl.DateTimeFormat {
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
      timeZone: OFFICE_TIME_ZONE,
    });
    dateTimeFormats.set(key, formatter);
  }
  return formatter;
}

/** Date and time of an ISO timestamp in Beijing time, e.g. 2025/11/26 22:25 (zh) or 26/11/2025, 22:25 (en). */
export function formatDateTime(iso: string, language: Language, options: DateTimeOptions = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatterFor(language, options).format(date);
}

const timeFormats = new Map<Language, Intl.DateTimeFormat>();

/** The time of day of an ISO timestamp in Beijing time: 14:05. */
export function formatTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = timeFormats.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: OFFICE_TIME_ZONE });
    timeFormats.set(language, formatter);
  }
  return formatter.format(date);
}

/** A date and time for a letter, in the office's zone: 2026年6月30日 17:00 or 30 June 2026, 17:00. */
export function formatLetterDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'long',
    timeStyle: 'short',
    hour12: false,
    timeZone: OFFICE_TIME_ZONE,
  }).format(date);
}

const SIZE_UNITS = ['B', 'KB', 'MB', 'GB'];

/** A file size for people: 812 B, 34.5 KB, 12.3 MB. */
export function formatFileSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${SIZE_UNITS[unit]}`;
}

const percentFormats = new Map<Language, Intl.NumberFormat>();

/** A share of 0–1 as a percentage with at most one decimal: 0.2857 → 28.6%, 0.2 → 20%. */
export function formatPercent(share: number, language: Language): string {
  let formatter = percentFormats.get(language);
  if (!formatter) {
    formatter = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(language, formatter);
  }
  return formatter.format(share);
}
