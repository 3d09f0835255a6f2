import { Alert, App, AutoComplete, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, fieldProblems } from '../../api/errors';
import type { DirectoryKind } from '../../api/models';
import { localName } from '../BilingualName';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { FORM_FIELDS, KEY_FIELD, recordExists, saveRecord, type RecordFormValues } from './directoryRecords';
import type { RecordEditor } from './useRecordEditor';

interface DirectoryRecordModalProps {
  kind: DirectoryKind;
  editor: RecordEditor;
  /** Starting values for a new record. */
  defaults?: RecordFormValues;
  /** The list's own fields, after the key and the names every list has. */
  children: ReactNode;
  onSaved: () => void;
}

/** Adds or edits one record of a list; the server's per-field problems appear on the fields. */
export function DirectoryRecordModal({ kind, editor, defaults, children, onSaved }: DirectoryRecordModalProps) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const { editing } = editor;
  const reportError = useReportError();
  const [form] = Form.useForm<RecordFormValues>();
  const [submitting, setSubmitting] = useState(false);
  const [otherProblems, setOtherProblems] = useState<string[]>([]);
  const keyField = KEY_FIELD[kind];
  const creating = editing === undefined;

  const submit = async (values: RecordFormValues) => {
    const key = (creating ? values[keyField] : editing[keyField])?.trim() ?? '';
    setSubmitting(true);
    setOtherProblems([]);
    try {
      // PUT creates or replaces: adding must not overwrite a record that already exists.
      if (creating && (await recordExists(kind, key))) {
        form.setFields([{ name: keyField, errors: [t('directory.form.exists')] }]);
        return;
      }
      const saved = await saveRecord(kind, key, values);
      const name = localName(saved.nameZh, saved.nameEn);
      void message.success(creating ? t('directory.form.created', { name }) : t('directory.form.saved', { name }));
      editor.close();
      onSaved();
    } catch (error) {
      const problems = fieldProblems(error);
      if (error instanceof ApiError && problems.length > 0) {
        const known = new Set(FORM_FIELDS[kind]);
        form.setFields(problems.filter((p) => known.has(p.field)).map((p) => ({ name: p.field, errors: [p.message] })));
        setOtherProblems(problems.filter((p) => !known.has(p.field)).map((p) => p.message));
      } else {
        reportError(error);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={editor.open}
      title={creating ? t(`directory.form.createTitle.${kind}`) : t('directory.form.editTitle', { name: localName(editing.nameZh ?? '', editing.nameEn ?? '') })}
      okText={creating ? t('actions.create') : t('actions.save')}
      cancelText={t('actions.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={editor.close}
      destroyOnHidden
    >
      <Form<RecordFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={editing ?? defaults}
        onFinishFailed={() => setOtherProblems([])}
      >
        {otherProblems.length > 0 && (
          <Alert type="error" showIcon title={t('directory.form.problems')} description={otherProblems.join(' ')} className="console-form-alert" />
        )}
        <Form.Item
          name={keyField}
          label={t(`directory.fields.${keyField}`)}
          extra={creating ? t('directory.form.keyHint') : undefined}
          rules={[{ required: true, whitespace: true, message: t('directory.form.required', { field: t(`directory.fields.${keyField}`) }) }]}
        >
          <Input disabled={!creating} maxLength={keyField === 'uscc' ? 22 : 32} autoComplete="off" className="console-monospace-input" />
        </Form.Item>
        <RequiredText name="nameZh" label={t('directory.fields.nameZh')} maxLength={200} />
        <OptionalText name="nameEn" label={t('directory.fields.nameEn')} maxLength={200} />
        {children}
      </Form>
    </Modal>
  );
}

/** A required text field of the record form. */
function RequiredText({ name, label, maxLength, extra }: { name: string; label: string; maxLength: number; extra?: string }) {
  const { t } = useConsoleTranslation();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, whitespace: true, message: t('directory.form.required', { field: label }) }]}>
      <Input maxLength={maxLength} autoComplete="off" />
    </Form.Item>
  );
}

/** An optional text field of the record form. */
export function OptionalText({ name, label, maxLength, extra }: { name: string; label: string; maxLength: number; extra?: string }) {
  return (
    <Form.Item name={name} label={label} extra={extra}>
      <Input maxLength={maxLength} autoComplete="off" />
    </Form.Item>
  );
}

interface SuggestedTextProps {
  name: string;
  label: string;
  maxLength: number;
  /** Values already used in the list, offered as the user types. */
  suggestions: string[];
  required?: boolean;
  extra?: string;
}

/** A free-text field that suggests the values the list already uses, so categories stay consistent. */
export function SuggestedText({ name, label, maxLength, suggestions, required = false, extra }: SuggestedTextProps) {
  const { t } = useConsoleTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={required ? [{ required: true, whitespace: true, message: t('directory.form.required', { field: label }) }] : undefined}
    >
      <AutoComplete
        maxLength={maxLength}
        options={suggestions.map((value) => ({ value }))}
        showSearch={{
          filterOption: (input, option) => String(option?.value ?? '').toLowerCase().includes(input.trim().toLowerCase()),
        }}
      />
    </Form.Item>
  );
}
