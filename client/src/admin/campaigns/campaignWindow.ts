import type { CampaignDto } from '../../api/models';
import type { Language } from '../../i18n';
import { formatDateTime } from '../../shared/format';

/** "opens – closes", with `notSet` for a missing end. */
export function formatCampaignWindow(campaign: Pick<CampaignDto, 'opensAt' | 'closesAt'>, language: Language, notSet: string): string {
  if (!campaign.opensAt && !campaign.closesAt) return notSet;
  const format = (iso: string | null) => (iso ? formatDateTime(iso, language) : notSet);
  return `${format(campaign.opensAt)} – ${format(campaign.closesAt)}`;
}
