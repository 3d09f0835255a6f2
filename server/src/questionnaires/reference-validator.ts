/**
 * The slow, literal statement of what a ballot must satisfy: survey-core 3.0.0 itself, plus our own
 * checks. Tests compare `compileQuestionnaire` with it on thousands of ballots, and the benchmark times
 * it; it costs 15–240 ms a ballot and never runs on the submission path.
 *
 * It builds a fresh survey-core model per ballot and:
 * 1. checks the answers' structure, reading questions, choices, rows, columns and limits from the model;
 * 2. loads what passed into survey-core (`survey.data`), runs `survey.validate(true, false)` and reads
 *    every question's errors, including those of dynamic panels' questions and matrix-dropdown cells,
 *    which `getAllQuestions(true)` does not list;
 * 3. completes the survey (`doComplete`, which clears what should not be kept) and reports every
 *    answer it removed: answers to hidden questions, the text of an "other" not chosen.
 * It fails loudly if survey-core changes an answer while validating, since that would mean step 1 let
 * through a value survey-core considers wrong.
 */
import { Model, type ItemValue, type PanelModel, type Question, type SurveyError } from 'survey-core';
import {
  COMMENT_SUFFIX,
  DEFAULT_MAX_TEXT_LENGTH,
  MESSAGES,
  isPlainObject,
  isPrimitive,
  problem,
  type BallotProblem,
  type ProblemCode,
} from './compiled-validator.js';

type Message = readonly [string, string];
type Add = (path: string, code: ProblemCode, message: Message) => void;
/** survey-core question objects, read loosely: each type has its own properties. */
type AnyQuestion = Question & Record<string, any>;

export function referenceValidate(surveyJson: Record<string, unknown>, data: unknown, mode: 'submission' | 'draft'): BallotProblem[] {
  const problems = new Map<string, BallotProblem>();
  const add: Add = (path, code, message) => {
    if (!problems.has(path)) problems.set(path, problem(path, code, message));
  };
  if (!isPlainObject(data)) {
    add('', 'wrong-type', MESSAGES.notAnswers);
    return [...problems.values()];
  }
  const survey = new Model(surveyJson);
  const kept = checkStructure(survey, data, add);
  if (mode === 'draft') return [...problems.values()];

  survey.data = JSON.parse(JSON.stringify(kept));
  survey.validate(true, false);
  const validated = survey.data as Record<string, unknown>;
  // survey-core computes expression questions itself, whatever the ballot says.
  const answers = Object.fromEntries(Object.entries(kept).filter(([key]) => !questionsNamed(survey, key).some((q) => q.getType() === 'expression')));
  const changed = changedPath(answers, validated, '');
  if (changed !== null) throw new Error(`survey-core changed the answer at "${changed}" while validating ${JSON.stringify(kept)}`);
  for (const question of survey.getAllQuestions(false) as AnyQuestion[]) collectErrors(question, question.name, add);

  const before = JSON.parse(JSON.stringify(survey.data)) as Record<string, unknown>;
  survey.doComplete();
  reportCleared(survey, kept, before, survey.data as Record<string, unknown>, add);
  return [...problems.values()];
}

// ---------------------------------------------------------------------------------------------------
// 1. Structure

function checkStructure(survey: Model, data: Record<string, unknown>, add: Add): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const maxComment = survey.maxCommentLength > 0 ? survey.maxCommentLength : DEFAULT_MAX_TEXT_LENGTH;
  for (const [key, value] of Object.entries(data)) {
    const questions = questionsNamed(survey, key).filter(hasAnswer);
    if (questions.length > 0) {
      if (value === null || value === undefined) continue;
      // A checkbox and the dynamic panel it creates share one value; the panel owns its structure.
      const owner = questions.find((q) => q.getType() === 'paneldynamic') ?? questions[0];
      const checked = checkAnswer(survey, owner, value, owner.name, add);
      if (checked !== undefined) kept[key] = checked;
      continue;
    }
    const commented = commentOwner(questionsNamed(survey, key.slice(0, -COMMENT_SUFFIX.length)), key);
    if (!commented) {
      add(key, 'unknown-question', MESSAGES.unknownQuestion);
      continue;
    }
    if (value === null || value === undefined) continue;
    const checked = checkText(value, maxComment, commented.name + COMMENT_SUFFIX, add);
    if (checked !== undefined) kept[key] = checked;
  }
  return kept;
}

