import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, InputNumber, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, fieldProblems, type FieldProblem } from '../../api/errors';
import { AdminOnly } from '../AdminOnly';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { useReportError } from '../useReportError';
import { fetchCalendarYears, resetCalendarYear, saveCalendarYear, type CalendarYearDto } from './caseApi';
import './cases.css';

export function Component() {
  return (
    <AdminOnly>
      <WorkingDayCalendarPage />
    </AdminOnly>
  );
}

const SOURCE_COLORS: Record<CalendarYearDto['source'], string> = { 'built-in': 'blue', office: 'gold', none: 'default' };

/** The holidays and 调休 working weekend days that case deadlines are counted on, year by year. */
function WorkingDayCalendarPage() {
  const { t } = useConsoleTranslation();
  const load = useCallback(() => fetchCalendarYears(), []);
  const years = useRemoteData(load);
  const [added, setAdded] = useState<number[]>([]);
  const [newYear, setNewYear] = useState<number | null>(dayjs().year() + 1);

  const known = new Set((years.data ?? []).map((entry) => entry.year));
  const entries: CalendarYearDto[] = [
    ...(years.data ?? []),
    ...added.filter((year) => !known.has(year)).map((year) => ({ year, source: 'none' as const, holidays: [], workdays: [] })),
  ].sort((a, b) => b.year - a.year);

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        actions={
          <Space.Compact>
            <InputNumber aria-label={t('calendar.addYear')} min={2000} max={2100} precision={0} value={newYear} onChange={setNewYear} />
            <Button icon={<PlusOutlined />} disabled={!newYear} onClick={() => newYear && setAdded((list) => [...list, newYear])}>
              {t('calendar.addYear')}
            </Button>
          </Space.Compact>
        }
      />
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      {years.error !== undefined && <LoadFailure error={years.error} onRetry={years.reload} />}
      {!years.data && years.error === undefined && <Skeleton active paragraph={{ rows: 8 }} />}
      {years.data && (
        <Space orientation="vertical" size="middle" className="console-block">
          {entries.map((entry) => (
            <CalendarYearCard key={entry.year} entry={entry} onChanged={years.reload} />
          ))}
        </Space>
      )}
    </>
  );
}

function CalendarYearCard({ entry, onChanged }: { entry: CalendarYearDto; onChanged: () => void }) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [holidays, setHolidays] = useState(entry.holidays);
  const [workdays, setWorkdays] = useState(entry.workdays);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setHolidays(entry.holidays);
    setWorkdays(entry.workdays);
    setProblems([]);
  }, [entry]);

  const changed = holidays.join() !== entry.holidays.join() || workdays.join() !== entry.workdays.join();

  const save = async () => {
    setBusy(true);
    setProblems([]);
    try {
      await saveCalendarYear(entry.year, { holidays, workdays });
      void message.success(t('calendar.saved', { year: entry.year }));
      onChanged();
    } catch (error) {
      const found = fieldProblems(error);
      if (error instanceof ApiError && found.length > 0) setProblems(found);
      else reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    setBusy(true);
    try {
      await resetCalendarYear(entry.year);
      void message.success(t('calendar.restored', { year: entry.year }));
      onChanged();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <Space wrap>
          <span>{t('calendar.year', { year: entry.year })}</span>
          <Tag color={SOURCE_COLORS[entry.source]}>{t(`calendar.sources.${entry.source}`)}</Tag>
        </Space>
      }
      className="console-calendar-year"
      data-year={entry.year}
    >
      <DateList title={t('calendar.holidays')} year={entry.year} dates={holidays} onChange={setHolidays} />
      <DateList title={t('calendar.workdays')} year={entry.year} dates={workdays} onChange={setWorkdays} />
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="console-case-refusal"
          title={
            <ul className="console-plain-list">
              {problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          }
        />
      )}
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" loading={busy} disabled={!changed} onClick={() => void save()}>
          {t('calendar.save')}
        </Button>
        {entry.source === 'office' && (
          <Popconfirm title={t('calendar.restoreConfirm', { year: entry.year })} onConfirm={() => void restore()}>
            <Button disabled={busy}>{t('calendar.restore')}</Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}

function DateList({ title, year, dates, onChange }: { title: string; year: number; dates: string[]; onChange: (dates: string[]) => void }) {
  const { t } = useConsoleTranslation();
  const add = (value: Dayjs | null) => {
    if (!value) return;
    const date = value.format('YYYY-MM-DD');
    if (!dates.includes(date)) onChange([...dates, date].sort());
  };
  return (
    <div className="console-calendar-list">
      <Typography.Text strong>{title}</Typography.Text>
      <div className="console-calendar-dates">
        {dates.length === 0 && <Typography.Text type="secondary">{t('calendar.none')}</Typography.Text>}
        {dates.map((date) => (
          <Tag key={date} closable closeIcon={<span aria-label={t('calendar.removeDate', { date })}>×</span>} onClose={() => onChange(dates.filter((d) => d !== date))}>
            {date}
          </Tag>
        ))}
      </div>
      <DatePicker
        value={null}
        placeholder={t('calendar.addDate')}
        aria-label={`${title}: ${t('calendar.addDate')}`}
        defaultPickerValue={dayjs(`${year}-01-01`)}
        onChange={add}
        style={{ marginBottom: 12 }}
      />
    </div>
  );
}
