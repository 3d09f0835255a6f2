import type { CaseSource, CaseStatus } from './caseApi';

/**
 * The categories of a case. They mirror the list the server seeds (there is no endpoint
 * listing them yet); a case shows the names the server sends with it.
 */
export const CASE_CATEGORIES: readonly { code: string; nameZh: string; nameEn: string }[] = [
  { code: 'land', nameZh: '用地', nameEn: 'Land' },
  { code: 'labour', nameZh: '用工', nameEn: 'Labour' },
  { code: 'approval', nameZh: '审批', nameEn: 'Approvals' },
  { code: 'inspection', nameZh: '执法检查', nameEn: 'Inspections' },
  { code: 'tax-fees', nameZh: '税费', nameEn: 'Taxes and fees' },
  { code: 'finance', nameZh: '融资', nameEn: 'Finance' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
];

export const CASE_STATUSES: readonly CaseStatus[] = ['new', 'accepted', 'rejected', 'merged', 'assigned', 'in-progress', 'replied', 'closed', 'reopened'];

export const CASE_SOURCES: readonly CaseSource[] = ['ballot', 'complaint', 'office'];

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'blue',
  accepted: 'cyan',
  rejected: 'default',
  merged: 'default',
  assigned: 'geekblue',
  'in-progress': 'processing',
  replied: 'gold',
  closed: 'success',
  reopened: 'volcano',
};
