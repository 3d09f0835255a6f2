import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Progress,
  Radio,
  Result,
  Row,
  Space,
  Spin,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { saveBlob } from '../../api/client';
import { importDirectoryFile, type UploadProgress } from '../../api/directoryImport';
import { downloadDirectoryTemplate } from '../../api/endpoints';
import { ApiError, describeError, rowProblems, type RowProblem } from '../../api/errors';
import { DIRECTORY_KINDS, type DirectoryKind, type ImportResultDto } from '../../api/models';
import { formatFileSize } from '../../shared/format';
import { AdminOnly } from '../AdminOnly';
import { DownloadButton } from '../DownloadButton';
import { RequestIdNote } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { CONSOLE_HOME, isUnauthorized } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';

export function Component() {
  return (
    <AdminOnly>
      <DirectoryImportPage />
    </AdminOnly>
  );
}

/** The server lists at most this many problems of one file. */
const MAX_REPORTED_PROBLEMS = 1000;

type Stage =
  | { step: 'choose'; failure?: unknown }
  | { step: 'uploading'; purpose: 'check'; file: File; progress: UploadProgress }
  /** Committing keeps the preview, to go back to when the request fails for a reason other than the file. */
  | { step: 'uploading'; purpose: 'import'; file: File; progress: UploadProgress; preview: ImportResultDto }
  | { step: 'preview'; file: File; result: ImportResultDto; failure?: unknown }
  | { step: 'invalid'; file: File; problems: RowProblem[] }
  | { step: 'done'; file: File; result: ImportResultDto };

/** Where each stage sits in the three steps shown above the page. */
function stepIndex(stage: Stage): number {
  switch (stage.step) {
    case 'choose':
      return 0;
    case 'uploading':
      return stage.purpose === 'check' ? 0 : 1;
    case 'preview':
    case 'invalid':
      return 1;
    case 'done':
      return 2;
  }
}

/** The property (and so the label) of each column name the server reports problems in. */
const COLUMN_FIELDS = {
  code: 'code',
  uscc: 'uscc',
  name_zh: 'nameZh',
  name_en: 'nameEn',
  category: 'category',
  kind: 'kind',
  division_code: 'divisionCode',
  district_code: 'districtCode',
  industry: 'industry',
  investor_country: 'investorCountry',
  size_band: 'sizeBand',
  contact_name: 'contactName',
  contact_phone: 'contactPhone',
  contact_email: 'contactEmail',
} as const;

