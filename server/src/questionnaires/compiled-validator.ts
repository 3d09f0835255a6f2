/**
 * Questionnaire validation for the submission path.
 *
 * What a submission must satisfy is what survey-core 3.0.0 says (`validate(true, false)` on a model loaded
 * with the answers) plus our own checks, which survey-core does not make (it keeps unknown keys, matrix
 * rows and choices, out-of-range ratings, over-long texts). One survey-core validation costs 15–240 ms,
 * so each questionnaire version is compiled once, from the survey-core model of the JSON *as served*
 * (targets filled in), into plain checks. `reference-validator.ts` is the slow, literal version that the
 * tests compare this one with on thousands of ballots.
 *
 * The rules, in the order they run:
 * 1. Structure (drafts and submissions). The answers are an object whose keys are the value names of
 *    the questions, or `<valueName>-Comment` for a question with "other" or a comment box. Each answer
 *    has the JSON type its question stores, is one of its choices, rows, columns or targets, is within
 *    min/max and on the rating scale, is no longer than maxLength (10,000 characters where none is set),
 *    and a dynamic panel has no more panels than maxPanelCount (or than there are targets to tick) and,
 *    when it has any, no fewer than it starts with (minPanelCount). `null` counts as no answer.
 * 2. An answer that fails (1) is reported and then treated as not given, so survey-core's rules below
 *    never see a value of the wrong shape (some crash survey-core, others it silently drops). Inside a
 *    dynamic panel a wrong answer drops only that answer; a panel that is not an object, or whose target
 *    is missing, unknown or repeated, drops the whole dynamic panel's value.
 * 3. Submissions only: survey-core's rules, for questions that are visible and not read-only — required
 *    and requiredIf, the text of a chosen "other", minSelectedChoices, a number's step, e-mail inputs,
 *    the validators, every matrix row, matrix-dropdown cells, and the questions of each dynamic panel
 *    (as many panels as the answer has, or, with none, as many as the questionnaire starts with).
 *    visibleIf, enableIf and requiredIf run through survey-core's ConditionRunner on the answers kept
 *    by (2).
 * 4. Submissions only: nothing that survey-core's completion would clear may be sent (with the default
 *    `clearInvisibleValues: "onComplete"`): an answer to a question that is not shown → 'not-shown', the
 *    text of an "other" that is not chosen → 'not-allowed'. survey-core clears both before `onComplete`,
 *    so a well-behaved client never sends them; `clearInvisibleValues`/`clearIfInvisible: "none"` lets
 *    hidden answers through.
 * One problem per path; a structural problem wins over the others.
 *
 * Supported: radiogroup, dropdown, checkbox, tagbox (none, other, min/maxSelectedChoices, and
 * valuePropertyName, alone or creating a dynamic panel's cards), boolean, text (plain, number with
 * min/max/step, e-mail and other string inputs), comment, rating, matrix, matrixdropdown (cells of
 * choice, boolean and text types), paneldynamic, panel, html, image, expression; the email, regex,
 * numeric, text and answercount validators; conditions naming `{valueName}`, `{valueName.length}`,
 * `{panel.x}`, `{panelIndex}`, with survey-core's operators and its pure functions (iif, sum, age…).
 * Anything else (a question type, a property that changes what is valid, a condition whose survey-core
 * resolution is not reproduced here) throws `UnsupportedQuestionnaireError` at compile time, so an
 * unsupported questionnaire can never pass answers through unchecked.
 */
import {
  ConditionRunner,
  ConditionsParser,
  EmailValidator,
  Helpers,
  JsonObject,
  Model,
  Serializer,
  type FunctionOperand,
  type ItemValue,
  type Operand,
  type PanelModelBase,
  type Question,
  type SurveyValidator,
  type Variable,
} from 'survey-core';

export type ProblemCode =
  | 'required'
  | 'unknown-question'
  | 'not-allowed'
  | 'not-shown'
  | 'wrong-type'
  | 'too-many'
  | 'too-few'
  | 'too-long'
  | 'out-of-range'
  | 'invalid';

export interface BallotProblem {
  /** A question name, `ratings[2].attitude`, `matrix.row`, `matrix.row.column`, `name-Comment`, or an unknown key. */
  question: string;
  code: ProblemCode;
  messages: { zh: string; en: string };
}

export interface CompiledQuestionnaire {
  validateSubmission(data: unknown): BallotProblem[];
  validateDraft(data: unknown): BallotProblem[];
}

export class UnsupportedQuestionnaireError extends Error {
  override name = 'UnsupportedQuestionnaireError';
}

/** Texts longer than this are refused where the questionnaire sets no maxLength. */
export const DEFAULT_MAX_TEXT_LENGTH = 10_000;
export const COMMENT_SUFFIX = '-Comment';

type Message = readonly [zh: string, en: string];

/** The wording of every problem, short enough to sit under a question on a phone. */
export const MESSAGES = {
  notAnswers: ['提交的内容不是答卷', 'the submission is not a set of answers'],
  required: ['请回答此题', 'please answer this question'],
  chooseOne: ['请选择一项', 'please choose an option'],
  chooseSome: ['请至少选择一项', 'please choose at least one option'],
  fillIn: ['请填写此项', 'please fill this in'],
  everyRow: ['请回答每一行', 'please answer every row'],
  describeOther: ['请填写“其他”的具体内容', 'please describe your "other" answer'],
  unknownQuestion: ['问卷中没有这道题', 'there is no such question in this questionnaire'],
  notAChoice: ['不是可选的选项', 'not one of the options'],
  notARow: ['没有这一行', 'there is no such row'],
  notAColumn: ['没有这一列', 'there is no such column'],
  notATarget: ['不在评价对象之列', 'not one of the organisations to rate'],
  missingTarget: ['缺少评价对象', 'does not say what it rates'],
  duplicateTarget: ['同一对象评价了两次', 'rates the same organisation twice'],
  duplicateChoice: ['同一选项选了两次', 'the same option is chosen twice'],
  noneWithOthers: ['“无”不能与其他选项同时选择', '"none" cannot go with other options'],
  notShown: ['此题未显示，不应作答', 'this question is not shown, so it takes no answer'],
  unusedOther: ['未选择“其他”，不应填写说明', '"other" is not chosen, so it takes no description'],
  wrongType: ['答案格式不对', 'this is not the kind of answer the question takes'],
  outOfScale: ['不在评分范围内', 'not on the rating scale'],
  email: ['请输入有效的电子邮箱', 'please enter a valid e-mail address'],
  invalid: ['格式不正确', 'not in the expected format'],
  tooManyChoices: (n: number): Message => [`最多选择 ${n} 项`, `choose at most ${n}`],
  tooManyPanels: (n: number): Message => [`最多 ${n} 项`, `at most ${n} entries`],
  tooFewChoices: (n: number): Message => [`请至少选择 ${n} 项`, `please choose at least ${n}`],
  tooFewPanels: (n: number): Message => [`至少需要 ${n} 项`, `at least ${n} entries are needed`],
  tooLong: (n: number): Message => [`不能超过 ${n} 个字`, `at most ${n} characters`],
  atLeast: (n: number): Message => [`不能小于 ${n}`, `must be at least ${n}`],
  atMost: (n: number): Message => [`不能大于 ${n}`, `must be at most ${n}`],
  step: (n: number): Message => [`须为 ${n} 的整数倍`, `must be a multiple of ${n}`],
} as const;

