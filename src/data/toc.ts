/**
 * "On this page" for step and code pages: the sections each page renders, in order, for the
 * sticky right-hand column and the phone menu (src/components/Toc.astro).
 */
import { render } from 'astro:content';
import { t, type Lang } from '../i18n';
import type { Code, Step } from './catalog';

export interface TocItem {
  depth: number;
  slug: string;
  text: string;
}

export async function stepToc(step: Step, lang: Lang): Promise<TocItem[]> {
  const { headings } = await render(step.entry[lang]);
  return [
    ...headings.filter((h) => h.depth === 2 || h.depth === 3),
    ...(step.codes.length ? [{ depth: 2, slug: 'related-codes', text: t(lang, 'step.relatedCodes') }] : []),
    { depth: 2, slug: 'sources', text: t(lang, 'step.sources') },
  ];
}

export function codeToc(code: Code, lang: Lang): TocItem[] {
  return [
    { depth: 2, slug: 'where', text: t(lang, 'code.appearsIn') },
    { depth: 2, slug: 'causes', text: t(lang, 'code.causes') },
    { depth: 2, slug: 'checks', text: t(lang, 'code.checks') },
    { depth: 2, slug: 'fix', text: t(lang, 'code.fix') },
    ...(code.data.aliases.length ? [{ depth: 2, slug: 'aliases', text: t(lang, 'code.aliases') }] : []),
    { depth: 2, slug: 'sources', text: t(lang, 'step.sources') },
  ];
}
