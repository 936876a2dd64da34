/** The exact-match map for one language, and the UI strings the lookup shows. */
import { loadCatalog } from './catalog';
import { buildLookupIndex, type LookupIndex } from '../lib/lookup';
import { UI, type Lang, type UiKey } from '../i18n';
import { plainText } from '../lib/inline';

type LangIndex = { index: LookupIndex; strings: Record<string, string> };
const cache = new Map<Lang, Promise<LangIndex>>();

/** Built once per language: the whole map and every shard come from the same one. */
export function lookupIndexFor(lang: Lang): Promise<LangIndex> {
  let p = cache.get(lang);
  if (!p) cache.set(lang, (p = build(lang)));
  return p;
}

async function build(lang: Lang): Promise<LangIndex> {
  const { codes } = await loadCatalog();
  const index = buildLookupIndex(
    codes.map((c) => ({
      slug: c.slug,
      code: c.data.code,
      kind: c.data.kind,
      title: plainText(c.data.title[lang]),
      eventSource: c.data.eventSource,
      aliases: c.data.aliases,
      uncertain: c.data.uncertain,
    })),
  );
  const strings = Object.fromEntries(
    (Object.keys(UI[lang]) as UiKey[]).filter((k) => k.startsWith('lookup.')).map((k) => [k, UI[lang][k]]),
  );
  return { index, strings };
}
