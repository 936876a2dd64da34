/**
 * Part 5: what reading a pasted text costs: the bytes the message index adds (fetched only for
 * pasted text) and the main-thread time of one read, for the reader as it is (src/lib/paste.ts:
 * readPaste) and as it was before (main at BEFORE_REV, whose UI ran normalizeCode + lookupExact +
 * lookup on every keystroke, three normalizations each time). Measured two ways:
 *
 *   - the pure functions, bundled, in Node and in a blank Chromium page;
 *   - the lookup page itself, in Chromium: the text is pasted into /lookup/ of the built site (and
 *     of a build of BEFORE_REV) and the renderer's main-thread time (CDP Performance.getMetrics
 *     TaskDuration) is summed from the paste until the page has settled (results rendered, full
 *     text included, network idle), with the longest task the Long Tasks API saw.
 *
 * Inputs: the worst cases of the reliability probe (reviews/reliability-probe.md: U+FDFA and other
 * characters NFKC multiplies, runs of punctuation and of '-_='), a few of our own, and a realistic
 * 10,000-character paste of Event Viewer entries. Medians of repeated runs; nothing here asserts
 * (the results are asserted, never the time, in tests/unit/lookup.test.ts and lookup-worst.test.ts).
 */
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { gzipBytes, median } from './browser.mjs';
import { ROOT, TMP } from './paths.mjs';
import { build as buildSite, serve } from './site.mjs';
import { EVENT_VIEWER_6025 } from './search.mjs';

/**
 * Main before the reader landed. Its src/lib/{codes,hresult,lookup}.ts are those of 13f4b06, the
 * revision the reliability probe measured.
 */
export const BEFORE_REV = 'b58bab9';

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
const PAGE_INPUTS = new Set([0, 1, 3, 5, 9, 16, 17, 19, 20, 21]);

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

/** bench/tmp/site-<rev>/: the project as it was at `rev` (code and content), built like makeSite's. */
function makeSiteAt(rev) {
  const dir = path.join(TMP, `site-${rev}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = 'astro.config.mjs package.json tsconfig.json published-urls.txt src public content scripts';
  execSync(`git archive ${rev} ${paths} | tar -x -C "${dir}"`, { cwd: ROOT });
  execSync(`mv astro.config.mjs astro.config.project.mjs`, { cwd: dir });
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "// Benchmark wrapper: the project's config, with Astro's cache kept inside this folder.\n" +
      "import config from './astro.config.project.mjs';\nexport default { ...config, cacheDir: './.astro-cache' };\n",
  );
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Pastes each input into the lookup page at `url` and returns, per input, the median main-thread
 * time (ms) from the paste until the page settles, and the longest task seen in any run.
 */
async function readOnPage(browser, url, inputs, runs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  await page.evaluate(() => {
    globalThis.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) globalThis.__long.push(e.duration);
    }).observe({ type: 'longtask' });
    globalThis.__changed = 0;
    new MutationObserver(() => (globalThis.__changed = performance.now())).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  // The box of the page's own lookup (a textarea now, an input before).
  const paste = (q) =>
    page.evaluate((text) => {
      const box = document.querySelector('mim-lookup[data-mode="page"] :is(textarea, input)');
      globalThis.__changed = 0;
      globalThis.__long = [];
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, q);
  // Settled: the page changed, then nothing changed for 400 ms and the network is idle.
  const settle = async () => {
    await page
      .waitForFunction(
        () => globalThis.__changed > 0 && performance.now() - globalThis.__changed > 400,
        null,
        {
          polling: 100,
          timeout: 20_000,
        },
      )
      .catch(() => undefined);
    await page.waitForLoadState('networkidle');
  };
  // Warm up: the lookup code, the map, the message index and Pagefind are loaded once, as after
  // a first paste; what is measured is the reading itself.
  await paste(inputs[0]);
  await settle();
  await paste('tempdb autogrowth');
  await settle();
  const out = [];
  for (const q of inputs) {
    const xs = [];
    let longest = 0;
    for (let i = 0; i < runs; i++) {
      await paste('');
      await settle();
      const t0 = await taskMs();
      await paste(q);
      await settle();
      xs.push((await taskMs()) - t0);
      longest = Math.max(longest, ...(await page.evaluate(() => globalThis.__long)));
    }
    out.push({ mainThreadMs: median(xs), longestTaskMs: longest });
  }
  await context.close();
  return out;
}

/** The lookup page of the built site (after) and of a build of BEFORE_REV (before). */
async function measurePages(browser, dist, inputs, runs, log) {
  log(`  Chromium, the lookup page: this build, then ${BEFORE_REV}`);
  const after = await serve(dist);
  let afterRows;
  try {
    afterRows = await readOnPage(browser, after.url('lookup/'), inputs, runs);
  } finally {
    await after.close();
  }
  const dir = makeSiteAt(BEFORE_REV);
  const b = await buildSite(dir, { log });
  if (!b.ok) throw new Error(`The build of ${BEFORE_REV} failed:\n${b.outputTail}`);
  const before = await serve(path.join(dir, 'dist'));
  let beforeRows;
  try {
    beforeRows = await readOnPage(browser, before.url('lookup/'), inputs, runs);
  } finally {
    await before.close();
  }
  return inputs.map((_, i) => ({ after: afterRows[i], before: beforeRows[i] }));
}

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
  const worstPage = (side) => Math.max(...onPage.map((r) => r.page[side].mainThreadMs));
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
