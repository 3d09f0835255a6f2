/**
 * Seeded ballots for the questionnaire validators: valid ones, and each kind of invalid one, generated
 * from the questionnaire JSON so the same generator serves the templates and the test questionnaire.
 */
import { transformFileSync } from '@swc/core';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { seededRandom } from '../../server/src/common/random.js';
import { projectRoot } from '../../server/src/config/app-config.js';
import type { BallotProblem } from '../../server/src/questionnaires/compiled-validator.js';

export type Json = Record<string, unknown>;
export type Ballot = Record<string, unknown>;

export function loadTemplate(kind: string): Json {
  return JSON.parse(readFileSync(path.join(projectRoot, 'surveys', `${kind}.json`), 'utf8')) as Json;
}

export const DEPARTMENTS = ['D01', 'D02', 'D03', 'D04', 'D05', 'D06', 'D07'];

/** The questionnaire as the server serves it: the `targets` checkbox filled from the directory. */
export function withTargets(survey: Json, codes: readonly string[] = DEPARTMENTS): Json {
  const copy = JSON.parse(JSON.stringify(survey)) as { pages: { elements: Json[] }[] };
  for (const page of copy.pages) {
    for (const element of page.elements) {
      if (element.name === 'targets') element.choices = codes.map((code, i) => ({ value: code, text: { default: `单位${i + 1}`, en: `Unit ${i + 1}` } }));
    }
  }
  return copy as unknown as Json;
}

export class Dice {
  constructor(readonly next: () => number) {}
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  subset<T>(items: readonly T[], min = 0): T[] {
    const chosen = items.filter(() => this.chance(0.5));
    while (chosen.length < min && chosen.length < items.length) {
      const item = this.pick(items);
      if (!chosen.includes(item)) chosen.push(item);
    }
    return chosen.sort((a, b) => items.indexOf(a) - items.indexOf(b));
  }
}

// ---------------------------------------------------------------------------------------------------
// What the generator knows of a questionnaire

export interface QuestionInfo {
  name: string;
  key: string;
  type: string;
  json: Json;
  choices: unknown[];
  /** For a dynamic panel: its questions, and the target property when a checkbox creates its panels. */
  template: QuestionInfo[];
  targetProperty: string | null;
  targets: unknown[];
}

function values(items: unknown): unknown[] {
  return Array.isArray(items) ? items.map((item) => (item && typeof item === 'object' ? (item as Json).value : typeof item === 'string' ? item.split('|')[0] : item)) : [];
}

function info(element: Json, all: Json[]): QuestionInfo | null {
  const type = String(element.type);
  if (type === 'html' || type === 'image') return null;
  const name = String(element.name);
  const key = String(element.valueName ?? name);
  const question: QuestionInfo = { name, key, type, json: element, choices: values(element.choices), template: [], targetProperty: null, targets: [] };
  if (type === 'rating') {
    question.choices = element.rateValues ? values(element.rateValues) : range(Number(element.rateMin ?? 1), Number(element.rateMax ?? 5));
  }
  if (type === 'paneldynamic') {
    question.template = questionsOf(element.templateElements as Json[]);
    const checkbox = all.find((e) => e !== element && e.valueName === key && e.type === 'checkbox');
    if (checkbox) {
      question.targetProperty = String(checkbox.valuePropertyName);
      question.targets = values(checkbox.choices);
    }
  }
  return question;
}

function range(min: number, max: number): number[] {
  const result: number[] = [];
  for (let v = min; v <= max; v++) result.push(v);
  return result;
}

function flatten(elements: Json[]): Json[] {
  return elements.flatMap((e) => (e.type === 'panel' ? flatten((e.elements as Json[]) ?? []) : [e]));
}

function questionsOf(elements: Json[]): QuestionInfo[] {
  const all = flatten(elements);
  return all.map((e) => info(e, all)).filter((q): q is QuestionInfo => q !== null);
}

export function questionsOfSurvey(survey: Json): QuestionInfo[] {
  return questionsOf(((survey.pages as { elements: Json[] }[]) ?? []).flatMap((p) => p.elements));
}

// ---------------------------------------------------------------------------------------------------
// Answers

const WORDS = ['办事', '效率', 'fast', 'slow', '窗口', 'permit', '好', 'clear', '，', ' ', 'été', '🙂'];

