import { Alert, Select, Skeleton } from 'antd';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { fetchCampaigns } from '../../api/endpoints';
import { ApiError } from '../../api/errors';
import type { CampaignDto } from '../../api/models';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { CaseList } from './CaseList';

/** Campaigns the page can offer, or null where the caller may not list them. */
async function campaignsIfAllowed(): Promise<CampaignDto[] | null> {
  try {
    return await fetchCampaigns();
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return null;
    throw error;
  }
}

/** The newest open campaign, or else the latest one. */
function defaultCampaign(campaigns: CampaignDto[]): CampaignDto | undefined {
  const newestFirst = [...campaigns].sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
  return newestFirst.find((campaign) => campaign.status === 'open') ?? newestFirst[0];
}

/**
 * The cases assigned to the department or district of the signed-in user. The campaign is the
 * one in the address (?campaign=, as a link from the office gives it), or else the newest open one.
 */
export function Component() {
  const { t } = useConsoleTranslation();
  const [params, setParams] = useSearchParams();
  const load = useCallback(() => campaignsIfAllowed(), []);
  const campaigns = useRemoteData(load);
  const requested = params.get('campaign') ?? undefined;
  const list = campaigns.data;
  const campaignId = useMemo(() => requested ?? (list ? defaultCampaign(list)?.id : undefined), [requested, list]);

  return (
    <>
      <PageHeader title={t('cases.mine.title')} />
      {campaigns.error !== undefined && <LoadFailure error={campaigns.error} onRetry={campaigns.reload} />}
      {campaigns.loading && campaigns.data === undefined && <Skeleton active paragraph={{ rows: 6 }} />}
      {!campaigns.loading && campaigns.error === undefined && (
        <>
          {list && list.length > 1 && (
            <div className="console-toolbar">
              <Select
                aria-label={t('cases.mine.campaign')}
                value={campaignId}
                options={list.map((campaign) => ({ value: campaign.id, label: campaign.title }))}
                onChange={(next: string) => setParams({ campaign: next }, { replace: true })}
                className="console-filter"
              />
            </div>
          )}
          {campaignId ? (
            <CaseList key={campaignId} campaignId={campaignId} showUnit={false} />
          ) : (
            <Alert type="info" showIcon title={list ? t('cases.mine.noCampaigns') : t('cases.mine.noCampaign')} />
          )}
        </>
      )}
    </>
  );
}
