import { FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CampaignDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { BilingualName } from '../BilingualName';
import { DownloadButton } from '../DownloadButton';
import { DryRunImportModal, ImportFileButton } from '../DryRunImportModal';
import { LoadFailure } from '../LoadFailure';
import { isAdmin } from '../roles';
import { SearchBox } from '../SearchBox';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { CsrDeclarationDrawer } from './CsrDeclarationDrawer';
import { SizeBandTag } from './SizeBandTag';
import { downloadAuthoritativeTemplate, downloadDeclarations, fetchDeclarations, importAuthoritative, type CsrDeclarationDto, type CsrImportResultDto } from './csrApi';
import './csr.css';

/** The address parameter that holds the declaration open in the drawer, so a reload keeps it open. */
const OPEN_PARAM = 'declaration';

/**
 * The declarations of 社会责任先进企业 as the office checks them: a row per enterprise, its figures
 * in a drawer to verify, correct or take back one by one, and the authorities' records imported
 * from their file. Leadership reads it only.
 */
export function CsrDeclarationsTab({ campaign }: { campaign: CampaignDto }) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const language = currentLanguage();
  const admin = isAdmin(useCurrentUser());
  const frozen = campaign.status === 'published';
  const editable = admin && !frozen;

  const load = useCallback(() => fetchDeclarations(campaign.id), [campaign.id]);
  const remote = useRemoteData(load);
  // What the server last said: loaded, or returned by a check of one figure.
  const [declarations, setDeclarations] = useState<CsrDeclarationDto[]>();
  useEffect(() => setDeclarations(remote.data), [remote.data]);
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState<File>();
  const [params, setParams] = useSearchParams();
  const openUscc = params.get(OPEN_PARAM);
  const open = declarations?.find((declaration) => declaration.uscc === openUscc);

  const setOpen = (uscc: string | undefined) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (uscc === undefined) next.delete(OPEN_PARAM);
        else next.set(OPEN_PARAM, uscc);
        return next;
      },
      { replace: true },
    );

  const changed = (next: CsrDeclarationDto) => setDeclarations((previous) => previous?.map((declaration) => (declaration.uscc === next.uscc ? next : declaration)));

  const { reload } = remote;
  const closeImport = useCallback(() => setImporting(undefined), []);
  const finishImport = useCallback(
    (result: CsrImportResultDto) => {
      setImporting(undefined);
      void message.success(t('csr.imported', { changed: result.changed, unchanged: result.unchanged }));
      reload();
    },
    [message, t, reload],
  );

  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase();
    if (!needle) return declarations;
    return declarations?.filter((d) => [d.uscc, d.nameZh, d.nameEn].some((text) => text.toLowerCase().includes(needle)));
  }, [declarations, query]);

  const columns: TableColumnsType<CsrDeclarationDto> = [
    {
      key: 'name',
      title: t('csr.columns.name'),
      fixed: 'start',
      render: (_, declaration) => (
        <div className="csr-enterprise">
          <Typography.Link onClick={() => setOpen(declaration.uscc)}>
            <BilingualName zh={declaration.nameZh} en={declaration.nameEn} />
          </Typography.Link>
          <Typography.Text type="secondary" className="console-monospace csr-enterprise__uscc">
            {declaration.uscc}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'sizeBand', title: t('csr.columns.sizeBand'), render: (_, declaration) => <SizeBandTag band={declaration.sizeBand} /> },
    {
      key: 'submittedAt',
      title: t('csr.columns.submittedAt'),
      render: (_, declaration) => (
        <div className="csr-submitted">
          <span className="console-nowrap">{formatDateTime(declaration.submittedAt, language)}</span>
          <Typography.Text type="secondary" className="console-monospace">
            {declaration.receipt}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'status',
      title: t('csr.columns.status'),
      render: (_, declaration) => <Tag color={declaration.voided ? 'error' : 'success'}>{t(declaration.voided ? 'csr.statuses.voided' : 'csr.statuses.valid')}</Tag>,
    },
    {
      key: 'checked',
      title: t('csr.columns.checked'),
      align: 'right',
      render: (_, declaration) => (
        <span className="console-nowrap">{t('csr.checked', { count: declaration.figures.filter((figure) => figure.source !== 'declared').length, total: declaration.figures.length })}</span>
      ),
    },
    {
      key: 'actions',
      title: '',
      render: (_, declaration) => (
        <Button size="small" onClick={() => setOpen(declaration.uscc)}>
          {t(editable ? 'csr.open' : 'csr.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      {frozen ? (
        <Alert type="info" showIcon title={t('csr.frozen')} className="console-form-alert" />
      ) : (
        <Typography.Paragraph type="secondary">{admin ? t('csr.intro') : t('csr.readOnly')}</Typography.Paragraph>
      )}
      <div className="console-toolbar">
        <SearchBox value={query} placeholder={t('csr.searchPlaceholder')} onSearch={setQuery} />
        {admin && <ImportFileButton label={t('csr.import')} disabled={!editable} onChoose={setImporting} />}
        {admin && editable && (
          <DownloadButton icon={<FileExcelOutlined />} download={() => downloadAuthoritativeTemplate(campaign.id)}>
            {t('csr.template')}
          </DownloadButton>
        )}
        <DownloadButton icon={<FileExcelOutlined />} download={() => downloadDeclarations(campaign.id)}>
          {t('csr.export')}
        </DownloadButton>
        <Button icon={<ReloadOutlined />} loading={remote.loading} onClick={reload}>
          {t('refresh')}
        </Button>
      </div>
      {remote.error !== undefined && <LoadFailure error={remote.error} onRetry={reload} />}
      <Table<CsrDeclarationDto>
        rowKey="uscc"
        size="small"
        columns={columns}
        dataSource={shown}
        loading={remote.loading && !declarations}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('csr.empty') }}
        footer={() => t('csr.count', { count: declarations?.length ?? 0 })}
        className="csr-declarations-table"
      />
      <CsrDeclarationDrawer campaignId={campaign.id} declaration={open} editable={editable} onChanged={changed} onClose={() => setOpen(undefined)} />
      {importing && (
        <DryRunImportModal<CsrImportResultDto>
          file={importing}
          title={t('csr.importTitle', { name: importing.name })}
          send={(dryRun) => importAuthoritative(campaign.id, importing, dryRun)}
          describe={(result) => ({
            changes: result.changed,
            text: (
              <>
                <div>{t('csr.previewCounts', { enterprises: result.enterprises, figures: result.figures, changed: result.changed, unchanged: result.unchanged })}</div>
                {result.withoutDeclaration.length > 0 && (
                  <div>{t('csr.withoutDeclaration', { count: result.withoutDeclaration.length, usccs: result.withoutDeclaration.join(language === 'en' ? ', ' : '、') })}</div>
                )}
              </>
            ),
          })}
          nothingToImport={t('csr.nothingToImport')}
          hint={t('csr.columnsHint')}
          className="csr-import"
          onClose={closeImport}
          onImported={finishImport}
        />
      )}
    </>
  );
}