function text(dice: Dice, max = 40): string {
  let result = '';
  const length = 1 + dice.int(max);
  while (result.length < length) result += dice.pick(WORDS);
  return result;
}

function maxLength(q: QuestionInfo): number {
  return typeof q.json.maxLength === 'number' && q.json.maxLength > 0 ? q.json.maxLength : 10_000;
}

/** A well-formed answer (it may still break a condition or a rule that needs a survey-core verdict). */
export function answer(q: QuestionInfo, dice: Dice, targets?: unknown[]): unknown {
  const json = q.json;
  switch (q.type) {
    case 'radiogroup':
    case 'dropdown': {
      const options = [...q.choices];
      if (json.showNoneItem) options.push('none');
      if (json.showOtherItem) options.push('other');
      return dice.pick(options);
    }
    case 'checkbox':
    case 'tagbox': {
      if (json.showNoneItem && dice.chance(0.15)) return ['none'];
      const options = json.showOtherItem ? [...q.choices, 'other'] : q.choices;
      let chosen = dice.subset(options, 1);
      const max = Number(json.maxSelectedChoices ?? 0);
      if (max > 0 && dice.chance(0.8)) chosen = chosen.slice(0, max);
      return json.valuePropertyName ? chosen.map((c) => ({ [String(json.valuePropertyName)]: c })) : chosen;
    }
    case 'boolean':
      return json.valueTrue !== undefined ? dice.pick([json.valueTrue, json.valueFalse]) : dice.chance(0.5);
    case 'text': {
      if (json.inputType === 'number') {
        const min = Number(json.min ?? 0);
        const max = Number(json.max ?? min + 2000);
        const value = min + dice.int(max - min + 1);
        return json.step ? value - (value % Number(json.step)) : dice.chance(0.2) ? value + 0.5 > max ? value : value + 0.5 : value;
      }
      if (json.inputType === 'email') return dice.chance(0.85) ? `user${dice.int(99)}@example.cn` : 'not-an-email';
      if (Array.isArray(json.validators) && json.validators.length) return dice.chance(0.8) ? String(10_000_000 + dice.int(89_999_999)) : text(dice, 10);
      return text(dice, Math.min(40, maxLength(q)));
    }
    case 'comment':
      return text(dice, Math.min(120, maxLength(q)));
    case 'rating':
      return dice.pick(q.choices);
    case 'matrix': {
      const rows = values(json.rows);
      return Object.fromEntries(rows.filter(() => dice.chance(0.9)).map((row) => [String(row), dice.pick(values(json.columns))]));
    }
    case 'matrixdropdown': {
      const rows = values(json.rows);
      const columns = (json.columns as Json[]) ?? [];
      return Object.fromEntries(rows.map((row) => [String(row), Object.fromEntries(columns.filter(() => dice.chance(0.85)).map((column) => [String(column.name), cellAnswer(column, json, dice)]))]));
    }
    case 'paneldynamic': {
      if (q.targetProperty) {
        const chosen = targets ?? dice.subset(q.targets);
        return chosen.map((target) => ({ [q.targetProperty!]: target, ...panelAnswers(q, dice) }));
      }
      const min = Number(json.minPanelCount ?? 0);
      const max = Number(json.maxPanelCount ?? 4);
      const count = min + dice.int(Math.max(1, max - min + 1));
      return Array.from({ length: count }, () => panelAnswers(q, dice));
    }
    case 'expression':
      return dice.int(100);
    default:
      throw new Error(`the generator does not know ${q.type}`);
  }
}

function cellAnswer(column: Json, matrix: Json, dice: Dice): unknown {
  const type = String(column.cellType ?? matrix.cellType ?? 'dropdown');
  const choices = values(column.choices ?? matrix.choices);
  if (type === 'checkbox' || type === 'tagbox') return dice.subset(choices, 1);
  if (type === 'boolean') return dice.chance(0.5);
  if (type === 'text' || type === 'comment') return text(dice, 20);
  return dice.pick(choices);
}

function panelAnswers(q: QuestionInfo, dice: Dice): Ballot {
  const item: Ballot = {};
  for (const inner of q.template) {
    if (dice.chance(0.93)) item[inner.key] = answer(inner, dice);
    if (inner.json.showOtherItem && item[inner.key] === 'other' && dice.chance(0.85)) item[`${inner.key}-Comment`] = text(dice, 20);
  }
  return item;
}

