import { apiErrorFromResponse, networkFailure, type ApiError } from '../api/errors';
import { currentLanguage } from '../i18n';

export interface QuestionnaireSummary {
  evaluationId: string;
  kind: string;
  title: string;
  status: string;
}

/** What GET /api/s/:token tells a rater about their link. */
export interface RaterLinkOverview {
  campaign: { title: string };
  rater: { name: string };
  questionnaires: QuestionnaireSummary[];
}

export type RaterLinkLookup =
  | { outcome: 'found'; overview: RaterLinkOverview }
  | { outcome: 'invalid' }
  | { outcome: 'failed'; error: ApiError };

/** Unknown tokens answer 404; revoked or expired ones may answer 410. */
const INVALID_LINK_STATUSES = new Set([404, 410]);

/**
 * Plain fetch rather than the typed openapi-fetch client: this route is not in
 * the generated schema yet, and the public bundle stays as small as possible.
 */
export async function lookUpRaterLink(token: string, signal?: AbortSignal): Promise<RaterLinkLookup> {
  let response: Response;
  try {
    response = await fetch(`/api/s/${encodeURIComponent(token)}`, {
      credentials: 'include',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
      signal,
    });
  } catch (cause) {
    return { outcome: 'failed', error: networkFailure(cause) };
  }
  if (INVALID_LINK_STATUSES.has(response.status)) return { outcome: 'invalid' };
  if (!response.ok) return { outcome: 'failed', error: await apiErrorFromResponse(response) };
  try {
    const overview = (await response.json()) as RaterLinkOverview;
    return { outcome: 'found', overview: { ...overview, questionnaires: overview.questionnaires ?? [] } };
  } catch (cause) {
    return { outcome: 'failed', error: networkFailure(cause) };
  }
}
