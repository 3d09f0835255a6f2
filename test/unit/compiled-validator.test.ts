import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  compileQuestionnaire,
  UnsupportedQuestionnaireError,
  type BallotProblem,
  type CompiledQuestionnaire,
} from '../../server/src/questionnaires/compiled-validator.js';
import { referenceValidate } from '../../server/src/questionnaires/reference-validator.js';
import {
  ballots,
  DEPARTMENTS,
  fullBallot,
  KITCHEN_SINK,
  kitchenSinkBallot,
  loadTemplate,
  MUTATIONS,
  questionsOfSurvey,
  ReferencePool,
  withTargets,
  type Ballot,
  type Dice,
  type Json,
} from '../support/ballots.js';

/** Problems as `{ path: code }`, the shape every assertion below compares. */
function codes(problems: BallotProblem[]): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [p.question, p.code]));
}

/** Checks a hand case against the compiled validator and against survey-core (the reference) alike. */
function expectProblems(json: Json, compiled: CompiledQuestionnaire, ballot: unknown, expected: Record<string, string>): void {
  expect(codes(compiled.validateSubmission(ballot))).toEqual(expected);
  expect(codes(referenceValidate(json, ballot, 'submission'))).toEqual(expected);
}

const RATING_KINDS = [
  { kind: 'enterprise-rates-departments', criteria: ['attitude', 'efficiency', 'lawful', 'transparency', 'integrity'] },
  { kind: 'district-rates-departments', criteria: ['attitude', 'efficiency', 'lawful', 'transparency', 'integrity'] },
  { kind: 'enterprise-rates-districts', criteria: ['government', 'legal', 'market', 'factors', 'living'] },
];

