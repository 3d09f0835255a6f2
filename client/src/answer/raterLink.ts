import type { Language } from '../shared/language';

export type QuestionnaireStatus = 'not-started' | 'draft' | 'submitted';
export type CampaignStatus = 'draft' | 'open' | 'closed' | 'published';
export type Answers = Record<string, unknown>;

/** One evaluation the rater takes part in, with its own draft and submission. */
export interface Questionnaire {
  evaluationId: string;
  kind: string;
  title: string;
  titleEn: string;
  status: QuestionnaireStatus;
  /** The SurveyJS JSON as served, targets filled in. */
  survey: object;
  /** The draft, the submitted answers, or a prefill. */
  data: Answers | null;
  receipt: string | null;
  savedAt: string | null;
  submittedAt: string | null;
}

/** What GET /api/s/:token tells a rater about their link. */
export interface RaterLinkOverview {
  campaign: { title: string; slug: string; status: CampaignStatus; opensAt: string | null; closesAt: string | null };
  rater: { type: 'enterprise' | 'district'; code: string; name: string; nameEn: string };
  questionnaires: Questionnaire[];
}

export interface Localized {
  zh: string;
  en: string;
}

/** A problem with one answer; `field` is a data path: `question`, `ratings[2].attitude`, `matrix.row`, `name-Comment`. */
export interface FieldProblem {
  field: string;
  message: string;
  messages?: Localized;
}

/** An answer from the server, or the error it sent; status 0 when no answer came at all. */
export type Reply<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; code?: string; message?: string; messages?: Localized; errors?: FieldProblem[] };

export interface Saved {
  status: 'draft';
  savedAt: string;
}

export interface Submitted {
  status: 'submitted';
  receipt: string;
  submittedAt: string;
}

/** The server's text in the page's language (an error body, or one of its listed problems). */
export function localized(text: { message?: string; messages?: Localized }, language: Language): string | undefined {
  return (language === 'en' ? text.messages?.en : text.messages?.zh) || text.message;
}

/**
 * Plain fetch rather than the generated API client: the public route stays as
 * small as possible. `keepalive` lets a save outlive the page being closed.
 */
export async function call<T>(method: string, path: string, language: Language, body?: unknown, keepalive = false): Promise<Reply<T>> {
  try {
    const response = await fetch(path, {
      method,
      keepalive,
      headers: { Accept: 'application/json', 'Accept-Language': language, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // Proxies may answer with HTML or nothing at all.
    const json = await response.json().catch(() => ({}));
    return response.ok ? { ok: true, status: response.status, body: json as T } : { ...json, ok: false, status: response.status };
  } catch {
    return { ok: false, status: 0 };
  }
}

export const linkPath = (token: string) => `/api/s/${encodeURIComponent(token)}`;

export function lookUpRaterLink(token: string, language: Language): Promise<Reply<RaterLinkOverview>> {
  return call('GET', linkPath(token), language);
}

export function saveDraft(token: string, evaluationId: string, data: Answers, language: Language, keepalive: boolean): Promise<Reply<Saved>> {
  return call('PUT', `${linkPath(token)}/${evaluationId}/draft`, language, { data }, keepalive);
}

export function submitAnswers(token: string, evaluationId: string, data: Answers, language: Language): Promise<Reply<Submitted>> {
  return call('POST', `${linkPath(token)}/${evaluationId}/submit`, language, { data });
}

export type HandlingRating = 'satisfied' | 'basically' | 'dissatisfied';

/** A problem the enterprise raised (by complaint or in a ballot), as it may see it through its link. */
export interface RaterCase {
  id: string;
  number: string;
  source: 'ballot' | 'complaint' | 'office';
  status: string;
  text: string;
  identityShared: boolean;
  unit: { kind: string; code: string; nameZh: string; nameEn: string } | null;
  reply: string | null;
  rejectReason: string | null;
  handlingRating: HandlingRating | null;
  canRate: boolean;
  createdAt: string;
  repliedAt: string | null;
  closedAt: string | null;
}

export function listCases(token: string, language: Language): Promise<Reply<RaterCase[]>> {
  return call('GET', `${linkPath(token)}/cases`, language);
}

