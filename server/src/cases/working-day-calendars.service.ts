import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, ErrorCode, type FieldError } from '../common/errors.js';
import { describeMutation } from '../common/request-context.js';
import { CHINA_HOLIDAY_YEARS } from './china-holidays.js';
import type { CalendarYearDto, CalendarYearInputDto } from './dto/case.dto.js';
import { calendarProblemMessage, validateCalendarYear, WorkingDayCalendar, type CalendarYear } from './working-days.js';

/**
 * The working-day calendar deadlines are counted on: the State Council's arrangement built in for
 * the years it is known, and the office's own version of any year (a late notice, a local change),
 * which replaces the built-in one.
 */
@Injectable()
export class WorkingDayCalendarsService {
  constructor(private readonly dataSource: DataSource) {}

  async calendar(manager: EntityManager = this.dataSource.manager): Promise<WorkingDayCalendar> {
    return new WorkingDayCalendar(await this.years(manager));
  }

  /** Every year with a calendar, built in or the office's, and the next year, which may still have none. */
  async list(): Promise<CalendarYearDto[]> {
    const edited = new Map((await this.edited(this.dataSource.manager)).map((y) => [y.year, y]));
    const builtIn = new Map(CHINA_HOLIDAY_YEARS.map((y) => [y.year, y]));
    const thisYear = new Date().getFullYear();
    const years = [...new Set([...edited.keys(), ...builtIn.keys(), thisYear, thisYear + 1])].sort((a, b) => a - b);
    return years.map((year) => {
      const entry = edited.get(year) ?? builtIn.get(year);
      return {
        year,
        source: edited.has(year) ? 'office' : builtIn.has(year) ? 'built-in' : 'none',
        holidays: [...(entry?.holidays ?? [])],
        workdays: [...(entry?.workdays ?? [])],
      };
    });
  }

  async save(year: number, input: CalendarYearInputDto): Promise<CalendarYearDto> {
    if (year < 2000 || year > 2100) {
      const messages = { zh: '年份须在 2000 至 2100 之间。', en: 'The year must be between 2000 and 2100.' };
      throw new AppError(ErrorCode.ValidationFailed, { errors: [{ field: 'year', message: messages.en, messages }] });
    }
    const entry: CalendarYear = { year, holidays: [...new Set(input.holidays)].sort(), workdays: [...new Set(input.workdays)].sort() };
    const problems = validateCalendarYear(entry);
    if (problems.length > 0) {
      const errors: FieldError[] = problems.map((p) => {
        const messages = calendarProblemMessage(p);
        return { field: p.date ? (entry.holidays.includes(p.date) ? 'holidays' : 'workdays') : 'year', message: messages.en, messages };
      });
      throw new AppError(ErrorCode.ValidationFailed, { errors });
    }
    const before = (await this.list()).find((y) => y.year === year) ?? null;
    await this.dataSource.query(
      `INSERT INTO working_day_calendars (year, holidays, workdays) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET holidays = EXCLUDED.holidays, workdays = EXCLUDED.workdays, updated_at = now()`,
      [year, entry.holidays, entry.workdays],
    );
    const after = (await this.list()).find((y) => y.year === year)!;
    describeMutation({ entity: 'working-day-calendar', entityId: String(year), before: before ? { ...before } : null, after: { ...after } });
    return after;
  }

  /** Back to the built-in arrangement (or plain Monday to Friday where there is none). */
  async reset(year: number): Promise<CalendarYearDto> {
    const deleted = await this.dataSource.query('DELETE FROM working_day_calendars WHERE year = $1 RETURNING year', [year]);
    if (deleted[0].length === 0) throw new AppError(ErrorCode.NotFound);
    const after = (await this.list()).find((y) => y.year === year)!;
    describeMutation({ entity: 'working-day-calendar', entityId: String(year), before: null, after: { ...after } });
    return after;
  }

  private async years(manager: EntityManager): Promise<CalendarYear[]> {
    const edited = await this.edited(manager);
    const editedYears = new Set(edited.map((y) => y.year));
    return [...CHINA_HOLIDAY_YEARS.filter((y) => !editedYears.has(y.year)), ...edited];
  }

  private edited(manager: EntityManager): Promise<CalendarYear[]> {
    return manager.query('SELECT year, holidays, workdays FROM working_day_calendars ORDER BY year');
  }
}