describe.each(RATING_KINDS)('$kind as served with 7 targets', ({ kind, criteria }) => {
  const json = withTargets(loadTemplate(kind));
  const compiled = compileQuestionnaire(json);
  const card = (target: string, answer = 'satisfied'): Ballot => ({ target, ...Object.fromEntries(criteria.map((c) => [c, answer])) });
  const [first] = criteria;

  it('accepts rated targets, with 不了解 (na) for every criterion, and the open questions', () => {
    expectProblems(json, compiled, { ratings: [card('D01'), card('D03', 'na')], problems: '窗口排队太久', suggestions: '' }, {});
  });

  it('requires at least one target, and every criterion of every card', () => {
    expectProblems(json, compiled, {}, { targets: 'required' });
    expectProblems(json, compiled, { ratings: [] }, { targets: 'required' });
    const { [first]: _left, ...partial } = card('D02');
    expectProblems(json, compiled, { ratings: [card('D01'), partial] }, { [`ratings[1].${first}`]: 'required' });
    expectProblems(json, compiled, { ratings: [{ target: 'D05' }] }, Object.fromEntries(criteria.map((c) => [`ratings[0].${c}`, 'required'])));
  });

  it('refuses answers to questions that do not exist, at the top and in a card', () => {
    expectProblems(json, compiled, { ratings: [card('D01')], score: 5 }, { score: 'unknown-question' });
    expectProblems(json, compiled, { ratings: [{ ...card('D01'), speed: 'satisfied' }] }, { 'ratings[0].speed': 'unknown-question' });
    expectProblems(json, compiled, { ratings: [card('D01')], targets: ['D01'] }, { targets: 'unknown-question' });
  });

  it('refuses values that are not choices, and answers of the wrong type', () => {
    expectProblems(json, compiled, { ratings: [{ ...card('D01'), [first]: 'excellent' }] }, { [`ratings[0].${first}`]: 'not-allowed' });
    expectProblems(json, compiled, { ratings: [{ ...card('D01'), [first]: ['satisfied'] }] }, { [`ratings[0].${first}`]: 'wrong-type' });
    expectProblems(json, compiled, { ratings: [card('D01')], problems: 42 }, { problems: 'wrong-type' });
    expectProblems(json, compiled, { ratings: { target: 'D01' } }, { ratings: 'wrong-type', targets: 'required' });
    expectProblems(json, compiled, { ratings: [card('D01'), null] }, { 'ratings[1]': 'wrong-type', targets: 'required' });
  });

  it('refuses cards for targets that are not offered, twice the same target, and more cards than targets', () => {
    expectProblems(json, compiled, { ratings: [card('D01'), card('D99')] }, { 'ratings[1].target': 'not-allowed', targets: 'required' });
    expectProblems(json, compiled, { ratings: [card('D01'), card('D01')] }, { 'ratings[1].target': 'invalid', targets: 'required' });
    expectProblems(json, compiled, { ratings: [...DEPARTMENTS, 'D01'].map((t) => card(t)) }, { ratings: 'too-many', targets: 'required' });
    const { target: _target, ...untargeted } = card('D01');
    expectProblems(json, compiled, { ratings: [untargeted] }, { 'ratings[0].target': 'invalid', targets: 'required' });
  });

  it('caps the open questions at their maxLength', () => {
    expectProblems(json, compiled, { ratings: [card('D01')], problems: '问'.repeat(2000) }, {});
    expectProblems(json, compiled, { ratings: [card('D01')], problems: '问'.repeat(2001) }, { problems: 'too-long' });
  });

  it('takes null as no answer, and a blank text as an empty one', () => {
    expectProblems(json, compiled, { ratings: [{ ...card('D01'), [first]: null }], problems: null }, { [`ratings[0].${first}`]: 'required' });
    expectProblems(json, compiled, null, { '': 'wrong-type' });
    expectProblems(json, compiled, ['D01'], { '': 'wrong-type' });
  });

  it('checks only the structure of a draft', () => {
    expect(codes(compiled.validateDraft({}))).toEqual({});
    expect(codes(compiled.validateDraft({ ratings: [{ target: 'D01' }] }))).toEqual({});
    expect(codes(compiled.validateDraft({ ratings: [{ target: 'D01', [first]: 'bogus', zzz: 1 }], x: 1 }))).toEqual({
      [`ratings[0].${first}`]: 'not-allowed',
      'ratings[0].zzz': 'unknown-question',
      x: 'unknown-question',
    });
    expect(codes(referenceValidate(json, { ratings: [{ target: 'D01', [first]: 'bogus' }] }, 'draft'))).toEqual({ [`ratings[0].${first}`]: 'not-allowed' });
  });

  it('follows the targets actually served: a code from the template alone is not a target', () => {
    const two = compileQuestionnaire(withTargets(loadTemplate(kind), ['D01', 'D02']));
    expect(codes(two.validateSubmission({ ratings: [card('D03')] }))).toEqual({ 'ratings[0].target': 'not-allowed', targets: 'required' });
  });
});

