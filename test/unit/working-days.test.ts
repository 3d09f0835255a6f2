import { isDeepStrictEqual } from 'node:util';

import { CHINA_HOLIDAY_YEARS } from '../../server/src/cases/china-holidays.js';
import {
  beijingDate,
  CalendarEntryError,
  calendarProblemMessage,
  endOfBeijingDay,
  startOfBeijingDay,
  WorkingDayCalendar,
  type CalendarProblem,
  type CalendarYear,
} from '../../server/src/cases/working-days.js';
import { randomInt, seededRandom } from '../../server/src/common/random.js';

const calendar = new WorkingDayCalendar(CHINA_HOLIDAY_YEARS);

/** An instant given as Beijing wall-clock time. */
function beijing(dateTime: string): Date {
  return new Date(`${dateTime}+08:00`);
}

function problemsOf(entries: CalendarYear[]): readonly CalendarProblem[] {
  try {
    new WorkingDayCalendar(entries);
  } catch (error) {
    if (error instanceof CalendarEntryError) return error.problems;
    throw error;
  }
  throw new Error('the calendar was accepted');
}

describe('Beijing dates', () => {
  it('turns an instant into its date in Beijing, eight hours ahead of UTC', () => {
    expect(beijingDate(new Date('2025-09-25T15:59:59.999Z'))).toBe('2025-09-25');
    expect(beijingDate(new Date('2025-09-25T16:00:00.000Z'))).toBe('2025-09-26');
  });

  it('gives the first and last instants of a Beijing day', () => {
    expect(startOfBeijingDay('2025-09-26').toISOString()).toBe('2025-09-25T16:00:00.000Z');
    expect(endOfBeijingDay('2025-09-26').toISOString()).toBe('2025-09-26T15:59:59.999Z');
  });

  it('refuses a date that is not written YYYY-MM-DD or does not exist', () => {
    expect(() => startOfBeijingDay('2025-9-26')).toThrow(RangeError);
    expect(() => endOfBeijingDay('2025-02-29')).toThrow(RangeError);
    expect(() => beijingDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2025-09-28', true], // Sunday, 调休 for 国庆
    ['2025-09-29', true], // plain Monday
    ['2025-10-01', false], // 国庆, Wednesday
    ['2025-10-04', false], // Saturday inside 国庆
    ['2025-10-11', true], // Saturday, 调休 for 国庆
    ['2024-02-09', true], // 除夕 2024 was only recommended as leave, not a day off
    ['2025-01-28', false], // 除夕 2025, a day off under the revised rules
  ])('%s is a working day: %s', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('refuses a badly written date', () => {
    expect(() => calendar.isWorkingDay('2025/09/28')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it('counts from the first working day after the day of receipt: Friday afternoon + 1 is the end of Monday', () => {
    // 2025-06-13 is a Friday; 06-14 and 06-15 are the weekend; Monday 06-16 is day 1.
    expect(calendar.addWorkingDays(beijing('2025-06-13T15:00'), 1)).toEqual(endOfBeijingDay('2025-06-16'));
    // Received a second after midnight on Monday: Monday still does not count, Tuesday is day 1.
    expect(calendar.addWorkingDays(beijing('2025-06-16T00:00:01'), 1)).toEqual(endOfBeijingDay('2025-06-17'));
  });

  it('does not count a 调休 working Sunday on which the case was received', () => {
    // Received Sunday 2025-09-28 (a working day): day 1 is Monday 09-29, day 2 Tuesday 09-30.
    expect(calendar.addWorkingDays(beijing('2025-09-28T10:00'), 2)).toEqual(endOfBeijingDay('2025-09-30'));
  });

  it('gives 15 working days across 国庆 2025, counting the working Sunday and Saturday', () => {
    // Received Friday 2025-09-26.
    //   09-27 Sat off · 09-28 Sun 调休 = 1 · 09-29 Mon = 2 · 09-30 Tue = 3
    //   10-01 … 10-08 国庆、中秋 off
    //   10-09 Thu = 4 · 10-10 Fri = 5 · 10-11 Sat 调休 = 6 · 10-12 Sun off
    //   10-13 … 10-17 Mon–Fri = 7 … 11 · 10-20 Mon = 12 · 10-21 = 13 · 10-22 = 14 · 10-23 Thu = 15
    const deadline = calendar.addWorkingDays(beijing('2025-09-26T14:30'), 15);
    expect(deadline).toEqual(endOfBeijingDay('2025-10-23'));
    expect(deadline.toISOString()).toBe('2025-10-23T15:59:59.999Z');
  });

  it('gives 15 working days across 春节 2026', () => {
    // Received Tuesday 2026-02-10.
    //   02-11 Wed = 1 · 02-12 Thu = 2 · 02-13 Fri = 3 · 02-14 Sat 调休 = 4
    //   02-15 Sun … 02-23 Mon 春节 off
    //   02-24 Tue = 5 · 02-25 = 6 · 02-26 = 7 · 02-27 Fri = 8 · 02-28 Sat 调休 = 9 · 03-01 Sun off
    //   03-02 Mon … 03-06 Fri = 10 … 14 · 03-09 Mon = 15
    expect(calendar.addWorkingDays(beijing('2026-02-10T09:00'), 15)).toEqual(endOfBeijingDay('2026-03-09'));
  });

  it('counts a 调休 Saturday as a working day', () => {
    // Received Thursday 2024-05-09: 05-10 Fri = 1, 05-11 Sat (调休 for 劳动节) = 2.
    expect(calendar.addWorkingDays(beijing('2024-05-09T11:00'), 2)).toEqual(endOfBeijingDay('2024-05-11'));
    // With 15: 05-13 … 05-17 = 3 … 7 · 05-20 … 05-24 = 8 … 12 · 05-27 = 13 · 05-28 = 14 · 05-29 Wed = 15
    // (plain Monday to Friday would give 05-30).
    expect(calendar.addWorkingDays(beijing('2024-05-09T11:00'), 15)).toEqual(endOfBeijingDay('2024-05-29'));
  });

  it('counts a case received on a holiday from the first working day after the holiday', () => {
    // Received Friday 2025-10-03, inside 国庆.
    //   10-09 Thu = 1 · 10-10 Fri = 2 · 10-11 Sat 调休 = 3 · 10-13 … 10-17 = 4 … 8
    //   10-20 … 10-24 = 9 … 13 · 10-27 Mon = 14 · 10-28 Tue = 15
    const deadline = calendar.addWorkingDays(beijing('2025-10-03T10:00'), 15);
    expect(deadline).toEqual(endOfBeijingDay('2025-10-28'));
    // The same as a case received on the last working day before the holiday, Tuesday 09-30.
    expect(calendar.addWorkingDays(beijing('2025-09-30T09:00'), 15)).toEqual(deadline);
  });

  it('takes the day of receipt in Beijing, not in UTC', () => {
    // 2025-09-25 20:00 UTC is 2025-09-26 04:00 in Beijing: the same deadline as the 国庆 case above,
    // where counting from the UTC date (Thursday 09-25) would make 09-26 day 1 and end on 10-22.
    expect(calendar.addWorkingDays(new Date('2025-09-25T20:00:00Z'), 15)).toEqual(endOfBeijingDay('2025-10-23'));
  });

  it('counts a year without an entry as plain Monday to Friday', () => {
    const only2026 = new WorkingDayCalendar(CHINA_HOLIDAY_YEARS.filter((entry) => entry.year === 2026));
    expect(only2026.knowsYear(2026)).toBe(true);
    expect(only2026.knowsYear(2027)).toBe(false);
    // Received Friday 2026-12-25: 12-28 … 12-31 Mon–Thu = 1 … 4 · 2027-01-01 Fri = 5 (元旦, but the calendar
    // does not know 2027) · 01-04 … 01-08 = 6 … 10 · 01-11 … 01-15 = 11 … 15.
    expect(only2026.addWorkingDays(beijing('2026-12-25T16:00'), 15)).toEqual(endOfBeijingDay('2027-01-15'));

    // With no entries at all, 国庆 2025 is ordinary: from Friday 09-26, 09-29 … 10-03 = 1 … 5,
    // 10-06 … 10-10 = 6 … 10, 10-13 … 10-17 = 11 … 15 (the real calendar gives 10-23).
    const plain = new WorkingDayCalendar([]);
    expect(plain.addWorkingDays(beijing('2025-09-26T14:30'), 15)).toEqual(endOfBeijingDay('2025-10-17'));
    expect(plain.isWorkingDay('2025-10-01')).toBe(true);
    expect(plain.isWorkingDay('2025-09-28')).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %p working days', (n) => {
    expect(() => calendar.addWorkingDays(beijing('2025-09-26T14:30'), n)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  const received = beijing('2025-09-26T14:30');
  const deadline = endOfBeijingDay('2025-10-23');

  it('agrees with addWorkingDays, and is negative the other way round', () => {
    expect(calendar.workingDaysBetween(received, deadline)).toBe(15);
    expect(calendar.workingDaysBetween(deadline, received)).toBe(-15);
  });

  it('counts days, not hours: the same day is 0, and a holiday run adds nothing', () => {
    expect(calendar.workingDaysBetween(beijing('2025-09-26T00:00'), beijing('2025-09-26T23:59'))).toBe(0);
    expect(calendar.workingDaysBetween(beijing('2025-09-30T09:00'), beijing('2025-10-08T18:00'))).toBe(0);
    expect(calendar.workingDaysBetween(beijing('2025-09-30T09:00'), beijing('2025-10-09T08:00'))).toBe(1);
  });

  it('counts working days overdue from a deadline to a later cutoff', () => {
    // Due at the end of Thursday 10-23; at Monday 10-27 09:00, Friday 10-24 and Monday 10-27 have begun.
    expect(calendar.workingDaysBetween(deadline, beijing('2025-10-27T09:00'))).toBe(2);
  });

  it.each([
    // Weekdays in the year, less the holidays on weekdays, plus the 调休 weekend days:
    [2024, 251], // 366 days from a Monday: 262 weekdays − 19 + 8
    [2025, 248], // 365 days from a Wednesday: 261 weekdays − 18 + 5
    [2026, 248], // 365 days from a Thursday: 261 weekdays − 19 + 6
  ])('%i has %i working days', (year, expected) => {
    expect(calendar.workingDaysBetween(beijing(`${year - 1}-12-31T12:00`), beijing(`${year}-12-31T12:00`))).toBe(expected);
  });
});

describe('the built-in calendar', () => {
  it('knows 2024 to 2026', () => {
    expect([2024, 2025, 2026].map((year) => calendar.knowsYear(year))).toEqual([true, true, true]);
  });
});

describe('random start dates', () => {
  it('always ends on a working day exactly n working days later', () => {
    const random = seededRandom(20251001);
    // From December 2023 to January 2027, so that some deadlines fall in years without an entry.
    const first = beijing('2023-12-01T00:00').getTime();
    const last = beijing('2027-01-31T00:00').getTime();
    const mistakes: object[] = [];
    for (let i = 0; i < 2000; i++) {
      const start = new Date(first + Math.floor(random() * (last - first)));
      const n = randomInt(random, 1, 40);
      const deadline = calendar.addWorkingDays(start, n);
      const deadlineDate = beijingDate(deadline);
      const dayBefore = new Date(deadline.getTime() - 24 * 60 * 60 * 1000);
      const found = {
        working: calendar.isWorkingDay(deadlineDate),
        endOfDay: deadline.getTime() === endOfBeijingDay(deadlineDate).getTime(),
        between: calendar.workingDaysBetween(start, deadline),
        // No earlier day reaches n.
        betweenDayBefore: calendar.workingDaysBetween(start, dayBefore),
      };
      const wanted = { working: true, endOfDay: true, between: n, betweenDayBefore: n - 1 };
      if (!isDeepStrictEqual(found, wanted)) mistakes.push({ start: start.toISOString(), n, deadline: deadlineDate, found });
    }
    expect(mistakes).toEqual([]);
  });
});

describe('validation of calendar entries', () => {
  const sound: CalendarYear = { year: 2025, holidays: ['2025-10-01'], workdays: ['2025-09-28'] };

  it('accepts a sound entry', () => {
    expect(new WorkingDayCalendar([sound]).knowsYear(2025)).toBe(true);
  });

  it.each<[string, CalendarYear, CalendarProblem[]]>([
    [
      'a date not written YYYY-MM-DD',
      { ...sound, holidays: ['2025-10-1', '01/10/2025'] },
      [{ reason: 'format', year: 2025, date: '2025-10-1' }, { reason: 'format', year: 2025, date: '01/10/2025' }],
    ],
    ['a date that does not exist', { ...sound, workdays: ['2025-02-29'] }, [{ reason: 'format', year: 2025, date: '2025-02-29' }]],
    // 2026-01-01 is a Thursday, so only the year is wrong.
    ['a date outside its year', { ...sound, holidays: ['2026-01-01'] }, [{ reason: 'outside-year', year: 2025, date: '2026-01-01' }]],
    // Sunday 09-28 in both lists is reported once, not also as a holiday on a weekend.
    [
      'a date both holiday and workday',
      { ...sound, holidays: ['2025-10-01', '2025-09-28'] },
      [{ reason: 'holiday-and-workday', year: 2025, date: '2025-09-28' }],
    ],
    ['a holiday on a weekend', { ...sound, holidays: ['2025-10-04'] }, [{ reason: 'holiday-on-weekend', year: 2025, date: '2025-10-04' }]],
    ['a workday on a weekday', { ...sound, workdays: ['2025-09-29'] }, [{ reason: 'workday-on-weekday', year: 2025, date: '2025-09-29' }]],
    ['a year that is not a whole number', { ...sound, year: 2025.5 }, [{ reason: 'year', year: 2025.5 }]],
    ['a year of more than four digits', { ...sound, year: 20250 }, [{ reason: 'year', year: 20250 }]],
  ])('rejects %s', (_label, entry, expected) => {
    expect(problemsOf([entry])).toEqual(expected);
  });

  it('rejects two entries for one year', () => {
    expect(problemsOf([sound, { year: 2025, holidays: [], workdays: [] }])).toEqual([{ reason: 'duplicate-year', year: 2025 }]);
  });

  it('lists every problem of every entry in one error, with its message in both languages', () => {
    const entries = [
      { year: 2024, holidays: ['2024-10-05'], workdays: [] },
      { year: 2025, holidays: [], workdays: ['2025-10-08'] },
    ];
    expect(() => new WorkingDayCalendar(entries)).toThrow(
      'Invalid working-day calendar: 2024: 2024-10-05 is a weekend day, already a day off; list only holidays that fall on weekdays; '
        + '2025: 2025-10-08 is a weekday; only a Saturday or Sunday can be made a working day',
    );
    expect(calendarProblemMessage({ reason: 'workday-on-weekday', year: 2025, date: '2025-10-08' }).zh).toBe(
      '2025 年：2025-10-08 是工作日，调休上班日只能是周六或周日',
    );
  });
});
