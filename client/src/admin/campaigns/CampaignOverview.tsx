import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Steps, Table, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { changeCampaignStatus, type CampaignAction } from '../../api/endpoints';
import type { CampaignDto, EvaluationDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { isAdmin } from '../roles';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { CAMPAIGN_STATUSES, NEXT_ACTION } from './campaignStatus';
import { CampaignStatusTag } from './CampaignStatusTag';
import { EditCampaignModal } from './EditCampaignModal';
import { ScoringConfigCard } from './ScoringConfigCard';

interface CampaignOverviewProps {
  campaign: CampaignDto;
  onChanged: () => void;
}

export function CampaignOverview({ campaign, onChanged }: CampaignOverviewProps) {
  return (
    <Space orientation="vertical" size="middle" className="console-block">
      <ProgressCard campaign={campaign} onChanged={onChanged} />
      <InfoCard campaign={campaign} onChanged={onChanged} />
      <EvaluationsCard evaluations={campaign.evaluations} />
      <ScoringConfigCard campaign={campaign} onChanged={onChanged} />
    </Space>
  );
}

/** The life cycle as a stepper, with the one next step as a button that says what it means. */
function ProgressCard({ campaign, onChanged }: CampaignOverviewProps) {
  const { t } = useConsoleTranslation();
  const { modal, message } = App.useApp();
  const reportError = useReportError();
  const admin = isAdmin(useCurrentUser());
  const current = CAMPAIGN_STATUSES.indexOf(campaign.status);
  const next = NEXT_ACTION[campaign.status];

  const confirm = (action: CampaignAction) =>
    modal.confirm({
      title: t(`campaigns.transitions.${action}.title`),
      content: t(`campaigns.transitions.${action}.content`),
      okText: t(`campaigns.transitions.${action}.button`),
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          await changeCampaignStatus(campaign.id, action);
          void message.success(t(`campaigns.transitions.${action}.done`));
        } catch (error) {
          reportError(error);
        }
        onChanged();
      },
    });

  return (
    <Card title={t('campaigns.detail.progress')} extra={<CampaignStatusTag status={campaign.status} />}>
      <Steps
        current={current}
        status={campaign.status === 'published' ? 'finish' : 'process'}
        items={CAMPAIGN_STATUSES.map((status) => ({
          title: t(`campaigns.statuses.${status}`),
          content: t(`campaigns.stepDescriptions.${status}`),
        }))}
        className="console-campaign-steps"
      />
      {admin && next && (
        <div className="console-campaign-next">
          <Typography.Paragraph type="secondary">{t(`campaigns.transitions.${next}.content`)}</Typography.Paragraph>
          <Button type="primary" onClick={() => confirm(next)}>
            {t(`campaigns.transitions.${next}.button`)}
          </Button>
        </div>
      )}
      {!next && <Typography.Paragraph type="secondary" className="console-campaign-next">{t('campaigns.detail.finished')}</Typography.Paragraph>}
    </Card>
  );
}

function InfoCard({ campaign, onChanged }: CampaignOverviewProps) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const language = currentLanguage();
  const admin = isAdmin(useCurrentUser());
  const [editOpen, setEditOpen] = useState(false);
  const draft = campaign.status === 'draft';
  const time = (iso: string | null) => (iso ? formatDateTime(iso, language) : t('campaigns.notSet'));

  const items: DescriptionsProps['items'] = [
    { key: 'year', label: t('campaigns.detail.year'), children: campaign.year },
    { key: 'slug', label: t('campaigns.detail.slug'), children: <span className="console-monospace">{campaign.slug}</span> },
    { key: 'opensAt', label: t('campaigns.detail.opensAt'), children: time(campaign.opensAt) },
    { key: 'closesAt', label: t('campaigns.detail.closesAt'), children: time(campaign.closesAt) },
    { key: 'createdAt', label: t('campaigns.detail.createdAt'), children: time(campaign.createdAt) },
  ];
  for (const key of ['openedAt', 'closedAt', 'publishedAt'] as const) {
    const value = campaign[key];
    if (value) items.push({ key, label: t(`campaigns.detail.${key}`), children: time(value) });
  }

  return (
    <Card
      title={t('campaigns.detail.info')}
      extra={
        admin && draft ? (
          <Button type="link" icon={<EditOutlined />} onClick={() => setEditOpen(true)}>
            {t('actions.edit')}
          </Button>
        ) : undefined
      }
    >
      {!draft && <Alert type="info" showIcon title={t('campaigns.detail.frozen')} className="console-form-alert" />}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
      {admin && draft && (
        <EditCampaignModal
          open={editOpen}
          campaign={campaign}
          onClose={() => setEditOpen(false)}
          onSaved={() => {
            setEditOpen(false);
            void message.success(t('campaigns.form.saved'));
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function EvaluationsCard({ evaluations }: { evaluations: EvaluationDto[] }) {
  const { t } = useConsoleTranslation();
  const english = currentLanguage() === 'en';
  const columns: TableColumnsType<EvaluationDto> = [
    {
      key: 'title',
      title: t('campaigns.evaluation.title'),
      render: (_, evaluation) => (english ? evaluation.titleEn : evaluation.titleZh),
    },
    {
      key: 'raters',
      title: t('campaigns.evaluation.raters'),
      dataIndex: 'raterGroup',
      responsive: ['md'],
      render: (group: EvaluationDto['raterGroup']) => t(`campaigns.evaluation.raterGroups.${group}`),
    },
    {
      key: 'targets',
      title: t('campaigns.evaluation.targets'),
      dataIndex: 'targetGroup',
      responsive: ['sm'],
      render: (group: EvaluationDto['targetGroup']) =>
        group ? t(`campaigns.evaluation.targetGroups.${group}`) : <Typography.Text type="secondary">{t('campaigns.evaluation.selfDeclared')}</Typography.Text>,
    },
    {
      key: 'targetCount',
      title: t('campaigns.evaluation.targetCount'),
      dataIndex: 'targetCount',
      align: 'right',
      render: (count: number, evaluation) => (evaluation.targetGroup ? count : '—'),
    },
    {
      key: 'version',
      title: t('campaigns.evaluation.version'),
      dataIndex: 'questionnaireVersion',
      align: 'right',
      responsive: ['lg'],
    },
  ];
  return (
    <Card title={t('campaigns.detail.evaluations')} styles={{ body: { padding: 0 } }}>
      <Table<EvaluationDto>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={evaluations}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
