/**
 * The published builds: a release record in one language (toBuild), and the catalog of them
 * parsed and ordered by track, with the upgrade rules the records state (prepareCatalog).
 */
import { RELEASE_LINES } from '../codes';
import type { ReleaseData } from '../../schemas/release';
import { compareVersions, MAX_PART, parseVersion, type Version } from './number';

export type ReleaseLine = (typeof RELEASE_LINES)[number];

/** One build as the page and the browser see it: one language, plain text. */
export interface Build {
  /** Anchor id of the build's table row, unique across both lines. Example: "sync-4.6.607.0". */
  id: string;
  line: ReleaseLine;
  /** As published: "4.6.607.0", "5.3.0721". */
  version: string;
  /** Set for a build of one connector only. Example: "Lotus Domino". */
  connector?: string;
  /** YYYY-MM-DD or YYYY-MM. */
  date?: string;
  kb?: string;
  servicePack?: string;
  notes: string[];
  uncertain: boolean;
  note?: string;
  /** Installs only over this build of the same track or a later one (a baseline such as SP2's 4.6.34.0). */
  requires?: string;
  /** Installs in place only over exactly this build (SP3 over 4.6.673.0). */
  requiresInPlaceFrom?: string;
  /** A single-connector build whose connector now ships in the generic connector package. */
  replacedByPackage?: boolean;
}

/** A release record as the content schema gives it (both languages). */
export type ReleaseRecord = ReleaseData;

/** The URL parameter each line is shared with: ?build=4.6.607.0, ?connector=1.1.1431.0. */
export const PARAM_FOR_LINE: Readonly<Record<ReleaseLine, 'build' | 'connector'>> = {
  'sync-service': 'build',
  connectors: 'connector',
};
/** An example build per line, for placeholders and error messages. */
export const EXAMPLE_FOR_LINE: Readonly<Record<ReleaseLine, string>> = {
  'sync-service': '4.6.607.0',
  connectors: '1.1.1431.0',
};

/** Where a KB article lives: "KB5018333" -> https://support.microsoft.com/help/5018333. */
export function kbUrl(kb: string): string | undefined {
  const m = /^KB(\d+)$/.exec(kb);
  return m ? `https://support.microsoft.com/help/${m[1]}` : undefined;
}
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The anchor id of a build's table row. */
export function buildId(line: ReleaseLine, version: string, connector?: string): string {
  if (line === 'sync-service') return `sync-${version}`;
  return connector ? `${slug(connector)}-${version}` : `connectors-${version}`;
}

/** A release record in one language, as the page and the browser use it. */
export function toBuild(r: ReleaseRecord, lang: 'en' | 'sv', plain: (s: string) => string = (s) => s): Build {
  return {
    id: buildId(r.line, r.version, r.connector),
    line: r.line,
    version: r.version,
    ...(r.connector ? { connector: r.connector } : {}),
    ...(r.date ? { date: r.date } : {}),
    ...(r.kb ? { kb: r.kb } : {}),
    ...(r.servicePack ? { servicePack: r.servicePack } : {}),
    notes: r.notes.map((n) => plain(n[lang])),
    uncertain: r.uncertain ?? false,
    ...(r.note ? { note: plain(r.note[lang]) } : {}),
    ...(r.requires ? { requires: r.requires } : {}),
    ...(r.requiresInPlaceFrom ? { requiresInPlaceFrom: r.requiresInPlaceFrom } : {}),
    ...(r.replacedByPackage ? { replacedByPackage: true } : {}),
  };
}

export interface PreparedBuild extends Build {
  v: Version;
  /** "sync-service", "package" (the generic connector package) or "connector:<name>". */
  track: string;
}

export interface VersionCatalog {
  builds: PreparedBuild[];
  /** Each track oldest first. */
  tracks: Map<string, PreparedBuild[]>;
  /** Names of the connectors that have single-connector builds. */
  connectors: string[];
  /** The upgrade rules the records state, one per build that has one. */
  rules: UpgradeRule[];
}

