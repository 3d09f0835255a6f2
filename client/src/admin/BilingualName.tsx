import { Typography } from 'antd';
import { currentLanguage } from '../i18n';

/** A name in the UI language first, with the other language's name below it when there is one. */
export function BilingualName({ zh, en, strong = false }: { zh: string; en: string; strong?: boolean }) {
  const english = currentLanguage() === 'en' && en !== '';
  const primary = english ? en : zh;
  const secondary = english ? zh : en;
  return (
    <div className="console-bilingual-name">
      <Typography.Text strong={strong}>{primary}</Typography.Text>
      {secondary && (
        <Typography.Text type="secondary" className="console-bilingual-name__secondary">
          {secondary}
        </Typography.Text>
      )}
    </div>
  );
}

/** The name to use in a sentence: English in English mode when there is one, else Chinese. */
export function localName(zh: string, en: string): string {
  return currentLanguage() === 'en' && en ? en : zh;
}
