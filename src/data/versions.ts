/**
 * The release collection shaped for the version checker: one language, plain text, one record
 * per build. The page renders its tables from it and hands the same builds to the checker in the
 * browser as a JSON data island (buildsToJson / buildsFromJson in src/lib/versions.ts).
 */
import { loadCatalog } from './catalog';
import { prepareCatalog, ReleaseError, toBuild, type Build, type ReleaseLine } from '../lib/versions';
import { plainText } from '../lib/inline';
import type { Lang } from '../lib/urls';

export interface VersionsData {
  builds: Build[];
  /**
   * Per line, the oldest lastReviewed of its records: every build in that list was checked
   * against Microsoft's pages on this day or later. Undefined for a line without records.
   */
  reviewed: Partial<Record<ReleaseLine, string>>;
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
  try {
    // Upgrade rules must name builds that exist; fail the build here rather than on the page.
    prepareCatalog(builds);
  } catch (err) {
    if (!(err instanceof ReleaseError)) throw err;
    throw new Error(`${seen.get(err.buildId) ?? 'content/releases'}: ${err.message}`, { cause: err });
  }
  const reviewed: Partial<Record<ReleaseLine, string>> = {};
  for (const e of releases) {
    const day = e.data.lastReviewed;
    const current = reviewed[e.data.line];
    if (current === undefined || day < current) reviewed[e.data.line] = day;
  }
  const sources = new Map<string, { title: string; url?: string }>();
  for (const e of releases)
    for (const s of e.data.sources)
      sources.set(s.url ?? s.title, s.url ? { title: s.title, url: s.url } : { title: s.title });
  return { builds, reviewed, sources: [...sources.values()] };
}
