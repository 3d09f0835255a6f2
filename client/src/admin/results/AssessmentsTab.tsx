import { FileExcelOutlined, ReloadOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Input, InputNumber, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useBlocker } from 'react-router';
import { ApiError } from '../../api/errors';
import type { CampaignDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { BilingualName, localName } from '../BilingualName';
import { DownloadButton } from '../DownloadButton';
import { DryRunImportModal, ImportFileButton } from '../DryRunImportModal';
import { LoadFailure } from '../LoadFailure';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { useReportError } from '../useReportError';
import { downloadAssessments, fetchAssessments, importAssessments, saveAssessments, type AssessmentDto, type AssessmentImportResultDto } from './assessmentsApi';
import { appliesTo, cellErrorsOf, changedFields, changedItems, currentValue, unitKey, type ByUnit, type CellErrors, type Draft, type EditableField } from './assessmentsDraft';
import './assessments.css';

/**
 * The office's own inputs to a campaign's results, one row per department and district:
 * typed in the table and saved together, or imported from the workbook the office fills in.
 */
export function AssessmentsTab({ campaign }: { campaign: CampaignDto }) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const language = currentLanguage();
  const frozen = campaign.status === 'published';

  const load = useCallback(() => fetchAssessments(campaign.id), [campaign.id]);
  const remote = useRemoteData(load);
  // What the server last said: loaded, or returned by a save.
  const [units, setUnits] = useState<AssessmentDto[]>();
  useEffect(() => setUnits(remote.data), [remote.data]);
  const [drafts, setDrafts] = useState<ByUnit<Draft>>({});
  const [errors, setErrors] = useState<ByUnit<CellErrors>>({});
  const [saving, setSaving] = useState(false);
  const [importing, setImporting] = useState<File>();
  const closeImport = useCallback(() => setImporting(undefined), []);
  const { reload } = remote;
  const finishImport = useCallback(
    (result: AssessmentImportResultDto) => {
      setImporting(undefined);
      void message.success(t('assessments.imported', { updated: result.updated, unchanged: result.unchanged }));
      reload();
    },
    [message, t, reload],
  );

  const changed = useMemo(() => changedItems(units ?? [], drafts), [units, drafts]);
  const dirty = changed.length > 0;
  useLeaveGuard(dirty);

  const edit = (unit: AssessmentDto, field: EditableField, value: unknown) => {
    const key = unitKey(unit);
    setDrafts((previous) => ({ ...previous, [key]: { ...previous[key], [field]: value } }));
    setErrors((previous) => (previous[key]?.[field] ? { ...previous, [key]: { ...previous[key], [field]: undefined } } : previous));
  };

  const discard = () => {
    setDrafts({});
    setErrors({});
  };

  const save = async () => {
    const items = changed;
    setSaving(true);
    try {
      const result = await saveAssessments(campaign.id, items);
      setUnits(result.assessments);
      discard();
      void message.success(t('assessments.saved', { count: result.updated }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ASSESSMENTS_INVALID') {
        const cells = cellErrorsOf(error, items);
        setErrors(cells);
        void message.error(t('assessments.invalid', { count: Object.values(cells).flatMap((cell) => Object.keys(cell)).length }));
      } else {
        reportError(error);
      }
    } finally {
      setSaving(false);
    }
  };

  const cell = (unit: AssessmentDto, field: EditableField, render: (value: AssessmentDto[EditableField], props: CellProps) => ReactNode) => {
    if (!appliesTo(unit, field)) return <Typography.Text type="secondary">—</Typography.Text>;
    const error = errors[unitKey(unit)]?.[field];
    const props: CellProps = {
      'aria-label': `${t(`assessments.columns.${field}`)} · ${localName(unit.nameZh, unit.nameEn)}`,
      disabled: frozen,
      status: error ? 'error' : undefined,
    };
    return (
      <div className="console-assessment-cell">
        {render(currentValue(unit, drafts[unitKey(unit)], field), props)}
        {error && (
          <Typography.Text type="danger" className="console-assessment-error" role="alert">
            {error}
          </Typography.Text>
        )}
      </div>
    );
  };

  const score = (field: 'inspectionScore' | 'selfInspectionScore' | 'objectiveScore', placeholder?: string) => (_: unknown, unit: AssessmentDto) =>
    cell(unit, field, (value, props) => (
      <InputNumber<number>
        {...props}
        value={value as number | null}
        placeholder={placeholder}
        onChange={(next) => edit(unit, field, next ?? null)}
        className="console-assessment-score"
      />
    ));

  const columns: TableColumnsType<AssessmentDto> = [
    {
      key: 'unit',
      title: t('assessments.columns.unit'),
      fixed: 'start',
      render: (_, unit) => (
        <div className="console-assessment-unit">
          <BilingualName zh={unit.nameZh} en={unit.nameEn} />
          <Typography.Text type="secondary" className="console-monospace">
            {unit.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'category',
      title: t('assessments.columns.category'),
      render: (_, unit) => (
        <Space size={4} wrap>
          <Tag color={unit.unitType === 'department' ? 'blue' : 'green'}>{t(`assessments.types.${unit.unitType}`)}</Tag>
          <span className="console-nowrap">{unit.category}</span>
        </Space>
      ),
    },
    { key: 'inspectionScore', title: t('assessments.columns.inspectionScore'), render: score('inspectionScore') },
    { key: 'selfInspectionScore', title: t('assessments.columns.selfInspectionScore'), render: score('selfInspectionScore') },
    {
      key: 'selfInspectionComplete',
      title: t('assessments.columns.selfInspectionComplete'),
      render: (_, unit) =>
        cell(unit, 'selfInspectionComplete', (value, { status: _status, ...props }) => (
          <Checkbox {...props} checked={value === true} onChange={(event) => edit(unit, 'selfInspectionComplete', event.target.checked)}>
            {t('assessments.complete')}
          </Checkbox>
        )),
    },
    { key: 'objectiveScore', title: t('assessments.columns.objectiveScore'), render: score('objectiveScore', t('assessments.computed')) },
    {
      key: 'vetoReason',
      title: t('assessments.columns.vetoReason'),
      render: (_, unit) =>
        cell(unit, 'vetoReason', (value, props) => (
          <Input
            {...props}
            value={(value as string | null) ?? ''}
            placeholder={t('assessments.noVeto')}
            allowClear
            onChange={(event) => edit(unit, 'vetoReason', event.target.value)}
            className="console-assessment-veto"
          />
        )),
    },
    {
      key: 'updatedAt',
      title: t('assessments.columns.updatedAt'),
      render: (_, unit) => (unit.updatedAt ? <span className="console-nowrap">{formatDateTime(unit.updatedAt, language)}</span> : '—'),
    },
  ];

  return (
    <>
      {frozen ? (
        <Alert type="info" showIcon title={t('assessments.frozen')} className="console-form-alert" />
      ) : (
        <Typography.Paragraph type="secondary">{t('assessments.intro')}</Typography.Paragraph>
      )}
      <div className="console-toolbar">
        <Button type="primary" icon={<SaveOutlined />} disabled={frozen || !dirty} loading={saving} onClick={() => void save()}>
          {dirty ? t('assessments.saveCount', { count: changed.length }) : t('assessments.save')}
        </Button>
        <Button icon={<UndoOutlined />} disabled={!dirty && Object.keys(errors).length === 0} onClick={discard}>
          {t('assessments.discard')}
        </Button>
        <ImportFileButton label={t('assessments.import')} disabled={frozen || dirty} blockedReason={dirty ? t('assessments.importBlocked') : undefined} onChoose={setImporting} />
        <DownloadButton icon={<FileExcelOutlined />} download={() => downloadAssessments(campaign.id)}>
          {t('assessments.export')}
        </DownloadButton>
        <Button icon={<ReloadOutlined />} loading={remote.loading} onClick={reload}>
          {t('refresh')}
        </Button>
      </div>
      {remote.error !== undefined && <LoadFailure error={remote.error} onRetry={reload} />}
      <Table<AssessmentDto>
        rowKey={unitKey}
        size="small"
        columns={columns}
        dataSource={units}
        loading={remote.loading && !units}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(unit) => (changedFields(unit, drafts[unitKey(unit)]).length > 0 ? 'console-assessment-row--changed' : '')}
        footer={() => t('assessments.count', { count: units?.length ?? 0 })}
        className="console-assessments-table"
      />
      {importing && (
        <DryRunImportModal<AssessmentImportResultDto>
          file={importing}
          title={t('assessments.importTitle', { name: importing.name })}
          send={(dryRun) => importAssessments(campaign.id, importing, dryRun)}
          describe={(result) => ({ changes: result.updated, text: t('assessments.previewCounts', { updated: result.updated, unchanged: result.unchanged }) })}
          nothingToImport={t('assessments.nothingToImport')}
          hint={t('assessments.columnsHint')}
          className="console-assessments-import"
          onClose={closeImport}
          onImported={finishImport}
        />
      )}
    </>
  );
}

interface CellProps {
  'aria-label': string;
  disabled: boolean;
  status: 'error' | undefined;
}

/** Leaving the tab or the page with unsaved changes asks first. */
function useLeaveGuard(dirty: boolean) {
  const { t } = useConsoleTranslation();
  const { modal } = App.useApp();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));
  const blocked = blocker.state === 'blocked';
  const { proceed, reset } = blocker;
  useEffect(() => {
    if (!blocked) return;
    modal.confirm({
      title: t('assessments.leave.title'),
      content: t('assessments.leave.content'),
      okText: t('assessments.leave.ok'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel'),
      onOk: () => proceed?.(),
      onCancel: () => reset?.(),
    });
  }, [blocked, proceed, reset, modal, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
