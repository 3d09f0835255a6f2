import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CampaignStatus, EvaluationKind } from '../campaigns/campaign.entities.js';
import { AppError, ErrorCode } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { defaultScoringConfig } from '../scoring/scoring-config.js';
import type { QuestionnaireProblemDto, QuestionnaireVersionDto, QuestionnaireVersionSummaryDto, SavedQuestionnaireDto } from './dto/questionnaire.dto.js';
import { checkQuestionnaire, MAX_QUESTIONNAIRE_BYTES, questionnaireSize, type QuestionnaireProblem } from './questionnaire-rules.js';

interface EvaluationRow {
  id: string;
  kind: EvaluationKind;
  status: CampaignStatus;
  scoring_config: { points?: { values?: Record<string, number> } } | null;
}

interface LatestVersion {
  id: string;
  version: number;
  in_use: boolean;
  same: boolean;
}

/** Questionnaires may change until the campaign closes; after that the results rest on them. */
const EDITABLE: readonly CampaignStatus[] = ['draft', 'open'];

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The versions of an evaluation's questionnaire. A version is frozen once any draft or response
 * uses it (the answering code stamps frozen_at); saving then makes a new version, and responses
 * keep the one they were answered on.
 */
@Injectable()
export class QuestionnairesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(evaluationId: string): Promise<QuestionnaireVersionSummaryDto[]> {
    await this.evaluation(evaluationId);
    const rows: { id: string; version: number; frozen_at: Date | null; created_at: Date; response_count: number; draft_count: number }[] = await this.dataSource.query(
      `SELECT q.id, q.version, q.frozen_at, q.created_at,
              count(r.id) FILTER (WHERE r.status = 'submitted')::int AS response_count,
              count(r.id) FILTER (WHERE r.status = 'draft')::int AS draft_count
         FROM questionnaire_versions q
         LEFT JOIN responses r ON r.questionnaire_version_id = q.id
        WHERE q.evaluation_id = $1
        GROUP BY q.id
        ORDER BY q.version DESC`,
      [evaluationId],
    );
    return rows.map((r) => ({ id: r.id, version: r.version, frozenAt: iso(r.frozen_at), createdAt: r.created_at.toISOString(), responseCount: r.response_count, draftCount: r.draft_count }));
  }

  async get(evaluationId: string, version: number): Promise<QuestionnaireVersionDto> {
    const evaluation = await this.evaluation(evaluationId);
    const [row]: { id: string; version: number; frozen_at: Date | null; created_at: Date; survey: Record<string, unknown> }[] = await this.dataSource.query(
      'SELECT id, version, frozen_at, created_at, survey FROM questionnaire_versions WHERE evaluation_id = $1 AND version = $2',
      [evaluationId, version],
    );
    if (!row) throw new AppError(ErrorCode.QuestionnaireVersionNotFound);
    return { id: row.id, version: row.version, frozenAt: iso(row.frozen_at), createdAt: row.created_at.toISOString(), kind: evaluation.kind, survey: row.survey };
  }

  /**
   * Checks the JSON and, unless `dryRun`, saves it: in place while the latest version is unused
   * and the campaign a draft, else as a new version. `english` picks the language of `message`.
   */
  async save(evaluationId: string, input: Record<string, unknown>, options: { dryRun: boolean; english: boolean }): Promise<SavedQuestionnaireDto> {
    const evaluation = await this.evaluation(evaluationId);
    const size = questionnaireSize(input);
    if (size === null || size > MAX_QUESTIONNAIRE_BYTES) throw new AppError(ErrorCode.QuestionnaireTooLarge);
    if (!EDITABLE.includes(evaluation.status)) throw new AppError(ErrorCode.QuestionnaireLocked);
    const check = checkQuestionnaire(input, evaluation.kind, scaleOf(evaluation));
    if (check.errors.length > 0) throw new AppError(ErrorCode.QuestionnaireInvalid, { errors: check.errors.map((e) => withMessage(e, options.english)) });
    const warnings = check.warnings.map((w) => withMessage(w, options.english));

    if (options.dryRun) {
      const latest = await this.latest(this.dataSource.manager, evaluationId, check.survey, false);
      const outcome = decide(evaluation.status, latest);
      return { dryRun: true, outcome, version: outcome === 'created' ? latest.version + 1 : latest.version, id: outcome === 'created' ? null : latest.id, warnings };
    }

    return this.dataSource.transaction(async (manager) => {
      // Locks the evaluation so that two saves do not take the same number, and holds the campaign
      // in its status (opening or closing it waits) until this save is in.
      const [locked]: { status: CampaignStatus }[] = await manager.query(
        'SELECT c.status FROM evaluations e JOIN campaigns c ON c.id = e.campaign_id WHERE e.id = $1 FOR UPDATE OF e FOR SHARE OF c',
        [evaluationId],
      );
      if (!locked) throw new AppError(ErrorCode.EvaluationNotFound);
      if (!EDITABLE.includes(locked.status)) throw new AppError(ErrorCode.QuestionnaireLocked);
      const latest = await this.latest(manager, evaluationId, check.survey, true);
      const outcome = decide(locked.status, latest);
      if (outcome === 'unchanged') return { dryRun: false, outcome, version: latest.version, id: latest.id, warnings };

      if (outcome === 'replaced') {
        const [[previous]]: [[{ survey: Record<string, unknown> }]] = await manager.query(
          'UPDATE questionnaire_versions n SET survey = $2 FROM questionnaire_versions o WHERE n.id = $1 AND o.id = n.id RETURNING o.survey',
          [latest.id, check.survey],
        );
        describeMutation({ entity: 'questionnaire_version', entityId: latest.id, before: { version: latest.version, survey: previous.survey }, after: { version: latest.version, survey: check.survey } });
        return { dryRun: false, outcome, version: latest.version, id: latest.id, warnings };
      }

      const version = latest.version + 1;
      const [{ id }]: { id: string }[] = await manager.query(
        'INSERT INTO questionnaire_versions (evaluation_id, version, survey) VALUES ($1, $2, $3) RETURNING id',
        [evaluationId, version, check.survey],
      );
      describeMutation({ entity: 'questionnaire_version', entityId: id, before: null, after: { evaluationId, version, previousVersion: latest.version, survey: check.survey } });
      return { dryRun: false, outcome, version, id, warnings };
    });
  }

  private async evaluation(id: string): Promise<EvaluationRow> {
    const [row]: EvaluationRow[] = await this.dataSource.query(
      'SELECT e.id, e.kind, c.status, c.scoring_config FROM evaluations e JOIN campaigns c ON c.id = e.campaign_id WHERE e.id = $1',
      [id],
    );
    if (!row) throw new AppError(ErrorCode.EvaluationNotFound);
    return row;
  }

  /** The highest version: whether anything uses it (the stamp, or a response the stamp has not reached) and whether it is `survey` already. */
  private async latest(manager: EntityManager, evaluationId: string, survey: Record<string, unknown>, lock: boolean): Promise<LatestVersion> {
    const [row]: LatestVersion[] = await manager.query(
      `SELECT q.id, q.version, q.survey = $2::jsonb AS same,
              (q.frozen_at IS NOT NULL OR EXISTS (SELECT 1 FROM responses r WHERE r.questionnaire_version_id = q.id)) AS in_use
         FROM questionnaire_versions q WHERE q.evaluation_id = $1 ORDER BY q.version DESC LIMIT 1 ${lock ? 'FOR UPDATE OF q' : ''}`,
      [evaluationId, survey],
    );
    // Every evaluation is created with version 1 and versions are never deleted.
    if (!row) throw new Error(`evaluation ${evaluationId} has no questionnaire version`);
    return row;
  }
}

function decide(status: CampaignStatus, latest: LatestVersion): SavedQuestionnaireDto['outcome'] {
  if (latest.same) return 'unchanged';
  return !latest.in_use && status === 'draft' ? 'replaced' : 'created';
}

/** The answer codes the campaign's scoring gives points to. */
function scaleOf(evaluation: EvaluationRow): string[] {
  const values = evaluation.scoring_config?.points?.values ?? defaultScoringConfig().points.values;
  return Object.keys(values);
}

function withMessage(problem: QuestionnaireProblem, english: boolean): QuestionnaireProblemDto {
  return { ...problem, message: english ? problem.messages.en : problem.messages.zh };
}
