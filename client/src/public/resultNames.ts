import type { Language } from '../shared/language';

/** A name in both languages. */
export interface Names {
  zh: string;
  en: string;
}

export type AwardKind = 'service-unit' | 'investment-district' | 'csr-enterprise';
export type AwardUnitType = 'department' | 'district' | 'enterprise';

/** The awards in the order they are announced, with the unit type each goes to. */
export const AWARDS: readonly { kind: AwardKind; unitType: AwardUnitType; names: Names }[] = [
  { kind: 'service-unit', unitType: 'department', names: { zh: '优质服务单位', en: 'Quality Service Units' } },
  { kind: 'investment-district', unitType: 'district', names: { zh: '投资环境优秀区域', en: 'Districts with an Excellent Investment Environment' } },
  { kind: 'csr-enterprise', unitType: 'enterprise', names: { zh: '社会责任先进企业', en: 'Outstanding Enterprises in Corporate Social Responsibility' } },
];

/** The one category of 社会责任先进企业: the enterprises of every size band are ranked together. */
export const CSR_CATEGORY = '外商投资企业';

/**
 * English names of the categories the directory and the scoring use (as the demo directory
 * names them, server/src/demo/demo-directory.ts). A category the office names otherwise keeps
 * its own name in both languages.
 */
const CATEGORIES_EN: Record<string, string> = {
  综合管理类: 'General administration',
  执法监督类: 'Law enforcement and supervision',
  公共服务类: 'Public services',
  垄断性行业和公用企业类: 'Public utilities and monopoly industries',
  '县(市)、区': 'Counties, county-level cities and districts',
  开发区: 'Development zones',
  [CSR_CATEGORY]: 'Foreign-invested enterprises',
};

export function categoryName(category: string, language: Language): string {
  return language === 'en' ? (CATEGORIES_EN[category] ?? category) : category;
}

/** Categories in a stable order: as the Chinese names sort. */
export function compareCategories(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN');
}