describe('csr-declaration', () => {
  const json = withTargets(loadTemplate('csr-declaration'));
  const compiled = compileQuestionnaire(json);
  const complete: Ballot = {
    tax_paid: 1250.5, revenue: 88000, employees: 420, local_hires: 300, social_insurance_coverage: 100,
    env_certifications: ['iso14001', 'green_factory'], env_penalty: false, safety_accident: false, wage_arrears: false,
    labour_dispute: false, union: true, tax_violation: false, donations: 0, volunteer_hours: 1200, charity_notes: '助学',
  };

  it('accepts a complete declaration, decimals and zeros included', () => {
    expectProblems(json, compiled, complete, {});
    expectProblems(json, compiled, { ...complete, env_certifications: ['none'], charity_notes: undefined }, {});
  });

  it('requires every figure and every yes/no, but not the certifications or the notes', () => {
    const { union: _union, tax_paid: _tax, env_certifications: _certs, charity_notes: _notes, ...rest } = complete;
    expectProblems(json, compiled, rest, { union: 'required', tax_paid: 'required' });
  });

  it('keeps numbers within min and max, and of the number type', () => {
    expectProblems(json, compiled, { ...complete, tax_paid: -1 }, { tax_paid: 'out-of-range' });
    expectProblems(json, compiled, { ...complete, social_insurance_coverage: 100.5 }, { social_insurance_coverage: 'out-of-range' });
    expectProblems(json, compiled, { ...complete, employees: '420' }, { employees: 'wrong-type' });
    expectProblems(json, compiled, { ...complete, union: 'true' }, { union: 'wrong-type' });
  });

  it('refuses unknown certifications, "none" with others, repeats, and over-long notes', () => {
    expectProblems(json, compiled, { ...complete, env_certifications: ['iso9001'] }, { env_certifications: 'not-allowed' });
    expectProblems(json, compiled, { ...complete, env_certifications: ['none', 'iso14001'] }, { env_certifications: 'invalid' });
    expectProblems(json, compiled, { ...complete, env_certifications: ['iso14001', 'iso14001'] }, { env_certifications: 'invalid' });
    expectProblems(json, compiled, { ...complete, env_certifications: 'iso14001' }, { env_certifications: 'wrong-type' });
    expectProblems(json, compiled, { ...complete, charity_notes: 'x'.repeat(2001) }, { charity_notes: 'too-long' });
    expectProblems(json, compiled, { ...complete, 'env_certifications-Comment': 'ISO 45001' }, { 'env_certifications-Comment': 'unknown-question' });
  });

  it('gives every problem a short message in Chinese and English', () => {
    for (const p of compiled.validateSubmission({ tax_paid: -1, zzz: 1, env_certifications: ['bogus'] })) {
      expect(p.messages.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.messages.en).toMatch(/^[\x20-\x7e]+$/);
    }
    expect(compiled.validateSubmission({ ...complete, union: undefined }).find((p) => p.question === 'union')?.messages).toEqual({ zh: '请回答此题', en: 'please answer this question' });
  });
});

