import type { LocalisedText } from '../common/errors.js';

/**
 * Case deadlines count working days on China's official calendar: Monday to Friday, less the public
 * holidays that fall on weekdays, plus the weekend days made working days to pay for them (调休).
 * The State Council publishes each year's arrangement only late in the year before, so the calendar is
 * data, one entry per year; a year without an entry falls back to plain Monday to Friday.
 *
 * Every date here is a calendar date in China, written 'YYYY-MM-DD'. China keeps UTC+8 all year
 * (no daylight saving), so the Beijing day of an instant is a fixed offset away.
 */

/** One year's departures from Monday to Friday. */
export interface CalendarYear {
  year: number;
  /** Days off that would otherwise be working days: the holidays that fall Monday to Friday. */
  holidays: readonly string[];
  /** 调休: Saturdays and Sundays that are working days. */
  workdays: readonly string[];
}

export type CalendarProblemReason =
  | 'year'
  | 'duplicate-year'
  | 'format'
  | 'outside-year'
  | 'holiday-and-workday'
  | 'holiday-on-weekend'
  | 'workday-on-weekday';

export interface CalendarProblem {
  reason: CalendarProblemReason;
  year: number;
  /** The date at fault, as written, for every reason but 'year' and 'duplicate-year'. */
  date?: string;
}

export class CalendarEntryError extends Error {
  constructor(readonly problems: readonly CalendarProblem[]) {
    super(`Invalid working-day calendar: ${problems.map((problem) => calendarProblemMessage(problem).en).join('; ')}`);
    this.name = 'CalendarEntryError';
  }
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Beijing calendar date of an instant. */
export function beijingDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('beijingDate: invalid Date');
  return dateOfDayNumber(Math.floor((time + BEIJING_OFFSET_MS) / DAY_MS));
}

/** 00:00:00.000 in Beijing on that date. */
export function startOfBeijingDay(date: string): Date {
  return new Date(dayNumberOf(date) * DAY_MS - BEIJING_OFFSET_MS);
}

/** 23:59:59.999 in Beijing on that date: something done at or before this instant was done that day. */
export function endOfBeijingDay(date: string): Date {
  return new Date((dayNumberOf(date) + 1) * DAY_MS - BEIJING_OFFSET_MS - 1);
}

/** The problems of one year's entry; an empty list when it is sound. */
export function validateCalendarYear(entry: CalendarYear): CalendarProblem[] {
  const { year } = entry;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return [{ reason: 'year', year }];
  const problems: CalendarProblem[] = [];
  // A date in both lists is reported once, as that, rather than also as a weekday or weekend mistake.
  const holidays = new Set(entry.holidays);
  const inBoth = new Set(entry.workdays.filter((date) => holidays.has(date)));
  const checkDates = (dates: readonly string[], wantWeekend: boolean) => {
    for (const date of dates) {
      const dayNumber = parseDayNumber(date);
      if (dayNumber === undefined) problems.push({ reason: 'format', year, date });
      else if (Number(date.slice(0, 4)) !== year) problems.push({ reason: 'outside-year', year, date });
      else if (!inBoth.has(date) && isWeekend(dayNumber) !== wantWeekend) {
        problems.push({ reason: wantWeekend ? 'workday-on-weekday' : 'holiday-on-weekend', year, date });
      }
    }
  };
  checkDates(entry.holidays, false);
  checkDates(entry.workdays, true);
  for (const date of inBoth) problems.push({ reason: 'holiday-and-workday', year, date });
  return problems;
}

