import { currentLanguage } from '../../i18n';

/** A label in both languages; the console shows the one of its current language. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function inLanguage(label: Bilingual): string {
  return currentLanguage() === 'en' ? label.en : label.zh;
}

/** The criteria of the rating questionnaires, titled as the panels in surveys/*.json title them. */
const CRITERIA: Record<string, Bilingual> = {
  attitude: { zh: '服务态度', en: 'Attitude of service' },
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  lawful: { zh: '依法行政', en: 'Acting by law' },
  transparency: { zh: '政务公开', en: 'Openness' },
  integrity: { zh: '廉洁自律', en: 'Integrity' },
  government: { zh: '政务环境', en: 'Government services' },
  legal: { zh: '法治环境', en: 'Rule of law' },
  market: { zh: '市场环境', en: 'Market environment' },
  factors: { zh: '要素保障', en: 'Resources' },
  living: { zh: '生活配套', en: 'Living conditions' },
};

/** A criterion's title; a criterion a changed questionnaire added shows as its code. */
export function criterionLabel(code: string): string {
  const label = CRITERIA[code];
  return label ? inLanguage(label) : code;
}

/** Answer codes, best first and 不了解 last: the order of a distribution's segments. */
export const ANSWER_ORDER = ['very_satisfied', 'satisfied', 'basically', 'dissatisfied', 'very_dissatisfied', 'na'] as const;

const ANSWERS: Record<string, Bilingual> = {
  very_satisfied: { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  very_dissatisfied: { zh: '非常不满意', en: 'Very dissatisfied' },
  na: { zh: '不了解', en: "Don't know / N/A" },
};

export const ANSWER_COLORS: Record<string, string> = {
  very_satisfied: '#1f7a3a',
  satisfied: '#52a35a',
  basically: '#8cc0e8',
  dissatisfied: '#d9534f',
  very_dissatisfied: '#a8201a',
  na: '#c9cdd4',
};

export function answerLabel(code: string): string {
  const label = ANSWERS[code];
  return label ? inLanguage(label) : code;
}

/** The four-level scale's codes: always shown, so that a missing answer reads as a zero. */
const STANDARD_ANSWERS = ['satisfied', 'basically', 'dissatisfied', 'na'];

/** Answer codes in display order: the four-level scale's and the others the counts hold. */
export function answerCodesOf(counts: Record<string, Record<string, number>>): string[] {
  const present = new Set([...STANDARD_ANSWERS, ...Object.values(counts).flatMap((byAnswer) => Object.keys(byAnswer))]);
  const known: string[] = ANSWER_ORDER.filter((code) => present.has(code));
  return [...known, ...[...present].filter((code) => !known.includes(code)).sort()];
}

type FlagTone = 'error' | 'warning' | 'processing' | 'default';

interface FlagText {
  en: string;
  tone: FlagTone;
  explanation: Bilingual;
}

/**
 * The scoring engine's flags (server/src/scoring/scoring-types.ts FLAGS) are Chinese text; this
 * gives each its English name and says in words what it means. Keyed by the Chinese text.
 */
const FLAGS: Record<string, FlagText> = {
  信息不足: {
    en: 'Too little information',
    tone: 'warning',
    explanation: {
      zh: '评价了该单位的答卷中，超过一半只回答了“不了解”。',
      en: "More than half of the ballots that rated this unit answered only “don't know”.",
    },
  },
  样本偏少: {
    en: 'Small sample',
    tone: 'warning',
    explanation: {
      zh: '有效答卷偏少：参与排名，但得分的不确定性较大。',
      en: 'Few valid ballots: the unit is ranked, but its score is less certain.',
    },
  },
  '样本不足，不排名': {
    en: 'Too few ballots, not ranked',
    tone: 'default',
    explanation: {
      zh: '有效答卷太少，只报告得分，不参与排名。',
      en: 'Too few valid ballots: the score is reported, the unit is not ranked.',
    },
  },
  '区县政府评议未达三分之二，不计入': {
    en: 'Under two thirds of districts rated: not counted',
    tone: 'warning',
    explanation: {
      zh: '返回有效答卷的县(市)区政府不足三分之二，区县政府的评议不计入综合得分。',
      en: "Fewer than two thirds of the district governments returned valid ballots, so their rating does not count towards the composite.",
    },
  },
  已去掉一个最高分和一个最低分: {
    en: 'Highest and lowest ballot dropped',
    tone: 'default',
    explanation: {
      zh: '区县政府的答卷足够多，按规则去掉了一个最高分和一个最低分。',
      en: 'Enough district governments rated the unit, so the single highest and the single lowest ballot were dropped, as the rules say.',
    },
  },
  '缺少区县政府评议，权重已重新分配': {
    en: 'No district rating: weights redistributed',
    tone: 'processing',
    explanation: {
      zh: '没有可用的区县政府评议，其权重按比例分给了其他组成部分。',
      en: "There is no usable rating by the district governments; its weight went to the other components in proportion.",
    },
  },
  '缺少责任书检查得分，权重已重新分配': {
    en: 'No inspection score: weights redistributed',
    tone: 'processing',
    explanation: {
      zh: '评议部尚未录入责任书检查得分，其权重按比例分给了其他组成部分。',
      en: "The office has not entered the inspection (责任书检查) score; its weight went to the other components in proportion.",
    },
  },
  '缺少客观指标，权重已重新分配': {
    en: 'No objective indicators: weights redistributed',
    tone: 'processing',
    explanation: {
      zh: '没有客观指标得分（录入的或由案件计算的），其权重按比例分给了企业评价。',
      en: "There is no objective indicator score (entered, or computed from the cases); its weight went to the enterprises' rating.",
    },
  },
  '自查缺失或不完整，不具备评选资格': {
    en: 'Self-inspection missing or incomplete: not eligible',
    tone: 'error',
    explanation: {
      zh: '自查材料缺失或不完整，按规则不具备评选资格；得分照常报告。',
      en: 'The self-inspection is missing or incomplete, so by the rules the unit cannot be awarded; its scores are still reported.',
    },
  },
  一票否决: {
    en: 'Vetoed',
    tone: 'error',
    explanation: {
      zh: '评议部对该单位实行一票否决，不参与评选。',
      en: 'The office vetoed this unit (一票否决); it cannot be awarded.',
    },
  },
  超期案件扣分: {
    en: 'Deduction for overdue cases',
    tone: 'warning',
    explanation: {
      zh: '截止时仍有超过期限未答复的案件，每件扣分，扣分有上限。',
      en: 'Cases were past their deadline without a reply at the cutoff; each one costs points, up to a maximum.',
    },
  },
  '差异不显著，需复核': {
    en: 'Difference not significant: review',
    tone: 'warning',
    explanation: {
      zh: '重抽样中，该单位进入名额的概率在 20% 到 80% 之间：与相邻单位的差异不显著，授奖前需复核。',
      en: 'In the resampling, the chance that this unit is within the quota lies between 20% and 80%: it is not clearly apart from its neighbours, so review before awarding.',
    },
  },
};

/** A flag as the console shows it: the Chinese text in Chinese, its English name in English. */
export function flagLabel(flag: string): string {
  const known = FLAGS[flag];
  return known && currentLanguage() === 'en' ? known.en : flag;
}

export function flagExplanation(flag: string): string | undefined {
  const known = FLAGS[flag];
  return known ? inLanguage(known.explanation) : undefined;
}

export function flagTone(flag: string): FlagTone {
  return FLAGS[flag]?.tone ?? 'default';
}
