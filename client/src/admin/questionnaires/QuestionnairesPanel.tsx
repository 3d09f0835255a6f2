import './questionnaires.css';
import { DownloadOutlined, EyeOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Segmented, Select, Skeleton, Space, Spin, Table, Tag, Tooltip, Typography, Upload, type TableColumnsType } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useSearchParams } from 'react-router';
import { saveBlob } from '../../api/client';
import { ApiError, describeError, fieldProblems } from '../../api/errors';
import type { CampaignDto, EvaluationDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { localName } from '../BilingualName';
import { LoadFailure } from '../LoadFailure';
import { isAdmin } from '../roles';
import { isUnauthorized, useCurrentUser, useRedirectToLogin } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { useReportError } from '../useReportError';
import { JsonEditor, revealOffset } from './JsonEditor';
import { formatJson, lineLocator, offsetOfPath, parseJson, type JsonSyntaxProblem, type ParsedJson } from './jsonText';
import {
  fetchQuestionnaireVersion,
  fetchQuestionnaireVersions,
  saveQuestionnaire,
  type QuestionnaireVersionDto,
  type QuestionnaireVersionSummaryDto,
  type SavedQuestionnaireDto,
  type SurveyJson,
} from './questionnaireApi';
import { PreviewBoundary } from './PreviewBoundary';
import type { PreviewLanguage, SurveyCoreProblem } from './SurveyPreview';

// survey-core and survey-react-ui come with the preview alone, after the editor is on screen.
const SurveyPreview = lazy(() => import('./SurveyPreview'));

/** As the server measures it (questionnaire-rules.ts); a larger file is refused before reading. */
const MAX_BYTES = 256 * 1024;
/** How long typing pauses before the preview and the checks catch up. */
const SETTLE_MS = 350;
/** And before the server is asked, on top: each check is a request. */
const SERVER_CHECK_MS = 500;

interface CampaignQuestionnairesProps {
  campaign: CampaignDto;
  /** After a save: the campaign's figures (the version of each evaluation) have changed. */
  onSaved: () => void;
}

/** The questionnaire tab: one evaluation at a time, its versions, the JSON beside a live preview. */
export function QuestionnairesPanel({ campaign, onSaved }: CampaignQuestionnairesProps) {
  const { t } = useConsoleTranslation();
  const [params, setParams] = useSearchParams();
  const evaluation = campaign.evaluations.find((e) => e.kind === params.get('evaluation')) ?? campaign.evaluations[0];
  if (!evaluation) return null;
  const choose = (kind: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('evaluation', kind);
        return next;
      },
      { replace: true },
    );
  return (
    <Space orientation="vertical" size="middle" className="console-block">
      <div className="console-toolbar">
        <Typography.Text>{t('questionnaires.evaluation')}</Typography.Text>
        <Select
          value={evaluation.kind}
          onChange={choose}
          aria-label={t('questionnaires.evaluation')}
          className="questionnaire-evaluation-select"
          options={campaign.evaluations.map((e) => ({ value: e.kind, label: localName(e.titleZh, e.titleEn) }))}
        />
      </div>
      <EvaluationQuestionnaire key={evaluation.id} campaign={campaign} evaluation={evaluation} onSaved={onSaved} />
    </Space>
  );
}

interface Problem {
  severity: 'error' | 'warning';
  message: string;
  /** Where in the text, when known. */
  offset?: number;
}

type PlacedProblem = Problem & { place?: { line: number; column: number } };

/** What the server said of a text: what a save would do and the notes, or why it would refuse it. */
interface ServerCheck {
  text: string;
  result?: SavedQuestionnaireDto;
  errors?: { field: string; message: string }[];
  failure?: string;
}

const isObject = (value: unknown): value is SurveyJson => typeof value === 'object' && value !== null && !Array.isArray(value);

const SYNTAX_KEYS = {
  'unexpected-end': 'unexpectedEnd',
  'unexpected-character': 'unexpectedCharacter',
  'expected-key': 'expectedKey',
  'expected-colon': 'expectedColon',
  'expected-comma': 'expectedComma',
  'bad-string': 'badString',
  'bad-number': 'badNumber',
  'trailing-content': 'trailingContent',
} as const satisfies Record<JsonSyntaxProblem['kind'], string>;

