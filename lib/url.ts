/**
 * The canonical form of an offer's address: its identity in the database. Two addresses of one
 * posting that differ only by tracking parameters, a fragment, letter case of the host or a
 * trailing slash are one offer; anything else stays distinct (a duplicate beats a wrong merge).
 */
const TRACKING_PARAM =
  /^(utm_|mtm_|pk_|matomo_)|^(xtor|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi|ref_src)$/i;

export function canonicalUrl(input: string | URL): string {
  const url = new URL(typeof input === 'string' ? input : input.href);
  url.hash = '';
  // URL already lower-cases scheme and host; drop default ports the same way.
  const kept = [...url.searchParams].filter(([key]) => !TRACKING_PARAM.test(key));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/** True for http(s) addresses: the only ones an offer may point at or be read from. */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
