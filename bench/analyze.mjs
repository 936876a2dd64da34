#!/usr/bin/env node
/**
 * `npm run bench:analyze`: the export analyzer end to end in Chromium on synthetic exports that
 * are generated here, from the documented element trees (shared/reference/export-formats.md
 * §1.3 and §3.2), into bench/tmp/analyze/ (git-ignored) and never committed:
 *
 *   - a run history of about 50 MB (many runs, each an export step with hundreds of errors),
 *   - a csexport file of about 500 MB (pending exports, one object in 20 with an export error).
 *
 * Each file is picked in the page's file input (the path an admin takes), and the script records
 * the time from picking to the rendered report, the worker's peak JS heap (Runtime.getHeapUsage
 * over the DevTools protocol, sampled every 100 ms), the longest main-thread task (Long Tasks
 * API, which reports tasks of 50 ms and more) and the longest gap between animation frames.
 * The result goes to bench/analyze-results.json and to its own section of bench/RESULTS.md
 * (between the analyze markers; the other sections are left as they are).
 *
 * Needs a build at the root base in dist/ (npm run build) or --dist DIR. Options: --runs N (3),
 * --sizes 50,500 (MB), --keep.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH, ROOT, TMP } from './lib/paths.mjs';
import { machine, machineLine } from './lib/machine.mjs';
import { launchChromium } from '../scripts/chromium.mjs';
import { freePort, serve } from './lib/site.mjs';
import { median } from './lib/browser.mjs';
import { writeCsExport, writeRunHistory } from './lib/synth-exports.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt('runs', '3'));
const SIZES = opt('sizes', '50,500').split(',').map(Number);
const DIR = path.join(TMP, 'analyze');
mkdirSync(DIR, { recursive: true });

/** A minimal DevTools protocol client over the browser's WebSocket, for the worker's heap. */
async function cdp(port) {
  const ver = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
  const ws = new WebSocket(ver.webSocketDebuggerUrl);
  await new Promise((r, j) => {
    ws.onopen = r;
    ws.onerror = j;
  });
  let id = 0;
  const pending = new Map();
  ws.onmessage = (ev) => {
    const m = JSON.parse(ev.data);
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  };
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve) => {
      const n = ++id;
      pending.set(n, resolve);
      ws.send(JSON.stringify({ id: n, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  return { send, close: () => ws.close() };
}

async function measure(page, client, url, file) {
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('mim-analyze[data-ready]').waitFor({ timeout: 60_000 });
  const { result } = await client.send('Target.getTargets');
  const worker = result.targetInfos.find((t) => t.type === 'worker' && t.url.includes('/_astro/worker'));
  let session;
  if (worker)
    session = (await client.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true }))
      .result?.sessionId;
  await page.evaluate(() => {
    const w = window;
    w.__bench = { longest: 0, longTasks: 0, gap: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__bench.longTasks++;
        w.__bench.longest = Math.max(w.__bench.longest, e.duration);
      }
    }).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (t) => {
      w.__bench.gap = Math.max(w.__bench.gap, t - last);
      last = t;
      if (!w.__bench.stop) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  let peak = 0;
  let sampling = !!session;
  const sampler = (async () => {
    while (sampling) {
      const r = await client.send('Runtime.getHeapUsage', {}, session);
      if (r.result) peak = Math.max(peak, r.result.usedSize);
      await new Promise((res) => setTimeout(res, 100));
    }
  })();
  const t0 = Date.now();
  await page.locator('#an-file').setInputFiles(file);
  await page.locator('mim-analyze[data-state="done"]').waitFor({ timeout: 20 * 60_000 });
  const ms = Date.now() - t0;
  sampling = false;
  await sampler;
  const b = await page.evaluate(() => {
    window.__bench.stop = true;
    return window.__bench;
  });
  const groups = await page.locator('.an-group').count();
  return {
    ms,
    workerPeakBytes: session ? peak : null,
    longestTaskMs: b.longest,
    longTasks: b.longTasks,
    longestFrameGapMs: Math.round(b.gap),
    groups,
  };
}

const dist = path.resolve(ROOT, opt('dist', 'dist'));
if (!existsSync(path.join(dist, 'analyze/index.html')))
  throw new Error('No build with /analyze/ in dist/: run npm run build first.');
const files = [];
for (const mb of SIZES) {
  const kind = mb < 200 ? 'run-history' : 'csexport';
  const file = path.join(DIR, `synthetic-${kind}-${mb}mb.xml`);
  const t = Date.now();
  const size = await (kind === 'run-history' ? writeRunHistory : writeCsExport)(file, mb * 1e6);
  console.log(
    `generated ${path.relative(ROOT, file)}: ${(size / 1e6).toFixed(1)} MB in ${Date.now() - t} ms`,
  );
  files.push({ kind, mb, file, size });
}

const server = await serve(dist);
const port = await freePort();
const browser = await launchChromium([`--remote-debugging-port=${port}`]);
const client = await cdp(port);
const m = machine(browser.version());
const results = [];
try {
  for (const f of files) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      const r = await measure(page, client, server.url('analyze/'), f.file);
      console.log(
        `${f.kind} ${f.mb} MB run ${i + 1}: ${r.ms} ms, worker peak ${r.workerPeakBytes === null ? '?' : (r.workerPeakBytes / 2 ** 20).toFixed(1) + ' MiB'}, longest task ${r.longestTaskMs} ms, longest frame gap ${r.longestFrameGapMs} ms`,
      );
      runs.push(r);
      await page.close();
    }
    results.push({
      kind: f.kind,
      bytes: f.size,
      runs,
      medianMs: median(runs.map((r) => r.ms)),
      medianMBps: Math.round((f.size / 1e6 / (median(runs.map((r) => r.ms)) / 1000)) * 10) / 10,
      maxWorkerPeakMiB: runs.some((r) => r.workerPeakBytes === null)
        ? null
        : Math.round((Math.max(...runs.map((r) => r.workerPeakBytes)) / 2 ** 20) * 10) / 10,
      maxLongestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
      maxFrameGapMs: Math.max(...runs.map((r) => r.longestFrameGapMs)),
    });
  }
} finally {
  client.close();
  await browser.close();
  await server.close();
  if (!args.includes('--keep')) for (const f of files) rmSync(f.file, { force: true });
}

