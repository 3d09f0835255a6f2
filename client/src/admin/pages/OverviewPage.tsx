import { ReloadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Descriptions, Row, Skeleton, Typography, type DescriptionsProps } from 'antd';
import { useCallback } from 'react';
import { fetchHealth } from '../../api/endpoints';
import { describeError } from '../../api/errors';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../PageHeader';
import { RoleTag } from '../RoleTag';
import { useCurrentUser } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';
import { useRemoteData } from '../useRemoteData';

export function Component() {
  const { t } = useConsoleTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('nav.overview')} />
      <Card className="console-welcome">
        <Typography.Title level={5} className="console-welcome__title">
          {t('overview.welcome', { name: user.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">{t('overview.welcomeHint')}</Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ServerStatusCard />
        </Col>
        <Col xs={24} lg={12}>
          <MyAccountCard />
        </Col>
      </Row>
    </>
  );
}

function ServerStatusCard() {
  const { t } = useConsoleTranslation();
  const load = useCallback(() => fetchHealth(), []);
  const health = useRemoteData(load);
  const language = currentLanguage();

  const refreshButton = (
    <Button type="text" icon={<ReloadOutlined />} loading={health.loading} onClick={health.reload}>
      <span className="console-hide-on-phone">{t('refresh')}</span>
    </Button>
  );

  let content;
  if (health.loading && !health.loadedAt && health.error === undefined) {
    content = <Skeleton active paragraph={{ rows: 2 }} title={false} />;
  } else if (health.error !== undefined || !health.data) {
    content = (
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'state',
            label: t('overview.state'),
            children: <Badge status="error" text={t('overview.statusUnavailable')} />,
          },
          {
            key: 'reason',
            label: t('overview.reason'),
            children: <Typography.Text type="danger">{describeError(health.error)}</Typography.Text>,
          },
        ]}
      />
    );
  } else {
    const { data } = health;
    const statusIsOk = data.status === 'ok';
    const items: DescriptionsProps['items'] = [
      {
        key: 'state',
        label: t('overview.state'),
        children: <Badge status={statusIsOk ? 'success' : 'warning'} text={statusIsOk ? t('overview.statusOk') : data.status} />,
      },
      { key: 'database', label: t('overview.database'), children: t(`overview.databases.${data.database}`) },
    ];
    if (health.loadedAt) {
      items.push({
        key: 'checkedAt',
        label: t('overview.checkedAt'),
        children: formatDateTime(health.loadedAt.toISOString(), language, { withSeconds: true }),
      });
    }
    content = <Descriptions column={1} size="small" items={items} />;
  }

  return (
    <Card title={t('overview.serverStatus')} extra={refreshButton} className="console-card-full-height">
      {content}
    </Card>
  );
}

function MyAccountCard() {
  const { t } = useConsoleTranslation();
  const user = useCurrentUser();
  const language = currentLanguage();
  return (
    <Card title={t('overview.myAccount')} className="console-card-full-height">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'displayName', label: t('overview.displayName'), children: user.displayName },
          { key: 'username', label: t('overview.username'), children: user.username },
          { key: 'role', label: t('overview.role'), children: <RoleTag role={user.role} /> },
          {
            key: 'lastLogin',
            label: t('overview.lastLogin'),
            children: user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t('overview.neverLoggedIn'),
          },
        ]}
      />
    </Card>
  );
}
