import { describe, expect, it } from '@jest/globals';
import { EVALUATION_KINDS } from '../../server/src/campaigns/campaign.entities.js';
import {
  checkQuestionnaire,
  locate,
  MAX_QUESTIONNAIRE_DEPTH,
  questionnaireSize,
  type QuestionnaireProblem,
} from '../../server/src/questionnaires/questionnaire-rules.js';
import { loadTemplate, withTargets, type Json } from '../support/ballots.js';

const SCALE = ['satisfied', 'basically', 'dissatisfied'];
const KIND = 'enterprise-rates-departments';

/** `{ field: English message }`, the shape the assertions compare. */
const byField = (problems: QuestionnaireProblem[]) => Object.fromEntries(problems.map((p) => [p.field, p.messages.en]));
const fields = (problems: QuestionnaireProblem[]) => problems.map((p) => p.field);

/** The template of KIND with `change` applied to a copy. */
function edited(change: (survey: any) => void, kind = KIND): Json {
  const survey = loadTemplate(kind);
  change(survey);
  return survey;
}

describe.each([...EVALUATION_KINDS])('the %s template', (kind) => {
  it('passes with neither errors nor warnings', () => {
    const check = checkQuestionnaire(loadTemplate(kind), kind, SCALE);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([]);
  });
});

describe('rating questionnaires', () => {
  it('empties the target choices, which the server fills, and warns that it did', () => {
    const check = checkQuestionnaire(withTargets(loadTemplate(KIND)), KIND, SCALE);
    expect(check.errors).toEqual([]);
    expect(byField(check.warnings)).toEqual({ 'survey.pages[0].elements[0].choices': 'the targets are filled in from the directory; the choices given here are not saved' });
    expect((check.survey as any).pages[0].elements[0].choices).toEqual([]);
  });

  it('needs the targets checkbox wired to the cards by valueName and valuePropertyName', () => {
    const check = checkQuestionnaire(edited((s) => { s.pages[0].elements[0].valueName = 'picked'; delete s.pages[0].elements[0].valuePropertyName; }), KIND, SCALE);
    expect(fields(check.errors)).toEqual(expect.arrayContaining(['survey.pages[0].elements[0].valueName', 'survey.pages[0].elements[0].valuePropertyName']));
  });

  it('needs the targets question to be a checkbox', () => {
    const check = checkQuestionnaire(edited((s) => { s.pages[0].elements[0].type = 'tagbox'; }), KIND, SCALE);
    expect(byField(check.errors)['survey.pages[0].elements[0].type']).toBe('"targets" must be a checkbox');
  });

  it('refuses a questionnaire without targets or without cards, saying which is missing', () => {
    const noTargets = checkQuestionnaire(edited((s) => { s.pages[0].elements[0].name = 'units'; }), KIND, SCALE);
    expect(noTargets.errors.map((e) => e.messages.en)).toContain('the checkbox of targets (name "targets") is missing; it must sit on a page or in a panel');
    const noCards = checkQuestionnaire(edited((s) => { s.pages[1].elements.shift(); }), KIND, SCALE);
    expect(noCards.errors.map((e) => e.messages.en)).toContain('the dynamic panel of rating cards (paneldynamic with valueName "ratings") is missing');
  });

  it('finds the targets inside a panel, where the server fills them too', () => {
    const check = checkQuestionnaire(edited((s) => { s.pages[0].elements = [{ type: 'panel', name: 'box', elements: s.pages[0].elements }]; }), KIND, SCALE);
    expect(check.errors).toEqual([]);
  });

  it('refuses criteria with codes the scoring does not know, at the choice that has one', () => {
    const check = checkQuestionnaire(edited((s) => { s.pages[1].elements[0].templateElements[1].choices[0].value = 'good'; }), KIND, SCALE);
    expect(byField(check.errors)).toEqual({
      'survey.pages[1].elements[0].templateElements[1].choices[0]': 'the criterion "efficiency" offers "good", which scoring does not know; use satisfied, basically, dissatisfied, na',
    });
  });

  it('takes the codes from the scoring configuration: a five-level scale allows its own codes', () => {
    const fiveLevel = ['very_satisfied', 'satisfied', 'basically', 'dissatisfied', 'very_dissatisfied'];
    const survey = edited((s) => { s.pages[1].elements[0].templateElements[0].choices.unshift({ value: 'very_satisfied', text: { default: '非常满意', en: 'Very satisfied' } }); });
    expect(checkQuestionnaire(survey, KIND, fiveLevel).errors).toEqual([]);
    expect(fields(checkQuestionnaire(survey, KIND, SCALE).errors)).toEqual(['survey.pages[1].elements[0].templateElements[0].choices[0]']);
  });

  it('needs at least one criterion on the cards, and choices on each', () => {
    const none = checkQuestionnaire(edited((s) => { s.pages[1].elements[0].templateElements = [{ type: 'comment', name: 'note' }]; }), KIND, SCALE);
    expect(byField(none.errors)['survey.pages[1].elements[0].templateElements']).toBe('the rating cards hold no criterion (a radiogroup)');
    const empty = checkQuestionnaire(edited((s) => { s.pages[1].elements[0].templateElements[0].choices = []; }), KIND, SCALE);
    expect(fields(empty.errors)).toContain('survey.pages[1].elements[0].templateElements[0].choices');
  });

  it('takes at most twelve criteria on a card, the most the scoring packs into one number', () => {
    const card = (n: number) => (s: any) => {
      const criterion = s.pages[1].elements[0].templateElements[0];
      s.pages[1].elements[0].templateElements = Array.from({ length: n }, (_, i) => ({ ...criterion, name: `criterion${i + 1}` }));
    };
    expect(checkQuestionnaire(edited(card(12)), KIND, SCALE).errors).toEqual([]);
    expect(byField(checkQuestionnaire(edited(card(13)), KIND, SCALE).errors)['survey.pages[1].elements[0].templateElements']).toBe('a rating card holds at most 12 criteria; merge or remove some');
  });

  it('warns, without refusing, when a criterion offers no 不了解 (na)', () => {
    const check = checkQuestionnaire(edited((s) => { s.pages[1].elements[0].templateElements[2].choices.pop(); }), KIND, SCALE);
    expect(check.errors).toEqual([]);
    expect(fields(check.warnings)).toEqual(['survey.pages[1].elements[0].templateElements[2].choices']);
  });

  it('asks nothing of the structure of the social-responsibility declaration', () => {
    const survey = { pages: [{ name: 'p', elements: [{ type: 'text', name: 'tax_paid', title: { default: '纳税额', en: 'Tax paid' } }] }] };
    expect(checkQuestionnaire(survey, 'csr-declaration', SCALE).errors).toEqual([]);
    expect(checkQuestionnaire(survey, KIND, SCALE).errors.length).toBe(2);
  });
});

