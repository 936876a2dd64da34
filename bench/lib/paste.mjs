/**
 * Part 5: what reading a pasted text costs: the bytes the message index adds (fetched only for
 * pasted text) and the main-thread time of one read, for the reader as it is (src/lib/paste.ts:
 * readPaste) and as it was before (main at BEFORE_REV, whose UI ran normalizeCode + lookupExact +
 * lookup on every keystroke, three normalizations each time). Measured two ways:
 *
 *   - the pure functions, bundled, in Node and in a blank Chromium page;
 *   - the lookup page itself, in Chromium: the text is pasted into /lookup/ of the built site (and
 *     of a build of BEFORE_REV) and the renderer main thread's tasks are summed from a trace, from
 *     the paste until the page has settled (results rendered, full text included, network idle),
 *     as wall time and as the thread's CPU time (trace.mjs), with the longest task.
 *
 * The inputs are in paste-inputs.mjs, the page measurement in paste-page.mjs. Medians of
 * repeated runs; nothing here asserts (the results are asserted, never the time, in
 * tests/unit/lookup.test.ts and lookup-worst.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { gzipBytes, median } from './browser.mjs';
import { ROOT, TMP } from './paths.mjs';
import { PAGE_INPUTS, PASTE_INPUTS } from './paste-inputs.mjs';
import { BEFORE_REV, measurePages } from './paste-page.mjs';

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
  // In Node, the process's CPU time (what the read cost, whatever the machine's load); in a
  // page, wall time (a page has no CPU clock).
  const now =
    typeof process === 'object' && typeof process.cpuUsage === 'function'
      ? () => {
          const u = process.cpuUsage();
          return (u.user + u.system) / 1000;
        }
      : () => performance.now();
  const time = (f, q) => {
    const xs = [];
    for (let i = 0; i < runs; i++) {
      const t = now();
      f(q);
      xs.push(now() - t);
    }
    xs.sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  };
  return inputs.map((q) => ({ after: time(after, q), before: time(before, q), candidates: after(q) }));
};`;

export async function measurePaste(browser, dist, { runs = 5, pageRuns = 3, log = () => {} } = {}) {
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
  const pageIdx = PASTE_INPUTS.map((_, i) => i).filter((i) => PAGE_INPUTS.has(i));
  const pages = await measurePages(
    browser,
    dist,
    pageIdx.map((i) => PASTE_INPUTS[i][1]),
    pageRuns,
    log,
  );
  pageIdx.forEach((i, k) => (rows[i].page = pages[k]));
  const worst = (side, env) => Math.max(...rows.map((r) => r[env][side]));
  const onPage = rows.filter((r) => r.page);
  const worstPage = (side) => Math.max(...onPage.map((r) => r.page[side].mainThreadCpuMs));
  return {
    runs,
    pageRuns,
    beforeRev: BEFORE_REV,
    bytes,
    rows,
    worst: {
      node: { before: worst('before', 'node'), after: worst('after', 'node') },
      chromium: { before: worst('before', 'chromium'), after: worst('after', 'chromium') },
      page: { before: worstPage('before'), after: worstPage('after') },
    },
    realistic: rows[0],
    medianAfterChromium: median(rows.map((r) => r.chromium.after)),
  };
}
