import { Table, Typography, type TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { localName } from '../../BilingualName';
import { CONSOLE_HOME } from '../../session';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import type { EvaluationResultDto, TargetResultDto } from '../useResults';
import { AwardBadge, FlagTags } from './FlagTags';
import { byCategory, byRankThenScore, formatRank, formatRate, formatRateWithInterval, formatScore, formatScoreRange } from './rankingFormat';

/** Under the console's sticky header. */
export const STICKY_HEADER = { offsetHeader: 56 };

export function targetPath(campaignId: string, kind: string, code: string): string {
  return `${CONSOLE_HOME}/campaigns/${campaignId}/results/${kind}/${encodeURIComponent(code)}`;
}

interface RankedUnit {
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number | null;
  rankInterval: number[] | null;
}

/** The first two columns of a ranking: the rank with its interval, and the unit's name linking to its page. */
export function rankAndNameColumns<T extends RankedUnit>(t: TFunction<'console'>, linkOf: (row: T) => string, badge: (row: T) => ReactNode): TableColumnsType<T> {
  return [
    { key: 'rank', title: t('results.columns.rank'), className: 'console-nowrap', render: (_, row) => formatRank(row.rank, row.rankInterval) },
    {
      key: 'name',
      title: t('results.columns.name'),
      render: (_, row) => (
        <div className="results-name">
          <Link to={linkOf(row)}>{localName(row.nameZh, row.nameEn)}</Link>
          <Typography.Text type="secondary" className="results-name__code">
            {row.code}
          </Typography.Text>
          {badge(row)}
        </div>
      ),
    },
  ];
}

/** One evaluation's targets, a table per category, ranked units first. */
export function TargetRankingTables({ campaignId, evaluation }: { campaignId: string; evaluation: EvaluationResultDto }) {
  const { t } = useConsoleTranslation();
  const compare = byRankThenScore<TargetResultDto>((row) => row.rank, (row) => row.shrunkScore);
  const numeric = (key: 'score' | 'shrunkScore' | 'n' | 'coverage') => (a: TargetResultDto, b: TargetResultDto) => (a[key] ?? -1) - (b[key] ?? -1);

  const columns: TableColumnsType<TargetResultDto> = [
    ...rankAndNameColumns<TargetResultDto>(t, (row) => targetPath(campaignId, evaluation.kind, row.code), (row) => row.awarded && <AwardBadge />),
    { key: 'score', title: t('results.columns.score'), align: 'right', sorter: numeric('score'), render: (_, row) => formatScore(row.score) },
    {
      key: 'shrunkScore',
      title: t('results.columns.shrunkScoreWithInterval'),
      align: 'right',
      className: 'console-nowrap',
      sorter: numeric('shrunkScore'),
      render: (_, row) => (
        <>
          {formatScore(row.shrunkScore)}
          {/* Results computed before S* had an interval lack the field. */}
          {row.shrunkScore !== null && row.shrunkScoreInterval && (
            <Typography.Text type="secondary" className="results-interval">
              {` (${formatScoreRange(row.shrunkScoreInterval)})`}
            </Typography.Text>
          )}
        </>
      ),
    },
    { key: 'n', title: t('results.columns.n'), align: 'right', sorter: numeric('n'), render: (_, row) => row.n },
    { key: 'coverage', title: t('results.columns.coverage'), align: 'right', sorter: numeric('coverage'), render: (_, row) => formatRate(row.coverage) },
    {
      key: 'satisfaction',
      title: t('results.columns.satisfaction'),
      align: 'right',
      className: 'console-nowrap',
      render: (_, row) => formatRateWithInterval(row.satisfactionRate, row.satisfactionCi),
    },
    { key: 'flags', title: t('results.columns.flags'), render: (_, row) => <FlagTags flags={row.flags} /> },
  ];

  if (evaluation.targets.length === 0) return <Typography.Paragraph type="secondary">{t('results.noTargets')}</Typography.Paragraph>;
  return (
    <>
      {byCategory(evaluation.targets).map(([category, targets]) => (
        <section key={category} className="results-category">
          <Typography.Title level={5} className="results-category__title">
            {category}
            <Typography.Text type="secondary" className="results-category__count">
              {t('results.units', { count: targets.length })}
            </Typography.Text>
          </Typography.Title>
          <Table<TargetResultDto>
            rowKey="code"
            size="small"
            columns={columns}
            dataSource={[...targets].sort(compare)}
            pagination={false}
            sticky={STICKY_HEADER}
            scroll={{ x: 'max-content' }}
            className="results-table results-ranking-table"
          />
        </section>
      ))}
    </>
  );
}
