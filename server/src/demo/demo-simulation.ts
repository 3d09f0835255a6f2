import { pickWeighted, type Random } from '../common/random.js';
import { beijingDate, startOfBeijingDay, type WorkingDayCalendar } from '../cases/working-days.js';

/** What the simulations of the demo share: time, the normal distribution, receipts, the order of raters. */

export const DAY_MS = 24 * 3600 * 1000;
export const HOUR_MS = 3600 * 1000;
export const MINUTE_MS = 60 * 1000;

/** Standard normal, by Box–Muller. */
export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export interface ClockInput {
  now: Date;
  opensAt: Date;
  calendar: WorkingDayCalendar;
}

/**
 * When things happened: on the days since the campaign opened, most in the first week and after
 * the reminders of the third and fifth weeks, in office hours on working days, never in the future.
 */
export class Clock {
  readonly latest: number;
  private readonly days: (readonly [string, number])[];

  constructor(private readonly random: Random, { now, opensAt, calendar }: ClockInput) {
    this.latest = now.getTime() - 5 * MINUTE_MS;
    const first = beijingDate(opensAt);
    const count = Math.max(1, Math.round((startOfBeijingDay(beijingDate(now)).getTime() - startOfBeijingDay(first).getTime()) / DAY_MS) + 1);
    this.days = Array.from({ length: count }, (_, d) => {
      const date = beijingDate(new Date(startOfBeijingDay(first).getTime() + d * DAY_MS + 12 * HOUR_MS));
      const wave = Math.exp(-d / 5) + (d >= 14 ? 0.6 * Math.exp(-(d - 14) / 4) : 0) + (d >= 28 ? 0.5 * Math.exp(-(d - 28) / 4) : 0) + 0.06;
      return [date, wave * (calendar.isWorkingDay(date) ? 1 : 0.15)] as const;
    });
  }

  instant(): Date {
    for (let attempt = 0; attempt < 20; attempt++) {
      const date = pickWeighted(this.random, this.days);
      const hour = pickWeighted(this.random, HOURS);
      const at = startOfBeijingDay(date).getTime() + (hour + this.random()) * HOUR_MS;
      if (at <= this.latest) return new Date(at);
    }
    return new Date(this.latest - this.random() * 6 * HOUR_MS);
  }

  /** Time to answer `questions` questions: about ten seconds each plus reading, varying by person. */
  duration(questions: number): number {
    return (60 + questions * 9) * Math.exp(normal(this.random) * 0.45) * 1000;
  }
}

/** Hours of the Beijing day, weighted: office hours, a lunch dip, a few in the evening. */
const HOURS: readonly (readonly [number, number])[] = [
  [8, 1], [9, 4], [10, 6], [11, 5], [12, 2], [13, 3], [14, 6], [15, 6], [16, 5], [17, 3], [18, 1], [19, 1], [20, 2], [21, 2], [22, 1],
];

/** Crockford's base32 in groups of four, as the answering service writes receipts (XXXX-XXXX-XXXX). */
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function receipt(random: Random): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += RECEIPT_ALPHABET[Math.floor(random() * 32)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** USCC or district code: the order raters are simulated in. */
export const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