/** Every question answered (the checkbox that creates panels is answered through its panels). */
export function fullBallot(questions: QuestionInfo[], dice: Dice): Ballot {
  const ballot: Ballot = {};
  const sharedKeys = new Set(questions.filter((q) => q.targetProperty).map((q) => q.key));
  for (const q of questions) {
    if (q.type === 'expression') continue;
    if (sharedKeys.has(q.key) && q.type !== 'paneldynamic') continue;
    ballot[q.key] = answer(q, dice);
    if ((q.json.showOtherItem || q.json.showCommentArea) && dice.chance(0.7)) {
      const chosen = ballot[q.key];
      if (chosen === 'other' || (Array.isArray(chosen) && chosen.includes('other')) || q.json.showCommentArea) ballot[`${q.key}-Comment`] = text(dice, 30);
    }
  }
  return ballot;
}

/** A questionnaire using every supported question type, with conditions of each supported form. */
export const KITCHEN_SINK: Json = {
  title: { default: '测试问卷', en: 'Test questionnaire' },
  pages: [
    {
      name: 'about',
      elements: [
        { type: 'html', name: 'intro', html: '<p>hello</p>' },
        { type: 'text', name: 'company', isRequired: true, maxLength: 50 },
        { type: 'radiogroup', name: 'size', isRequired: true, choices: ['small', 'medium', 'large'] },
        { type: 'checkbox', name: 'services', choices: ['legal', 'tax', 'customs', 'visa'], showNoneItem: true, showOtherItem: true, maxSelectedChoices: 3, minSelectedChoices: 2 },
        { type: 'dropdown', name: 'district', choices: ['d1|Downtown', 'd2', { value: 3, text: 'Three' }], showOtherItem: true },
        { type: 'boolean', name: 'exporter', isRequired: true },
        { type: 'text', name: 'exportShare', inputType: 'number', min: 0, max: 100, step: 0.5, visibleIf: '{exporter} = true', isRequired: true },
        { type: 'text', name: 'staff', inputType: 'number', min: 1, max: 100000 },
        { type: 'expression', name: 'staffTwice', expression: '{staff} * 2' },
        { type: 'text', name: 'email', inputType: 'email', requiredIf: "{size} = 'large'" },
        { type: 'text', name: 'phone', validators: [{ type: 'regex', regex: '^[0-9]{8,11}$' }] },
        { type: 'comment', name: 'whyLarge', maxLength: 200, visibleIf: "{size} = 'large'", requiredIf: '{staff} > 500' },
        { type: 'text', name: 'contact', isRequired: true, enableIf: '{exporter} = false' },
        { type: 'radiogroup', name: 'keepMe', choices: ['a', 'b'], visibleIf: "{size} = 'small'", clearIfInvisible: 'none' },
        { type: 'radiogroup', name: 'feedback', choices: ['yes', 'no'], showCommentArea: true },
        {
          type: 'panel', name: 'legalBox', visibleIf: "{services} contains 'legal'",
          elements: [
            { type: 'text', name: 'lawyer', isRequired: true },
            { type: 'tagbox', name: 'legalTopics', choices: ['ip', 'labour', 'contracts'], isRequired: true },
          ],
        },
      ],
    },
    {
      name: 'rate',
      elements: [
        { type: 'checkbox', name: 'targets', valueName: 'ratings', valuePropertyName: 'target', isRequired: true, choices: ['D01', 'D02', 'D03', 'D04'] },
        { type: 'text', name: 'manyTargets', visibleIf: "{ratings} anyof ['D03', 'D04']" },
        {
          type: 'paneldynamic', name: 'ratings', valueName: 'ratings', templateTitle: '{panel.target}',
          templateElements: [
            { type: 'radiogroup', name: 'attitude', isRequired: true, choices: ['satisfied', 'basically', 'dissatisfied', 'na'] },
            { type: 'comment', name: 'why', visibleIf: "{panel.attitude} = 'dissatisfied'", isRequired: true, maxLength: 100 },
            { type: 'text', name: 'onlyD2', visibleIf: "{panel.target} = 'D02'" },
            { type: 'boolean', name: 'first', enableIf: '{panelIndex} = 0', isRequired: true },
            { type: 'rating', name: 'stars', rateMax: 5, requiredIf: "{size} = 'large'" },
            { type: 'dropdown', name: 'channel', choices: ['online', 'window'], showOtherItem: true, visibleIf: "{panel.attitude} != 'na'" },
          ],
        },
      ],
    },
    {
      name: 'more',
      elements: [
        { type: 'rating', name: 'overall', isRequired: true, rateMin: 0, rateMax: 10 },
        { type: 'rating', name: 'mood', rateValues: ['bad', 'ok', { value: 'good', text: 'Good' }] },
        { type: 'matrix', name: 'aspects', rows: ['speed', 'clarity', 'fairness'], columns: ['good', 'ok', 'bad'], eachRowRequired: true, visibleIf: '{size} notempty' },
        { type: 'matrix', name: 'plain', rows: ['r1', 'r2'], columns: [1, 2, 3], isRequired: true },
        {
          type: 'matrixdropdown', name: 'sites', rows: ['hq', 'plant'], choices: [1, 2, 3],
          columns: [
            { name: 'count', cellType: 'text' },
            { name: 'grade', isRequired: true },
            { name: 'tags', cellType: 'checkbox', choices: ['x', 'y'] },
            { name: 'open', cellType: 'boolean' },
          ],
        },
        {
          type: 'paneldynamic', name: 'branches', minPanelCount: 2, maxPanelCount: 4, visibleIf: "{size} != 'small'",
          templateElements: [
            { type: 'text', name: 'city', isRequired: true },
            { type: 'checkbox', name: 'kinds', choices: ['office', 'factory'], showNoneItem: true },
          ],
        },
        { type: 'checkbox', name: 'langs', valuePropertyName: 'code', choices: ['zh', 'en', 'de'] },
        { type: 'text', name: 'langNote', visibleIf: "{langs} contains 'de'", isRequired: true },
        { type: 'boolean', name: 'agree', valueTrue: 'Y', valueFalse: 'N' },
        { type: 'dropdown', name: 'floors', choices: [1, 2, 3] },
        { type: 'text', name: 'internal', visible: false },
        { type: 'text', name: 'fixed', readOnly: true, isRequired: true },
        { type: 'text', name: 'ifFloors', visibleIf: '{floors} > 1 and {SERVICES.length} >= 2', requiredIf: "iif({agree} = 'Y', true, false)" },
      ],
    },
    {
      name: 'extra', enableIf: "{agree} = 'Y'",
      elements: [
        { type: 'text', name: 'extraReq', isRequired: true },
        { type: 'panel', name: 'ghost', visible: false, elements: [{ type: 'text', name: 'ghostText' }] },
      ],
    },
    {
      name: 'complaint', visibleIf: '{overall} <= 3',
      elements: [{ type: 'comment', name: 'complaintText', isRequired: true }],
    },
  ],
};

