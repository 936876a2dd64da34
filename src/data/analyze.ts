/** The analyzer's code map for one language: code -> page, title, wrapper flag, first fix step. */
import { loadCatalog } from './catalog';
import { buildCodeMap, type CodeMapJson } from '../lib/analyze/links';
import { plainText } from '../lib/inline';
import { oncePer } from '../lib/once';
import type { Lang } from '../i18n';

export const analyzeCodeMap = oncePer(async (lang: Lang): Promise<CodeMapJson> => {
  const { codes } = await loadCatalog();
  return buildCodeMap(
    codes.map((c) => ({
      s: c.slug,
      c: c.data.code,
      k: c.data.kind,
      t: plainText(c.data.title[lang]),
      st: c.steps[0]?.slug,
      sn: c.steps[0] ? plainText(c.steps[0].title[lang]) : undefined,
      e: c.data.eventSource,
      wrapper: c.data.wrapper,
      uncertain: c.data.uncertain,
      aliases: c.data.aliases,
    })),
  );
});
