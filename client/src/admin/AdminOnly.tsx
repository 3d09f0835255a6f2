import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { isAdmin } from './roles';
import { useCurrentUser } from './session';
import { useConsoleTranslation } from './useConsoleTranslation';

/** Renders its children for administrators and an access-denied notice for everyone else. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const user = useCurrentUser();
  if (isAdmin(user)) return children;
  return <AccessDenied />;
}

function AccessDenied() {
  const { t } = useConsoleTranslation();
  useDocumentTitle(t('forbidden.title'));
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.description')} />;
}