/** A ballot for KITCHEN_SINK that follows its conditions, so it passes unless the dice pick a rule to break. */
export function kitchenSinkBallot(dice: Dice): Ballot {
  const b: Ballot = { company: text(dice, 30), size: dice.pick(['small', 'medium', 'large']), exporter: dice.chance(0.5) };
  const services = dice.chance(0.2) ? ['none'] : dice.subset(['legal', 'tax', 'customs', 'visa', 'other'], 2).slice(0, 3);
  b.services = services;
  if (services.includes('other')) b['services-Comment'] = text(dice, 10);
  if (dice.chance(0.7)) b.district = dice.pick(['d1', 'd2', 3, 'other']);
  if (b.district === 'other') b['district-Comment'] = text(dice, 10);
  if (b.exporter) b.exportShare = dice.int(201) / 2;
  else b.contact = text(dice, 10);
  if (dice.chance(0.8)) b.staff = dice.chance(0.3) ? 501 + dice.int(5000) : 1 + dice.int(500);
  if (b.size === 'large' || dice.chance(0.3)) b.email = `someone${dice.int(50)}@example.com`;
  if (dice.chance(0.5)) b.phone = String(10_000_000 + dice.int(89_999_999));
  if (b.size === 'large' && (Number(b.staff) > 500 || dice.chance(0.5))) b.whyLarge = text(dice, 50);
  if (dice.chance(0.3)) b.keepMe = dice.pick(['a', 'b']);
  if (dice.chance(0.5)) b.feedback = dice.pick(['yes', 'no']);
  if (dice.chance(0.3)) b['feedback-Comment'] = text(dice, 20);
  if (services.includes('legal')) {
    b.lawyer = text(dice, 10);
    b.legalTopics = dice.subset(['ip', 'labour', 'contracts'], 1);
  }
  const targets = dice.subset(['D01', 'D02', 'D03', 'D04'], 1);
  b.ratings = targets.map((target, index) => {
    const item: Ballot = { target, attitude: dice.pick(['satisfied', 'basically', 'dissatisfied', 'na']) };
    if (item.attitude === 'dissatisfied') item.why = text(dice, 40);
    if (target === 'D02' && dice.chance(0.5)) item.onlyD2 = text(dice, 10);
    if (index === 0) item.first = dice.chance(0.5);
    if (b.size === 'large' || dice.chance(0.4)) item.stars = 1 + dice.int(5);
    if (item.attitude !== 'na' && dice.chance(0.6)) item.channel = dice.pick(['online', 'window', 'other']);
    if (item.channel === 'other') item['channel-Comment'] = text(dice, 10);
    return item;
  });
  if (targets.some((t) => t === 'D03' || t === 'D04') && dice.chance(0.5)) b.manyTargets = text(dice, 10);
  b.overall = dice.int(11);
  if (Number(b.overall) <= 3) b.complaintText = text(dice, 60);
  if (dice.chance(0.5)) b.mood = dice.pick(['bad', 'ok', 'good']);
  b.aspects = { speed: dice.pick(['good', 'ok', 'bad']), clarity: dice.pick(['good', 'ok', 'bad']), fairness: dice.pick(['good', 'ok', 'bad']) };
  b.plain = Object.fromEntries(dice.subset(['r1', 'r2'], 1).map((row) => [row, 1 + dice.int(3)]));
  b.sites = {
    hq: { grade: 1 + dice.int(3), ...(dice.chance(0.5) ? { count: String(dice.int(100)) } : {}), ...(dice.chance(0.5) ? { tags: dice.subset(['x', 'y'], 1) } : {}) },
    plant: { grade: 1 + dice.int(3), ...(dice.chance(0.5) ? { open: dice.chance(0.5) } : {}) },
  };
  if (b.size !== 'small') b.branches = Array.from({ length: 2 + dice.int(3) }, () => ({ city: text(dice, 8), ...(dice.chance(0.5) ? { kinds: dice.subset(['office', 'factory'], 1) } : {}) }));
  if (dice.chance(0.5)) b.langs = dice.subset(['zh', 'en', 'de'], 1).map((code) => ({ code }));
  if (Array.isArray(b.langs) && (b.langs as Ballot[]).some((l) => l.code === 'de')) b.langNote = text(dice, 10);
  if (dice.chance(0.7)) b.agree = dice.pick(['Y', 'N']);
  if (dice.chance(0.7)) b.floors = 1 + dice.int(3);
  if (dice.chance(0.2)) b.fixed = text(dice, 10);
  if (Number(b.floors) > 1 && services.length >= 2 && (b.agree === 'Y' || dice.chance(0.5))) b.ifFloors = text(dice, 10);
  if (b.agree === 'Y' || dice.chance(0.3)) b.extraReq = text(dice, 10);
  return b;
}

