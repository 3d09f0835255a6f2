import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { localName } from '../../BilingualName';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import { criterionLabel } from '../resultLabels';
import { DASH, formatScore } from '../ranking/rankingFormat';
import { STICKY_HEADER, targetPath } from '../ranking/TargetRankingTables';
import type { EvaluationResultDto, TargetResultDto } from '../useResults';

/** A pale background from red (0) through yellow to green (100), for a criterion mean. */
export function heatColor(score: number): string {
  const hue = Math.round((Math.min(100, Math.max(0, score)) / 100) * 120);
  return `hsl(${hue} 70% 86%)`;
}

/**
 * The criterion means of every target of an evaluation side by side, coloured by value: a
 * table reads better than grouped bars once there are more than a few targets.
 */
export function CriteriaHeatmap({ campaignId, evaluation }: { campaignId: string; evaluation: EvaluationResultDto }) {
  const { t } = useConsoleTranslation();
  const rows = [...evaluation.targets].sort((a, b) => (b.shrunkScore ?? -1) - (a.shrunkScore ?? -1));
  const hidden = rows.some((row) => Object.keys(row.criteria).length === 0);

  const columns: TableColumnsType<TargetResultDto> = [
    {
      key: 'name',
      title: t('results.columns.name'),
      render: (_, row) => <Link to={targetPath(campaignId, evaluation.kind, row.code)}>{localName(row.nameZh, row.nameEn)}</Link>,
    },
    ...evaluation.criteria.map((criterion) => ({
      key: criterion,
      title: criterionLabel(criterion),
      align: 'right' as const,
      onCell: (row: TargetResultDto) => {
        const value = row.criteria[criterion];
        return typeof value === 'number' ? { style: { background: heatColor(value) } } : {};
      },
      render: (_: unknown, row: TargetResultDto) => {
        const value = row.criteria[criterion];
        return typeof value === 'number' ? formatScore(value) : DASH;
      },
    })),
    { key: 'shrunkScore', title: t('results.columns.shrunkScore'), align: 'right', render: (_, row) => formatScore(row.shrunkScore) },
  ];

  return (
    <>
      <Table<TargetResultDto>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        sticky={STICKY_HEADER}
        scroll={{ x: 'max-content' }}
        className="results-table results-heatmap"
      />
      {hidden && (
        <Typography.Paragraph type="secondary" className="results-note">
          {t('results.charts.criteriaHidden')}
        </Typography.Paragraph>
      )}
    </>
  );
}
