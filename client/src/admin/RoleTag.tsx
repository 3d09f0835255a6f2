import { Tag } from 'antd';
import type { UserRole } from '../api/models';
import { ROLE_TAG_COLORS } from './roles';
import { useConsoleTranslation } from './useConsoleTranslation';

export function RoleTag({ role }: { role: UserRole }) {
  const { t } = useConsoleTranslation();
  return <Tag color={ROLE_TAG_COLORS[role]}>{t(`roles.${role}`)}</Tag>;
}
