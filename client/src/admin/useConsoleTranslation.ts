import { useTranslation } from 'react-i18next';
import { registerTranslations } from '../i18n';
import { consoleEn, consoleZh } from '../i18n/resources/console';

// Registered here because every console component reads its strings through this hook.
registerTranslations('console', { 'zh-CN': consoleZh, en: consoleEn });

export function useConsoleTranslation() {
  return useTranslation('console');
}
