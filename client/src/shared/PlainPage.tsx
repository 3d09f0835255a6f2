import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n';
import { LanguageToggle } from './LanguageToggle';
import { PlainFrame } from './PlainFrame';

/** The plain frame for pages outside the console that use i18next (not found, errors). */
export function PlainPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <PlainFrame brand={t('appName')} toggle={<LanguageToggle active={currentLanguage()} onChange={(language) => void changeLanguage(language)} label={t('language')} />}>
      {children}
    </PlainFrame>
  );
}
