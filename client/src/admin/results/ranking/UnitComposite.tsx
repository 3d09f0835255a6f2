import { Descriptions, type DescriptionsProps } from 'antd';
import { useConsoleTranslation } from '../../useConsoleTranslation';
import type { CompositeResultDto } from '../useResults';
import { COMPONENTS } from './CompositeRankingTables';
import { FlagList } from './FlagTags';
import { formatRange, formatRank, formatRate, formatScore } from './rankingFormat';

/** A unit's composite: the score and its rank, the parts it is made of with their weights, eligibility and notes. */
export function UnitComposite({ unit }: { unit: CompositeResultDto }) {
  const { t } = useConsoleTranslation();
  const items: DescriptionsProps['items'] = [
    { key: 'composite', label: t('results.columns.composite'), children: formatScore(unit.composite) },
    { key: 'rank', label: t('results.columns.rank'), children: formatRank(unit.rank, unit.rankInterval) },
    ...COMPONENTS[unit.unitType].map((component) => {
      const score = unit.components[component];
      return {
        key: component,
        label: t(`results.composite.components.${component}`),
        children: score === null ? formatScore(score) : `${formatScore(score)} · ${t('results.composite.weight', { weight: formatRate(unit.weights[component]) })}`,
      };
    }),
    // Not given to a unit's own users before publication: the chance of an award is the office's business until then.
    ...(unit.pInQuota !== null ? [{ key: 'pInQuota', label: t('results.columns.pInQuota'), children: formatRate(unit.pInQuota) }] : []),
    { key: 'sensitivity', label: t('results.columns.sensitivity'), children: formatRange(unit.sensitivity.rankRange) },
    { key: 'deduction', label: t('results.columns.deduction'), children: unit.deduction > 0 ? `−${unit.deduction}` : '0' },
    {
      key: 'eligible',
      label: t('results.columns.eligible'),
      children: unit.vetoReason !== null ? `${t('results.composite.vetoed')}: ${unit.vetoReason}` : t(unit.eligible ? 'results.composite.eligible' : 'results.composite.notEligible'),
    },
  ];
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      {unit.flags.length > 0 && <FlagList flags={unit.flags} />}
    </>
  );
}
