import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import { fetchCurrentUser, login } from '../api/endpoints';
import { describeError } from '../api/errors';
import type { LoginDto } from '../api/models';
import { safeNextPath } from '../shared/navigation';
import { useDocumentTitle } from '../shared/useDocumentTitle';
import { ConsoleLanguageSwitch } from './ConsoleLanguageSwitch';
import { ConsoleProviders } from './ConsoleProviders';
import { CONSOLE_HOME } from './session';
import { useConsoleTranslation } from './useConsoleTranslation';

/** Someone who is still signed in skips the form. */
export async function loader({ request }: LoaderFunctionArgs) {
  const next = safeNextPath(new URL(request.url).searchParams.get('next'), CONSOLE_HOME);
  try {
    await fetchCurrentUser();
  } catch {
    return null;
  }
  throw redirect(next);
}

export function Component() {
  return (
    <ConsoleProviders>
      <LoginScreen />
    </ConsoleProviders>
  );
}

function LoginScreen() {
  const { t } = useConsoleTranslation();
  const { t: tCommon } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  useDocumentTitle(t('login.title'));

  const submit = async (credentials: LoginDto) => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      await login({ username: credentials.username.trim(), password: credentials.password });
      void navigate(safeNextPath(searchParams.get('next'), CONSOLE_HOME), { replace: true });
    } catch (error) {
      setFailure(error);
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-page__language">
        <ConsoleLanguageSwitch />
      </div>
      <main className="login-page__main">
        <div className="login-page__heading">
          <span className="login-page__emblem" aria-hidden="true">
            评
          </span>
          <Typography.Title level={3} className="login-page__app-name">
            {tCommon('appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('consoleName')}</Typography.Text>
        </div>
        <Card className="login-page__card">
          <Typography.Title level={4} className="login-page__title">
            {t('login.title')}
          </Typography.Title>
          {failure !== undefined && (
            <Alert type="error" showIcon title={describeError(failure)} className="console-form-alert" role="alert" />
          )}
          <Form<LoginDto> layout="vertical" requiredMark={false} onFinish={submit} size="large">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" className="login-page__hint">
            {t('login.forgotPassword')}
          </Typography.Paragraph>
        </Card>
      </main>
    </div>
  );
}
