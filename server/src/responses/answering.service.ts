import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Pool, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { CampaignStatus, TargetGroup } from '../campaigns/campaign.entities.js';
import { AppError, ErrorCode, type FieldError } from '../common/errors.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { LinkTokens } from '../invitations/link-tokens.js';
import type { BallotProblem } from '../questionnaires/compiled-validator.js';
import { CompiledQuestionnaires, type PreparedQuestionnaire } from './compiled-questionnaires.js';
import type { ReceiptDto, SavedDraftDto } from './dto/answering.dto.js';
import { RATINGS_VALUE } from '../questionnaires/questionnaire-rules.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the database says about a link, one of its questionnaires and the rater's answer so far. */
interface AnswerContext {
  invitation_id: string;
  token_generation: number;
  campaign_status: CampaignStatus;
  evaluation_id: string | null;
  target_group: TargetGroup | null;
  latest_version_id: string | null;
  response_status: 'draft' | 'submitted' | null;
  response_version_id: string | null;
}

const CONTEXT = `
  SELECT i.id AS invitation_id, i.token_generation, c.status AS campaign_status, e.id AS evaluation_id, e.target_group,
         (SELECT q.id FROM questionnaire_versions q WHERE q.evaluation_id = e.id ORDER BY q.version DESC LIMIT 1) AS latest_version_id,
         r.status AS response_status, r.questionnaire_version_id AS response_version_id
    FROM invitations i
    JOIN campaigns c ON c.id = i.campaign_id
    LEFT JOIN evaluations e ON e.id = $2 AND e.campaign_id = i.campaign_id AND e.rater_group = i.rater_type
    LEFT JOIN responses r ON r.invitation_id = i.id AND r.evaluation_id = e.id
   WHERE i.token_hash = $1 AND i.revoked_at IS NULL`;

/**
 * Writes only when the campaign is open, nothing is submitted yet, and $3 is the version the
 * answers were checked against (the draft's, or else the newest). The questionnaire version is
 * frozen in the same statement that first uses it, so the console can never change it under an
 * answer. The context comes back either way, to say why nothing was written.
 */
const WRITABLE = `ctx.campaign_status = 'open' AND ctx.response_status IS DISTINCT FROM 'submitted' AND COALESCE(ctx.response_version_id, ctx.latest_version_id) = $3`;
const FREEZE = `frozen AS (UPDATE questionnaire_versions SET frozen_at = now() WHERE id = $3 AND frozen_at IS NULL AND EXISTS (SELECT 1 FROM saved))`;

const SAVE_DRAFT_SQL = `
  WITH ctx AS (${CONTEXT}), saved AS (
    INSERT INTO responses AS r (invitation_id, evaluation_id, questionnaire_version_id, status, data)
    SELECT ctx.invitation_id, ctx.evaluation_id, $3, 'draft', $4::jsonb FROM ctx WHERE ${WRITABLE}
    ON CONFLICT (invitation_id, evaluation_id) DO UPDATE SET data = EXCLUDED.data, updated_at = now()
     WHERE r.status = 'draft' AND r.questionnaire_version_id = EXCLUDED.questionnaire_version_id
    RETURNING r.updated_at
  ), ${FREEZE}
  SELECT ctx.*, saved.updated_at FROM ctx LEFT JOIN saved ON true`;

/**
 * The ballot and its rating rows in one statement: both or neither. A second submission
 * (another tab, a retry) waits on the first's row lock, then finds it submitted and writes nothing.
 */