describe('conditions and the other question types (test questionnaire)', () => {
  const json = KITCHEN_SINK;
  const compiled = compileQuestionnaire(json);
  const base: Ballot = {
    company: 'ACME', size: 'medium', services: ['tax', 'visa'], exporter: false, contact: 'Li', overall: 8,
    ratings: [{ target: 'D01', attitude: 'satisfied', first: true }],
    aspects: { speed: 'good', clarity: 'ok', fairness: 'bad' }, plain: { r1: 1 },
    sites: { hq: { grade: 1 }, plant: { grade: 3 } }, branches: [{ city: '宁波' }, { city: '杭州' }],
  };

  it('accepts a ballot that follows the conditions', () => {
    expectProblems(json, compiled, base, {});
  });

  it('requires what visibleIf shows and requiredIf asks for, and refuses answers to what it hides', () => {
    expectProblems(json, compiled, { ...base, exporter: true }, { exportShare: 'required' });
    expectProblems(json, compiled, { ...base, exportShare: 20 }, { exportShare: 'not-shown' });
    expectProblems(json, compiled, { ...base, size: 'large', staff: 900, email: 'a@b.cn' }, { whyLarge: 'required', 'ratings[0].stars': 'required' });
    expectProblems(json, compiled, { ...base, size: 'large', staff: 20 }, { email: 'required', 'ratings[0].stars': 'required' });
    expectProblems(json, compiled, { ...base, overall: 2 }, { complaintText: 'required' });
    expectProblems(json, compiled, { ...base, services: ['legal', 'tax'] }, { lawyer: 'required', legalTopics: 'required' });
    expectProblems(json, compiled, { ...base, lawyer: 'Wang' }, { lawyer: 'not-shown' });
  });

  it('evaluates {panel.x}, {panel.target} and {panelIndex} per card', () => {
    const ratings = [
      { target: 'D01', attitude: 'dissatisfied', first: true },
      { target: 'D02', attitude: 'satisfied', onlyD2: 'ok', why: 'no' },
    ];
    expectProblems(json, compiled, { ...base, ratings }, { 'ratings[0].why': 'required', 'ratings[1].why': 'not-shown' });
    expectProblems(json, compiled, { ...base, ratings: [{ target: 'D02', attitude: 'na', first: false }, { target: 'D03', attitude: 'na', onlyD2: 'x' }] }, { 'ratings[1].onlyD2': 'not-shown' });
    // enableIf {panelIndex} = 0: only the first card's "first" is editable, hence required.
    expectProblems(json, compiled, { ...base, ratings: [{ target: 'D03', attitude: 'na' }, { target: 'D04', attitude: 'na' }] }, { 'ratings[0].first': 'required' });
  });

  it('skips read-only questions (enableIf false) but still checks their answers\' structure', () => {
    expectProblems(json, compiled, { ...base, exporter: true, exportShare: 10, contact: undefined }, {});
    expectProblems(json, compiled, { ...base, exporter: true, exportShare: 10, contact: 5 }, { contact: 'wrong-type' });
  });

  it('keeps the answer of a hidden question whose clearIfInvisible is "none"', () => {
    expectProblems(json, compiled, { ...base, keepMe: 'a' }, {});
  });

  it('applies minSelectedChoices, "none", "other" and its text', () => {
    expectProblems(json, compiled, { ...base, services: ['tax'] }, { services: 'too-few' });
    expectProblems(json, compiled, { ...base, services: ['none'] }, {});
    expectProblems(json, compiled, { ...base, services: ['tax', 'other'] }, { services: 'required' });
    expectProblems(json, compiled, { ...base, services: ['tax', 'other'], 'services-Comment': '认证' }, {});
    expectProblems(json, compiled, { ...base, 'services-Comment': '认证' }, { 'services-Comment': 'not-allowed' });
    expectProblems(json, compiled, { ...base, services: ['tax', 'visa', 'customs', 'legal'] }, { services: 'too-many' });
    expectProblems(json, compiled, { ...base, feedback: 'yes', 'feedback-Comment': 'a comment box keeps its text' }, {});
  });

  it('checks number steps, e-mail inputs and regex validators as survey-core does', () => {
    expectProblems(json, compiled, { ...base, exporter: true, exportShare: 12.25 }, { exportShare: 'invalid' });
    expectProblems(json, compiled, { ...base, email: 'nobody' }, { email: 'invalid' });
    expectProblems(json, compiled, { ...base, phone: '12ab' }, { phone: 'invalid' });
    expectProblems(json, compiled, { ...base, phone: '0574123456' }, {});
  });

  it('checks rating scales, matrix rows and columns, and matrix-dropdown cells', () => {
    expectProblems(json, compiled, { ...base, overall: 11 }, { overall: 'out-of-range' });
    expectProblems(json, compiled, { ...base, mood: 'great' }, { mood: 'not-allowed' });
    expectProblems(json, compiled, { ...base, aspects: { speed: 'good', clarity: 'ok' } }, { aspects: 'required' });
    expectProblems(json, compiled, { ...base, aspects: { ...(base.aspects as Ballot), cost: 'ok' } }, { 'aspects.cost': 'not-allowed' });
    expectProblems(json, compiled, { ...base, plain: { r1: 4 } }, { 'plain.r1': 'not-allowed', plain: 'required' });
    expectProblems(json, compiled, { ...base, sites: { hq: { grade: 1, count: '3' } } }, { 'sites.plant.grade': 'required' });
    expectProblems(json, compiled, { ...base, sites: { hq: { grade: 9 }, plant: { grade: 1, colour: 'red' } } }, { 'sites.hq.grade': 'not-allowed', 'sites.plant.colour': 'not-allowed' });
  });

  it('bounds a dynamic panel by minPanelCount and maxPanelCount', () => {
    // Fewer panels than it starts with: refused, and survey-core then checks the two empty panels it builds.
    expectProblems(json, compiled, { ...base, branches: [{ city: '宁波' }] }, { branches: 'too-few', 'branches[0].city': 'required', 'branches[1].city': 'required' });
    expectProblems(json, compiled, { ...base, branches: Array.from({ length: 5 }, () => ({ city: '宁波' })) }, { branches: 'too-many', 'branches[0].city': 'required', 'branches[1].city': 'required' });
    expectProblems(json, compiled, { ...base, size: 'small', branches: [{ city: '宁波' }, { city: '杭州' }] }, { branches: 'not-shown' });
  });

  it('reads a checkbox with valuePropertyName as the list of its values in conditions', () => {
    expectProblems(json, compiled, { ...base, langs: [{ code: 'de' }] }, { langNote: 'required' });
    expectProblems(json, compiled, { ...base, langs: ['de'] }, { langs: 'wrong-type' });
    expectProblems(json, compiled, { ...base, ratings: [{ target: 'D04', attitude: 'na', first: true }], manyTargets: 'yes' }, {});
  });
});