function EvaluationQuestionnaire({ campaign, evaluation, onSaved }: { campaign: CampaignDto; evaluation: EvaluationDto; onSaved: () => void }) {
  const { t } = useConsoleTranslation();
  const { message, modal } = App.useApp();
  const reportError = useReportError();
  const redirectToLogin = useRedirectToLogin();
  const admin = isAdmin(useCurrentUser());
  const campaignEditable = campaign.status === 'draft' || campaign.status === 'open';
  const editable = admin && campaignEditable;

  const loadVersions = useCallback(() => fetchQuestionnaireVersions(evaluation.id), [evaluation.id]);
  const versions = useRemoteData(loadVersions);
  const latestVersion = versions.data?.[0]?.version;

  // The latest version as saved, and the text in the editor.
  const [baseline, setBaseline] = useState<{ version: number; text: string }>();
  const [text, setText] = useState('');
  // Counts the times the text is replaced rather than typed: the checks then run at once.
  const [replacements, setReplacements] = useState(0);
  const replaceText = useCallback((next: string | ((shown: string) => string)) => {
    setText(next);
    setReplacements((n) => n + 1);
  }, []);
  const [latestError, setLatestError] = useState<unknown>();
  const dirty = baseline !== undefined && text !== baseline.text;
  useEffect(() => {
    // Only a newer version: right after a save the list may not have caught up yet.
    if (latestVersion === undefined || latestVersion <= (baseline?.version ?? 0)) return;
    let current = true;
    fetchQuestionnaireVersion(evaluation.id, latestVersion).then(
      (loaded) => {
        if (!current) return;
        const loadedText = formatJson(loaded.survey);
        // Someone saved meanwhile: unsaved edits here stay, now measured against the new version.
        replaceText((shown) => (baseline === undefined || shown === baseline.text ? loadedText : shown));
        setBaseline({ version: loaded.version, text: loadedText });
      },
      (error: unknown) => current && setLatestError(error),
    );
    return () => {
      current = false;
    };
  }, [evaluation.id, latestVersion, baseline, replaceText]);

  // An older version, shown read-only in place of the editor.
  const [viewed, setViewed] = useState<QuestionnaireVersionDto>();
  const viewedText = useMemo(() => (viewed ? formatJson(viewed.survey) : undefined), [viewed]);
  const shownText = viewedText ?? text;
  const readOnly = !editable || viewed !== undefined;

  const settled = useSettled(shownText, SETTLE_MS, `${replacements}:${viewed?.id ?? ''}`);
  const parsed = useMemo(() => parseJson(settled), [settled]);
  const survey = parsed.ok && isObject(parsed.value) ? parsed.value : undefined;
  const [previewSurvey, setPreviewSurvey] = useState<SurveyJson>();
  useEffect(() => {
    if (survey) setPreviewSurvey(survey);
  }, [survey]);

  // survey-core's word on the JSON, from the preview's model of it.
  const [local, setLocal] = useState<{ survey: SurveyJson; problems: SurveyCoreProblem[] }>();
  const onPreviewProblems = useCallback((problems: SurveyCoreProblem[], of: SurveyJson) => setLocal({ survey: of, problems }), []);

  // The server's: the structure rules and the answer validator, by a dry run.
  const [server, setServer] = useState<ServerCheck>();
  useEffect(() => {
    if (!editable || viewed || !survey) return;
    let current = true;
    const timer = window.setTimeout(() => {
      saveQuestionnaire(evaluation.id, survey, true).then(
        (result) => current && setServer({ text: settled, result }),
        (error: unknown) => {
          if (!current) return;
          if (isUnauthorized(error)) redirectToLogin();
          else setServer({ text: settled, ...refusal(error) });
        },
      );
    }, SERVER_CHECK_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [editable, viewed, survey, settled, evaluation.id, redirectToLogin]);

  const checked = server?.text === settled ? server : undefined;
  const problems = useMemo((): PlacedProblem[] => {
    const locate = lineLocator(settled);
    return findProblems(parsed, checked, local && local.survey === survey ? local.problems : [], t).map((p) =>
      p.offset === undefined ? p : { ...p, place: locate(p.offset) },
    );
  }, [parsed, survey, checked, local, settled, t]);
  const hasErrors = problems.some((p) => p.severity === 'error');
  const serverChecks = editable && !viewed;
  const checking =
    shownText !== settled || (survey !== undefined && (serverChecks ? checked === undefined : local?.survey !== survey));
  const markedLines = useMemo(() => new Set(problems.flatMap((p) => (p.severity === 'error' && p.place ? [p.place.line] : []))), [problems]);

  const [saving, setSaving] = useState(false);
  const save = async () => {
    const now = parseJson(text);
    if (!now.ok || !isObject(now.value)) return;
    setSaving(true);
    try {
      const result = await saveQuestionnaire(evaluation.id, now.value);
      setBaseline({ version: result.version, text });
      setServer({ text, result: { ...result, outcome: 'unchanged' } });
      const notes = result.warnings.length > 0 ? ` ${t('questionnaires.savedWithWarnings', { count: result.warnings.length })}` : '';
      void message.success(`${t(`questionnaires.saved.${result.outcome}`, { version: result.version })}${notes}`);
      versions.reload();
      if (result.outcome !== 'unchanged') onSaved();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 422 || error.status === 413)) setServer({ text, ...refusal(error) });
      reportError(error);
    } finally {
      setSaving(false);
    }
  };

  // Leaving with unsaved changes (another tab or evaluation, another page) asks first.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search));
  const confirmDiscard = useCallback(
    (onOk: () => void, onCancel?: () => void) =>
      modal.confirm({
        title: t('questionnaires.discard.title'),
        content: t('questionnaires.discard.content'),
        okText: t('questionnaires.discard.ok'),
        okButtonProps: { danger: true },
        cancelText: t('actions.cancel'),
        onOk,
        onCancel,
      }),
    [modal, t],
  );
  const blocked = blocker.state === 'blocked';
  const { proceed, reset } = blocker;
  useEffect(() => {
    if (blocked) confirmDiscard(() => proceed?.(), () => reset?.());
  }, [blocked, proceed, reset, confirmDiscard]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const unlessDirty = (action: () => void) => (dirty ? confirmDiscard(action) : action());

  const view = async (version: number) => {
    if (version === latestVersion) {
      setViewed(undefined);
      return;
    }
    try {
      setViewed(await fetchQuestionnaireVersion(evaluation.id, version));
    } catch (error) {
      reportError(error);
    }
  };
  const editFromViewed = () =>
    unlessDirty(() => {
      if (!viewed || viewedText === undefined) return;
      replaceText(viewedText);
      setViewed(undefined);
      void message.info(t('questionnaires.loadedIntoEditor', { version: viewed.version }));
    });

  const importFile = (file: File) =>
    unlessDirty(() => {
      if (file.size > MAX_BYTES) {
        void message.error(t('questionnaires.import.tooLarge'));
        return;
      }
      file.text().then(
        (content) => {
          const read = parseJson(content);
          setViewed(undefined);
          replaceText(read.ok ? formatJson(read.value) : content);
          void message.success(t('questionnaires.import.done', { name: file.name }));
        },
        () => void message.error(t('questionnaires.import.unreadable')),
      );
    });

  const exportFile = () => {
    const version = viewed?.version ?? baseline?.version ?? 1;
    const edited = !viewed && dirty ? '-edited' : '';
    saveBlob(new Blob([shownText], { type: 'application/json' }), `${campaign.slug}-${evaluation.kind}-v${version}${edited}.json`);
  };

  const textarea = useRef<HTMLTextAreaElement>(null);
  const reveal = (offset: number | undefined) => {
    if (offset !== undefined && textarea.current) revealOffset(textarea.current, offset);
  };

  const [language, setLanguage] = useState<PreviewLanguage>(currentLanguage() === 'en' ? 'en' : 'zh');
  const hint = !admin ? 'viewer' : campaign.status === 'draft' ? 'draft' : campaign.status === 'open' ? 'open' : 'closed';
  const outcome = serverChecks && dirty && checked?.result ? checked.result : undefined;

  if (versions.error !== undefined) return <LoadFailure error={versions.error} onRetry={versions.reload} />;
  if (latestError !== undefined) return <LoadFailure error={latestError} onRetry={() => { setLatestError(undefined); setBaseline(undefined); versions.reload(); }} />;
  if (!versions.data || !baseline) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <Space orientation="vertical" size="middle" className="console-block">
      <Alert type={campaignEditable ? 'info' : 'warning'} showIcon title={t(`questionnaires.hints.${hint}`)} />
      <VersionsCard versions={versions.data} viewing={viewed?.version ?? latestVersion} onView={(v) => void view(v)} />
      {viewed && (
        <Alert
          type="info"
          showIcon
          title={t('questionnaires.viewingOld', { version: viewed.version })}
          action={
            <Space wrap>
              <Button size="small" onClick={() => setViewed(undefined)}>
                {t('questionnaires.backToLatest')}
              </Button>
              {editable && (
                <Button size="small" onClick={editFromViewed}>
                  {t('questionnaires.editFromThis')}
                </Button>
              )}
            </Space>
          }
        />
      )}
      <div className="console-toolbar">
        {editable && (
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              importFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('questionnaires.editor.import')}</Button>
          </Upload>
        )}
        <Button icon={<DownloadOutlined />} onClick={exportFile}>
          {t('questionnaires.editor.export')}
        </Button>
        {editable && !viewed && (
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty || hasErrors || !parsed.ok} onClick={() => void save()}>
            {t('questionnaires.editor.save')}
          </Button>
        )}
        {editable && !viewed && dirty && <Tag color="gold">{t('questionnaires.editor.unsaved')}</Tag>}
        {outcome && !hasErrors && (
          <Typography.Text type="secondary" className="questionnaire-outcome">
            {t(`questionnaires.outcome.${outcome.outcome}`, { version: outcome.version })}
          </Typography.Text>
        )}
      </div>
      <div className="questionnaire-workspace">
        <Card size="small" title={t('questionnaires.editor.title')} className="questionnaire-workspace__pane">
          <JsonEditor
            value={shownText}
            onChange={setText}
            readOnly={readOnly}
            markedLines={markedLines}
            label={t('questionnaires.editor.label')}
            textareaRef={textarea}
          />
          <ProblemList problems={problems} checking={checking} onReveal={reveal} />
        </Card>
        <Card
          size="small"
          title={t('questionnaires.preview.title')}
          className="questionnaire-workspace__pane"
          extra={
            <Segmented<PreviewLanguage>
              size="small"
              value={language}
              onChange={setLanguage}
              options={[
                { value: 'zh', label: t('questionnaires.preview.chinese') },
                { value: 'en', label: t('questionnaires.preview.english') },
              ]}
            />
          }
        >
          {evaluation.targetGroup && (
            <Typography.Paragraph type="secondary" className="questionnaire-preview__note">
              {t('questionnaires.preview.targetsHint')}
            </Typography.Paragraph>
          )}
          {!survey && previewSurvey && <Alert type="warning" showIcon title={t('questionnaires.preview.stale')} className="questionnaire-preview__note" />}
          <div className="questionnaire-preview" data-testid="questionnaire-preview">
            {previewSurvey && (
              <PreviewBoundary resetKey={previewSurvey} describe={(error) => t('questionnaires.problems.surveyCore', { message: error.message })}>
                <Suspense fallback={<Spin tip={t('questionnaires.preview.loading')}><div className="questionnaire-preview__loading" /></Spin>}>
                  <SurveyPreview survey={previewSurvey} kind={evaluation.kind} language={language} onProblems={onPreviewProblems} />
                </Suspense>
              </PreviewBoundary>
            )}
          </div>
        </Card>
      </div>
    </Space>
  );
}

