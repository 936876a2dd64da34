/**
 * Answers: what a build read from the input is, what came after it and which builds lie on the
 * way to the latest one; for an unknown build, the nearest known ones.
 */
import { compareVersions, formatVersion, readBuild, type InputProblem, type Version } from './number';
import type { PreparedBuild, ReleaseLine, UpgradeRule, VersionCatalog } from './catalog';

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
