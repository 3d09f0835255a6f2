import { useSyncExternalStore } from 'react';

// antd's `lg` breakpoint: below it the side menu moves into a drawer.
const DESKTOP_QUERY = '(min-width: 992px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DESKTOP_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Read synchronously, unlike antd's Grid.useBreakpoint, so phones never flash the desktop layout. */
export function useIsDesktop(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(DESKTOP_QUERY).matches);
}
