/**
 * A crash event that Windows logs for any program (Application Error 1000) and a page about one
 * process (`faultingApplication` in content): the lookup answers with the page only when the paste
 * names that process, or names none.
 */
import { describe, expect, it } from 'vitest';
import { buildLookupIndex, packIndex, unpackIndex } from '../../src/lib/lookup';
import { src } from './index-source';
import { packMessages, readPaste, unpackMessages } from '../../src/lib/paste';
import { codeFile, schemaIssues } from './code-file';

const index = buildLookupIndex([
  src('app-event-1000', '1000', 'event-id', {
    eventSource: 'Application Error',
    faultingApplication: 'miiserver.exe',
  }),
  src('sync-event-6301', '6301', 'event-id', { eventSource: 'FIMSynchronizationService' }),
]);
const messages = unpackMessages(
  packMessages(
    [
      {
        slug: 'app-event-1000',
        messages: ['Faulting application name: miiserver.exe, version: …'],
        words: [],
      },
    ],
    [],
  ),
);
const kinds = (text: string) =>
  readPaste(text, index, messages)
    .candidates.filter((c) => c.target.type === 'code' && c.target.entry.s === 'app-event-1000')
    .map((c) => c.reason.kind);
const entry = (app: string) =>
  `Log Name: Application\nSource: Application Error\nEvent ID: 1000\nDescription: Faulting application name: ${app}, version: 3.0.68.0, time stamp: 0x5965450e Faulting module name: ntdll.dll`;

describe('a crash event page about one process', () => {
  it('answers a crash of that process, by event and by message, whatever the case', () => {
    expect(kinds(entry('miiserver.exe'))).toEqual(['event']);
    expect(kinds(entry('MIIServer.exe'))).toEqual(['event']);
    expect(
      kinds('Faulting application name: miiserver.exe, version: 4.6.607.0, time stamp: 0x61f42347'),
    ).toEqual(['message']);
  });
  it('still answers an event 1000 that names no application', () => {
    expect(kinds('Source: Application Error Event ID: 1000 the sync service stopped')).toEqual(['event']);
  });
  it('is no answer when the paste names another faulting application', () => {
    expect(kinds(entry('Microsoft.Identity.AadConnect.Health.AadSync.Host.exe'))).toEqual([]);
    expect(kinds(entry('miiserver.exe.bak'))).toEqual([]);
  });
  it('does not touch other events in the same paste', () => {
    const r = readPaste(`${entry('notepad.exe')}\nEvent ID: 6301`, index, messages);
    expect(r.candidates.map((c) => (c.target.type === 'code' ? c.target.entry.s : ''))).toContain(
      'sync-event-6301',
    );
  });
  it('keeps the process through the packed map the browser downloads', () => {
    const packed = packIndex(index);
    expect(packed.e[0]?.[7]).toBe('miiserver.exe');
    expect(packed.e[1]?.length).toBeLessThan(7);
    expect(unpackIndex(packed)).toEqual(index);
  });
});

describe('faultingApplication in content', () => {
  const data = codeFile('event-id/app-event-1000.yaml');
  const issues = schemaIssues;
  it('is the program file name the event prints', () => {
    expect(issues(data)).toEqual([]);
    expect(issues({ ...data, faultingApplication: 'the sync engine' })).toEqual([
      expect.stringMatching(/^faultingApplication: .*Faulting application name:.*miiserver\.exe/),
    ]);
  });
  it('belongs to an event ID only', () => {
    expect(issues({ ...data, kind: 'run-status', eventSource: undefined })).toContain(
      'faultingApplication: faultingApplication is for an event-id (Application Error 1000): remove it or fix kind',
    );
  });
});

describe('versions in a crash entry', () => {
  const builds = (text: string) =>
    readPaste(text, index, messages).candidates.flatMap((c) =>
      c.target.type === 'versions' ? [c.target.version] : [],
    );
  const crash = (module: string, version: string) =>
    `Faulting application name: miiserver.exe, version: 4.6.607.0, time stamp: 0x61f42347 Faulting module name: ${module}, version: ${version}, time stamp: 0x59153753 Exception code: 0xc0000005`;
  it('does not read a Windows module version as a build', () => {
    expect(builds(crash('ntdll.dll', '6.3.9600.18696'))).toEqual(['4.6.607.0']);
    expect(builds(crash('KERNELBASE.dll', '6.1.7601.24545'))).toEqual(['4.6.607.0']);
    expect(builds(crash('ntdll.dll', '10.0.14393.2248'))).toEqual(['4.6.607.0']);
  });
  it('still reads the application version and a product module version in the same entry', () => {
    expect(builds(crash('mmsmaext.dll', '4.6.607.0'))).toEqual(['4.6.607.0']);
    expect(builds(crash('Lithnet.GoogleApps.dll', '1.1.1301.0')).sort()).toEqual(['1.1.1301.0', '4.6.607.0']);
  });
  it('reads the build of a crash entry that names no module', () => {
    expect(builds('Faulting application name: miiserver.exe, version: 4.4.1459.0')).toEqual(['4.4.1459.0']);
  });
});