/** survey-core keeps value names in a plain object, where `toString` and `__proto__` are "found" too. */
function questionsNamed(survey: Model, key: string): AnyQuestion[] {
  const found: unknown = survey.getQuestionsByValueName(key);
  return Array.isArray(found) ? (found as AnyQuestion[]) : [];
}

function hasAnswer(question: AnyQuestion): boolean {
  return question.getType() !== 'html' && question.getType() !== 'image';
}

function commentOwner(questions: AnyQuestion[], key: string): AnyQuestion | undefined {
  if (!key.endsWith(COMMENT_SUFFIX)) return undefined;
  return questions.find((q) => q.showOtherItem || q.showCommentArea);
}

function choicesOf(question: AnyQuestion): unknown[] {
  const values = (question.choices as ItemValue[]).map((c) => c.value);
  if (question.showNoneItem) values.push(question.noneItem.value);
  if (question.showOtherItem) values.push(question.otherItem.value);
  return values;
}

/** Returns the answer to keep, or undefined when it has a problem (reported) and counts as not given. */
function checkAnswer(survey: Model, question: AnyQuestion, value: unknown, path: string, add: Add): unknown {
  switch (question.getType()) {
    case 'radiogroup':
    case 'dropdown':
      if (!isPrimitive(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
      if (!choicesOf(question).includes(value)) return add(path, 'not-allowed', MESSAGES.notAChoice);
      return value;
    case 'checkbox':
    case 'tagbox':
      return checkChoices(question, value, path, add);
    case 'boolean': {
      const yes = question.valueTrue ?? true;
      const no = question.valueFalse ?? false;
      if (!isPrimitive(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
      if (yes === true && no === false && typeof value !== 'boolean') return add(path, 'wrong-type', MESSAGES.wrongType);
      if (value !== yes && value !== no) return add(path, 'not-allowed', MESSAGES.notAChoice);
      return value;
    }
    case 'text':
      if ((question.inputType || 'text') === 'number') {
        if (typeof value !== 'number' || !Number.isFinite(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
        const min = question.min === undefined || question.min === null || question.min === '' ? null : Number(question.min);
        const max = question.max === undefined || question.max === null || question.max === '' ? null : Number(question.max);
        if (min !== null && value < min) return add(path, 'out-of-range', MESSAGES.atLeast(min));
        if (max !== null && value > max) return add(path, 'out-of-range', MESSAGES.atMost(max));
        return value;
      }
      return checkText(value, question.getMaxLength() ?? DEFAULT_MAX_TEXT_LENGTH, path, add);
    case 'comment':
      return checkText(value, question.getMaxLength() ?? DEFAULT_MAX_TEXT_LENGTH, path, add);
    case 'rating': {
      if (!isPrimitive(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
      const scale = (question.visibleRateValues as ItemValue[]).map((item) => item.value);
      if (!scale.includes(value)) return typeof value === 'number' ? add(path, 'out-of-range', MESSAGES.outOfScale) : add(path, 'not-allowed', MESSAGES.notAChoice);
      return value;
    }
    case 'expression':
      return isPrimitive(value) ? value : add(path, 'wrong-type', MESSAGES.wrongType);
    case 'matrix':
      return checkMatrix(question, value, path, add);
    case 'matrixdropdown':
      return checkMatrixDropdown(question, value, path, add);
    case 'paneldynamic':
      return checkPanels(survey, question, value, path, add);
    default:
      throw new Error(`the reference does not know the question type ${question.getType()}`);
  }
}

function checkText(value: unknown, maxLength: number, path: string, add: Add): unknown {
  if (typeof value !== 'string') return add(path, 'wrong-type', MESSAGES.wrongType);
  if (value.length > maxLength) return add(path, 'too-long', MESSAGES.tooLong(maxLength));
  return value;
}

function checkChoices(question: AnyQuestion, value: unknown, path: string, add: Add): unknown {
  const choices = choicesOf(question);
  if (!Array.isArray(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
  if (value.length > choices.length) return add(path, 'too-many', MESSAGES.tooManyChoices(choices.length));
  const property: string = question.getType() === 'checkbox' ? question.valuePropertyName || '' : '';
  const chosen = property ? value.map((element) => (isPlainObject(element) && Object.keys(element).every((k) => k === property) ? element[property] : element)) : value;
  if (property && value.some((element) => !isPlainObject(element) || Object.keys(element).some((k) => k !== property))) return add(path, 'wrong-type', MESSAGES.wrongType);
  if (!chosen.every(isPrimitive)) return add(path, 'wrong-type', MESSAGES.wrongType);
  if (!chosen.every((c) => choices.includes(c))) return add(path, 'not-allowed', MESSAGES.notAChoice);
  if (chosen.some((c, i) => chosen.indexOf(c) !== i)) return add(path, 'invalid', MESSAGES.duplicateChoice);
  if (question.showNoneItem && chosen.length > 1 && chosen.includes(question.noneItem.value)) return add(path, 'invalid', MESSAGES.noneWithOthers);
  if (question.maxSelectedChoices > 0 && chosen.length > question.maxSelectedChoices) return add(path, 'too-many', MESSAGES.tooManyChoices(question.maxSelectedChoices));
  return value;
}

function checkMatrix(question: AnyQuestion, value: unknown, path: string, add: Add): unknown {
  if (!isPlainObject(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
  const rows = (question.rows as ItemValue[]).map((r) => String(r.value));
  const columns = (question.columns as ItemValue[]).map((c) => c.value);
  const kept: Record<string, unknown> = {};
  for (const [row, answer] of Object.entries(value)) {
    if (!rows.includes(row)) add(`${path}.${row}`, 'not-allowed', MESSAGES.notARow);
    else if (answer === null || answer === undefined) continue;
    else if (!isPrimitive(answer)) add(`${path}.${row}`, 'wrong-type', MESSAGES.wrongType);
    else if (!columns.includes(answer)) add(`${path}.${row}`, 'not-allowed', MESSAGES.notAChoice);
    else kept[row] = answer;
  }
  return kept;
}

function checkMatrixDropdown(question: AnyQuestion, value: unknown, path: string, add: Add): unknown {
  if (!isPlainObject(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
  const rows = (question.rows as ItemValue[]).map((r) => String(r.value));
  const kept: Record<string, unknown> = {};
  for (const [row, cells] of Object.entries(value)) {
    if (!rows.includes(row)) {
      add(`${path}.${row}`, 'not-allowed', MESSAGES.notARow);
      continue;
    }
    if (cells === null || cells === undefined) continue;
    if (!isPlainObject(cells)) {
      add(`${path}.${row}`, 'wrong-type', MESSAGES.wrongType);
      continue;
    }
    const keptCells: Record<string, unknown> = {};
    for (const [name, cell] of Object.entries(cells)) {
      const column = (question.columns as { name: string; templateQuestion: AnyQuestion }[]).find((c) => c.name === name);
      const at = `${path}.${row}.${name}`;
      if (!column) {
        add(at, 'not-allowed', MESSAGES.notAColumn);
        continue;
      }
      if (cell === null || cell === undefined) continue;
      const checked = checkCell(question, column.templateQuestion, cell, at, add);
      if (checked !== undefined) keptCells[name] = checked;
    }
    kept[row] = keptCells;
  }
  return kept;
}

/** A matrix-dropdown cell, checked like a question of its column's cell type. */
function checkCell(matrix: AnyQuestion, cell: AnyQuestion, value: unknown, path: string, add: Add): unknown {
  // A cell takes the matrix's choices unless its column has its own.
  const choices = ((cell.choices as ItemValue[] | undefined)?.length ? cell.choices : matrix.choices) as ItemValue[];
  const values = choices.map((c) => c.value);
  switch (cell.getType()) {
    case 'dropdown':
    case 'radiogroup':
      if (!isPrimitive(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
      return values.includes(value) ? value : add(path, 'not-allowed', MESSAGES.notAChoice);
    case 'checkbox':
    case 'tagbox':
      if (!Array.isArray(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
      if (value.length > values.length) return add(path, 'too-many', MESSAGES.tooManyChoices(values.length));
      if (!value.every(isPrimitive)) return add(path, 'wrong-type', MESSAGES.wrongType);
      if (!value.every((v) => values.includes(v))) return add(path, 'not-allowed', MESSAGES.notAChoice);
      if (value.some((v, i) => value.indexOf(v) !== i)) return add(path, 'invalid', MESSAGES.duplicateChoice);
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : add(path, 'wrong-type', MESSAGES.wrongType);
    default:
      return checkText(value, cell.getMaxLength() ?? DEFAULT_MAX_TEXT_LENGTH, path, add);
  }
}

function checkPanels(survey: Model, question: AnyQuestion, value: unknown, path: string, add: Add): unknown {
  const checkbox = questionsNamed(survey, question.getValueName()).find((q) => q !== question && q.getType() === 'checkbox');
  const targetProperty: string | null = checkbox?.valuePropertyName || null;
  const maxPanels = checkbox ? (checkbox.choices as ItemValue[]).length : question.maxPanelCount;
  // survey-core pads fewer panels than it starts with, but only on pages after the first: we refuse them.
  const minPanels = checkbox ? 0 : Math.max(question.minPanelCount, Number(question.getPropertyValue('panelCount')) || 0);
  if (!Array.isArray(value)) return add(path, 'wrong-type', MESSAGES.wrongType);
  // No panels is no answer (survey-core may pad an empty list to the panels it starts with).
  if (value.length === 0) return undefined;
  if (value.length > maxPanels) return add(path, 'too-many', MESSAGES.tooManyPanels(maxPanels));
  if (value.length < minPanels) return add(path, 'too-few', MESSAGES.tooFewPanels(minPanels));
  const templateQuestions = question.template.questions as AnyQuestion[];
  let broken = false;
  const seen: unknown[] = [];
  const kept = value.map((item, index) => {
    const at = `${path}[${index}]`;
    if (!isPlainObject(item)) {
      broken = true;
      return add(at, 'wrong-type', MESSAGES.wrongType);
    }
    const keptItem: Record<string, unknown> = {};
    if (checkbox && targetProperty) {
      const target = item[targetProperty];
      const targetAt = `${at}.${targetProperty}`;
      const targets = (checkbox.choices as ItemValue[]).map((c) => c.value);
      if (target === undefined || target === null) add(targetAt, 'invalid', MESSAGES.missingTarget);
      else if (!isPrimitive(target)) add(targetAt, 'wrong-type', MESSAGES.wrongType);
      else if (!targets.includes(target)) add(targetAt, 'not-allowed', MESSAGES.notATarget);
      else if (seen.includes(target)) add(targetAt, 'invalid', MESSAGES.duplicateTarget);
      else keptItem[targetProperty] = target;
      if (isPrimitive(target)) seen.push(target);
      if (!(targetProperty in keptItem)) broken = true;
    }
    for (const [key, answer] of Object.entries(item)) {
      if (key === targetProperty) continue;
      const inner = templateQuestions.find((q) => q.getValueName() === key && hasAnswer(q));
      if (inner) {
        if (answer === null || answer === undefined) continue;
        const checked = checkAnswer(survey, inner, answer, `${at}.${inner.name}`, add);
        if (checked !== undefined) keptItem[key] = checked;
        continue;
      }
      const commented = commentOwner(templateQuestions.filter((q) => `${q.getValueName()}${COMMENT_SUFFIX}` === key), key);
      if (!commented) {
        add(`${at}.${key}`, 'unknown-question', MESSAGES.unknownQuestion);
        continue;
      }
      if (answer === null || answer === undefined) continue;
      const maxComment = survey.maxCommentLength > 0 ? survey.maxCommentLength : DEFAULT_MAX_TEXT_LENGTH;
      const checked = checkText(answer, maxComment, `${at}.${commented.name}${COMMENT_SUFFIX}`, add);
      if (checked !== undefined) keptItem[key] = checked;
    }
    return keptItem;
  });
  return broken ? undefined : kept;
}

// ---------------------------------------------------------------------------------------------------
// 2. survey-core's errors

function collectErrors(question: AnyQuestion, path: string, add: Add): void {
  for (const error of question.errors as SurveyError[]) add(path, codeOf(question, error), [error.text, error.text]);
  if (question.getType() === 'paneldynamic') {
    (question.panels as PanelModel[]).forEach((panel, index) => {
      for (const inner of panel.questions as AnyQuestion[]) collectErrors(inner, `${path}[${index}].${inner.name}`, add);
    });
  }
  if (question.getType() === 'matrixdropdown') {
    for (const row of question.visibleRows ?? []) {
      for (const cell of row.cells) collectErrors(cell.question, `${path}.${row.rowName}.${cell.column.name}`, add);
    }
  }
}

function codeOf(question: AnyQuestion, error: SurveyError): ProblemCode {
  const type = error.getErrorType();
  if (type === 'required' || type === 'otherempty' || type === 'requiredinallrowserror') return 'required';
  if (type === 'custom' && ['checkbox', 'tagbox'].includes(question.getType()) && question.minSelectedChoices > 0) {
    const count = Array.isArray(question.value) ? question.value.length : 0;
    if (count < question.minSelectedChoices) return 'too-few';
  }
  return 'invalid';
}

// ---------------------------------------------------------------------------------------------------
// 3. What completion clears

function reportCleared(survey: Model, kept: Record<string, unknown>, before: Record<string, unknown>, after: Record<string, unknown>, add: Add): void {
  for (const key of Object.keys(kept)) {
    if (!(key in before)) continue;
    const questions = questionsNamed(survey, key).filter(hasAnswer);
    if (!(key in after)) {
      if (questions.length > 0) {
        const owner = questions.find((q) => q.getType() === 'paneldynamic') ?? questions[0];
        add(owner.name, 'not-shown', MESSAGES.notShown);
      } else {
        const question = commentOwner(questionsNamed(survey, key.slice(0, -COMMENT_SUFFIX.length)), key)!;
        const shown = question.isVisible && question.isParentVisible;
        add(question.name + COMMENT_SUFFIX, shown ? 'not-allowed' : 'not-shown', shown ? MESSAGES.unusedOther : MESSAGES.notShown);
      }
      continue;
    }
    const panel = questions.find((q) => q.getType() === 'paneldynamic');
    if (!panel || !Array.isArray(kept[key]) || !Array.isArray(after[key])) continue;
    (kept[key] as Record<string, unknown>[]).forEach((item, index) => {
      const remaining = (after[key] as Record<string, unknown>[])[index] ?? {};
      for (const itemKey of Object.keys(item)) {
        if (itemKey in remaining) continue;
        const inner = (panel.template.questions as AnyQuestion[]).find((q) => q.getValueName() === itemKey || `${q.getValueName()}${COMMENT_SUFFIX}` === itemKey);
        const name = inner ? (itemKey === inner.getValueName() ? inner.name : inner.name + COMMENT_SUFFIX) : itemKey;
        add(`${panel.name}[${index}].${name}`, 'not-shown', MESSAGES.notShown);
      }
    });
  }
}

/** The first path where survey-core holds something else than the answers it was given (keys it added aside). */
function changedPath(given: unknown, held: unknown, path: string): string | null {
  if (Array.isArray(given)) {
    if (!Array.isArray(held) || given.length !== held.length) return path;
    for (let i = 0; i < given.length; i++) {
      const changed = changedPath(given[i], held[i], `${path}[${i}]`);
      if (changed !== null) return changed;
    }
    return null;
  }
  if (isPlainObject(given)) {
    if (!isPlainObject(held)) return path;
    for (const key of Object.keys(given)) {
      const changed = changedPath(given[key], held[key], path ? `${path}.${key}` : key);
      if (changed !== null) return changed;
    }
    return null;
  }
  // survey-core drops blank texts from matrix-dropdown cells; an empty answer stays an empty answer.
  if (held === undefined && typeof given === 'string' && given.trim() === '') return null;
  return given === held ? null : path;
}
