/**
 * The analyzer on every other shape: the constructed fixtures in tests/fixtures/analyze (built
 * from the documented element trees, since no real file exists), run-history shapes assembled
 * from the real samples, encodings, damaged and hostile input, and the ticket and CSV output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Analyzer,
  analyzeText,
  detectFormat,
  looksLikeExport,
  sniffEncoding,
} from '../../src/lib/analyze/index';
import { resolveReport, type CodeMap } from '../../src/lib/analyze/links';
import { toCsv, toTicket } from '../../src/lib/analyze/ticket';
import { en } from '../../src/i18n/en';
import { fill } from '../../src/lib/template';
import { fixture, realCodeMap, SAMPLES, sample } from './analyze-helpers/catalog';

let map: CodeMap;
beforeAll(() => {
  map = realCodeMap();
}, 60_000);

const s = (k: string, v: Record<string, string | number> = {}) =>
  fill((en as Record<string, string>)[k] ?? k, v);
const opts = {
  codeUrl: (x: string) => `https://help.example/codes/${x}/`,
  stepUrl: (x: string) => `https://help.example/steps/${x}/`,
};

describe('constructed fixtures (no real file of these formats exists)', () => {
  it('csexport /f:x: pending exports by operation and object type, and the attributes they change', () => {
    const r = analyzeText(fixture('constructed-csexport-pending-exports.xml'), { chunk: 64 });
    expect(r.format).toBe('csexport');
    expect(r.csexport).toEqual({
      objects: 4,
      withErrors: 0,
      pending: [
        { section: 'unapplied-export', operation: 'update', objectType: 'user', count: 2 },
        { section: 'unapplied-export', operation: 'add', objectType: 'user', count: 1 },
        { section: 'unapplied-export', operation: 'delete', objectType: 'group', count: 1 },
      ],
      attributes: [
        { name: 'displayName', count: 3 },
        { name: 'manager', count: 1 },
        { name: 'sAMAccountName', count: 1 },
      ],
    });
    expect(r.groups).toEqual([]);
  });

  it('csexport /f:e: export errors grouped by @error-type with counts, retries, first DNs and links', () => {
    const r = analyzeText(fixture('constructed-csexport-export-errors.xml'));
    const res = resolveReport(r, map);
    expect(r.csexport?.objects).toBe(4);
    expect(r.csexport?.withErrors).toBe(4);
    const perm = res.groups.find((g) => g.group.errorType === 'permission-issue')!;
    expect(perm.group).toMatchObject({
      kind: 'cs-export',
      code: '0x80070005',
      count: 2,
      retryMax: 10,
      firstOccurred: '2026-11-20 08:00:01.000',
      dns: ['CN=Ann Smith,OU=Users,DC=contoso,DC=com', 'CN=Bo Berg,OU=Users,DC=contoso,DC=com'],
    });
    expect(perm.links.map((l) => l.s)).toContain('permission-issue');
    const ext = res.groups.find((g) => g.group.errorType === 'extension-dll-exception')!;
    expect(ext.group.kind).toBe('cs-import');
    expect(ext.group.stack).toMatchObject({
      exception: 'System.NullReferenceException',
      own: true,
      extension: 'Contoso.Extensions.dll',
      callsite: 'import-flow',
    });
    expect(ext.group.stack?.frame).toMatch(/^Contoso\.Extensions\.MAExtension\.MapAttributesForImport/);
    expect(res.first[0].group.errorType).toBe('permission-issue');
  });

  it('event XML (Save All Events As): counted by source and ID with first and last time, namespaces ignored', () => {
    const r = analyzeText(fixture('constructed-events.xml'));
    const res = resolveReport(r, map);
    expect(r.format).toBe('event-xml');
    expect(r.events).toEqual([
      expect.objectContaining({
        source: 'FIMSynchronizationService',
        id: '6801',
        count: 2,
        level: '2',
        first: '2026-11-30T08:00:00.000000000Z',
        last: '2026-11-30T09:30:00.000000000Z',
      }),
      expect.objectContaining({ id: '6050', count: 1, ma: 'CONTOSO AD', profile: 'Delta Import' }),
    ]);
    const g = res.groups.find((x) => x.group.eventId === '6801')!;
    expect(g.links.map((l) => l.s)).toEqual(['sync-event-6801']);
    expect(g.group.stack?.exception).toBe('System.InvalidOperationException');
  });

  it('event CSV from Event Viewer (description in an unnamed last column, quoted line breaks)', () => {
    const r = analyzeText(fixture('constructed-events-eventviewer.csv'));
    expect(r.format).toBe('event-csv');
    expect(r.events.map((e) => [e.source, e.id, e.count, e.first, e.last])).toEqual([
      ['FIMSynchronizationService', '6801', 2, '11/30/2026 8:00:00 AM', '11/30/2026 9:30:00 AM'],
      ['FIMSynchronizationService', '6050', 1, '11/29/2026 10:00:00 PM', '11/29/2026 10:00:00 PM'],
    ]);
    expect(r.events[1]).toMatchObject({ ma: 'CONTOSO AD', profile: 'Delta Import', level: 'Warning' });
  });

  it('event CSV from Get-WinEvent | Export-Csv, and Swedish headers with ; as separator', () => {
    const r = analyzeText(fixture('constructed-events-getwinevent.csv'));
    expect(r.format).toBe('event-csv');
    expect(r.events.map((e) => [e.source, e.id, e.count])).toEqual([
      ['FIMSynchronizationService', '6050', 1],
      ['FIMSynchronizationService', '6801', 1],
    ]);
    expect(r.groups.find((g) => g.eventId === '6801')?.code).toBe('0x80230304');
    const sv = analyzeText(fixture('constructed-events-swedish.csv'));
    expect(sv.events.map((e) => [e.source, e.id, e.level, e.first])).toEqual([
      ['FIMSynchronizationService', '6801', 'Fel', '2026-11-30 08:00:00'],
    ]);
  });

  it('Entra Connect JSON with step details: the export errors inside SyncErrorsXml are grouped', () => {
    const r = analyzeText(fixture('constructed-entra-json-step-details.json'));
    const res = resolveReport(r, map);
    expect(r.format).toBe('entra-json');
    expect(r.runs[0].steps[0]).toMatchObject({
      number: 1,
      type: 'export',
      partition: 'default',
      result: 'completed-export-errors',
    });
    expect(r.runs[0].steps[0].counters).toEqual([
      { name: 'export-add', value: 2 },
      { name: 'export-update', value: 5 },
      { name: 'export-failure', value: 2 },
    ]);
    const g = res.groups.find((x) => x.group.kind === 'export')!;
    expect(g.group).toMatchObject({
      errorType: 'cd-error',
      code: '0x8023134a',
      errorName: 'AttributeValueMustBeUnique',
      count: 2,
      retryMax: 3,
    });
    // cd-error is a generic wrapper; a more specific known page, when there is one, comes first.
    expect(g.links.at(-1)?.s).toBe('cd-error');
  });
});

describe.skipIf(!SAMPLES)('run-history shapes assembled from the real samples', () => {
  const a = () => sample('runhistory_poshmon-sp-ups_delta-import_stopped-connectivity.xml');
  const b = () => sample('runhistory_poshmon-sp-ups_export_completed-export-errors.xml');
  const strip = (x: string) => x.replace(/<\?xml[^>]*\?>/, '');

  it('reads several RunDetails() documents back to back (Out-File -Append), each with its declaration', () => {
    const r = analyzeText(a() + '\r\n' + b(), { chunk: 50 });
    expect(r.stop).toBeUndefined();
    expect(r.shape).toBe('back-to-back');
    expect(r.runs.map((x) => x.number)).toEqual([1879, 2590]);
    expect(r.groups.map((g) => g.errorType).sort()).toEqual([
      'completed-export-errors',
      'failed-search',
      'ma-extension-error',
      'stopped-connectivity',
    ]);
  });

  it('reads <runs> wrapping complete documents (the SDK example shape, not well-formed XML)', () => {
    const r = analyzeText(`<runs>${a()}${b()}</runs>`);
    expect(r.stop).toBeUndefined();
    expect(r.shape).toBe('runs-wrapper');
    expect(r.runs).toHaveLength(2);
  });

  it('reads many run-details under one root and <execution-histories> (Lithnet Save-RunHistory)', () => {
    const inner = (x: string) => strip(x).replace(/<\/?run-history>/g, '');
    const many = analyzeText(`<run-history>${inner(a())}${inner(b())}</run-history>`);
    expect(many.shape).toBe('many-runs');
    expect(many.runs.map((x) => x.ma)).toEqual(['MOSSAD-company', 'MOSS-UserProfile']);
    const lithnet = analyzeText(
      `<?xml version="1.0" encoding="utf-8"?><execution-histories>${strip(a())}</execution-histories>`,
    );
    expect(lithnet.shape).toBe('execution-histories');
    expect(lithnet.runs[0].number).toBe(1879);
  });

  it('reads a PowerShell listing that holds the XML (ReturnValue : <?xml …)', () => {
    const r = analyzeText(`__GENUS          : 2\r\nReturnValue      : ${a()}\r\n`);
    expect(r.format).toBe('run-history');
    expect(r.runs[0].number).toBe(1879);
  });

  it('recovers a truncated paste and says where it stopped', () => {
    const text = b();
    const cut = text.slice(0, text.indexOf('<retry-count>') + 5);
    const r = analyzeText(cut);
    expect(r.stop).toMatchObject({ kind: 'truncated', detail: 'export-error' });
    expect(r.runs[0]).toMatchObject({ ma: 'MOSS-UserProfile', number: 2590 });
    const g = r.groups.find((x) => x.kind === 'export');
    expect(g).toMatchObject({
      errorType: 'unknown-error',
      dns: ['MVID=67d2da90-0c2a-e411-a2e8-0050568e45d6'],
    });
  });

  it('decodes UTF-16LE with and without a BOM, UTF-8 with a BOM and ANSI, whatever the declaration says', () => {
    const text = a().replace('MOSSAD-company', 'MOSSAD-företag');
    const read = (bytes: Uint8Array) => {
      const sn = sniffEncoding(bytes);
      const an = new Analyzer({ encoding: sn.encoding });
      const dec = new TextDecoder(sn.encoding);
      for (let i = 0; i < bytes.length; i += 333)
        an.push(dec.decode(bytes.subarray(i, i + 333), { stream: true }));
      an.push(dec.decode());
      return { sn, r: an.end() };
    };
    const le = Buffer.from(text, 'utf16le');
    for (const [bytes, enc, bom] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le', 2],
      [le, 'utf-16le', 0],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8', 3],
      [Buffer.from(text, 'latin1'), 'windows-1252', 0],
    ] as const) {
      const { sn, r } = read(new Uint8Array(bytes));
      expect(sn).toEqual({ encoding: enc, bom });
      expect(r.runs[0].ma).toBe('MOSSAD-företag');
      expect(r.replacementChars).toBe(0);
    }
    expect(sniffEncoding(new Uint8Array([...Buffer.from('ElfFile'), 0, 1, 2])).binary).toBe('evtx');
  });
});

describe('hostile and odd input', () => {
  it('refuses a DOCTYPE (entity expansion) without expanding anything', () => {
    const lol =
      '<!ENTITY a "aaaaaaaaaa">' +
      Array.from({ length: 9 }, (_, i) => `<!ENTITY a${i + 1} "${`&a${i || ''};`.repeat(10)}">`).join('');
    const r = analyzeText(
      `<?xml version="1.0"?><!DOCTYPE x [${lol}]><run-history><run-details><ma-name>&a9;</ma-name></run-details></run-history>`,
    );
    expect(r.stop).toMatchObject({ kind: 'hostile', reason: 'doctype' });
    expect(r.runs).toEqual([]);
  });

  it('stops nesting deeper than 256 levels and a huge attribute, with the reason', () => {
    const deep = analyzeText('<run-history>' + '<a>'.repeat(300) + '</a>'.repeat(300) + '</run-history>');
    expect(deep.stop).toMatchObject({ kind: 'hostile', reason: 'deep' });
    const huge = analyzeText(`<cs-objects><cs-object cs-dn="${'x'.repeat(3 << 20)}"/></cs-objects>`, {
      chunk: 1 << 16,
    });
    expect(huge.stop).toMatchObject({ kind: 'hostile', reason: 'huge-tag' });
  });

  it('treats names from the input as data: __proto__ and constructor are unknown codes, not crashes', () => {
    const x = `<run-history><run-details><ma-name>m</ma-name><step-details step-number="1"><step-result>constructor</step-result><synchronization-errors><export-error dn="CN=a"><error-type>__proto__</error-type></export-error></synchronization-errors></step-details></run-details></run-history>`;
    const res = resolveReport(analyzeText(x), map);
    expect(res.unknown.sort()).toEqual(['__proto__', 'constructor']);
    expect(res.groups.every((g) => g.links.length === 0)).toBe(true);
  });

  it('says what format a text is from its content, and what the lookup should hand over', () => {
    expect(
      detectFormat('Log Name: Application\nSource: ADSync\nEvent ID: 6050\n…\nEvent Xml:\n<Event xmlns="x">'),
    ).toBe('event-text');
    expect(detectFormat('<cs-objects><cs-object cs-dn="a" id="b" object-type="user"/></cs-objects>')).toBe(
      'csexport',
    );
    expect(
      detectFormat('<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"/></Events>'),
    ).toBe('event-xml');
    expect(detectFormat('stopped-extension-dll-exception')).toBe('unknown');
    expect(looksLikeExport('Event ID 6025')).toBeUndefined();
    expect(looksLikeExport(fixture('constructed-csexport-export-errors.xml'))).toBe('csexport');
  });
});

describe.skipIf(!SAMPLES)('ticket text, Markdown and CSV', () => {
  it('replaces DNs and names with placeholders everywhere when asked', () => {
    const r = analyzeText(sample('runhistory_poshmon-sp-ups_delta-import_stopped-connectivity.xml'));
    const res = resolveReport(r, map);
    const plain = toTicket(r, res, s, opts);
    expect(plain).toContain('MOSSAD-company');
    expect(plain).toContain('DC01.ab.company.com:389');
    expect(plain).toContain('https://help.example/codes/failed-search/');
    const anon = toTicket(r, res, s, { ...opts, anonymize: true, markdown: true });
    for (const secret of ['MOSSAD-company', 'DC01.ab.company.com', 'DC=ab,DC=company', 'serviceacc'])
      expect(anon).not.toContain(secret);
    expect(anon).toContain('<ma-1>'.replace(/</g, '\\<').replace(/>/g, '\\>'));
    expect(anon).toContain('[failed-search: ');
    expect(anon).toContain('## MIM Sync export analysis');
  });

  it('writes the grouped errors as CSV, with spreadsheet formulas made inert', () => {
    const r = analyzeText(fixture('constructed-csexport-export-errors.xml'));
    const res = resolveReport(r, map);
    const csv = toCsv(r, res, s, { ...opts, anonymize: true });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      en['analyze.csv.columns']
        .split(',')
        .map((c) => `"${c}"`)
        .join(','),
    );
    expect(lines).toHaveLength(1 + res.groups.length);
    expect(csv).not.toContain('Ann Smith');
    const evil = analyzeText(
      '<cs-objects><cs-object cs-dn="CN=x" object-type="user"><export-errordetail error-type="=cmd|calc"/></cs-object></cs-objects>',
    );
    expect(toCsv(evil, resolveReport(evil, map), s, opts)).toContain(`"'=cmd|calc"`);
  });
});