// Files not measured this time keep their last result, marked with its date.
const resultsJson = path.join(BENCH, 'analyze-results.json');
const prev = existsSync(resultsJson) ? JSON.parse(readFileSync(resultsJson, 'utf8')) : undefined;
for (const p of prev?.results ?? [])
  if (!results.some((r) => r.kind === p.kind)) results.push({ ...p, measured: p.measured ?? prev.when });
const out = {
  when: new Date().toISOString(),
  machine: m,
  runsPerFile: RUNS,
  results,
  loadAverageAfter: Math.round(os.loadavg()[0] * 100) / 100,
};
writeFileSync(resultsJson, JSON.stringify(out, null, 2) + '\n');

const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const section = [
  '<!-- analyze:start (written by `npm run bench:analyze`; the rest of this file by `npm run bench`) -->',
  '## 5. Export analyzer: large files in the browser',
  '',
  `Machine: ${machineLine(m)}. Measured ${out.when.slice(0, 10)}, ${RUNS} runs per file, synthetic exports generated at bench time from the documented element trees (never committed).`,
  '',
  'Each file is picked in the file input of `/analyze/`; time runs from picking to the rendered report. The worker reads 4 MB slices with `File.slice` and streams them through saxes. Worker heap is the peak of `Runtime.getHeapUsage` in the worker, sampled every 100 ms. The Long Tasks API reports main-thread tasks of 50 ms or more; "none" means every task was shorter.',
  '',
  '| file | size | median time | throughput | worker peak heap | longest main-thread task | longest frame gap | error groups |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.kind}${r.measured ? ` (measured ${r.measured.slice(0, 10)}, earlier run)` : ''} | ${mib(r.bytes)} | ${(r.medianMs / 1000).toFixed(1)} s | ${r.medianMBps} MB/s | ${r.maxWorkerPeakMiB === null ? 'not measured' : `${r.maxWorkerPeakMiB} MiB`} | ${r.maxLongestTaskMs ? `${Math.round(r.maxLongestTaskMs)} ms` : 'none ≥ 50 ms'} | ${r.maxFrameGapMs} ms | ${r.runs[0].groups} |`,
  ),
  '',
  `The 1-minute load average was ${out.loadAverageAfter} when the last file finished (2 cores shared with other builds and tests): wall-clock times and task lengths grow with it.`,
  '',
  'Goals from issue 12: the 50 MB run history in under 5 s, worker memory flat as the file grows (compare the peaks: the 500 MB file is ten times larger), no main-thread task over 50 ms.',
  '<!-- analyze:end -->',
].join('\n');
const resultsMd = path.join(BENCH, 'RESULTS.md');
const md = existsSync(resultsMd) ? readFileSync(resultsMd, 'utf8') : '# Benchmarks\n';
const re = /<!-- analyze:start[\s\S]*?<!-- analyze:end -->/;
writeFileSync(resultsMd, re.test(md) ? md.replace(re, section) : `${md.trimEnd()}\n\n${section}\n`);
console.log('Wrote bench/analyze-results.json and the analyzer section of bench/RESULTS.md');
