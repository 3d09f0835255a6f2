import type { GroupProgressDto, InvitationStatus, ProgressCountsDto, ProgressDto } from '../../api/models';

/** The parts of a progress bar, furthest step first; the same words as the links' statuses. */
export type ProgressSegment = Exclude<InvitationStatus, 'revoked'>;
export const PROGRESS_SEGMENTS: readonly ProgressSegment[] = ['submitted', 'draft', 'opened', 'not-opened'];

/** One colour per segment, in the hues of the status tags on the links tab (green, gold, blue, grey). */
export const SEGMENT_COLORS: Record<ProgressSegment, string> = {
  submitted: '#52c41a',
  draft: '#faad14',
  opened: '#91caff',
  'not-opened': '#d9d9d9',
};

/**
 * Raters of each segment. The server counts "opened" and "invited" cumulatively (a draft
 * has also been opened), so the bar's parts are the differences.
 */
export function segmentCounts(counts: ProgressCountsDto): Record<ProgressSegment, number> {
  return {
    submitted: counts.submitted,
    draft: counts.draft,
    opened: Math.max(0, counts.opened - counts.draft - counts.submitted),
    'not-opened': Math.max(0, counts.invited - counts.opened),
  };
}

/** A count as a share (0–1) of the raters invited; 0 when nobody is. */
export function shareOf(count: number, counts: Pick<ProgressCountsDto, 'invited'>): number {
  return counts.invited ? count / counts.invited : 0;
}

/** Highest response rate first; among equal rates the larger group first, then by key. */
export function byRateDescending(a: GroupProgressDto, b: GroupProgressDto): number {
  return b.rate - a.rate || b.invited - a.invited || a.key.localeCompare(b.key);
}

/** The ways enterprises are grouped, each with the figures it reads. */
export const PROGRESS_GROUPINGS = ['district', 'industry', 'investorCountry', 'sizeBand'] as const;
export type ProgressGrouping = (typeof PROGRESS_GROUPINGS)[number];

const GROUP_FIELDS: Record<ProgressGrouping, keyof Pick<ProgressDto, 'byDistrict' | 'byIndustry' | 'byInvestorCountry' | 'bySizeBand'>> = {
  district: 'byDistrict',
  industry: 'byIndustry',
  investorCountry: 'byInvestorCountry',
  sizeBand: 'bySizeBand',
};

export function isProgressGrouping(value: string | null): value is ProgressGrouping {
  return PROGRESS_GROUPINGS.includes(value as ProgressGrouping);
}

/** The groups of one grouping, sorted as the chart shows them. */
export function groupsOf(progress: ProgressDto, grouping: ProgressGrouping): GroupProgressDto[] {
  return [...progress[GROUP_FIELDS[grouping]]].sort(byRateDescending);
}
