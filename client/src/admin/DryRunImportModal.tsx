import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Spin, Table, Tooltip, Typography, Upload, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError, rowProblems, type RowProblem } from '../api/errors';
import { useConsoleTranslation } from './useConsoleTranslation';
import { useReportError } from './useReportError';

type ImportStage<R> = { step: 'checking' } | { step: 'preview'; result: R } | { step: 'importing'; result: R } | { step: 'invalid'; problems: RowProblem[] };

interface DryRunImportModalProps<R> {
  file: File;
  title: string;
  /** Sends the file: a dry run that only checks and counts, or the import itself. */
  send: (dryRun: boolean) => Promise<R>;
  /** What the dry run found: how many values importing would change, and that in words. */
  describe: (result: R) => { changes: number; text: ReactNode };
  nothingToImport: string;
  /** Under the outcome: the columns the file may have. */
  hint: ReactNode;
  className: string;
  onClose: () => void;
  onImported: (result: R) => void;
}

/**
 * Checks an office's file first (a dry run): its problems row by row, or what importing it would
 * change; then imports it. Nothing is written until the office confirms.
 */
export function DryRunImportModal<R>({ file, title, send, describe, nothingToImport, hint, className, onClose, onImported }: DryRunImportModalProps<R>) {
  const { t } = useConsoleTranslation();
  const reportError = useReportError();
  const [stage, setStage] = useState<ImportStage<R>>({ step: 'checking' });
  // The file is checked once, whatever the caller's functions are on each render.
  const callbacks = useRef({ send, onClose, onImported });
  callbacks.current = { send, onClose, onImported };

  const run = useCallback(
    async (dryRun: boolean, fallback?: ImportStage<R>) => {
      try {
        const result = await callbacks.current.send(dryRun);
        if (dryRun) setStage({ step: 'preview', result });
        else callbacks.current.onImported(result);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'IMPORT_INVALID') {
          setStage({ step: 'invalid', problems: rowProblems(error) });
          return;
        }
        reportError(error);
        if (fallback) setStage(fallback);
        else callbacks.current.onClose();
      }
    },
    [reportError],
  );

  useEffect(() => {
    setStage({ step: 'checking' });
    void run(true);
  }, [file, run]);

  const confirm = (result: R) => {
    setStage({ step: 'importing', result });
    void run(false, { step: 'preview', result });
  };

  const problemColumns: TableColumnsType<RowProblem> = [
    { key: 'row', title: t('import.columns.row'), dataIndex: 'row', width: 64 },
    { key: 'column', title: t('import.columns.column'), dataIndex: 'column', render: (column: string) => <span className="console-monospace">{column || '—'}</span> },
    { key: 'message', title: t('import.columns.message'), dataIndex: 'message' },
  ];

  const preview = stage.step === 'preview' || stage.step === 'importing' ? describe(stage.result) : undefined;
  const footer =
    stage.step === 'preview' || stage.step === 'importing'
      ? [
          <Button key="cancel" onClick={onClose} disabled={stage.step === 'importing'}>
            {t('actions.cancel')}
          </Button>,
          <Button key="import" type="primary" loading={stage.step === 'importing'} disabled={preview?.changes === 0} onClick={() => confirm(stage.result)}>
            {t('import.confirm')}
          </Button>,
        ]
      : [
          <Button key="close" onClick={onClose}>
            {t('import.close')}
          </Button>,
        ];

  return (
    <Modal open title={title} onCancel={onClose} footer={footer} width={720} maskClosable={false} className={className}>
      {stage.step === 'checking' && (
        <Space>
          <Spin size="small" />
          {t('import.checking', { name: file.name })}
        </Space>
      )}
      {preview &&
        (preview.changes === 0 ? (
          <Alert type="info" showIcon title={nothingToImport} />
        ) : (
          <Alert type="success" showIcon title={t('import.previewTitle')} description={preview.text} />
        ))}
      {stage.step === 'invalid' && (
        <>
          <Alert type="error" showIcon title={t('import.invalidTitle', { total: stage.problems.length })} className="console-form-alert" />
          <Table<RowProblem>
            rowKey={(problem) => `${problem.row}:${problem.column}:${problem.message}`}
            size="small"
            columns={problemColumns}
            dataSource={stage.problems}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            className="console-import-problems"
          />
        </>
      )}
      <Typography.Paragraph type="secondary" className="console-import-hint">
        {hint}
      </Typography.Paragraph>
    </Modal>
  );
}

interface ImportFileButtonProps {
  label: string;
  disabled: boolean;
  /** Why the button is disabled, in its tooltip. */
  blockedReason?: string;
  /** The chosen file, not uploaded yet: the modal checks it first. */
  onChoose: (file: File) => void;
}

/** Chooses the .xlsx or .csv file that DryRunImportModal then checks and imports. */
export function ImportFileButton({ label, disabled, blockedReason, onChoose }: ImportFileButtonProps) {
  const button = (
    <Upload
      accept=".xlsx,.csv"
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onChoose(file);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} disabled={disabled}>
        {label}
      </Button>
    </Upload>
  );
  return blockedReason ? <Tooltip title={blockedReason}>{button}</Tooltip> : button;
}
