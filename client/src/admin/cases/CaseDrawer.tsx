import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Radio, Select, Skeleton, Space, Timeline, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, describeError, fieldProblems } from '../../api/errors';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { localName } from '../BilingualName';
import { LoadFailure } from '../LoadFailure';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useIsDesktop } from '../useIsDesktop';
import { useRemoteData } from '../useRemoteData';
import { useReportError } from '../useReportError';
import { actOnCase, fetchCase, type CaseAction, type CaseActionInput, type CaseDetailDto } from './caseApi';
import { formatOfficeDate, unitName } from './caseFormat';
import { useCaseCategoryOptions } from './useCaseCategoryOptions';
import { CaseStatusTag } from './CaseStatusTag';
import { useUnitOptions } from './useUnitOptions';

interface CaseDrawerProps {
  caseId: string | undefined;
  onClose: () => void;
  /** After an action changed the case, so the list can follow. */
  onChanged: () => void;
}

/** A case in full: what it is about, what happened to it, and what the caller may do next. */
export function CaseDrawer({ caseId, onClose, onChanged }: CaseDrawerProps) {
  const { t } = useConsoleTranslation();
  const isDesktop = useIsDesktop();
  const load = useCallback(() => (caseId ? fetchCase(caseId) : Promise.resolve(undefined)), [caseId]);
  const remote = useRemoteData(load);
  const [latest, setLatest] = useState<CaseDetailDto>();
  const fromServer = remote.data?.id === caseId ? remote.data : undefined;
  const detail = latest?.id === caseId ? latest : fromServer;

  useEffect(() => setLatest(undefined), [caseId, remote.data]);

  return (
    <Drawer
      open={caseId !== undefined}
      onClose={onClose}
      size={isDesktop ? 640 : '100%'}
      title={detail ? t('cases.drawerTitle', { number: detail.number }) : ' '}
      destroyOnHidden
      className="console-case-drawer"
    >
      {remote.error !== undefined && <LoadFailure error={remote.error} onRetry={remote.reload} />}
      {!detail && remote.error === undefined && <Skeleton active paragraph={{ rows: 8 }} />}
      {detail && (
        <CaseDetail
          detail={detail}
          onActed={(next) => {
            setLatest(next);
            onChanged();
          }}
        />
      )}
    </Drawer>
  );
}

function CaseDetail({ detail, onActed }: { detail: CaseDetailDto; onActed: (next: CaseDetailDto) => void }) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const date = (iso: string | null) => (iso ? formatDateTime(iso, language) : '—');
  const rectified = detail.rectified === null ? undefined : t(`cases.rectifiedValues.${detail.rectified ? 'yes' : 'no'}`);
  return (
    <Space orientation="vertical" size="large" className="console-block">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'status', label: t('cases.columns.status'), children: <CaseStatusTag status={detail.status} /> },
          { key: 'text', label: t('cases.fields.text'), children: <Typography.Paragraph className="console-case-text">{detail.text}</Typography.Paragraph> },
          { key: 'category', label: t('cases.columns.category'), children: detail.category ? localName(detail.category.nameZh, detail.category.nameEn) : '—' },
          {
            key: 'enterprise',
            label: t('cases.fields.enterprise'),
            children: detail.enterprise ? `${localName(detail.enterprise.nameZh, detail.enterprise.nameEn)} (${detail.enterprise.uscc})` : detail.source === 'office' ? '—' : t('cases.identityHidden'),
          },
          { key: 'source', label: t('cases.columns.source'), children: t(`cases.sources.${detail.source}`) + (detail.receivedVia ? ` · ${receivedViaLabel(detail.receivedVia, t)}` : '') },
          { key: 'unit', label: t('cases.columns.unit'), children: unitName(detail.unit) },
          {
            key: 'deadline',
            label: t('cases.columns.deadline'),
            children: detail.deadline ? (
              <Typography.Text type={detail.overdue ? 'danger' : undefined}>
                {formatOfficeDate(detail.deadline, language)}
                {detail.overdue && ` · ${t('cases.overdue')}`}
              </Typography.Text>
            ) : (
              '—'
            ),
          },
          { key: 'createdAt', label: t('cases.columns.createdAt'), children: date(detail.createdAt) },
          ...(detail.reply ? [{ key: 'reply', label: t('cases.fields.reply'), children: <Typography.Paragraph className="console-case-text">{detail.reply}</Typography.Paragraph> }] : []),
          ...(detail.rejectReason ? [{ key: 'rejectReason', label: t('cases.fields.rejectReason'), children: detail.rejectReason }] : []),
          ...(detail.mergedInto ? [{ key: 'mergedInto', label: t('cases.fields.mergedInto'), children: detail.mergedInto }] : []),
          ...(rectified ? [{ key: 'rectified', label: t('cases.fields.rectified'), children: rectified }] : []),
          ...(detail.handlingRating ? [{ key: 'rating', label: t('cases.fields.handlingRating'), children: t(`cases.ratings.${detail.handlingRating}`) }] : []),
        ]}
      />
      {detail.allowedActions.length > 0 && <CaseActions detail={detail} onActed={onActed} />}
      <div>
        <Typography.Title level={5}>{t('cases.fields.events')}</Typography.Title>
        <Timeline
          className="console-case-timeline"
          items={detail.events.map((event, index) => ({
            key: index,
            color: event.toStatus === 'closed' ? 'green' : event.toStatus === 'rejected' ? 'gray' : 'blue',
            title: formatDateTime(event.at, language),
            content: (
              <>
                <div>
                  <Typography.Text strong>{actionLabel(event.action, t)}</Typography.Text>
                  {event.toStatus && isKnownStatus(event.toStatus) && <> → {t(`cases.statuses.${event.toStatus}`)}</>}
                </div>
                <Typography.Text type="secondary">
                  {t(`cases.actorKinds.${event.actorKind}`)}
                  {event.actorName ? ` · ${event.actorName}` : ''}
                </Typography.Text>
                {event.note && <div className="console-case-text">{event.note}</div>}
              </>
            ),
          }))}
        />
      </div>
    </Space>
  );
}