const SUBMIT_SQL = `
  WITH ctx AS (${CONTEXT}), saved AS (
    INSERT INTO responses AS r (invitation_id, evaluation_id, questionnaire_version_id, status, data, receipt, submitted_at)
    SELECT ctx.invitation_id, ctx.evaluation_id, $3, 'submitted', $4::jsonb, $5, now() FROM ctx WHERE ${WRITABLE}
    ON CONFLICT (invitation_id, evaluation_id) DO UPDATE
       SET status = 'submitted', data = EXCLUDED.data, receipt = EXCLUDED.receipt, submitted_at = now(), updated_at = now()
     WHERE r.status = 'draft' AND r.questionnaire_version_id = EXCLUDED.questionnaire_version_id
    RETURNING r.id, r.receipt, r.submitted_at
  ), ratings AS (
    INSERT INTO response_ratings (response_id, target_id, criterion, answer)
    SELECT saved.id, x.target_id, x.criterion, x.answer FROM saved, unnest($6::uuid[], $7::text[], $8::text[]) AS x(target_id, criterion, answer)
  ), ${FREEZE}
  SELECT ctx.*, saved.receipt, saved.submitted_at FROM ctx LEFT JOIN saved ON true`;

/** How long the newest version of an evaluation is assumed unchanged; a wrong guess costs one more round trip. */
const GUESS_TTL_MS = 10_000;

/**
 * Saving drafts and submitting ballots through a personal link. The common case is one round
 * trip: the answers are checked against the questionnaire version they will most likely be
 * stored with, then one statement finds the link, checks the campaign and that version, and
 * writes. When the guess was wrong it is corrected from what that statement returned.
 * The hot path talks to pg's pool directly, with named statements planned once per connection.
 */
@Injectable()
export class AnsweringService {
  private readonly pool: Pool;
  private readonly newest = new Map<string, { versionId: string; targetGroup: TargetGroup | null; until: number }>();

  constructor(
    dataSource: DataSource,
    private readonly invitations: InvitationsService,
    private readonly questionnaires: CompiledQuestionnaires,
  ) {
    this.pool = (dataSource.driver as PostgresDriver).master as Pool;
  }

  async saveDraft(token: string, evaluationId: string, body: unknown): Promise<SavedDraftDto> {
    const data = answersOf(body);
    const json = JSON.stringify(data);
    const row = await this.write<{ updated_at: Date | null }>(token, evaluationId, (prepared) => prepared.validator.validateDraft(data), (versionId) => ({
      name: 'answer-save-draft', text: SAVE_DRAFT_SQL, values: [LinkTokens.hash(token), evaluationId, versionId, json],
    }));
    // Saved, or else submitted meanwhile (another tab).
    if (!row.updated_at) throw new AppError(ErrorCode.AlreadySubmitted);
    return { status: 'draft', savedAt: row.updated_at.toISOString() };
  }

  /** `created` is false when this exact submission had already been received. */
  async submit(token: string, evaluationId: string, body: unknown): Promise<{ created: boolean; receipt: ReceiptDto }> {
    const data = answersOf(body);
    const json = JSON.stringify(data);
    for (let attempt = 0; ; attempt++) {
      try {
        const row = await this.write<{ receipt: string | null; submitted_at: Date | null }>(
          token, evaluationId,
          (prepared) => prepared.validator.validateSubmission(data),
          (versionId, prepared) => {
            const rows = ratingRows(prepared, data);
            return { name: 'answer-submit', text: SUBMIT_SQL, values: [LinkTokens.hash(token), evaluationId, versionId, json, newReceipt(), rows.targetIds, rows.criteria, rows.answers] };
          },
          (context) => (context.response_status === 'submitted' ? this.sameSubmission(context, json) : undefined),
        );
        if (row.receipt && row.submitted_at) return { created: true, receipt: { status: 'submitted', receipt: row.receipt, submittedAt: row.submitted_at.toISOString() } };
        // Submitted meanwhile (another tab): the same answers get the same receipt.
        return { created: false, receipt: await this.sameSubmission(row, json) };
      } catch (error) {
        if (error instanceof SameSubmission) return { created: false, receipt: error.receipt };
        // 60 random bits: a clash is all but impossible, and a retry with a new code settles it.
        const clash = (error as { constraint?: string }).constraint === 'UQ_responses_receipt';
        if (!clash || attempt >= 2) throw error;
      }
    }
  }

