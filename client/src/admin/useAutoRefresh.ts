import { useEffect, useRef } from 'react';

// How often the hook looks whether a refresh is due; short, so a tab brought back is refreshed soon.
const CHECK_EVERY_MS = 5_000;

/**
 * Calls `reload` once `intervalMs` have passed since the data arrived (`loadedAt`) or since the
 * last call, but only while the browser tab is visible: a console left open in a background
 * tab costs the server nothing, and is brought up to date as soon as it is looked at again.
 */
export function useAutoRefresh(reload: () => void, loadedAt: Date | undefined, intervalMs: number): void {
  const lastRef = useRef(Date.now());

  useEffect(() => {
    if (loadedAt) lastRef.current = Math.max(lastRef.current, loadedAt.getTime());
  }, [loadedAt]);

  useEffect(() => {
    const reloadIfDue = () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastRef.current < intervalMs) return;
      lastRef.current = Date.now();
      reload();
    };
    const timer = window.setInterval(reloadIfDue, Math.min(CHECK_EVERY_MS, intervalMs));
    document.addEventListener('visibilitychange', reloadIfDue);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', reloadIfDue);
    };
  }, [reload, intervalMs]);
}