// ---------------------------------------------------------------------------------------------------
// Ways to break a ballot

export type Mutation = (ballot: Ballot, questions: QuestionInfo[], dice: Dice) => void;

const ODD_VALUES: unknown[] = [
  null, [], {}, [null], [[]], { a: 1 }, '', ' ', 0, -1, 1.5, true, false, 'na', 'NA', 'satisfied', 'D01', ['D01'],
  [{ target: 'D01' }], { value: 'satisfied' }, '1', 1e308, 'x'.repeat(10_001), [1, 2, 3], ['satisfied', 'satisfied'],
];

function deep(depth: number): unknown {
  let value: unknown = 'na';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}

/** A panel item to mutate (dynamic panels with answers), or null. */
function someItem(ballot: Ballot, questions: QuestionInfo[], dice: Dice): { item: Ballot; panel: QuestionInfo; items: unknown[] } | null {
  const panels = questions.filter((q) => q.type === 'paneldynamic' && Array.isArray(ballot[q.key]) && (ballot[q.key] as unknown[]).some((i) => i && typeof i === 'object'));
  if (!panels.length) return null;
  const panel = dice.pick(panels);
  const items = ballot[panel.key] as unknown[];
  const objects = items.filter((i): i is Ballot => !!i && typeof i === 'object' && !Array.isArray(i));
  return { item: dice.pick(objects), panel, items };
}