describe('questionnaires the compiler cannot check exactly are refused at compile time', () => {
  const withElement = (element: Json, extra: Json = {}): Json => ({ ...extra, pages: [{ name: 'p', elements: [{ type: 'text', name: 'a' }, element] }] });
  it.each([
    ['a question type it does not implement', withElement({ type: 'file', name: 'f' }), /question type "file"/],
    ['a default value', withElement({ type: 'text', name: 'b', defaultValue: 'x' }), /"defaultValue"/],
    ['choices loaded from a URL', withElement({ type: 'dropdown', name: 'b', choicesByUrl: { url: 'https://example.com' } }), /"choicesByUrl"/],
    ['a choice with its own condition', withElement({ type: 'radiogroup', name: 'b', choices: [{ value: 'x', visibleIf: '{a} = 1' }] }), /"visibleIf"/],
    ['calculated values', { ...withElement({ type: 'text', name: 'b' }), calculatedValues: [{ name: 'v', expression: '1' }] }, /"calculatedValues"/],
    ['triggers', { ...withElement({ type: 'text', name: 'b' }), triggers: [{ type: 'complete', expression: '{a} = 1' }] }, /"triggers"/],
    ['clearing hidden answers as soon as they hide', withElement({ type: 'text', name: 'b' }, { clearInvisibleValues: 'onHidden' }), /onHidden/],
    ['a condition on a name that is no question', withElement({ type: 'text', name: 'b', visibleIf: '{nothing} = 1' }), /\{nothing\} names no question/],
    ['a condition on a question name that is not its value name', withElement({ type: 'text', name: 'b', valueName: 'bv', visibleIf: '{b} = 1' }), /\{b\} names no question/],
    ['a function that reads the survey', withElement({ type: 'text', name: 'b', visibleIf: "propertyValue('a', 'title') = 1" }), /propertyValue/],
    ['{panel.x} outside a dynamic panel', withElement({ type: 'text', name: 'b', visibleIf: '{panel.a} = 1' }), /\{panel\.a\}/],
    ['an element property in a condition', withElement({ type: 'text', name: 'b', visibleIf: '{$a.isVisible} = true' }), /\$a\.isVisible/],
    ['an unknown property (survey-core would ignore it)', withElement({ type: 'text', name: 'b', maxLenght: 5 }), /Unknown property/],
    ['a validator it does not implement', withElement({ type: 'text', name: 'b', validators: [{ type: 'expression', expression: '{a} > 1' }] }), /expressionvalidator/],
    ['a nested dynamic panel', withElement({ type: 'paneldynamic', name: 'b', templateElements: [{ type: 'paneldynamic', name: 'c', templateElements: [{ type: 'text', name: 'd' }] }] }), /inside a dynamic panel/],
    ['two questions sharing a value name', withElement({ type: 'text', name: 'b', valueName: 'a' }), /used by another question/],
    [
      'a dynamic panel created by a checkbox that can be hidden (survey-core clears its answers or not depending on its page)',
      withElement({ type: 'panel', name: 'box', visibleIf: '{a} = 1', elements: [
        { type: 'checkbox', name: 'targets', valueName: 'r', valuePropertyName: 'target', choices: ['D01'] },
        { type: 'paneldynamic', name: 'r', valueName: 'r', templateElements: [{ type: 'text', name: 'x' }] },
      ] }),
      /cannot be hidden/,
    ],
  ])('%s', (_why, survey, message) => {
    expect(() => compileQuestionnaire(survey as Json)).toThrow(UnsupportedQuestionnaireError);
    expect(() => compileQuestionnaire(survey as Json)).toThrow(message);
  });
});

