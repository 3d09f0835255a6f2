import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from './LanguageToggle';

/** Page frame without antd: app name, language switch, centred narrow column. */
export function PlainPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="plain-page">
      <header className="plain-page__bar">
        <span className="plain-page__brand">{t('appName')}</span>
        <LanguageToggle />
      </header>
      <main className="plain-page__main">{children}</main>
    </div>
  );
}
