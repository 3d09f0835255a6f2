import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import type { CampaignStatus, TargetGroup } from '../campaigns/campaign.entities.js';
import { AppError, ErrorCode, type FieldError } from '../common/errors.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { LinkTokens } from '../invitations/link-tokens.js';
import type { BallotProblem } from '../questionnaires/compiled-validator.js';
import { CompiledQuestionnaires, type PreparedQuestionnaire } from './compiled-questionnaires.js';
import type { ReceiptDto, SavedDraftDto } from './dto/answering.dto.js';
import { RATINGS_VALUE } from './served-questionnaire.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one query tells about a link, one of its questionnaires and the rater's answer so far. */
interface AnswerContext {
  invitation_id: string;
  token_generation: number;
  campaign_status: CampaignStatus;
  evaluation_id: string | null;
  target_group: TargetGroup | null;
  latest_version_id: string | null;
  latest_frozen: boolean;
  response_status: 'draft' | 'submitted' | null;
  response_version_id: string | null;
  receipt: string | null;
  submitted_at: Date | null;
}

const CONTEXT_SQL = `
  SELECT i.id AS invitation_id, i.token_generation, c.status AS campaign_status,
         e.id AS evaluation_id, e.target_group, v.id AS latest_version_id, v.frozen_at IS NOT NULL AS latest_frozen,
         r.status AS response_status, r.questionnaire_version_id AS response_version_id, r.receipt, r.submitted_at
    FROM invitations i
    JOIN campaigns c ON c.id = i.campaign_id
    LEFT JOIN evaluations e ON e.id = $2 AND e.campaign_id = i.campaign_id AND e.rater_group = i.rater_type
    LEFT JOIN LATERAL (SELECT q.id, q.frozen_at FROM questionnaire_versions q WHERE q.evaluation_id = e.id ORDER BY q.version DESC LIMIT 1) v ON true
    LEFT JOIN responses r ON r.invitation_id = i.id AND r.evaluation_id = e.id
   WHERE i.token_hash = $1 AND i.revoked_at IS NULL`;

/**
 * The version is frozen in the same statement that first uses it, so the console can
 * never change a questionnaire under an answer.
 */
const SAVE_DRAFT_SQL = `
  WITH saved AS (
    INSERT INTO responses AS r (invitation_id, evaluation_id, questionnaire_version_id, status, data)
    VALUES ($1, $2, $3, 'draft', $4::jsonb)
    ON CONFLICT (invitation_id, evaluation_id) DO UPDATE SET data = EXCLUDED.data, updated_at = now() WHERE r.status = 'draft'
    RETURNING r.updated_at
  ), frozen AS (
    UPDATE questionnaire_versions SET frozen_at = now() WHERE id = $3 AND frozen_at IS NULL AND $5::boolean AND EXISTS (SELECT 1 FROM saved)
  )
  SELECT updated_at FROM saved`;

/**
 * One statement: the ballot, its rating rows and the version's freeze commit together or not
 * at all. A second submission (another tab, a retry) waits on the first's row lock and then
 * finds it submitted, so it writes nothing.
 */
const SUBMIT_SQL = `
  WITH saved AS (
    INSERT INTO responses AS r (invitation_id, evaluation_id, questionnaire_version_id, status, data, receipt, submitted_at)
    VALUES ($1, $2, $3, 'submitted', $4::jsonb, $5, now())
    ON CONFLICT (invitation_id, evaluation_id) DO UPDATE
       SET status = 'submitted', data = EXCLUDED.data, receipt = EXCLUDED.receipt, submitted_at = now(), updated_at = now()
     WHERE r.status = 'draft'
    RETURNING r.id, r.receipt, r.submitted_at
  ), ratings AS (
    INSERT INTO response_ratings (response_id, target_id, criterion, answer)
    SELECT saved.id, x.target_id, x.criterion, x.answer FROM saved, unnest($6::uuid[], $7::text[], $8::text[]) AS x(target_id, criterion, answer)
  ), frozen AS (
    UPDATE questionnaire_versions SET frozen_at = now() WHERE id = $3 AND frozen_at IS NULL AND $9::boolean AND EXISTS (SELECT 1 FROM saved)
  )
  SELECT receipt, submitted_at FROM saved`;

