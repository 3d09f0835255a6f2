import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { CONSOLE_HOME } from '../session';
import { useConsoleTranslation } from '../useConsoleTranslation';

export function Component() {
  const { t } = useConsoleTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('notFound.title'));
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.description')}
      extra={
        <Button type="primary" onClick={() => void navigate(CONSOLE_HOME)}>
          {t('notFound.backToOverview')}
        </Button>
      }
    />
  );
}
