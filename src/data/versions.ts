/**
 * The release collection shaped for the version checker: one language, plain text, one record
 * per build. The page renders its tables from it; the checker in the browser reads those tables.
 */
import { loadCatalog } from './catalog';
import { toBuild, type Build } from '../lib/versions';
import { plainText } from '../lib/inline';
import type { Lang } from '../lib/urls';

export interface VersionsData {
  builds: Build[];
  /** Every source cited by a build, once each. */
  sources: { title: string; url?: string }[];
}

export async function versionsData(lang: Lang): Promise<VersionsData> {
  const { releases } = await loadCatalog();
  const builds = releases.map((e) => toBuild(e.data, lang, plainText));
  const seen = new Map<string, string>();
  releases.forEach((e, i) => {
    const id = builds[i]!.id;
    const other = seen.get(id);
    if (other) {
      throw new Error(
        `content/releases: ${other} and ${e.filePath ?? e.id} describe the same build (${id}). ` +
          'Each build has one file: merge them, or set "connector" on the one that covers a single connector.',
      );
    }
    seen.set(id, e.filePath ?? e.id);
  });
  const sources = new Map<string, { title: string; url?: string }>();
  for (const e of releases)
    for (const s of e.data.sources)
      sources.set(s.url ?? s.title, s.url ? { title: s.title, url: s.url } : { title: s.title });
  return { builds, sources: [...sources.values()] };
}
