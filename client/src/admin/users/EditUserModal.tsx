import { Alert, App, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { updateUser } from '../../api/endpoints';
import type { UpdateUserDto, UserDto, UserRole } from '../../api/models';
import { PASSWORD_MIN_LENGTH } from '../passwordPolicy';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useReportError } from '../useReportError';
import { DisplayNameField, RoleField, UnitField } from './UserFormFields';
import { showFieldProblems, unitKindOf } from './userUnits';

/** The fields the server may name in a 400 answer. */
const FIELDS = ['displayName', 'role', 'unitCode', 'active', 'password'] as const;

interface EditUserFormValues {
  displayName: string;
  role: UserRole;
  /** Asked only for department and district users. */
  unitCode?: string;
  active: boolean;
  password?: string;
}

interface EditUserModalProps {
  open: boolean;
  /** The user being edited; kept after closing so the closing animation still shows the form. */
  user: UserDto | undefined;
  onClose: () => void;
  onSaved: (user: UserDto) => void;
}

/** Only the fields the administrator actually changed, so the audit log shows a minimal diff. */
function changedFields(user: UserDto, values: EditUserFormValues): UpdateUserDto {
  const changes: UpdateUserDto = {};
  const displayName = values.displayName.trim();
  if (displayName !== user.displayName) changes.displayName = displayName;
  if (values.role !== user.role) changes.role = values.role;
  // A role without a unit drops it on the server, so only a chosen unit is sent.
  const kind = unitKindOf(values.role);
  const currentCode = user.unit?.kind === kind ? user.unit.code : undefined;
  if (kind && values.unitCode !== currentCode) changes.unitCode = values.unitCode;
  if (values.active !== user.active) changes.active = values.active;
  if (values.password) changes.password = values.password;
  return changes;
}

export function EditUserModal({ open, user, onClose, onSaved }: EditUserModalProps) {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const reportError = useReportError();
  const currentUser = useCurrentUser();
  const [form] = Form.useForm<EditUserFormValues>();
  const [submitting, setSubmitting] = useState(false);
  // Guards against an administrator locking themselves out of the console.
  const editingOwnAccount = user?.id === currentUser.id;

  const submit = async (values: EditUserFormValues) => {
    if (!user) return;
    const changes = changedFields(user, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('users.form.nothingChanged'));
      return;
    }
    setSubmitting(true);
    try {
      onSaved(await updateUser(user.id, changes));
    } catch (error) {
      if (!showFieldProblems(form, FIELDS, error)) reportError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={user ? t('users.form.editTitle', { username: user.username }) : undefined}
      okText={t('users.form.save')}
      cancelText={t('users.form.cancel')}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {user && (
        <Form<EditUserFormValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          preserve={false}
          // The form instance outlives the closed dialog: without this, the next user opened would show the last one's values.
          clearOnDestroy
          initialValues={{ displayName: user.displayName, role: user.role, unitCode: user.unit?.code, active: user.active }}
        >
          {editingOwnAccount && (
            <Alert type="info" showIcon title={t('users.form.ownAccountHint')} className="console-form-alert" />
          )}
          <DisplayNameField />
          <RoleField disabled={editingOwnAccount} initialUnit={user.unit} />
          <UnitField initialUnit={user.unit} />
          <Form.Item name="active" label={t('users.form.status')} valuePropName="checked">
            <Switch
              disabled={editingOwnAccount}
              checkedChildren={t('users.active')}
              unCheckedChildren={t('users.disabled')}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.form.newPassword')}
            extra={t('users.form.newPasswordHint')}
            rules={[{ min: PASSWORD_MIN_LENGTH, message: t('users.form.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
