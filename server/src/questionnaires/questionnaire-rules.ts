/**
 * What a questionnaire must be before it is saved, with no database or Nest: the JSON that
 * survey-core reads without errors and the compiled validator accepts (an answer the server cannot
 * check must never be collected), the wiring rating questionnaires need (DESIGN.md, Questionnaires),
 * and, as warnings only, texts without English.
 */
import { Model } from 'survey-core';
import type { EvaluationKind } from '../campaigns/campaign.entities.js';
import type { LocalisedText } from '../common/errors.js';
import { compileQuestionnaire, UnsupportedQuestionnaireError } from './compiled-validator.js';

/** The JSON as saved, in UTF-8; the bundled templates weigh 10–20 KB. */
export const MAX_QUESTIONNAIRE_BYTES = 256 * 1024;
/** Nesting deeper than this is no questionnaire (the templates nest 8 levels). */
export const MAX_QUESTIONNAIRE_DEPTH = 32;

/** The checkbox whose choices the server fills with the evaluation's targets when it serves the questionnaire. */
export const TARGETS_QUESTION = 'targets';
/** The value the target checkbox and the dynamic panel of rating cards share. */
export const RATINGS_VALUE = 'ratings';
export const TARGET_PROPERTY = 'target';
/** Choice values that are not on the points scale but always possible: 不了解 / N/A. */
export const ABSTAIN = 'na';
/** Criteria on one rating card: a rater's answers to a target are packed 4 bits a criterion into one number when scoring. */
export const MAX_CRITERIA = 12;
/** The questions on a rating card whose answers become rating rows. */
const CRITERION_TYPES = new Set(['radiogroup', 'dropdown', 'rating']);

export interface QuestionnaireProblem {
  /** Where, as a path from the request body: `survey.pages[1].elements[0].choices[2]`. */
  field: string;
  messages: LocalisedText;
}

export interface QuestionnaireCheck {
  /** Any error refuses the save. */
  errors: QuestionnaireProblem[];
  warnings: QuestionnaireProblem[];
  /** The JSON to save: the target checkbox's choices emptied, as the server fills them. */
  survey: Record<string, unknown>;
}

export const isRatingKind = (kind: EvaluationKind): boolean => kind !== 'csr-declaration';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const ROOT = 'survey';
const problem = (field: string, zh: string, en: string): QuestionnaireProblem => ({ field, messages: { zh, en } });

/** The size of the JSON as it would be stored, or null when it nests too deep to be a questionnaire. */
export function questionnaireSize(survey: unknown): number | null {
  const stack: [unknown, number][] = [[survey, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_QUESTIONNAIRE_DEPTH) return null;
    if (typeof node === 'object' && node !== null) for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return Buffer.byteLength(JSON.stringify(survey), 'utf8');
}

/**
 * Checks a questionnaire for an evaluation of `kind`. `scale` is the answer codes the campaign's
 * scoring configuration gives points to; criteria may offer those and `na`, nothing else.
 * The caller bounds the size first (questionnaireSize).
 */
export function checkQuestionnaire(input: unknown, kind: EvaluationKind, scale: readonly string[]): QuestionnaireCheck {
  if (!isObject(input)) return { errors: [problem(ROOT, '问卷应为一个 JSON 对象', 'the questionnaire must be a JSON object')], warnings: [], survey: {} };
  const survey = JSON.parse(JSON.stringify(input)) as Json;
  const errors: QuestionnaireProblem[] = [];
  const warnings: QuestionnaireProblem[] = [];

  if (isRatingKind(kind)) checkRatingStructure(survey, scale, errors, warnings);
  errors.push(...surveyCoreProblems(survey));
  warnings.push(...untranslatedTexts(survey, ROOT));
  return { errors, warnings, survey };
}

// ---------------------------------------------------------------------------------------------------
// Rating questionnaires

interface Located {
  element: Json;
  path: string;
}

/** The elements on pages and in (static) panels, where the server looks for the targets and the cards. */
function pageElements(survey: Json): Located[] {
  const found: Located[] = [];
  const visit = (elements: unknown, path: string) => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, i) => {
      if (!isObject(element)) return;
      found.push({ element, path: `${path}[${i}]` });
      if (element.type === 'panel') visit(element.elements, `${path}[${i}].elements`);
    });
  };
  // Only pages: the server fills the targets there, not in elements at the top of the JSON.
  if (Array.isArray(survey.pages)) survey.pages.forEach((page, i) => isObject(page) && visit(page.elements, `${ROOT}.pages[${i}].elements`));
  return found;
}

