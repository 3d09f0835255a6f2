import { Breadcrumb, Skeleton, Tabs } from 'antd';
import { lazy, Suspense, useCallback } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { fetchCampaign } from '../../api/endpoints';
import { OfficeStaffOnly } from '../AdminOnly';
import { CampaignOverview } from '../campaigns/CampaignOverview';
import { InvitationsPanel } from '../campaigns/InvitationsPanel';
import { ProgressPanel } from '../campaigns/ProgressPanel';
import { CasesPanel } from '../cases/CasesPanel';
import { CsrDeclarationsTab } from '../csr/CsrDeclarationsTab';
import { AssessmentsTab } from '../results/AssessmentsTab';
import { awardsSections } from '../results/AwardsSections';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { isAdmin } from '../roles';
import { CONSOLE_HOME, useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';

type Tab = 'overview' | 'progress' | 'links' | 'questionnaires' | 'cases' | 'results' | 'assessments' | 'csr';

// The editor and its preview (survey-core, survey-react-ui) load only when the tab is opened.
const QuestionnairesPanel = lazy(() => import('../questionnaires/QuestionnairesPanel').then((module) => ({ default: module.QuestionnairesPanel })));
// The results tables and their charts load only when the tab is opened.
const ResultsTab = lazy(() => import('../results/ResultsTab').then((module) => ({ default: module.ResultsTab })));

export function Component() {
  return (
    <OfficeStaffOnly>
      <CampaignDetailPage />
    </OfficeStaffOnly>
  );
}

function CampaignDetailPage() {
  const { t } = useConsoleTranslation();
  const { id = '' } = useParams();
  const admin = isAdmin(useCurrentUser());
  const [params, setParams] = useSearchParams();
  const load = useCallback(() => fetchCampaign(id), [id]);
  const campaign = useRemoteData(load);
  const requested = params.get('tab');
  // 社会责任先进企业 only where the campaign asks enterprises to declare.
  const declares = campaign.data?.evaluations.some((evaluation) => evaluation.kind === 'csr-declaration') ?? false;
  // Links are the office's business: the leadership sees the overview, the progress, the questionnaires and the declarations (read-only).
  const tab: Tab =
    requested === 'progress' || requested === 'questionnaires' || requested === 'cases' || requested === 'results' || (declares && requested === 'csr') || (admin && (requested === 'links' || requested === 'assessments'))
      ? requested
      : 'overview';

  const selectTab = (next: string) =>
    // A tab starts with no search or filter of its own.
    setParams(next === 'overview' ? {} : { tab: next }, { replace: true });

  const data = campaign.data;
  const title = data?.title ?? t('nav.campaigns');
  return (
    <>
      <Breadcrumb
        items={[{ title: <Link to={`${CONSOLE_HOME}/campaigns`}>{t('campaigns.detail.back')}</Link> }, { title }]}
        className="console-breadcrumb"
      />
      <PageHeader title={title} />
      {campaign.error !== undefined && <LoadFailure error={campaign.error} onRetry={campaign.reload} />}
      {!data && campaign.error === undefined && <Skeleton active paragraph={{ rows: 6 }} />}
      {data && (
        <Tabs
          activeKey={tab}
          onChange={selectTab}
          items={[
            {
              key: 'overview',
              label: t('campaigns.detail.tabs.overview'),
              children: <CampaignOverview campaign={data} onChanged={campaign.reload} />,
            },
            { key: 'progress', label: t('campaigns.detail.tabs.progress'), children: <ProgressPanel campaign={data} /> },
            {
              key: 'questionnaires',
              label: t('campaigns.detail.tabs.questionnaires'),
              children: (
                <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
                  <QuestionnairesPanel campaign={data} onSaved={campaign.reload} />
                </Suspense>
              ),
            },
            { key: 'cases', label: t('campaigns.detail.tabs.cases'), children: <CasesPanel campaign={data} /> },
            {
              key: 'results',
              label: t('results.tab'),
              children: (
                <Suspense fallback={<Skeleton active paragraph={{ rows: 10 }} />}>
                  <ResultsTab campaign={data} sections={awardsSections(data, campaign.reload, t)} />
                </Suspense>
              ),
            },
            ...(admin ? [{ key: 'links', label: t('campaigns.detail.tabs.links'), children: <InvitationsPanel campaign={data} /> }] : []),
            ...(admin ? [{ key: 'assessments', label: t('assessments.tab'), children: <AssessmentsTab campaign={data} /> }] : []),
            ...(declares ? [{ key: 'csr', label: t('csr.tab'), children: <CsrDeclarationsTab campaign={data} /> }] : []),
          ]}
          destroyOnHidden
        />
      )}
    </>
  );
}
