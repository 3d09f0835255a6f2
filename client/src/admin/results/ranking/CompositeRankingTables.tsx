import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import type { CategoryResultDto, CompositeResultDto, RatingKind, ResultsDto, UnitType } from '../useResults';
import { AwardBadge, FlagTags } from './FlagTags';
import { byCategory, byRankThenScore, DASH, formatRange, formatRate, formatScore } from './rankingFormat';
import { rankAndNameColumns, STICKY_HEADER, targetPath } from './TargetRankingTables';

type Component = keyof CompositeResultDto['components'];

/** The parts of each unit type's composite (SCORING.md §3). */
export const COMPONENTS: Record<UnitType, readonly Component[]> = {
  department: ['enterprises', 'districts', 'inspection'],
  district: ['enterprises', 'objective'],
};

export const UNIT_TYPES: readonly UnitType[] = ['department', 'district'];

/** The enterprises' evaluation of a unit type: where a unit's detail page shows its ratings. */
export const ENTERPRISE_EVALUATION: Record<UnitType, RatingKind> = {
  department: 'enterprise-rates-departments',
  district: 'enterprise-rates-districts',
};

/** The composite of each unit type, a table per category with its quota. */
export function CompositeRankingTables({ campaignId, results }: { campaignId: string; results: ResultsDto }) {
  const { t } = useConsoleTranslation();
  const present = UNIT_TYPES.filter((type) => results.composite.some((unit) => unit.unitType === type));
  if (present.length === 0) return <Typography.Paragraph type="secondary">{t('results.noTargets')}</Typography.Paragraph>;
  return (
    <>
      {present.map((type) => (
        <section key={type} className="results-unit-type">
          <Typography.Title level={4} className="results-unit-type__title">
            {t(`results.composite.titles.${type}`)}
          </Typography.Title>
          {byCategory(results.composite.filter((unit) => unit.unitType === type)).map(([category, units]) => (
            <CategoryTable
              key={category}
              campaignId={campaignId}
              type={type}
              category={category}
              units={units}
              quota={results.categories.find((line) => line.unitType === type && line.category === category)}
            />
          ))}
        </section>
      ))}
    </>
  );
}

interface CategoryTableProps {
  campaignId: string;
  type: UnitType;
  category: string;
  units: CompositeResultDto[];
  quota: CategoryResultDto | undefined;
}

function CategoryTable({ campaignId, type, category, units, quota }: CategoryTableProps) {
  const { t } = useConsoleTranslation();
  const columns: TableColumnsType<CompositeResultDto> = [
    ...rankAndNameColumns<CompositeResultDto>(
      t,
      (unit) => targetPath(campaignId, ENTERPRISE_EVALUATION[type], unit.code),
      (unit) => unit.inQuota && <AwardBadge label={t('results.inQuota')} />,
    ),
    ...COMPONENTS[type].map((component) => ({
      key: component,
      title: t(`results.composite.components.${component}`),
      align: 'right' as const,
      render: (_: unknown, unit: CompositeResultDto) => (
        <div className="results-component">
          <span>{formatScore(unit.components[component])}</span>
          {unit.components[component] !== null && (
            <Typography.Text type="secondary" className="results-component__weight">
              {t('results.composite.weight', { weight: formatRate(unit.weights[component]) })}
            </Typography.Text>
          )}
        </div>
      ),
    })),
    ...(type === 'department'
      ? [{ key: 'deduction', title: t('results.columns.deduction'), align: 'right' as const, render: (_: unknown, unit: CompositeResultDto) => (unit.deduction > 0 ? `−${unit.deduction}` : '0') }]
      : []),
    {
      key: 'composite',
      title: t('results.columns.composite'),
      align: 'right',
      sorter: (a, b) => (a.composite ?? -1) - (b.composite ?? -1),
      render: (_, unit) => <Typography.Text strong>{formatScore(unit.composite)}</Typography.Text>,
    },
    { key: 'pInQuota', title: t('results.columns.pInQuota'), align: 'right', render: (_, unit) => formatRate(unit.pInQuota) },
    { key: 'sensitivity', title: t('results.columns.sensitivity'), align: 'right', render: (_, unit) => formatRange(unit.sensitivity.rankRange) },
    {
      key: 'eligible',
      title: t('results.columns.eligible'),
      render: (_, unit) =>
        unit.vetoReason !== null ? (
          <div>
            <Tag color="error">{t('results.composite.vetoed')}</Tag>
            <Typography.Text type="secondary" className="results-veto">
              {unit.vetoReason}
            </Typography.Text>
          </div>
        ) : (
          <Tag color={unit.eligible ? 'success' : 'default'}>{t(unit.eligible ? 'results.composite.eligible' : 'results.composite.notEligible')}</Tag>
        ),
    },
    { key: 'flags', title: t('results.columns.flags'), render: (_, unit) => <FlagTags flags={unit.flags} /> },
  ];

  return (
    <section className="results-category">
      <Typography.Title level={5} className="results-category__title">
        {category}
        <Typography.Text type="secondary" className="results-category__count">
          {quota ? t('results.composite.quota', { eligible: quota.eligible, quota: quota.quota }) : DASH}
        </Typography.Text>
      </Typography.Title>
      <Table<CompositeResultDto>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={[...units].sort(byRankThenScore((unit) => unit.rank, (unit) => unit.composite))}
        pagination={false}
        sticky={STICKY_HEADER}
        scroll={{ x: 'max-content' }}
        className="results-table results-composite-table"
      />
    </section>
  );
}
