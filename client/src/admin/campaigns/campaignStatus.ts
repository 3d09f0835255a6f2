import type { CampaignAction } from '../../api/endpoints';
import type { CampaignStatus } from '../../api/models';

/** The life cycle in order, as the stepper shows it. */
export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['draft', 'open', 'closed', 'published'];

export const CAMPAIGN_STATUS_COLORS: Record<CampaignStatus, string> = {
  draft: 'default',
  open: 'green',
  closed: 'orange',
  published: 'blue',
};

/** The one action that moves a campaign on from each status; a published campaign is finished. */
export const NEXT_ACTION: Record<CampaignStatus, CampaignAction | undefined> = {
  draft: 'open',
  open: 'close',
  closed: 'publish',
  published: undefined,
};