/** The versions, newest first, with whether answers use them. */
function VersionsCard({ versions, viewing, onView }: { versions: QuestionnaireVersionSummaryDto[]; viewing: number | undefined; onView: (version: number) => void }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const latest = versions[0]?.version;
  const columns: TableColumnsType<QuestionnaireVersionSummaryDto> = [
    { key: 'version', title: t('questionnaires.versions.columns.version'), render: (_, v) => t('questionnaires.versions.version', { version: v.version }) },
    {
      key: 'state',
      title: t('questionnaires.versions.columns.state'),
      render: (_, v) => (
        <Space size={4} wrap>
          {v.version === latest && <Tag color="green">{t('questionnaires.versions.latest')}</Tag>}
          {v.frozenAt ? (
            <Tooltip title={t('questionnaires.versions.frozenSince', { time: formatDateTime(v.frozenAt, language) })}>
              <Tag color="blue">{t('questionnaires.versions.frozen')}</Tag>
            </Tooltip>
          ) : (
            <Tag>{t('questionnaires.versions.unused')}</Tag>
          )}
        </Space>
      ),
    },
    { key: 'use', title: t('questionnaires.versions.columns.use'), render: (_, v) => t('questionnaires.versions.use', { submitted: v.responseCount, drafts: v.draftCount }) },
    { key: 'createdAt', title: t('questionnaires.versions.columns.createdAt'), responsive: ['md'], render: (_, v) => formatDateTime(v.createdAt, language) },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_, v) =>
        v.version === viewing ? (
          <Typography.Text type="secondary">{v.version === latest ? t('questionnaires.versions.inEditor') : t('questionnaires.versions.viewing')}</Typography.Text>
        ) : (
          <Button size="small" icon={<EyeOutlined />} onClick={() => onView(v.version)}>
            {t('questionnaires.versions.view')}
          </Button>
        ),
    },
  ];
  return (
    <Card size="small" title={t('questionnaires.versions.title')}>
      <Table<QuestionnaireVersionSummaryDto> rowKey="id" size="small" columns={columns} dataSource={versions} pagination={false} className="questionnaire-versions" />
    </Card>
  );
}