function checkRatingStructure(survey: Json, scale: readonly string[], errors: QuestionnaireProblem[], warnings: QuestionnaireProblem[]): void {
  const elements = pageElements(survey);

  const targets = elements.find(({ element }) => element.name === TARGETS_QUESTION);
  if (!targets) {
    errors.push(problem(ROOT, `缺少评价对象的多选题（checkbox，name 为 "${TARGETS_QUESTION}"），它须直接放在页面或面板上`, `the checkbox of targets (name "${TARGETS_QUESTION}") is missing; it must sit on a page or in a panel`));
  } else {
    const { element, path } = targets;
    if (element.type !== 'checkbox') errors.push(problem(`${path}.type`, `"${TARGETS_QUESTION}" 须为多选题（checkbox）`, `"${TARGETS_QUESTION}" must be a checkbox`));
    if (element.valueName !== RATINGS_VALUE) errors.push(problem(`${path}.valueName`, `"${TARGETS_QUESTION}" 的 valueName 须为 "${RATINGS_VALUE}"，勾选的对象才会生成评价卡片`, `the valueName of "${TARGETS_QUESTION}" must be "${RATINGS_VALUE}", so that ticked targets get their rating cards`));
    if (element.valuePropertyName !== TARGET_PROPERTY) errors.push(problem(`${path}.valuePropertyName`, `"${TARGETS_QUESTION}" 的 valuePropertyName 须为 "${TARGET_PROPERTY}"`, `the valuePropertyName of "${TARGETS_QUESTION}" must be "${TARGET_PROPERTY}"`));
    if (Array.isArray(element.choices) && element.choices.length > 0) {
      warnings.push(problem(`${path}.choices`, '评价对象由系统按名录填入，此处的选项不会保存', 'the targets are filled in from the directory; the choices given here are not saved'));
    }
    element.choices = [];
  }

  const cards = elements.find(({ element }) => element.type === 'paneldynamic' && (element.valueName ?? element.name) === RATINGS_VALUE);
  if (!cards) {
    errors.push(problem(ROOT, `缺少评价卡片的动态面板（paneldynamic，valueName 为 "${RATINGS_VALUE}"）`, `the dynamic panel of rating cards (paneldynamic with valueName "${RATINGS_VALUE}") is missing`));
    return;
  }
  const template = Array.isArray(cards.element.templateElements) ? cards.element.templateElements : [];
  const criteria = template.map((element, i) => ({ element, path: `${cards.path}.templateElements[${i}]` }))
    .filter((c): c is Located => isObject(c.element) && CRITERION_TYPES.has(String(c.element.type)));
  if (criteria.length === 0) {
    errors.push(problem(`${cards.path}.templateElements`, '评价卡片中没有评价指标（单选题）', 'the rating cards hold no criterion (a radiogroup)'));
  }
  if (criteria.length > MAX_CRITERIA) {
    errors.push(problem(`${cards.path}.templateElements`, `每张评价卡片最多 ${MAX_CRITERIA} 个评价指标，请合并或删减`, `a rating card holds at most ${MAX_CRITERIA} criteria; merge or remove some`));
  }
  const allowed = [...scale, ABSTAIN];
  for (const { element, path } of criteria) checkCriterion(element, path, allowed, errors, warnings);
}

