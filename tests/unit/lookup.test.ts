import { describe, expect, it } from 'vitest';
import {
  buildLookupIndex,
  editDistance,
  exactKey,
  lookupExact,
  MAX_QUERY,
  packIndex,
  prepareQuery,
  SHARDS,
  shardIndex,
  shardOf,
  unpackIndex,
} from '../../src/lib/lookup';
import { src } from './index-source';
import { packMessages, readPaste, unpackMessages, type Candidate } from '../../src/lib/paste';
import { decodeHresult } from '../../src/lib/hresult';

const index = buildLookupIndex([
  src('stopped-server', 'stopped-server', 'run-status'),
  src('stopped-server-down', 'stopped-server-down', 'run-status'),
  src('extension-dll-exception', 'extension-dll-exception', 'run-error'),
  src('stopped-extension-dll-exception', 'stopped-extension-dll-exception', 'run-status'),
  src('failed-creation-via-web-services', 'failed-creation-via-web-services', 'object-error'),
  src('failed-connection', 'failed-connection', 'run-error', { aliases: ['Det gick inte = anslutning'] }),
  src('duplicate-anchor', 'duplicate-anchor', 'run-error', { aliases: ['dubblett-ankare'] }),
  src('completed-export-errors', 'completed-export-errors', 'run-status'),
  src('permission-issue', 'permission-issue', 'run-error'),
  src('access-denied', 'access-denied', 'run-status'),
  src('success', 'success', 'run-status'),
  src('pcns-event-6025', '6025', 'event-id', { eventSource: 'PCNSSVC' }),
  src('other-event-6025', '6025', 'event-id', { eventSource: 'OtherSource' }),
  src('pcns-event-6000', '6000', 'event-id', { eventSource: 'PCNSSVC' }),
  src('sync-event-6000', '6000', 'event-id', { eventSource: 'FIMSynchronizationService' }),
  src('sync-event-6301', '6301', 'event-id', { eventSource: 'FIMSynchronizationService', wrapper: true }),
  src('sync-event-6309', '6309', 'event-id', { eventSource: 'FIMSynchronizationService', wrapper: true }),
  src('sync-event-6801', '6801', 'event-id', { eventSource: 'FIMSynchronizationService' }),
  src('sync-event-6803', '6803', 'event-id', { eventSource: 'FIMSynchronizationService' }),
  src('entra-event-109', '109', 'event-id', {
    eventSource: 'Directory Synchronization',
    onlyIn: 'entra-connect',
  }),
  src('exported-change-not-reimported', 'exported-change-not-reimported', 'object-error'),
  src('no-start-partition-delete', 'no-start-partition-delete', 'run-status'),
  src('no-start-no-domain-controller', 'no-start-no-domain-controller', 'run-status'),
  src('0x8023063d', '0x8023063d', 'hresult'),
  src('0x80230304', '0x80230304', 'hresult'),
  src('0x80070005', '0x80070005', 'hresult'),
  src('0x80004005', '0x80004005', 'hresult', { wrapper: true }),
  src('0x80231337', '0x80231337', 'hresult', { uncertain: true }),
  src('constructor', 'constructor', 'run-error', { aliases: ['__proto__', 'hasOwnProperty'] }),
  src(
    'no-start-concurrent-execution-not-support',
    'no-start-concurrent-execution-not-support',
    'run-status',
    { aliases: ['no-start-concurrent-execution-not-supported'] },
  ),
]);
const messages = unpackMessages(
  packMessages(
    [
      {
        slug: 'pcns-event-6000',
        messages: [
          'The configuration information does not exist in Active Directory. The service will stop.',
        ],
        words: [],
      },
      {
        slug: 'sync-event-6000',
        messages: ['The management agent "…" failed to run because the credentials were invalid.'],
        words: [],
      },
      {
        slug: 'stopped-server',
        messages: ['There was no endpoint listening at … that could accept the message.'],
        words: [],
      },
    ],
    [],
  ),
);
const slugs = (cs: Candidate[]) =>
  cs.map((c) =>
    c.target.type === 'code' ? c.target.entry.s : c.target.type === 'step' ? c.target.slug : 'versions',
  );
const read = (text: string) => readPaste(text, index, messages);
const first = (text: string) => slugs(read(text).candidates)[0];

