/** The exact-match map for the lookup, one per language: codes, aliases and titles. */
import type { APIRoute } from 'astro';
import { langPaths } from '../../data/routes';
import { loadCatalog } from '../../data/catalog';
import { buildLookupIndex } from '../../lib/lookup';
import { UI, type Lang, type UiKey } from '../../lib/i18n';
import { plainText } from '../../lib/inline';

export const getStaticPaths = langPaths;

export const GET: APIRoute = async ({ props }) => {
  const lang = props.lang as Lang;
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
  return new Response(JSON.stringify({ ...index, strings }), { headers: { 'Content-Type': 'application/json' } });
};
