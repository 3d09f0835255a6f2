import type { EntityManager } from 'typeorm';
import type { EvaluationKind, TargetGroup } from '../campaigns/campaign.entities.js';
import type { CaseFiguresDto } from '../cases/dto/case.dto.js';
import { MAX_CRITERIA } from '../questionnaires/questionnaire-rules.js';
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
  /** Invitations that reached the rater group, and the voided ballots. */
  invited: number;
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
}

const SUBMITTED = `s.evaluation_id = $1 AND s.status = 'submitted' AND s.voided_at IS NULL`;
/** In the answer counts, a code outside the scale (which the questionnaire rules keep out). */
const OTHER_ANSWER = 'other';

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

  const rows: { id: string; kind: EvaluationKind; title_zh: string; title_en: string; rater_group: 'enterprise' | 'district'; target_group: TargetGroup; surveys: Record<string, unknown>[] | null }[] =
    await manager.query(
      `SELECT e.id, e.kind, e.title_zh, e.title_en, e.rater_group, e.target_group,
              (SELECT json_agg(q.survey ORDER BY q.version DESC) FROM questionnaire_versions q WHERE q.evaluation_id = e.id) AS surveys
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
  };
}

/**
 * The codes of every point map, then `na` — the only answers a criterion may offer. In the packed
 * answers of a ballot a code is its index + 1 (0 = not answered); a 15th code and beyond share 15.
 */
function answerCodeList(config: ScoringConfig): string[] {
  const codes = new Set<string>(Object.keys(config.points.values));
  for (const map of Object.values(config.alternativePoints)) for (const code of Object.keys(map)) codes.add(code);
  codes.add('na');
  return [...codes].slice(0, 14);
}

async function loadEvaluation(
  manager: EntityManager,
  campaignId: string,
  row: { id: string; kind: EvaluationKind; title_zh: string; title_en: string; rater_group: 'enterprise' | 'district'; target_group: TargetGroup; surveys: Record<string, unknown>[] | null },
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

  // The newest version's criteria first, then any an older version had.
  const criteria = [...new Set((row.surveys ?? []).flatMap((survey) => ratingCriteria(survey)))];
  if (criteria.length > MAX_CRITERIA) throw new Error(`${row.kind} has ${criteria.length} criteria over its versions; at most ${MAX_CRITERIA} can be scored`);
  const alternativeNames = Object.keys(config.alternativePoints).sort();
  const scan = await scanBallots(manager, row.id, criteria, answerCodes, [config.points.values, ...alternativeNames.map((name) => config.alternativePoints[name])], config.criterionWeights);
  const answerCounts: Record<string, Record<string, Record<string, number>>> = {};
  const cellCounts = new Uint32Array(scan.ballots.length);
  const targetCounts = new Uint16Array(scan.ballots.length);
  const byTarget = new Map(scan.targets.map((t) => [t.target_id, t]));
  for (const target of targets) {
    const scanned = byTarget.get(target.id);
    if (!scanned) continue;
    const counts: Record<string, Record<string, number>> = (answerCounts[target.code] = {});
    for (let i = 0; i < scanned.ords.length; i++) {
      let packed = scanned.packed[i];
      targetCounts[scanned.ords[i]] += 1;
      for (let c = 0; c < criteria.length; c++, packed = Math.floor(packed / 16)) {
        const nibble = packed % 16;
        if (nibble === 0) continue;
        const code = nibble <= answerCodes.length ? answerCodes[nibble - 1] : OTHER_ANSWER;
        const byCode = (counts[criteria[c]] ??= {});
        byCode[code] = (byCode[code] ?? 0) + 1;
        cellCounts[scanned.ords[i]] += 1;
      }
    }
  }

  const [counts]: { voided: number; invited: number }[] = await manager.query(
    `SELECT (SELECT count(*)::int FROM responses s WHERE s.evaluation_id = $1 AND s.status = 'submitted' AND s.voided_at IS NOT NULL) AS voided,
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
    // The scan read every submitted, not voided ballot.
    ballots: scan.ballots.length,
    raters: counts.invited,
    targets: targets.map((t) => ({
      code: t.code,
      answerCounts: answerCounts[t.code] ?? {},
      seen: byTarget.get(t.id)?.ords.length ?? 0,
      ballotScores: {
        primary: validScores(byTarget.get(t.id)?.scores[0]),
        alternatives: Object.fromEntries(alternativeNames.map((name, i) => [name, validScores(byTarget.get(t.id)?.scores[i + 1])])),
      },
    })),
  };

  const { quality, receipts } = qualityBallots(scan, targets.map((t) => t.id), criteria.length, cellCounts, targetCounts);
  return {
    input,
    meta: {
      evaluationId: row.id, kind, titleZh: row.title_zh, titleEn: row.title_en, invited: counts.invited, voided: counts.voided,
      answerCounts, quality, receipts,
    },
  };
}

interface ScannedTarget {
  target_id: string;
  /** Ballots (their index in `ballots`) that rated the target, ascending. */
  ords: Int32Array;
  /** Each ballot's answers to the target's criteria, 4 bits a criterion (the answer code's index + 1). */
  packed: Float64Array;
  /** Ballot target scores under point map 0, 1 …; NaN where the ballot abstained on every criterion. */
  scores: Float64Array[];
}