/** A criterion's answers are scored by their codes, so it may offer only codes the scoring knows. */
function checkCriterion(criterion: Json, path: string, allowed: string[], errors: QuestionnaireProblem[], warnings: QuestionnaireProblem[]): void {
  const name = String(criterion.name ?? '');
  const list = criterion.type === 'rating' ? 'rateValues' : 'choices';
  const items = Array.isArray(criterion[list]) ? criterion[list] : [];
  if (items.length === 0) {
    errors.push(problem(`${path}.${list}`, `评价指标 "${name}" 须列出选项：${allowed.join('、')}`, `the criterion "${name}" must list its answers: ${allowed.join(', ')}`));
    return;
  }
  const values = items.map((item) => (isObject(item) ? item.value : item));
  values.forEach((value, i) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      errors.push(problem(`${path}.${list}[${i}]`, `评价指标 "${name}" 的选项值 ${JSON.stringify(value)} 无法计分，只能是 ${allowed.join('、')}`, `the criterion "${name}" offers ${JSON.stringify(value)}, which scoring does not know; use ${allowed.join(', ')}`));
    }
  });
  if (!values.includes(ABSTAIN)) {
    warnings.push(problem(`${path}.${list}`, `评价指标 "${name}" 没有“不了解”（${ABSTAIN}）选项，不了解情况的企业只能随意作答`, `the criterion "${name}" offers no "don't know" (${ABSTAIN}), so raters who do not know must guess`));
  }
}

// ---------------------------------------------------------------------------------------------------
// What survey-core and the compiled validator say

/** survey-core's complaints about the JSON, each at the object it names, then whatever the compiler refuses. */
function surveyCoreProblems(survey: Json): QuestionnaireProblem[] {
  const paths = new Map<object, string>();
  const index = (node: unknown, path: string) => {
    if (typeof node !== 'object' || node === null) return;
    paths.set(node, path);
    if (Array.isArray(node)) node.forEach((child, i) => index(child, `${path}[${i}]`));
    else for (const [key, child] of Object.entries(node)) index(child, `${path}.${key}`);
  };
  index(survey, ROOT);

  let model: Model;
  try {
    model = new Model(survey);
  } catch (error) {
    return [problem(ROOT, `survey-core 无法读取：${(error as Error).message}`, `survey-core cannot read it: ${(error as Error).message}`)];
  }
  const jsonErrors = model.jsonErrors ?? [];
  if (jsonErrors.length > 0) {
    return jsonErrors.map((error) => {
      const where = (error.jsonObj && paths.get(error.jsonObj)) || ROOT;
      const named = error as typeof error & { propertyName?: string; className?: string };
      const type = isObject(error.jsonObj) ? error.jsonObj.type : undefined;
      switch (error.type) {
        case 'unknownproperty':
          return problem(`${where}.${named.propertyName}`, `${named.className} 没有属性 "${named.propertyName}"（拼写是否有误？）`, `${named.className} has no property "${named.propertyName}" (a typing mistake?)`);
        case 'incorrecttypeproperty':
          return problem(`${where}.type`, `没有 "${String(type)}" 这种题型`, `there is no element type "${String(type)}"`);
        case 'missingtypeproperty':
          return problem(where, '缺少 "type"（题型）', '"type" is missing');
        case 'requiredproperty':
          return problem(`${where}.${named.propertyName}`, `缺少必填属性 "${named.propertyName}"`, `the property "${named.propertyName}" is required`);
        default:
          return problem(where, `survey-core 无法读取：${error.message}`, error.message);
      }
    });
  }
  if (model.getAllQuestions().length === 0) return [problem(ROOT, '问卷中没有任何题目', 'the questionnaire has no questions')];
  try {
    compileQuestionnaire(survey);
    return [];
  } catch (error) {
    // Anything else the compiler trips on is as fatal: answers to it could not be checked.
    const message = error instanceof UnsupportedQuestionnaireError ? error.message : `the answer validator cannot read it (${(error as Error).message})`;
    return [problem(locate(survey, message), `服务器无法校验这种写法：${message}`, `the server cannot check answers to this: ${message}`)];
  }
}

