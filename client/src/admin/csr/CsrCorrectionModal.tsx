import { Alert, Checkbox, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { describeError, fieldProblems } from '../../api/errors';
import { currentLanguage } from '../../i18n';
import { CERTIFICATIONS } from '../campaigns/scoringConfigForm';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { checkFigure, type CsrDeclarationDto, type CsrFigureStateDto, type CsrFigureValue } from './csrApi';
import { FIGURE_KINDS, formatFigure, NO_CERTIFICATION, type FigureKind } from './csrFigures';

/** The longest reason the server keeps (CsrFigureCheckDto). */
const MAX_REASON = 2000;
/** The fields the server may name in its refusal; anything else is said above the form. */
const FORM_FIELDS = ['value', 'reason'] as const;

interface CorrectionValues {
  value: number | boolean | string[] | null | undefined;
  reason: string | undefined;
}

interface CsrCorrectionModalProps {
  campaignId: string;
  uscc: string;
  /** The figure being corrected; none closes the modal. */
  state: CsrFigureStateDto | undefined;
  onSaved: (next: CsrDeclarationDto) => void;
  onClose: () => void;
}

/**
 * Replaces a figure with the office's value and the reason for it. The input suits the figure:
 * a number, 是/否, or the certifications held. The server decides what is valid; its refusal is
 * shown under the field it names, in the console's language.
 */
export function CsrCorrectionModal({ campaignId, uscc, state, onSaved, onClose }: CsrCorrectionModalProps) {
  const { t } = useConsoleTranslation();
  const language = currentLanguage();
  const [form] = Form.useForm<CorrectionValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const kind = state ? FIGURE_KINDS[state.figure] : 'amount';

  useEffect(() => {
    if (!state) return;
    form.resetFields();
    form.setFieldsValue({ value: editableValue(FIGURE_KINDS[state.figure], state.value), reason: '' });
    setFailure(undefined);
  }, [state, form]);

  const submit = async ({ value, reason }: CorrectionValues) => {
    if (!state) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onSaved(await checkFigure(campaignId, uscc, state.figure, { action: 'correct', value: value ?? null, reason: reason?.trim() ?? '' }));
    } catch (error) {
      const problems = fieldProblems(error);
      const onFields = problems.filter((problem) => (FORM_FIELDS as readonly string[]).includes(problem.field));
      form.setFields(FORM_FIELDS.map((name) => ({ name, errors: onFields.filter((problem) => problem.field === name).map((problem) => problem.message) })));
      const elsewhere = problems.filter((problem) => !onFields.includes(problem));
      if (elsewhere.length > 0) setFailure(elsewhere.map((problem) => problem.message).join(' '));
      else if (onFields.length === 0) setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const figure = state ? t(`csr.figures.${state.figure}`) : '';
  return (
    <Modal
      open={state !== undefined}
      title={t('csr.correction.title', { figure })}
      okText={t('csr.correction.ok')}
      cancelText={t('actions.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
      className="csr-correction"
    >
      {state && (
        <Typography.Paragraph>
          {t('csr.correction.intro', { declared: formatFigure(state.figure, state.declared, t, language), value: formatFigure(state.figure, state.value, t, language) })}
        </Typography.Paragraph>
      )}
      {failure && <Alert type="error" showIcon title={failure} className="console-form-alert" role="alert" />}
      <Form form={form} name="csr-correction" layout="vertical" onFinish={(values) => void submit(values)}>
        {/* Required, but the server says so: its message is the one shown. */}
        <Form.Item name="value" label={t('csr.correction.value')} required>
          <ValueInput kind={kind} label={t('csr.correction.value')} />
        </Form.Item>
        <Form.Item name="reason" label={t('csr.correction.reason')} extra={t('csr.correction.reasonHint')} required>
          <Input.TextArea rows={3} maxLength={MAX_REASON} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ValueInputProps {
  kind: FigureKind;
  label: string;
  value?: CorrectionValues['value'];
  onChange?: (value: CorrectionValues['value']) => void;
}

/** The input of one kind of figure, as a form control. */
function ValueInput({ kind, label, value, onChange }: ValueInputProps) {
  const { t } = useConsoleTranslation();
  switch (kind) {
    case 'yes-no':
      return (
        <Radio.Group
          aria-label={label}
          value={value}
          onChange={(event) => onChange?.(event.target.value as boolean)}
          options={[
            { value: true, label: t('csr.yes') },
            { value: false, label: t('csr.no') },
          ]}
          optionType="button"
        />
      );
    case 'certifications':
      return (
        <>
          <Checkbox.Group
            aria-label={label}
            value={Array.isArray(value) ? value : []}
            onChange={(codes) => onChange?.(codes as string[])}
            options={CERTIFICATIONS.map((code) => ({ value: code, label: t(`csr.certifications.${code}`) }))}
            className="csr-certifications"
          />
          <Typography.Text type="secondary" className="csr-certifications__none">
            {t('csr.correction.noCertification')}
          </Typography.Text>
        </>
      );
    default:
      return (
        <InputNumber<number>
          aria-label={label}
          value={typeof value === 'number' ? value : null}
          onChange={(next) => onChange?.(next)}
          min={0}
          max={kind === 'percent' ? 100 : undefined}
          precision={kind === 'count' ? 0 : undefined}
          suffix={kind === 'percent' ? '%' : undefined}
          className="csr-number"
        />
      );
  }
}

/** The current value as the input edits it: certifications without "none", which is an empty choice. */
function editableValue(kind: FigureKind, value: CsrFigureValue | null): CorrectionValues['value'] {
  if (kind === 'certifications') return Array.isArray(value) ? value.filter((code) => code !== NO_CERTIFICATION) : [];
  return value;
}
