/**
 * The declaration's figures as the office verifies and imports them: the kinds and codes follow
 * the questionnaire template, and a cell of the authorities' file reads as a person would read it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../server/src/config/app-config.js';
import { CERTIFICATIONS, FIGURE_BY_NAME, FIGURES, figureValueProblem, readFigureCell } from '../../server/src/csr/csr-figures.js';
import { CSR_FIGURE_NAMES, type CsrFigureName } from '../../server/src/scoring/csr-scoring.js';

const template = JSON.parse(readFileSync(path.join(projectRoot, 'surveys', 'csr-declaration.json'), 'utf8'));
const questions: { name: string; type: string; inputType?: string; min?: number; max?: number; choices?: { value: string }[] }[] = template.pages.flatMap((p: { elements: unknown[] }) => p.elements);
const spec = (name: CsrFigureName) => FIGURE_BY_NAME.get(name)!;
const read = (name: CsrFigureName, text: string) => readFigureCell(spec(name), text);

it('has every scored question of the template, of the kind the template asks', () => {
  expect(FIGURES.map((f) => f.name)).toEqual(CSR_FIGURE_NAMES);
  for (const figure of FIGURES) {
    const question = questions.find((q) => q.name === figure.name);
    expect(question).toBeDefined();
    if (figure.kind === 'yes-no') expect(question!.type).toBe('boolean');
    else if (figure.kind === 'certifications') expect(question!.type).toBe('checkbox');
    else expect([question!.type, question!.inputType, question!.min]).toEqual(['text', 'number', 0]);
    if (figure.kind === 'percent') expect(question!.max).toBe(100);
  }
  const choices = questions.find((q) => q.name === 'env_certifications')!.choices!.map((c) => c.value);
  expect(CERTIFICATIONS.map((c) => c.code)).toEqual(choices);
});

it.each([
  ['tax_paid', '1,234.5', 1234.5],
  ['tax_paid', '０', 0],
  ['employees', '1 200', 1200],
  ['social_insurance_coverage', '95%', 95],
  ['env_penalty', '是', true],
  ['env_penalty', 'No', false],
  ['union', '有', true],
  ['env_certifications', 'ISO 14001、绿色工厂', ['iso14001', 'green_factory']],
  ['env_certifications', 'green_factory, iso14001', ['iso14001', 'green_factory']],
  ['env_certifications', '无', ['none']],
] as const)('reads %s "%s"', (name, text, value) => {
  expect(read(name, text)).toEqual({ value });
});

it.each([
  ['tax_paid', '-3'],
  ['tax_paid', '一千'],
  ['employees', '12.5'],
  ['social_insurance_coverage', '101'],
  ['env_penalty', '也许'],
  ['env_certifications', 'ISO 9001'],
  ['env_certifications', '、'],
] as const)('refuses %s "%s" with a message in both languages', (name, text) => {
  const result = read(name, text);
  expect(result).toEqual({ problem: { zh: expect.any(String), en: expect.any(String) } });
});

it('checks a value the office types by its kind', () => {
  expect(figureValueProblem(spec('revenue'), 0)).toBeNull();
  expect(figureValueProblem(spec('revenue'), Number.NaN)).not.toBeNull();
  expect(figureValueProblem(spec('employees'), 3.5)).not.toBeNull();
  expect(figureValueProblem(spec('union'), 'true')).not.toBeNull();
  expect(figureValueProblem(spec('env_certifications'), ['iso14001', 'iso14001'])).not.toBeNull();
  expect(figureValueProblem(spec('env_certifications'), [])).toBeNull();
});
