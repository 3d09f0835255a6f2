import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import type { ReactNode } from 'react';
import { useConsoleTranslation } from './useConsoleTranslation';
import { useIsDesktop } from './useIsDesktop';

export interface RowAction {
  key: string;
  label: string;
  icon?: ReactNode;
  danger?: boolean;
  onClick: () => void;
}

/**
 * The actions of a table row: link buttons on a desktop, one "more" menu on a phone,
 * where a column of buttons would cover most of the row.
 */
export function RowActions({ actions }: { actions: RowAction[] }) {
  const { t } = useConsoleTranslation();
  const isDesktop = useIsDesktop();
  if (!isDesktop) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: actions.map(({ key, label, icon, danger }) => ({ key, label, icon, danger })),
          onClick: ({ key }) => actions.find((action) => action.key === key)?.onClick(),
        }}
      >
        <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('actions.more')} />
      </Dropdown>
    );
  }
  return (
    <Space size={0} className="console-nowrap">
      {actions.map(({ key, label, icon, danger, onClick }) => (
        <Button key={key} type="link" size="small" icon={icon} danger={danger} onClick={onClick}>
          {label}
        </Button>
      ))}
    </Space>
  );
}
