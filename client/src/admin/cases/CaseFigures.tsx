import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { currentLanguage } from '../../i18n';
import { formatPercent } from '../../shared/format';
import { DownloadButton } from '../DownloadButton';
import { LoadFailure } from '../LoadFailure';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { downloadCases, fetchCaseFigures, type CasePeriod, type UnitCaseFiguresDto } from './caseApi';
import { percentOrDash, unitName } from './caseFormat';

// chart.js comes with the chart alone, as on the progress tab.
const CaseFiguresChart = lazy(() => import('./CaseFiguresChart').then((module) => ({ default: module.CaseFiguresChart })));

type RateKey = 'closureRate' | 'onTimeRate' | 'rectificationRate' | 'satisfactionRate' | 'dissatisfactionRate';
type CountKey = 'acceptedInPeriod' | 'carriedOver' | 'closedInPeriod' | 'closedOnTime' | 'rectificationApplies' | 'rectified' | 'rated' | 'overdueAtCutoff';

const COLUMNS: readonly (RateKey | CountKey)[] = [
  'closureRate',
  'onTimeRate',
  'acceptedInPeriod',
  'carriedOver',
  'closedInPeriod',
  'closedOnTime',
  'rectificationApplies',
  'rectified',
  'rectificationRate',
  'rated',
  'satisfactionRate',
  'dissatisfactionRate',
  'overdueAtCutoff',
];
const RATES: readonly string[] = ['closureRate', 'onTimeRate', 'rectificationRate', 'satisfactionRate', 'dissatisfactionRate'];

/** 结案率, on-time share, 整改率 and satisfaction per department and district for a period. */
export function CaseFigures({ campaignId }: { campaignId: string }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const period = useMemo((): CasePeriod => {
    const [from, to] = range ?? [null, null];
    return { ...(from ? { from: from.format('YYYY-MM-DD') } : {}), ...(to ? { to: to.format('YYYY-MM-DD') } : {}) };
  }, [range]);
  const load = useCallback(() => fetchCaseFigures(campaignId, period), [campaignId, period]);
  const figures = useRemoteData(load);
  const data = figures.data;
  const percent = (share: number) => formatPercent(share, language);
  const rows = useMemo(() => (data?.units ?? []).map((line) => ({ label: unitName(line.unit), closureRate: line.closureRate, onTimeRate: line.onTimeRate })), [data, language]);

  const columns: TableColumnsType<UnitCaseFiguresDto> = [
    { key: 'unit', title: t('cases.figures.columns.unit'), fixed: 'start', render: (_, line) => unitName(line.unit) },
    ...COLUMNS.map((key) => ({
      key,
      title: t(`cases.figures.columns.${key}`),
      align: 'right' as const,
      sorter: (a: UnitCaseFiguresDto, b: UnitCaseFiguresDto) => (a[key] ?? -1) - (b[key] ?? -1),
      render: (_: unknown, line: UnitCaseFiguresDto) => (RATES.includes(key) ? percentOrDash(line[key as RateKey], percent) : line[key as CountKey]),
    })),
  ];

  return (
    <>
      <div className="console-toolbar">
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={range ?? (data ? [dayjs(data.from), dayjs(data.to)] : null)}
          onChange={(next) => setRange(next ? [next[0], next[1]] : null)}
          aria-label={t('cases.figures.period')}
        />
        <Button icon={<ReloadOutlined />} loading={figures.loading} onClick={figures.reload}>
          {t('refresh')}
        </Button>
        <DownloadButton icon={<FileExcelOutlined />} download={() => downloadCases(campaignId, period)}>
          {t('cases.export')}
        </DownloadButton>
        {data && (
          <Typography.Text type="secondary">
            {data.from} – {data.to}
          </Typography.Text>
        )}
      </div>
      {figures.error !== undefined && <LoadFailure error={figures.error} onRetry={figures.reload} />}
      {!data && figures.error === undefined && <Skeleton active paragraph={{ rows: 6 }} />}
      {data &&
        (data.units.length === 0 ? (
          <Empty description={t('cases.figures.empty')} />
        ) : (
          <>
            <Suspense fallback={<Skeleton active title={false} paragraph={{ rows: 4 }} />}>
              <CaseFiguresChart rows={rows} description={t('cases.figures.chartDescription')} />
            </Suspense>
            <Table<UnitCaseFiguresDto>
              rowKey={(line) => `${line.unit.kind}:${line.unit.code}`}
              size="small"
              columns={columns}
              dataSource={data.units}
              pagination={false}
              scroll={{ x: 'max-content' }}
              className="console-case-figures-table"
            />
          </>
        ))}
    </>
  );
}
