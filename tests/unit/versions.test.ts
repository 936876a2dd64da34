import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  buildId,
  checkBuild,
  compareVersions,
  findConnector,
  latestBuildIds,
  parseVersion,
  prepareCatalog,
  readBuild,
  tableSections,
  toBuild,
  CHECKER_STEPS,
  MAX_INPUT,
  PACKAGED_CONNECTORS,
  UPGRADE_RULES,
  type Build,
  type CheckResult,
  type ReleaseRecord,
  type Version,
} from '../../src/lib/versions';
import { UI } from '../../src/i18n';

// The real release data, read the way the content schema sees it.
const ROOT = path.resolve(import.meta.dirname, '../..');
const records: ReleaseRecord[] = (['sync-service', 'connectors'] as const).flatMap((line) => {
  const dir = path.join(ROOT, 'content/releases', line);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as ReleaseRecord);
});
const builds: Build[] = records.map((r) => toBuild(r, 'en'));
const catalog = prepareCatalog(builds);

const v = (s: string) => parseVersion(s) as Version;
const known = (r: CheckResult) => {
  if (r.kind !== 'known') throw new Error(`expected a known build, got ${JSON.stringify(r).slice(0, 300)}`);
  return r;
};
const unknown = (r: CheckResult) => {
  if (r.kind !== 'unknown')
    throw new Error(`expected an unknown build, got ${JSON.stringify(r).slice(0, 300)}`);
  return r;
};
const versionsOf = (bs: { version: string; connector?: string }[]) =>
  bs.map((b) => (b.connector ? `${b.connector} ${b.version}` : b.version));

describe('the reference data', () => {
  it('has the 24 Sync Service builds and 34 connector builds the checker is built on', () => {
    expect(builds.filter((b) => b.line === 'sync-service')).toHaveLength(24);
    expect(builds.filter((b) => b.line === 'connectors')).toHaveLength(34);
  });

  it('gives every build a unique row id', () => {
    expect(new Set(builds.map((b) => b.id)).size).toBe(builds.length);
  });

  it('finds every build in the reference by its own version', () => {
    for (const b of builds) {
      const input = b.connector ? `${b.connector} ${b.version}` : b.version;
      const r = known(checkBuild(input, b.line, catalog));
      expect(
        r.answers.map((a) => a.build.id),
        input,
      ).toContain(b.id);
      expect(r.answers, input).toHaveLength(1);
    }
  });

  it('states in the notes each upgrade rule the checker applies', () => {
    for (const rule of UPGRADE_RULES) {
      const target = builds.find((b) => b.version === rule.target)!;
      const requires = builds.find((b) => b.version === rule.requires)!;
      expect(target.notes.join(' ')).toContain(`only possible from ${rule.requires}`);
      expect(requires.notes.join(' ')).toMatch(/required starting point for an in-place upgrade/);
    }
  });

  it('says in the notes of every single-connector build of a packaged connector that the package replaced it', () => {
    const single = builds.filter((b) => b.connector && PACKAGED_CONNECTORS.includes(b.connector));
    expect(single.length).toBeGreaterThan(0);
    for (const b of single) expect(b.notes.join(' '), b.id).toMatch(/1\.1\.x generic connector package/);
  });
});

describe('parsing and ordering versions', () => {
  it('compares number by number, never as text', () => {
    expect(compareVersions(v('4.6.607.0'), v('4.6.673.0'))).toBe(-1);
    expect(compareVersions(v('4.6.673.0'), v('4.7.3.0'))).toBe(-1);
    expect(compareVersions(v('4.6.34.0'), v('4.6.258.0'))).toBe(-1);
    expect(compareVersions(v('1.1.953.0'), v('1.1.1130.0'))).toBe(-1);
    expect(compareVersions(v('4.6.607'), v('4.6.607.0'))).toBe(0);
    expect(compareVersions(v('5.3.0721'), v('5.3.721'))).toBe(0);
    expect(compareVersions(v('1.0.6635.0069'), v('1.0.6635.69'))).toBe(0);
  });

  it('orders the Sync Service table newest first by number', () => {
    const sync = tableSections(catalog).find((s) => s.key === 'sync-service')!.builds;
    expect(versionsOf(sync.slice(0, 4))).toEqual(['4.7.3.0', '4.6.673.0', '4.6.607.0', '4.6.540.0']);
    expect(sync.at(-1)!.version).toBe('4.3.1935.0');
    for (let i = 1; i < sync.length; i++) expect(compareVersions(sync[i - 1]!.v, sync[i]!.v)).toBe(1);
  });

  it('orders the connector package newest first by number', () => {
    const pkg = tableSections(catalog).find((s) => s.key === 'package')!.builds;
    expect(versionsOf(pkg.slice(0, 3))).toEqual(['1.1.1431.0', '1.1.1381.0', '1.1.1347.0']);
    expect(pkg.at(-1)!.version).toBe('1.1.117.0');
  });

  it('orders single-connector builds by release month, because their numbering restarted', () => {
    const single = tableSections(catalog).find((s) => s.key === 'single')!.builds;
    const ldap = single.filter((b) => b.connector === 'Generic LDAP').map((b) => b.version);
    expect(ldap).toEqual(['1.0.0597', '1.0.0549', '1.0.0534', '1.0.0419', '4.3.1082']);
  });

  it('marks the newest build of each track as latest, but not a connector the package replaced', () => {
    const ids = latestBuildIds(catalog);
    expect(ids.has('sync-4.7.3.0')).toBe(true);
    expect(ids.has('connectors-1.1.1431.0')).toBe(true);
    expect(ids.has('sharepoint-user-profile-store-4.4.1800.1')).toBe(true);
    expect(ids.has('lotus-domino-1.0.0597')).toBe(false);
    expect(ids.has(buildId('sync-service', '4.6.673.0'))).toBe(false);
  });
});