  /**
   * Checks the answers and writes them in one statement, correcting a wrong guess of the
   * version once. Refusals come in the contract's order: unknown link or questionnaire (404),
   * a campaign not open or an answer already submitted (409), then invalid answers (422).
   */
  private async write<Written>(
    token: string,
    evaluationId: string,
    check: (prepared: PreparedQuestionnaire) => BallotProblem[],
    statement: (versionId: string, prepared: PreparedQuestionnaire) => QueryConfig,
    onSubmitted?: (context: AnswerContext) => Promise<ReceiptDto> | undefined,
  ): Promise<AnswerContext & Written> {
    if (!LinkTokens.looksLikeToken(token)) throw new AppError(ErrorCode.LinkNotFound);
    if (!UUID.test(evaluationId)) {
      await this.context(token, null);
      throw new AppError(ErrorCode.QuestionnaireNotFound);
    }
    let guess = await this.guess(evaluationId);
    for (let round = 0; round < 3; round++) {
      const prepared = guess ? await this.questionnaires.get(guess.versionId, evaluationId, guess.targetGroup) : null;
      const problems = prepared ? check(prepared) : [];
      let context: AnswerContext;
      if (!guess || !prepared || problems.length > 0) {
        // Invalid, or nothing to check with: find out first whether the link, campaign and version stand.
        context = await this.context(token, evaluationId);
      } else {
        const [row] = (await this.pool.query(statement(guess.versionId, prepared))).rows as (AnswerContext & Written)[];
        context = this.verified(token, row);
        if (isWritten(row!)) return row!;
      }
      refuse(context);
      if (context.response_status === 'submitted') {
        const receipt = onSubmitted?.(context);
        if (receipt) throw new SameSubmission(await receipt);
        throw new AppError(ErrorCode.AlreadySubmitted);
      }
      const versionId = context.response_version_id ?? context.latest_version_id!;
      if (guess?.versionId === versionId) {
        rejectProblems(problems);
        // Valid and writable, yet not written: another tab submitted in between.
        const [row] = (await this.pool.query(statement(versionId, prepared!))).rows as (AnswerContext & Written)[];
        return this.verified(token, row) && row!;
      }
      guess = { versionId, targetGroup: context.target_group };
      if (!context.response_version_id) this.newest.set(evaluationId, { ...guess, until: Date.now() + GUESS_TTL_MS });
    }
    throw new Error(`the questionnaire version of evaluation ${evaluationId} kept changing`);
  }

  /** The newest version of an evaluation, as last seen; drafts on an older one correct it. */
  private async guess(evaluationId: string): Promise<{ versionId: string; targetGroup: TargetGroup | null } | null> {
    const known = this.newest.get(evaluationId);
    if (known && known.until > Date.now()) return known;
    const [row] = (await this.pool.query({
      name: 'answer-newest-version',
      text: 'SELECT e.target_group, (SELECT q.id FROM questionnaire_versions q WHERE q.evaluation_id = e.id ORDER BY q.version DESC LIMIT 1) AS version_id FROM evaluations e WHERE e.id = $1',
      values: [evaluationId],
    })).rows as { target_group: TargetGroup | null; version_id: string | null }[];
    if (!row?.version_id) return null;
    const guess = { versionId: row.version_id, targetGroup: row.target_group, until: Date.now() + GUESS_TTL_MS };
    this.newest.set(evaluationId, guess);
    return guess;
  }

  private async context(token: string, evaluationId: string | null): Promise<AnswerContext> {
    const { rows } = await this.pool.query({ name: 'answer-context', text: CONTEXT, values: [LinkTokens.hash(token), evaluationId] });
    return this.verified(token, rows[0] as AnswerContext | undefined);
  }

  /** The link behind a token, its HMAC compared in constant time; the same 404 for every failure. */
  private verified<Row extends AnswerContext>(token: string, row: Row | undefined): Row {
    if (!row || !this.invitations.tokens.matches(token, row.invitation_id, row.token_generation)) throw new AppError(ErrorCode.LinkNotFound);
    return row;
  }