describe('exact tier', () => {
  it('finds 6025 by exact code, listing both sources that use the number', () => {
    expect(lookupExact('6025', index).exact.map((e) => e.s)).toEqual(['pcns-event-6025', 'other-event-6025']);
  });
  it('never lands stopped-server on stopped-server-down', () => {
    expect(lookupExact('stopped-server', index).exact.map((e) => e.s)).toEqual(['stopped-server']);
    expect(first('stopped-server')).toBe('stopped-server');
  });
  it('never lands extension-dll-exception on stopped-extension-dll-exception', () => {
    expect(first('extension-dll-exception')).toBe('extension-dll-exception');
    expect(first('stopped-extension-dll-exception')).toBe('stopped-extension-dll-exception');
  });
  it('finds a code pasted with non-breaking hyphens', () => {
    expect(first('stopped\u2011extension\u2011dll\u2011exception')).toBe('stopped-extension-dll-exception');
  });
  it('resolves an HRESULT in every written form to the same page', () => {
    for (const q of ['0x8023063D', '8023063d', '2149779005', '-2145188291', 'HRESULT: 0x8023063d'])
      expect(
        lookupExact(q, index).exact.map((e) => e.s),
        q,
      ).toEqual(['0x8023063d']);
  });
  it('resolves an alias to its code, whatever joins its words', () => {
    expect(first('no-start-concurrent-execution-not-supported')).toBe(
      'no-start-concurrent-execution-not-support',
    );
    expect(first('Det gick inte = anslutning')).toBe('failed-connection');
    expect(first('det gick inte anslutning')).toBe('failed-connection');
  });
  it('reads "Event ID 6025" and the Swedish "händelse-ID 6025"', () => {
    expect(slugs(read('Event ID 6025').candidates)).toContain('pcns-event-6025');
    expect(slugs(read('händelse-ID 6025').candidates)).toContain('pcns-event-6025');
  });
  it('puts a verified exact match above an unverified one under the same key', () => {
    const i = buildLookupIndex([
      src('a-unverified', 'x-code', 'run-error', { uncertain: true }),
      src('b-verified', 'y-code', 'run-error', { aliases: ['x-code'] }),
    ]);
    expect(lookupExact('x-code', i).exact.map((e) => e.s)).toEqual(['b-verified', 'a-unverified']);
    expect(slugs(readPaste('x-code', i).candidates)).toEqual(['b-verified', 'a-unverified']);
  });
});

