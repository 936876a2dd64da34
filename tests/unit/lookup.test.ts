import { describe, expect, it } from 'vitest';
import {
  buildLookupIndex,
  editDistance,
  extractCodes,
  lookup,
  lookupExact,
  MAX_QUERY,
  packIndex,
  SHARDS,
  shardIndex,
  shardOf,
  unpackIndex,
  type IndexSource,
} from '../../src/lib/lookup';
import { decodeHresult } from '../../src/lib/hresult';

const src = (
  slug: string,
  code: string,
  kind: IndexSource['kind'],
  extra: Partial<IndexSource> = {},
): IndexSource => ({
  slug,
  code,
  kind,
  title: `Title of ${code}`,
  aliases: [],
  uncertain: false,
  ...extra,
});

const index = buildLookupIndex([
  src('stopped-server', 'stopped-server', 'run-status'),
  src('stopped-server-down', 'stopped-server-down', 'run-status'),
  src('extension-dll-exception', 'extension-dll-exception', 'run-error'),
  src('stopped-extension-dll-exception', 'stopped-extension-dll-exception', 'run-status'),
  src('failed-creation-via-web-services', 'failed-creation-via-web-services', 'object-error'),
  src('success', 'success', 'run-status'),
  src('pcns-event-6025', '6025', 'event-id', { eventSource: 'PCNSSVC' }),
  src('other-event-6025', '6025', 'event-id', { eventSource: 'OtherSource' }),
  src('sync-event-6301', '6301', 'event-id', { eventSource: 'FIMSynchronizationService' }),
  src('sync-event-6801', '6801', 'event-id', { eventSource: 'FIMSynchronizationService' }),
  src('0x8023063d', '0x8023063d', 'hresult'),
  src('0x80230304', '0x80230304', 'hresult'),
  src(
    'no-start-concurrent-execution-not-support',
    'no-start-concurrent-execution-not-support',
    'run-status',
    {
      aliases: ['no-start-concurrent-execution-not-supported'],
    },
  ),
]);
const slugs = (xs: { s: string }[]) => xs.map((x) => x.s);

describe('exact tier', () => {
  it('finds 6025 by exact code, listing both sources that use the number', () => {
    expect(slugs(lookup('6025', index).exact)).toEqual(['pcns-event-6025', 'other-event-6025']);
  });
  it('never lands stopped-server on stopped-server-down', () => {
    const r = lookup('stopped-server', index);
    expect(slugs(r.exact)).toEqual(['stopped-server']);
    expect(slugs(lookup('stopped-server-down', index).exact)).toEqual(['stopped-server-down']);
  });
  it('never lands extension-dll-exception on stopped-extension-dll-exception', () => {
    expect(slugs(lookup('extension-dll-exception', index).exact)).toEqual(['extension-dll-exception']);
    expect(slugs(lookup('stopped-extension-dll-exception', index).exact)).toEqual([
      'stopped-extension-dll-exception',
    ]);
  });
  it('finds a code pasted with non-breaking hyphens', () => {
    expect(slugs(lookup('stopped\u2011extension\u2011dll\u2011exception', index).exact)).toEqual([
      'stopped-extension-dll-exception',
    ]);
  });
  it('resolves an HRESULT in every written form to the same page', () => {
    for (const q of ['0x8023063D', '8023063d', '2149779005', '-2145188291', 'HRESULT: 0x8023063d']) {
      expect(slugs(lookup(q, index).exact), q).toEqual(['0x8023063d']);
    }
  });
  it('resolves an alias to its code', () => {
    expect(slugs(lookup('no-start-concurrent-execution-not-supported', index).exact)).toEqual([
      'no-start-concurrent-execution-not-support',
    ]);
  });
  it('reads "Event ID 6025" and the Swedish "händelse-ID 6025"', () => {
    expect(slugs(lookup('Event ID 6025', index).exact)).toContain('pcns-event-6025');
    expect(slugs(lookup('händelse-ID 6025', index).exact)).toContain('pcns-event-6025');
  });
});

