import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { changeLanguage, currentLanguage, LANGUAGE_NAMES, LANGUAGES } from '../i18n';
import { useConsoleTranslation } from './useConsoleTranslation';

export function ConsoleLanguageSwitch() {
  const { t } = useConsoleTranslation();
  const active = currentLanguage();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [active],
        items: LANGUAGES.map((language) => ({
          key: language,
          label: <span lang={language}>{LANGUAGE_NAMES[language]}</span>,
        })),
        onClick: ({ key }) => void changeLanguage(key as (typeof LANGUAGES)[number]),
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('shell.switchLanguage')}>
        <span className="console-hide-on-phone">{LANGUAGE_NAMES[active]}</span>
      </Button>
    </Dropdown>
  );
}