/** Saving drafts and submitting ballots through a personal link. */
@Injectable()
export class AnsweringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly questionnaires: CompiledQuestionnaires,
  ) {}

  async saveDraft(token: string, evaluationId: string, body: unknown): Promise<SavedDraftDto> {
    const data = answersOf(body);
    const context = await this.context(token, evaluationId);
    if (context.response_status === 'submitted') throw new AppError(ErrorCode.AlreadySubmitted);
    const { versionId, prepared, freeze } = await this.questionnaireFor(context);
    rejectProblems(prepared.validator.validateDraft(data));
    const [saved]: { updated_at: Date }[] = await this.dataSource.query(SAVE_DRAFT_SQL, [context.invitation_id, context.evaluation_id, versionId, JSON.stringify(data), freeze]);
    // Submitted between our read and our write (another tab).
    if (!saved) throw new AppError(ErrorCode.AlreadySubmitted);
    return { status: 'draft', savedAt: saved.updated_at.toISOString() };
  }

  /** `created` is false when this exact submission had already been received. */
  async submit(token: string, evaluationId: string, body: unknown): Promise<{ created: boolean; receipt: ReceiptDto }> {
    const data = answersOf(body);
    const context = await this.context(token, evaluationId);
    const json = JSON.stringify(data);
    if (context.response_status === 'submitted') return { created: false, receipt: await this.sameSubmission(context, json) };
    const { versionId, prepared, freeze } = await this.questionnaireFor(context);
    rejectProblems(prepared.validator.validateSubmission(data));
    const rows = ratingRows(prepared, data);
    for (let attempt = 0; ; attempt++) {
      try {
        const [saved]: { receipt: string; submitted_at: Date }[] = await this.dataSource.query(SUBMIT_SQL, [
          context.invitation_id, context.evaluation_id, versionId, json, newReceipt(), rows.targetIds, rows.criteria, rows.answers, freeze,
        ]);
        if (!saved) return { created: false, receipt: await this.sameSubmission(context, json) };
        return { created: true, receipt: { status: 'submitted', receipt: saved.receipt, submittedAt: saved.submitted_at.toISOString() } };
      } catch (error) {
        // 60 random bits: a clash is all but impossible, and a retry with a new code settles it.
        const clash = error instanceof QueryFailedError && (error.driverError as { constraint?: string }).constraint === 'UQ_responses_receipt';
        if (!clash || attempt >= 2) throw error;
      }
    }
  }

  /**
   * The link, the questionnaire and the rater's answer so far, with the refusals that do not
   * depend on the answers: unknown link or questionnaire, a campaign not open.
   */
  private async context(token: string, evaluationId: string): Promise<AnswerContext & { evaluation_id: string }> {
    if (!LinkTokens.looksLikeToken(token)) throw new AppError(ErrorCode.LinkNotFound);
    const [row]: AnswerContext[] = await this.dataSource.query(CONTEXT_SQL, [LinkTokens.hash(token), UUID.test(evaluationId) ? evaluationId : null]);
    if (!row || !this.invitations.tokens.matches(token, row.invitation_id, row.token_generation)) throw new AppError(ErrorCode.LinkNotFound);
    if (!row.evaluation_id || !row.latest_version_id) throw new AppError(ErrorCode.QuestionnaireNotFound);
    if (row.campaign_status === 'draft') throw new AppError(ErrorCode.CampaignNotOpen);
    if (row.campaign_status !== 'open') throw new AppError(ErrorCode.CampaignClosed);
    return row as AnswerContext & { evaluation_id: string };
  }

  /** A draft keeps the version it was started on; a new answer takes the newest. */
  private async questionnaireFor(context: AnswerContext & { evaluation_id: string }): Promise<{ versionId: string; prepared: PreparedQuestionnaire; freeze: boolean }> {
    const versionId = context.response_version_id ?? context.latest_version_id!;
    const prepared = await this.questionnaires.get(versionId, context.evaluation_id, context.target_group);
    return { versionId, prepared, freeze: versionId === context.latest_version_id && !context.latest_frozen };
  }

  /** The stored receipt when the same answers are sent again; anything else is a change, refused. */
  private async sameSubmission(context: AnswerContext, json: string): Promise<ReceiptDto> {
    const [stored]: { same: boolean; receipt: string; submitted_at: Date }[] = await this.dataSource.query(
      `SELECT data = $3::jsonb AS same, receipt, submitted_at FROM responses WHERE invitation_id = $1 AND evaluation_id = $2 AND status = 'submitted'`,
      [context.invitation_id, context.evaluation_id, json],
    );
    if (!stored?.same) throw new AppError(ErrorCode.AlreadySubmitted);
    return { status: 'submitted', receipt: stored.receipt, submittedAt: stored.submitted_at.toISOString() };
  }
}

/** The `data` of a `{ data }` body, which must be an object of answers. */
function answersOf(body: unknown): Record<string, unknown> {
  const data = (body as { data?: unknown } | null)?.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new AppError(ErrorCode.AnswersMissing, { errors: [{ field: 'data', message: 'must be an object', messages: { zh: 'data 应为一个对象', en: '"data" must be an object' } }] });
  }
  return data as Record<string, unknown>;
}

function rejectProblems(problems: BallotProblem[]): void {
  if (problems.length === 0) return;
  const errors: FieldError[] = problems.map((p) => ({ field: p.question, code: p.code, message: p.messages.en, messages: p.messages }));
  throw new AppError(ErrorCode.BallotInvalid, { errors });
}

/** The rating rows of a validated ballot: one per answered criterion of each card. */
function ratingRows(prepared: PreparedQuestionnaire, data: Record<string, unknown>): { targetIds: string[]; criteria: string[]; answers: string[] } {
  const rows = { targetIds: [] as string[], criteria: [] as string[], answers: [] as string[] };
  const cards = data[RATINGS_VALUE];
  if (prepared.criteria.length === 0 || !Array.isArray(cards)) return rows;
  for (const card of cards as Record<string, unknown>[]) {
    const targetId = prepared.targetIds.get(card.target as string);
    if (!targetId) continue;
    for (const criterion of prepared.criteria) {
      const answer = card[criterion];
      if (typeof answer !== 'string') continue;
      rows.targetIds.push(targetId);
      rows.criteria.push(criterion);
      rows.answers.push(answer);
    }
  }
  return rows;
}

/** Crockford's base32 (no I, L, O, U): readable aloud and over the phone. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters, 60 random bits, shown as XXXX-XXXX-XXXX. */
function newReceipt(): string {
  const bytes = randomBytes(12);
  let code = '';
  for (const byte of bytes) code += RECEIPT_ALPHABET[byte & 31];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
