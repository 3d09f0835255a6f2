import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { describeError, fieldProblems } from '../../api/errors';
import { useConsoleTranslation } from '../useConsoleTranslation';

/** The server's shortest reason (AwardOverrideDto, VoidBallotDto). */
const MIN_REASON = 2;
const MAX_REASON = 2000;

interface ReasonModalProps {
  open: boolean;
  title: string;
  intro: ReactNode;
  okText: string;
  /** Under the field: where the reason goes. */
  reasonHint: string;
  danger?: boolean;
  /** Saves with the reason; a rejection is shown in the modal, which then stays open. */
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

/**
 * Asks for the reason an audited decision needs (an award overridden, a ballot voided). The
 * server's refusal is shown where it was made: on the field when it names one, above it otherwise.
 */
export function ReasonModal({ open, title, intro, okText, reasonHint, danger = false, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useConsoleTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  // Several of these modals sit in one page (one per table): a name of its own keeps the field's id unique.
  const formName = `reason-${useId().replace(/[^\w-]/g, '')}`;
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFailure(undefined);
  }, [open, form]);

  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onSubmit(reason.trim());
    } catch (error) {
      const problems = fieldProblems(error).filter((problem) => problem.field === 'reason');
      if (problems.length > 0) form.setFields([{ name: 'reason', errors: problems.map((problem) => problem.message) }]);
      else setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText={t('actions.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} className="console-form-alert" role="alert" />}
      <Form form={form} name={formName} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="reason"
          label={t('awards.override.reason')}
          extra={reasonHint}
          rules={[
            { required: true, whitespace: true, message: t('awards.override.reasonRequired') },
            { validator: (_, value: string | undefined) => ((value ?? '').trim().length >= MIN_REASON || !value?.trim() ? Promise.resolve() : Promise.reject(new Error(t('awards.override.reasonRequired')))) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={MAX_REASON} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