function isDirectoryKind(value: string | null): value is DirectoryKind {
  return DIRECTORY_KINDS.includes(value as DirectoryKind);
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function DirectoryImportPage() {
  const { t } = useConsoleTranslation();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [params, setParams] = useSearchParams();
  const kind: DirectoryKind = isDirectoryKind(params.get('kind')) ? (params.get('kind') as DirectoryKind) : 'departments';
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const abortRef = useRef<AbortController>(undefined);

  const columnLabel = (column: string) => {
    const field = COLUMN_FIELDS[column as keyof typeof COLUMN_FIELDS];
    if (!column) return '—';
    return field ? `${t(`directory.fields.${field}`)} · ${column}` : column;
  };

  const run = async (file: File, preview?: ImportResultDto) => {
    const controller = new AbortController();
    abortRef.current = controller;
    const progress = { loaded: 0, total: file.size };
    setStage(preview ? { step: 'uploading', purpose: 'import', file, progress, preview } : { step: 'uploading', purpose: 'check', file, progress });
    try {
      const result = await importDirectoryFile(kind, file, {
        dryRun: !preview,
        signal: controller.signal,
        onProgress: (next) => setStage((current) => (current.step === 'uploading' ? { ...current, progress: next } : current)),
      });
      setStage(preview ? { step: 'done', file, result } : { step: 'preview', file, result });
    } catch (error) {
      if (controller.signal.aborted) {
        setStage({ step: 'choose' });
      } else if (isUnauthorized(error)) {
        reportError(error);
      } else if (error instanceof ApiError && error.code === 'IMPORT_INVALID') {
        setStage({ step: 'invalid', file, problems: rowProblems(error) });
      } else {
        setStage(preview ? { step: 'preview', file, result: preview, failure: error } : { step: 'choose', failure: error });
      }
    }
  };

  const downloadProblems = (file: File, problems: RowProblem[]) => {
    const header = [t('import.columns.row'), t('import.columns.column'), t('import.columns.message')];
    const lines = [header, ...problems.map((p) => [p.row, columnLabel(p.column), p.message])].map((row) => row.map(csvCell).join(','));
    // A byte-order mark, so Excel opens the UTF-8 file with the right characters.
    const blob = new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
    saveBlob(blob, `${t('import.errorsFileName')}-${file.name.replace(/\.[^.]+$/, '')}.csv`);
  };

  const restart = () => setStage({ step: 'choose' });
  const kindLabel = t(`nav.${kind}`);

  return (
    <>
      <PageHeader title={t('nav.import')} />
      <Card className="console-import">
        <Steps
          current={stepIndex(stage)}
          status={stage.step === 'invalid' ? 'error' : stage.step === 'done' ? 'finish' : 'process'}
          items={[{ title: t('import.steps.choose') }, { title: t('import.steps.preview') }, { title: t('import.steps.done') }]}
          size="small"
          responsive={false}
          className="console-import__steps"
        />

        {stage.step === 'choose' && (
          <Space orientation="vertical" size="middle" className="console-block">
            <div>
              <Typography.Text strong id="import-kind-label">
                {t('import.kind')}
              </Typography.Text>
              <div className="console-import__kind">
                <Radio.Group
                  aria-labelledby="import-kind-label"
                  optionType="button"
                  buttonStyle="solid"
                  value={kind}
                  options={DIRECTORY_KINDS.map((value) => ({ value, label: t(`nav.${value}`) }))}
                  onChange={(event) =>
                    setParams(
                      (previous) => {
                        const next = new URLSearchParams(previous);
                        next.set('kind', event.target.value as string);
                        return next;
                      },
                      { replace: true },
                    )
                  }
                />
              </div>
            </div>
            {stage.failure !== undefined && (
              <Alert type="error" showIcon title={describeError(stage.failure)} description={<RequestIdNote error={stage.failure} />} />
            )}
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              beforeUpload={(file) => {
                void run(file);
                return false;
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('import.dropTitle')}</p>
              <p className="ant-upload-hint">{t('import.dropHint')}</p>
            </Upload.Dragger>
            <Typography.Paragraph type="secondary" className="console-import__columns">
              {t(`import.columnsHint.${kind}`)}
              {kind === 'enterprises' && (
                <>
                  <br />
                  {t('import.orderHint')}
                </>
              )}
            </Typography.Paragraph>
            <DownloadButton type="link" icon={<DownloadOutlined />} download={() => downloadDirectoryTemplate(kind)}>
              {t('import.template')}
            </DownloadButton>
          </Space>
        )}

        {stage.step === 'uploading' && (
          <UploadProgressPanel
            title={t(stage.purpose === 'check' ? 'import.checking' : 'import.importing', { name: stage.file.name })}
            progress={stage.progress}
            onCancel={stage.purpose === 'check' ? () => abortRef.current?.abort() : undefined}
          />
        )}

        {stage.step === 'preview' && (
          <Space orientation="vertical" size="middle" className="console-block">
            <FileSummary kind={kindLabel} file={stage.file} />
            {stage.failure !== undefined && (
              <Alert type="error" showIcon title={describeError(stage.failure)} description={<RequestIdNote error={stage.failure} />} />
            )}
            {stage.result.created + stage.result.updated === 0 ? (
              <Alert type="info" showIcon title={t('import.nothingToImport')} />
            ) : (
              <Alert type="success" showIcon title={t('import.previewTitle')} description={t('import.previewDescription')} />
            )}
            <ImportCounts result={stage.result} />
            <Space wrap>
              <Button
                type="primary"
                icon={<UploadOutlined />}
                disabled={stage.result.created + stage.result.updated === 0}
                onClick={() => void run(stage.file, stage.result)}
              >
                {t('import.confirm')}
              </Button>
              <Button onClick={restart}>{t('import.chooseAgain')}</Button>
            </Space>
          </Space>
        )}

        {stage.step === 'invalid' && (
          <Space orientation="vertical" size="middle" className="console-block">
            <FileSummary kind={kindLabel} file={stage.file} />
            <Alert
              type="error"
              showIcon
              title={t('import.invalidTitle', { total: stage.problems.length })}
              description={
                <>
                  {t('import.invalidDescription')}
                  {stage.problems.length >= MAX_REPORTED_PROBLEMS && <> {t('import.truncated', { total: MAX_REPORTED_PROBLEMS })}</>}
                </>
              }
            />
            <ProblemTable problems={stage.problems} columnLabel={columnLabel} />
            <Space wrap>
              <Button icon={<DownloadOutlined />} onClick={() => downloadProblems(stage.file, stage.problems)}>
                {t('import.downloadErrors')}
              </Button>
              <Button type="primary" onClick={restart}>
                {t('import.chooseAgain')}
              </Button>
            </Space>
          </Space>
        )}

        {stage.step === 'done' && (
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title={t('import.doneTitle')}
            subTitle={t('import.doneDescription', { kind: kindLabel, ...stage.result })}
            extra={[
              <Button key="list" type="primary" onClick={() => void navigate(`${CONSOLE_HOME}/directory/${kind}`)}>
                {t('import.viewList')}
              </Button>,
              <Button key="again" onClick={restart}>
                {t('import.importAnother')}
              </Button>,
            ]}
          />
        )}
      </Card>
    </>
  );
}

function FileSummary({ kind, file }: { kind: string; file: File }) {
  const { t } = useConsoleTranslation();
  return (
    <Typography.Text type="secondary">{t('import.fileSummary', { kind, name: file.name, size: formatFileSize(file.size) })}</Typography.Text>
  );
}

function ImportCounts({ result }: { result: ImportResultDto }) {
  const { t } = useConsoleTranslation();
  const counts = [
    { key: 'created', title: t('import.created'), value: result.created, className: 'console-count console-count--created' },
    { key: 'updated', title: t('import.updated'), value: result.updated, className: 'console-count console-count--updated' },
    { key: 'unchanged', title: t('import.unchanged'), value: result.unchanged, className: 'console-count' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {counts.map((count) => (
        <Col key={count.key} xs={8}>
          <Card size="small" className={count.className}>
            <Statistic title={count.title} value={count.value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function UploadProgressPanel({ title, progress, onCancel }: { title: string; progress: UploadProgress; onCancel?: () => void }) {
  const { t } = useConsoleTranslation();
  const total = progress.total || 0;
  const uploaded = total > 0 && progress.loaded >= total;
  const percent = total > 0 ? Math.floor((progress.loaded / total) * 100) : 0;
  return (
    <Space orientation="vertical" size="middle" className="console-block console-import__progress" aria-live="polite">
      <Typography.Text strong>{title}</Typography.Text>
      <Progress percent={percent} status="active" />
      {uploaded ? (
        <Space>
          <Spin size="small" />
          <Typography.Text type="secondary">{t('import.serverWorking')}</Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">
          {t('import.uploading', { loaded: formatFileSize(progress.loaded), total: formatFileSize(total) })}
        </Typography.Text>
      )}
      {onCancel && <Button onClick={onCancel}>{t('import.cancel')}</Button>}
    </Space>
  );
}

function ProblemTable({ problems, columnLabel }: { problems: RowProblem[]; columnLabel: (column: string) => string }) {
  const { t } = useConsoleTranslation();
  const columns: TableColumnsType<RowProblem> = [
    { key: 'row', title: t('import.columns.row'), dataIndex: 'row', width: 72 },
    {
      key: 'column',
      title: t('import.columns.column'),
      dataIndex: 'column',
      render: (column: string) => <span className="console-nowrap">{columnLabel(column)}</span>,
    },
    { key: 'message', title: t('import.columns.message'), dataIndex: 'message' },
  ];
  return (
    <Table<RowProblem>
      rowKey={(problem) => `${problem.row}|${problem.column}|${problem.message}`}
      size="small"
      columns={columns}
      dataSource={problems}
      scroll={{ x: 'max-content' }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      className="console-table"
    />
  );
}
