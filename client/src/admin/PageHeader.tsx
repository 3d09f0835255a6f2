import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../shared/useDocumentTitle';

/** Page title (also used as the tab title) with optional actions that wrap below it on phones. */
export function PageHeader({ title, actions }: { title: string; actions?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="console-page-header">
      <Typography.Title level={4} className="console-page-header__title">
        {title}
      </Typography.Title>
      {actions && <div className="console-page-header__actions">{actions}</div>}
    </div>
  );
}