describe('reading what an admin pastes', () => {
  it.each([
    ['4.6.607.0'],
    ['Version 4.6.607.0'],
    ['v4.6.607.0'],
    ['4.6.607'],
    ['4, 6, 607, 0'],
    ['4,6,607,0'],
    ['File version: 4.6.607.0 (SP2)'],
    ['  \u200b4.6.607.0\u00a0 '],
    ['\uff14\uff0e\uff16\uff0e\uff16\uff10\uff17\uff0e\uff10'], // full-width digits and dots
    ['FileVersion ProductVersion\n----------- --------------\n4.6.607.0   4.6.607.0'],
    ['Microsoft Identity Manager 2016 SP2 4.6.607.0'],
  ])('reads 4.6.607.0 from %j', (input) => {
    const r = readBuild(input);
    expect(r.ok && r.version).toEqual([4, 6, 607, 0]);
  });

  it('prefers a known build, then a full one, over other numbers in the text', () => {
    const isKnown = (x: Version) => compareVersions(x, v('4.6.607.0')) === 0;
    expect(readBuild('Installed 2022.02.10 on 10.0.17763.1, version 4.6.607.0', { isKnown })).toMatchObject({
      ok: true,
      version: [4, 6, 607, 0],
    });
    expect(readBuild('Installed 2022.02.10, version 4.6.610.0')).toMatchObject({
      ok: true,
      version: [4, 6, 610, 0],
    });
  });

  it('names the connector in the text, however it is spaced', () => {
    const names = catalog.connectors;
    expect(findConnector('Lotus Domino 5.3.0721', names)).toBe('Lotus Domino');
    expect(findConnector('Microsoft.IAM.Connector.GenericLdap.dll 1.1.1431.0', names)).toBe('Generic LDAP');
    expect(findConnector('1.1.1431.0', names)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['hello', 'no-version'],
    ['4', 'no-version'],
    ['KB5009981', 'no-version'],
    ['<script>alert(1)</script>', 'no-version'],
    ['4.6', 'too-few-parts'],
    ['4.6.607.0.1', 'too-many-parts'],
    ['4.6.99999.0', 'part-too-large'],
    ['4.6.' + '9'.repeat(400) + '.0', 'part-too-large'],
    ['x'.repeat(MAX_INPUT + 1), 'too-long'],
  ])('rejects %j as %s', (input, problem) => {
    expect(readBuild(input)).toMatchObject({ ok: false, problem });
  });

  it('reads long hostile input quickly (no backtracking)', () => {
    const inputs = [
      '1.'.repeat(999),
      '1, '.repeat(600),
      '9'.repeat(MAX_INPUT),
      '1,'.repeat(999) + 'x',
      ' ,'.repeat(999),
    ];
    const start = performance.now();
    for (const s of inputs) readBuild(s.slice(0, MAX_INPUT), { connectors: catalog.connectors });
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('never throws on odd input', () => {
    for (const s of ['\u0000', '\ud800', '%', '4.6.607.0'.repeat(200), '٤.٦.٦٠٧.٠', '4 . 6 . 607 . 0']) {
      expect(() => checkBuild(s, 'sync-service', catalog)).not.toThrow();
    }
    expect(checkBuild(undefined as unknown as string, 'sync-service', catalog)).toMatchObject({
      kind: 'error',
      problem: 'empty',
    });
  });
});

describe('answers for a Sync Service build', () => {
  it('answers 4.6.607.0: SP2, two newer builds, and the path to SP3 through 4.6.673.0', () => {
    const r = known(checkBuild('4.6.607.0', 'sync-service', catalog));
    const a = r.answers[0]!;
    expect(a.build).toMatchObject({
      version: '4.6.607.0',
      date: '2022-02-10',
      kb: 'KB5009981',
      servicePack: 'SP2',
    });
    expect(a.isLatest).toBe(false);
    expect(versionsOf(a.newer)).toEqual(['4.7.3.0', '4.6.673.0']);
    expect(a.latest.version).toBe('4.7.3.0');
    expect(a.latestOfServicePack?.version).toBe('4.6.673.0');
    expect(a.path.map((s) => [s.build.version, s.requiredFor?.version])).toEqual([
      ['4.6.673.0', '4.7.3.0'],
      ['4.7.3.0', undefined],
    ]);
  });

  it('answers 4.3.1935.0: RTM, every later build newer, the same path to SP3', () => {
    const a = known(checkBuild('4.3.1935.0', 'sync-service', catalog)).answers[0]!;
    expect(a.build).toMatchObject({ servicePack: 'RTM', date: '2015-08-06' });
    expect(a.build.kb).toBeUndefined();
    expect(a.newer).toHaveLength(23);
    expect(a.latestOfServicePack?.version).toBe('4.3.2266.0');
    expect(a.path.map((s) => s.build.version)).toEqual(['4.6.673.0', '4.7.3.0']);
    expect(a.newer.every((n) => n.notes.length > 0)).toBe(true);
  });

  it('goes straight to SP3 from 4.6.673.0', () => {
    const a = known(checkBuild('4.6.673.0', 'sync-service', catalog)).answers[0]!;
    expect(a.path.map((s) => [s.build.version, s.requiredFor])).toEqual([['4.7.3.0', undefined]]);
    expect(a.build.uncertain).toBe(true);
  });

  it('calls 4.7.3.0 the latest, with nothing newer and no path', () => {
    const a = known(checkBuild('Version 4.7.3.0', 'sync-service', catalog)).answers[0]!;
    expect(a).toMatchObject({ isLatest: true, newer: [], path: [] });
    expect(a.build.uncertain).toBe(true);
  });

  it('places an unknown but well-formed build between its nearest known neighbours', () => {
    const r = unknown(checkBuild('4.6.600.0', 'sync-service', catalog));
    expect(r.version).toBe('4.6.600.0');
    expect(versionsOf(r.below)).toEqual(['4.6.540.0']);
    expect(versionsOf(r.above)).toEqual(['4.6.607.0']);
    expect(r.path.map((s) => s.build.version)).toEqual(['4.6.673.0', '4.7.3.0']);
    expect(r.elsewhere).toEqual([]);
  });

  it('says when an unknown build is older or newer than every known one', () => {
    const old = unknown(checkBuild('4.1.3766.0', 'sync-service', catalog));
    expect(old.below).toEqual([]);
    expect(versionsOf(old.above)).toEqual(['4.3.1935.0']);
    const future = unknown(checkBuild('4.7.100.0', 'sync-service', catalog));
    expect(versionsOf(future.below)).toEqual(['4.7.3.0']);
    expect(future.above).toEqual([]);
    expect(future.newest?.version).toBe('4.7.3.0');
    expect(future.path).toEqual([]);
  });

  it('points out a connector build typed into the Sync Service field', () => {
    const r = unknown(checkBuild('1.1.1431.0', 'sync-service', catalog));
    expect(versionsOf(r.elsewhere)).toEqual(['1.1.1431.0']);
    expect(r.elsewhere[0]!.line).toBe('connectors');
  });

  it('reports malformed input as an error, with the text it objected to', () => {
    expect(checkBuild('4.6.607.0.1', 'sync-service', catalog)).toEqual({
      kind: 'error',
      line: 'sync-service',
      problem: 'too-many-parts',
      found: '4.6.607.0.1',
    });
    expect(checkBuild('<script>alert(1)</script>', 'sync-service', catalog)).toEqual({
      kind: 'error',
      line: 'sync-service',
      problem: 'no-version',
    });
  });
});

describe('answers for a connector build', () => {
  it('answers the newest package build as the latest', () => {
    const a = known(checkBuild('1.1.1431.0', 'connectors', catalog)).answers[0]!;
    expect(a).toMatchObject({ isLatest: true, newer: [], path: [] });
    expect(a.build.connector).toBeUndefined();
  });

  it('counts the newer package builds for an old package', () => {
    const a = known(checkBuild('1.1.1301.0', 'connectors', catalog)).answers[0]!;
    expect(versionsOf(a.newer)).toEqual([
      '1.1.1431.0',
      '1.1.1381.0',
      '1.1.1347.0',
      '1.1.1346.0',
      '1.1.1302.0',
    ]);
    expect(a.path.map((s) => s.build.version)).toEqual(['1.1.1431.0']);
  });

  it('answers a single Lotus Domino build and sends it to the package', () => {
    const r = known(checkBuild('Lotus Domino 5.3.0721', 'connectors', catalog));
    expect(r.connector).toBe('Lotus Domino');
    const a = r.answers[0]!;
    expect(a.build).toMatchObject({ connector: 'Lotus Domino', version: '5.3.0721', kb: 'KB2899874' });
    expect(versionsOf(a.newer)).toEqual([
      'Lotus Domino 1.0.0597',
      'Lotus Domino 1.0.0549',
      'Lotus Domino 5.3.0712',
      'Lotus Domino 5.3.1003',
    ]);
    expect(a.supersededBy?.version).toBe('1.1.1431.0');
    expect(a.isLatest).toBe(false);
    expect(a.path.map((s) => s.build.version)).toEqual(['1.1.1431.0']);
  });

  it('lists every connector that shares a number when none is named', () => {
    const r = known(checkBuild('1.0.0419', 'connectors', catalog));
    expect(r.answers.map((a) => a.build.connector).sort()).toEqual([
      'Generic LDAP',
      'PowerShell',
      'Web Services',
    ]);
    const one = known(checkBuild('PowerShell 1.0.0419', 'connectors', catalog));
    expect(one.answers.map((a) => a.build.connector)).toEqual(['PowerShell']);
  });

  it('matches a package build when a packaged connector is named with it', () => {
    const r = known(
      checkBuild('Microsoft.IAM.Connector.GenericLdap.dll   1.1.1431.0', 'connectors', catalog),
    );
    expect(r.answers.map((a) => a.build.id)).toEqual(['connectors-1.1.1431.0']);
  });

  it('keeps a separately shipped connector on its own line', () => {
    const a = known(checkBuild('SharePoint User Profile Store 4.3.2430.0', 'connectors', catalog))
      .answers[0]!;
    expect(a.supersededBy).toBeUndefined();
    expect(versionsOf(a.newer)).toEqual(['SharePoint User Profile Store 4.4.1800.1']);
  });

  it('places an unknown package build between its neighbours', () => {
    const r = unknown(checkBuild('1.1.1400.0', 'connectors', catalog));
    expect(versionsOf(r.below)).toEqual(['1.1.1381.0']);
    expect(versionsOf(r.above)).toEqual(['1.1.1431.0']);
    expect(r.path).toEqual([]);
  });

  it('compares an unknown build of a named connector with that connector only', () => {
    const r = unknown(checkBuild('Lotus Domino 5.3.0800', 'connectors', catalog));
    expect(versionsOf(r.below)).toEqual(['Lotus Domino 5.3.0721']);
    expect(versionsOf(r.above)).toEqual(['Lotus Domino 5.3.1003']);
    const other = unknown(checkBuild('Lotus Domino 1.0.0419', 'connectors', catalog));
    expect(versionsOf(other.elsewhere).sort()).toEqual([
      'Generic LDAP 1.0.0419',
      'PowerShell 1.0.0419',
      'Web Services 1.0.0419',
    ]);
  });

  it('points out a Sync Service build typed into the connector field', () => {
    const r = unknown(checkBuild('4.6.607.0', 'connectors', catalog));
    expect(versionsOf(r.elsewhere)).toEqual(['4.6.607.0']);
    expect(r.elsewhere[0]!.line).toBe('sync-service');
  });
});

describe('the catalog and the strings', () => {
  it('refuses a build whose version cannot be compared, naming it', () => {
    expect(() => prepareCatalog([{ ...builds[0]!, version: '4.6.70000.0' }])).toThrow(/4\.6\.70000\.0/);
  });

  it('applies an upgrade rule only when both builds are in the data', () => {
    const onlySp2 = prepareCatalog(builds.filter((b) => b.version !== '4.6.673.0'));
    expect(onlySp2.rules).toEqual([]);
    const a = known(checkBuild('4.6.607.0', 'sync-service', onlySp2)).answers[0]!;
    expect(a.path.map((s) => s.build.version)).toEqual(['4.7.3.0']);
  });

  it('maps the two guide steps to their lines', () => {
    expect(CHECKER_STEPS).toEqual({
      'latest-sync-build': 'sync-service',
      'update-generic-connectors': 'connectors',
    });
  });

  it('has a non-empty Swedish string for every English key, with the same placeholders', () => {
    const en = UI.en;
    const sv = UI.sv;
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(sv[key], key).toBeTruthy();
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(vars(sv[key]), key).toEqual(vars(en[key]));
    }
  });
});
