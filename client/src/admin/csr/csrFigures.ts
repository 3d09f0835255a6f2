import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';
import { CERTIFICATIONS, type ScoringConfig } from '../campaigns/scoringConfigForm';
import type { ResultsDto } from '../results/useResults';
import type { CsrFigureName, CsrFigureStateDto, CsrFigureValue } from './csrApi';

/** How a figure of the declaration is entered and shown (server/src/csr/csr-figures.ts). */
export type FigureKind = 'amount' | 'count' | 'percent' | 'yes-no' | 'certifications';

export const FIGURE_KINDS: Record<CsrFigureName, FigureKind> = {
  tax_paid: 'amount',
  revenue: 'amount',
  employees: 'count',
  local_hires: 'count',
  social_insurance_coverage: 'percent',
  env_certifications: 'certifications',
  env_penalty: 'yes-no',
  safety_accident: 'yes-no',
  wage_arrears: 'yes-no',
  labour_dispute: 'yes-no',
  union: 'yes-no',
  tax_violation: 'yes-no',
  donations: 'amount',
  volunteer_hours: 'count',
};

/** The env_certifications answer of an enterprise that holds none; it stands alone. */
export const NO_CERTIFICATION = 'none' as const;

/** The reasons the scoring gives for a veto (server/src/scoring/csr-scoring.ts CSR_VETOES), and the figure behind each. */
export const VETO_FIGURES: Readonly<Record<string, CsrFigureName>> = {
  重大环境行政处罚: 'env_penalty',
  拖欠工资: 'wage_arrears',
  重大劳动争议或群体性事件: 'labour_dispute',
  税收违法行为: 'tax_violation',
  较大及以上生产安全事故: 'safety_accident',
};

/** The authorities the server names when the file gives none; another name is shown as the file gives it. */
const AUTHORITIES_EN: Readonly<Record<string, string>> = {
  税务部门: 'Tax authority',
  人力资源和社会保障部门: 'Human resources and social security',
  生态环境部门: 'Ecology and environment',
  应急管理部门: 'Emergency management',
  主管部门: 'Competent authority',
};

export function authorityName(authority: string, language: Language): string {
  return language === 'en' ? (AUTHORITIES_EN[authority] ?? authority) : authority;
}

type Translate = TFunction<'console'>;

const numberFormats = new Map<Language, Intl.NumberFormat>();

function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 4 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/** A figure as people read it: 1,000, 95%, 是 / 否, the certifications by name; a dash where there is none. */
export function formatFigure(figure: CsrFigureName, value: CsrFigureValue | null, t: Translate, language: Language): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return t(value ? 'csr.yes' : 'csr.no');
  if (Array.isArray(value)) {
    const names = value.map((code) => ((CERTIFICATIONS as readonly string[]).includes(code) || code === NO_CERTIFICATION ? t(`csr.certifications.${code as (typeof CERTIFICATIONS)[number] | typeof NO_CERTIFICATION}`) : code));
    return names.join(language === 'en' ? ', ' : '、');
  }
  if (typeof value !== 'number') return String(value);
  return FIGURE_KINDS[figure] === 'percent' ? `${formatNumber(value, language)}%` : formatNumber(value, language);
}

/** Where the figure that counts comes from: 申报, 已核实, 已更正, or the authority's record. */
export function sourceLabel(state: Pick<CsrFigureStateDto, 'source' | 'authority'>, t: Translate, language: Language): string {
  if (state.source === 'authoritative' && state.authority) return t('csr.authoritySource', { authority: authorityName(state.authority, language) });
  return t(`csr.sources.${state.source}`);
}

export const SOURCE_COLORS: Record<CsrFigureStateDto['source'], string> = {
  declared: 'default',
  verified: 'success',
  corrected: 'warning',
  authoritative: 'processing',
};

/** The proposal's share of the ranked applicants in the configuration the results were computed with; none where it is a count. */
export function proposalShare(results: ResultsDto): number | null {
  return (results.config as unknown as ScoringConfig).csr.award.share;
}