export const MUTATIONS: Record<string, Mutation> = {
  missingAnswer(ballot, questions, dice) {
    const keys = Object.keys(ballot);
    if (keys.length) delete ballot[dice.pick(keys)];
  },
  missingPanelAnswer(ballot, questions, dice) {
    const found = someItem(ballot, questions, dice);
    if (!found) return;
    const keys = Object.keys(found.item).filter((k) => k !== found.panel.targetProperty);
    if (keys.length) delete found.item[dice.pick(keys)];
  },
  unknownQuestion(ballot, questions, dice) {
    const name = dice.pick(['zzz', 'Attitude', 'targets', '__proto__', 'constructor', 'toString', 'ratings-Comment', `${dice.pick(questions).key}-Comment`, dice.pick(questions).key.toUpperCase()]);
    if (name === '__proto__') Object.defineProperty(ballot, name, { value: 'x', enumerable: true, configurable: true, writable: true });
    else ballot[name] = dice.pick(['x', 1, ['satisfied']]);
  },
  unknownPanelQuestion(ballot, questions, dice) {
    const found = someItem(ballot, questions, dice);
    if (found) found.item[dice.pick(['zzz', 'ATTITUDE', 'efficiency2', 'targets', 'problems'])] = dice.pick(['satisfied', 'na', 3]);
  },
  unknownChoice(ballot, questions, dice) {
    const q = dice.pick(questions.filter((x) => x.choices.length && !x.targetProperty) .concat(questions.filter((x) => x.template.length).flatMap((x) => x.template)));
    if (!q) return;
    const bogus = dice.pick(['bogus', 'SATISFIED', 'Satisfied ', 7, 'none', 'other', 'selectall']);
    const found = q.key in ballot ? null : someItem(ballot, questions, dice);
    const target = found && q.key in found.item ? found.item : ballot;
    target[q.key] = q.type === 'checkbox' || q.type === 'tagbox' ? [...(Array.isArray(target[q.key]) ? (target[q.key] as unknown[]) : []), bogus] : bogus;
  },
  wrongType(ballot, questions, dice) {
    const keys = Object.keys(ballot);
    if (keys.length) ballot[dice.pick(keys)] = dice.pick(ODD_VALUES);
  },
  wrongPanelType(ballot, questions, dice) {
    const found = someItem(ballot, questions, dice);
    if (!found) return;
    const keys = Object.keys(found.item);
    if (keys.length) found.item[dice.pick(keys)] = dice.pick(ODD_VALUES);
  },
  oddPanelItem(ballot, questions, dice) {
    const found = someItem(ballot, questions, dice);
    if (found) found.items.splice(dice.int(found.items.length + 1), 0, dice.pick([null, 'D01', [], 5, { target: null }, {}]));
  },
  outOfRange(ballot, questions, dice) {
    const numbers = questions.filter((q) => (q.type === 'text' && q.json.inputType === 'number') || q.type === 'rating');
    if (!numbers.length) return;
    const q = dice.pick(numbers);
    const min = Number(q.json.min ?? q.json.rateMin ?? 1);
    const max = q.json.max ?? q.json.rateMax;
    ballot[q.key] = dice.pick([min - 1, min - 0.5, max === undefined ? min : Number(max) + 1, Number(max ?? 5) + 0.5, -1e9, 0, 2.5]);
  },
  boundaryNumber(ballot, questions, dice) {
    const numbers = questions.filter((q) => q.type === 'text' && q.json.inputType === 'number');
    if (!numbers.length) return;
    const q = dice.pick(numbers);
    ballot[q.key] = dice.pick([Number(q.json.min ?? 0), Number(q.json.max ?? 1e6), -0, 1e21, 0.1 + 0.2]);
  },
  overLongText(ballot, questions, dice) {
    const texts = questions.filter((q) => (q.type === 'comment' || (q.type === 'text' && q.json.inputType !== 'number')));
    if (!texts.length) return;
    const q = dice.pick(texts);
    const limit = maxLength(q);
    ballot[q.key] = 'x'.repeat(limit + dice.pick([1, 0, 1, 50]));
  },
  blankText(ballot, questions, dice) {
    const texts = questions.filter((q) => q.type === 'comment' || q.type === 'text');
    if (texts.length) ballot[dice.pick(texts).key] = dice.pick(['', ' ', '\u3000', '\n\t']);
  },
  tooManyPanels(ballot, questions, dice) {
    const panels = questions.filter((q) => q.type === 'paneldynamic');
    if (!panels.length) return;
    const q = dice.pick(panels);
    const items = Array.isArray(ballot[q.key]) ? (ballot[q.key] as unknown[]) : [];
    const extra = q.targetProperty ? q.targets.map((target) => ({ [q.targetProperty!]: target })) : Array.from({ length: 120 }, () => ({}));
    ballot[q.key] = [...items, ...extra, ...(q.targetProperty ? [{ [q.targetProperty]: q.targets[0] }] : [])];
  },
  unknownTarget(ballot, questions, dice) {
    const found = someItem(ballot, questions, dice);
    if (found?.panel.targetProperty) found.item[found.panel.targetProperty] = dice.pick(['D99', 'd01', 1, '', ['D01'], 'D08']);
  },
  duplicateTarget(ballot, questions, dice) {
    const found = someItem(ballot, questions, dice);
    if (found?.panel.targetProperty) found.items.push(JSON.parse(JSON.stringify(found.item)));
  },
  missingTarget(ballot, questions, dice) {
    const found = someItem(ballot, questions, dice);
    if (found?.panel.targetProperty) delete found.item[found.panel.targetProperty];
  },
  noTargets(ballot, questions) {
    for (const q of questions) if (q.targetProperty) ballot[q.key] = [];
  },
  deepNesting(ballot, questions, dice) {
    const keys = Object.keys(ballot);
    const value = deep(20 + dice.int(200));
    const found = dice.chance(0.5) ? someItem(ballot, questions, dice) : null;
    if (found) found.item[dice.pick(Object.keys(found.item))] = value;
    else if (keys.length) ballot[dice.pick(keys)] = value;
  },
  naEverywhere(ballot, questions) {
    for (const q of questions) {
      if (q.targetProperty) {
        const items = Array.isArray(ballot[q.key]) ? (ballot[q.key] as unknown[]) : [];
        for (const item of items) if (item && typeof item === 'object' && !Array.isArray(item)) for (const inner of q.template) (item as Ballot)[inner.key] = 'na';
      } else if (!questions.some((p) => p.targetProperty && p.key === q.key)) {
        ballot[q.key] = 'na';
      }
    }
  },
  nullAnswers(ballot, questions, dice) {
    for (const key of Object.keys(ballot)) if (dice.chance(0.4)) ballot[key] = null;
    const found = someItem(ballot, questions, dice);
    if (found) for (const key of Object.keys(found.item)) if (key !== found.panel.targetProperty && dice.chance(0.4)) found.item[key] = null;
  },
  otherText(ballot, questions, dice) {
    const found = dice.chance(0.5) ? someItem(ballot, questions, dice) : null;
    const candidates = found ? found.panel.template : questions;
    const withOther = candidates.filter((q) => q.json.showOtherItem || q.json.showCommentArea);
    if (!withOther.length) return;
    const q = dice.pick(withOther);
    const target = found ? found.item : ballot;
    target[`${q.key}-Comment`] = dice.pick(['因为', '', ' ', 5, 'x'.repeat(10_001)]);
    if (dice.chance(0.5)) target[q.key] = q.type === 'checkbox' ? ['other'] : 'other';
  },
  repeatedChoice(ballot, questions, dice) {
    const multiple = questions.filter((q) => (q.type === 'checkbox' || q.type === 'tagbox') && !q.json.valuePropertyName && q.key in ballot && Array.isArray(ballot[q.key]));
    if (!multiple.length) return;
    const q = dice.pick(multiple);
    const chosen = ballot[q.key] as unknown[];
    ballot[q.key] = dice.chance(0.5) && q.json.showNoneItem ? [...chosen, 'none'] : [...chosen, ...chosen.slice(0, 1)];
  },
};