describe('pasted text', () => {
  it('finds the run status in a run-history XML fragment', () => {
    const r = lookup('<step-result>stopped-extension-dll-exception</step-result>', index);
    expect(slugs(r.found)).toEqual(['stopped-extension-dll-exception']);
  });
  it('finds a single-word status inside XML', () => {
    expect(slugs(lookup('<step-result>success</step-result>', index).found)).toEqual(['success']);
  });
  it('finds the event in an Event Viewer entry', () => {
    const entry = `Log Name:      Application
Source:        PCNSSVC
Date:          11/26/2026 9:14:02 AM
Event ID:      6025
Task Category: None
Level:         Error
Description:
The Password Change Notification Service could not deliver a notification to the target.`;
    expect(slugs(lookup(entry, index).found)).toContain('pcns-event-6025');
  });
  it('finds the event ID in Event Viewer XML', () => {
    expect(slugs(lookup('<System><EventID Qualifiers="49152">6301</EventID></System>', index).found)).toEqual(
      ['sync-event-6301'],
    );
  });
  it('finds an HRESULT and a run status on one Operations line, in order', () => {
    const r = lookup('Management agent run failed: stopped-server (hr=0x8023063D) during export', index);
    expect(slugs(r.found)).toEqual(['stopped-server', '0x8023063d']);
  });
  it('matches a whole hyphenated word, never a part of it', () => {
    const r = lookup('Run profile ended with stopped-extension-dll-exception at 09:14', index);
    expect(slugs(r.found)).toEqual(['stopped-extension-dll-exception']);
  });
  it('finds signed decimal HResults that .NET prints in a stack trace', () => {
    const r = lookup('System.Runtime.InteropServices.COMException (0x80230304): HResult=-2145188291', index);
    expect(slugs(r.found)).toEqual(['0x80230304', '0x8023063d']);
  });
  it('decodes an unknown HRESULT found in text', () => {
    const r = lookup('BAIL: MMS(1234): sql.cpp(8490): 0x80231337 (The operation failed)', index);
    expect(r.found).toEqual([]);
    expect(r.unknownHresults.map((h) => h.hex)).toEqual(['0x80231337']);
  });
  it('does not read a date, a time or a build number as an event ID', () => {
    const r = lookup(
      'Version 4.6.607.0 installed on 2026-11-26 at 10:25:60 took 6025 ms to start with no event',
      index,
    );
    expect(r.found).toEqual([]);
  });
  it('reads at most 10,000 characters and says so', () => {
    const r = lookup('x'.repeat(MAX_QUERY + 500) + ' stopped-server', index);
    expect(r.truncated).toBe(true);
    expect(r.input.length).toBe(MAX_QUERY);
    expect(r.found).toEqual([]);
  });
});

describe('no exact entry', () => {
  it('offers "did you mean" within two edits', () => {
    const r = lookup('extention-dll-exception', index);
    expect(r.exact).toEqual([]);
    expect(slugs(r.suggestions)[0]).toBe('extension-dll-exception');
  });
  it('offers a suggestion for a transposition', () => {
    expect(slugs(lookup('stopped-sevrer', index).suggestions)).toContain('stopped-server');
  });
  it('offers nothing for a word far from every code', () => {
    const r = lookup('tempdb-autogrowth', index);
    expect(r.exact).toEqual([]);
    expect(r.suggestions).toEqual([]);
  });
  it('decodes an HRESULT that is not in the catalog', () => {
    const r = lookup('0x80070005', index);
    expect(r.exact).toEqual([]);
    expect(r.hresult).toMatchObject({
      facility: 7,
      win32: { code: 5, name: 'ERROR_ACCESS_DENIED' },
      name: 'E_ACCESSDENIED',
    });
  });
  it('returns nothing for empty input, emoji or markup alone', () => {
    expect(lookup('', index)).toMatchObject({ normalized: '', exact: [], found: [], suggestions: [] });
    expect(lookup('🔥🔥', index).exact).toEqual([]);
    const r = lookup('<script>alert(1)</script>', index);
    expect([...r.exact, ...r.found]).toEqual([]);
  });
});