describe('what survey-core and the answer validator say', () => {
  const single = (element: Json): Json => ({ pages: [{ name: 'p', elements: [element] }] });

  it('refuses what is not an object, and a questionnaire without questions', () => {
    expect(byField(checkQuestionnaire([], 'csr-declaration', SCALE).errors)).toEqual({ survey: 'the questionnaire must be a JSON object' });
    expect(byField(checkQuestionnaire({ title: 'x' }, 'csr-declaration', SCALE).errors)).toEqual({ survey: 'the questionnaire has no questions' });
  });

  it('reports survey-core\'s JSON errors at the object they are about, in both languages', () => {
    const check = checkQuestionnaire({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', maxLenght: 5 }, { type: 'textbox', name: 'b' }, { name: 'c' }] }] }, 'csr-declaration', SCALE);
    expect(byField(check.errors)).toEqual({
      'survey.pages[0].elements[0].maxLenght': 'text has no property "maxLenght" (a typing mistake?)',
      'survey.pages[0].elements[1].type': 'there is no element type "textbox"',
      'survey.pages[0].elements[2]': '"type" is missing',
    });
    expect(check.errors[1]!.messages.zh).toBe('没有 "textbox" 这种题型');
  });

  it('refuses what the answer validator cannot check, at the question concerned', () => {
    const check = checkQuestionnaire(single({ type: 'file', name: 'upload', title: 'Upload' }), 'csr-declaration', SCALE);
    expect(check.errors).toEqual([
      {
        field: 'survey.pages[0].elements[0]',
        messages: {
          zh: '服务器无法校验这种写法：question "upload": the question type "file" is not supported',
          en: 'the server cannot check answers to this: question "upload": the question type "file" is not supported',
        },
      },
    ]);
  });

  it('locates questions inside dynamic panels and panels from the compiler\'s message', () => {
    const survey = loadTemplate(KIND);
    expect(locate(survey, 'question "ratings.lawful": bad')).toBe('survey.pages[1].elements[0].templateElements[2]');
    expect(locate(survey, 'page "rate", panel "nothing": bad')).toBe('survey.pages[1]');
    expect(locate(survey, 'questionnaire: bad')).toBe('survey');
  });
});

describe('languages', () => {
  const survey = (title: unknown, choices: unknown[] = ['ISO 14001']): Json => ({ pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'q', title, choices }] }] });
  const warnings = (json: Json) => byField(checkQuestionnaire(json, 'csr-declaration', SCALE).warnings);

  it('warns when a text has no English, and says where', () => {
    expect(warnings(survey('纳税额'))).toEqual({ 'survey.pages[0].elements[0].title': 'no English text' });
    expect(warnings(survey({ default: '纳税额' }))).toEqual({ 'survey.pages[0].elements[0].title': 'no English text' });
    expect(warnings(survey({ default: '纳税额', en: ' ' }))).toEqual({ 'survey.pages[0].elements[0].title': 'no English text' });
    expect(warnings(survey({ en: 'Tax' }))).toEqual({ 'survey.pages[0].elements[0].title': 'no Chinese text ("default")' });
  });

  it('looks into choices, given as objects or as plain strings', () => {
    expect(warnings(survey({ default: '认证', en: 'Certificates' }, ['ISO 14001', '绿色工厂', { value: 'x', text: { default: '其他' } }]))).toEqual({
      'survey.pages[0].elements[0].choices[1]': 'no English text',
      'survey.pages[0].elements[0].choices[2].text': 'no English text',
    });
  });

  it('lets codes and plain ASCII stand for both languages', () => {
    expect(warnings(survey('ISO 14001'))).toEqual({});
    expect(warnings(survey({ default: '纳税额', en: 'Tax paid' }))).toEqual({});
  });

  it('does not refuse a save for a missing translation', () => {
    expect(checkQuestionnaire(survey('纳税额', ['是', '否']), 'csr-declaration', SCALE).errors).toEqual([]);
  });
});

describe('size', () => {
  it('measures the JSON as stored, in UTF-8 bytes', () => {
    expect(questionnaireSize({ title: '问卷' })).toBe(Buffer.byteLength('{"title":"问卷"}'));
  });

  it('refuses nesting deeper than any questionnaire needs, without recursion', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(questionnaireSize(deep)).toBeNull();
    let shallow: unknown = 1;
    for (let i = 0; i < MAX_QUESTIONNAIRE_DEPTH; i++) shallow = [shallow];
    expect(questionnaireSize(shallow)).toBe(MAX_QUESTIONNAIRE_DEPTH * 2 + 1);
  });
});
