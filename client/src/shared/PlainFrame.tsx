import type { ReactNode } from 'react';

/** Page frame without antd or i18next: app name, a slot for the language switch, centred narrow column. */
export function PlainFrame({ brand, toggle, children }: { brand: string; toggle: ReactNode; children: ReactNode }) {
  return (
    <div className="plain-page">
      <header className="plain-page__bar">
        <span className="plain-page__brand">{brand}</span>
        {toggle}
      </header>
      <main className="plain-page__main">{children}</main>
    </div>
  );
}
