import { Form, Input, Select } from 'antd';
import { ROLES } from '../roles';
import { useConsoleTranslation } from '../useConsoleTranslation';

export function DisplayNameField() {
  const { t } = useConsoleTranslation();
  return (
    <Form.Item
      name="displayName"
      label={t('users.form.displayName')}
      rules={[{ required: true, whitespace: true, message: t('users.form.displayNameRequired') }]}
    >
      <Input maxLength={100} autoComplete="off" />
    </Form.Item>
  );
}

export function RoleField({ disabled = false }: { disabled?: boolean }) {
  const { t } = useConsoleTranslation();
  return (
    <Form.Item name="role" label={t('users.form.role')} rules={[{ required: true, message: t('users.form.roleRequired') }]}>
      <Select disabled={disabled} options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
    </Form.Item>
  );
}