type Translate = ReturnType<typeof useConsoleTranslation>['t'];

const KNOWN_ACTIONS = ['accept', 'reject', 'merge', 'assign', 'start', 'reply', 'close', 'send-back', 'reopen'];
const KNOWN_STATUSES = ['new', 'accepted', 'rejected', 'merged', 'assigned', 'in-progress', 'replied', 'closed', 'reopened'] as const;
const KNOWN_CHANNELS = ['phone', 'letter', 'visit', 'email'] as const;

function isKnownStatus(status: string): status is (typeof KNOWN_STATUSES)[number] {
  return (KNOWN_STATUSES as readonly string[]).includes(status);
}

/** An event's action in words; actions the console does not know (an enterprise's rating, a creation) show as sent. */
function actionLabel(action: string, t: Translate): string {
  if (KNOWN_ACTIONS.includes(action)) return t(`cases.actions.${action as CaseAction}`);
  return t(`cases.events.${action}`, { defaultValue: action });
}

export function receivedViaLabel(channel: string, t: Translate): string {
  return (KNOWN_CHANNELS as readonly string[]).includes(channel) ? t(`cases.receivedVia.${channel as (typeof KNOWN_CHANNELS)[number]}`) : channel;
}

// Actions taken with one click; the others need a few words or a choice first.
const WITHOUT_FORM: readonly CaseAction[] = ['accept', 'start'];

interface ActionForm {
  unitCode?: string;
  deadline?: Dayjs | null;
  text?: string;
  intoNumber?: number | null;
  categoryCode?: string;
  rectified?: 'yes' | 'no' | 'na';
}

