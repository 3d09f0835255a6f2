import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { createUser } from '../../api/endpoints';
import { ApiError, describeError } from '../../api/errors';
import type { CreateUserDto, UserDto } from '../../api/models';
import { PASSWORD_MIN_LENGTH } from '../passwordPolicy';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { DisplayNameField, RoleField, UnitField } from './UserFormFields';
import { showFieldProblems, unitKindOf } from './userUnits';

/** The fields the server may name in a 400 answer. */
const FIELDS = ['username', 'displayName', 'role', 'unitCode', 'password'] as const;

interface CreateUserModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserDto) => void;
}

export function CreateUserModal({ open, onClose, onCreated }: CreateUserModalProps) {
  const { t } = useConsoleTranslation();
  const reportError = useReportError();
  const [form] = Form.useForm<CreateUserDto>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: CreateUserDto) => {
    setSubmitting(true);
    try {
      const created = await createUser({
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        password: values.password,
        // Only department and district users belong to a unit.
        ...(unitKindOf(values.role) ? { unitCode: values.unitCode } : {}),
      });
      onCreated(created);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        form.setFields([{ name: 'username', errors: [describeError(error)] }]);
      } else if (!showFieldProblems(form, FIELDS, error)) {
        reportError(error);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.form.createTitle')}
      okText={t('users.form.create')}
      cancelText={t('users.form.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<CreateUserDto>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: 'department' }}
        preserve={false}
      >
        <Form.Item
          name="username"
          label={t('users.form.username')}
          rules={[
            { required: true, whitespace: true, message: t('users.form.usernameRequired') },
            { pattern: /^\S+$/, message: t('users.form.usernameNoSpaces') },
          ]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <DisplayNameField />
        <RoleField />
        <UnitField />
        <Form.Item
          name="password"
          label={t('users.form.initialPassword')}
          extra={t('users.form.initialPasswordHint')}
          rules={[
            { required: true, message: t('users.form.passwordRequired') },
            { min: PASSWORD_MIN_LENGTH, message: t('users.form.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