interface Scan {
  ballots: { id: string; receipt: string; seconds: number | null }[];
  targets: ScannedTarget[];
}

/**
 * One scan of an evaluation's rating rows, grouped by ballot and target: each ballot's target score
 * under every point map (the weighted mean of the points of its valid answers; points and weights
 * join as small tables) and its answers packed into one number; then one row per target with the
 * ballots in id order. Answer counts, ballot scores and the data-quality cells all come from it.
 */
async function scanBallots(
  manager: EntityManager,
  evaluationId: string,
  criteria: string[],
  answerCodes: string[],
  pointMaps: Record<string, number>[],
  weights: Record<string, number>,
): Promise<Scan> {
  const ballots: Scan['ballots'] = await manager.query(
    `SELECT s.id, s.receipt, extract(epoch FROM s.submitted_at - s.started_at)::float8 AS seconds FROM responses s WHERE ${SUBMITTED} ORDER BY s.id`,
    [evaluationId],
  );
  // Points and weights as CASE expressions over bound codes: no join per rating row.
  const params: unknown[] = [evaluationId, criteria, answerCodes];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const number = (value: number) => {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  };
  const pointsOf = (map: Record<string, number>) => `CASE r.answer ${Object.entries(map).map(([code, value]) => `WHEN ${bind(code)} THEN ${number(value)}::float8`).join(' ')} END`;
  const weighted = Object.entries(weights);
  const weight = weighted.length ? `CASE r.criterion ${weighted.map(([code, value]) => `WHEN ${bind(code)} THEN ${number(value)}::float8`).join(' ')} ELSE 1 END` : '1';
  const perMap = pointMaps.map((map, i) => `sum(${weight} * ${pointsOf(map)}) / nullif(sum(${weight}) FILTER (WHERE ${pointsOf(map)} IS NOT NULL), 0) AS s${i}`);
  // The arrays travel as binary (big-endian, as int4send/float8send write them): parsing two
  // million numbers from text costs more than the whole aggregation.
  const arrays = pointMaps.map((_, i) => `string_agg(float8send(coalesce(s${i}, 'NaN')), ''::bytea ORDER BY ord) AS s${i}`);
  // 480,000 ballot × target groups at 12,000 enterprises: room to aggregate in memory, not on disk.
  await manager.query(`SET LOCAL work_mem = '64MB'`);
  const rows: ({ target_id: string; ords: Buffer; packed: Buffer } & Record<string, Buffer>)[] = await manager.query(
    `WITH ballot AS (
            SELECT r.target_id, r.response_id, ${perMap.join(', ')},
                   sum(coalesce(array_position($3::text[], r.answer), 15) * power(16, array_position($2::text[], r.criterion) - 1))::float8 AS packed
              FROM response_ratings r JOIN responses s ON s.id = r.response_id
             WHERE ${SUBMITTED} AND array_position($2::text[], r.criterion) IS NOT NULL
             GROUP BY r.target_id, r.response_id),
          resp AS (SELECT s.id, (row_number() OVER (ORDER BY s.id) - 1)::int AS ord FROM responses s WHERE ${SUBMITTED})
     SELECT target_id, string_agg(int4send(ord), ''::bytea ORDER BY ord) AS ords, string_agg(float8send(packed), ''::bytea ORDER BY ord) AS packed, ${arrays.join(', ')}
       FROM ballot JOIN resp ON resp.id = ballot.response_id GROUP BY target_id`,
    params,
  );
  const targets = rows.map((row): ScannedTarget => ({
    target_id: row.target_id, ords: int32s(row.ords), packed: float64s(row.packed), scores: pointMaps.map((_, i) => float64s(row[`s${i}`])),
  }));
  return { ballots, targets };
}

const validScores = (scores: Float64Array | undefined): number[] => (scores ? Array.from(scores).filter((s) => !Number.isNaN(s)) : []);

function int32s(bytes: Buffer): Int32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Int32Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getInt32(i * 4));
}

function float64s(bytes: Buffer): Float64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: bytes.byteLength / 8 }, (_, i) => view.getFloat64(i * 8));
}

/** Each ballot's answers as compact cells (position of target × criterion, answer index) for §5. */
function qualityBallots(scan: Scan, targetIds: string[], criteriaCount: number, cellCounts: Uint32Array, targetCounts: Uint16Array): { quality: QualityBallot[]; receipts: Record<string, string> } {
  const cells = Array.from(scan.ballots, (_, i) => new Uint32Array(cellCounts[i]));
  const filled = new Uint32Array(scan.ballots.length);
  const position = new Map(targetIds.map((id, i) => [id, i]));
  for (const target of scan.targets) {
    const base = position.get(target.target_id)! * criteriaCount;
    for (let i = 0; i < target.ords.length; i++) {
      const ord = target.ords[i];
      let packed = target.packed[i];
      for (let c = 0; c < criteriaCount; c++, packed = Math.floor(packed / 16)) {
        const nibble = packed % 16;
        if (nibble !== 0) cells[ord][filled[ord]++] = (base + c) * 16 + (nibble - 1);
      }
    }
  }
  const receipts: Record<string, string> = {};
  const quality = scan.ballots.map((ballot, i): QualityBallot => {
    receipts[ballot.id] = ballot.receipt;
    return { id: ballot.id, seconds: ballot.seconds, targets: targetCounts[i], cells: cells[i].sort() };
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
