import { FileExcelOutlined, FileTextOutlined, LinkOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  downloadInvitations,
  fetchInvitations,
  generateInvitations,
  reissueInvitation,
  revokeInvitation,
} from '../../api/endpoints';
import type { CampaignDto, GenerateInvitationsResultDto, InvitationDto, InvitationStatus, RaterType } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { BilingualName, localName } from '../BilingualName';
import { DownloadButton } from '../DownloadButton';
import { FilterSelect } from '../FilterSelect';
import { LoadFailure } from '../LoadFailure';
import { RowActions } from '../RowActions';
import { SearchBox } from '../SearchBox';
import { CONSOLE_HOME } from '../session';
import { tablePagination } from '../tablePagination';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useListParams } from '../useListParams';
import { useRemoteData } from '../useRemoteData';
import { useReportError } from '../useReportError';
import { QrCodeButton } from './QrCodeButton';

const FILTERS = ['raterType', 'status'] as const;
const RATER_TYPES: readonly RaterType[] = ['enterprise', 'district'];
const INVITATION_STATUSES: readonly InvitationStatus[] = ['not-opened', 'opened', 'draft', 'submitted', 'revoked'];
const INVITATION_STATUS_COLORS: Record<InvitationStatus, string> = {
  'not-opened': 'default',
  opened: 'blue',
  draft: 'gold',
  submitted: 'green',
  revoked: 'red',
};

function isRaterType(value: string | undefined): value is RaterType {
  return RATER_TYPES.includes(value as RaterType);
}

function isInvitationStatus(value: string | undefined): value is InvitationStatus {
  return INVITATION_STATUSES.includes(value as InvitationStatus);
}

/** The address of the printable letters for the links a filter shows (revoked links have none to print). */
function lettersPath(campaignId: string, filter: { q?: string; raterType?: RaterType; status?: InvitationStatus }): string {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.raterType) params.set('raterType', filter.raterType);
  if (filter.status && filter.status !== 'revoked') params.set('status', filter.status);
  const query = params.toString();
  return `${CONSOLE_HOME}/campaigns/${campaignId}/letters${query ? `?${query}` : ''}`;
}

