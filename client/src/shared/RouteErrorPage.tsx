import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { describeError } from '../api/errors';
import { NotFoundPage } from './NotFoundPage';
import { PlainPage } from './PlainPage';
import { useDocumentTitle } from './useDocumentTitle';

/**
 * Last-resort error screen. The usual cause is a lazily loaded chunk that no
 * longer exists after a redeploy, which a reload fixes.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  useDocumentTitle(t('errors.unknown'));
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <PlainPage>
      <section className="plain-message" role="alert">
        <h1 className="plain-message__title">{describeError(error)}</h1>
        <button type="button" className="plain-button" onClick={() => window.location.reload()}>
          {t('reload')}
        </button>
      </section>
    </PlainPage>
  );
}
