import type { LocalisedText } from '../common/errors.js';
import { CSR_FIGURE_NAMES, type CsrFigureName } from '../scoring/csr-scoring.js';

/**
 * The figures of the csr-declaration questionnaire (surveys/csr-declaration.json) as the office
 * verifies and imports them: what kind of value each is, its labels, the column of the
 * authorities' file, and the authority that usually holds the record.
 */
export type FigureKind = 'amount' | 'count' | 'percent' | 'yes-no' | 'certifications';

export interface FigureSpec {
  name: CsrFigureName;
  kind: FigureKind;
  labelZh: string;
  labelEn: string;
  /** Chinese headers accepted in the import besides labelZh. */
  aliases: string[];
  /** Named as the source where the file gives none. */
  authority: string;
}

const TAX = '税务部门';
const SOCIAL_INSURANCE = '人力资源和社会保障部门';
const ENVIRONMENT = '生态环境部门';
const SAFETY = '应急管理部门';
const OTHER = '主管部门';

export const FIGURES: readonly FigureSpec[] = [
  { name: 'tax_paid', kind: 'amount', labelZh: '纳税总额（万元）', labelEn: 'Tax paid (10,000 CNY)', aliases: ['纳税总额', '纳税额', '上年度纳税总额'], authority: TAX },
  { name: 'revenue', kind: 'amount', labelZh: '营业收入（万元）', labelEn: 'Revenue (10,000 CNY)', aliases: ['营业收入', '上年度营业收入'], authority: TAX },
  { name: 'employees', kind: 'count', labelZh: '从业人数', labelEn: 'Employees', aliases: ['年末从业人数', '参保人数'], authority: SOCIAL_INSURANCE },
  { name: 'local_hires', kind: 'count', labelZh: '本地户籍员工人数', labelEn: 'Local residents employed', aliases: ['本地员工人数'], authority: SOCIAL_INSURANCE },
  { name: 'social_insurance_coverage', kind: 'percent', labelZh: '社会保险参保率（%）', labelEn: 'Social insurance coverage (%)', aliases: ['社会保险参保率', '参保率'], authority: SOCIAL_INSURANCE },
  { name: 'env_certifications', kind: 'certifications', labelZh: '环境与能源管理认证', labelEn: 'Environmental certifications', aliases: ['环境认证', '认证'], authority: ENVIRONMENT },
  { name: 'env_penalty', kind: 'yes-no', labelZh: '重大环境行政处罚', labelEn: 'Major environmental penalty', aliases: ['环境处罚', '环境行政处罚'], authority: ENVIRONMENT },
  { name: 'safety_accident', kind: 'yes-no', labelZh: '较大及以上生产安全事故', labelEn: 'Serious work-safety accident', aliases: ['生产安全事故', '安全事故'], authority: SAFETY },
  { name: 'wage_arrears', kind: 'yes-no', labelZh: '拖欠工资', labelEn: 'Wage arrears', aliases: ['欠薪'], authority: SOCIAL_INSURANCE },
  { name: 'labour_dispute', kind: 'yes-no', labelZh: '重大劳动争议', labelEn: 'Major labour dispute', aliases: ['劳动争议', '重大劳动争议或群体性事件'], authority: SOCIAL_INSURANCE },
  { name: 'union', kind: 'yes-no', labelZh: '建立工会或职代会', labelEn: 'Union or staff congress', aliases: ['工会', '职代会'], authority: OTHER },
  { name: 'tax_violation', kind: 'yes-no', labelZh: '税收违法行为', labelEn: 'Tax violation', aliases: ['税收违法'], authority: TAX },
  { name: 'donations', kind: 'amount', labelZh: '公益捐赠（万元）', labelEn: 'Donations (10,000 CNY)', aliases: ['公益捐赠', '捐赠', '捐赠额'], authority: OTHER },
  { name: 'volunteer_hours', kind: 'count', labelZh: '志愿服务时长（小时）', labelEn: 'Volunteer hours', aliases: ['志愿服务时长'], authority: OTHER },
];

export const FIGURE_BY_NAME = new Map(FIGURES.map((spec) => [spec.name, spec]));
// Every figure the engine reads is here, in the declaration's order.
if (FIGURES.map((f) => f.name).join() !== CSR_FIGURE_NAMES.join()) throw new Error('csr figures out of step with the engine');