const PROBLEM_MESSAGES: Record<CalendarProblemReason, (problem: CalendarProblem) => LocalisedText> = {
  year: ({ year }) => ({ zh: `年份 ${year} 无效`, en: `${year} is not a valid year` }),
  'duplicate-year': ({ year }) => ({ zh: `${year} 年的日历重复`, en: `the calendar has two entries for ${year}` }),
  format: ({ year, date }) => ({
    zh: `${year} 年：“${date}”不是有效日期（格式应为 YYYY-MM-DD）`,
    en: `${year}: "${date}" is not a valid date written YYYY-MM-DD`,
  }),
  'outside-year': ({ year, date }) => ({ zh: `${year} 年：${date} 不在该年内`, en: `${year}: ${date} is not in that year` }),
  'holiday-and-workday': ({ year, date }) => ({
    zh: `${year} 年：${date} 不能既是放假日又是调休上班日`,
    en: `${year}: ${date} cannot be both a holiday and a working day`,
  }),
  'holiday-on-weekend': ({ year, date }) => ({
    zh: `${year} 年：${date} 是周末，本来就休息，无需列为放假日`,
    en: `${year}: ${date} is a weekend day, already a day off; list only holidays that fall on weekdays`,
  }),
  'workday-on-weekday': ({ year, date }) => ({
    zh: `${year} 年：${date} 是工作日，调休上班日只能是周六或周日`,
    en: `${year}: ${date} is a weekday; only a Saturday or Sunday can be made a working day`,
  }),
};

export function calendarProblemMessage(problem: CalendarProblem): LocalisedText {
  return PROBLEM_MESSAGES[problem.reason](problem);
}

export class WorkingDayCalendar {
  private readonly years = new Map<number, { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> }>();

  /** Throws CalendarEntryError listing every problem of every entry. */
  constructor(entries: readonly CalendarYear[]) {
    const problems: CalendarProblem[] = [];
    const seen = new Set<number>();
    for (const entry of entries) {
      if (seen.has(entry.year)) problems.push({ reason: 'duplicate-year', year: entry.year });
      seen.add(entry.year);
      const entryProblems = validateCalendarYear(entry);
      problems.push(...entryProblems);
      if (entryProblems.length === 0) {
        this.years.set(entry.year, { holidays: new Set(entry.holidays), workdays: new Set(entry.workdays) });
      }
    }
    if (problems.length > 0) throw new CalendarEntryError(problems);
  }

  /** False when the year has no entry and is counted as plain Monday to Friday; callers should warn. */
  knowsYear(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumberOf(date));
  }

  /**
   * The deadline of something received at `from` with `n` working days to answer: the end (23:59:59.999,
   * Beijing time) of the n-th working day after the Beijing date of `from`. The day of receipt never
   * counts, whatever the hour and whether or not it is a working day; day 1 is the first working day after
   * it. So a case received on a Friday afternoon with n = 1 is due at the end of Monday when Monday is a
   * working day, and one received during a holiday counts from the first working day after the holiday.
   */
  addWorkingDays(from: Date, n: number): Date {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`addWorkingDays: n must be a whole number of at least 1, not ${n}`);
    let dayNumber = dayNumberOf(beijingDate(from));
    for (let counted = 0; counted < n; ) {
      dayNumber += 1;
      if (this.isWorkingDayNumber(dayNumber)) counted += 1;
    }
    return endOfBeijingDay(dateOfDayNumber(dayNumber));
  }

  /**
   * The working days after the Beijing date of `a` up to and including the Beijing date of `b`, negative
   * when b's date is before a's. For a deadline from addWorkingDays(a, n) this is n; between a deadline and
   * a later cutoff it is the number of working days overdue.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const first = dayNumberOf(beijingDate(a));
    const last = dayNumberOf(beijingDate(b));
    if (last < first) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let dayNumber = first + 1; dayNumber <= last; dayNumber++) {
      if (this.isWorkingDayNumber(dayNumber)) count += 1;
    }
    return count;
  }

  private isWorkingDayNumber(dayNumber: number): boolean {
    const date = dateOfDayNumber(dayNumber);
    const entry = this.years.get(Number(date.slice(0, 4)));
    if (entry?.holidays.has(date)) return false;
    if (entry?.workdays.has(date)) return true;
    return !isWeekend(dayNumber);
  }
}

/** Days since 1970-01-01, or undefined unless the text is a real date written YYYY-MM-DD. */
function parseDayNumber(date: string): number | undefined {
  const match = DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2025-02-30 over into March; a real date survives the round trip.
  return dateOfDayNumber(time / DAY_MS) === date ? time / DAY_MS : undefined;
}

function dayNumberOf(date: string): number {
  const dayNumber = parseDayNumber(date);
  if (dayNumber === undefined) throw new RangeError(`"${date}" is not a date written YYYY-MM-DD`);
  return dayNumber;
}

function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
}
