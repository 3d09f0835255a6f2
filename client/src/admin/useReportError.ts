import { App } from 'antd';
import { useCallback } from 'react';
import { describeError } from '../api/errors';
import { isUnauthorized, useRedirectToLogin } from './session';
import { useConsoleTranslation } from './useConsoleTranslation';

/**
 * Shows a failed request to the user: an expired session leads back to the
 * login page, anything else becomes a toast with the server's localized message.
 */
export function useReportError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useConsoleTranslation();
  const redirectToLogin = useRedirectToLogin();
  return useCallback(
    (error: unknown) => {
      if (isUnauthorized(error)) {
        void message.warning(t('shell.sessionExpired'));
        redirectToLogin();
        return;
      }
      void message.error(describeError(error));
    },
    [message, t, redirectToLogin],
  );
}
