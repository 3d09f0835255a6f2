import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlainPage } from './PlainPage';
import { useDocumentTitle } from './useDocumentTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <PlainPage>
      <section className="plain-message">
        <h1 className="plain-message__title">{t('notFound.title')}</h1>
        <p className="plain-message__text">{t('notFound.description')}</p>
        <Link className="plain-button" to="/">
          {t('notFound.backHome')}
        </Link>
      </section>
    </PlainPage>
  );
}
