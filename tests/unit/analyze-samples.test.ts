/**
 * The analyzer on every real sample in shared/reference/samples (read from there, never copied):
 * each gives the report an admin needs — MA, steps in step order, results, counters, error groups
 * with counts, and links to the right code pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText, type Report } from '../../src/lib/analyze/index';
import { resolveReport, type CodeMap, type Resolved } from '../../src/lib/analyze/links';
import { realCodeMap, SAMPLES, sample } from './analyze-helpers/catalog';

let map: CodeMap;
beforeAll(() => {
  map = realCodeMap();
}, 60_000);

function read(name: string): { r: Report; res: Resolved } {
  // Small chunks, so every sample also crosses chunk boundaries as a big file would.
  const r = analyzeText(sample(name), { chunk: 97 });
  return { r, res: resolveReport(r, map) };
}
const slugs = (res: Resolved, errorType: string) =>
  res.groups.find((g) => g.group.errorType === errorType)?.links.map((l) => l.s);

describe.skipIf(!SAMPLES)('real samples', () => {
  it('run history, delta import stopped-connectivity: two steps in step order, failed-search 8453 first', () => {
    const { r, res } = read('runhistory_poshmon-sp-ups_delta-import_stopped-connectivity.xml');
    expect(r.format).toBe('run-history');
    expect(r.shape).toBe('single-run');
    expect(r.declaredEncoding).toBe('utf-16');
    expect(r.notes.map((n) => n.key)).toContain('declaration');
    expect(r.stop).toBeUndefined();
    expect(r.runs).toHaveLength(1);
    const run = r.runs[0];
    expect(run).toMatchObject({
      ma: 'MOSSAD-company',
      profile: 'DS_DELTAIMPORT',
      number: 1879,
      user: 'domain\\serviceacc',
    });
    expect(run.start).toBe('2017-01-04 23:00:35.380');
    expect(run.end).toBe('2017-01-04 23:00:58.987');
    expect(run.result).toBe('stopped-connectivity');
    expect(run.steps.map((s) => [s.number, s.type, s.subtype, s.partition, s.result])).toEqual([
      [1, 'delta-import', 'to-cs', 'DC=za,DC=company,DC=com', 'success'],
      [2, 'delta-import', 'to-cs', 'DC=ab,DC=company,DC=com', 'stopped-connectivity'],
    ]);
    expect(run.steps[0].counters).toEqual([
      { name: 'filtered-objects', value: 46 },
      { name: 'stage-add', value: 3 },
      { name: 'stage-update', value: 27 },
      { name: 'stage-rename', value: 2 },
    ]);
    expect(run.steps[1].connection).toEqual({
      result: 'failed-search',
      server: 'DC01.ab.company.com:389',
      code: '8453',
      literal: 'Replication access was denied.',
      detail: '00002105: LdapErr: DSID-adcv, comment: Error processing control, data 0, v1db1',
    });
    expect(res.first.map((g) => [g.group.kind, g.group.errorType, g.group.code])).toEqual([
      ['connection', 'failed-search', '8453'],
    ]);
    expect(slugs(res, 'failed-search')).toEqual(['failed-search']);
    expect(slugs(res, 'stopped-connectivity')).toEqual(['stopped-connectivity']);
    expect(res.results.get('stopped-connectivity')?.s).toBe('stopped-connectivity');
    // 8453 (LDAP/Win32 ERROR_DS_DRA_ACCESS_DENIED) has no page: listed, not dropped.
    expect(res.unknown).toEqual(['8453']);
  });

  it('run history, delta sync success: apply-rules steps, outbound flow counters, nothing to do', () => {
    const { r, res } = read('runhistory_poshmon-sp-ups_delta-sync_success.xml');
    const run = r.runs[0];
    expect(run).toMatchObject({
      ma: 'MOSSAD-company',
      profile: 'DS_DELTASYNC',
      number: 1882,
      result: 'success',
    });
    expect(run.steps.map((s) => [s.number, s.type, s.subtype, s.result])).toEqual([
      [1, 'apply-rules', 'apply-pending', 'success'],
      [2, 'apply-rules', 'apply-pending', 'success'],
    ]);
    expect(run.steps[0].outbound).toEqual([
      {
        ma: 'MOSS-UserProfile',
        counters: [
          { name: 'provisioned-add-flow', value: 3 },
          { name: 'connector-flow', value: 23 },
        ],
      },
    ]);
    expect(run.steps[0].counters).toContainEqual({ name: 'disconnector-remains', value: 4235 });
    expect(run.steps[1].counters).toEqual([{ name: 'disconnector-remains', value: 1023 }]);
    expect(r.groups).toEqual([]);
    expect(res.first).toEqual([]);
    expect(res.unknown).toEqual([]);
  });

  it('run history, export with errors: one ma-extension-error, retry 77, 0x80230703, the inner exception', () => {
    const { r, res } = read('runhistory_poshmon-sp-ups_export_completed-export-errors.xml');
    const run = r.runs[0];
    expect(run).toMatchObject({ ma: 'MOSS-UserProfile', number: 2590, result: 'completed-export-errors' });
    expect(run.steps[0].counters).toEqual([
      { name: 'export-add', value: 3 },
      { name: 'export-update', value: 23 },
      { name: 'export-failure', value: 1 },
    ]);
    expect(run.steps[0].errors.export).toBe(1);
    const g = res.groups.find((x) => x.group.kind === 'export')!.group;
    expect(g).toMatchObject({
      errorType: 'ma-extension-error',
      code: '0x80230703',
      count: 1,
      dns: ['MVID=67d2da90-0c2a-e411-a2e8-0050568e45d6'],
      retryMax: 77,
      firstOccurred: '2016-09-26 12:02:16.987',
      lastOccurred: '2017-01-04 23:06:02.006',
    });
    // The console wrapped "Invalid URI␤ : The format…": joined back, innermost exception kept.
    expect(g.stack?.exception).toBe('System.UriFormatException');
    expect(g.stack?.message).toBe('Invalid URI: The format of the URI could not be determined.');
    expect(g.stack?.own).toBe(false);
    expect(g.stack?.frame).toBe('System.Uri.CreateThis(String uri, Boolean dontEscape, UriKind uriKind)');
    expect(res.first[0].group.errorType).toBe('ma-extension-error');
    // The HRESULT is the more specific page, so it comes before the error type.
    expect(slugs(res, 'ma-extension-error')).toEqual(['0x80230703', 'ma-extension-error']);
    expect(res.unknown).toEqual([]);
    expect(slugs(res, 'completed-export-errors')).toEqual(['completed-export-errors']);
  });

  it('Entra Connect ConvertTo-Json: four runs with their results and \\/Date()\\/ dates in UTC', () => {
    const { r, res } = read('aadc-runprofileresult_laparoscope_convertto-json.json');
    expect(r.format).toBe('entra-json');
    expect(r.runs.map((x) => [x.ma, x.profile, x.number, x.result])).toEqual([
      ['garage.mcardletech.com', 'Export', 26147, 'no-start-connection'],
      ['mcardletech.onmicrosoft.com - AAD', 'Export', 26148, 'success'],
      ['mcardletech.onmicrosoft.com - AAD', 'Delta Synchronization', 26147, 'success'],
      ['garage.mcardletech.com', 'Delta Synchronization', 26146, 'completed-sync-errors'],
    ]);
    expect(r.runs[0].start).toBe('2022-04-08 04:10:53.843');
    expect(r.runs[0].steps).toEqual([]);
    expect(res.first.map((g) => g.group.errorType)).toEqual(['no-start-connection']);
    expect(slugs(res, 'no-start-connection')).toEqual(['no-start-connection']);
    expect(slugs(res, 'completed-sync-errors')).toEqual(['completed-sync-errors']);
  });

  it('Entra Connect Format-List: console-wrapped keys and XML joined back, 0x51 Server Down found', () => {
    const { r, res } = read('aadc-runprofileresult_laparoscope_ps-formatlist_no-start-connection.txt');
    expect(r.format).toBe('entra-list');
    expect(r.stop).toBeUndefined();
    const run = r.runs[0];
    expect(run).toMatchObject({
      ma: 'garage.mcardletech.com',
      profile: 'Export',
      number: 26285,
      result: 'no-start-connection',
    });
    expect(run.steps).toHaveLength(1);
    expect(run.steps[0]).toMatchObject({
      number: 1,
      type: 'export',
      partition: 'DC=garage,DC=mcardletech,DC=com',
      result: 'no-start-connection',
      connection: {
        result: 'failed-connection',
        server: '10.2.3.4:389',
        code: '0x51',
        literal: 'Server Down',
      },
    });
    expect(res.first.map((g) => [g.group.errorType, g.group.code])).toEqual([['failed-connection', '0x51']]);
    expect(slugs(res, 'failed-connection')).toEqual(['failed-connection']);
    expect(res.unknown).toEqual(['0x51']);
  });

  it('Event Viewer text, FIMSynchronizationService 6300 with U+FFFD lines: counted and linked', () => {
    const { r, res } = read('eventlog-text_adowiki-mirror_fimsync-6300_config-error.txt');
    expect(r.format).toBe('event-text');
    expect(r.events).toEqual([
      {
        source: 'FIMSynchronizationService',
        id: '6300',
        level: 'Error',
        count: 1,
        first: '8/26/2020 12:21:52 PM',
        last: '8/26/2020 12:21:52 PM',
      },
    ]);
    expect(r.replacementChars).toBeGreaterThan(0);
    expect(r.notes.map((n) => n.key)).toContain('replacement');
    const g = r.groups[0];
    expect(g.literal).toBe('The server encountered an unexpected error:');
    expect(g.where).toEqual(['SYNC.contoso.com']);
    expect(g.stack?.frame).toBe(
      'System.Configuration.ClientConfigurationSystem.EnsureInit(String configKey)',
    );
    expect(slugs(res, 'FIMSynchronizationService 6300')).toEqual(['sync-event-6300']);
    expect(res.unknown).toEqual([]);
  });

  it('Event Viewer text, shortened "FIMSynchronizationService Event 6801": event, exception and page', () => {
    const { r, res } = read('eventlog-text_supportarticles_fimsync-6801_keynotfound-abbreviated.txt');
    expect(r.format).toBe('event-text');
    expect(r.events.map((e) => [e.source, e.id, e.count])).toEqual([
      ['FIMSynchronizationService', '6801', 1],
    ]);
    expect(r.groups[0].stack?.exception).toBe('System.Collections.Generic.KeyNotFoundException');
    expect(r.groups[0].stack?.message).toBe('The given key was not present in the dictionary.');
    expect(slugs(res, 'FIMSynchronizationService 6801')).toEqual(['sync-event-6801']);
  });

  it('Event Viewer text, ADSync 6050: MA and run profile, linked to the sync engine page for 6050', () => {
    const { r, res } = read('eventlog-text_supportarticles_adsync-6050_size-limit-exceeded.txt');
    expect(r.events).toEqual([
      expect.objectContaining({
        source: 'ADSync',
        id: '6050',
        count: 1,
        ma: 'Contoso.com',
        profile: 'Delta Import',
      }),
    ]);
    const g = res.groups[0];
    expect(g.links.map((l) => l.s)).toEqual(['sync-event-6050']);
    expect(g.sameEngine).toBe(true);
  });

  it('Event Viewer text, ADSync 6329 BAIL trace: every HRESULT found, known ones linked, the rest listed', () => {
    const { r, res } = read('eventlog-text_supportarticles_adsync-6329_bail-trace.txt');
    expect(r.events.map((e) => [e.source, e.id])).toEqual([['ADSync', '6329']]);
    expect(r.groups[0].code).toBe('0x800700b7');
    expect(r.groups[0].codes).toEqual(['0x80070002', '0x80004005']);
    // The HRESULTs (causes) before the wrapper event; the one with no page is listed.
    expect(res.groups[0].links.map((l) => l.s)).toEqual(['0x80070002', '0x80004005', 'sync-event-6329']);
    expect(res.unknown).toEqual(['0x800700b7']);
  });

  it('Event Viewer text, Directory Synchronization 611: an adjacent source, linked to its own page', () => {
    const { r, res } = read('eventlog-text_supportarticles_dirsync-611_rpc-1722.txt');
    expect(r.events.map((e) => [e.source, e.id])).toEqual([['Directory Synchronization', '611']]);
    expect(r.groups[0].stack?.exception).toBe(
      'Microsoft.Online.PasswordSynchronization.DirectoryReplicationServices.DrsCommunicationException',
    );
    expect(slugs(res, 'Directory Synchronization 611')).toEqual(['entra-event-611']);
    expect(res.unknown).toEqual([]);
  });

  it('Sync Preview fragment: extension-dll-exception, the CNF DN, the frame in the customer’s extension', () => {
    const { r, res } = read(
      'preview_lithnet-miis-client_provisioning-extension-dll-exception.xml-fragment.txt',
    );
    expect(r.format).toBe('preview');
    // The fragment ends with a stray </provisioning-rules>: reading stops there, after the error.
    expect(r.stop).toMatchObject({ kind: 'malformed', line: 43 });
    const g = r.groups[0];
    expect(g).toMatchObject({
      kind: 'preview',
      errorType: 'extension-dll-exception',
      count: 1,
      where: ['zaf.local MA'],
    });
    expect(g.dns[0]).toContain('\\0ACNF:e91356f8');
    expect(g.stack).toMatchObject({
      exception: 'Microsoft.MetadirectoryServices.ObjectAlreadyExistsException',
      own: true,
      extension: 'ADExportMVExtension.dll',
      callsite: 'provisioning',
    });
    expect(g.stack?.frame).toMatch(
      /^Mms_Metaverse\.ADObject\.AddGroupToConnectorSpace\(.*ADObject\.cs:line 135$/,
    );
    expect(slugs(res, 'extension-dll-exception')).toEqual(['extension-dll-exception']);
  });
});
