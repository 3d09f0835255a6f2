/**
 * Accepts only same-site paths for the post-login redirect, so a crafted
 * /login?next=https://elsewhere link cannot send users off-site.
 */
export function safeNextPath(next: string | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function loginPathFor(location: { pathname: string; search: string; hash?: string }): string {
  const next = `${location.pathname}${location.search}${location.hash ?? ''}`;
  return `/login?next=${encodeURIComponent(next)}`;
}
