import { caseFigures, type CaseRecord, type Period } from '../../server/src/cases/case-figures.js';

const d = (text: string) => new Date(`${text}T12:00:00+08:00`);
const PERIOD: Period = { from: new Date('2026-06-01T00:00:00+08:00'), to: new Date('2026-06-30T23:59:59.999+08:00'), cutoff: new Date('2026-06-30T23:59:59.999+08:00') };

/** A case whose unit replied the day it was closed, unless `extra` says otherwise. */
function record(unit: string, accepted: string | null, deadline: string | null, closed: string | null, extra: Partial<CaseRecord> = {}): CaseRecord {
  return { unit, acceptedAt: accepted ? d(accepted) : null, deadline: deadline ? d(deadline) : null, repliedAt: closed ? d(closed) : null, closedAt: closed ? d(closed) : null, rectified: null, handlingRating: null, ...extra };
}

/**
 * 市税务局 (D02) in June 2026:
 *   a  accepted 05-20, due 06-10, closed 06-05          carried over, closed on time, rectified, 满意
 *   b  accepted 05-25, due 06-15, closed 05-30          closed before June: neither carried over nor closed in June
 *   c  accepted 06-02, due 06-23, closed 06-20          accepted and closed in June, on time, not rectified, 基本满意
 *   d  accepted 06-08, due 06-29, closed 06-30          closed late (after 06-29), rectified, 不满意
 *   e  accepted 06-15, due 07-06, open                  open, not yet due at the cutoff
 *   f  accepted 05-10, due 05-31, open                  carried over, overdue at the cutoff
 *   g  never accepted (rejected)                         does not count anywhere
 *   h  accepted 07-02 (after June)                       does not count
 * accepted in June: c, d, e = 3; carried over: a, f = 2; closed in June: a, c, d = 3
 * 结案率 3 / (3 + 2) = 0.6; on time: a, c = 2 of 3; rectification applies to a, c, d: a, d rectified = 2 of 3;
 * rated a (满意), c (基本满意), d (不满意): 满意率 2/3, 不满意率 1/3; overdue at 06-30: f = 1.
 */
it('computes each figure of a department for a month, as worked out by hand', () => {
  const cases = [
    record('D02', '2026-05-20', '2026-06-10', '2026-06-05', { rectified: true, handlingRating: 'satisfied' }),
    record('D02', '2026-05-25', '2026-06-15', '2026-05-30', { rectified: true, handlingRating: 'satisfied' }),
    record('D02', '2026-06-02', '2026-06-23', '2026-06-20', { rectified: false, handlingRating: 'basically' }),
    record('D02', '2026-06-08', '2026-06-29', '2026-06-30', { rectified: true, handlingRating: 'dissatisfied' }),
    record('D02', '2026-06-15', '2026-07-06', null),
    record('D02', '2026-05-10', '2026-05-31', null),
    record('D02', null, null, null),
    record('D02', '2026-07-02', '2026-07-23', null),
  ];
  const [figures] = caseFigures(cases, PERIOD);
  expect(figures).toEqual({
    unit: 'D02',
    acceptedInPeriod: 3,
    carriedOver: 2,
    closedInPeriod: 3,
    closureRate: 0.6,
    closedOnTime: 2,
    onTimeRate: 2 / 3,
    rectificationApplies: 3,
    rectified: 2,
    rectificationRate: 2 / 3,
    rated: 3,
    satisfactionRate: 2 / 3,
    dissatisfactionRate: 1 / 3,
    overdueAtCutoff: 1,
  });
});

it('counts a case closed after the cutoff as overdue at the cutoff, and not as closed', () => {
  const [figures] = caseFigures([record('Q01', '2026-06-01', '2026-06-20', '2026-07-03')], PERIOD);
  expect(figures).toMatchObject({ acceptedInPeriod: 1, closedInPeriod: 0, closureRate: 0, overdueAtCutoff: 1 });
});

it('gives null, not 0 or 100 %, where there is nothing to divide by, and lists units without cases', () => {
  const figures = caseFigures([record('D01', '2026-06-03', '2026-06-24', null)], PERIOD, ['D01', 'D09']);
  expect(figures.map((f) => f.unit)).toEqual(['D01', 'D09']);
  // Due 06-24 and still open on 06-30: overdue.
  expect(figures[0]).toMatchObject({ closureRate: 0, onTimeRate: null, rectificationRate: null, satisfactionRate: null, overdueAtCutoff: 1 });
  expect(figures[1]).toMatchObject({ acceptedInPeriod: 0, carriedOver: 0, closureRate: null, overdueAtCutoff: 0 });
});

it('treats a deadline as met when the case closes at its very last moment', () => {
  const deadline = new Date('2026-06-10T23:59:59.999+08:00');
  const cases: CaseRecord[] = [
    { unit: 'D03', acceptedAt: d('2026-06-01'), deadline, repliedAt: deadline, closedAt: deadline, rectified: null, handlingRating: null },
    { unit: 'D03', acceptedAt: d('2026-06-01'), deadline, repliedAt: new Date(deadline.getTime() + 1), closedAt: new Date(deadline.getTime() + 1), rectified: null, handlingRating: null },
  ];
  expect(caseFigures(cases, PERIOD)[0]).toMatchObject({ closedInPeriod: 2, closedOnTime: 1, onTimeRate: 0.5 });
});

it('judges the unit by its reply: a reply by the deadline is on time however late the office closes, and is not overdue', async () => {
  const cases = [
    // Replied 06-10 (due 06-12), closed by the office 06-20: on time.
    record('D04', '2026-06-01', '2026-06-12', '2026-06-20', { repliedAt: d('2026-06-10') }),
    // Replied 06-25 (due 06-12) and still waiting for the office at the cutoff: late, but not overdue any more.
    record('D04', '2026-06-01', '2026-06-12', null, { repliedAt: d('2026-06-25') }),
    // Replied after the cutoff: overdue at the cutoff.
    record('D04', '2026-06-01', '2026-06-12', null, { repliedAt: d('2026-07-02') }),
  ];
  expect(caseFigures(cases, PERIOD)[0]).toMatchObject({ closedInPeriod: 1, closedOnTime: 1, onTimeRate: 1, overdueAtCutoff: 1 });
});
