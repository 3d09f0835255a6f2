import { seededRandom } from '../../server/src/common/random.js';
import { makeUscc, usccProblemMessage, validateUscc, type UsccProblem } from '../../server/src/directory/uscc.js';

/** Published codes: two well-known companies' business licences and examples from public lists. */
const REAL_CODES = [
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 腾讯科技（深圳）有限公司
  '91110000600037341L', // a company registered in Beijing (python-stdnum's example)
  '91310115MA1K3BTP2B', // a post-2015 company, "MA" organisation code
  '9135021359498494XQ', // organisation code with check digit X
  '913502000728319549', // all digits
  '91620105L015101280', // organisation code starting with a letter other than M
  '92340602MA2PBMEM24', // 个体工商户
  '121200004013590816', // 事业单位 in Tianjin
  '51100000500012681T', // national social organisation (division 100000)
];

describe('validateUscc', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, normalized: code });
  });

  it('normalises case, surrounding spaces and full-width characters', () => {
    expect(validateUscc('  91440300708461136t\t')).toEqual({ ok: true, normalized: '91440300708461136T' });
    expect(validateUscc('９１４４０３００７０８４６１１３６Ｔ')).toEqual({ ok: true, normalized: '91440300708461136T' });
  });

  it.each<[string, UsccProblem]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['91440300708461136', 'length'],
    ['91440300708461136TT', 'length'],
    ['9144030070846113-T', 'characters'],
    ['91440300708461136I', 'characters'],
    ['91440300708461136O', 'characters'],
    ['B1440300708461136T', 'registration-authority'],
    ['01440300708461136T', 'registration-authority'],
    ['94440300708461136T', 'institution-type'],
    ['Y2440300708461136T', 'institution-type'],
    ['91A40300708461136T', 'division'],
    ['91990300708461136T', 'division'],
    ['91440300708461136U', 'check-digit'],
    ['91440300708461163T', 'check-digit'],
  ])('rejects %j: %s', (code, reason) => {
    expect(validateUscc(code)).toEqual({ ok: false, reason });
  });

  it('rejects a code whose overall check digit fits but whose organisation code does not', () => {
    // Change the organisation code's own check digit (character 17), then find the character 18 that
    // satisfies the overall check: only the inner check can still fail.
    const altered = '9144030019220382' + '2';
    const outcomes = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((last) => validateUscc(altered + last));
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'check-digit')).toHaveLength(30);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === 'organisation-code')).toHaveLength(1);
  });

  it('has a message in both languages for every problem', () => {
    expect(usccProblemMessage('check-digit')).toEqual({
      zh: '校验位错误，请核对是否有输错的字符',
      en: 'the check digit is wrong; please look for a mistyped character',
    });
    const problems: UsccProblem[] = ['empty', 'length', 'characters', 'registration-authority', 'institution-type', 'division', 'check-digit', 'organisation-code'];
    for (const problem of problems) {
      const message = usccProblemMessage(problem);
      expect(message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(message.en).toMatch(/^[a-z][ -~]+$/);
    }
  });
});

describe('makeUscc', () => {
  it('makes valid company codes in the division asked for', () => {
    const random = seededRandom(7);
    const codes = Array.from({ length: 2000 }, () => makeUscc(random, { division: '329971' }));
    for (const code of codes) {
      expect(validateUscc(code)).toEqual({ ok: true, normalized: code });
      expect(code.slice(0, 8)).toBe('91329971');
    }
    expect(codes.some((code) => code.slice(8, 10) === 'MA')).toBe(true);
    expect(codes.some((code) => /^\d{8}$/.test(code.slice(8, 16)))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('is deterministic for a given random function', () => {
    const first = Array.from({ length: 5 }, ((random) => () => makeUscc(random))(seededRandom(42)));
    const second = Array.from({ length: 5 }, ((random) => () => makeUscc(random))(seededRandom(42)));
    expect(second).toEqual(first);
  });

  it('refuses a division that is not a division code', () => {
    expect(() => makeUscc(seededRandom(1), { division: '99AB01' })).toThrow(/division/);
    expect(() => makeUscc(seededRandom(1), { division: '990101' })).toThrow(/division/);
  });
});