  /** The stored receipt when the same answers are sent again; anything else is a change, refused. */
  private async sameSubmission(context: AnswerContext, json: string): Promise<ReceiptDto> {
    const { rows: [stored] } = await this.pool.query({
      name: 'answer-stored',
      text: `SELECT data = $3::jsonb AS same, receipt, submitted_at FROM responses WHERE invitation_id = $1 AND evaluation_id = $2 AND status = 'submitted'`,
      values: [context.invitation_id, context.evaluation_id, json],
    });
    if (!stored?.same) throw new AppError(ErrorCode.AlreadySubmitted);
    return { status: 'submitted', receipt: stored.receipt, submittedAt: (stored.submitted_at as Date).toISOString() };
  }
}

/** A repeated submission found while writing: answered with the stored receipt. */
class SameSubmission extends Error {
  constructor(readonly receipt: ReceiptDto) {
    super('already submitted with the same answers');
  }
}

const isWritten = (row: object): boolean => (row as { updated_at?: unknown }).updated_at instanceof Date || (row as { receipt?: unknown }).receipt != null;

/** The refusals that do not depend on the answers. */
function refuse(context: AnswerContext): void {
  if (!context.evaluation_id || !context.latest_version_id) throw new AppError(ErrorCode.QuestionnaireNotFound);
  if (context.campaign_status === 'draft') throw new AppError(ErrorCode.CampaignNotOpen);
  if (context.campaign_status !== 'open') throw new AppError(ErrorCode.CampaignClosed);
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

/**
 * The rating rows of a validated ballot, one per answered criterion of each card, as three
 * PostgreSQL array literals: built here in one pass rather than by pg element by element.
 */
function ratingRows(prepared: PreparedQuestionnaire, data: Record<string, unknown>): { targetIds: string; criteria: string; answers: string } {
  const targetIds: string[] = [];
  const criteria: string[] = [];
  const answers: string[] = [];
  const cards = data[RATINGS_VALUE];
  if (prepared.criteria.length > 0 && Array.isArray(cards)) {
    for (const card of cards as Record<string, unknown>[]) {
      const targetId = prepared.targetIds.get(card.target as string);
      if (!targetId) continue;
      for (const criterion of prepared.criteria) {
        const answer = card[criterion];
        if (typeof answer !== 'string') continue;
        targetIds.push(targetId);
        criteria.push(arrayElement(criterion));
        answers.push(arrayElement(answer));
      }
    }
  }
  return { targetIds: `{${targetIds.join(',')}}`, criteria: `{${criteria.join(',')}}`, answers: `{${answers.join(',')}}` };
}

/** Criterion names and answer codes are few and repeat on every ballot: each is quoted once. */
const quoted = new Map<string, string>();

/** An element of a PostgreSQL array literal, quoted so that commas, braces and quotes stay text. */
export function arrayElement(text: string): string {
  let element = quoted.get(text);
  if (element === undefined) {
    element = `"${text.replace(/[\\"]/g, '\\$&')}"`;
    // Only validated codes reach here, but keep the memo bounded all the same.
    if (quoted.size < 10_000) quoted.set(text, element);
  }
  return element;
}

/** Crockford's base32 (no I, L, O, U): readable aloud and over the phone. */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random bytes drawn in blocks: one call to the system's generator per 4 KB, not per receipt. */
let entropy = Buffer.alloc(0);
let entropyUsed = 0;

/** 12 characters, 60 random bits, shown as XXXX-XXXX-XXXX. */
function newReceipt(): string {
  if (entropyUsed + 12 > entropy.length) {
    entropy = randomBytes(4096);
    entropyUsed = 0;
  }
  let code = '';
  for (let i = entropyUsed; i < entropyUsed + 12; i++) code += RECEIPT_ALPHABET[entropy[i]! & 31];
  entropyUsed += 12;
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
