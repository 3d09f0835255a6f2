import './console.css';
import { App, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useConsoleTranslation } from './useConsoleTranslation';

export const CONSOLE_PRIMARY_COLOR = '#1d4f91';
const SIDER_BACKGROUND = '#0f2c52';

const consoleTheme: ThemeConfig = {
  token: {
    colorPrimary: CONSOLE_PRIMARY_COLOR,
    colorInfo: CONSOLE_PRIMARY_COLOR,
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      siderBg: SIDER_BACKGROUND,
      triggerBg: '#0b2242',
      headerBg: '#ffffff',
      bodyBg: '#f5f6f8',
      headerPadding: '0 16px',
    },
    Menu: {
      darkItemBg: SIDER_BACKGROUND,
      darkSubMenuItemBg: SIDER_BACKGROUND,
      darkPopupBg: SIDER_BACKGROUND,
      darkItemSelectedBg: CONSOLE_PRIMARY_COLOR,
    },
  },
};

/** antd theme, antd locale following the UI language, and App for message/notification/modal hooks. */
export function ConsoleProviders({ children }: { children: ReactNode }) {
  const { i18n } = useConsoleTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={consoleTheme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
