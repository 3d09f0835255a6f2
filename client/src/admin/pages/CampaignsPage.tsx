import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Table, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { fetchCampaigns } from '../../api/endpoints';
import type { CampaignDto, CampaignStatus } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { OfficeStaffOnly } from '../AdminOnly';
import { CAMPAIGN_STATUSES } from '../campaigns/campaignStatus';
import { CampaignStatusTag } from '../campaigns/CampaignStatusTag';
import { formatCampaignWindow } from '../campaigns/campaignWindow';
import { CreateCampaignModal } from '../campaigns/CreateCampaignModal';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { isAdmin } from '../roles';
import { CONSOLE_HOME, useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';

export function Component() {
  return (
    <OfficeStaffOnly>
      <CampaignsPage />
    </OfficeStaffOnly>
  );
}

function CampaignsPage() {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const language = currentLanguage();
  const admin = isAdmin(useCurrentUser());
  const load = useCallback(() => fetchCampaigns(), []);
  const campaigns = useRemoteData(load);
  const [createOpen, setCreateOpen] = useState(false);

  const columns: TableColumnsType<CampaignDto> = [
    {
      key: 'title',
      title: t('campaigns.columns.title'),
      dataIndex: 'title',
      render: (title: string, campaign) => <Link to={`${CONSOLE_HOME}/campaigns/${campaign.id}`}>{title}</Link>,
    },
    {
      key: 'year',
      title: t('campaigns.columns.year'),
      dataIndex: 'year',
      responsive: ['sm'],
      sorter: (a, b) => a.year - b.year,
    },
    {
      key: 'status',
      title: t('campaigns.columns.status'),
      dataIndex: 'status',
      filters: CAMPAIGN_STATUSES.map((status) => ({ text: t(`campaigns.statuses.${status}`), value: status })),
      onFilter: (status, campaign) => campaign.status === status,
      render: (status: CampaignStatus) => <CampaignStatusTag status={status} />,
    },
    {
      key: 'window',
      title: t('campaigns.columns.window'),
      responsive: ['md'],
      render: (_, campaign) => <span className="console-nowrap">{formatCampaignWindow(campaign, language, t('campaigns.notSet'))}</span>,
    },
    {
      key: 'createdAt',
      title: t('campaigns.columns.createdAt'),
      dataIndex: 'createdAt',
      responsive: ['lg'],
      render: (createdAt: string) => <span className="console-nowrap">{formatDateTime(createdAt, language)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.campaigns')}
        actions={
          <>
            <Button icon={<ReloadOutlined />} onClick={campaigns.reload} loading={campaigns.loading}>
              {t('refresh')}
            </Button>
            {admin && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
                {t('campaigns.create')}
              </Button>
            )}
          </>
        }
      />
      {campaigns.error !== undefined && <LoadFailure error={campaigns.error} onRetry={campaigns.reload} />}
      <Table<CampaignDto>
        rowKey="id"
        columns={columns}
        dataSource={campaigns.data ?? []}
        loading={campaigns.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('campaigns.empty') }}
        pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
        className="console-table"
      />
      <CreateCampaignModal
        open={createOpen}
        onClose={() => setCreateOpen(false)}
        onCreated={(campaign) => {
          setCreateOpen(false);
          void message.success(t('campaigns.form.created', { title: campaign.title }));
          void navigate(`${CONSOLE_HOME}/campaigns/${campaign.id}`);
        }}
      />
    </>
  );
}
