import {
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  FieldTimeOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
  TagsOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Layout, Menu, Result, type MenuProps } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate, useNavigation, useRevalidator, useRouteError } from 'react-router';
import { logout } from '../api/endpoints';
import { ApiError, describeError } from '../api/errors';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { ChangePasswordModal } from './ChangePasswordModal';
import { ConsoleLanguageSwitch } from './ConsoleLanguageSwitch';
import { ConsoleProviders } from './ConsoleProviders';
import { RequestIdNote } from './LoadFailure';
import { isAdmin, isOfficeStaff } from './roles';
import { CONSOLE_HOME, requireSignedInUser, useCurrentUser } from './session';
import { useConsoleTranslation } from './useConsoleTranslation';
import { useIsDesktop } from './useIsDesktop';
import { useReportError } from './useReportError';

export const loader = requireSignedInUser;

export function Component() {
  return (
    <ConsoleProviders>
      <ConsoleLayout />
    </ConsoleProviders>
  );
}

export function ErrorBoundary() {
  return (
    <ConsoleProviders>
      <ConsoleLoadError />
    </ConsoleProviders>
  );
}

function ConsoleLayout() {
  const isDesktop = useIsDesktop();
  const [siderCollapsed, setSiderCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { t } = useConsoleTranslation();
  const navigation = useNavigation();

  const menuToggle = isDesktop ? (
    <Button
      type="text"
      icon={siderCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
      aria-label={siderCollapsed ? t('shell.expandMenu') : t('shell.collapseMenu')}
      onClick={() => setSiderCollapsed((collapsed) => !collapsed)}
    />
  ) : (
    <Button type="text" icon={<MenuOutlined />} aria-label={t('shell.openMenu')} onClick={() => setDrawerOpen(true)} />
  );

  return (
    <Layout className="console-layout">
      {isDesktop && (
        <Layout.Sider width={220} collapsible collapsed={siderCollapsed} trigger={null} className="console-sider">
          <ConsoleBrand compact={siderCollapsed} />
          <NavigationMenu />
        </Layout.Sider>
      )}
      {!isDesktop && (
        <Drawer
          placement="left"
          size={256}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          className="console-drawer"
          styles={{ body: { padding: 0 } }}
        >
          <ConsoleBrand compact={false} />
          <NavigationMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="console-header">
          {menuToggle}
          {!isDesktop && <span className="console-header__title">{t('consoleName')}</span>}
          <div className="console-header__actions">
            <ConsoleLanguageSwitch />
            <AccountMenu />
          </div>
          {navigation.state !== 'idle' && <div className="console-progress" role="progressbar" />}
        </Layout.Header>
        <Layout.Content className="console-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function ConsoleBrand({ compact }: { compact: boolean }) {
  const { t } = useConsoleTranslation();
  return (
    <div className="console-brand" title={t('consoleName')}>
      <span className="console-brand__mark" aria-hidden="true">
        评
      </span>
      {!compact && <span className="console-brand__name">{t('consoleName')}</span>}
    </div>
  );
}

function NavigationMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useConsoleTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const admin = isAdmin(user);
  const directoryKey = `${CONSOLE_HOME}/directory`;
  const items: MenuProps['items'] = [
    { key: CONSOLE_HOME, icon: <DashboardOutlined />, label: t('nav.overview') },
    ...(isOfficeStaff(user)
      ? [
          {
            key: directoryKey,
            icon: <DatabaseOutlined />,
            label: t('nav.directory'),
            children: [
              { key: `${directoryKey}/departments`, label: t('nav.departments') },
              { key: `${directoryKey}/districts`, label: t('nav.districts') },
              { key: `${directoryKey}/enterprises`, label: t('nav.enterprises') },
              ...(admin ? [{ key: `${directoryKey}/import`, label: t('nav.import') }] : []),
            ],
          },
          { key: `${CONSOLE_HOME}/campaigns`, icon: <CalendarOutlined />, label: t('nav.campaigns') },
        ]
      : []),
    ...(admin
      ? [
          { key: `${CONSOLE_HOME}/users`, icon: <TeamOutlined />, label: t('nav.users') },
          { key: `${CONSOLE_HOME}/audit`, icon: <FileSearchOutlined />, label: t('nav.audit') },
          { key: `${CONSOLE_HOME}/settings/calendar`, icon: <FieldTimeOutlined />, label: t('nav.calendar') },
          { key: `${CONSOLE_HOME}/settings/case-categories`, icon: <TagsOutlined />, label: t('nav.caseCategories') },
        ]
      : []),
    // Department and district users work on the cases assigned to them and see their own results.
    ...(user.role === 'department' || user.role === 'district'
      ? [
          { key: `${CONSOLE_HOME}/my-cases`, icon: <CarryOutOutlined />, label: t('nav.myCases') },
          { key: `${CONSOLE_HOME}/my-results`, icon: <BarChartOutlined />, label: t('nav.myResults') },
        ]
      : []),
  ];
  const path = pathname.replace(/\/+$/, '') || CONSOLE_HOME;
  // A page below a menu entry (a campaign's detail) keeps that entry selected.
  const selectedKey = [...menuKeys(items)]
    .filter((key) => path === key || path.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selectedKey ? [selectedKey] : []}
      defaultOpenKeys={path.startsWith(directoryKey) ? [directoryKey] : []}
      onClick={({ key }) => {
        onNavigate?.();
        void navigate(key);
      }}
    />
  );
}

function* menuKeys(items: MenuProps['items']): Generator<string> {
  for (const item of items ?? []) {
    if (!item || !('key' in item) || typeof item.key !== 'string') continue;
    if ('children' in item && item.children) yield* menuKeys(item.children);
    else yield item.key;
  }
}

function AccountMenu() {
  const { t } = useConsoleTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const reportError = useReportError();
  const [passwordDialogOpen, setPasswordDialogOpen] = useState(false);

  const signOut = async () => {
    try {
      await logout();
      void message.success(t('shell.loggedOut'));
      void navigate('/login', { replace: true });
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'password', icon: <KeyOutlined />, label: t('shell.changePassword') },
            { type: 'divider' },
            { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'password') setPasswordDialogOpen(true);
            if (key === 'logout') void signOut();
          },
        }}
      >
        <Button type="text" icon={<UserOutlined />} aria-label={t('shell.accountMenu')} className="console-account">
          <span className="console-account__name">{user.displayName}</span>
        </Button>
      </Dropdown>
      <ChangePasswordModal open={passwordDialogOpen} onClose={() => setPasswordDialogOpen(false)} />
    </>
  );
}

function ConsoleLoadError() {
  const error = useRouteError();
  const { t } = useConsoleTranslation();
  const revalidator = useRevalidator();
  useDocumentTitle(t('loadError.title'));
  // A failed API call is worth asking again; anything else is usually a stale chunk after a redeploy.
  const retry = () => (error instanceof ApiError ? void revalidator.revalidate() : window.location.reload());
  return (
    <div className="console-load-error">
      <div className="console-load-error__language">
        <ConsoleLanguageSwitch />
      </div>
      <Result
        status="error"
        title={t('loadError.title')}
        subTitle={
          <>
            <div>{describeError(error)}</div>
            <RequestIdNote error={error} />
          </>
        }
        extra={
          <Button type="primary" loading={revalidator.state === 'loading'} onClick={retry}>
            {t('retry')}
          </Button>
        }
      />
    </div>
  );
}
