import { describe, expect, it } from '@jest/globals';
import { formatJson, lineLocator, offsetOfPath, parseJson } from '../../client/src/admin/questionnaires/jsonText.js';
import { seededRandom } from '../../server/src/common/random.js';
import { loadTemplate } from '../support/ballots.js';

const TEMPLATE = formatJson(loadTemplate('enterprise-rates-departments'));

describe('parseJson', () => {
  it('reads what JSON.parse reads, to the same value', () => {
    for (const text of [TEMPLATE, '[]', '{}', ' 0 ', '-1.5e3', '"\\u4e2d\\n\\"x\\""', '{"a":[true,false,null,{"b":[]}]}', '{"__proto__": {"x": 1}}']) {
      const parsed = parseJson(text);
      expect(parsed.ok).toBe(true);
      expect(parsed.ok && parsed.value).toEqual(JSON.parse(text));
    }
    const proto = parseJson('{"__proto__": {"x": 1}}');
    expect(proto.ok && Object.keys(proto.value as object)).toEqual(['__proto__']);
  });

  it('refuses exactly what JSON.parse refuses, on a thousand damaged copies of a questionnaire', () => {
    const random = seededRandom(11);
    const damage = ['', ',', '}', ']', '"', "'", ':', '\n', '0', 'x', '\\'];
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const at = Math.floor(random() * TEMPLATE.length);
      const text = TEMPLATE.slice(0, at) + damage[i % damage.length] + TEMPLATE.slice(at + (i % 3 === 0 ? 0 : 1));
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect({ text: text.slice(Math.max(0, at - 20), at + 20), ok: parseJson(text).ok }).toEqual({ text: text.slice(Math.max(0, at - 20), at + 20), ok: valid });
      if (!valid) refused += 1;
    }
    expect(refused).toBeGreaterThan(300);
  });

  it('says what is wrong and where', () => {
    const missingComma = '{\n  "a": 1\n  "b": 2\n}';
    const parsed = parseJson(missingComma);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.problem).toEqual({ kind: 'expected-comma', close: '}' });
    expect(lineLocator(missingComma)(parsed.error.offset)).toEqual({ line: 3, column: 3 });

    const problem = (text: string) => {
      const result = parseJson(text);
      return result.ok ? null : result.error.problem.kind;
    };
    expect(problem('{"a": 1,}')).toBe('expected-key');
    expect(problem("{'a': 1}")).toBe('expected-key');
    expect(problem('{"a" 1}')).toBe('expected-colon');
    expect(problem('{"a": [1, 2}')).toBe('expected-comma');
    expect(problem('{"a": "b')).toBe('bad-string');
    expect(problem('{"a": ')).toBe('unexpected-end');
    expect(problem('{"a": tru}')).toBe('unexpected-character');
    expect(problem('{} {}')).toBe('trailing-content');
  });

  it('knows where each path starts, and sends a missing one to its nearest parent', () => {
    const parsed = parseJson(TEMPLATE);
    if (!parsed.ok) throw new Error('the template does not parse');
    const line = (path: string) => {
      const offset = offsetOfPath(parsed.positions, path);
      return offset === undefined ? undefined : TEMPLATE.split('\n')[lineLocator(TEMPLATE)(offset).line - 1]!.trim();
    };
    expect(line('survey.title')).toBe('"title": {');
    expect(line('survey.pages[1].elements[0].templateElements[1]')).toBe('{');
    expect(line('survey.pages[1].elements[0].templateElements[1].name')).toBe('"name": "efficiency",');
    expect(offsetOfPath(parsed.positions, 'survey.pages[0].elements[0].notThere')).toBe(offsetOfPath(parsed.positions, 'survey.pages[0].elements[0]'));
    expect(offsetOfPath(parsed.positions, 'survey')).toBe(0);
  });
});

describe('formatJson', () => {
  it('puts type and name first and the children last, whatever order the database kept', () => {
    const stored = { pages: [{ elements: [{ title: { en: 'Tax', default: '纳税' }, name: 'tax', type: 'text' }], name: 'p' }], title: 'x', locale: 'zh-cn' };
    const text = formatJson(stored);
    expect(JSON.parse(text)).toEqual(stored);
    expect(text).toBe(
      `${JSON.stringify({ locale: 'zh-cn', title: 'x', pages: [{ name: 'p', elements: [{ type: 'text', name: 'tax', title: { default: '纳税', en: 'Tax' } }] }] }, null, 2)}\n`,
    );
  });
});
