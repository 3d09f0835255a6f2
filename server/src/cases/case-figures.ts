/**
 * The case figures of a department or district for a period, as the scores use them
 * (SCORING.md §3: deductions for cases past their deadline at the cutoff; the districts'
 * objective indicators of closure, rectification and timeliness). Pure: the service hands
 * in the cases, the tests hand-computed ones.
 *
 * - 结案率 closure rate = closed in the period ÷ (accepted in the period + still open when it began).
 * - 按时办结率 on time = closed in the period whose unit answered by the deadline ÷ closed in the period.
 *   The unit's answer is its reply (or the closing, for a case closed without one): the office's
 *   own time to close does not count against the unit.
 * - 整改率 rectification = closed in the period whose problem was put right ÷ those of them where
 *   rectification applies (the office says so when closing).
 * - 满意率 satisfaction with handling = (满意 + 基本满意) ÷ rated, over the closed cases the enterprise
 *   rated (回访); 不满意率 likewise.
 * - Overdue at the cutoff: accepted by then, deadline passed, and neither replied to nor closed by then.
 * A rate with nothing to divide by is null, never 0 or 100 %.
 */
export type HandlingRating = 'satisfied' | 'basically' | 'dissatisfied';

export interface CaseRecord {
  unit: string;
  /** When the office accepted it; cases never accepted (new, rejected, merged) have none and do not count. */
  acceptedAt: Date | null;
  deadline: Date | null;
  /** When the unit (last) replied; null before its reply. */
  repliedAt: Date | null;
  /** When it was (last) closed; null while open. */
  closedAt: Date | null;
  /** Whether the problem was put right, as the office recorded at closing; null where it does not apply. */
  rectified: boolean | null;
  handlingRating: HandlingRating | null;
}

export interface CaseFigures {
  unit: string;
  acceptedInPeriod: number;
  carriedOver: number;
  closedInPeriod: number;
  closureRate: number | null;
  closedOnTime: number;
  onTimeRate: number | null;
  rectificationApplies: number;
  rectified: number;
  rectificationRate: number | null;
  rated: number;
  satisfactionRate: number | null;
  dissatisfactionRate: number | null;
  overdueAtCutoff: number;
}

export interface Period {
  from: Date;
  /** Inclusive. */
  to: Date;
  /** When overdue cases are counted; usually the end of the period. */
  cutoff: Date;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const atOrBefore = (a: Date | null, b: Date): a is Date => a !== null && a.getTime() <= b.getTime();

/** The figures of every unit that has any case, sorted by unit code; units in `units` appear even with none. */
export function caseFigures(cases: readonly CaseRecord[], period: Period, units: readonly string[] = []): CaseFigures[] {
  const byUnit = new Map<string, CaseRecord[]>(units.map((u) => [u, []]));
  for (const record of cases) {
    if (!record.acceptedAt) continue;
    const list = byUnit.get(record.unit) ?? [];
    list.push(record);
    byUnit.set(record.unit, list);
  }
  return [...byUnit.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([unit, records]) => figuresOf(unit, records, period));
}

function figuresOf(unit: string, records: readonly CaseRecord[], { from, to, cutoff }: Period): CaseFigures {
  const start = from.getTime();
  const end = to.getTime();
  const inPeriod = (d: Date | null): d is Date => d !== null && d.getTime() >= start && d.getTime() <= end;

  const acceptedInPeriod = records.filter((r) => inPeriod(r.acceptedAt)).length;
  // Accepted before the period and not closed before it began.
  const carriedOver = records.filter((r) => r.acceptedAt!.getTime() < start && !(r.closedAt && r.closedAt.getTime() < start)).length;
  const closed = records.filter((r) => inPeriod(r.closedAt) && r.acceptedAt!.getTime() <= end);
  const closedOnTime = closed.filter((r) => r.deadline !== null && (r.repliedAt ?? r.closedAt)!.getTime() <= r.deadline.getTime()).length;
  const applies = closed.filter((r) => r.rectified !== null);
  const rectified = applies.filter((r) => r.rectified === true).length;
  const rated = closed.filter((r) => r.handlingRating !== null);
  const content = rated.filter((r) => r.handlingRating === 'satisfied' || r.handlingRating === 'basically').length;
  const discontent = rated.filter((r) => r.handlingRating === 'dissatisfied').length;
  const overdueAtCutoff = records.filter(
    (r) =>
      atOrBefore(r.acceptedAt, cutoff) && r.deadline !== null && r.deadline.getTime() < cutoff.getTime() && !atOrBefore(r.repliedAt, cutoff) && !atOrBefore(r.closedAt, cutoff),
  ).length;

  return {
    unit,
    acceptedInPeriod,
    carriedOver,
    closedInPeriod: closed.length,
    closureRate: ratio(closed.length, acceptedInPeriod + carriedOver),
    closedOnTime,
    onTimeRate: ratio(closedOnTime, closed.length),
    rectificationApplies: applies.length,
    rectified,
    rectificationRate: ratio(rectified, applies.length),
    rated: rated.length,
    satisfactionRate: ratio(content, rated.length),
    dissatisfactionRate: ratio(discontent, rated.length),
    overdueAtCutoff,
  };
}