/** The campaign's personal links: generating, finding, copying, revoking, exporting and printing them. */
export function InvitationsPanel({ campaign }: { campaign: CampaignDto }) {
  const { t } = useConsoleTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const reportError = useReportError();
  const language = currentLanguage();
  const list = useListParams(FILTERS);
  const { q, page, pageSize, filters } = list;
  const raterType = isRaterType(filters.raterType) ? filters.raterType : undefined;
  const status = isInvitationStatus(filters.status) ? filters.status : undefined;
  const load = useCallback(
    () => fetchInvitations(campaign.id, { q: q || undefined, page, pageSize, raterType, status }),
    [campaign.id, q, page, pageSize, raterType, status],
  );
  const invitations = useRemoteData(load);
  const [generating, setGenerating] = useState(false);
  const [generated, setGenerated] = useState<GenerateInvitationsResultDto>();
  // The server makes links only while a campaign takes answers or is being set up.
  const canGenerate = campaign.status === 'draft' || campaign.status === 'open';

  const generate = async () => {
    setGenerating(true);
    try {
      const result = await generateInvitations(campaign.id);
      setGenerated(result);
      void message.success(t('links.generated', result));
      invitations.reload();
    } catch (error) {
      reportError(error);
    } finally {
      setGenerating(false);
    }
  };

  const change = (invitation: InvitationDto, action: 'revoke' | 'reissue') => {
    const name = localName(invitation.raterNameZh, invitation.raterNameEn);
    modal.confirm({
      title: t(action === 'revoke' ? 'links.revokeTitle' : 'links.reissueTitle', { name }),
      content: t(action === 'revoke' ? 'links.revokeContent' : 'links.reissueContent'),
      okText: t(action === 'revoke' ? 'links.revoke' : 'links.reissue'),
      okButtonProps: { danger: action === 'revoke' },
      cancelText: t('actions.cancel'),
      onOk: async () => {
        try {
          if (action === 'revoke') await revokeInvitation(campaign.id, invitation.id);
          else await reissueInvitation(campaign.id, invitation.id);
          void message.success(t(action === 'revoke' ? 'links.revoked' : 'links.reissued'));
        } catch (error) {
          reportError(error);
        }
        invitations.reload();
      },
    });
  };

  const columns: TableColumnsType<InvitationDto> = [
    {
      key: 'rater',
      title: t('links.columns.rater'),
      render: (_, invitation) => (
        <>
          <BilingualName zh={invitation.raterNameZh} en={invitation.raterNameEn} />
          <span className="console-monospace console-secondary">{invitation.raterCode}</span>
        </>
      ),
    },
    {
      key: 'type',
      title: t('links.columns.type'),
      dataIndex: 'raterType',
      responsive: ['xl'],
      render: (type: RaterType) => <Tag color={type === 'enterprise' ? 'geekblue' : 'purple'}>{t(`links.raterTypes.${type}`)}</Tag>,
    },
    {
      key: 'status',
      title: t('links.columns.status'),
      dataIndex: 'status',
      render: (value: InvitationStatus, invitation) => (
        <div className="console-status-cell">
          <Tag color={INVITATION_STATUS_COLORS[value]}>{t(`links.statuses.${value}`)}</Tag>
          {invitation.firstOpenedAt && (
            <span className="console-secondary console-nowrap" title={t('links.columns.firstOpenedAt')}>
              {formatDateTime(invitation.firstOpenedAt, language)}
            </span>
          )}
        </div>
      ),
    },
    {
      key: 'contact',
      title: t('links.columns.contact'),
      responsive: ['xxl'],
      render: (_, invitation) => (
        <div className="console-contact">
          <span>{invitation.contactName || '—'}</span>
          {invitation.contactPhone && <Typography.Text type="secondary">{invitation.contactPhone}</Typography.Text>}
          {invitation.contactEmail && <Typography.Text type="secondary">{invitation.contactEmail}</Typography.Text>}
        </div>
      ),
    },
    {
      key: 'link',
      title: t('links.columns.link'),
      render: (_, invitation) =>
        invitation.link ? (
          <span className="console-link-cell">
            <Typography.Text
              className="console-monospace console-link-cell__text"
              ellipsis={{ tooltip: invitation.link }}
              copyable={{ text: invitation.link, tooltips: [t('links.copy'), t('links.copied')] }}
            >
              {invitation.link}
            </Typography.Text>
            <QrCodeButton
              link={invitation.link}
              code={invitation.raterCode}
              name={localName(invitation.raterNameZh, invitation.raterNameEn)}
            />
          </span>
        ) : (
          <Typography.Text type="secondary">{t('links.noLink')}</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('links.columns.actions'),
      fixed: 'end',
      render: (_, invitation) => (
        <RowActions
          actions={[
            ...(invitation.status !== 'revoked'
              ? [{ key: 'revoke', label: t('links.revoke'), danger: true, onClick: () => change(invitation, 'revoke') }]
              : []),
            { key: 'reissue', label: t('links.reissue'), onClick: () => change(invitation, 'reissue') },
          ]}
        />
      ),
    },
  ];

  return (
    <>
      <div className="console-toolbar">
        <Button type="primary" icon={<LinkOutlined />} loading={generating} disabled={!canGenerate} onClick={() => void generate()}>
          {t('links.generate')}
        </Button>
        <DownloadButton icon={<FileTextOutlined />} download={() => downloadInvitations(campaign.id, 'csv')}>
          {t('links.exportCsv')}
        </DownloadButton>
        <DownloadButton icon={<FileExcelOutlined />} download={() => downloadInvitations(campaign.id, 'xlsx')}>
          {t('links.exportExcel')}
        </DownloadButton>
        <Button icon={<PrinterOutlined />} onClick={() => void navigate(lettersPath(campaign.id, { q, raterType, status }))}>
          {t('links.printLetters')}
        </Button>
      </div>
      {generated ? (
        <Alert type="success" showIcon closable title={t('links.generated', generated)} className="console-form-alert" />
      ) : (
        canGenerate && <Typography.Paragraph type="secondary">{t('links.generateHint')}</Typography.Paragraph>
      )}
      <div className="console-filters" role="search">
        <SearchBox value={q} placeholder={t('links.searchPlaceholder')} onSearch={list.setSearch} />
        <FilterSelect
          placeholder={t('links.allTypes')}
          label={t('links.columns.type')}
          value={raterType}
          options={RATER_TYPES.map((value) => ({ value, label: t(`links.raterTypes.${value}`) }))}
          onChange={(value) => list.setFilter('raterType', value)}
        />
        <FilterSelect
          placeholder={t('links.allStatuses')}
          label={t('links.columns.status')}
          value={status}
          options={INVITATION_STATUSES.map((value) => ({ value, label: t(`links.statuses.${value}`) }))}
          onChange={(value) => list.setFilter('status', value)}
        />
      </div>
      {invitations.error !== undefined && <LoadFailure error={invitations.error} onRetry={invitations.reload} />}
      <Table<InvitationDto>
        rowKey="id"
        columns={columns}
        dataSource={invitations.data?.items ?? []}
        loading={invitations.loading}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('links.empty') }}
        pagination={tablePagination(list, invitations.data?.total, (total) => t('links.total', { total }))}
        className="console-table"
      />
    </>
  );
}
