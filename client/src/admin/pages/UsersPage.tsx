import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useRevalidator } from 'react-router';
import { fetchUsers } from '../../api/endpoints';
import type { UserDto } from '../../api/models';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { AdminOnly } from '../AdminOnly';
import { LoadFailure } from '../LoadFailure';
import { PageHeader } from '../PageHeader';
import { RoleTag } from '../RoleTag';
import { ROLES } from '../roles';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';
import { CreateUserModal } from '../users/CreateUserModal';
import { EditUserModal } from '../users/EditUserModal';
import { unitLabel } from '../users/userUnits';

export function Component() {
  return (
    <AdminOnly>
      <UsersPage />
    </AdminOnly>
  );
}

function matchesSearch(user: UserDto, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  const unit = user.unit ? [user.unit.code, user.unit.nameZh, user.unit.nameEn] : [];
  return [user.username, user.displayName, ...unit].some((text) => text.toLowerCase().includes(needle));
}

function UsersPage() {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const currentUser = useCurrentUser();
  const revalidator = useRevalidator();
  const language = currentLanguage();
  const load = useCallback(() => fetchUsers(), []);
  const users = useRemoteData(load);
  const [search, setSearch] = useState('');
  const [createOpen, setCreateOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const [editTarget, setEditTarget] = useState<UserDto>();

  const visibleUsers = useMemo(
    () => (users.data ?? []).filter((user) => matchesSearch(user, search)),
    [users.data, search],
  );

  const openEditor = (user: UserDto) => {
    setEditTarget(user);
    setEditOpen(true);
  };

  const handleCreated = (user: UserDto) => {
    setCreateOpen(false);
    void message.success(t('users.form.created', { username: user.username }));
    users.reload();
  };

  const handleSaved = (user: UserDto) => {
    setEditOpen(false);
    void message.success(t('users.form.updated', { username: user.username }));
    users.reload();
    // The header shows the signed-in user's name, which may just have changed.
    if (user.id === currentUser.id) void revalidator.revalidate();
  };

  const columns: TableColumnsType<UserDto> = [
    {
      key: 'username',
      title: t('users.columns.username'),
      dataIndex: 'username',
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (username: string, user) => (
        <>
          <Space size={4} wrap>
            <Typography.Text strong>{username}</Typography.Text>
            {user.id === currentUser.id && <Tag>{t('users.itself')}</Tag>}
          </Space>
          {/* Phones drop the name column, so the name goes under the username. */}
          <div className="console-show-on-phone">
            <Typography.Text type="secondary">{user.displayName}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'displayName',
      title: t('users.columns.displayName'),
      dataIndex: 'displayName',
      responsive: ['sm'],
      sorter: (a, b) => a.displayName.localeCompare(b.displayName, language),
    },
    {
      key: 'role',
      title: t('users.columns.role'),
      dataIndex: 'role',
      filters: ROLES.map((role) => ({ text: t(`roles.${role}`), value: role })),
      onFilter: (role, user) => user.role === role,
      render: (_, user) => <RoleTag role={user.role} />,
    },
    {
      key: 'unit',
      title: t('users.columns.unit'),
      dataIndex: 'unit',
      responsive: ['sm'],
      sorter: (a, b) => (a.unit?.code ?? '').localeCompare(b.unit?.code ?? ''),
      render: (unit: UserDto['unit']) => (unit ? unitLabel(unit) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      key: 'active',
      title: t('users.columns.status'),
      dataIndex: 'active',
      filters: [
        { text: t('users.active'), value: true },
        { text: t('users.disabled'), value: false },
      ],
      onFilter: (active, user) => user.active === active,
      render: (active: boolean) =>
        active ? <Tag color="success">{t('users.active')}</Tag> : <Tag color="default">{t('users.disabled')}</Tag>,
    },
    {
      key: 'lastLoginAt',
      title: t('users.columns.lastLogin'),
      dataIndex: 'lastLoginAt',
      responsive: ['md'],
      render: (lastLoginAt: string | null) =>
        lastLoginAt ? formatDateTime(lastLoginAt, language) : <Typography.Text type="secondary">{t('users.neverLoggedIn')}</Typography.Text>,
    },
    {
      key: 'createdAt',
      title: t('users.columns.createdAt'),
      dataIndex: 'createdAt',
      responsive: ['lg'],
      render: (createdAt: string) => formatDateTime(createdAt, language),
    },
    {
      key: 'actions',
      title: t('users.columns.actions'),
      fixed: 'end',
      width: 88,
      render: (_, user) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => openEditor(user)}>
          {t('users.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        actions={
          <>
            <Input.Search
              allowClear
              placeholder={t('users.searchPlaceholder')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              className="console-search"
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreateOpen(true)}>
              {t('users.create')}
            </Button>
          </>
        }
      />
      {users.error !== undefined && (
        <LoadFailure error={users.error} onRetry={users.reload} />
      )}
      <Table<UserDto>
        rowKey="id"
        columns={columns}
        dataSource={visibleUsers}
        loading={users.loading}
        scroll={{ x: 'max-content' }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          hideOnSinglePage: false,
          showTotal: (total) => t('users.total', { total }),
        }}
        className="console-table"
      />
      <CreateUserModal open={createOpen} onClose={() => setCreateOpen(false)} onCreated={handleCreated} />
      <EditUserModal open={editOpen} user={editTarget} onClose={() => setEditOpen(false)} onSaved={handleSaved} />
    </>
  );
}
