/**
 * The version checker. Reads the build an admin pastes ("4.6.607.0", "Version 4.6.607.0",
 * "4, 6, 607, 0", "Lotus Domino 5.3.0721", a whole PowerShell output), places it among the
 * published Sync Service or connector builds, and says what it is, what came after it and which
 * builds lie on the way to the latest one.
 *
 * Versions are compared number by number, never as text: 4.6.607.0 < 4.6.673.0 < 4.7.3.0.
 *
 * Pure TypeScript: no astro:*, no DOM. The versions page renders its table from the same records
 * at build time, and the browser bundles this module to answer ?build= and ?connector=.
 */
import { foldHyphens, RELEASE_LINES } from './codes';
import type { ReleaseData } from '../schemas/release';

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

/** A version as four numbers; missing trailing parts are 0, so 4.6.607 equals 4.6.607.0. */
export type Version = readonly [number, number, number, number];

/** Windows file versions have four 16-bit parts. */
export const MAX_PART = 65535;
/** Longest text the checker reads; a version line with some context is far shorter. */
export const MAX_INPUT = 2000;
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

/**
 * Why a version written in a release record cannot be used, or undefined when it can. The
 * release schema shows this text to the author.
 */
export function versionProblem(s: string): string | undefined {
  if (!/^\d{1,10}(?:\.\d{1,10}){1,3}$/.test(s))
    return 'must be 2 to 4 numbers separated by dots, for example "4.6.607.0"';
  const big = s.split('.').find((p) => Number(p) > MAX_PART);
  if (big !== undefined)
    return `has the part ${big}, above ${MAX_PART}: each part of a Windows file version is a number from 0 to ${MAX_PART}`;
  return undefined;
}

/** Parses a version written as dotted numbers (2 to 4 parts); undefined when it is not one. */
export function parseVersion(s: string): Version | undefined {
  if (!/^\d{1,10}(?:\.\d{1,10}){1,3}$/.test(s)) return undefined;
  return toVersion(s.split('.'));
}

function toVersion(parts: string[]): Version | undefined {
  const n = parts.map(Number);
  if (n.length < 2 || n.length > 4 || n.some((p) => !Number.isInteger(p) || p < 0 || p > MAX_PART))
    return undefined;
  while (n.length < 4) n.push(0);
  return [n[0]!, n[1]!, n[2]!, n[3]!];
}

/** Negative, zero or positive, comparing part by part as numbers. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

export const formatVersion = (v: Version): string => v.join('.');

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

// ---------------------------------------------------------------------------------------------
// Reading what an admin pastes

export type InputProblem =
  'empty' | 'too-long' | 'no-version' | 'too-few-parts' | 'too-many-parts' | 'part-too-large';

export type ReadBuild =
  | { ok: true; version: Version; found: string; connector?: string }
  | { ok: false; problem: InputProblem; found?: string };

// Runs of numbers joined by dots ("4.6.607.0"), or by commas as a version resource writes them
// ("4, 6, 607, 0"). Both are linear: no nested quantifiers that could backtrack.
const DOTTED = /\d+(?:\.\d+)+/g;
const COMMAS = /\d+(?:[ \t]*,[ \t]*\d+)+/g;

const nameKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The connector named in the text, if any: "Lotus Domino 5.3.0721", "GenericLdap.dll 1.1.1431.0". */
export function findConnector(text: string, names: readonly string[]): string | undefined {
  const key = nameKey(text);
  return [...names]
    .sort((a, b) => nameKey(b).length - nameKey(a).length)
    .find((n) => nameKey(n) && key.includes(nameKey(n)));
}

/**
 * Finds the build number in pasted text. When the text holds several, a known build wins, then
 * the one with more parts (a full build over a date such as 2022.02.10), then the first.
 */
