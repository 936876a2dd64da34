/**
 * The two deployment settings, read in one place. SITE_URL is the public origin used for
 * canonical links, og:url and the sitemap; SITE_BASE is the subpath the site is served under.
 * Links a reader copies never depend on SITE_URL: the page builds them from its own address.
 */

/**
 * Origin for canonical links, or undefined when SITE_URL is unset: such a build ships no absolute
 * URL at all (no canonical, no og:url, no sitemap) rather than one that points at a guessed host.
 * Throws with a clear message when SITE_URL is set but is not an http(s) URL.
 */
export function siteUrl(value: string | undefined): string | undefined {
  const raw = (value ?? '').trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(
      `SITE_URL="${raw}" is not a URL. Set it to the site's public origin, for example SITE_URL=https://mim-help.contoso.local`,
    );
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
      throw new Error(
        `SITE_BASE="${value}" has an unsafe path segment "${p}". Use letters, digits, ".", "_", "~" or "-", for example SITE_BASE=/mim-help/`,
      );
    }
  }
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** The one warning a build without SITE_URL prints. */
export const NO_SITE_URL_WARNING =
  'SITE_URL is not set: the pages carry no canonical link, no og:url and no sitemap.xml. Copied and shown links still work on any host (they come from the address the page is read at). To add them, build with SITE_URL set to the public origin, for example SITE_URL=https://mim-help.contoso.local';

/**
 * Where "Was this helpful?" sends readers: FEEDBACK_URL in the environment. A mailto: address
 * (mailto:mim-team@contoso.local) gets a prefilled subject and body; an http(s) URL is an issue
 * form, with {title}, {url} and {helpful} filled in. The default opens the reader's mail program.
 */
export const DEFAULT_FEEDBACK = 'mailto:';

export function feedbackHref(
  target: string | undefined,
  page: { title: string; url: string; helpful: boolean; subject: string },
): string {
  const raw = (target ?? '').trim() || DEFAULT_FEEDBACK;
  const enc = encodeURIComponent;
  if (raw.toLowerCase().startsWith('mailto:')) {
    const subject = `${page.subject}: ${page.title} (${page.helpful ? '+1' : '-1'})`;
    const body = `${page.url}\n\n`;
    return `${raw}${raw.includes('?') ? '&' : '?'}subject=${enc(subject)}&body=${enc(body)}`;
  }
  if (!/^https?:\/\//i.test(raw)) {
    throw new Error(
      `FEEDBACK_URL="${raw}" must be a mailto: address or an http(s) URL, for example https://tickets.contoso.local/new?title={title}&url={url}`,
    );
  }
  return raw
    .replace(/\{title\}/g, enc(page.title))
    .replace(/\{url\}/g, enc(page.url))
    .replace(/\{helpful\}/g, page.helpful ? 'yes' : 'no');
}
