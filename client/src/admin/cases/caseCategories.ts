import type { CaseSource, CaseStatus } from './caseApi';

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
