import { App, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError, fieldProblems } from '../../api/errors';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { createCase, type CaseDetailDto } from './caseApi';
import { useCaseCategoryOptions } from './useCaseCategoryOptions';

interface NewCaseForm {
  text: string;
  enterpriseUscc?: string;
  categoryCode?: string;
  receivedVia?: string;
  identityShared: boolean;
}

const CHANNELS = ['phone', 'letter', 'visit', 'email'] as const;

/** The office enters a problem it heard of by phone, letter or visit. */
export function NewCaseModal({ campaignId, open, onClose, onCreated }: { campaignId: string; open: boolean; onClose: () => void; onCreated: (created: CaseDetailDto) => void }) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const [form] = Form.useForm<NewCaseForm>();
  const [busy, setBusy] = useState(false);
  const categoryOptions = useCaseCategoryOptions();

  const submit = async (values: NewCaseForm) => {
    setBusy(true);
    try {
      const created = await createCase(campaignId, {
        text: values.text.trim(),
        identityShared: values.identityShared,
        ...(values.enterpriseUscc?.trim() ? { enterpriseUscc: values.enterpriseUscc.trim().toUpperCase() } : {}),
        ...(values.categoryCode ? { categoryCode: values.categoryCode } : {}),
        ...(values.receivedVia?.trim() ? { receivedVia: values.receivedVia.trim() } : {}),
      });
      void message.success(t('cases.created', { number: created.number }));
      form.resetFields();
      onCreated(created);
    } catch (error) {
      const problems = fieldProblems(error);
      if (error instanceof ApiError && problems.length > 0) {
        form.setFields(problems.map((p) => ({ name: p.field as keyof NewCaseForm, errors: [p.message] })));
      } else {
        reportError(error);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('cases.create')}
      okText={t('cases.form.submit')}
      cancelText={t('cases.form.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form<NewCaseForm> form={form} layout="vertical" initialValues={{ identityShared: false, receivedVia: 'phone' }} onFinish={(values) => void submit(values)}>
        <Form.Item name="text" label={t('cases.form.text')} rules={[{ required: true, whitespace: true, message: t('cases.form.required') }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        <Form.Item name="categoryCode" label={t('cases.form.category')}>
          <Select allowClear options={categoryOptions} />
        </Form.Item>
        <Form.Item name="receivedVia" label={t('cases.form.receivedVia')}>
          <Select allowClear options={CHANNELS.map((channel) => ({ value: channel, label: t(`cases.receivedVia.${channel}`) }))} />
        </Form.Item>
        <Form.Item name="enterpriseUscc" label={t('cases.form.enterpriseUscc')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="identityShared" valuePropName="checked">
          <Checkbox>{t('cases.form.identityShared')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
