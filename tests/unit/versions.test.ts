import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  buildsFromJson,
  buildsToJson,
  checkBuild,
  compareVersions,
  findConnector,
  kbUrl,
  latestBuildIds,
  parseVersion,
  prepareCatalog,
  readBuild,
  tableSections,
  toBuild,
  versionProblem,
  MAX_INPUT,
  type Build,
  type CheckResult,
  type ReleaseRecord,
  type Version,
} from '../../src/lib/versions';
import { releaseSchema } from '../../src/schemas/release';
import { UI } from '../../src/i18n';

// A small release history in the shape of the real one: the rules live in the records, so the
// tests below describe the algorithm, not today's content.
const L = (en: string) => ({ en, sv: `sv: ${en}` });
const SOURCE = [{ title: 'Identity Manager version release history', url: 'https://learn.microsoft.com/x' }];
const rec = (r: Record<string, unknown>): ReleaseRecord =>
  releaseSchema.parse({
    notes: [L(`notes of ${String(r.version)}`)],
    sources: SOURCE,
    lastReviewed: '2026-12-01',
    ...r,
  });
const sync = (version: string, extra: Record<string, unknown> = {}) =>
  rec({ line: 'sync-service', version, ...extra });
const conn = (version: string, extra: Record<string, unknown> = {}) =>
  rec({ line: 'connectors', version, ...extra });

const FIXTURE: ReleaseRecord[] = [
  sync('4.3.1935.0', { servicePack: 'RTM', date: '2015-08-06' }),
  sync('4.3.2266.0', { servicePack: 'RTM', date: '2016-07-15', kb: 'KB3171342' }),
  sync('4.4.1302.0', { servicePack: 'SP1', date: '2016-11-09' }),
  sync('4.5.412.0', { servicePack: 'SP1', date: '2019-05-10', requires: '4.4.1302.0' }),
  sync('4.6.34.0', { servicePack: 'SP2', date: '2019-10', kb: 'KB4512924' }),
  sync('4.6.540.0', { servicePack: 'SP2', requires: '4.6.34.0' }),
  sync('4.6.607.0', { servicePack: 'SP2', date: '2022-02-10', kb: 'KB5009981', requires: '4.6.34.0' }),
  sync('4.6.673.0', { servicePack: 'SP2', date: '2023-10-03', kb: 'KB5018333', requires: '4.6.34.0' }),
  sync('4.7.3.0', {
    servicePack: 'SP3',
    kb: 'KB5085154',
    requiresInPlaceFrom: '4.6.673.0',
    uncertain: true,
    note: L('Sources disagree on the SP3 build number.'),
  }),
  conn('1.1.117.0', { date: '2016-03' }),
  conn('1.1.1301.0', { date: '2020-08' }),
  conn('1.1.1381.0', { date: '2021-02' }),
  conn('1.1.1431.0', { date: '2021-03' }),
  conn('1.1.2057.0', { date: '2024-03', uncertain: true }),
  conn('5.3.0721', { connector: 'Lotus Domino', date: '2013-10', kb: 'KB2899874', replacedByPackage: true }),
  conn('5.3.1003', { connector: 'Lotus Domino', date: '2014-02', replacedByPackage: true }),
  conn('1.0.0597', { connector: 'Lotus Domino', date: '2015-09', replacedByPackage: true }),
  conn('4.3.1082', { connector: 'Generic LDAP', date: '2014-03', replacedByPackage: true }),
  conn('1.0.0419', { connector: 'Generic LDAP', date: '2014-09', replacedByPackage: true }),
  conn('1.0.0419', { connector: 'PowerShell', date: '2014-09', replacedByPackage: true }),
  conn('1.0.0419', { connector: 'Web Services', date: '2014-09', replacedByPackage: true }),
  conn('4.3.2430.0', { connector: 'SharePoint User Profile Store', date: '2016-12-19' }),
  conn('4.4.1800.1', { connector: 'SharePoint User Profile Store', date: '2019-07' }),
];
const builds: Build[] = FIXTURE.map((r) => toBuild(r, 'en'));
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
const stops = (path: { build: Build; requiredFor?: Build; kind?: string }[]) =>
  path.map((s) => [s.build.version, s.requiredFor?.version, s.kind]);