/** Ballots: about a third left whole, the rest with one to three mutations. */
export function* ballots(survey: Json, count: number, seed: number, valid?: (dice: Dice) => Ballot): Generator<{ ballot: Ballot; mutations: string[] }> {
  const dice = new Dice(seededRandom(seed));
  const questions = questionsOfSurvey(survey);
  const names = Object.keys(MUTATIONS);
  for (let i = 0; i < count; i++) {
    const ballot = valid ? valid(dice) : fullBallot(questions, dice);
    const mutations: string[] = [];
    if (!dice.chance(0.33)) {
      const n = 1 + dice.int(3);
      for (let m = 0; m < n; m++) {
        const name = dice.pick(names);
        MUTATIONS[name](ballot, questions, dice);
        mutations.push(name);
      }
    }
    // What the server receives is JSON: the same round trip drops undefined and turns -0 into 0.
    yield { ballot: JSON.parse(JSON.stringify(ballot)) as Ballot, mutations };
  }
}

// ---------------------------------------------------------------------------------------------------
// The reference on every core

export interface ReferenceRun {
  /** Per ballot: survey-core's verdict, or the error the reference threw. */
  results: ({ problems: BallotProblem[] } | { error: string })[];
  /** CPU time the reference took, summed over the workers. */
  ms: number;
}

