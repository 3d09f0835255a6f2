import type { LocalisedText } from '../common/errors.js';
import { pick, type Random } from '../common/random.js';

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015:
 *   1     registration authority (登记管理部门代码)
 *   2     kind of organisation (机构类别代码), defined per authority
 *   3–8   administrative division of the registering office (GB/T 2260)
 *   9–17  organisation code (组织机构代码, GB 11714), whose 9th character is its own check digit
 *   18    check digit over the first 17 characters (GB/T 17710, modulus 31)
 */

export type UsccProblem =
  | 'empty'
  | 'length'
  | 'characters'
  | 'registration-authority'
  | 'institution-type'
  | 'division'
  | 'check-digit'
  | 'organisation-code';

export type UsccValidation = { ok: true; normalized: string } | { ok: false; reason: UsccProblem };

/** The code's alphabet: digits and capitals without I, O, S, V, Z; a character's value is its index. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ALPHABET_CHARACTERS = [...ALPHABET];
const DIGITS = [...'0123456789'];
const ALPHABET_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** 3^i mod 31, for positions 1 to 17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Table 1 of GB 32100-2015 as published with its later additions (A for the military, N for rural
 * collective economic organisations): each registration authority and the organisation kinds it registers.
 * 1 机构编制 · 2 外交 · 3 司法行政 · 4 文化 · 5 民政 · 6 旅游 · 7 宗教 · 8 工会 · 9 工商（市场监管）·
 * A 中央军委改革和编制办公室 · N 农业 · Y 其他 (one kind only, written 1).
 */
const KINDS_BY_AUTHORITY: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

/**
 * The province-level prefixes of GB/T 2260, and 10 for the offices of the central government
 * (national social organisations are registered as 5110000…, central institutions as 1210000…).
 */
const PROVINCE_PREFIXES = new Set([
  '10', '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** GB 11714 gives letters the values A=10 … Z=35 (all 26, unlike the USCC alphabet). */
const ORGANISATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export function validateUscc(code: string): UsccValidation {
  // NFKC turns the full-width digits and letters of a Chinese input method into ASCII.
  const normalized = code.normalize('NFKC').trim().toUpperCase();
  if (normalized === '') return { ok: false, reason: 'empty' };
  if (normalized.length !== 18) return { ok: false, reason: 'length' };
  if (!ALPHABET_PATTERN.test(normalized)) return { ok: false, reason: 'characters' };
  const kinds = KINDS_BY_AUTHORITY[normalized[0]];
  if (kinds === undefined) return { ok: false, reason: 'registration-authority' };
  if (!kinds.includes(normalized[1])) return { ok: false, reason: 'institution-type' };
  if (!isDivisionCode(normalized.slice(2, 8))) return { ok: false, reason: 'division' };
  // A mistyped character usually breaks both check digits; the overall one is the likelier report to help.
  if (usccCheckCharacter(normalized.slice(0, 17)) !== normalized[17]) return { ok: false, reason: 'check-digit' };
  if (organisationCheckCharacter(normalized.slice(8, 16)) !== normalized[16]) return { ok: false, reason: 'organisation-code' };
  return { ok: true, normalized };
}

const PROBLEM_MESSAGES: Record<UsccProblem, LocalisedText> = {
  empty: { zh: '未填写统一社会信用代码', en: 'the unified social credit code is missing' },
  length: { zh: '统一社会信用代码应为 18 位', en: 'a unified social credit code has 18 characters' },
  characters: {
    zh: '统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）',
    en: 'a unified social credit code has only digits and capital letters other than I, O, S, V and Z',
  },
  'registration-authority': {
    zh: '第 1 位（登记管理部门代码）无效',
    en: 'the first character (the registration authority) is not a defined code',
  },
  'institution-type': {
    zh: '第 2 位（机构类别代码）与登记管理部门不符',
    en: 'the second character (the kind of organisation) does not exist for that registration authority',
  },
  division: {
    zh: '第 3–8 位应为登记机关的行政区划代码',
    en: 'characters 3 to 8 must be the administrative division code of the registering office',
  },
  'check-digit': {
    zh: '校验位错误，请核对是否有输错的字符',
    en: 'the check digit is wrong; please look for a mistyped character',
  },
  'organisation-code': {
    zh: '第 9–17 位（组织机构代码）校验不通过，请核对是否有输错的字符',
    en: 'characters 9 to 17 (the organisation code) fail their own check; please look for a mistyped character',
  },
};

export function usccProblemMessage(problem: UsccProblem): LocalisedText {
  return PROBLEM_MESSAGES[problem];
}

/**
 * A valid code of a company registered by market regulation (91…), for demo data and tests;
 * the organisation code takes the "MA" form issued since 2015 or the older all-digit form.
 */
export function makeUscc(random: Random, options: { division?: string } = {}): string {
  const division = options.division ?? '110108';
  if (!isDivisionCode(division)) throw new Error(`makeUscc: "${division}" is not an administrative division code`);
  const body = random() < 0.6
    ? 'MA' + Array.from({ length: 6 }, () => pick(random, ALPHABET_CHARACTERS)).join('')
    : Array.from({ length: 8 }, () => pick(random, DIGITS)).join('');
  const firstSeventeen = '91' + division + body + organisationCheckCharacter(body);
  return firstSeventeen + usccCheckCharacter(firstSeventeen);
}

function isDivisionCode(division: string): boolean {
  return /^\d{6}$/.test(division) && PROVINCE_PREFIXES.has(division.slice(0, 2));
}

function usccCheckCharacter(firstSeventeen: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(firstSeventeen[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

function organisationCheckCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body[i], 36) * ORGANISATION_CODE_WEIGHTS[i];
  const value = 11 - (sum % 11);
  return value === 10 ? 'X' : value === 11 ? '0' : String(value);
}