function CaseActions({ detail, onActed }: { detail: CaseDetailDto; onActed: (next: CaseDetailDto) => void }) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<ActionForm>();
  const [action, setAction] = useState<CaseAction>();
  const categoryOptions = useCaseCategoryOptions(detail.category);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  const units = useUnitOptions(action === 'assign');

  const choose = (next: CaseAction) => {
    setRefusal(undefined);
    if (WITHOUT_FORM.includes(next)) {
      void run(next, {});
      return;
    }
    form.resetFields();
    if (next === 'assign' && detail.unit) form.setFieldsValue({ unitCode: detail.unit.code });
    if (next === 'assign' && detail.category) form.setFieldsValue({ categoryCode: detail.category.code });
    setAction(next);
  };

  const run = async (chosen: CaseAction, values: ActionForm) => {
    const input: CaseActionInput = {};
    if (values.unitCode) input.unitCode = values.unitCode;
    if (values.deadline) input.deadline = values.deadline.format('YYYY-MM-DD');
    if (values.text?.trim()) input.text = values.text.trim();
    if (typeof values.intoNumber === 'number') input.intoNumber = values.intoNumber;
    if (values.categoryCode) input.categoryCode = values.categoryCode;
    if (values.rectified === 'yes' || values.rectified === 'no') input.rectified = values.rectified === 'yes';
    setBusy(true);
    setRefusal(undefined);
    try {
      const next = await actOnCase(detail.id, chosen, input);
      void message.success(t('cases.done', { action: t(`cases.actions.${chosen}`) }));
      setAction(undefined);
      onActed(next);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // The server names the changes still allowed; shown as it says it.
        setRefusal(describeError(error));
      } else if (error instanceof ApiError && error.status === 400 && fieldProblems(error).length > 0) {
        const known = ['unitCode', 'deadline', 'text', 'intoNumber', 'categoryCode', 'rectified'];
        const problems = fieldProblems(error);
        form.setFields(problems.filter((p) => known.includes(p.field)).map((p) => ({ name: p.field as keyof ActionForm, errors: [p.message] })));
        const others = problems.filter((p) => !known.includes(p.field));
        if (others.length > 0) setRefusal(others.map((p) => p.message).join('; '));
      } else {
        reportError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const required = [{ required: true, whitespace: true, message: t('cases.form.required') }];
  return (
    <div className="console-case-actions">
      <Space wrap>
        {detail.allowedActions.map((allowed) => (
          <Button
            key={allowed}
            type={action === allowed ? 'primary' : 'default'}
            danger={allowed === 'reject'}
            loading={busy && (action === allowed || (action === undefined && WITHOUT_FORM.includes(allowed)))}
            onClick={() => choose(allowed)}
          >
            {t(`cases.actions.${allowed}`)}
          </Button>
        ))}
      </Space>
      {refusal && <Alert type="error" showIcon title={refusal} className="console-case-refusal" />}
      {action && !WITHOUT_FORM.includes(action) && (
        <Form<ActionForm> form={form} layout="vertical" className="console-case-form" onFinish={(values) => void run(action, values)} aria-label={t(`cases.actions.${action}`)}>
          {action === 'assign' && (
            <>
              <Form.Item name="unitCode" label={t('cases.form.unit')} rules={[{ required: true, message: t('cases.form.required') }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} loading={units.loading} options={units.groups} placeholder={t('cases.form.unitPlaceholder')} />
              </Form.Item>
              <Form.Item name="deadline" label={t('cases.form.deadline')} extra={t('cases.form.deadlineHint')}>
                <DatePicker className="console-full-width" />
              </Form.Item>
              <Form.Item name="categoryCode" label={t('cases.form.category')}>
                <Select allowClear options={categoryOptions} />
              </Form.Item>
            </>
          )}
          {action === 'reject' && (
            <Form.Item name="text" label={t('cases.form.reason')} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {action === 'merge' && (
            <Form.Item name="intoNumber" label={t('cases.form.intoNumber')} extra={t('cases.form.intoNumberHint')} rules={[{ required: true, message: t('cases.form.required') }]}>
              <InputNumber min={1} precision={0} className="console-full-width" />
            </Form.Item>
          )}
          {action === 'reply' && (
            <Form.Item name="text" label={t('cases.form.reply')} rules={required}>
              <Input.TextArea rows={5} />
            </Form.Item>
          )}
          {action === 'close' && (
            <Form.Item name="rectified" label={t('cases.form.rectified')} initialValue="na" rules={[{ required: true, message: t('cases.form.required') }]}>
              <Radio.Group
                options={(['yes', 'no', 'na'] as const).map((value) => ({ value, label: t(`cases.rectifiedValues.${value}`) }))}
              />
            </Form.Item>
          )}
          {(action === 'send-back' || action === 'reopen') && (
            <Form.Item name="text" label={t('cases.form.why')} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('cases.form.submit')}
            </Button>
            <Button onClick={() => setAction(undefined)}>{t('cases.form.cancel')}</Button>
          </Space>
        </Form>
      )}
    </div>
  );
}