describe('codes inside sentences', () => {
  it('finds a code written in words, in any case', () => {
    expect(first('we keep getting a Duplicate Anchor error on import')).toBe('duplicate-anchor');
  });
  it('lets page words that match the whole text well outrank a code written as two plain words', () => {
    const pages = unpackMessages(
      packMessages(
        [
          {
            slug: 'permission-issue',
            messages: [],
            titles: ['A container search failed'],
            words: ['A container or table search failed', 'Rights to the container are missing'],
          },
          { slug: 'success', messages: [], words: ['Widgets, gadgets and anchors'] },
        ],
        [],
      ),
    );
    const firstIn = (q: string) => slugs(readPaste(q, index, pages).candidates)[0];
    // "duplicate anchor" as plain words in a sentence that reads like another page's text.
    expect(firstIn('a container or table search failed with a duplicate anchor')).toBe('permission-issue');
    // Quoted, called an error, or with nothing else to go on, the phrase still names its code.
    expect(firstIn('a container or table search failed with a "duplicate anchor"')).toBe('duplicate-anchor');
    expect(firstIn('a container or table search failed with a duplicate anchor error')).toBe(
      'duplicate-anchor',
    );
    expect(firstIn('we keep seeing duplicate anchor on import')).toBe('duplicate-anchor');
  });
  it('finds a quoted code, and one with = or _ where a hyphen belongs', () => {
    expect(first('the run ends with “stopped-server” every night')).toBe('stopped-server');
    expect(first('status failed=connection on the AD MA')).toBe('failed-connection');
    expect(first('status FAILED_CONNECTION on the AD MA')).toBe('failed-connection');
  });
  it('joins a code split at its hyphen across a line break, as tables and PDFs copy it', () => {
    expect(first('failed-\nconnection\nThe connection to the directory has failed')).toBe(
      'failed-connection',
    );
    expect(first('Status: stopped-\r\n  server')).toBe('stopped-server');
  });
  it('finds a code with an error count glued to it', () => {
    expect(first('the export ended completed-export-errors(12) this morning')).toBe(
      'completed-export-errors',
    );
  });
  it('matches a whole hyphenated word, never a part of it', () => {
    expect(slugs(read('Run profile ended with stopped-extension-dll-exception at 09:14').candidates)).toEqual(
      ['stopped-extension-dll-exception'],
    );
  });
  it('reads a Swedish alias inside a Swedish sentence', () => {
    expect(first('Vi får felet dubblett-ankare vid import från AD')).toBe('duplicate-anchor');
  });
  it('offers did-you-mean for a near miss inside a longer text', () => {
    const r = read('the export step fails with a stopped-dll-exception status every night');
    expect(r.candidates[0]?.reason.kind).toBe('didYouMean');
    expect(slugs(r.candidates)).toContain('stopped-extension-dll-exception');
  });
  it('puts a shortened or misspelt code written with hyphens first, when only one code fits', () => {
    expect(first('the run ends with stopped-extention-dll-exception, every night since Monday')).toBe(
      'stopped-extension-dll-exception',
    );
    // "completed-errors" fits several codes: suggestions only, never a confident first answer.
    const r = read('the export shows completed-errors again after the server restarted today');
    expect(r.candidates.every((c) => c.reason.kind === 'didYouMean' && c.score < 200)).toBe(true);
  });
  it('reads a family written with a wildcard, as Microsoft pages print it', () => {
    for (const q of [
      '| completed-\\*-errors |The run completed, but there are errors',
      'a completed-*-errors status',
    ])
      expect(slugs(read(q).candidates)[0], q).toBe('completed-export-errors');
    // One side only names too many codes; a multiplication is no wildcard.
    expect(slugs(read('| stopped-\\* |The run could not complete.').candidates)).not.toContain(
      'stopped-server',
    );
    expect(read('the grid is completed * errors wide').candidates.map((c) => c.reason.kind)).not.toContain(
      'code',
    );
  });
  it('finds a code glued to the column text before it, and never a short code inside a word', () => {
    expect(first('DN is unavailablestopped-extension-dll-exception')).toBe('stopped-extension-dll-exception');
    expect(slugs(read('we called nonstopped-server twice').candidates)).not.toContain('stopped-server');
  });
  it('reads the misspelt and shortened names Microsoft itself prints, when only one code fits', () => {
    // Another form of a word ("export" for "exported"), a word left out, a word too many, two edits.
    expect(first('*Password attribute is filtered on Import to eliminate "Export-not-reimported".')).toBe(
      'exported-change-not-reimported',
    );
    expect(first('support for export_password to avoid export-change-not-reimported errors')).toBe(
      'exported-change-not-reimported',
    );
    expect(first('the step returned no-start-no-partition-delete last night')).toBe(
      'no-start-partition-delete',
    );
    // Two edits on a short name stay a suggestion.
    expect(read('we see stopped-sevrer-x again').candidates.every((c) => c.reason.kind !== 'code')).toBe(
      true,
    );
  });
  it('reads a code in CamelCase, as DirSync prints it, and not any CamelCase word', () => {
    expect(first('|ErrorNoStartNoDomainController|Synchronization failed to start')).toBe(
      'no-start-no-domain-controller',
    );
    expect(first('the MA returned StoppedServer')).toBe('stopped-server');
    expect(slugs(read('ActiveDirectory NoStart ServerDown PowerShell').candidates)).toEqual([]);
  });
  it('offers did-you-mean within two edits for a one-word query, and nothing far away', () => {
    expect(first('extention-dll-exception')).toBe('extension-dll-exception');
    expect(slugs(read('stopped-sevrer').candidates)).toContain('stopped-server');
    expect(read('tempdb-autogrowth').candidates).toEqual([]);
  });
  it('finds a single-word status only as a value, not as a word in prose', () => {
    expect(first('<step-result>success</step-result>')).toBe('success');
    expect(first('Result            : success')).toBe('success');
    expect(
      slugs(read('The import ran with some success after we restarted the server').candidates),
    ).not.toContain('success');
  });
});