/** A build that installs only over an earlier one: from its record's requires / requiresInPlaceFrom. */
export interface UpgradeRule {
  target: PreparedBuild;
  requires: PreparedBuild;
  /** "baseline": over that build or a later one; "in-place": over exactly that build. */
  kind: 'baseline' | 'in-place';
}

const label = (b: Build) => [b.line, b.connector, b.version].filter(Boolean).join(' ');

const trackOf = (b: Build) =>
  b.line === 'sync-service' ? 'sync-service' : b.connector ? `connector:${b.connector}` : 'package';

/**
 * Older first. Sync Service and package builds go by number. Single-connector builds go by
 * release month first: their numbering restarted when the connectors were repackaged (Lotus
 * Domino 5.3.x was followed by 1.0.x, Generic LDAP 4.3.1082 by 1.0.0419), so a higher number is
 * not a later build there. The number decides within a month or when a date is missing.
 */
function olderFirst(a: PreparedBuild, b: PreparedBuild): number {
  if (a.connector && b.connector && a.date && b.date) {
    const [da, db] = [a.date.slice(0, 7), b.date.slice(0, 7)];
    if (da !== db) return da < db ? -1 : 1;
  }
  return compareVersions(a.v, b.v);
}

/** A release that cannot be placed: its version does not parse, or its upgrade rule names no earlier build. */
export class ReleaseError extends Error {
  /** The row id of the build at fault, so src/data can name its file. */
  readonly buildId: string;
  constructor(build: Build, message: string) {
    super(`Release ${label(build)}: ${message}`);
    this.name = 'ReleaseError';
    this.buildId = build.id;
  }
}

/** Parses and orders the builds once. Throws a ReleaseError, naming the build, when one cannot be placed. */
export function prepareCatalog(input: readonly Build[]): VersionCatalog {
  const builds = input.map((b) => {
    const v = parseVersion(b.version);
    if (!v)
      throw new ReleaseError(
        b,
        `the version must be 2 to 4 numbers from 0 to ${MAX_PART}, separated by dots.`,
      );
    return { ...b, v, track: trackOf(b) };
  });
  const tracks = new Map<string, PreparedBuild[]>();
  for (const b of builds) tracks.set(b.track, [...(tracks.get(b.track) ?? []), b]);
  for (const t of tracks.values()) t.sort(olderFirst);
  const connectors = [...new Set(builds.flatMap((b) => (b.connector ? [b.connector] : [])))].sort();
  const rules = builds.flatMap((target): UpgradeRule[] => {
    const stated = [
      ['requires', target.requires, 'baseline'],
      ['requiresInPlaceFrom', target.requiresInPlaceFrom, 'in-place'],
    ] as const;
    return stated.flatMap(([field, version, kind]) => {
      if (version === undefined) return [];
      const v = parseVersion(version);
      const requires = v && tracks.get(target.track)?.find((b) => compareVersions(b.v, v) === 0);
      if (!requires || compareVersions(requires.v, target.v) >= 0) {
        throw new ReleaseError(
          target,
          `${field} is "${version}", which is not an earlier build with a release record of its own. ` +
            'Give the version of an older build of the same line (and connector), and add its record if it has none.',
        );
      }
      return [{ target, requires, kind }];
    });
  });
  return { builds, tracks, connectors, rules };
}

/** The tables on the page: Sync Service, connector package, single connectors; newest first. */
export function tableSections(
  catalog: VersionCatalog,
): { key: 'sync-service' | 'package' | 'single'; builds: PreparedBuild[] }[] {
  const newest = (track: string) => [...(catalog.tracks.get(track) ?? [])].reverse();
  return [
    { key: 'sync-service', builds: newest('sync-service') },
    { key: 'package', builds: newest('package') },
    { key: 'single', builds: catalog.connectors.flatMap((c) => newest(`connector:${c}`)) },
  ];
}

/** Ids of the builds that are the newest of their track and not replaced by the package. */
export function latestBuildIds(catalog: VersionCatalog): Set<string> {
  const ids = new Set<string>();
  for (const builds of catalog.tracks.values()) {
    const last = builds.at(-1);
    if (last && !(last.replacedByPackage && catalog.tracks.has('package'))) ids.add(last.id);
  }
  return ids;
}
