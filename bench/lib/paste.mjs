/**
 * Part 5: what reading a pasted text costs: the bytes the message index adds (fetched only for
 * pasted text) and the main-thread time of one read, in Node and in Chromium, for the reader as
 * it is (src/lib/paste.ts: readPaste) and as it was before (the probe's revision, whose UI ran
 * normalizeCode + lookupExact + lookup on every keystroke, three normalizations each time).
 *
 * Inputs: the worst cases of the reliability probe (reviews/reliability-probe.md), a few of our
 * own, and a realistic 10,000-character paste of Event Viewer entries. Medians of repeated runs;
 * nothing here asserts (the results are asserted, never the time, in tests/unit/lookup.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { gzipBytes, median } from './browser.mjs';
import { ROOT, TMP } from './paths.mjs';
import { EVENT_VIEWER_6025 } from './search.mjs';

/** The revision the reliability probe measured (before the reader). */
export const BEFORE_REV = '13f4b06';

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
];

/** Bundles the reader as it is and as it was into two browser scripts (globals After, Before). */
async function bundles() {
  const dir = path.join(TMP, 'paste-bench');
  const before = path.join(dir, 'before');
  mkdirSync(before, { recursive: true });
  for (const f of ['codes.ts', 'hresult.ts', 'lookup.ts'])
    writeFileSync(
      path.join(before, f),
      execFileSync('git', ['show', `${BEFORE_REV}:src/lib/${f}`], { cwd: ROOT, encoding: 'utf8' }),
    );
  const bundle = async (contents, resolveDir, globalName) =>
    (
      await build({
        stdin: { contents, resolveDir, loader: 'ts' },
        bundle: true,
        format: 'iife',
        globalName,
        write: false,
        target: 'es2022',
        logLevel: 'silent',
      })
    ).outputFiles[0].text;
  const after = await bundle(
    `export { unpackIndex, lookupExact, prepareQuery, exactKey } from './lookup';
     export { readPaste, unpackMessages } from './paste';`,
    path.join(ROOT, 'src/lib'),
    'After',
  );
  const beforeJs = await bundle(
    `export { unpackIndex, lookupExact, lookup } from './lookup';
     export { normalizeCode } from './codes';`,
    before,
    'Before',
  );
  return { after, before: beforeJs };
}

/**
 * One read as each UI does it. After: once per settled input, the exact tier then readPaste with
 * the message index. Before: what lookup-ui did per input event (normalizeCode, lookupExact, lookup).
 */
const harness = `
globalThis.__pasteBench = (data, inputs, runs) => {
  const aIndex = After.unpackIndex(data.index);
  const aMsgs = After.unpackMessages(data.messages);
  const bIndex = Before.unpackIndex(data.index);
  const after = (q) => {
    const { input } = After.prepareQuery(q);
    After.lookupExact(input, aIndex);
    return After.readPaste(q, aIndex, aMsgs).candidates.length;
  };
  const before = (q) => {
    Before.normalizeCode(q.slice(0, 10000));
    Before.lookupExact(q, bIndex);
    return Before.lookup(q, bIndex).found.length;
  };
  const time = (f, q) => {
    const xs = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      f(q);
      xs.push(performance.now() - t);
    }
    xs.sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  };
  return inputs.map((q) => ({ after: time(after, q), before: time(before, q), candidates: after(q) }));
};`;

export async function measurePaste(browser, dist, { runs = 5, log = () => {} } = {}) {
  const read = (p) => readFileSync(path.join(dist, p));
  const files = {
    messages: read('lookup-messages.json'),
    index: read('lookup-index.json'),
    shard6: read('lookup-index/6.json'),
  };
  const bytes = Object.fromEntries(
    Object.entries(files).map(([k, b]) => [k, { raw: b.length, gzip: gzipBytes(b) }]),
  );
  const data = { index: JSON.parse(files.index), messages: JSON.parse(files.messages) };
  const { after, before } = await bundles();
  const inputs = PASTE_INPUTS.map(([, q]) => q);

  log('  Node');
  // Evaluate the same bundles in this process, so Node and Chromium run identical code.
  const node = new Function(`${after}\n${before}\n${harness}\nreturn globalThis.__pasteBench;`)()(
    data,
    inputs,
    runs,
  );
  log('  Chromium');
  const page = await browser.newPage();
  await page.setContent('<!doctype html><title>paste bench</title>');
  await page.addScriptTag({ content: `${after}\n${before}\n${harness}` });
  const chromium = await page.evaluate(([d, q, r]) => globalThis.__pasteBench(d, q, r), [data, inputs, runs]);
  await page.close();
  const rows = PASTE_INPUTS.map(([label, q], i) => ({
    label,
    length: q.length,
    normalized: q.normalize('NFKC').length,
    candidates: node[i].candidates,
    node: { before: node[i].before, after: node[i].after },
    chromium: { before: chromium[i].before, after: chromium[i].after },
  }));
  const worst = (side, env) => Math.max(...rows.map((r) => r[env][side]));
  return {
    runs,
    beforeRev: BEFORE_REV,
    bytes,
    rows,
    worst: {
      node: { before: worst('before', 'node'), after: worst('after', 'node') },
      chromium: { before: worst('before', 'chromium'), after: worst('after', 'chromium') },
    },
    realistic: rows[0],
    medianAfterChromium: median(rows.map((r) => r.chromium.after)),
  };
}