describe('event IDs as people write them', () => {
  it('reads plural and list forms', () => {
    expect(
      slugs(read('The event viewer displays the events 6801, 6803 and 6301, in this order.').candidates),
    ).toEqual(expect.arrayContaining(['sync-event-6801', 'sync-event-6803', 'sync-event-6301']));
    expect(slugs(read('there were no Event IDs 6803 for the past hours').candidates)).toContain(
      'sync-event-6803',
    );
  });
  it('reads "error NNNN", the number before the word, and Swedish forms', () => {
    expect(first('we restarted the PCNS service and saw an error 6025–“The target …”')).toBe(
      'pcns-event-6025',
    );
    expect(first('6803 is logged when a password is set')).toBe('sync-event-6803');
    expect(first('Om PCNS rapporterar felet **6025** i händelseloggen vid lösenordssynkronisering')).toBe(
      'pcns-event-6025',
    );
    expect(first('händelse-ID 6801 loggas när tillägget kastar ett undantag')).toBe('sync-event-6801');
  });
  it('reads the Event Viewer XML and a one-line box that lost the line breaks', () => {
    expect(first('<System><EventID Qualifiers="49152">6801</EventID></System>')).toBe('sync-event-6801');
    expect(first('Log Name: ApplicationSource: PCNSSVCEvent ID: 6025Task Category: NoneLevel: Error')).toBe(
      'pcns-event-6025',
    );
  });
  it('never reads a date, a time, a port, a count or a build number as an event ID', () => {
    const text =
      'On 6025-11-26 at 10:25:60 the DC01.contoso.com:6025 answered 6,025 requests; 6025 errors; ' +
      'Version 4.6.6025.0 installed; took 6025 ms';
    const r = read(text);
    expect(slugs(r.candidates).filter((s) => s.includes('event'))).toEqual([]);
  });
});

describe('the same number from two sources', () => {
  it('uses the source the paste names', () => {
    expect(slugs(read('Source: PCNSSVC\nEvent ID: 6000\nLevel: Error').candidates)).toEqual([
      'pcns-event-6000',
    ]);
    const r = read('Source: FIMSynchronizationService Event ID: 6000 Level: Error');
    expect(slugs(r.candidates)[0]).toBe('sync-event-6000');
    expect(r.candidates[0]?.reason.source).toBe('named');
  });
  it('reads ADSync as the sync engine', () => {
    expect(first('Source: ADSync Event ID: 6000')).toBe('sync-event-6000');
  });
  it('uses the message words when no source is named', () => {
    expect(
      first(
        '6000 | Error | The configuration information does not exist in Active Directory. The service will stop. |',
      ),
    ).toBe('pcns-event-6000');
    expect(
      first('Event ID 6000: The management agent "ADMA" failed to run because the credentials were invalid.'),
    ).toBe('sync-event-6000');
  });
  it('reads the source from words a translation split or joined', () => {
    const r = read(
      'Loggboken innehåller ett fel med **händelse-ID 6000** och meddelandet " **hanterings agentens" contoso.com "kunde inte köras',
    );
    expect(slugs(r.candidates)).toEqual(['sync-event-6000']);
    expect(r.candidates[0]?.reason.source).toBe('words');
  });
  it('puts the event whose source the paste names before one whose source it never mentions', () => {
    expect(first('DirSync to Office 365 synchronization failed – Event ID:6801, Event ID:109')).toBe(
      'entra-event-109',
    );
    expect(first('synchronization failed – Event ID:6801, Event ID:109')).toBe('sync-event-6801');
  });
  it('shows every candidate and says why when the paste cannot tell', () => {
    const r = read('Event ID: 6000 Level: Error');
    expect(slugs(r.candidates).sort()).toEqual(['pcns-event-6000', 'sync-event-6000']);
    expect(r.ambiguous).toEqual([{ number: '6000', sources: ['PCNSSVC', 'FIMSynchronizationService'] }]);
  });
});

