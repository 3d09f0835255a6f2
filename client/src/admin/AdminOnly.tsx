import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { isAdmin, isOfficeStaff } from './roles';
import { useCurrentUser } from './session';
import { useConsoleTranslation } from './useConsoleTranslation';

/** Renders its children for administrators and an access-denied notice for everyone else. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (isAdmin(user)) return children;
  return <AccessDenied />;
}

/** Renders its children for the office and its leadership (admin and viewer). */
export function OfficeStaffOnly({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (isOfficeStaff(user)) return children;
  return <AccessDenied staffPage />;
}

/** The notice; `extra` is for a way back where the page has no console menu around it. */
export function AccessDenied({ staffPage = false, extra }: { staffPage?: boolean; extra?: ReactNode }) {
  const { t } = useConsoleTranslation();
  useDocumentTitle(t('forbidden.title'));
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={staffPage ? t('forbidden.staffDescription') : t('forbidden.description')}
      extra={extra}
    />
  );
}
