import { describe, expect, it } from '@jest/globals';
import {
  placeProblems,
  pointsOverHundred,
  toFormValues,
  toScoringConfig,
  weightShares,
  type ScoringConfig,
  type ScoringFormValues,
} from '../../client/src/admin/campaigns/scoringConfigForm.js';
import { defaultScoringConfig, POINT_PRESETS } from '../../server/src/scoring/scoring-config.js';

const defaults = (): ScoringConfig => defaultScoringConfig();
const formOf = (config: ScoringConfig): ScoringFormValues => toFormValues(config, ['departments', 'districts'], POINT_PRESETS);
const configOf = (values: ScoringFormValues, base: ScoringConfig): ScoringConfig => toScoringConfig(values, base, POINT_PRESETS);

describe('the 社会责任先进企业 settings on the form', () => {
  it('gives back the stored configuration unchanged when nothing was edited', () => {
    const base = defaults();
    expect(configOf(formOf(base), base)).toEqual(defaultScoringConfig());
    const third = { ...base, csr: { ...base.csr, award: { count: null, share: 1 / 3 } } };
    expect(formOf(third).csr.award).toEqual({ basis: 'share', count: null, share: 33.33 });
    expect(configOf(formOf(third), third).csr.award.share).toBe(1 / 3);
  });

  it('shows the share as a percentage and a stored count as the chosen basis', () => {
    expect(formOf(defaults()).csr.award).toEqual({ basis: 'share', count: null, share: 20 });
    const base = defaults();
    const counted = { ...base, csr: { ...base.csr, award: { count: 12, share: null } } };
    expect(formOf(counted).csr.award).toEqual({ basis: 'count', count: 12, share: null });
  });

  it('sends the amount of the chosen basis only, the other as null', () => {
    const base = defaults();
    const values = formOf(base);
    values.csr.award = { basis: 'count', count: 5, share: 20 };
    expect(configOf(values, base).csr.award).toEqual({ count: 5, share: null });
    values.csr.award = { basis: 'share', count: 5, share: 15 };
    expect(configOf(values, base).csr.award).toEqual({ count: null, share: 0.15 });
    // A share above 100 % goes as typed, for the server to refuse.
    values.csr.award = { basis: 'share', count: null, share: 150 };
    expect(configOf(values, base).csr.award).toEqual({ count: null, share: 1.5 });
  });

  it('sends the edited weights and points', () => {
    const base = defaults();
    const values = formOf(base);
    values.csr.weights = { environment: 10, labour: 10, employment: 30, tax: 30, charity: 20 };
    values.csr.points.labour = { union: 40, socialInsurance: 60 };
    values.csr.points.environment.iso14001 = 50;
    const sent = configOf(values, base).csr;
    expect(sent.weights).toEqual({ environment: 10, labour: 10, employment: 30, tax: 30, charity: 20 });
    expect(sent.points).toEqual({
      environment: { iso14001: 50, green_factory: 30, iso50001: 15, clean_production: 15 },
      labour: { union: 40, socialInsurance: 60 },
    });
  });

  it('shows a certification without points as 0, and leaves it without points while it stays 0', () => {
    const base = defaults();
    const partial = { ...base, csr: { ...base.csr, points: { ...base.csr.points, environment: { iso14001: 60, own_label: 10 } } } };
    const values = formOf(partial);
    expect(values.csr.points.environment).toEqual({ iso14001: 60, iso50001: 0, green_factory: 0, clean_production: 0, own_label: 10 });
    expect(configOf(values, partial).csr.points.environment).toEqual({ iso14001: 60, own_label: 10 });
    values.csr.points.environment.green_factory = 25;
    expect(configOf(values, partial).csr.points.environment).toEqual({ iso14001: 60, own_label: 10, green_factory: 25 });
  });

  it('gives the weights the shares the engine uses them at', () => {
    expect(weightShares(formOf(defaults()).csr.weights)).toEqual({ environment: 0.3, labour: 0.2, employment: 0.15, tax: 0.2, charity: 0.15 });
    expect(weightShares({ environment: 1, labour: 1, employment: 0, tax: 2, charity: 0 })).toEqual({ environment: 0.25, labour: 0.25, employment: 0, tax: 0.5, charity: 0 });
    expect(weightShares({ environment: 0, labour: 0, employment: 0, tax: 0, charity: 0 })).toBeNull();
  });

  it('warns of points that add up to more than 100', () => {
    expect(pointsOverHundred({ union: 30, socialInsurance: 70 })).toBe(false);
    expect(pointsOverHundred({ union: 31, socialInsurance: 70 })).toBe(true);
    expect(pointsOverHundred({ union: null, socialInsurance: 70 })).toBe(false);
  });

  it('places the server\'s messages under the field or the group they name', () => {
    const fields = new Set(['csr.weights.tax', 'csr.award.share', 'csr.points.environment.iso14001', 'csr.points.labour.union']);
    const groups = new Set(['csr.weights', 'csr.award', 'csr.points.environment', 'csr.points.labour']);
    const placed = placeProblems(
      [
        { field: 'csr.award.share', message: 'share' },
        { field: 'csr.weights.tax', message: 'tax' },
        { field: 'csr.weights', message: 'sum' },
        { field: 'csr.points.environment', message: 'total' },
        // The count has no field while the share is the basis: its message stands under the award.
        { field: 'csr.award.count', message: 'count' },
        { field: 'csr.points.environment.own_label', message: 'own' },
      ],
      fields,
      groups,
    );
    expect(placed.fields).toEqual([
      { name: ['csr', 'award', 'share'], errors: ['share'] },
      { name: ['csr', 'weights', 'tax'], errors: ['tax'] },
    ]);
    expect(placed.groups).toEqual({ 'csr.weights': ['sum'], 'csr.points.environment': ['total', 'own'], 'csr.award': ['count'] });
    expect(placed.others).toEqual([]);
  });
});