describe('the most specific cause first', () => {
  it('ranks the HRESULT before the wrapper event that carries it, wherever each appears', () => {
    const entry =
      'Source: FIMSynchronizationService Event ID: 6309 The server encountered an unexpected error. "BAIL: MMS(3120): ..\\ma.cpp(3419): 0x8023063d (The operation cannot be performed)"';
    expect(slugs(read(entry).candidates).slice(0, 2)).toEqual(['0x8023063d', 'sync-event-6309']);
  });
  it('ranks an object-level error before the run status that summarizes it', () => {
    expect(first('the status is completed-export-errors, with one permission-issue export error')).toBe(
      'permission-issue',
    );
    expect(
      first('<step-result>completed-export-errors</step-result><error-type>permission-issue</error-type>'),
    ).toBe('permission-issue');
  });
  it('puts the event before a generic E_FAIL wrapper', () => {
    expect(first('Event ID: 6801 BAIL: 0x80004005 (Unspecified error)')).toBe('sync-event-6801');
  });
  it('labels an Entra Connect event as such', () => {
    const c = read('DirectorySynchronization Event 109: Failure while importing entries').candidates[0];
    expect(c?.target.type === 'code' && c.target.entry.o).toBe('entra-connect');
  });
});

describe('HRESULTs, right both ways', () => {
  it('finds signed decimal HResults that .NET prints in a stack trace', () => {
    const r = read('System.Runtime.InteropServices.COMException (0x80230304): HResult=-2145188291');
    expect(slugs(r.candidates)).toEqual(['0x80230304', '0x8023063d']);
  });
  it('decodes an unknown HRESULT found in text, and every known one, with its Win32 name', () => {
    const r = read('BAIL: MMS(1234): sql.cpp(8490): 0x80231338 (The operation failed) then 0x80070005');
    expect(r.hresults.map((h) => [h.hex, h.inCatalog])).toEqual([
      ['0x80231338', false],
      ['0x80070005', true],
    ]);
    expect(r.hresults[1]?.win32).toEqual({ code: 5, name: 'ERROR_ACCESS_DENIED' });
  });
  it('never decodes hex from a GUID, a run-profile name, a hash or a longer hex run', () => {
    const r = read(
      'cs-guid="{80230304-DF83-E611-8CE8-00505689546C}" step-id 8a654dc1-cf23-40ed-86f4-b745bd553c22 ' +
        'run profile "8023063d" ran; hash 80070005; Keywords 0x80000000000000',
    );
    expect(r.candidates).toEqual([]);
    expect(r.hresults).toEqual([]);
  });
  it('reads an all-digit HRESULT only when the words say it is an error code', () => {
    expect(first('the export failed with error 80070005 on every object')).toBe('0x80070005');
    expect(read('order number 80070005 shipped').candidates).toEqual([]);
  });
  it('reads a documented Win32 constant as its HRESULT, never its words as one of our codes', () => {
    const r = read(
      'admaexport.cpp(2944): Failed to acquire user information. Error Code: ERROR_ACCESS_DENIED',
    );
    expect(slugs(r.candidates)).toEqual(['0x80070005']);
    expect(r.candidates[0]?.reason).toMatchObject({ kind: 'hresult', text: 'ERROR_ACCESS_DENIED' });
    expect(r.hresults.map((h) => h.hex)).toEqual(['0x80070005']);
    expect(first('ERROR_ACCESS_DENIED')).toBe('0x80070005');
  });
  it('reads an undocumented Win32 constant as nothing, not as the code its words spell', () => {
    const r = read('replication failed: ERROR_DS_DRA_ACCESS_DENIED');
    expect(slugs(r.candidates)).not.toContain('access-denied');
    expect(r.hresults).toEqual([]);
  });
  it('still reads our code written with _ when it is not a Win32 constant', () => {
    expect(first('the run ended with access_denied')).toBe('access-denied');
    expect(first('Error: access_denied on the export')).toBe('access-denied');
    expect(first('error access-denied')).toBe('access-denied');
  });
  it('does not read HRESULT 0x0 (success) as a code', () => {
    expect(read('MMS(4796): New Delta: HRESULT: 0x0').hresults).toEqual([]);
  });
});

