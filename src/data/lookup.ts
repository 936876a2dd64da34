/**
 * The lookup's data for one language: the exact-match map (whole and sharded) and the message
 * index that pasted text is read against. UI strings are not in here: they ride once on the page
 * (`<mim-lookup data-strings>`), not in every shard.
 */
import { loadCatalog } from './catalog';
import { buildLookupIndex, type LookupIndex } from '../lib/lookup';
import { codeWords, packMessages, stepWords, type PackedMessages } from '../lib/paste';
import type { Lang } from '../i18n';
import { plainText } from '../lib/inline';

type LangData = { index: LookupIndex; messages: PackedMessages };
const cache = new Map<Lang, Promise<LangData>>();

/** Built once per language: the whole map and every shard come from the same one. */
export function lookupIndexFor(lang: Lang): Promise<LangData> {
  let p = cache.get(lang);
  if (!p) cache.set(lang, (p = build(lang)));
  return p;
}

async function build(lang: Lang): Promise<LangData> {
  const { codes, steps } = await loadCatalog();
  const index = buildLookupIndex(
    codes.map((c) => ({
      slug: c.slug,
      code: c.data.code,
      kind: c.data.kind,
      title: plainText(c.data.title[lang]),
      eventSource: c.data.eventSource,
      aliases: c.data.aliases,
      uncertain: c.data.uncertain,
      wrapper: c.data.wrapper,
      onlyIn: c.data.onlyIn,
    })),
  );
  const messages = packMessages(
    codes.map((c) => ({
      slug: c.slug,
      messages: c.data.messages,
      words: codeWords(c),
      titles: [c.data.title.en, c.data.title.sv].map(plainText),
    })),
    steps.map((s) => ({
      slug: s.slug,
      title: plainText(s.title[lang]),
      words: stepWords(s),
      titles: [s.title.en, s.title.sv].map(plainText),
    })),
  );
  return { index, messages };
}
