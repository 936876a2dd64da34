/**
 * Static paths for every route, in both languages. Routes live under src/pages/[...lang]/, where
 * `lang` is undefined for English (no prefix) and "sv" for Swedish.
 */
import { LANGS, langParam, type Lang } from '../lib/urls';
import { normalizeCode } from '../lib/codes';
import { loadCatalog, type Code, type Step } from './catalog';
import { t, type UiKey } from '../i18n';

export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}

/** The pages that are not content, by path, with the UI strings of their title and description. */
const APP_PAGES = {
  '': ['site.name', 'site.tagline'],
  lookup: ['lookup.title', 'lookup.intro'],
  versions: ['versions.title', 'versions.description'],
  analyze: ['analyze.title', 'analyze.description'],
} as const satisfies Record<string, readonly [UiKey, UiKey]>;

/** Base's head props for one of those pages: `<Base {...appPage(lang, 'lookup')}>`. */
export function appPage(lang: Lang, pagePath: keyof typeof APP_PAGES) {
  const [title, description] = APP_PAGES[pagePath];
  return { lang, pagePath, title: t(lang, title), description: t(lang, description) };
}

export async function stepPaths() {
  const { steps } = await loadCatalog();
  return LANGS.flatMap((lang) =>
    steps.map((step, i) => ({
      params: { lang: langParam(lang), slug: step.slug },
      props: { lang, step, previous: steps[i - 1], next: steps[i + 1] } as StepProps,
    })),
  );
}
export interface StepProps {
  lang: Lang;
  step: Step;
  previous?: Step;
  next?: Step;
}

export async function codePaths() {
  const { codes, codeBySlug } = await loadCatalog();
  return LANGS.flatMap((lang) =>
    codes.map((code) => ({
      params: { lang: langParam(lang), slug: code.slug },
      props: {
        lang,
        code,
        replacement: code.data.deprecatedBy ? codeBySlug.get(code.data.deprecatedBy) : undefined,
      } as CodeProps,
    })),
  );
}
export interface CodeProps {
  lang: Lang;
  code: Code;
  replacement?: Code;
}

/**
 * Short links for tickets: /e/<code>/ for every code and alias in canonical form. One code
 * redirects to its page; a number that two sources use lists both.
 */
export async function shortLinkPaths() {
  const { codes } = await loadCatalog();
  const byKey = new Map<string, Code[]>();
  for (const c of codes) {
    for (const key of new Set([c.data.code, ...c.data.aliases].map(normalizeCode))) {
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), c]);
    }
  }
  return LANGS.flatMap((lang) =>
    [...byKey].map(([key, targets]) => ({
      params: { lang: langParam(lang), code: key },
      props: { lang, key, targets } as ShortLinkProps,
    })),
  );
}
export interface ShortLinkProps {
  lang: Lang;
  key: string;
  targets: Code[];
}