export function problem(question: string, code: ProblemCode, [zh, en]: Message): BallotProblem {
  return { question, code, messages: { zh, en } };
}

/** survey-core's `Question.isEmpty`: a blank string is empty (allowSpaceAsAnswer cannot be set from JSON). */
export function isEmptyAnswer(value: unknown): boolean {
  return Helpers.isValueEmpty(typeof value === 'string' ? value.trim() : value);
}

/** survey-core's clearValue() changes nothing for these, as it compares them equal to "no value". */
export function isNothingToClear(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPrimitive(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

// ---------------------------------------------------------------------------------------------------
// Problems

type Sink = Map<string, BallotProblem>;

/** Keeps the first problem per path: structure first, then survey-core's rules, then what completion clears. */
function report(sink: Sink, path: string, code: ProblemCode, message: Message): undefined {
  if (!sink.has(path)) sink.set(path, problem(path, code, message));
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Conditions

type Found = { isFound: true; value: unknown } | { isFound: false };
type Lookup = (ballot: BallotScope) => Found;
type ValueGetterContext = Parameters<ConditionRunner['runContext']>[0];
const NOT_FOUND: Found = { isFound: false };

/**
 * The answers a condition sees. survey-core resolves `{valueName}` to the first question (in page order)
 * with that value name, ignoring case, and gives its value (a checkbox with valuePropertyName gives the
 * list of its property values, "found" even when empty); `{panel.x}` to the same panel's answer;
 * `{panelIndex}` to the panel's position. The compiler accepts only these forms, so each name maps to a
 * lookup fixed at compile time.
 */
class BallotScope implements ValueGetterContext {
  constructor(
    readonly lookups: Map<string, Lookup>,
    readonly top: Record<string, unknown>,
    readonly item: Record<string, unknown> | null,
    readonly index: number,
  ) {}

  getValue(params: { path: { name: string; index?: number }[] }): Found {
    let name = '';
    for (const part of params.path) {
      if (part.index !== undefined) return NOT_FOUND;
      name = name ? `${name}.${part.name}` : part.name;
    }
    return this.lookups.get(name.toLowerCase())?.(this) ?? NOT_FOUND;
  }
}

/** Functions that read nothing but their arguments (and the clock), so they answer the same here. */
const PURE_FUNCTIONS = new Set([
  'iif', 'sum', 'min', 'max', 'avg', 'round', 'trunc', 'age', 'today', 'currentdate', 'currentyear', 'getdate',
  'datediff', 'diffdays', 'dateadd', 'year', 'month', 'day', 'weekday', 'getyear', 'substring',
]);

/** Names survey-core answers itself before it looks at questions. */
const BUILT_IN_VARIABLES = new Set([
  'pageno', 'pagecount', 'locale', 'correctedanswers', 'correctanswers', 'correctedanswercount',
  'incorrectedanswers', 'incorrectanswers', 'incorrectedanswercount', 'questioncount',
  'panel', 'panelindex', 'visiblepanelindex', 'parentpanel', 'prevpanel', 'nextpanel', 'row', 'rowindex',
]);

/** Compiled once per expression; survey-core's own evaluator, so operators and conversions are its own. */
type Condition = ConditionRunner;

function holds(condition: Condition, scope: BallotScope): boolean {
  return condition.runContext(scope, {});
}

function allHold(conditions: readonly Condition[], scope: BallotScope): boolean {
  for (const condition of conditions) if (!holds(condition, scope)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Compiled questions

/** Checks one answer's structure; returns what the later rules see, or undefined to drop the answer. */
type StructureCheck = (value: unknown, path: string, sink: Sink) => unknown;

/**
 * Where a question sits: its page and panels. survey-core's visibleIf overwrites `visible` and enableIf
 * overwrites `readOnly` each time conditions run, so an element with a condition has no static flag.
 */
interface Placement {
  parent: Placement | null;
  visible: boolean;
  readOnly: boolean;
  visibleIf: Condition | null;
  enableIf: Condition | null;
}

interface CompiledQuestion {
  name: string;
  key: string;
  placement: Placement;
  /** Filled from the placement chain once every condition is compiled. */
  visible: boolean;
  visibleIf: Condition[];
  readOnly: boolean;
  enableIf: Condition[];
  /** requiredIf overwrites isRequired each time conditions run. */
  required: boolean;
  requiredIf: Condition | null;
  /** `clearIfInvisible: "none"`: a hidden question keeps its answer. */
  keepsHiddenAnswer: boolean;
  /** `<valueName>-Comment`, for a question with "other" or a comment box. */
  commentKey: string | null;
  /** The comment holds only the text of "other", so completion clears it when "other" is not chosen. */
  commentIsOtherOnly: boolean;
  isOtherChosen(value: unknown): boolean;
  isEmpty(value: unknown): boolean;
  requiredMessage: Message;
  /** survey-core's errors after "required", in its order. */
  answerError(value: unknown, comment: unknown): [ProblemCode, Message] | null;
  validators: SurveyValidator[];
  /** Errors below the question's own path: matrix-dropdown cells, the questions of each dynamic panel. */
  partErrors: ((value: unknown, path: string, ballot: BallotScope, sink: Sink) => void) | null;
  /** A dynamic panel's template. */
  template: Scope | null;
}

interface KeySpec {
  /** The question whose path carries structural problems of this key. */
  owner: string;
  check: StructureCheck | null;
  /** The questions storing their answer under this key (two for a checkbox that creates dynamic panels). */
  questions: CompiledQuestion[];
}

interface CommentSpec {
  question: CompiledQuestion;
  check: StructureCheck;
}

/** The top level, or a dynamic panel's template. */
interface Scope {
  keys: Map<string, KeySpec>;
  comments: Map<string, CommentSpec>;
  questions: CompiledQuestion[];
  lookups: Map<string, Lookup>;
  panel: { name: string; targetProperty: string | null } | null;
}

function newScope(panel: Scope['panel']): Scope {
  return { keys: new Map(), comments: new Map(), questions: [], lookups: new Map(), panel };
}

// ---------------------------------------------------------------------------------------------------
// Structure checks

function choiceCheck(allowed: Set<unknown>): StructureCheck {
  return (value, path, sink) => {
    if (!isPrimitive(value)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    if (!allowed.has(value)) return report(sink, path, 'not-allowed', MESSAGES.notAChoice);
    return value;
  };
}

interface MultiOptions {
  allowed: Set<unknown>;
  none: unknown;
  maxSelected: number;
  /** valuePropertyName: each element is `{ [property]: choice }`. */
  property: string | null;
}

function multiCheck({ allowed, none, maxSelected, property }: MultiOptions): StructureCheck {
  return (value, path, sink) => {
    if (!Array.isArray(value)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    if (value.length > allowed.size) return report(sink, path, 'too-many', MESSAGES.tooManyChoices(allowed.size));
    const chosen: unknown[] = [];
    for (const element of value) {
      let choice: unknown = element;
      if (property !== null) {
        if (!isPlainObject(element) || Object.keys(element).some((k) => k !== property)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
        choice = element[property];
      }
      if (!isPrimitive(choice)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
      chosen.push(choice);
    }
    if (chosen.some((c) => !allowed.has(c))) return report(sink, path, 'not-allowed', MESSAGES.notAChoice);
    if (new Set(chosen).size !== chosen.length) return report(sink, path, 'invalid', MESSAGES.duplicateChoice);
    if (none !== undefined && chosen.length > 1 && chosen.includes(none)) return report(sink, path, 'invalid', MESSAGES.noneWithOthers);
    if (maxSelected > 0 && chosen.length > maxSelected) return report(sink, path, 'too-many', MESSAGES.tooManyChoices(maxSelected));
    return value;
  };
}

function stringCheck(maxLength: number): StructureCheck {
  return (value, path, sink) => {
    if (typeof value !== 'string') return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    if (value.length > maxLength) return report(sink, path, 'too-long', MESSAGES.tooLong(maxLength));
    return value;
  };
}

function numberCheck(min: number | null, max: number | null): StructureCheck {
  return (value, path, sink) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    if (min !== null && value < min) return report(sink, path, 'out-of-range', MESSAGES.atLeast(min));
    if (max !== null && value > max) return report(sink, path, 'out-of-range', MESSAGES.atMost(max));
    return value;
  };
}

function booleanCheck(valueTrue: unknown, valueFalse: unknown): StructureCheck {
  const plain = valueTrue === true && valueFalse === false;
  return (value, path, sink) => {
    if (!isPrimitive(value) || (plain && typeof value !== 'boolean')) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    if (value !== valueTrue && value !== valueFalse) return report(sink, path, 'not-allowed', MESSAGES.notAChoice);
    return value;
  };
}

function ratingCheck(allowed: Set<unknown>): StructureCheck {
  return (value, path, sink) => {
    if (!isPrimitive(value)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    if (!allowed.has(value)) return typeof value === 'number' ? report(sink, path, 'out-of-range', MESSAGES.outOfScale) : report(sink, path, 'not-allowed', MESSAGES.notAChoice);
    return value;
  };
}

/** survey-core computes an expression's value itself; whatever the client echoes must be a plain value. */
const expressionCheck: StructureCheck = (value, path, sink) => (isPrimitive(value) ? value : report(sink, path, 'wrong-type', MESSAGES.wrongType));

/** An object keyed by row values: one choice per row (matrix), or an object of cells per row (matrix-dropdown). */
function rowsCheck(rows: Set<string>, rowCheck: StructureCheck): StructureCheck {
  return (value, path, sink) => {
    if (!isPlainObject(value)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    const kept: Record<string, unknown> = {};
    for (const [row, answer] of Object.entries(value)) {
      const at = `${path}.${row}`;
      if (!rows.has(row)) report(sink, at, 'not-allowed', MESSAGES.notARow);
      else if (answer !== null && answer !== undefined) {
        const checked = rowCheck(answer, at, sink);
        if (checked !== undefined) kept[row] = checked;
      }
    }
    return kept;
  };
}

function cellsCheck(columns: Map<string, StructureCheck>): StructureCheck {
  return (value, path, sink) => {
    if (!isPlainObject(value)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    const kept: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(value)) {
      const check = columns.get(column);
      if (!check) report(sink, `${path}.${column}`, 'not-allowed', MESSAGES.notAColumn);
      else if (cell !== null && cell !== undefined) {
        const checked = check(cell, `${path}.${column}`, sink);
        if (checked !== undefined) kept[column] = checked;
      }
    }
    return kept;
  };
}

interface PanelTarget {
  property: string;
  allowed: Set<unknown>;
}

function panelDynamicCheck(template: Scope, minPanels: number, maxPanels: number, target: PanelTarget | null): StructureCheck {
  return (value, path, sink) => {
    if (!Array.isArray(value)) return report(sink, path, 'wrong-type', MESSAGES.wrongType);
    // No panels is no answer: survey-core may pad an empty list to the panels it starts with.
    if (value.length === 0) return undefined;
    if (value.length > maxPanels) return report(sink, path, 'too-many', MESSAGES.tooManyPanels(maxPanels));
    if (value.length < minPanels) return report(sink, path, 'too-few', MESSAGES.tooFewPanels(minPanels));
    let dropAll = false;
    const targets = new Set<unknown>();
    const kept = value.map((item, index) => {
      const at = `${path}[${index}]`;
      if (!isPlainObject(item)) {
        dropAll = true;
        return report(sink, at, 'wrong-type', MESSAGES.wrongType);
      }
      const keptItem: Record<string, unknown> = {};
      if (target) {
        const chosen = item[target.property];
        const targetAt = `${at}.${target.property}`;
        if (chosen === undefined || chosen === null) report(sink, targetAt, 'invalid', MESSAGES.missingTarget);
        else if (!isPrimitive(chosen)) report(sink, targetAt, 'wrong-type', MESSAGES.wrongType);
        else if (!target.allowed.has(chosen)) report(sink, targetAt, 'not-allowed', MESSAGES.notATarget);
        else if (targets.has(chosen)) report(sink, targetAt, 'invalid', MESSAGES.duplicateTarget);
        else keptItem[target.property] = chosen;
        if (isPrimitive(chosen)) targets.add(chosen);
        if (!Object.hasOwn(keptItem, target.property)) dropAll = true;
      }
      for (const [key, answer] of Object.entries(item)) {
        if (target && key === target.property) continue;
        checkKey(template, `${at}.`, key, answer, keptItem, sink);
      }
      return keptItem;
    });
    return dropAll ? undefined : kept;
  };
}

/** Checks one key of the answers, at the top level or in a panel, keeping what passes. */
function checkKey(scope: Scope, prefix: string, key: string, answer: unknown, kept: Record<string, unknown>, sink: Sink): void {
  const spec = scope.keys.get(key);
  const comment = spec ? undefined : scope.comments.get(key);
  if (!spec && !comment) {
    report(sink, prefix + key, 'unknown-question', MESSAGES.unknownQuestion);
    return;
  }
  if (answer === null || answer === undefined) return;
  const checked = spec ? spec.check!(answer, prefix + spec.owner, sink) : comment!.check(answer, `${prefix}${comment!.question.name}${COMMENT_SUFFIX}`, sink);
  if (checked !== undefined) kept[key] = checked;
}

// ---------------------------------------------------------------------------------------------------
// Reading the survey-core model

/** A loose view of survey-core elements: each question type adds its own properties. */
type Element = (Question | PanelModelBase) & {
  name: string;
  isPanel: boolean;
  toJSON(): Record<string, unknown>;
  getType(): string;
  [property: string]: unknown;
};

function fail(where: string, why: string): never {
  throw new UnsupportedQuestionnaireError(`${where}: ${why}`);
}

/** Properties that change how an element looks or what it is called, never which answers are valid. */
const PRESENTATION = [
  'name', 'title', 'description', 'descriptionLocation', 'titleLocation', 'hideNumber', 'startWithNewLine', 'indent',
  'width', 'minWidth', 'maxWidth', 'colCount', 'placeholder', 'requiredErrorText', 'errorLocation', 'state',
  'renderAs', 'useDisplayValuesInDynamicTexts', 'commentPlaceholder', 'commentText', 'otherText', 'otherPlaceholder',
  'otherErrorText', 'noneText', 'labelTrue', 'labelFalse', 'swapOrder', 'rateType', 'scaleColorMode', 'rateColorMode',
  'minRateDescription', 'maxRateDescription', 'displayRateDescriptionsAsExtremeItems', 'rateDisplayMode', 'autoGrow',
  'allowResize', 'autocomplete', 'choicesOrder', 'showSelectAllItem', 'selectAllText', 'separateSpecialChoices',
  'searchEnabled', 'allowClear', 'hideSelectedItems', 'closeOnSelect', 'textWrapEnabled', 'templateTitle',
  'templateTabTitle', 'templateDescription', 'addPanelText', 'removePanelText', 'allowAddPanel', 'allowRemovePanel',
  'showProgressBar', 'progressBarLocation', 'displayMode', 'showQuestionNumbers', 'tabAlign', 'confirmDelete',
  'noEntriesText', 'panelsState', 'templateErrorLocation', 'templateQuestionTitleLocation', 'removePanelButtonLocation',
  'alternateRows', 'columnMinWidth', 'rowTitleWidth', 'showHeader', 'verticalAlign', 'html', 'maxErrorText',
  'minErrorText', 'questionTitleLocation', 'questionErrorLocation', 'innerIndent', 'showNumber', 'size', 'inputSize',
  'textUpdateMode', 'questionTitleWidth', 'displayStyle', 'currency', 'precision', 'format', 'maximumFractionDigits',
  'minimumFractionDigits', 'useGrouping', 'rateDescriptionLocation', 'dataList', 'navigationTitle',
  'navigationDescription', 'imageLink', 'imageHeight', 'imageWidth', 'imageFit', 'contentMode', 'altText',
];
/** Properties every answerable question may have, each one implemented below. */
const QUESTION_SEMANTICS = ['valueName', 'visible', 'visibleIf', 'readOnly', 'enableIf', 'isRequired', 'requiredIf', 'validators', 'clearIfInvisible'];

const SEMANTICS_BY_TYPE: Record<string, string[]> = {
  radiogroup: ['choices', 'showNoneItem', 'showOtherItem', 'showCommentArea'],
  dropdown: ['choices', 'showNoneItem', 'showOtherItem', 'showCommentArea'],
  checkbox: ['choices', 'showNoneItem', 'showOtherItem', 'showCommentArea', 'maxSelectedChoices', 'minSelectedChoices', 'valuePropertyName'],
  tagbox: ['choices', 'showNoneItem', 'showOtherItem', 'showCommentArea', 'maxSelectedChoices', 'minSelectedChoices'],
  boolean: ['valueTrue', 'valueFalse'],
  text: ['inputType', 'min', 'max', 'step', 'maxLength'],
  comment: ['maxLength', 'rows'],
  rating: ['rateValues', 'rateMin', 'rateMax', 'rateStep', 'rateCount', 'autoGenerate'],
  matrix: ['rows', 'columns', 'eachRowRequired'],
  matrixdropdown: ['rows', 'columns', 'choices', 'cellType'],
  paneldynamic: ['templateElements', 'minPanelCount', 'maxPanelCount', 'panelCount'],
  expression: ['expression'],
  html: [],
  image: [],
};
const NO_ANSWER = new Set(['html', 'image']);
const CONTAINER_PROPERTIES = [...PRESENTATION, 'elements', 'visible', 'visibleIf', 'readOnly', 'enableIf'];

const SURVEY_PROPERTIES = [
  'locale', 'title', 'description', 'logo', 'logoWidth', 'logoHeight', 'logoFit', 'logoPosition', 'pages',
  'showQuestionNumbers', 'questionErrorLocation', 'checkErrorsMode', 'widthMode', 'width', 'showProgressBar',
  'progressBarType', 'progressBarShowPageTitles', 'completedHtml', 'completedBeforeHtml', 'loadingHtml', 'completeText',
  'pageNextText', 'pagePrevText', 'previewText', 'editText', 'showTitle', 'showPageTitles', 'showPageNumbers',
  'questionTitleLocation', 'questionDescriptionLocation', 'questionTitlePattern', 'requiredMark', 'textUpdateMode',
  'maxTextLength', 'maxCommentLength', 'clearInvisibleValues', 'headerView', 'showCompletedPage',
  'showNavigationButtons', 'navigationButtonsLocation', 'showPrevButton', 'autoFocusFirstQuestion', 'autoFocusFirstError',
  'allowResizeComment', 'autoGrowComment', 'commentAreaRows', 'showTOC', 'tocLocation', 'showBrandInfo',
  'fitToContainer', 'gridLayoutEnabled', 'showPreviewBeforeComplete', 'previewMode', 'validateVisitedEmptyFields',
  'autoAdvanceEnabled', 'autoAdvanceAllowComplete',
];

const VALIDATORS = new Set(['emailvalidator', 'regexvalidator', 'numericvalidator', 'textvalidator', 'answercountvalidator']);
const TEXT_INPUT_TYPES = new Set(['text', 'email', 'tel', 'url', 'password', 'date', 'datetime-local', 'month', 'week', 'time', 'color']);

function checkProperties(where: string, json: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(json)) {
    if (!allowed.includes(key)) fail(where, `the property "${key}" is not supported by the answer validator`);
  }
}

function itemValues(where: string, items: readonly ItemValue[]): unknown[] {
  return items.map((item) => {
    const json: unknown = item.toJSON();
    if (isPlainObject(json)) checkProperties(`${where}, choice ${JSON.stringify(item.value)}`, json, ['value', 'text', 'icon']);
    if (!isPrimitive(item.value)) fail(where, `the choice ${JSON.stringify(item.value)} is not a string, number or boolean`);
    return item.value;
  });
}

function distinctKeys(where: string, items: readonly ItemValue[]): string[] {
  const keys = itemValues(where, items).map(String);
  if (new Set(keys).size !== keys.length) fail(where, 'two rows have the same value');
  return keys;
}

function numberProperty(where: string, value: unknown): number | null {
  if (value === undefined || value === null || value === '') return null;
  const number = Number(value);
  if (!Number.isFinite(number)) fail(where, `${JSON.stringify(value)} is not a number`);
  return number;
}

/** survey-core's `isStepNumberIncorrect`: both numbers scaled to integers before the remainder. */
function isStepIncorrect(value: number, step: number): boolean {
  let scale = 1;
  while ((Math.round(step * scale) / scale !== step || Math.round(value * scale) / scale !== value) && scale < 1_000_000) scale *= 10;
  const scaledStep = Math.round(step * scale);
  return scaledStep > 0 && Math.round(value * scale) % scaledStep !== 0;
}

// ---------------------------------------------------------------------------------------------------
// The compiler

class Compiler {
  private readonly survey: Model;
  private readonly surveyClearsHidden: boolean;
  private readonly commentCheck: StructureCheck;
  readonly top: Scope = newScope(null);
  /** Conditions are compiled last, as they may name questions that come later. */
  private readonly pending: (() => void)[] = [];
  private readonly compiled: CompiledQuestion[] = [];
  private readonly expressions = new Set<string>();

  constructor(json: Record<string, unknown>) {
    this.survey = new Model(json);
    const errors = this.survey.jsonErrors ?? [];
    if (errors.length) fail('questionnaire', errors.map((e) => e.message).join('; '));
    checkProperties('questionnaire', this.survey.toJSON() as Record<string, unknown>, SURVEY_PROPERTIES);
    const clear = this.survey.clearInvisibleValues;
    if (clear !== 'onComplete' && clear !== 'none') fail('questionnaire', `clearInvisibleValues "${clear}" is not supported (use "onComplete" or "none")`);
    this.surveyClearsHidden = clear !== 'none';
    this.commentCheck = stringCheck(this.survey.maxCommentLength > 0 ? this.survey.maxCommentLength : DEFAULT_MAX_TEXT_LENGTH);

    const root: Placement = { parent: null, visible: true, readOnly: false, visibleIf: null, enableIf: null };
    for (const page of this.survey.pages) this.container(page as unknown as Element, this.top, root, `page "${page.name}"`);
    for (const [key, spec] of this.top.keys) if (!spec.check) fail(`question "${spec.owner}"`, `no dynamic panel reads the value "${key}" it shares`);
    for (const compile of this.pending) compile();
    for (const question of this.compiled) this.flatten(question);
    for (const spec of this.top.keys.values()) {
      const panel = spec.questions.find((q) => q.template);
      // Hidden alone, its answers are cleared on completion only if survey-core happened to build its
      // panels, which depends on the page it is on: no single verdict to reproduce.
      if (spec.questions.length > 1 && panel && (!panel.visible || panel.visibleIf.length > 0)) {
        fail(`question "${panel.name}"`, 'a dynamic panel created by a checkbox cannot be hidden (visibleIf on it, its panel or its page)');
      }
      const expression = spec.questions.find((q) => this.expressions.has(q.key.toLowerCase()));
      if (expression && (!expression.visible || expression.visibleIf.length > 0)) fail(`question "${expression.name}"`, 'an expression question inside a panel or page that can be hidden is not supported');
    }
  }

  private placement(element: Element, parent: Placement, scope: Scope, where: string, owner: CompiledQuestion | null): Placement {
    const json = element.toJSON();
    const placement: Placement = {
      parent,
      visible: json.visibleIf ? true : json.visible !== false,
      readOnly: json.enableIf ? false : json.readOnly === true,
      visibleIf: null,
      enableIf: null,
    };
    if (typeof json.visibleIf === 'string') this.condition(json.visibleIf, scope, where, owner, (c) => { placement.visibleIf = c; });
    if (typeof json.enableIf === 'string') this.condition(json.enableIf, scope, where, owner, (c) => { placement.enableIf = c; });
    return placement;
  }

  private flatten(question: CompiledQuestion): void {
    for (let p: Placement | null = question.placement; p; p = p.parent) {
      question.visible &&= p.visible;
      question.readOnly ||= p.readOnly;
      if (p.visibleIf) question.visibleIf.push(p.visibleIf);
      if (p.enableIf) question.enableIf.push(p.enableIf);
    }
  }

  /** A page or panel: its visibility and read-only state apply to everything inside it. */
  private container(element: Element, scope: Scope, parent: Placement, where: string): void {
    const json = element.toJSON();
    checkProperties(where, json, CONTAINER_PROPERTIES);
    if (scope.panel && (json.visibleIf || json.enableIf)) fail(where, 'conditions on a panel inside a dynamic panel are not supported');
    const placement = this.placement(element, parent, scope, where, null);
    for (const child of (element as unknown as { elements: Element[] }).elements) {
      if (child.isPanel) this.container(child, scope, placement, `${where}, panel "${child.name}"`);
      else this.question(child, scope, placement);
    }
  }

  private question(element: Element, scope: Scope, parent: Placement): void {
    const q = element as unknown as Question & Element;
    const type = q.getType();
    const where = scope.panel ? `question "${scope.panel.name}.${q.name}"` : `question "${q.name}"`;
    const semantics = SEMANTICS_BY_TYPE[type];
    if (!semantics) fail(where, `the question type "${type}" is not supported`);
    const json = q.toJSON();
    checkProperties(where, json, [...PRESENTATION, ...QUESTION_SEMANTICS, ...semantics]);
    if (NO_ANSWER.has(type)) return;
    if (/^\d/.test(q.name) || /[.[\]{}]/.test(q.name)) fail(where, 'a question name that starts with a digit or holds . [ ] { } is not supported');
    const clearIf = q.clearIfInvisible;
    if (!['default', 'onComplete', 'none'].includes(clearIf)) fail(where, `clearIfInvisible "${clearIf}" is not supported`);

    const compiled: CompiledQuestion = {
      name: q.name,
      key: q.getValueName(),
      placement: { parent, visible: true, readOnly: false, visibleIf: null, enableIf: null },
      visible: true,
      visibleIf: [],
      readOnly: false,
      enableIf: [],
      required: json.requiredIf ? false : json.isRequired === true,
      requiredIf: null,
      keepsHiddenAnswer: clearIf === 'none' || (clearIf === 'default' && !this.surveyClearsHidden),
      commentKey: null,
      commentIsOtherOnly: false,
      isOtherChosen: () => false,
      isEmpty: isEmptyAnswer,
      requiredMessage: MESSAGES.required,
      answerError: () => null,
      validators: this.validators(q, where),
      partErrors: null,
      template: null,
    };
    compiled.placement = this.placement(q, parent, scope, where, compiled);
    if (typeof json.requiredIf === 'string') this.condition(json.requiredIf, scope, where, compiled, (c) => { compiled.requiredIf = c; });
    this.compiled.push(compiled);

    const check = this.kind(q, type, json, compiled, scope, where);
    scope.questions.push(compiled);
    const spec = scope.keys.get(compiled.key);
    if (spec && (check === null) === (spec.check === null)) fail(where, `the value name "${compiled.key}" is used by another question too`);
    if (spec) {
      spec.questions.push(compiled);
      if (check) Object.assign(spec, { check, owner: compiled.name });
    } else {
      scope.keys.set(compiled.key, { owner: compiled.name, check, questions: [compiled] });
    }
    if (compiled.commentKey) scope.comments.set(compiled.commentKey, { question: compiled, check: this.commentCheck });
    for (const key of [compiled.key, compiled.commentKey]) {
      if (key && scope.keys.has(key) && scope.comments.has(key)) fail(where, `"${key}" is both an answer and a comment`);
    }
  }

  private validators(q: Question, where: string): SurveyValidator[] {
    return q.validators.map((validator) => {
      const type = validator.getType();
      if (!VALIDATORS.has(type)) fail(where, `the validator "${type}" is not supported`);
      if (validator.notificationType && validator.notificationType !== 'error') fail(where, 'validators that only warn are not supported');
      // A detached copy, so the compiled questionnaire holds no reference to the survey-core model.
      const copy = Serializer.createClass(type) as SurveyValidator;
      new JsonObject().toObject(validator.toJSON(), copy);
      return copy;
    });
  }

  /** Sets the kind's rules on `compiled`; returns its structure check, or null when the dynamic panel sharing its value checks it. */
  private kind(q: Question & Element, type: string, json: Record<string, unknown>, compiled: CompiledQuestion, scope: Scope, where: string): StructureCheck | null {
    switch (type) {
      case 'radiogroup':
      case 'dropdown':
      case 'checkbox':
      case 'tagbox':
        return this.select(q, type, compiled, scope, where);
      case 'boolean': {
        const b = q as unknown as { valueTrue: unknown; valueFalse: unknown };
        return booleanCheck(b.valueTrue ?? true, b.valueFalse ?? false);
      }
      case 'text':
        return this.text(q, json, compiled, where);
      case 'comment':
        compiled.requiredMessage = MESSAGES.fillIn;
        return stringCheck((q as unknown as { getMaxLength(): number | null }).getMaxLength() ?? DEFAULT_MAX_TEXT_LENGTH);
      case 'rating':
        return ratingCheck(new Set(itemValues(where, (q as unknown as { visibleRateValues: ItemValue[] }).visibleRateValues)));
      case 'expression':
        // survey-core recomputes its value; a condition on it or hiding it would need that computation here.
        if (scope.panel) fail(where, 'an expression inside a dynamic panel is not supported');
        if (json.visible === false || json.visibleIf || json.isRequired || json.requiredIf || compiled.validators.length) {
          fail(where, 'an expression question that can be hidden, is required or has validators is not supported');
        }
        this.expressions.add(compiled.key.toLowerCase());
        return expressionCheck;
      case 'matrix': {
        const m = q as unknown as { rows: ItemValue[]; columns: ItemValue[]; eachRowRequired: boolean };
        const rows = distinctKeys(where, m.rows);
        if (m.eachRowRequired) compiled.answerError = (value) => (rows.some((row) => isEmptyAnswer(isPlainObject(value) ? value[row] : undefined)) ? ['required', MESSAGES.everyRow] : null);
        this.ownerKeys.set(compiled, rows);
        return rowsCheck(new Set(rows), choiceCheck(new Set(itemValues(where, m.columns))));
      }
      case 'matrixdropdown':
        return this.matrixDropdown(q, compiled, where);
      case 'paneldynamic':
        return this.panelDynamic(q, json, compiled, scope, where);
      default:
        return fail(where, `the question type "${type}" is not supported`);
    }
  }

  /**
   * survey-core keeps value names in a plain object, so it "finds" `toString` or `constructor` there:
   * only arrays of questions count.
   */
  private questionsByValueName(name: string, caseInsensitive = false): Question[] {
    const found: unknown = this.survey.getQuestionsByValueName(name, caseInsensitive);
    return Array.isArray(found) ? (found as Question[]) : [];
  }

  /** Keys of a question's own object value, which survey-core searches before other questions in its conditions. */
  private readonly ownerKeys = new Map<CompiledQuestion, string[]>();

  private select(q: Question & Element, type: string, compiled: CompiledQuestion, scope: Scope, where: string): StructureCheck | null {
    const select = q as unknown as {
      choices: ItemValue[]; showNoneItem: boolean; showOtherItem: boolean; showCommentArea: boolean; noneItem: ItemValue;
      otherItem: ItemValue; maxSelectedChoices: number; minSelectedChoices: number; valuePropertyName?: string;
    };
    const allowed = new Set(itemValues(where, select.choices));
    const none = select.showNoneItem ? select.noneItem.value : undefined;
    const other = select.showOtherItem ? select.otherItem.value : undefined;
    for (const special of [none, other]) if (special !== undefined) allowed.add(special);
    if (allowed.size !== select.choices.length + Number(none !== undefined) + Number(other !== undefined)) fail(where, 'two choices have the same value');
    // With both, survey-core stores the text of "other" inside the answer itself instead of the comment.
    if (select.showOtherItem && select.showCommentArea) fail(where, '"other" together with a comment box is not supported');
    const multiple = type === 'checkbox' || type === 'tagbox';
    compiled.requiredMessage = multiple ? MESSAGES.chooseSome : MESSAGES.chooseOne;
    if (select.showOtherItem || select.showCommentArea) {
      compiled.commentKey = compiled.key + COMMENT_SUFFIX;
      compiled.commentIsOtherOnly = !select.showCommentArea;
    }
    compiled.isOtherChosen = (value) => other !== undefined && (multiple ? Array.isArray(value) && value.includes(other) : value === other);
    const minSelected = multiple ? select.minSelectedChoices : 0;
    compiled.answerError = (value, comment) => {
      if (compiled.isOtherChosen(value) && !comment) return ['required', MESSAGES.describeOther];
      if (minSelected > 0) {
        const count = Array.isArray(value) ? value.length : 0;
        const onlyNone = count === 1 && none !== undefined && (value as unknown[])[0] === none;
        if (!onlyNone && count < minSelected) return ['too-few', MESSAGES.tooFewChoices(minSelected)];
      }
      return null;
    };
    if (!multiple) return choiceCheck(allowed);
    const property = type === 'checkbox' && select.valuePropertyName ? select.valuePropertyName : null;
    if (property !== null) {
      if (none !== undefined || other !== undefined || select.showCommentArea) fail(where, 'valuePropertyName with "none", "other" or a comment box is not supported');
      if (scope.panel) fail(where, 'valuePropertyName inside a dynamic panel is not supported');
      const sharing = this.questionsByValueName(compiled.key);
      if (sharing.length > 1) {
        // The checkbox that creates one dynamic panel per ticked choice; the panel checks the shared value.
        if (sharing.length !== 2 || !sharing.some((s) => s.getType() === 'paneldynamic')) fail(where, 'valuePropertyName shared with anything but one dynamic panel is not supported');
        if (select.maxSelectedChoices > 0 || compiled.validators.length) fail(where, 'maxSelectedChoices or validators on a checkbox that creates dynamic panels are not supported');
        return null;
      }
    }
    return multiCheck({ allowed, none, maxSelected: select.maxSelectedChoices, property });
  }

  private text(q: Question & Element, json: Record<string, unknown>, compiled: CompiledQuestion, where: string): StructureCheck {
    const t = q as unknown as { inputType: string; min: unknown; max: unknown; step: unknown; getMaxLength(): number | null };
    const inputType = t.inputType || 'text';
    compiled.requiredMessage = MESSAGES.fillIn;
    if (inputType === 'number') {
      const step = t.step === 'any' ? null : numberProperty(`${where}, step`, t.step);
      compiled.answerError = (value) => (step !== null && typeof value === 'number' && isStepIncorrect(value, step) ? ['invalid', MESSAGES.step(step)] : null);
      return numberCheck(numberProperty(`${where}, min`, t.min), numberProperty(`${where}, max`, t.max));
    }
    if (!TEXT_INPUT_TYPES.has(inputType)) fail(where, `inputType "${inputType}" is not supported`);
    if (json.min !== undefined || json.max !== undefined || json.step !== undefined) fail(where, `min, max or step on inputType "${inputType}" is not supported`);
    if (inputType === 'email' && !compiled.validators.some((v) => v.getType() === 'emailvalidator')) {
      // survey-core checks e-mail inputs with its EmailValidator even when none is configured.
      const email = new EmailValidator();
      compiled.answerError = (value) => (email.validate(value) ? ['invalid', MESSAGES.email] : null);
    }
    return stringCheck(t.getMaxLength() ?? DEFAULT_MAX_TEXT_LENGTH);
  }

  private matrixDropdown(q: Question & Element, compiled: CompiledQuestion, where: string): StructureCheck {
    const m = q as unknown as { rows: ItemValue[]; choices: ItemValue[]; columns: (Element & { templateQuestion: Question & Element; isRequired: boolean })[] };
    const rows = distinctKeys(where, m.rows);
    this.ownerKeys.set(compiled, rows);
    const columns = new Map<string, StructureCheck>();
    const required: string[] = [];
    for (const column of m.columns) {
      const at = `${where}, column "${column.name}"`;
      checkProperties(at, column.toJSON(), ['name', 'title', 'cellType', 'choices', 'isRequired', 'width', 'minWidth', 'placeholder', 'requiredErrorText', 'colCount']);
      const cell = column.templateQuestion;
      const cellType = cell.getType();
      const ownChoices = (cell as unknown as { choices?: ItemValue[] }).choices;
      const choices = ownChoices?.length ? ownChoices : m.choices;
      const maxLength = () => (cell as unknown as { getMaxLength(): number | null }).getMaxLength() ?? DEFAULT_MAX_TEXT_LENGTH;
      let check: StructureCheck;
      if (cellType === 'dropdown' || cellType === 'radiogroup') check = choiceCheck(new Set(itemValues(at, choices)));
      else if (cellType === 'checkbox' || cellType === 'tagbox') check = multiCheck({ allowed: new Set(itemValues(at, choices)), none: undefined, maxSelected: 0, property: null });
      else if (cellType === 'boolean') check = booleanCheck(true, false);
      else if (cellType === 'text' && ((cell as unknown as { inputType: string }).inputType || 'text') === 'text') check = stringCheck(maxLength());
      else if (cellType === 'comment') check = stringCheck(maxLength());
      else return fail(at, `cells of type "${cellType}" are not supported`);
      columns.set(column.name, check);
      if (column.isRequired) required.push(column.name);
    }
    compiled.partErrors = (value, path, _ballot, sink) => {
      for (const row of rows) {
        const cells = isPlainObject(value) && isPlainObject(value[row]) ? value[row] : {};
        for (const column of required) {
          if (isEmptyAnswer(cells[column])) report(sink, `${path}.${row}.${column}`, 'required', MESSAGES.required);
        }
      }
    };
    return rowsCheck(new Set(rows), cellsCheck(columns));
  }

  private panelDynamic(q: Question & Element, json: Record<string, unknown>, compiled: CompiledQuestion, scope: Scope, where: string): StructureCheck {
    if (scope.panel) fail(where, 'a dynamic panel inside a dynamic panel is not supported');
    if (json.keyName) fail(where, 'keyName is not supported');
    const pd = q as unknown as { template: Element; minPanelCount: number; maxPanelCount: number; getPropertyValue(name: string): unknown };
    checkProperties(`${where}, template`, pd.template.toJSON(), CONTAINER_PROPERTIES.filter((k) => !k.endsWith('If')));
    const sharing = this.questionsByValueName(compiled.key).filter((s) => s !== (q as Question));
    const checkbox = sharing[0] as (Question & { valuePropertyName?: string; choices: ItemValue[] }) | undefined;
    if (sharing.length > 1 || (checkbox && (checkbox.getType() !== 'checkbox' || !checkbox.valuePropertyName))) {
      fail(where, 'a dynamic panel can share its value name only with a checkbox that has valuePropertyName');
    }
    const target: PanelTarget | null = checkbox ? { property: checkbox.valuePropertyName!, allowed: new Set(itemValues(where, checkbox.choices)) } : null;
    const template = newScope({ name: q.name, targetProperty: target?.property ?? null });
    // The dynamic panel's own visibility and read-only state are checked before its panels, at the top level.
    const root: Placement = { parent: null, visible: true, readOnly: false, visibleIf: null, enableIf: null };
    for (const child of (pd.template as unknown as { elements: Element[] }).elements) {
      if (child.isPanel) this.container(child, template, root, `${where}, panel "${child.name}"`);
      else this.question(child, template, root);
    }
    if (target && (template.keys.has(target.property) || template.comments.has(target.property))) fail(where, `"${target.property}" is both the target and a question in the panel`);
    compiled.template = template;
    compiled.isEmpty = (value) => !Array.isArray(value) || value.every((item) => !isPlainObject(item) || Object.keys(item).length === 0);
    // With no answer survey-core builds the panel count it starts with (panelCount, at least minPanelCount).
    // With fewer answers than that it pads the panels, but only on pages after the first, so fewer is a
    // structural problem here, which gives the same verdict wherever the panel sits.
    const emptyPanelCount = Number(pd.getPropertyValue('panelCount')) || 0;
    compiled.partErrors = (value, path, ballot, sink) => {
      const items = Array.isArray(value) && value.length > 0 ? (value as Record<string, unknown>[]) : null;
      const count = items ? items.length : emptyPanelCount;
      for (let index = 0; index < count; index++) {
        const item = items?.[index] ?? {};
        const panel = new BallotScope(template.lookups, ballot.top, item, index);
        for (const question of template.questions) {
          checkAnswer(question, item, `${path}[${index}].${question.name}`, panel, sink);
        }
      }
    };
    if (target) {
      if (emptyPanelCount > 0 || json.maxPanelCount !== undefined) fail(where, 'panel counts on a dynamic panel created by a checkbox are not supported');
      return panelDynamicCheck(template, 0, target.allowed.size, target);
    }
    return panelDynamicCheck(template, emptyPanelCount, pd.maxPanelCount, null);
  }

  /**
   * Compiles a condition once. Only variable forms whose survey-core resolution BallotScope reproduces are
   * accepted. survey-core looks for `{x}` in the owning question's own value first (a matrix's rows, an
   * array's or a string's `length`), so names that could match there are refused.
   */
  private condition(expression: string, scope: Scope, where: string, owner: CompiledQuestion | null, use: (c: Condition) => void): void {
    this.pending.push(() => {
      const at = `${where}, condition "${expression}"`;
      const parsed = new ConditionsParser().parseExpression(expression) as Operand | undefined;
      if (!parsed) fail(at, 'survey-core cannot read it');
      const operands: Operand[] = [];
      parsed.addOperandsToList(operands);
      const ownKeys = (owner && this.ownerKeys.get(owner)?.map((k) => k.toLowerCase())) ?? [];
      for (const operand of operands) {
        if (operand.getType() === 'function') {
          const name = (operand as FunctionOperand).functionName;
          if (!PURE_FUNCTIONS.has(name.toLowerCase())) fail(at, `the function ${name}() is not supported`);
        }
        if (operand.getType() === 'variable') this.resolve((operand as Variable).variable, scope, at, ownKeys);
      }
      use(new ConditionRunner(expression));
    });
  }

  /** Accepts `{valueName}`, `{valueName.length}`, and in a dynamic panel `{panel.name}` and `{panelIndex}`. */
  private resolve(variable: string, scope: Scope, at: string, ownKeys: string[]): void {
    const lower = variable.toLowerCase();
    const cannot = (why: string): never => fail(at, `{${variable}} ${why}`);
    if (/[[\]$:]/.test(variable) || lower.endsWith('-unwrapped')) cannot('uses a form the validator does not resolve');
    const parts = lower.split('.');
    if (parts[0] === 'length' || /^\d/.test(parts[0]) || ownKeys.includes(parts[0])) cannot("could be read from the question's own answer by survey-core");
    if (scope.lookups.has(lower)) return;
    if (scope.panel) {
      if (parts[0] === 'panel' && parts.length === 2) {
        scope.lookups.set(lower, this.panelLookup(parts[1], scope, cannot));
        return;
      }
      if (lower === 'panelindex' || lower === 'visiblepanelindex') {
        // Panels are never hidden one by one here (no templateVisibleIf), so both indexes are the same.
        scope.lookups.set(lower, (b) => ({ isFound: true, value: b.index }));
        return;
      }
    }
    const counting = parts.length === 2 && parts[1] === 'length';
    if (parts.length !== 1 && !counting) cannot('uses a form the validator does not resolve');
    if (BUILT_IN_VARIABLES.has(parts[0])) cannot('is a name survey-core keeps for itself');
    if (this.expressions.has(parts[0])) cannot('is an expression question, whose value survey-core computes');
    const question = this.questionsByValueName(counting ? variable.slice(0, -'.length'.length) : variable, true)[0] as (Question & { valuePropertyName?: string }) | undefined;
    if (!question) return cannot('names no question (conditions name questions by their value name)');
    const key = question.getValueName();
    // survey-core pads a dynamic panel's value while it validates, so conditions on it would shift.
    if (question.getType() === 'paneldynamic') cannot('is a dynamic panel, whose value survey-core changes while validating');
    if (counting) {
      // survey-core counts the question's own (unfiltered) value, and gives 0 when the question is empty.
      const first = this.top.keys.get(key)?.questions[0];
      if (!first || !['checkbox', 'tagbox', 'text', 'comment'].includes(question.getType())) cannot('counts a question that is not a list or a text');
      scope.lookups.set(lower, (b) => {
        const value = b.top[key];
        return { isFound: true, value: first!.isEmpty(value) || !(Array.isArray(value) || typeof value === 'string') ? 0 : value.length };
      });
      return;
    }
    const property = question.getType() === 'checkbox' && question.valuePropertyName ? question.valuePropertyName : null;
    scope.lookups.set(
      lower,
      property
        ? (b) => ({ isFound: true, value: Array.isArray(b.top[key]) ? (b.top[key] as Record<string, unknown>[]).map((item) => item[property]) : [] })
        : (b) => ({ isFound: true, value: b.top[key] }),
    );
  }

  private panelLookup(name: string, scope: Scope, cannot: (why: string) => never): Lookup {
    const property = scope.panel?.targetProperty;
    if (property && name === property.toLowerCase()) {
      return (b) => (b.item && Object.hasOwn(b.item, property) ? { isFound: true, value: b.item[property] } : NOT_FOUND);
    }
    const question = scope.questions.find((c) => c.name.toLowerCase() === name || c.key.toLowerCase() === name);
    if (!question) return cannot('names no question of this panel');
    const key = question.key;
    return (b) => ({ isFound: true, value: b.item?.[key] });
  }
}

// ---------------------------------------------------------------------------------------------------
// Running the rules

/** survey-core's errors for one visible, editable question, in its order, plus ours that run with them. */
function checkAnswer(question: CompiledQuestion, values: Record<string, unknown>, path: string, scope: BallotScope, sink: Sink): void {
  if (!question.visible || question.readOnly || !allHold(question.visibleIf, scope) || !allHold(question.enableIf, scope)) return;
  const value = values[question.key];
  const required = question.requiredIf ? holds(question.requiredIf, scope) : question.required;
  const error: [ProblemCode, Message] | null = required && question.isEmpty(value)
    ? ['required', question.requiredMessage]
    : (question.answerError(value, question.commentKey ? values[question.commentKey] : undefined) ?? validatorError(question, value));
  if (error) report(sink, path, error[0], error[1]);
  question.partErrors?.(value, path, scope, sink);
}

/** survey-core runs the validators only when the question has no other error. */
function validatorError(question: CompiledQuestion, value: unknown): [ProblemCode, Message] | null {
  for (const validator of question.validators) {
    if (validator.validate(value, question.name, {})) return ['invalid', validator.getType() === 'emailvalidator' ? MESSAGES.email : MESSAGES.invalid];
  }
  return null;
}

function isShown(question: CompiledQuestion, scope: BallotScope): boolean {
  return question.visible && allHold(question.visibleIf, scope);
}

/**
 * What survey-core's completion clears (`clearUnusedValues`): the answer stored under a key when every
 * question storing there is hidden, the answers of hidden questions inside dynamic panels, comments of
 * hidden questions, and the text of an "other" that is not chosen (top level only: survey-core does not
 * clear those inside panels).
 */
function checkCleared(scope: Scope, values: Record<string, unknown>, prefix: string, ballot: BallotScope, sink: Sink, containerHidden: boolean): void {
  for (const [key, spec] of scope.keys) {
    const value = values[key];
    if (isNothingToClear(value)) continue;
    const shown = spec.questions.map((q) => !containerHidden && isShown(q, ballot));
    if (!shown.some(Boolean) && spec.questions.some((q) => !q.keepsHiddenAnswer)) {
      report(sink, prefix + spec.owner, 'not-shown', MESSAGES.notShown);
      continue;
    }
    spec.questions.forEach((question, index) => {
      const template = question.template;
      if (!template || !Array.isArray(value)) return;
      value.forEach((item, panelIndex) => {
        if (!isPlainObject(item)) return;
        const panel = new BallotScope(template.lookups, ballot.top, item, panelIndex);
        checkCleared(template, item, `${prefix}${question.name}[${panelIndex}].`, panel, sink, !shown[index]);
      });
    });
  }
  for (const [key, { question }] of scope.comments) {
    const comment = values[key];
    if (isNothingToClear(comment)) continue;
    const path = `${prefix}${question.name}${COMMENT_SUFFIX}`;
    const shown = !containerHidden && isShown(question, ballot);
    if (!shown && !question.keepsHiddenAnswer) report(sink, path, 'not-shown', MESSAGES.notShown);
    else if (!scope.panel && question.commentIsOtherOnly && !question.isOtherChosen(values[question.key])) report(sink, path, 'not-allowed', MESSAGES.unusedOther);
  }
}

export function compileQuestionnaire(surveyJson: Record<string, unknown>): CompiledQuestionnaire {
  const top = new Compiler(surveyJson).top;

  function structure(data: unknown, sink: Sink): Record<string, unknown> | null {
    if (!isPlainObject(data)) return report(sink, '', 'wrong-type', MESSAGES.notAnswers) ?? null;
    const kept: Record<string, unknown> = {};
    for (const [key, answer] of Object.entries(data)) checkKey(top, '', key, answer, kept, sink);
    return kept;
  }

  return {
    validateDraft(data) {
      const sink: Sink = new Map();
      structure(data, sink);
      return [...sink.values()];
    },
    validateSubmission(data) {
      const sink: Sink = new Map();
      const values = structure(data, sink);
      if (!values) return [...sink.values()];
      const ballot = new BallotScope(top.lookups, values, null, -1);
      for (const question of top.questions) checkAnswer(question, values, question.name, ballot, sink);
      checkCleared(top, values, '', ballot, sink, false);
      return [...sink.values()];
    },
  };
}
