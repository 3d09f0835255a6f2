import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import type { ResultsDto } from './useResults';

type Schemas = components['schemas'];

export type AwardDto = Schemas['AwardDto'];
export type AwardKind = AwardDto['award'];
/** Departments, districts, and the enterprises of 社会责任先进企业 by their USCC. */
export type AwardUnitType = AwardDto['unitType'];
export type QualityFlagDto = Schemas['QualityFlagDto'];
export type QualityKind = QualityFlagDto['kind'];
export type VoidedBallotDto = Schemas['VoidedBallotDto'];

/** The office awards a unit the rules did not propose, or withholds one they did; answers the awards list. */
export function overrideAward(campaignId: string, unitType: AwardUnitType, code: string, awarded: boolean, reason: string): Promise<AwardDto[]> {
  return unwrap(api.PUT('/api/campaigns/{id}/awards/{unitType}/{code}', { params: { path: { id: campaignId, unitType, code } }, body: { awarded, reason } }));
}

/** Back to what the rules propose. */
export function clearAwardOverride(campaignId: string, unitType: AwardUnitType, code: string): Promise<AwardDto[]> {
  return unwrap(api.DELETE('/api/campaigns/{id}/awards/{unitType}/{code}', { params: { path: { id: campaignId, unitType, code } } }));
}

export function confirmAwards(campaignId: string): Promise<ResultsDto> {
  return unwrap(api.POST('/api/campaigns/{id}/awards/confirm', { params: { path: { id: campaignId } } }));
}

export function voidBallot(responseId: string, reason: string): Promise<VoidedBallotDto> {
  return unwrap(api.POST('/api/responses/{responseId}/void', { params: { path: { responseId } }, body: { reason } }));
}
