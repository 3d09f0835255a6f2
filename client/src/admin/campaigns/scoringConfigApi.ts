import { api, unwrap } from '../../api/client';
import type { CampaignDto } from '../../api/models';
import type { ScoringConfig, ScoringMethod } from './scoringConfigForm';

/** Replaces a draft campaign's whole scoring configuration; 422 lists the problems by field, 409 once it has opened. */
export function saveScoringConfig(campaignId: string, config: ScoringConfig): Promise<CampaignDto> {
  return unwrap(api.PUT('/api/campaigns/{id}/scoring-config', { params: { path: { id: campaignId } }, body: config as unknown as Record<string, unknown> }));
}

/** The method's defaults and named point scales, for "restore defaults" and the preset choice. */
export async function fetchScoringMethod(): Promise<ScoringMethod> {
  return (await unwrap(api.GET('/api/scoring-method'))) as unknown as ScoringMethod;
}
