/**
 * Languages and site-relative URLs, kept apart from the UI strings so that browser code can use
 * them without shipping the dictionaries.
 */
export const LANGS = ['en', 'sv'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && (LANGS as readonly string[]).includes(s);
}

/** The `lang` route parameter: undefined for English (no prefix), "sv" for Swedish. */
export function langParam(lang: Lang): string | undefined {
  return lang === DEFAULT_LANG ? undefined : lang;
}

/**
 * Site-relative URL of a page: base + language prefix + path, always with a trailing slash.
 * `localizedPath("/mim-help/", "sv", "codes/6025")` gives "/mim-help/sv/codes/6025/".
 */
export function localizedPath(base: string, lang: Lang, pagePath = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  const p = pagePath.replace(/^\/+|\/+$/g, '');
  const prefix = lang === DEFAULT_LANG ? '' : `${lang}/`;
  return `${b}${prefix}${p}${p ? '/' : ''}`;
}

/** Splits a site-relative path into language and page path, so the switcher keeps the reader on the same page. */
export function splitLocalizedPath(base: string, pathname: string): { lang: Lang; pagePath: string } {
  const b = base.endsWith('/') ? base : `${base}/`;
  let rest = pathname.startsWith(b) ? pathname.slice(b.length) : pathname.replace(/^\/+/, '');
  let lang: Lang = DEFAULT_LANG;
  const first = rest.split('/')[0];
  if (isLang(first) && first !== DEFAULT_LANG) {
    lang = first;
    rest = rest.slice(first.length);
  }
  return { lang, pagePath: rest.replace(/^\/+|\/+$/g, '') };
}

/**
 * The absolute form of a site path (with base, e.g. "/mim-help/codes/6025/") against an origin
 * or a page address. At build time the origin is SITE_URL (Astro.site), which may be unset: then
 * there is no absolute URL to give, and callers leave it out or fall back to the path. In the
 * browser it is `location.href`, so a copied link names the host the reader is on.
 */
export function absoluteUrl(path: string, origin: URL | string | undefined): string | undefined {
  return origin === undefined || origin === '' ? undefined : new URL(path, origin).href;
}
