/**
 * The lookup's data for one language: the exact-match map (whole and sharded) and the message
 * index that pasted text is read against. UI strings are not in here: they ride once on the page
 * (`<mim-lookup data-strings>`), not in every shard.
 */
import { loadCatalog } from './catalog';
import { buildLookupData, type LookupData } from '../lib/lookup-data';
import type { Lang } from '../i18n';
import { oncePer } from '../lib/once';

/** Built once per language: the whole map and every shard come from the same one. */
export const lookupIndexFor = oncePer(build);

async function build(lang: Lang): Promise<LookupData> {
  const { codes, steps } = await loadCatalog();
  return buildLookupData(
    codes,
    steps.map((s) => ({ ...s, body: { en: s.entry.en.body ?? '', sv: s.entry.sv.body ?? '' } })),
    lang,
  );
}