export function readBuild(
  input: string,
  options: { connectors?: readonly string[]; isKnown?: (v: Version) => boolean } = {},
): ReadBuild {
  if (typeof input !== 'string') return { ok: false, problem: 'empty' };
  if (input.length > MAX_INPUT) return { ok: false, problem: 'too-long' };
  // NFKC turns full-width digits and dots into ASCII; foldHyphens drops invisible characters.
  const text = foldHyphens(input.normalize('NFKC')).trim();
  if (!text) return { ok: false, problem: 'empty' };

  const valid: { v: Version; found: string; parts: number; index: number }[] = [];
  const rejected: Partial<Record<InputProblem, string>> = {};
  const consider = (found: string, parts: string[], index: number) => {
    if (parts.length > 4) return void (rejected['too-many-parts'] ??= found);
    if (parts.length < 3) return void (rejected['too-few-parts'] ??= found);
    const v = toVersion(parts);
    if (!v) return void (rejected['part-too-large'] ??= found);
    valid.push({ v, found, parts: parts.length, index });
  };
  for (const m of text.matchAll(DOTTED)) consider(m[0], m[0].split('.'), m.index);
  for (const m of text.matchAll(COMMAS)) {
    const parts = m[0].split(',').map((p) => p.trim());
    // Only the four-part form is a version; "see items 1, 2" is ordinary text. A run that
    // touches a dot belongs to a dotted number next to it.
    if (parts.length !== 4 || text[m.index - 1] === '.' || text[m.index + m[0].length] === '.') continue;
    consider(m[0], parts, m.index);
  }
  if (!valid.length) {
    for (const problem of ['too-many-parts', 'part-too-large', 'too-few-parts'] as const) {
      const found = rejected[problem];
      if (found !== undefined) return { ok: false, problem, found };
    }
    return { ok: false, problem: 'no-version' };
  }
  const known = (c: (typeof valid)[number]) => (options.isKnown?.(c.v) ? 1 : 0);
  valid.sort((a, b) => known(b) - known(a) || b.parts - a.parts || a.index - b.index);
  const best = valid[0]!;
  const connector = findConnector(text, options.connectors ?? []);
  return { ok: true, version: best.v, found: best.found, ...(connector ? { connector } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The catalog of builds, ordered

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

// ---------------------------------------------------------------------------------------------
// Answers

export interface UpgradeStop {
  build: PreparedBuild;
  /** Set when this stop is required because `requiredFor` installs only over it. */
  requiredFor?: PreparedBuild;
  /** How `requiredFor` depends on it: over it or later ("baseline"), or over exactly it ("in-place"). */
  kind?: UpgradeRule['kind'];
}

export interface BuildAnswer {
  build: PreparedBuild;
  /** The newest build of the same track (Sync Service, connector package, or that connector). */
  latest: PreparedBuild;
  /** True when nothing newer is known, in its track or in the package that replaced it. */
  isLatest: boolean;
  /** Newer builds of the same track, newest first. */
  newer: PreparedBuild[];
  /** The newest build of the same service pack, when it is newer than this one. */
  latestOfServicePack?: PreparedBuild;
  /** For single-connector builds of a connector now in the package: the newest package build. */
  supersededBy?: PreparedBuild;
  /** Builds to install on the way to the newest one, in order; empty when this is the newest. */
  path: UpgradeStop[];
}

export type CheckResult =
  | { kind: 'error'; line: ReleaseLine; problem: InputProblem; found?: string }
  | {
      kind: 'known';
      line: ReleaseLine;
      /** The build read from the input, four parts. */
      version: string;
      /** The text it was read from. */
      found: string;
      connector?: string;
      /** Usually one; several when single connectors share a number (1.0.0419). */
      answers: BuildAnswer[];
    }
  | {
      kind: 'unknown';
      line: ReleaseLine;
      version: string;
      found: string;
      connector?: string;
      /** The nearest known builds below and above (several when they share a number). */
      below: PreparedBuild[];
      above: PreparedBuild[];
      /** The newest build it was compared with, for "newer than every build we know". */
      newest?: PreparedBuild;
      /** Builds elsewhere (the other line, another connector) with exactly this number. */
      elsewhere: PreparedBuild[];
      path: UpgradeStop[];
    };

/**
 * The builds to install from `v` to the newest build of the track: every stop a rule requires,
 * oldest first, then the newest. Walks back from the newest build: if it needs a build that `v`
 * is older than, that build is a stop, and its own rule is checked next.
 */
function upgradePath(v: Version, track: readonly PreparedBuild[], catalog: VersionCatalog): UpgradeStop[] {
  const latest = track.at(-1);
  if (!latest || compareVersions(v, latest.v) >= 0) return [];
  const ruleFor = new Map(catalog.rules.map((r) => [r.target.id, r]));
  const stops: UpgradeStop[] = [{ build: latest }];
  const seen = new Set([latest.id]);
  for (
    let rule = ruleFor.get(latest.id);
    rule && compareVersions(v, rule.requires.v) < 0 && !seen.has(rule.requires.id);
    rule = ruleFor.get(rule.requires.id)
  ) {
    seen.add(rule.requires.id);
    stops.unshift({ build: rule.requires, requiredFor: rule.target, kind: rule.kind });
  }
  return stops;
}

function answerFor(b: PreparedBuild, catalog: VersionCatalog): BuildAnswer {
  const track = catalog.tracks.get(b.track) ?? [b];
  const latest = track.at(-1) ?? b;
  const newer = track.slice(track.indexOf(b) + 1).reverse();
  const sp = b.servicePack ? newer.find((n) => n.servicePack === b.servicePack) : undefined;
  const pkg = catalog.tracks.get('package');
  const supersededBy = b.replacedByPackage ? pkg?.at(-1) : undefined;
  const path: UpgradeStop[] = supersededBy ? [{ build: supersededBy }] : upgradePath(b.v, track, catalog);
  return {
    build: b,
    latest,
    isLatest: newer.length === 0 && !supersededBy,
    newer,
    ...(sp && sp !== latest ? { latestOfServicePack: sp } : {}),
    ...(supersededBy ? { supersededBy } : {}),
    path,
  };
}

const sameVersion = (a: Version) => (b: PreparedBuild) => compareVersions(a, b.v) === 0;

/** All builds that share the highest number below (or lowest above) `v`. */
function nearest(scope: readonly PreparedBuild[], v: Version, dir: -1 | 1): PreparedBuild[] {
  let best: Version | undefined;
  for (const b of scope) {
    const c = compareVersions(b.v, v);
    if (c !== dir) continue;
    if (!best || compareVersions(b.v, best) === -dir) best = b.v;
  }
  return best ? scope.filter(sameVersion(best)) : [];
}

/** Reads the input and answers it for one line. Never throws on user input. */
export function checkBuild(input: string, line: ReleaseLine, catalog: VersionCatalog): CheckResult {
  const inLine = catalog.builds.filter((b) => b.line === line);
  const read = readBuild(input, {
    connectors: line === 'connectors' ? catalog.connectors : [],
    isKnown: (v) => inLine.some(sameVersion(v)),
  });
  if (!read.ok)
    return {
      kind: 'error',
      line,
      problem: read.problem,
      ...(read.found !== undefined ? { found: read.found } : {}),
    };
  const { version: v, found, connector } = read;
  const named = connector ? { connector } : {};
  const version = formatVersion(v);

  // A named connector narrows the match to its own builds and the package, which carries it too.
  const matches = inLine.filter(
    (b) => sameVersion(v)(b) && (!connector || !b.connector || b.connector === connector),
  );
  if (matches.length)
    return {
      kind: 'known',
      line,
      version,
      found,
      ...named,
      answers: matches.map((b) => answerFor(b, catalog)),
    };

  let scope = inLine;
  if (connector) scope = catalog.tracks.get(`connector:${connector}`) ?? inLine;
  else if (line === 'connectors') {
    // Compare 1.1.x with 1.x builds, 5.3.x with 5.x: numbers of unrelated connectors say little.
    const sameMajor = inLine.filter((b) => b.v[0] === v[0]);
    if (sameMajor.length) scope = sameMajor;
  }
  const below = nearest(scope, v, -1);
  const above = nearest(scope, v, 1);
  const newest = [...scope].sort((a, b) => compareVersions(a.v, b.v)).at(-1);
  const elsewhere = catalog.builds.filter((b) => sameVersion(v)(b));
  const path =
    line === 'sync-service' ? upgradePath(v, catalog.tracks.get('sync-service') ?? [], catalog) : [];
  return {
    kind: 'unknown',
    line,
    version,
    found,
    ...named,
    below,
    above,
    ...(newest ? { newest } : {}),
    elsewhere,
    path,
  };
}

// ---------------------------------------------------------------------------------------------
// The page's data island: the builds the tables show, for the checker in the browser

/** The id of the <script type="application/json"> element that carries the builds. */
export const DATA_ISLAND_ID = 'release-data';

/**
 * The builds as JSON for a <script type="application/json"> element. "<" is escaped so a note
 * can never close the element, and U+2028/U+2029 so the text is also a valid script literal.
 */
export function buildsToJson(builds: readonly Build[]): string {
  // Without the notes: the page's tables already carry them, and sending them twice kept the
  // versions page over its 25 KB HTML budget. buildsFromJson takes them back from the table.
  const plain: Omit<Build, 'notes'>[] = builds.map(
    ({
      id,
      line,
      version,
      connector,
      date,
      kb,
      servicePack,
      uncertain,
      note,
      requires,
      requiresInPlaceFrom,
      replacedByPackage,
    }) => ({
      id,
      line,
      version,
      ...(connector ? { connector } : {}),
      ...(date ? { date } : {}),
      ...(kb ? { kb } : {}),
      ...(servicePack ? { servicePack } : {}),
      uncertain,
      ...(note ? { note } : {}),
      ...(requires ? { requires } : {}),
      ...(requiresInPlaceFrom ? { requiresInPlaceFrom } : {}),
      ...(replacedByPackage ? { replacedByPackage } : {}),
    }),
  );
  return JSON.stringify(plain)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const isText = (x: unknown): x is string => typeof x === 'string';
const optionalText = (x: unknown) => x === undefined || isText(x);

/**
 * Reads what buildsToJson wrote, with each build's notes from `notesOf` (in the browser: the
 * build's row of the release table). Throws, saying what is wrong, when the island is missing or
 * damaged.
 */
export function buildsFromJson(text: string | null | undefined, notesOf: (id: string) => string[]): Build[] {
  if (!text) throw new Error(`The release data (#${DATA_ISLAND_ID}) is missing from the page.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`The release data (#${DATA_ISLAND_ID}) is not valid JSON.`);
  }
  if (!Array.isArray(data))
    throw new Error(`The release data (#${DATA_ISLAND_ID}) must be a list of builds.`);
  return data.map((b: Record<string, unknown>, i): Build => {
    const ok =
      b !== null &&
      typeof b === 'object' &&
      isText(b.id) &&
      (RELEASE_LINES as readonly unknown[]).includes(b.line) &&
      isText(b.version) &&
      typeof b.uncertain === 'boolean' &&
      [b.connector, b.date, b.kb, b.servicePack, b.note, b.requires, b.requiresInPlaceFrom].every(
        optionalText,
      ) &&
      (b.replacedByPackage === undefined || b.replacedByPackage === true);
    if (!ok) throw new Error(`The release data (#${DATA_ISLAND_ID}) has a malformed build at position ${i}.`);
    return { ...(b as unknown as Omit<Build, 'notes'>), notes: notesOf(b.id as string) };
  });
}
