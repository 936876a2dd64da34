#!/usr/bin/env node
/**
 * `npm run bench`: measures the site and writes bench/results.json and bench/RESULTS.md.
 *
 *   1. page weight per page type (gzip bytes of HTML, CSS and script loaded before interaction)
 *   2. search cost in Chromium (bytes and time to the first visible result), beside Pagefind's UI
 *   3. build scaling: the real catalog and synthetic catalogs of 1,000 and 10,000 codes
 *   4. Lighthouse scores for home, a step, a code page and the lookup page
 *   5. pasted text: the message index's bytes and the reader's main-thread time, before and after
 *
 * Everything is built and served from bench/tmp/ (git-ignored): cold builds of a copy of the
 * project, served by scripts/serve.mjs. Timings are medians of repeated runs; the machine is
 * recorded beside every part. Nothing here asserts: the byte budgets are tested in
 * tests/e2e/budgets.spec.ts, and timings never are.
 *
 * Options:
 *   --only weight,search,scaling,lighthouse,paste   run some parts; the others are kept from results.json
 *   --paste-runs N (3)  --paste-page-runs N (3)  --search-runs N (21)  --build-runs N (3)  --lighthouse-runs N (3)  --weight-runs N (3)
 *   --sizes real,1k,10k   catalog sizes for part 3
 *   --keep                keep the synthetic catalogs and their builds in bench/tmp/
 *   --report-only         only write bench/RESULTS.md again from bench/results.json
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH, ROOT, TMP } from './lib/paths.mjs';
import { machine } from './lib/machine.mjs';
import { launchChromium } from '../scripts/chromium.mjs';
import { build, makeSite, serve, freePort } from './lib/site.mjs';
import { measureWeight } from './lib/weight.mjs';
import { bootScriptsFrom, measureSearch, writePagefindUiPage } from './lib/search.mjs';
import { measureSize, SIZES } from './lib/scaling.mjs';
import { measureLighthouse } from './lib/lighthouse.mjs';
import { measurePaste } from './lib/paste.mjs';
import { renderReport } from './lib/report.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const PARTS = ['weight', 'search', 'scaling', 'lighthouse', 'paste'];
const only = new Set((opt('only', PARTS.join(',')) ?? '').split(',').filter(Boolean));
for (const p of only)
  if (!PARTS.includes(p)) throw new Error(`--only: unknown part "${p}" (one of ${PARTS.join(', ')})`);
const sizes = (opt('sizes', SIZES.map((s) => s.key).join(',')) ?? '').split(',');
const n = (name, d) => Number(opt(name, d));
const keep = args.includes('--keep');

const major = Number(process.versions.node.split('.')[0]);
if (major < 22)
  console.warn(
    `Node ${process.version}: Astro 7 and Lighthouse need Node 22; run this through "npm run bench", which uses the project's Node 22.`,
  );

const log = (s) => console.log(s);
const resultsMd = path.join(BENCH, 'RESULTS.md');
/** RESULTS.md from results, keeping the analyzer's section (bench/analyze.mjs writes it). */
const writeReport = (r) => {
  const old = existsSync(resultsMd) ? readFileSync(resultsMd, 'utf8') : '';
  const analyze = /<!-- analyze:start[\s\S]*?<!-- analyze:end -->/.exec(old)?.[0];
  writeFileSync(resultsMd, renderReport(r, { analyze }));
};
const resultsFile = path.join(BENCH, 'results.json');
const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
mkdirSync(TMP, { recursive: true });

if (args.includes('--report-only')) {
  writeReport(previous);
  console.log('Wrote bench/RESULTS.md from bench/results.json');
  process.exit(0);
}

const browser = await launchChromium();
const m = machine(browser.version());
const results = {
  _generated: 'by `npm run bench` (bench/run.mjs); do not edit, run it again',
  ...previous,
  generatedAt: new Date().toISOString(),
  command: 'npm run bench',
  machine: m,
};
log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, Chromium ${m.chromium}`);

const started = performance.now();
try {
  // The real catalog's site: built (and timed) by part 3, or built once here for the other parts.
  const realPort = await freePort();
  let realDir = path.join(TMP, 'site-real');
  if (only.has('scaling')) {
    results.scaling = { machine: machine(m.chromium), sizes: {} };
    log('Part 3: build scaling');
    for (const key of sizes) {
      const size = SIZES.find((s) => s.key === key);
      if (!size) throw new Error(`--sizes: unknown size "${key}"`);
      const runs = n('build-runs', 3);
      const { result, dir } = await measureSize(browser, size, {
        runs,
        keep,
        log,
        siteUrlPort: key === 'real' ? realPort : undefined,
        timeoutMs: 20 * 60_000,
      });
      results.scaling.sizes[key] = result;
      if (key === 'real') realDir = dir;
      writeFileSync(resultsFile, JSON.stringify(results, null, 1) + '\n');
    }
  }
  const needSite = ['weight', 'search', 'lighthouse', 'paste'].some((p) => only.has(p));
  if (needSite && !(only.has('scaling') && sizes.includes('real'))) {
    log('Building the real catalog once (not timed)');
    realDir = makeSite('real', path.join(ROOT, 'content'));
    const r = await build(realDir, { env: { SITE_URL: `http://localhost:${realPort}` }, log });
    if (!r.ok) throw new Error(`The build failed:\n${r.outputTail}`);
  }
  if (needSite) {
    const dist = path.join(realDir, 'dist');
    // Canonical links were built for this origin, so Lighthouse sees them as same-site.
    const server = await serve(dist, { port: realPort });
    try {
      if (only.has('weight')) {
        log('Part 1: page weight');
        results.weight = {
          machine: machine(m.chromium),
          ...(await measureWeight(browser, server, { runs: n('weight-runs', 3), log })),
        };
      }
      if (only.has('search')) {
        log('Part 2: search cost');
        writePagefindUiPage(dist);
        const bootScripts = bootScriptsFrom(results.weight?.pages?.home);
        results.search = {
          machine: machine(m.chromium),
          ...(await measureSearch(browser, server, { runs: n('search-runs', 21), bootScripts, log })),
        };
      }
      if (only.has('paste')) {
        log('Part 5: pasted text');
        results.paste = {
          machine: machine(m.chromium),
          ...(await measurePaste(browser, dist, {
            runs: n('paste-runs', 3),
            pageRuns: n('paste-page-runs', 3),
            log,
          })),
        };
      }
      if (only.has('lighthouse')) {
        log('Part 4: Lighthouse');
        results.lighthouse = {
          machine: machine(m.chromium),
          ...(await measureLighthouse(server, { runs: n('lighthouse-runs', 3), log })),
        };
      }
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
results.durationSeconds = Math.round((performance.now() - started) / 1000);
writeFileSync(resultsFile, JSON.stringify(results, null, 1) + '\n');
writeReport(results);
log(`Wrote bench/results.json and bench/RESULTS.md in ${results.durationSeconds} s`);
