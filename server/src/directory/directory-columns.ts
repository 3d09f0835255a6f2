import type { LocalisedText } from '../common/errors.js';
import type { ColumnSpec } from '../common/tabular.js';
import { DISTRICT_KINDS, SIZE_BANDS, type DistrictKind, type SizeBand } from './directory.entities.js';
import { usccProblemMessage, validateUscc } from './uscc.js';

export const DIRECTORY_KINDS = ['departments', 'districts', 'enterprises'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** How one column of an imported list is read: its header names, and how a cell becomes a value. */
export interface FieldSpec extends ColumnSpec {
  /** The record property the column fills. */
  property: string;
  maxLength: number;
  /** Chinese header used in templates and exports. */
  headerZh: string;
  parse?: (value: string) => { value: string | null } | { problem: LocalisedText };
}

const CODE = /^[A-Za-z0-9_.-]{1,32}$/;
const code = (value: string) =>
  CODE.test(value) ? { value } : { problem: { zh: '编码只能包含字母、数字和 _ . -，最长 32 位', en: 'a code may hold only letters, digits and _ . -, at most 32 of them' } };

/** Accepts the stored code or any of its Chinese or English labels. */
function choice<T extends string>(labels: Record<T, string[]>, listZh: string, listEn: string) {
  const lookup = new Map<string, T>();
  for (const [stored, names] of Object.entries(labels) as [T, string[]][]) {
    for (const name of [stored, ...names]) lookup.set(name.toLowerCase(), stored);
  }
  return (value: string) => {
    const found = lookup.get(value.toLowerCase());
    return found ? { value: found } : { problem: { zh: `应为以下之一：${listZh}`, en: `must be one of: ${listEn}` } };
  };
}

export const DISTRICT_KIND_LABELS: Record<DistrictKind, { zh: string; en: string }> = {
  district: { zh: '区', en: 'District' },
  'county-level-city': { zh: '县级市', en: 'County-level city' },
  county: { zh: '县', en: 'County' },
  'development-zone': { zh: '开发区', en: 'Development zone' },
};

export const SIZE_BAND_LABELS: Record<SizeBand, { zh: string; en: string }> = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
};

const labelsOf = <T extends string>(table: Record<T, { zh: string; en: string }>, extra: Partial<Record<T, string[]>> = {}) =>
  Object.fromEntries(Object.entries(table).map(([k, v]) => [k, [(v as { zh: string }).zh, (v as { en: string }).en, ...(extra[k as T] ?? [])]])) as Record<T, string[]>;

const districtKind = choice(
  labelsOf(DISTRICT_KIND_LABELS, { 'development-zone': ['园区', '新区', 'zone'], 'county-level-city': ['市'] }),
  DISTRICT_KINDS.map((k) => DISTRICT_KIND_LABELS[k].zh).join('、'),
  DISTRICT_KINDS.join(', '),
);
const sizeBand = choice(
  labelsOf(SIZE_BAND_LABELS, { large: ['大'], medium: ['中'], small: ['小'], micro: ['微'] }),
  SIZE_BANDS.map((k) => SIZE_BAND_LABELS[k].zh).join('、'),
  SIZE_BANDS.join(', '),
);

const uscc = (value: string) => {
  const checked = validateUscc(value);
  return checked.ok ? { value: checked.normalized } : { problem: usccProblemMessage(checked.reason) };
};

const PHONE = /^[0-9+()\- ]{5,40}$/;
const phone = (value: string) => (PHONE.test(value) ? { value } : { problem: { zh: '电话号码格式不正确', en: 'not a telephone number' } });
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const email = (value: string) => (EMAIL.test(value) ? { value: value.toLowerCase() } : { problem: { zh: '电子邮箱格式不正确', en: 'not an e-mail address' } });
const DIVISION = /^[0-9]{6}$/;
const division = (value: string) => (DIVISION.test(value) ? { value } : { problem: { zh: '行政区划代码应为 6 位数字', en: 'a division code has 6 digits' } });

const field = (property: string, key: string, headerZh: string, labels: string[], required: boolean, maxLength: number, parse?: FieldSpec['parse']): FieldSpec => ({
  property, key, headerZh, labels: [key, headerZh, ...labels], required, maxLength, parse,
});