/**
 * Runs `referenceValidate` on worker threads, one per core: survey-core costs 20–200 ms a ballot and
 * the differential test runs thousands. Workers live outside Jest's module system, so the reference's
 * TypeScript is compiled with SWC (as Jest compiles it) into node_modules/.cache, where `survey-core`
 * resolves as it does for the server. Ballots travel as JSON text, exactly as the server receives them.
 */
export class ReferencePool {
  private busy = false;

  private constructor(
    private readonly workers: Worker[],
    private readonly folder: string,
  ) {}

  static async start(): Promise<ReferencePool> {
    const cache = path.join(projectRoot, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const folder = mkdtempSync(path.join(cache, 'reference-validator-'));
    for (const name of ['compiled-validator', 'reference-validator']) {
      const source = path.join(projectRoot, 'server', 'src', 'questionnaires', `${name}.ts`);
      const { code } = transformFileSync(source, { swcrc: false, jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'es6' } });
      writeFileSync(path.join(folder, `${name}.mjs`), code.replaceAll("'./compiled-validator.js'", "'./compiled-validator.mjs'"));
    }
    const entry = pathToFileURL(path.join(folder, 'reference-validator.mjs')).href;
    const workers = await Promise.all(
      Array.from({ length: Math.max(1, availableParallelism()) }, async () => {
        const worker = new Worker(WORKER, { eval: true, workerData: { entry } });
        await request(worker, 'start');
        return worker;
      }),
    );
    return new ReferencePool(workers, folder);
  }

  /** One run at a time: each worker answers its requests in order. */
  async run(survey: Json, ballots: readonly Ballot[], mode: 'submission' | 'draft'): Promise<ReferenceRun> {
    if (this.busy) throw new Error('ReferencePool runs one set of ballots at a time');
    this.busy = true;
    try {
      const chunks: { start: number; ballots: string[] }[] = [];
      for (let start = 0; start < ballots.length; start += 20) chunks.push({ start, ballots: ballots.slice(start, start + 20).map((b) => JSON.stringify(b)) });
      const results: ReferenceRun['results'] = new Array(ballots.length);
      let ms = 0;
      const surveyText = JSON.stringify(survey);
      await Promise.all(
        this.workers.map(async (worker) => {
          for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
            const done = await request(worker, { survey: surveyText, ballots: chunk.ballots, mode });
            done.results.forEach((result, i) => { results[chunk.start + i] = result; });
            ms += done.ms;
          }
        }),
      );
      return { results, ms };
    } finally {
      this.busy = false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    rmSync(this.folder, { recursive: true, force: true });
  }
}

function request(worker: Worker, message: unknown): Promise<ReferenceRun> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: ReferenceRun) => {
      worker.off('error', onError);
      resolve(reply);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(message);
  });
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.entry).then(({ referenceValidate }) => {
  parentPort.on('message', (message) => {
    if (message === 'start') return parentPort.postMessage('ready');
    const { survey, ballots, mode } = message;
    const json = JSON.parse(survey);
    const started = performance.now();
    const results = ballots.map((text) => {
      try {
        return { problems: referenceValidate(json, JSON.parse(text), mode) };
      } catch (error) {
        return { error: String((error && error.stack) || error) };
      }
    });
    parentPort.postMessage({ results, ms: performance.now() - started });
  });
});
`;