describe('build numbers', () => {
  it('sends a pasted build to the version checker, with the right parameter', () => {
    expect(read('Version 4.6.607.0').candidates[0]?.target).toEqual({
      type: 'versions',
      line: 'sync-service',
      version: '4.6.607.0',
    });
    expect(read('1.1.1301.0').candidates[0]?.target).toMatchObject({ type: 'versions', line: 'connectors' });
    expect(read('The version of IDM is 4.1.3766').candidates[0]?.target).toMatchObject({
      version: '4.1.3766.0',
    });
  });
  it('puts the version checker first when the text calls the number a build or a version', () => {
    const withStep = unpackMessages(
      packMessages(
        [],
        [
          {
            slug: 'latest-sync-build',
            title: 'Run the latest build of the MIM Sync Service',
            words: ['Update the MIM Synchronization Service to its latest build and version'],
          },
        ],
      ),
    );
    for (const q of ['Update the MIM Synch Service Build 4.3.2195.0', 'MIM Version - 4.6.673'])
      expect(readPaste(q, index, withStep).candidates[0]?.target.type, q).toBe('versions');
    // A build trailing an event's text is not what the admin asks about.
    const entry =
      'Event ID: 6000 The management agent "ADMA" failed to run because the credentials were invalid. Azure AD Sync 1.4.18.0';
    expect(slugs(readPaste(entry, index, messages).candidates)[0]).toBe('sync-event-6000');
  });
  it('never reads an IP address or a two-part number as a build', () => {
    expect(read('server 192.168.0.10 and 10.2.3.4:389 on Exchange 14.0').candidates).toEqual([]);
  });
  it('ranks a code above the build number printed under it', () => {
    expect(first('Import-MIISServerConfig : Exception from HRESULT: 0x8023063D MIM Version 4.6.607.0')).toBe(
      '0x8023063d',
    );
  });
});

describe('message text with no code', () => {
  it('matches the product message with names, quotes and line breaks that differ', () => {
    expect(
      first('The management agent “Contoso AD” failed\nto run because the credentials\nwere invalid.'),
    ).toBe('sync-event-6000');
  });
  it('matches a truncated message', () => {
    expect(first('There was no endpoint listening at http://mim:5725/ResourceManagementService/MEX')).toBe(
      'stopped-server',
    );
  });
  it('maps a rules-extension stack trace to extension-dll-exception', () => {
    const trace =
      'Microsoft.MetadirectoryServices.ObjectAlreadyExistsException: An object with DN "CN=x" already exists\n' +
      '   at Mms_Metaverse.ADExportMVExtension.Microsoft.MetadirectoryServices.IMVSynchronization.Provision(MVEntry mventry)';
    expect(first(trace)).toBe('extension-dll-exception');
  });
  it('gives a long paste with no code its distinctive words for a full-text search', () => {
    const r = read('Our nightly tempdb autogrowth keeps stalling the FIMService database on the cluster');
    expect(r.terms.length).toBeGreaterThan(0);
    expect(r.terms).toContain('tempdb');
    expect(r.terms).not.toContain('the');
  });
});

describe('known message shapes', () => {
  it('reads a stack trace through an extensible connector as event 6801, without its header', () => {
    const trace =
      '"System.Net.WebException: The remote server returned an error: (404) Not Found.\n' +
      '   at System.Net.WebClient.DownloadData(Uri address)\n' +
      '   at Microsoft.Office.Server.UserProfiles.ManagementAgent.ProfileImportExportExtension.DownloadPictures(ProfileChangeData[] profiles)';
    expect(first(trace)).toBe('sync-event-6801');
    expect(
      first(
        'at Contoso.Ecma.Connector.Microsoft.MetadirectoryServices.IMAExtensibleFileImport.GenerateImportFile(String fileName)',
      ),
    ).toBe('sync-event-6801');
    // A rules-extension frame is not a connector's.
    expect(
      slugs(
        read('at Contoso.MAExtension.IMASynchronization.MapAttributesForImport(String FlowRuleName)')
          .candidates,
      ),
    ).not.toContain('sync-event-6801');
  });
});

