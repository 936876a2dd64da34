/**
 * The inputs of part 5: the worst cases of the reliability probe (reviews/reliability-probe.md:
 * U+FDFA and other characters NFKC multiplies, runs of punctuation and of '-_='), a few of our
 * own, and a realistic 10,000-character paste of Event Viewer entries.
 */
import { EVENT_VIEWER_6025 } from './search.mjs';

const SYNC_6309 = [
  'Log Name:      Application',
  'Source:        FIMSynchronizationService',
  'Date:          10/17/2016 5:38:58 PM',
  'Event ID:      6309',
  'Task Category: Server',
  'Level:         Error',
  'Keywords:      Classic',
  'User:          N/A',
  'Computer:      mim01.contoso.com',
  'Description:',
  'The server encountered an unexpected error while performing an operation for a management agent.',
  '"BAIL: MMS(39888): ..\\ma.cpp(3781): 0x80070002 (The system cannot find the file specified.)',
  'Forefront Identity Manager 4.3.1935.0"',
].join('\r\n');

function realisticPaste() {
  const parts = [];
  let s = '';
  for (let i = 0; s.length < 10_000; i++) {
    parts.push(i % 2 ? EVENT_VIEWER_6025 : SYNC_6309);
    s = parts.join('\r\n\r\n');
  }
  return s.slice(0, 10_000);
}

/** [label, input] */
export const PASTE_INPUTS = [
  ['realistic: Event Viewer entries pasted together, 10,000 characters', realisticPaste()],
  ['"…" (U+2026) × 9,999 + "x" (NFKC → 29,998 dots)', '\u2026'.repeat(9999) + 'x'],
  ['U+FE19 × 9,999 + "x"', '\uFE19'.repeat(9999) + 'x'],
  ['"ⅷ" (U+2177) × 10,000 (NFKC → 40,000 letters)', '\u2177'.repeat(10_000)],
  ['"㎉" (U+3389) × 10,000', '\u3389'.repeat(10_000)],
  ['"event" + 9,995 spaces + "x"', 'event' + ' '.repeat(9995) + 'x'],
  ['"event" + U+3000 × 9,995 + "x"', 'event' + '\u3000'.repeat(9995) + 'x'],
  ['"event" + " -" × 4,997 + "x"', 'event' + ' -'.repeat(4997) + 'x'],
  ['")" × 9,999 + "x"', ')'.repeat(9999) + 'x'],
  ['"." × 9,999 + "x"', '.'.repeat(9999) + 'x'],
  ['">" + "a" × 9,999', '>' + 'a'.repeat(9999)],
  ['"a-" × 5,000', 'a-'.repeat(5000)],
  ['"0x-" × 3,333', '0x-'.repeat(3333)],
  ['"error " × 1,666 (event-ID context everywhere)', 'error '.repeat(1666)],
  ['"6025 " × 2,000 (numbers everywhere)', '6025 '.repeat(2000)],
  ['"stopped server " × 666 (code words everywhere)', 'stopped server '.repeat(666)],
  ['"a-b " × 2,500 (near misses everywhere)', 'a-b '.repeat(2500)],
  ['U+FDFA × 10,000 (NFKC → 180,000)', '\uFDFA'.repeat(10_000)],
  ['"constructor __proto__ toString " × 300', 'constructor __proto__ toString '.repeat(300)],
  ['"-_=" × 3,333 + "x"', '-_='.repeat(3333) + 'x'],
  ['"stopped" + "-_=" × 3,330 + "server"', 'stopped' + '-_='.repeat(3330) + 'server'],
  ['"-" × 9,999 + "x"', '-'.repeat(9999) + 'x'],
  ['"6025" + " -_= " × 1,998', '6025' + ' -_= '.repeat(1998)],
];

/** The inputs also pasted into the lookup page (each costs a few seconds of page time per run). */
export const PAGE_INPUTS = new Set([0, 1, 3, 5, 9, 16, 17, 19, 20, 21]);
