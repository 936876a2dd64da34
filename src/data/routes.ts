/**
 * Static paths for every route, in both languages. Routes live under src/pages/[...lang]/, where
 * `lang` is undefined for English (no prefix) and "sv" for Swedish.
 */
import { LANGS, langParam, type Lang } from '../lib/urls';
import { loadCatalog, type Code, type Step } from './catalog';

export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
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
      props: { lang, code, replacement: code.data.deprecatedBy ? codeBySlug.get(code.data.deprecatedBy) : undefined } as CodeProps,
    })),
  );
}
export interface CodeProps {
  lang: Lang;
  code: Code;
  replacement?: Code;
}
