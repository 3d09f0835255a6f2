import type { Language } from '../shared/language';
import { call, linkPath, type HandlingRating, type RaterCase, type Reply } from './raterLink';

// Only the complaint form and the cases use these: they travel in that chunk, not on the route.
export function raiseComplaint(token: string, text: string, identityShared: boolean, language: Language): Promise<Reply<RaterCase>> {
  return call('POST', `${linkPath(token)}/cases`, language, { text, identityShared });
}

export function rateHandling(token: string, caseId: string, rating: HandlingRating, language: Language): Promise<Reply<RaterCase>> {
  return call('POST', `${linkPath(token)}/cases/${caseId}/rating`, language, { rating });
}