function ProblemList({ problems, checking, onReveal }: { problems: PlacedProblem[]; checking: boolean; onReveal: (offset: number | undefined) => void }) {
  const { t } = useConsoleTranslation();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <div className="questionnaire-problems" aria-live="polite">
      <div className="questionnaire-problems__summary">
        <Typography.Text strong>{t('questionnaires.problems.title')}</Typography.Text>
        {errors > 0 && <Tag color="red">{t('questionnaires.problems.errors', { count: errors })}</Tag>}
        {warnings > 0 && <Tag color="gold">{t('questionnaires.problems.warnings', { count: warnings })}</Tag>}
        {checking ? (
          <Typography.Text type="secondary">{t('questionnaires.problems.checking')}</Typography.Text>
        ) : (
          problems.length === 0 && <Typography.Text type="success">{t('questionnaires.problems.none')}</Typography.Text>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="questionnaire-problems__list">
          {problems.map((problem, i) => {
            const { place } = problem;
            return (
              <li key={i} className={`questionnaire-problem questionnaire-problem--${problem.severity}`}>
                <Tag color={problem.severity === 'error' ? 'red' : 'gold'}>{t(`questionnaires.problems.${problem.severity}`)}</Tag>
                {place && (
                  <Button type="link" size="small" className="questionnaire-problem__place" onClick={() => onReveal(problem.offset)}>
                    {t('questionnaires.problems.lineColumn', place)}
                  </Button>
                )}
                <span className="questionnaire-problem__message">{problem.message}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

type Translate = ReturnType<typeof useConsoleTranslation>['t'];

/**
 * The problems of the text the checks ran on: its syntax; else the server's verdict when it has
 * come (it includes survey-core's); else survey-core's, from the preview, meanwhile.
 */
function findProblems(parsed: ParsedJson, checked: ServerCheck | undefined, surveyCore: SurveyCoreProblem[], t: Translate): Problem[] {
  if (!parsed.ok) {
    const { problem, offset } = parsed.error;
    return [{ severity: 'error', message: t(`questionnaires.problems.syntax.${SYNTAX_KEYS[problem.kind]}`, problem), offset }];
  }
  if (!isObject(parsed.value)) return [{ severity: 'error', message: t('questionnaires.problems.notObject'), offset: 0 }];
  const at = (path: string) => offsetOfPath(parsed.positions, path);
  if (checked?.errors || checked?.result) {
    return [
      ...(checked.errors ?? []).map((e): Problem => ({ severity: 'error', message: e.message, offset: at(e.field) })),
      ...(checked.result?.warnings ?? []).map((w): Problem => ({ severity: 'warning', message: localized(w.messages, w.message), offset: at(w.field) })),
    ];
  }
  const found = surveyCore.map((p): Problem => ({ severity: 'error', message: t('questionnaires.problems.surveyCore', { message: p.message }), offset: at(p.path) }));
  if (checked?.failure) found.push({ severity: 'warning', message: t('questionnaires.problems.serverUnavailable', { message: checked.failure }) });
  return found;
}

/** What the server's refusal says, as a check's result. */
function refusal(error: unknown): Pick<ServerCheck, 'errors' | 'failure'> {
  if (error instanceof ApiError && error.status === 422) return { errors: fieldProblems(error) };
  if (error instanceof ApiError && error.status === 413) return { errors: [{ field: 'survey', message: describeError(error) }] };
  return { failure: describeError(error) };
}

function localized(messages: { zh: string; en: string } | undefined, fallback: string): string {
  if (!messages) return fallback;
  return currentLanguage() === 'en' ? messages.en : messages.zh;
}

/** `value` once it has stopped changing for `delay` ms, or at once when `source` changes (a new text rather than typing). */
function useSettled<T>(value: T, delay: number, source: string): T {
  const [settled, setSettled] = useState({ value, source });
  if (settled.source !== source) setSettled({ value, source });
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled({ value, source }), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay, source]);
  return settled.source === source ? settled.value : value;
}
