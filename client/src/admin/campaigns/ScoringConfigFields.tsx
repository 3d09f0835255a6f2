import { Form, InputNumber, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { currentLanguage } from '../../i18n';
import { formatPercent } from '../../shared/format';
import { useConsoleTranslation } from '../useConsoleTranslation';
import type { Amount, FormPath } from './scoringConfigForm';

type SectionName = 'points' | 'criteria' | 'eligibility' | 'composite' | 'awards' | 'uncertainty' | 'csr';

/** One group of settings as the office thinks of them: a heading, what it is about, its fields. */
export function ScoringSection({ name, children }: { name: SectionName; children: ReactNode }) {
  const { t } = useConsoleTranslation();
  return (
    <section className="console-scoring-config__section" aria-labelledby={`scoring-section-${name}`}>
      <Typography.Title level={5} id={`scoring-section-${name}`} className="console-scoring-config__title">
        {t(`scoringConfig.sections.${name}.title`)}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="console-scoring-config__hint">
        {t(`scoringConfig.sections.${name}.hint`)}
      </Typography.Paragraph>
      {children}
    </section>
  );
}

interface FieldGroupProps {
  title: string;
  /** What the form sees wrong with the set before the server is asked (weights all 0, points over 100). */
  warning?: string;
  problems?: string[];
  children: ReactNode;
}

/** A set of weights or points under its title; the server's messages about the set stand below it. */
export function FieldGroup({ title, warning, problems, children }: FieldGroupProps) {
  return (
    <div role="group" aria-label={title} className="console-scoring-config__group">
      <Typography.Text strong className="console-scoring-config__group-title">
        {title}
      </Typography.Text>
      <div className="console-scoring-config__grid">{children}</div>
      {/* An early warning only: the server's answer, when there is one, says it instead. */}
      {warning && !problems?.length && (
        <Typography.Text type="warning" className="console-scoring-config__warning">
          {warning}
        </Typography.Text>
      )}
      <FieldProblems messages={problems} />
    </div>
  );
}

/** The server's messages about a group of fields. */
export function FieldProblems({ messages }: { messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <div role="alert" className="console-scoring-config__problems">
      {messages.map((text) => (
        <Typography.Text key={text} type="danger">
          {text}
        </Typography.Text>
      ))}
    </div>
  );
}

interface NumberFieldProps {
  name: FormPath;
  label: string;
  help: string;
  editable: boolean;
  /** Stored as a share of 1, shown and typed as a percentage. */
  percent?: boolean;
  /** The weight's part of its set, as used. */
  share?: string;
}

export function NumberField({ name, label, help, editable, percent, share }: NumberFieldProps) {
  return (
    <Form.Item name={name} label={label} extra={help} className="console-scoring-config__field">
      <NumberValue editable={editable} percent={percent} share={share} />
    </Form.Item>
  );
}

interface NumberValueProps {
  id?: string;
  value?: Amount;
  onChange?: (value: Amount) => void;
  editable: boolean;
  percent?: boolean;
  share?: string;
}

/** An input while the method can change, its value as text otherwise. No bounds: the server decides. */
function NumberValue({ id, value, onChange, editable, percent, share }: NumberValueProps) {
  const language = currentLanguage();
  const shown =
    typeof value !== 'number' ? '—' : percent ? formatPercent(value / 100, language) : value.toLocaleString(language === 'en' ? 'en-GB' : 'zh-CN');
  const body = editable ? (
    <InputNumber<number> id={id} value={value} onChange={(next) => onChange?.(next ?? null)} suffix={percent ? '%' : undefined} className="console-scoring-config__input" />
  ) : (
    <span id={id} className="console-scoring-config__value">
      {shown}
    </span>
  );
  if (share === undefined) return body;
  return (
    <div className="console-scoring-config__weight">
      {body}
      <Typography.Text type="secondary" className="console-scoring-config__share">
        {share}
      </Typography.Text>
    </div>
  );
}

interface ChoiceValueProps {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[]) => void;
  editable: boolean;
  options: { value: string; label: string }[];
  multiple?: boolean;
}

/** A choice while the method can change, the chosen labels as text otherwise. */
export function ChoiceValue({ id, value, onChange, editable, options, multiple }: ChoiceValueProps) {
  if (editable) {
    return <Select id={id} value={value} onChange={onChange} options={options} mode={multiple ? 'multiple' : undefined} className="console-block" />;
  }
  const chosen = (Array.isArray(value) ? value : value ? [value] : []).map((name) => options.find((option) => option.value === name)?.label ?? name);
  return (
    <span id={id} className="console-scoring-config__value">
      {chosen.length > 0 ? chosen.join('、') : '—'}
    </span>
  );
}
