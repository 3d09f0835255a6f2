import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { CampaignDto } from '../../api/models';
import type { useConsoleTranslation } from '../useConsoleTranslation';
import type { ResultsSection } from './ResultsTab';

// Loaded when their view is opened, like the rest of the results.
const AwardsPanel = lazy(() => import('./AwardsPanel').then((module) => ({ default: module.AwardsPanel })));
const QualityPanel = lazy(() => import('./QualityPanel').then((module) => ({ default: module.QualityPanel })));

const loading = <Skeleton active paragraph={{ rows: 8 }} />;

/** The awards confirmation and the data-quality queue, as views of the campaign's results tab. */
export function awardsSections(campaign: CampaignDto, onCampaignChanged: () => void, t: ReturnType<typeof useConsoleTranslation>['t']): ResultsSection[] {
  return [
    {
      key: 'awards',
      label: t('awards.tab'),
      render: (results, reload) => (
        <Suspense fallback={loading}>
          <AwardsPanel campaign={campaign} results={results} onReload={reload} onCampaignChanged={onCampaignChanged} />
        </Suspense>
      ),
    },
    {
      key: 'quality',
      label: t('awards.qualityTab'),
      render: (results, reload) => (
        <Suspense fallback={loading}>
          <QualityPanel campaign={campaign} results={results} onReload={reload} />
        </Suspense>
      ),
    },
  ];
}
