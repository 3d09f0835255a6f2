/**
 * What makes a scoring configuration usable: every number in its range and every set of
 * weights summing to something positive. Pure, so the office's edits and the tests share it.
 */
import { resolveScoringConfig } from './scoring-config.js';

export interface ConfigProblem {
  field: string;
  zh: string;
  en: string;
}

export function scoringConfigProblems(candidate: unknown): ConfigProblem[] {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    return [{ field: '', zh: '评分配置应为一个 JSON 对象。', en: 'The scoring configuration must be a JSON object.' }];
  }
  const config = resolveScoringConfig(candidate);
  const problems: ConfigProblem[] = [];
  const number = (field: string, value: unknown, min: number, max: number, integer = false): value is number => {
    const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
    if (!ok) {
      const kind = integer ? '整数' : '数';
      problems.push({ field, zh: `${field} 应为 ${min} 到 ${max} 之间的${kind}。`, en: `${field} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.` });
    }
    return ok;
  };
  const positiveSum = (field: string, weights: Record<string, unknown>) => {
    let sum = 0;
    for (const [key, value] of Object.entries(weights)) if (number(`${field}.${key}`, value, 0, 1000)) sum += value;
    if (sum <= 0) problems.push({ field, zh: `${field} 的权重之和应大于 0。`, en: `The weights of ${field} must add up to more than 0.` });
  };

  pointMap('points.values', config.points.values, number, problems);
  for (const [name, map] of Object.entries(config.alternativePoints)) pointMap(`alternativePoints.${name}`, map, number, problems);
  for (const [criterion, weight] of Object.entries(config.criterionWeights)) number(`criterionWeights.${criterion}`, weight, 0, 1000);
  codeList('satisfaction.content', config.satisfaction.content, problems);
  codeList('satisfaction.discontent', config.satisfaction.discontent, problems);

  const { enterprise, district } = config.eligibility;
  number('eligibility.enterprise.rankedMin', enterprise.rankedMin, 1, 100000, true);
  number('eligibility.enterprise.flaggedMin', enterprise.flaggedMin, 1, 100000, true);
  if (enterprise.flaggedMin > enterprise.rankedMin) {
    problems.push({ field: 'eligibility.enterprise.flaggedMin', zh: '“样本偏少”的下限不能高于正常排名的下限。', en: 'flaggedMin cannot be above rankedMin.' });
  }
  number('eligibility.district.quorumShare', district.quorumShare, 0, 1);
  number('eligibility.district.trimAtLeast', district.trimAtLeast, 3, 100000, true);
  number('eligibility.informationShortageShare', config.eligibility.informationShortageShare, 0, 1);
  number('shrinkage.fallbackK', config.shrinkage.fallbackK, 0, 100000);

  positiveSum('composite.departments', config.composite.departments);
  positiveSum('composite.districts', config.composite.districts);
  number('composite.overdueCaseDeduction', config.composite.overdueCaseDeduction, 0, 100);
  number('composite.maxDeduction', config.composite.maxDeduction, 0, 100);

  number('awards.quotaShare', config.awards.quotaShare, 0, 1);
  number('awards.quotaMinimum', config.awards.quotaMinimum, 0, 1000, true);
  number('awards.threshold', config.awards.threshold, 0, 100);

  number('uncertainty.resamples', config.uncertainty.resamples, 100, 20000, true);
  number('uncertainty.rankInterval', config.uncertainty.rankInterval, 0.5, 0.999);
  const band = config.uncertainty.reviewBand;
  if (!Array.isArray(band) || band.length !== 2 || !number('uncertainty.reviewBand[0]', band[0], 0, 1) || !number('uncertainty.reviewBand[1]', band[1], 0, 1) || band[0] > band[1]) {
    problems.push({ field: 'uncertainty.reviewBand', zh: '复核区间应为 [下限, 上限]，0 ≤ 下限 ≤ 上限 ≤ 1。', en: 'reviewBand must be [lower, upper] with 0 ≤ lower ≤ upper ≤ 1.' });
  }
  positiveSum('csr.weights', config.csr.weights);
  const award = config.csr.award;
  if (award.count !== null) number('csr.award.count', award.count, 1, 100000, true);
  if (award.share !== null) number('csr.award.share', award.share, 0, 1);
  if (award.count === null && award.share === null) {
    problems.push({ field: 'csr.award', zh: 'csr.award 应给出推荐名额（count）或比例（share）。', en: 'csr.award needs a count or a share.' });
  }
  pointsUpToHundred('csr.points.environment', config.csr.points.environment, number, problems);
  pointsUpToHundred('csr.points.labour', config.csr.points.labour, number, problems);
  return problems;
}

function pointMap(field: string, map: unknown, number: (field: string, value: unknown, min: number, max: number) => boolean, problems: ConfigProblem[]): void {
  if (typeof map !== 'object' || map === null || Object.keys(map).length < 2) {
    problems.push({ field, zh: `${field} 至少要给两个答案赋分。`, en: `${field} must give points to at least two answers.` });
    return;
  }
  for (const [code, points] of Object.entries(map)) number(`${field}.${code}`, points, 0, 100);
  if ('na' in map) problems.push({ field: `${field}.na`, zh: '“不了解”不计分，不能赋分。', en: '"na" is an abstention and cannot carry points.' });
}

function codeList(field: string, codes: unknown, problems: ConfigProblem[]): void {
  if (!Array.isArray(codes) || codes.some((c) => typeof c !== 'string')) problems.push({ field, zh: `${field} 应为答案代码的列表。`, en: `${field} must be a list of answer codes.` });
}

/** Rule-based points: each 0–100 and together at most 100, so an indicator stays on 0–100. */
function pointsUpToHundred(field: string, map: Record<string, unknown>, number: (field: string, value: unknown, min: number, max: number) => boolean, problems: ConfigProblem[]): void {
  let total = 0;
  for (const [key, value] of Object.entries(map)) if (number(`${field}.${key}`, value, 0, 100)) total += value as number;
  if (total > 100) problems.push({ field, zh: `${field} 的分值之和不能超过 100。`, en: `The points of ${field} must add up to at most 100.` });
}