describe('decodeHresult', () => {
  it('splits 0x8023063D into severity, facility and code', () => {
    expect(decodeHresult('0x8023063d')).toMatchObject({
      severity: 1,
      facility: 0x23,
      facilityName: 'FACILITY_METADIRECTORY',
      code: 0x63d,
      signed: -2145188291,
      unsigned: 2149779005,
    });
  });
  it('shows the FACILITY_WIN32 form as its Win32 error', () => {
    expect(decodeHresult('0x8007052e').win32).toEqual({ code: 1326, name: 'ERROR_LOGON_FAILURE' });
    expect(decodeHresult('0x80072098').win32).toEqual({ code: 8344, name: undefined });
  });
  it('names E_FAIL', () => {
    expect(decodeHresult('0x80004005').name).toBe('E_FAIL');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'abd')).toBe(1);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('abc', 'abcd')).toBe(1);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});

describe('extractCodes', () => {
  it('keeps the order of appearance and drops duplicates', () => {
    const { found } = extractCodes('6301 ... stopped-server ... event id 6301 ... stopped-server', index);
    expect(slugs(found)).toEqual(['stopped-server', 'sync-event-6301']);
  });
});

describe('packed and sharded maps', () => {
  it('round-trips the map through the packed form the browser downloads', () => {
    const packed = packIndex(index, { 'lookup.exact': 'Exact match' });
    expect(unpackIndex(packed)).toEqual(index);
    expect(packed.s['lookup.exact']).toBe('Exact match');
    // Slug and source are sent only when they add something.
    expect(packed.e.find((r) => r[0] === 'stopped-server')).toEqual([
      'stopped-server',
      0,
      'Title of stopped-server',
    ]);
  });
  it('puts each code in the shard of its first character and finds exact hits there', () => {
    const shards = shardIndex(index);
    expect(slugs(lookupExact('6025', shards.get(shardOf('6025'))!).exact)).toEqual([
      'pcns-event-6025',
      'other-event-6025',
    ]);
    expect(slugs(lookupExact('0x8023063D', shards.get('0')!).exact)).toEqual(['0x8023063d']);
    expect(shards.get('s')!.entries.map((e) => e.s)).toEqual([
      'stopped-server',
      'stopped-server-down',
      'stopped-extension-dll-exception',
      'success',
    ]);
    // An alias lives in the shard of its own first character.
    expect(slugs(lookupExact('no-start-concurrent-execution-not-supported', shards.get('n')!).exact)).toEqual(
      ['no-start-concurrent-execution-not-support'],
    );
  });
  it('answers the same exact hits from a shard as from the whole map, for every key', () => {
    const shards = shardIndex(index);
    for (const key of Object.keys(index.keys)) {
      expect(slugs(lookupExact(key, shards.get(shardOf(key))!).exact), key).toEqual(
        slugs(lookup(key, index).exact),
      );
    }
  });
});

describe('shard names', () => {
  it('maps every canonical key to one of the shard files the build writes', () => {
    for (const key of ['6025', '0x8023063d', 'stopped-server', 'zz', '', 'ärende', '-x'])
      expect(SHARDS).toContain(shardOf(key));
  });
});

describe('text squeezed onto one line', () => {
  it('finds the event ID when a one-line box has dropped the line breaks of an Event Viewer entry', () => {
    const squeezed = 'Log Name: ApplicationSource: PCNSSVCEvent ID: 6025Task Category: NoneLevel: Error';
    expect(slugs(lookup(squeezed, index).found)).toEqual(['pcns-event-6025']);
  });
  it('lists both sources of a shared event number when the text names neither', () => {
    expect(slugs(lookup('Event ID: 6025 Level: Error', index).found)).toEqual([
      'pcns-event-6025',
      'other-event-6025',
    ]);
  });
});
