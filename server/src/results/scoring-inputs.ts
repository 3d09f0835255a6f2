import type { EntityManager } from 'typeorm';
import type { EvaluationKind, TargetGroup } from '../campaigns/campaign.entities.js';
import type { CaseFiguresDto } from '../cases/dto/case.dto.js';
import { ratingCriteria } from '../responses/served-questionnaire.js';
import type { QualityBallot } from '../scoring/data-quality.js';
import { districtCategory, type ScoringConfig } from '../scoring/scoring-config.js';
import type { OfficeInputs, RatingEvaluationInput, RatingEvaluationKind, ScoringInput, UnitInput } from '../scoring/scoring-types.js';

const RATING_KINDS: readonly EvaluationKind[] = ['enterprise-rates-departments', 'enterprise-rates-districts', 'district-rates-departments'];

export interface UnitName {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
}

export interface EvaluationMeta {
  evaluationId: string;
  kind: RatingEvaluationKind;
  titleZh: string;
  titleEn: string;
  /** Invitations that reached the rater group, and their submitted ballots (voided ones included). */
  invited: number;
  submitted: number;
  voided: number;
  /** Answer counts per target and criterion, for the answer distributions on the pages. */
  answerCounts: Record<string, Record<string, Record<string, number>>>;
  quality: QualityBallot[];
  /** Response ids in the order of `quality`, and their receipts, for the review queue. */
  receipts: Record<string, string>;
}

export interface LoadedInputs {
  input: ScoringInput;
  departments: UnitName[];
  districts: UnitName[];
  evaluations: EvaluationMeta[];
  /** The answer codes the quality cells use, by index. */
  answerCodes: string[];
}

const SUBMITTED = `s.evaluation_id = $1 AND s.status = 'submitted' AND s.voided_at IS NULL`;

/**
 * Everything the engine needs for a campaign, aggregated in SQL from the rating rows: answer
 * counts per target, criterion and answer, and each ballot's target score under every point
 * map, computed by the database with the criterion weights.
 */
export async function loadScoringInputs(manager: EntityManager, campaignId: string, config: ScoringConfig, caseFigures: CaseFiguresDto): Promise<LoadedInputs> {
  const departments = (await manager.query('SELECT code, name_zh, name_en, category FROM departments ORDER BY code')).map(
    (r: { code: string; name_zh: string; name_en: string; category: string }) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en || r.name_zh, category: r.category }),
  ) as UnitName[];
  const districts = (await manager.query('SELECT code, name_zh, name_en, kind FROM districts ORDER BY code')).map(
    (r: { code: string; name_zh: string; name_en: string; kind: string }) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en || r.name_zh, category: districtCategory(r.kind) }),
  ) as UnitName[];

  const rows: { id: string; kind: EvaluationKind; title_zh: string; title_en: string; rater_group: 'enterprise' | 'district'; target_group: TargetGroup; survey: Record<string, unknown> | null }[] =
    await manager.query(
      `SELECT e.id, e.kind, e.title_zh, e.title_en, e.rater_group, e.target_group,
              (SELECT q.survey FROM questionnaire_versions q WHERE q.evaluation_id = e.id ORDER BY q.version DESC LIMIT 1) AS survey
         FROM evaluations e WHERE e.campaign_id = $1 AND e.kind = ANY($2) ORDER BY e.kind`,
      [campaignId, RATING_KINDS],
    );

  const answerCodes = answerCodeList(config);
  const evaluations: RatingEvaluationInput[] = [];
  const metas: EvaluationMeta[] = [];
  for (const row of rows) {
    const loaded = await loadEvaluation(manager, campaignId, row, config, answerCodes);
    evaluations.push(loaded.input);
    metas.push(loaded.meta);
  }

  return {
    input: {
      seed: '',
      config,
      departments: departments.map(({ code, category }): UnitInput => ({ code, category })),
      districts: districts.map(({ code, category }): UnitInput => ({ code, category })),
      evaluations,
      office: await loadOfficeInputs(manager, campaignId, caseFigures),
    },
    departments,
    districts,
    evaluations: metas,
    answerCodes,
  };
}

/** The codes of every point map, then `na`; any other code shares the last index. */
function answerCodeList(config: ScoringConfig): string[] {
  const codes = new Set<string>(Object.keys(config.points.values));
  for (const map of Object.values(config.alternativePoints)) for (const code of Object.keys(map)) codes.add(code);
  codes.add('na');
  return [...codes].slice(0, 15);
}