/** The columns of each list, as DESIGN.md's public contract names them (Chinese equivalents accepted). */
export const DIRECTORY_COLUMNS: Record<DirectoryKind, FieldSpec[]> = {
  departments: [
    field('code', 'code', '部门编码', ['编码', '单位编码'], true, 32, code),
    field('nameZh', 'name_zh', '部门名称', ['中文名称', '名称', '单位名称'], true, 200),
    field('nameEn', 'name_en', '英文名称', ['English name', '部门英文名称'], false, 200),
    field('category', 'category', '类别', ['分类', '部门类别'], true, 50),
  ],
  districts: [
    field('code', 'code', '区县编码', ['编码'], true, 32, code),
    field('nameZh', 'name_zh', '区县名称', ['中文名称', '名称'], true, 200),
    field('nameEn', 'name_en', '英文名称', ['English name'], false, 200),
    field('kind', 'kind', '类型', ['区划类型'], true, 30, districtKind),
    field('divisionCode', 'division_code', '行政区划代码', ['区划代码'], false, 6, division),
  ],
  enterprises: [
    field('uscc', 'uscc', '统一社会信用代码', ['信用代码', '社会信用代码'], true, 18 + 4, uscc),
    field('nameZh', 'name_zh', '企业名称', ['中文名称', '名称'], true, 200),
    field('nameEn', 'name_en', '英文名称', ['English name', '企业英文名称'], false, 200),
    field('districtCode', 'district_code', '所属区县编码', ['区县编码', '所属区县'], true, 32),
    field('industry', 'industry', '行业', ['所属行业'], false, 100),
    field('investorCountry', 'investor_country', '投资方国别（地区）', ['投资方国别', '国别', '投资来源地', '国别(地区)'], false, 100),
    field('sizeBand', 'size_band', '企业规模', ['规模'], false, 20, sizeBand),
    field('contactName', 'contact_name', '联系人', ['联系人姓名'], false, 100),
    field('contactPhone', 'contact_phone', '联系电话', ['电话', '手机'], false, 40, phone),
    field('contactEmail', 'contact_email', '电子邮箱', ['邮箱', 'email', 'e-mail'], false, 200, email),
  ],
};

/** The column that identifies a record in its list; imports upsert by it. */
export const KEY_PROPERTY: Record<DirectoryKind, 'code' | 'uscc'> = { departments: 'code', districts: 'code', enterprises: 'uscc' };

export interface FieldProblem {
  spec: FieldSpec;
  messages: LocalisedText;
}

/**
 * Reads one record of a list from raw text values, the same way for an imported row and
 * for a form in the console: required, length, then the column's own rule.
 */
export function parseFields(kind: DirectoryKind, rawOf: (spec: FieldSpec) => string | undefined): { record: Record<string, string | null>; problems: FieldProblem[] } {
  const record: Record<string, string | null> = {};
  const problems: FieldProblem[] = [];
  for (const spec of DIRECTORY_COLUMNS[kind]) {
    // Exports prefix formula-like text with ' (formula injection); an export imported back is unchanged.
    const raw = (rawOf(spec) ?? '').trim().replace(/^'(?=[=+\-@\t\r])/, '');
    if (raw === '') {
      if (spec.required) problems.push({ spec, messages: { zh: `“${spec.headerZh}”不能为空`, en: `${spec.key} is required` } });
      record[spec.property] = null;
      continue;
    }
    if ([...raw].length > spec.maxLength) {
      problems.push({ spec, messages: { zh: `“${spec.headerZh}”过长（最多 ${spec.maxLength} 个字符）`, en: `${spec.key} is too long (at most ${spec.maxLength} characters)` } });
      continue;
    }
    const parsed = spec.parse ? spec.parse(raw) : { value: raw };
    if ('problem' in parsed) problems.push({ spec, messages: parsed.problem });
    else record[spec.property] = parsed.value;
  }
  return { record, problems };
}

export const unknownDistrict = (code: string): LocalisedText => ({ zh: `区县编码“${code}”不在区县名录中`, en: `there is no district with the code "${code}"` });