describe('page words', () => {
  const pages = unpackMessages(
    packMessages(
      [
        {
          slug: 'permission-issue',
          messages: [],
          words: ['The account lacks the right to read a container'],
        },
        {
          slug: 'duplicate-anchor',
          messages: [],
          words: ['Ett nyetablerat objekt fick ett ankare som redan används'],
        },
      ],
      [],
    ),
  );
  const firstOf = (q: string) => slugs(readPaste(q, index, pages).candidates)[0];
  it('still reads a shortened code name when page words already point to that page', () => {
    // Page words give stopped-extension-dll-exception weak evidence (kind 'text'); the shortened
    // name "stopped-dll-exception" in the text must still count as the sure near miss it is, or a
    // page-word match on extension-dll-exception wins (a real forum sentence, lookup-eval.yaml).
    const both = unpackMessages(
      packMessages(
        [
          {
            slug: 'extension-dll-exception',
            messages: [],
            words: ['The export step fails in the extension'],
          },
          { slug: 'stopped-extension-dll-exception', messages: [], words: ['The export run stopped'] },
        ],
        [],
      ),
    );
    const r = readPaste('the export step fails with a stopped-dll-exception status', index, both);
    expect(slugs(r.candidates)[0]).toBe('stopped-extension-dll-exception');
    expect(r.candidates[0]?.reason.kind).toBe('didYouMean');
  });
  it('meets words across their inflections, in English and Swedish', () => {
    expect(firstOf('There are insufficient rights to access containers')).toBe('permission-issue');
    expect(firstOf('ankaret på ett nyetablerade objekt är inte unikt')).toBe('duplicate-anchor');
  });
  it('meets a compound word and its parts, on either side', () => {
    const parts = unpackMessages(
      packMessages(
        [
          { slug: 'access-denied', messages: [], words: ['Agenten nekades åtkomst till hanteringen'] },
          {
            slug: 'stopped-server',
            messages: [],
            words: ['Disken är full: inget utrymme kvar för databasen'],
          },
          { slug: 'success', messages: [], words: ['Agenten och kontot, utrymme och databasen'] },
        ],
        [{ slug: 'read-run-codes', title: 'Läs en felkod', words: ['Läs felkoden när du kör en profil'] }],
      ),
    );
    const firstIn = (q: string) => slugs(readPaste(q, index, parts).candidates)[0];
    // The paste's compounds meet the pages' words: diskutrymme is disk and utrymme,
    // hanteringsagenten is hantering and agent, körfelkoder is kör and felkoder.
    expect(firstIn('loggen visar slut på diskutrymme för databasen')).toBe('stopped-server');
    expect(firstIn('hanteringsagenten nekades åtkomst')).toBe('access-denied');
    expect(firstIn('titta i tabellen med körfelkoder')).toBe('read-run-codes');
  });
  it('weighs the words of a page title above the same words in another page’s body', () => {
    const two = unpackMessages(
      packMessages(
        [
          // Listed first and shorter: without the title's weight this page would win.
          {
            slug: 'duplicate-anchor',
            messages: [],
            titles: ['A search failed'],
            words: ['A search failed', 'The account could not read a container'],
          },
          {
            slug: 'permission-issue',
            messages: [],
            titles: ['The account may not read a container'],
            words: ['The account may not read a container', 'Rights are missing on the connected directory'],
          },
          { slug: 'success', messages: [], words: ['Widgets and gadgets'] },
        ],
        [],
      ),
    );
    const r = readPaste('the account may not read a container, say the widgets', index, two);
    expect(slugs(r.candidates).slice(0, 2)).toEqual(['permission-issue', 'duplicate-anchor']);
  });
  it('scores page words by how well they match, not by the kind of page', () => {
    const same = ['Read the run error codes in the table'];
    const mixed = unpackMessages(
      packMessages(
        [
          { slug: 'permission-issue', messages: [], words: same, titles: same },
          { slug: 'sync-event-6301', messages: [], words: same, titles: same },
          { slug: 'success', messages: [], words: ['Widgets and gadgets'] },
        ],
        [{ slug: 'read-run-codes', title: same[0]!, words: same }],
      ),
    );
    const r = readPaste('read the run error codes table, say the widgets', index, mixed);
    const score = (slug: string) => r.candidates.find((c) => slugs([c])[0] === slug)?.score;
    // An object error and a step with the same words score the same; a wrapper yields.
    expect(score('permission-issue')).toBeDefined();
    expect(score('permission-issue')).toBe(score('read-run-codes'));
    expect(score('sync-event-6301')!).toBeLessThan(score('permission-issue')!);
  });
  it('never answers nothing for text the site has a word for, and nothing for text it has none for', () => {
    const r = readPaste('we only see the word containers in the log', index, pages);
    expect(slugs(r.candidates)).toEqual(['permission-issue']);
    expect(r.candidates[0]?.reason.kind).toBe('text');
    expect(readPaste('lorem ipsum dolor sit amet', index, pages).candidates).toEqual([]);
  });
});