/**
 * Thousands of generated ballots, each checked by the compiled validator and by survey-core (the
 * reference, on worker threads): they must accept the same ballots and flag the same question paths
 * with the same codes. Questionnaires with dynamic panels (survey-core 30–130 ms a ballot) get fewer
 * ballots than the flat declaration (15 ms): 3,000 submissions and 300 drafts in all.
 */
describe('compiled validator against survey-core on generated ballots', () => {
  let pool: ReferencePool;
  beforeAll(async () => {
    pool = await ReferencePool.start();
  }, 60_000);
  afterAll(async () => {
    await pool?.close();
  });

  const kitchenQuestions = questionsOfSurvey(KITCHEN_SINK);
  const cases: { name: string; json: Json; count: number; seed: number; valid?: (dice: Dice) => Ballot }[] = [
    { name: 'csr-declaration', json: withTargets(loadTemplate('csr-declaration')), count: 1800, seed: 1 },
    { name: 'enterprise-rates-departments', json: withTargets(loadTemplate('enterprise-rates-departments')), count: 360, seed: 2 },
    { name: 'district-rates-departments', json: withTargets(loadTemplate('district-rates-departments')), count: 360, seed: 3 },
    { name: 'enterprise-rates-districts', json: withTargets(loadTemplate('enterprise-rates-districts')), count: 360, seed: 4 },
    { name: 'test questionnaire', json: KITCHEN_SINK, count: 120, seed: 5, valid: (dice) => (dice.chance(0.6) ? kitchenSinkBallot(dice) : fullBallot(kitchenQuestions, dice)) },
  ];
  const timings: string[] = [];
  afterAll(() => {
    console.log(`cost per ballot, compiled vs survey-core reference:\n${timings.join('\n')}`);
  });

  it.each(cases)('$name: $count ballots', async ({ name, json, count, seed, valid }) => {
    const generated = [...ballots(json, count, seed, valid)];
    const compiled = compileQuestionnaire(json);
    const drafts = generated.filter((_, i) => i % 10 === 0);
    const submissions = await pool.run(json, generated.map((g) => g.ballot), 'submission');
    const draftRun = await pool.run(json, drafts.map((g) => g.ballot), 'draft');

    const verdict = (problems: BallotProblem[]) => problems.map((p) => `${p.question} ${p.code}`).sort();
    const mismatches: unknown[] = [];
    let accepted = 0;
    const compare = (mode: string, ballot: Ballot, mutations: string[], mine: BallotProblem[], theirs: (typeof submissions.results)[number]) => {
      const expected = 'error' in theirs ? [`reference threw: ${theirs.error}`] : verdict(theirs.problems);
      const actual = verdict(mine);
      if (mode === 'submission' && expected.length === 0) accepted++;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push({ mode, mutations, ballot, compiledOnly: actual.filter((a) => !expected.includes(a)), referenceOnly: expected.filter((e) => !actual.includes(e)) });
      }
    };
    generated.forEach((g, i) => compare('submission', g.ballot, g.mutations, compiled.validateSubmission(g.ballot), submissions.results[i]));
    drafts.forEach((g, i) => compare('draft', g.ballot, g.mutations, compiled.validateDraft(g.ballot), draftRun.results[i]));

    expect({ mismatches: mismatches.length, first: mismatches.slice(0, 3) }).toEqual({ mismatches: 0, first: [] });
    // Not a vacuous comparison: both accepted and refused ballots, and every way of breaking one.
    expect(new Set(generated.flatMap((g) => g.mutations))).toEqual(new Set(Object.keys(MUTATIONS)));
    expect(accepted).toBeGreaterThan(count * 0.1);
    expect(accepted).toBeLessThan(count * 0.75);

    const passes = 5;
    const started = performance.now();
    for (let pass = 0; pass < passes; pass++) for (const g of generated) compiled.validateSubmission(g.ballot);
    const compiledMicros = ((performance.now() - started) * 1000) / (passes * count);
    timings.push(`  ${name}: compiled ${compiledMicros.toFixed(1)} µs, reference ${(submissions.ms / count).toFixed(1)} ms (${count} ballots, ${accepted} accepted)`);
  }, 300_000);
});
