import type { Language } from '../../shared/language';
import { OFFICE_TIME_ZONE } from '../../shared/format';
import { localName } from '../BilingualName';
import type { CaseDto } from './caseApi';

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** The Beijing date of a timestamp: 2026/07/15 (zh) or 15/07/2026 (en). */
export function formatOfficeDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let formatter = dateFormats.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: OFFICE_TIME_ZONE });
    dateFormats.set(language, formatter);
  }
  return formatter.format(date);
}

/** A share of 0–1 as a percentage, or a dash where there is nothing to divide by. */
export function percentOrDash(share: number | null, format: (share: number) => string): string {
  return share === null ? '—' : format(share);
}

/** The words a case is found by in the list's search box. */
export function caseSearchText(item: CaseDto): string {
  return [
    item.number,
    item.text,
    item.reply ?? '',
    item.enterprise ? `${item.enterprise.nameZh} ${item.enterprise.nameEn} ${item.enterprise.uscc}` : '',
    item.unit ? `${item.unit.nameZh} ${item.unit.nameEn} ${item.unit.code}` : '',
    item.category ? `${item.category.nameZh} ${item.category.nameEn}` : '',
  ]
    .join(' ')
    .toLowerCase();
}

export function unitName(unit: CaseDto['unit']): string {
  return unit ? localName(unit.nameZh, unit.nameEn) : '—';
}