describe('hostile input', () => {
  it('treats Object.prototype names as ordinary keys, in a query, a paste and an alias', () => {
    expect(first('constructor')).toBe('constructor');
    expect(first('__proto__')).toBe('constructor');
    expect(first('hasOwnProperty')).toBe('constructor');
    for (const q of ['toString', 'valueOf', 'isPrototypeOf', '<x>constructor</x>', 'prototype'])
      expect(() => read(q)).not.toThrow();
    expect(slugs(read('the run failed with <x>toString</x> and "__defineGetter__"').candidates)).toEqual([]);
  });
  it('answers the probe’s worst inputs correctly (timings are in bench/)', () => {
    const worst = [
      '\u2026'.repeat(9999) + 'x',
      '\uFE19'.repeat(9999) + 'x',
      '\u2177'.repeat(10000),
      '\u3389'.repeat(10000),
      'event' + ' '.repeat(9995) + 'x',
      'event' + '\u3000'.repeat(9995) + 'x',
      'event' + ' -'.repeat(4997) + 'x',
      ')'.repeat(9999) + 'x',
      '.'.repeat(9999) + 'x',
      'a-'.repeat(5000),
      '0x-'.repeat(3333),
      '>' + 'a'.repeat(9999),
      '\uFDFA'.repeat(10000),
    ];
    for (const w of worst) {
      const r = read(w);
      expect(r.input.length).toBeLessThanOrEqual(MAX_QUERY);
      expect(r.candidates.filter((c) => c.reason.kind !== 'didYouMean')).toEqual([]);
    }
  });
  it('applies the length limit after Unicode normalization', () => {
    const { input, truncated } = prepareQuery('\u2026'.repeat(9999) + 'x');
    expect(input.length).toBe(MAX_QUERY);
    expect(truncated).toBe(true);
    expect(prepareQuery('x'.repeat(MAX_QUERY)).truncated).toBe(false);
  });
  it('reads at most 10,000 characters and says so', () => {
    const r = read('x'.repeat(MAX_QUERY + 500) + ' stopped-server');
    expect(r.truncated).toBe(true);
    expect(r.candidates).toEqual([]);
  });
  it('returns nothing for empty input, emoji or markup alone', () => {
    expect(read('').candidates).toEqual([]);
    expect(read('🔥🔥').candidates).toEqual([]);
    expect(read('<script>alert(1)</script>').candidates).toEqual([]);
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

describe('packed and sharded maps', () => {
  it('round-trips the map through the packed form the browser downloads', () => {
    const packed = packIndex(index);
    expect(unpackIndex(packed)).toEqual(index);
    expect(packed.e.find((r) => r[0] === 'stopped-server')).toEqual([
      'stopped-server',
      0,
      'Title of stopped-server',
    ]);
    // Flags: 2 wrapper, 4 Entra Connect only.
    expect(packed.e.find((r) => r[0] === '6301')?.[5]).toBe(2);
    expect(packed.e.find((r) => r[0] === '109')?.[5]).toBe(4);
  });
  it('rejects a map that is not one, with a clear message', () => {
    expect(() => unpackIndex({} as never)).toThrow(/not a packed index/);
    expect(() => unpackMessages({} as never)).toThrow(/not a packed message index/);
  });
  it('puts each code in the shard of its first character and finds exact hits there', () => {
    const shards = shardIndex(index);
    expect(lookupExact('6025', shards.get(shardOf('6025'))!).exact.map((e) => e.s)).toEqual([
      'pcns-event-6025',
      'other-event-6025',
    ]);
    expect(lookupExact('0x8023063D', shards.get('0')!).exact.map((e) => e.s)).toEqual(['0x8023063d']);
    expect(
      lookupExact(
        'Det gick inte = anslutning',
        shards.get(shardOf(exactKey('Det gick inte = anslutning')))!,
      ).exact.map((e) => e.s),
    ).toEqual(['failed-connection']);
  });
  it('answers the same exact hits from a shard as from the whole map, for every key', () => {
    const shards = shardIndex(index);
    for (const key of index.keys.keys())
      expect(
        lookupExact(key, shards.get(shardOf(key))!).exact.map((e) => e.s),
        key,
      ).toEqual(lookupExact(key, index).exact.map((e) => e.s));
  });
  it('maps every key to one of the shard files the build writes', () => {
    for (const key of ['6025', '0x8023063d', 'stopped-server', 'zz', '', 'ärende', '-x', '__proto__'])
      expect(SHARDS).toContain(shardOf(key));
  });
});
