/**
 * The two deployment settings, read in one place. SITE_URL is the public origin used for
 * canonical and copied links; SITE_BASE is the subpath the site is served under.
 */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

/** Origin for canonical links. Throws with a clear message when SITE_URL is not an http(s) URL. */
export function siteUrl(value: string | undefined): string {
  const raw = (value ?? '').trim() || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL="${raw}" is not a URL. Set it to the site's public origin, for example SITE_URL=https://mim-help.contoso.local`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL="${raw}" must start with http:// or https://`);
  }
  return url.origin;
}

/** Base path with a leading and trailing slash: "", "mim-help" and "/mim-help" give "/" and "/mim-help/". */
export function siteBase(value: string | undefined): string {
  const parts = (value ?? '').split('/').filter(Boolean);
  for (const p of parts) {
    if (!/^[A-Za-z0-9._~-]+$/.test(p) || p === '.' || p === '..') {
      throw new Error(`SITE_BASE="${value}" has an unsafe path segment "${p}". Use letters, digits, ".", "_", "~" or "-", for example SITE_BASE=/mim-help/`);
    }
  }
  return parts.length ? `/${parts.join('/')}/` : '/';
}