async function loadEvaluation(
  manager: EntityManager,
  campaignId: string,
  row: { id: string; kind: EvaluationKind; title_zh: string; title_en: string; rater_group: 'enterprise' | 'district'; target_group: TargetGroup; survey: Record<string, unknown> | null },
  config: ScoringConfig,
  answerCodes: string[],
): Promise<{ input: RatingEvaluationInput; meta: EvaluationMeta }> {
  const unitTable = row.target_group === 'department' ? 'departments' : 'districts';
  const unitColumn = row.target_group === 'department' ? 'department_id' : 'district_id';
  const targets: { id: string; code: string }[] = await manager.query(
    `SELECT t.id, u.code FROM evaluation_targets t JOIN ${unitTable} u ON u.id = t.${unitColumn} WHERE t.evaluation_id = $1 ORDER BY u.code`,
    [row.id],
  );
  const codeOf = new Map(targets.map((t) => [t.id, t.code]));

  const counted: { target_id: string; criterion: string; answer: string; count: number }[] = await manager.query(
    `SELECT r.target_id, r.criterion, r.answer, count(*)::int AS count
       FROM response_ratings r JOIN responses s ON s.id = r.response_id
      WHERE ${SUBMITTED} GROUP BY r.target_id, r.criterion, r.answer`,
    [row.id],
  );
  const answerCounts: Record<string, Record<string, Record<string, number>>> = {};
  const criteria = row.survey ? ratingCriteria(row.survey) : [];
  for (const c of counted) {
    const code = codeOf.get(c.target_id)!;
    const byCriterion = (answerCounts[code] ??= {});
    (byCriterion[c.criterion] ??= {})[c.answer] = c.count;
    if (!criteria.includes(c.criterion)) criteria.push(c.criterion);
  }

  const alternativeNames = Object.keys(config.alternativePoints).sort();
  const scored = await ballotScores(manager, row.id, [config.points.values, ...alternativeNames.map((name) => config.alternativePoints[name])], config.criterionWeights);

  const [counts]: { submitted: number; voided: number; invited: number }[] = await manager.query(
    `SELECT (SELECT count(*)::int FROM responses s WHERE s.evaluation_id = $1 AND s.status = 'submitted' AND s.voided_at IS NULL) AS submitted,
            (SELECT count(*)::int FROM responses s WHERE s.evaluation_id = $1 AND s.status = 'submitted' AND s.voided_at IS NOT NULL) AS voided,
            (SELECT count(*)::int FROM invitations i WHERE i.campaign_id = $2 AND i.rater_type = $3 AND i.revoked_at IS NULL) AS invited`,
    [row.id, campaignId, row.rater_group],
  );

  const kind = row.kind as RatingEvaluationKind;
  const input: RatingEvaluationInput = {
    evaluationId: row.id,
    kind,
    raterGroup: row.rater_group,
    targetGroup: row.target_group,
    criteria,
    ballots: counts.submitted,
    raters: counts.invited,
    targets: targets.map((t) => ({
      code: t.code,
      answerCounts: answerCounts[t.code] ?? {},
      seen: scored.get(t.id)?.seen ?? 0,
      ballotScores: {
        primary: scored.get(t.id)?.scores[0] ?? [],
        alternatives: Object.fromEntries(alternativeNames.map((name, i) => [name, scored.get(t.id)?.scores[i + 1] ?? []])),
      },
    })),
  };

  const { quality, receipts } = await loadQualityBallots(manager, row.id, targets.map((t) => t.id), criteria, answerCodes);
  return {
    input,
    meta: {
      evaluationId: row.id, kind, titleZh: row.title_zh, titleEn: row.title_en, invited: counts.invited, submitted: counts.submitted + counts.voided, voided: counts.voided,
      answerCounts, quality, receipts,
    },
  };
}

/**
 * Each ballot's target score under every point map: the weighted mean of the points of its valid
 * answers for that target; ballots with only abstentions have none but count as having seen the
 * target. One scan of the rating rows; points and weights join as small tables.
 */
