import { Tag } from 'antd';
import type { CampaignStatus } from '../../api/models';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { CAMPAIGN_STATUS_COLORS } from './campaignStatus';

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useConsoleTranslation();
  return <Tag color={CAMPAIGN_STATUS_COLORS[status]}>{t(`campaigns.statuses.${status}`)}</Tag>;
}
