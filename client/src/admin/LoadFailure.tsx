import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, describeError } from '../api/errors';
import { useConsoleTranslation } from './useConsoleTranslation';

/** The request id lets support find the failing request in the server logs and audit trail. */
export function RequestIdNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || !error.requestId) return null;
  return <span className="console-monospace">{t('errors.requestId', { requestId: error.requestId })}</span>;
}

/** Inline notice for data that failed to load, with a retry button. */
export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useConsoleTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={describeError(error)}
      description={<RequestIdNote error={error} />}
      action={
        <Button size="small" onClick={onRetry}>
          {t('retry')}
        </Button>
      }
      className="console-form-alert"
    />
  );
}
