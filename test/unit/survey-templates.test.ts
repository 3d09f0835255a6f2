import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Model, type PanelModel, type QuestionPanelDynamicModel } from 'survey-core';
import { EVALUATION_KINDS } from '../../server/src/campaigns/campaign.entities.js';
import { projectRoot } from '../../server/src/config/app-config.js';
import { defaultScoringConfig } from '../../server/src/scoring/scoring-config.js';

const folder = path.join(projectRoot, 'surveys');
const load = (kind: string) => JSON.parse(readFileSync(path.join(folder, `${kind}.json`), 'utf8'));
const RATING_KINDS = EVALUATION_KINDS.filter((k) => k !== 'csr-declaration');

/** Every localisable text the JSON holds: titles, descriptions, choice texts, labels… */
function texts(node: unknown, where = '$'): { where: string; value: unknown }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => texts(item, `${where}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    /^(title|description|text|labelTrue|labelFalse|noneText|otherText|placeholder)$/.test(key) ? [{ where: `${where}.${key}`, value }] : texts(value, `${where}.${key}`),
  );
}

it('has one template per evaluation kind', () => {
  expect(readdirSync(folder).filter((f) => f.endsWith('.json')).sort()).toEqual([...EVALUATION_KINDS].map((k) => `${k}.json`).sort());
});

describe.each([...EVALUATION_KINDS])('%s', (kind) => {
  const json = load(kind);

  it('is SurveyJS that survey-core reads without errors', () => {
    const model = new Model(json);
    expect(model.jsonErrors ?? []).toEqual([]);
    expect(model.getAllQuestions().length).toBeGreaterThan(0);
  });

  it('says everything in Chinese (the default) and English', () => {
    const missing = texts(json).filter(({ value }) => {
      if (typeof value === 'string') return !/^[\x20-\x7e]+$/.test(value); // codes such as "ISO 14001" read the same in both
      const localised = value as Record<string, unknown>;
      return typeof localised.default !== 'string' || typeof localised.en !== 'string' || !localised.default || !localised.en;
    });
    expect(missing.map((m) => m.where)).toEqual([]);
  });
});

describe.each(RATING_KINDS)('rating questionnaire %s', (kind) => {
  const json = load(kind);

  it('ticks targets into one card each, and every criterion offers the scale with 不了解/N/A', () => {
    const model = new Model(json);
    const targets = model.getQuestionByName('targets');
    expect(targets.getType()).toBe('checkbox');
    expect(targets.valueName).toBe('ratings');
    expect(targets.valuePropertyName).toBe('target');
    const panel = model.getQuestionByName('ratings') as QuestionPanelDynamicModel;
    expect(panel.getType()).toBe('paneldynamic');
    expect(panel.displayMode).toBe('carousel');

    const scale = Object.keys(defaultScoringConfig().points.values).concat('na');
    for (const criterion of json.pages[1].elements[0].templateElements) {
      expect(criterion.choices.map((c: { value: string }) => c.value)).toEqual(scale);
      expect(criterion.isRequired).toBe(true);
    }

    // The wiring DESIGN.md relies on: ticking targets creates their cards.
    targets.choices = [{ value: 'D01', text: 'A' }, { value: 'D02', text: 'B' }, { value: 'D03', text: 'C' }];
    model.data = { ratings: [{ target: 'D01' }, { target: 'D03' }] };
    expect(panel.panels.map((p: PanelModel) => p.getQuestionByName('attitude') ?? p.getQuestionByName('government'))).toHaveLength(2);
  });
});
