/**
 * The worst inputs of the benchmark (bench/lib/paste.mjs: the reliability probe's, runs of '-_=',
 * a realistic 10,000-character paste) read against the real catalog with its message index, as
 * the lookup page reads them. Results only: their times are in bench/RESULTS.md, never here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { codeSchema } from '../../src/schemas/code';
import { buildLookupIndex, MAX_QUERY } from '../../src/lib/lookup';
import { codeWords, packMessages, readPaste, unpackMessages, type Candidate } from '../../src/lib/paste';

const root = path.resolve(import.meta.dirname, '../..');
const codes = (
  readdirSync(path.join(root, 'content/codes'), { recursive: true, encoding: 'utf8' }) as string[]
)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({
    slug: path.basename(f, '.yaml'),
    data: codeSchema.parse(parse(readFileSync(path.join(root, 'content/codes', f), 'utf8'))),
  }));
const index = buildLookupIndex(
  codes.map((c) => ({
    slug: c.slug,
    code: c.data.code,
    kind: c.data.kind,
    title: c.data.title.en,
    eventSource: c.data.eventSource,
    aliases: c.data.aliases,
    uncertain: c.data.uncertain,
    wrapper: c.data.wrapper,
    onlyIn: c.data.onlyIn,
  })),
);
const messages = unpackMessages(
  packMessages(
    codes.map((c) => ({ slug: c.slug, messages: c.data.messages, words: codeWords(c) })),
    [],
  ),
);
const read = (q: string) => readPaste(q, index, messages);
const slugs = (cs: Candidate[]) =>
  cs.map((c) => (c.target.type === 'code' ? c.target.entry.s : c.target.type));

const PCNS_6025 = [
  'Log Name:      Application',
  'Source:        PCNSSVC',
  'Date:          26/11/2026 09:14:02',
  'Event ID:      6025',
  'Level:         Error',
  'Computer:      DC01.contoso.com',
  'Description:',
  'Password Change Notification Service was unable to deliver a password notification to the target "MIMSync". The target could not be authenticated.',
].join('\r\n');
const SYNC_6309 = [
  'Log Name:      Application',
  'Source:        FIMSynchronizationService',
  'Date:          10/17/2016 5:38:58 PM',
  'Event ID:      6309',
  'Level:         Error',
  'Description:',
  'The server encountered an unexpected error while performing an operation for a management agent.',
  '"BAIL: MMS(39888): ..\\ma.cpp(3781): 0x80070002 (The system cannot find the file specified.)',
  'Forefront Identity Manager 4.3.1935.0"',
].join('\r\n');

describe('the benchmark’s worst inputs, read against the real catalog', () => {
  it('finds no code in 10,000 characters of punctuation, U+FDFA or runs of "-_="', () => {
    for (const q of [
      '\uFDFA'.repeat(10_000),
      '-_='.repeat(3333) + 'x',
      '-'.repeat(9999) + 'x',
      '='.repeat(5000) + '_'.repeat(5000),
      '\u2026'.repeat(9999) + 'x',
    ]) {
      const r = read(q);
      expect(r.input.length, q.slice(0, 9)).toBeLessThanOrEqual(MAX_QUERY);
      expect(r.candidates.filter((c) => c.reason.kind !== 'didYouMean' && c.reason.kind !== 'text')).toEqual(
        [],
      );
      expect(r.hresults).toEqual([]);
    }
  });
  it('does not join two words across a run of separators thousands of characters long', () => {
    const r = read('stopped' + '-_='.repeat(3330) + 'server');
    expect(slugs(r.candidates)).not.toContain('stopped-server');
  });
  it('still reads an event ID followed by a long run of separators', () => {
    expect(slugs(read('6025' + ' -_= '.repeat(1998)).candidates)[0]).toBe('pcns-event-6025');
  });
  it('reads a 10,000-character paste of Event Viewer entries: both events and the HRESULT', () => {
    const parts: string[] = [];
    while (parts.join('\r\n\r\n').length < MAX_QUERY) parts.push(parts.length % 2 ? PCNS_6025 : SYNC_6309);
    const r = read(parts.join('\r\n\r\n').slice(0, MAX_QUERY));
    const found = slugs(r.candidates);
    expect(found).toEqual(expect.arrayContaining(['pcns-event-6025', 'sync-event-6309', '0x80070002']));
    // The HRESULT (the cause) comes before the generic wrapper event 6309 that reports it.
    expect(found.indexOf('0x80070002')).toBeLessThan(found.indexOf('sync-event-6309'));
    expect(r.hresults.map((h) => h.hex)).toEqual(['0x80070002']);
    expect(r.truncated).toBe(false);
  });
});