/**
 * The path of the element a compiler message starts with: `question "ratings.attitude": …`,
 * `page "p", panel "box": …` name it; the most specific name found wins.
 */
export function locate(survey: Json, message: string): string {
  const head = message.split(': ')[0] ?? '';
  const names = [...head.matchAll(/(?:question|panel|page) "([^"]*)"/g)].map((m) => m[1]!);
  const found: { name: string; path: string }[] = [];
  const visit = (node: unknown, path: string, prefix: string) => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, `${path}[${i}]`, prefix));
    if (!isObject(node)) return;
    if (typeof node.name === 'string') found.push({ name: `${prefix}${node.name}`, path });
    for (const key of ['pages', 'elements']) if (key in node) visit(node[key], `${path}.${key}`, prefix);
    if ('templateElements' in node) visit(node.templateElements, `${path}.templateElements`, `${String(node.name)}.`);
  };
  visit(survey, ROOT, '');
  for (const wanted of names.reverse()) {
    const match = found.find((f) => f.name === wanted) ?? found.find((f) => f.name.endsWith(`.${wanted}`));
    if (match) return match.path;
  }
  return ROOT;
}

// ---------------------------------------------------------------------------------------------------
// Languages

/** Properties whose value a person reads, in any element. */
const TEXTS = new Set([
  'title', 'description', 'text', 'html', 'placeholder', 'otherText', 'otherPlaceholder', 'otherErrorText', 'noneText',
  'selectAllText', 'commentText', 'commentPlaceholder', 'labelTrue', 'labelFalse', 'minRateDescription', 'maxRateDescription',
  'requiredErrorText', 'templateTitle', 'templateTabTitle', 'templateDescription', 'panelAddText', 'panelRemoveText',
  'panelPrevText', 'panelNextText', 'noEntriesText', 'addRowText', 'removeRowText', 'emptyRowsText', 'completedHtml',
  'completedBeforeHtml', 'loadingHtml', 'startSurveyText', 'pagePrevText', 'pageNextText', 'completeText', 'previewText',
  'editText', 'navigationTitle', 'navigationDescription',
]);
/** Lists whose plain-string items are shown as they are (the value is the text). */
const ITEM_LISTS = new Set(['choices', 'rows', 'columns', 'rateValues']);

/** A plain string of printable ASCII reads the same in both languages: codes, "ISO 14001", "{panel.target}". */
const readsTheSame = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);

/** Every text lacking its English (or its Chinese, the default), as warnings: a save is not refused for them. */
export function untranslatedTexts(node: unknown, path: string): QuestionnaireProblem[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => untranslatedTexts(child, `${path}[${i}]`));
  if (!isObject(node)) return [];
  const found: QuestionnaireProblem[] = [];
  for (const [key, value] of Object.entries(node)) {
    const at = `${path}.${key}`;
    if (TEXTS.has(key)) {
      const missing = missingLanguages(value);
      if (missing) found.push(problem(at, missing.zh, missing.en));
    } else if (ITEM_LISTS.has(key) && Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item === 'string' && !readsTheSame(item)) found.push(problem(`${at}[${i}]`, '缺少英文', 'no English text'));
        else found.push(...untranslatedTexts(item, `${at}[${i}]`));
      });
    } else {
      found.push(...untranslatedTexts(value, at));
    }
  }
  return found;
}

function missingLanguages(value: unknown): LocalisedText | null {
  if (typeof value === 'string') return readsTheSame(value) ? null : { zh: '缺少英文', en: 'no English text' };
  if (!isObject(value)) return null;
  const has = (key: string) => typeof value[key] === 'string' && (value[key] as string).trim() !== '';
  const chinese = has('default') || has('zh-cn');
  if (!has('en')) return chinese ? { zh: '缺少英文', en: 'no English text' } : { zh: '缺少中文和英文', en: 'no Chinese and no English text' };
  return chinese ? null : { zh: '缺少中文（default）', en: 'no Chinese text ("default")' };
}