/** The env_certifications choices of the declaration. */
export const CERTIFICATIONS: readonly { code: string; zh: string; en: string }[] = [
  { code: 'iso14001', zh: 'ISO 14001', en: 'ISO 14001' },
  { code: 'iso50001', zh: 'ISO 50001', en: 'ISO 50001' },
  { code: 'green_factory', zh: '绿色工厂', en: 'Green factory' },
  { code: 'clean_production', zh: '清洁生产审核', en: 'Cleaner production audit' },
];
const NONE = 'none';

/** As the office's Excel files name them. */
export const SIZE_BAND_NAMES: Readonly<Record<string, string>> = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
export const SOURCE_NAMES: Readonly<Record<string, string>> = { declared: '申报', verified: '已核实', corrected: '已更正', authoritative: '主管部门数据' };

export type FigureValue = number | boolean | string[];

const TEXT = {
  amount: { zh: '应为不小于 0 的数字', en: 'must be a number of at least 0' },
  count: { zh: '应为不小于 0 的整数', en: 'must be a whole number of at least 0' },
  percent: { zh: '应为 0 到 100 之间的数字', en: 'must be a number from 0 to 100' },
  yesNo: { zh: '应为“是”或“否”', en: 'must be yes (是) or no (否)' },
  certifications: {
    zh: `应为认证代码或名称，用逗号分隔：${CERTIFICATIONS.map((c) => `${c.code}（${c.zh}）`).join('、')}，或“无”`,
    en: `must be certification codes or names separated by commas: ${CERTIFICATIONS.map((c) => c.code).join(', ')}, or none`,
  },
} satisfies Record<string, LocalisedText>;

/** What is wrong with a figure's value as the office enters it, or null. */
export function figureValueProblem(spec: FigureSpec, value: unknown): LocalisedText | null {
  switch (spec.kind) {
    case 'amount':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : TEXT.amount;
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? null : TEXT.count;
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? null : TEXT.percent;
    case 'yes-no':
      return typeof value === 'boolean' ? null : TEXT.yesNo;
    case 'certifications':
      return Array.isArray(value) && value.every((code) => code === NONE || CERTIFICATIONS.some((c) => c.code === code)) && new Set(value).size === value.length
        ? null
        : TEXT.certifications;
  }
}

/** The value as stored: certifications in the declaration's order, "none" only alone. */
export function normaliseFigureValue(spec: FigureSpec, value: FigureValue): FigureValue {
  if (spec.kind !== 'certifications') return value;
  const held = CERTIFICATIONS.map((c) => c.code).filter((code) => (value as string[]).includes(code));
  return held.length > 0 ? held : [NONE];
}

const normaliseLabel = (text: string) => text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
const YES = new Set(['是', '有', 'yes', 'y', 'true', '1', '√'].map(normaliseLabel));
const NO = new Set(['否', '无', '没有', 'no', 'n', 'false', '0', '×'].map(normaliseLabel));
const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const CERTIFICATION_BY_LABEL = new Map([
  ...CERTIFICATIONS.flatMap((c) => [c.code, c.zh, c.en].map((label) => [normaliseLabel(label), c.code] as const)),
  ...['none', '无', '没有'].map((label) => [normaliseLabel(label), NONE] as const),
]);

/** A cell of the authorities' file as a value: numbers with thousands separators, 是/否, certification lists. */
export function readFigureCell(spec: FigureSpec, text: string): { value: FigureValue } | { problem: LocalisedText } {
  switch (spec.kind) {
    case 'yes-no': {
      const label = normaliseLabel(text);
      if (YES.has(label)) return { value: true };
      if (NO.has(label)) return { value: false };
      return { problem: TEXT.yesNo };
    }
    case 'certifications': {
      const codes = text.split(/[,，、;；/]/).map((part) => normaliseLabel(part)).filter((part) => part !== '');
      const read = codes.map((label) => CERTIFICATION_BY_LABEL.get(label));
      if (read.length === 0 || read.some((code) => code === undefined)) return { problem: TEXT.certifications };
      return { value: normaliseFigureValue(spec, [...new Set(read as string[])]) };
    }
    default: {
      const plain = text.normalize('NFKC').replace(/[,\s]/g, '').replace(/%$/, '');
      if (!NUMBER_TEXT.test(plain)) return { problem: TEXT[spec.kind === 'percent' ? 'percent' : spec.kind] };
      const value = Number(plain);
      const problem = figureValueProblem(spec, value);
      return problem ? { problem } : { value };
    }
  }
}

/** A stored or declared value for the export and the method: 是/否, codes, numbers. */
export function figureText(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map((code) => CERTIFICATIONS.find((c) => c.code === code)?.zh ?? (code === NONE ? '无' : String(code))).join('、');
  if (typeof value === 'number') return value;
  return String(value);
}
