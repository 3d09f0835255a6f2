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
 * The scoring engine's flags (server/src/scoring/scoring-types.ts FLAGS, and csr-scoring.ts for the
 * CSR selection) are Chinese text; this gives each its English name and says in words what it
 * means. Keyed by the Chinese text.
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
      zh: '实行一票否决，不参与评选。',
      en: 'Vetoed (一票否决): it cannot be awarded.',
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
  // 社会责任先进企业 (server/src/scoring/csr-scoring.ts): the veto reasons, then the flags.
  重大环境行政处罚: {
    en: 'Major environmental penalty',
    tone: 'error',
    explanation: { zh: '企业受到重大环境行政处罚，一票否决。', en: 'The enterprise received a major environmental penalty: vetoed.' },
  },
  拖欠工资: {
    en: 'Wage arrears',
    tone: 'error',
    explanation: { zh: '企业拖欠工资，一票否决。', en: 'The enterprise owes wages: vetoed.' },
  },
  重大劳动争议或群体性事件: {
    en: 'Major labour dispute or mass incident',
    tone: 'error',
    explanation: { zh: '企业发生重大劳动争议或群体性事件，一票否决。', en: 'The enterprise had a major labour dispute or a mass incident: vetoed.' },
  },
  税收违法行为: {
    en: 'Tax violation',
    tone: 'error',
    explanation: { zh: '企业有税收违法行为，一票否决。', en: 'The enterprise violated tax law: vetoed.' },
  },
  较大及以上生产安全事故: {
    en: 'Serious work-safety accident',
    tone: 'error',
    explanation: { zh: '企业发生较大及以上生产安全事故，一票否决。', en: 'The enterprise had a serious work-safety accident: vetoed.' },
  },
  '一票否决事项缺少数据，需核实': {
    en: 'Veto fact missing: check',
    tone: 'warning',
    explanation: {
      zh: '一票否决事项（环境处罚、拖欠工资、劳动争议、税收违法、安全事故）中有未填或无效的，按无否决计，请核实。',
      en: 'A veto fact (environmental penalty, wage arrears, labour dispute, tax violation, safety accident) is missing or invalid; it counts as no veto, so check it.',
    },
  },
  '有数据为负数、非数字或超出范围，按缺失处理': {
    en: 'Invalid figure counted as missing',
    tone: 'warning',
    explanation: { zh: '有申报数据为负数、不是数字或超出范围，评分时按缺失处理。', en: 'A figure is negative, not a number or out of range; the scoring counts it as missing.' },
  },
  '营业收入为 0 而有公益捐赠，捐赠占比无法计算': {
    en: 'Revenue 0 with donations: no share',
    tone: 'processing',
    explanation: {
      zh: '营业收入为 0 而有公益捐赠，捐赠占营业收入的比例无法计算，公益指标缺失，权重已重新分配。',
      en: 'Revenue is 0 but there are donations, so donations as a share of revenue cannot be computed: charity is missing and its weight went to the others.',
    },
  },
  '缺少环保指标，权重已重新分配': {
    en: 'No environment score: weights redistributed',
    tone: 'processing',
    explanation: { zh: '没有可用的环保数据，其权重按比例分给了其他指标。', en: 'There is no usable environment figure; its weight went to the other indicators in proportion.' },
  },
  '缺少和谐劳动指标，权重已重新分配': {
    en: 'No labour-relations score: weights redistributed',
    tone: 'processing',
    explanation: { zh: '没有可用的和谐劳动数据，其权重按比例分给了其他指标。', en: 'There is no usable labour-relations figure; its weight went to the other indicators in proportion.' },
  },
  '缺少就业指标，权重已重新分配': {
    en: 'No employment score: weights redistributed',
    tone: 'processing',
    explanation: { zh: '没有可用的从业人数，就业指标的权重按比例分给了其他指标。', en: 'There is no usable number of employees; the employment weight went to the other indicators in proportion.' },
  },
  '缺少纳税指标，权重已重新分配': {
    en: 'No tax score: weights redistributed',
    tone: 'processing',
    explanation: { zh: '没有可用的纳税总额，纳税指标的权重按比例分给了其他指标。', en: 'There is no usable tax paid; the tax weight went to the other indicators in proportion.' },
  },
  '缺少公益指标，权重已重新分配': {
    en: 'No charity score: weights redistributed',
    tone: 'processing',
    explanation: { zh: '没有可用的公益捐赠或营业收入，公益指标的权重按比例分给了其他指标。', en: 'There are no usable donations or revenue; the charity weight went to the other indicators in proportion.' },
  },
  '同规模组内从业人数无差异，就业按 50 分计': {
    en: 'Employment alike in the size band: 50',
    tone: 'default',
    explanation: {
      zh: '同规模组内只有一家企业或从业人数都相同，无法换算，就业按 50 分计。',
      en: 'The size band has one enterprise, or all have the same number of employees: there is nothing to scale by, so employment scores 50.',
    },
  },
  '同规模组内纳税额无差异，纳税按 50 分计': {
    en: 'Tax alike in the size band: 50',
    tone: 'default',
    explanation: {
      zh: '同规模组内只有一家企业或纳税总额都相同，无法换算，纳税按 50 分计。',
      en: 'The size band has one enterprise, or all paid the same tax: there is nothing to scale by, so tax scores 50.',
    },
  },
  '同规模组内捐赠占比无差异，公益按 50 分计': {
    en: 'Charity alike in the size band: 50',
    tone: 'default',
    explanation: {
      zh: '同规模组内只有一家企业或捐赠占比都相同，无法换算，公益按 50 分计。',
      en: 'The size band has one enterprise, or all gave the same share of revenue: there is nothing to scale by, so charity scores 50.',
    },
  },
  '无可用指标，不排名': {
    en: 'No indicator: not ranked',
    tone: 'default',
    explanation: { zh: '五项指标都没有可用数据，不参与排名。', en: 'None of the five indicators has a usable figure, so the enterprise is not ranked.' },
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