async function ballotScores(
  manager: EntityManager,
  evaluationId: string,
  pointMaps: Record<string, number>[],
  weights: Record<string, number>,
): Promise<Map<string, { seen: number; scores: number[][] }>> {
  const points = pointMaps.flatMap((map, i) => Object.entries(map).map(([answer, value]) => ({ map: i, answer, value })));
  const perMap = pointMaps.map((_, i) => `sum(w.weight * p${i}.value) / nullif(sum(w.weight) FILTER (WHERE p${i}.value IS NOT NULL), 0) AS s${i}`);
  const joins = pointMaps.map((_, i) => `LEFT JOIN points p${i} ON p${i}.map = ${i} AND p${i}.answer = r.answer`);
  const arrays = pointMaps.map((_, i) => `array_agg(s${i} ORDER BY response_id) FILTER (WHERE s${i} IS NOT NULL) AS a${i}`);
  const rows: ({ target_id: string; seen: number } & Record<string, number[] | null>)[] = await manager.query(
    `WITH points AS (SELECT (p->>'map')::int AS map, p->>'answer' AS answer, (p->>'value')::float8 AS value FROM jsonb_array_elements($2::jsonb) p),
          criterion_weights AS (SELECT key AS criterion, value::float8 AS weight FROM jsonb_each_text($3::jsonb)),
          ballot AS (
            SELECT r.target_id, r.response_id, ${perMap.join(', ')}
              FROM response_ratings r JOIN responses s ON s.id = r.response_id
              LEFT JOIN criterion_weights cw ON cw.criterion = r.criterion
              CROSS JOIN LATERAL (SELECT coalesce(cw.weight, 1) AS weight) w
              ${joins.join(' ')}
             WHERE ${SUBMITTED}
             GROUP BY r.target_id, r.response_id)
     SELECT target_id, count(*)::int AS seen, ${arrays.join(', ')} FROM ballot GROUP BY target_id`,
    [evaluationId, JSON.stringify(points), JSON.stringify(weights)],
  );
  return new Map(rows.map((r) => [r.target_id, { seen: r.seen, scores: pointMaps.map((_, i) => r[`a${i}`] ?? []) }]));
}

/** Each ballot's answers as compact cells (position of target × criterion, answer index) for §5. */
async function loadQualityBallots(
  manager: EntityManager,
  evaluationId: string,
  targetIds: string[],
  criteria: string[],
  answerCodes: string[],
): Promise<{ quality: QualityBallot[]; receipts: Record<string, string> }> {
  const rows: { id: string; receipt: string; seconds: number | null; targets: number; cells: number[] }[] = await manager.query(
    `SELECT s.id, s.receipt, extract(epoch FROM s.submitted_at - s.started_at)::float8 AS seconds,
            count(DISTINCT r.target_id)::int AS targets,
            array_agg(((array_position($2::uuid[], r.target_id) - 1) * $5 + array_position($3::text[], r.criterion) - 1) * 16
                      + coalesce(array_position($4::text[], r.answer) - 1, 15)) FILTER (WHERE array_position($3::text[], r.criterion) IS NOT NULL) AS cells
       FROM responses s JOIN response_ratings r ON r.response_id = s.id
      WHERE ${SUBMITTED}
      GROUP BY s.id ORDER BY s.id`,
    [evaluationId, targetIds, criteria, answerCodes, criteria.length],
  );
  const receipts: Record<string, string> = {};
  const quality = rows.map((r): QualityBallot => {
    receipts[r.id] = r.receipt;
    return { id: r.id, seconds: r.seconds, targets: r.targets, cells: Uint32Array.from(r.cells ?? []).sort() };
  });
  return { quality, receipts };
}

async function loadOfficeInputs(manager: EntityManager, campaignId: string, figures: CaseFiguresDto): Promise<OfficeInputs> {
  const rows: {
    code: string; kind: 'department' | 'district'; inspection_score: number | null; self_inspection_score: number | null; self_inspection_complete: boolean; objective_score: number | null; veto_reason: string | null;
  }[] = await manager.query(
    `SELECT COALESCE(d.code, q.code) AS code, CASE WHEN a.department_id IS NOT NULL THEN 'department' ELSE 'district' END AS kind,
            a.inspection_score, a.self_inspection_score, a.self_inspection_complete, a.objective_score, a.veto_reason
       FROM unit_assessments a LEFT JOIN departments d ON d.id = a.department_id LEFT JOIN districts q ON q.id = a.district_id
      WHERE a.campaign_id = $1 ORDER BY 2, 1`,
    [campaignId],
  );
  const office: OfficeInputs = { inspection: {}, selfInspection: {}, vetoes: {}, overdueCases: {}, districtObjective: {} };
  const entered = new Map<string, number | null>();
  for (const r of rows) {
    if (r.inspection_score !== null) office.inspection[r.code] = r.inspection_score;
    if (r.veto_reason) office.vetoes[r.code] = r.veto_reason;
    if (r.kind === 'department') office.selfInspection[r.code] = { score: r.self_inspection_score, complete: r.self_inspection_complete };
    else entered.set(r.code, r.objective_score);
  }
  for (const unit of figures.units) {
    if (unit.unit.kind === 'department') {
      if (unit.overdueAtCutoff > 0) office.overdueCases[unit.unit.code] = unit.overdueAtCutoff;
    } else {
      office.districtObjective[unit.unit.code] = {
        entered: entered.get(unit.unit.code) ?? null, closureRate: unit.closureRate, rectificationRate: unit.rectificationRate, onTimeRate: unit.onTimeRate,
      };
    }
  }
  for (const [code, score] of entered) {
    if (score !== null && !office.districtObjective[code]) office.districtObjective[code] = { entered: score, closureRate: null, rectificationRate: null, onTimeRate: null };
  }
  return office;
}