const schemaError = (r: Record<string, unknown>) => {
  const res = releaseSchema.safeParse({ notes: [L('n')], sources: SOURCE, lastReviewed: '2026-12-01', ...r });
  return res.success
    ? 'no error'
    : res.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
};

describe('the release schema', () => {
  it('rejects a version part above 65535, saying which part and why', () => {
    expect(schemaError({ line: 'sync-service', version: '4.6.70000.0' })).toMatchInlineSnapshot(
      `"version: has the part 70000, above 65535: each part of a Windows file version is a number from 0 to 65535"`,
    );
    expect(schemaError({ line: 'sync-service', version: '4.6.65535.0' })).toBe('no error');
  });

  it('rejects a version that is not dotted numbers, and an unquoted one YAML read as a number', () => {
    expect(schemaError({ line: 'connectors', version: '1.1.x' })).toMatchInlineSnapshot(
      `"version: must be 2 to 4 numbers separated by dots, for example "4.6.607.0""`,
    );
    expect(schemaError({ line: 'connectors', version: 1.1 })).toMatchInlineSnapshot(
      `"version: must be a version in quotes, for example "4.6.607.0""`,
    );
  });

  it('checks the versions an upgrade rule names the same way', () => {
    expect(schemaError({ line: 'sync-service', version: '4.7.3.0', requiresInPlaceFrom: '4.6.673' })).toBe(
      'no error',
    );
    expect(schemaError({ line: 'sync-service', version: '4.7.3.0', requires: '4.6.99999.0' })).toMatch(
      /^requires: has the part 99999, above 65535/,
    );
  });

  it('refuses both kinds of rule on one build, and replacedByPackage on a package build', () => {
    expect(
      schemaError({
        line: 'sync-service',
        version: '4.7.3.0',
        requires: '4.6.34.0',
        requiresInPlaceFrom: '4.6.673.0',
      }),
    ).toMatchInlineSnapshot(
      `"requiresInPlaceFrom: give either requires (this build or later) or requiresInPlaceFrom (exactly this build), not both"`,
    );
    expect(
      schemaError({ line: 'connectors', version: '1.1.1431.0', replacedByPackage: true }),
    ).toMatchInlineSnapshot(
      `"replacedByPackage: replacedByPackage is for a single-connector build: set "connector" too, or remove it"`,
    );
  });

  it('needs the day a record was last checked', () => {
    const res = releaseSchema.safeParse({
      line: 'connectors',
      version: '1.1.1431.0',
      notes: [L('n')],
      sources: SOURCE,
    });
    expect(res.success).toBe(false);
    expect(schemaError({ line: 'connectors', version: '1.1.1431.0', lastReviewed: '2026-12' })).toMatch(
      /^lastReviewed: /,
    );
  });

  it('explains version problems in one helper, which the checker and the schema share', () => {
    expect(versionProblem('4.6.607.0')).toBeUndefined();
    expect(versionProblem('4.6')).toBeUndefined();
    expect(versionProblem('4')).toMatch(/2 to 4 numbers/);
    expect(versionProblem('4.6.607.0.1')).toMatch(/2 to 4 numbers/);
    expect(versionProblem('65536.0.0.0')).toMatch(/part 65536, above 65535/);
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
    const table = tableSections(catalog).find((s) => s.key === 'sync-service')!.builds;
    expect(versionsOf(table.slice(0, 3))).toEqual(['4.7.3.0', '4.6.673.0', '4.6.607.0']);
    expect(table.at(-1)!.version).toBe('4.3.1935.0');
    for (let i = 1; i < table.length; i++) expect(compareVersions(table[i - 1]!.v, table[i]!.v)).toBe(1);
  });

  it('orders single-connector builds by release month, because their numbering restarted', () => {
    const single = tableSections(catalog).find((s) => s.key === 'single')!.builds;
    expect(versionsOf(single.filter((b) => b.connector === 'Lotus Domino'))).toEqual([
      'Lotus Domino 1.0.0597',
      'Lotus Domino 5.3.1003',
      'Lotus Domino 5.3.0721',
    ]);
    expect(single.filter((b) => b.connector === 'Generic LDAP').map((b) => b.version)).toEqual([
      '1.0.0419',
      '4.3.1082',
    ]);
  });

  it('marks the newest build of each track as latest, except a connector the package replaced', () => {
    const ids = latestBuildIds(catalog);
    expect(ids.has('sync-4.7.3.0')).toBe(true);
    expect(ids.has('connectors-1.1.2057.0')).toBe(true);
    expect(ids.has('sharepoint-user-profile-store-4.4.1800.1')).toBe(true);
    expect(ids.has('lotus-domino-1.0.0597')).toBe(false);
    expect(ids.has('sync-4.6.673.0')).toBe(false);
  });

  it('does not send a replaced connector anywhere when there is no package to send it to', () => {
    const noPackage = prepareCatalog(builds.filter((b) => b.line === 'sync-service' || b.connector));
    expect(latestBuildIds(noPackage).has('lotus-domino-1.0.0597')).toBe(true);
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

describe('the upgrade path, from the rules in the records', () => {
  it('goes from SP1 through the SP2 baseline and the last SP2 build to SP3', () => {
    const a = known(checkBuild('4.5.412.0', 'sync-service', catalog)).answers[0]!;
    expect(stops(a.path)).toEqual([
      ['4.6.34.0', '4.6.673.0', 'baseline'],
      ['4.6.673.0', '4.7.3.0', 'in-place'],
      ['4.7.3.0', undefined, undefined],
    ]);
  });

  it('skips the SP2 baseline for a server already on SP2', () => {
    const a = known(checkBuild('4.6.607.0', 'sync-service', catalog)).answers[0]!;
    expect(a.build).toMatchObject({ version: '4.6.607.0', kb: 'KB5009981', servicePack: 'SP2' });
    expect(versionsOf(a.newer)).toEqual(['4.7.3.0', '4.6.673.0']);
    expect(a.latestOfServicePack?.version).toBe('4.6.673.0');
    expect(stops(a.path)).toEqual([
      ['4.6.673.0', '4.7.3.0', 'in-place'],
      ['4.7.3.0', undefined, undefined],
    ]);
  });

  it('goes straight to SP3 from 4.6.673.0, and nowhere from SP3', () => {
    expect(stops(known(checkBuild('4.6.673.0', 'sync-service', catalog)).answers[0]!.path)).toEqual([
      ['4.7.3.0', undefined, undefined],
    ]);
    const latest = known(checkBuild('Version 4.7.3.0', 'sync-service', catalog)).answers[0]!;
    expect(latest).toMatchObject({ isLatest: true, newer: [], path: [] });
    expect(latest.build.note).toMatch(/disagree/);
  });

  it('lists every stop for RTM, and answers an unknown build with the same stops', () => {
    const rtm = known(checkBuild('4.3.1935.0', 'sync-service', catalog)).answers[0]!;
    expect(rtm.path.map((s) => s.build.version)).toEqual(['4.6.34.0', '4.6.673.0', '4.7.3.0']);
    expect(rtm.latestOfServicePack?.version).toBe('4.3.2266.0');
    const between = unknown(checkBuild('4.6.600.0', 'sync-service', catalog));
    expect(versionsOf(between.below)).toEqual(['4.6.540.0']);
    expect(versionsOf(between.above)).toEqual(['4.6.607.0']);
    expect(between.path.map((s) => s.build.version)).toEqual(['4.6.673.0', '4.7.3.0']);
    expect(unknown(checkBuild('4.5.500.0', 'sync-service', catalog)).path).toHaveLength(3);
  });

  it('follows a rule only as far back as the build the admin has', () => {
    // Without the in-place rule on SP3 there is no stop on 4.6.673.0, so its baseline rule never applies.
    const noRule = prepareCatalog(
      builds.map((b) => (b.version === '4.7.3.0' ? { ...b, requiresInPlaceFrom: undefined } : b)),
    );
    expect(
      known(checkBuild('4.5.412.0', 'sync-service', noRule)).answers[0]!.path.map((s) => s.build.version),
    ).toEqual(['4.7.3.0']);
  });

  it('fails loudly when a rule names a build without a record, or a later one', () => {
    const without673 = builds.filter((b) => b.version !== '4.6.673.0');
    expect(() => prepareCatalog(without673)).toThrowErrorMatchingInlineSnapshot(
      `[ReleaseError: Release sync-service 4.7.3.0: requiresInPlaceFrom is "4.6.673.0", which is not an earlier build with a release record of its own. Give the version of an older build of the same line (and connector), and add its record if it has none.]`,
    );
    // The error carries the build's row id, so the build step can name the file to fix.
    expect(() => prepareCatalog(without673)).toThrow(
      expect.objectContaining({ name: 'ReleaseError', buildId: 'sync-4.7.3.0' }),
    );
    const backwards = builds.map((b) => (b.version === '4.6.34.0' ? { ...b, requires: '4.6.607.0' } : b));
    expect(() => prepareCatalog(backwards)).toThrow(/4\.6\.34\.0: requires is "4\.6\.607\.0"/);
  });

  it('refuses a build whose version cannot be compared, naming it', () => {
    expect(() => prepareCatalog([{ ...builds[0]!, version: '4.6.70000.0' }])).toThrow(/4\.6\.70000\.0/);
  });
});

describe('answers for a connector build', () => {
  it('answers the newest package build as the latest, and an old one with the way there', () => {
    expect(known(checkBuild('1.1.2057.0', 'connectors', catalog)).answers[0]).toMatchObject({
      isLatest: true,
      path: [],
    });
    const old = known(checkBuild('1.1.1301.0', 'connectors', catalog)).answers[0]!;
    expect(versionsOf(old.newer)).toEqual(['1.1.2057.0', '1.1.1431.0', '1.1.1381.0']);
    expect(old.path.map((s) => s.build.version)).toEqual(['1.1.2057.0']);
  });

  it('sends a single build of a connector the package replaced to the newest package', () => {
    const r = known(checkBuild('Lotus Domino 5.3.0721', 'connectors', catalog));
    const a = r.answers[0]!;
    expect(a.build).toMatchObject({ connector: 'Lotus Domino', kb: 'KB2899874', replacedByPackage: true });
    expect(versionsOf(a.newer)).toEqual(['Lotus Domino 1.0.0597', 'Lotus Domino 5.3.1003']);
    expect(a.supersededBy?.version).toBe('1.1.2057.0');
    expect(a).toMatchObject({ isLatest: false });
    expect(a.path.map((s) => s.build.version)).toEqual(['1.1.2057.0']);
  });

  it('keeps a separately shipped connector on its own line', () => {
    const a = known(checkBuild('SharePoint User Profile Store 4.3.2430.0', 'connectors', catalog))
      .answers[0]!;
    expect(a.supersededBy).toBeUndefined();
    expect(versionsOf(a.newer)).toEqual(['SharePoint User Profile Store 4.4.1800.1']);
  });

  it('lists every connector that shares a number when none is named', () => {
    const r = known(checkBuild('1.0.0419', 'connectors', catalog));
    expect(r.answers.map((a) => a.build.connector).sort()).toEqual([
      'Generic LDAP',
      'PowerShell',
      'Web Services',
    ]);
    expect(
      known(checkBuild('PowerShell 1.0.0419', 'connectors', catalog)).answers.map((a) => a.build.connector),
    ).toEqual(['PowerShell']);
  });

  it('points out a build typed into the wrong field', () => {
    expect(versionsOf(unknown(checkBuild('1.1.1431.0', 'sync-service', catalog)).elsewhere)).toEqual([
      '1.1.1431.0',
    ]);
    expect(versionsOf(unknown(checkBuild('4.6.607.0', 'connectors', catalog)).elsewhere)).toEqual([
      '4.6.607.0',
    ]);
  });
});

describe('the data island the page hands to the browser', () => {
  const notesOf = (list: readonly { id: string; notes: string[] }[]) => (id: string) =>
    list.find((b) => b.id === id)?.notes ?? [];

  it('gives back exactly the builds it was given, with the notes from the page', () => {
    expect(buildsFromJson(buildsToJson(builds), notesOf(builds))).toEqual(builds);
  });

  it('leaves the notes out of the island (the tables on the page carry them)', () => {
    const json = buildsToJson(builds);
    expect(JSON.parse(json)[0]).not.toHaveProperty('notes');
    expect(buildsFromJson(json, () => [])[0]!.notes).toEqual([]);
  });

  it('leaves only plain build fields, not the catalog internals', () => {
    const [first] = buildsFromJson(buildsToJson(catalog.builds), () => []);
    expect(Object.keys(first!)).not.toContain('v');
    expect(Object.keys(first!)).not.toContain('track');
  });

  it('cannot be closed early by a note', () => {
    const hostile = [{ ...builds[0]!, note: '</script><script>alert(1)</script> a\u2028b' }];
    const json = buildsToJson(hostile);
    expect(json).not.toMatch(/<|\u2028/);
    expect(buildsFromJson(json, notesOf(hostile))[0]!.note).toEqual(hostile[0]!.note);
  });

  it('says what is wrong with a missing or damaged island', () => {
    const problem = (text: string | null) => {
      try {
        buildsFromJson(text, () => []);
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(problem(null)).toMatchInlineSnapshot(
      `"The release data (#release-data) is missing from the page."`,
    );
    expect(problem('{')).toMatchInlineSnapshot(`"The release data (#release-data) is not valid JSON."`);
    expect(problem('{}')).toMatchInlineSnapshot(
      `"The release data (#release-data) must be a list of builds."`,
    );
    expect(
      problem('[{"id":"x","line":"nope","version":"1.0","notes":[],"uncertain":false}]'),
    ).toMatchInlineSnapshot(`"The release data (#release-data) has a malformed build at position 0."`);
  });
});

describe('KB links', () => {
  it('links a KB number to its support article, and nothing else', () => {
    expect(kbUrl('KB5018333')).toBe('https://support.microsoft.com/help/5018333');
    expect(kbUrl('5018333')).toBeUndefined();
  });
});

describe('the real release records', () => {
  // Only invariants of the content, never its counts: adding a build must not break a test.
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const files = (['sync-service', 'connectors'] as const).flatMap((line) =>
    readdirSync(path.join(ROOT, 'content/releases', line))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => path.join('content/releases', line, f)),
  );
  const real = files.map((f) => ({
    file: f,
    record: releaseSchema.parse(parse(readFileSync(path.join(ROOT, f), 'utf8'))),
  }));

  it('all pass the schema, and every upgrade rule names a build that has a record', () => {
    expect(real.length).toBeGreaterThan(0);
    expect(() => prepareCatalog(real.map((r) => toBuild(r.record, 'en')))).not.toThrow();
  });

  it('say in the notes of every replaced single-connector build that the package replaced it', () => {
    for (const { file, record } of real.filter((r) => r.record.replacedByPackage)) {
      expect(record.notes.map((n) => n.en).join(' '), file).toMatch(/1\.1\.x generic connector package/);
    }
  });

  it('give a reason on the page for every unverified build', () => {
    for (const { file, record } of real.filter((r) => r.record.uncertain))
      expect(record.note, file).toBeDefined();
  });
});

describe('the strings', () => {
  it('has the same placeholders in Swedish as in English for every versions string', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(UI.en).filter((k) => k.startsWith('versions.')) as (keyof typeof UI.en)[]) {
      expect(vars(UI.sv[key]), key).toEqual(vars(UI.en[key]));
    }
  });
});
