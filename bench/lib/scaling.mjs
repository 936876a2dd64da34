/**
 * Part 3: build scaling. Cold builds of the real catalog and of synthetic catalogs (bench/lib/synth.mjs),
 * each timed and sampled for memory, then served to measure what the first search fetches.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipBytes, median } from './browser.mjs';
import { build, freePort, makeSite, serve } from './site.mjs';
import { writeSyntheticContent } from './synth.mjs';
import { searchOnce, SCENARIOS } from './search.mjs';
import { ROOT, TMP } from './paths.mjs';

/** Builds a site `runs` times (stopping early when one build is slower than `slowSeconds`). */
export async function measureBuilds(dir, { runs, env, slowSeconds = 400, timeoutMs, log }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const r = await build(dir, { env, timeoutMs, log });
    samples.push(r);
    if (!r.ok) break;
    if (r.seconds > slowSeconds && i + 1 < runs) {
      log?.(`    one build took ${r.seconds.toFixed(0)} s: stopping after ${i + 1} run(s)`);
      break;
    }
  }
  const ok = samples.filter((s) => s.ok);
  const last = ok.at(-1);
  return {
    ok: ok.length === samples.length && ok.length > 0,
    runs: ok.length,
    failure: samples.find((s) => !s.ok),
    seconds: median(ok.map((s) => s.seconds)),
    secondsAll: ok.map((s) => Math.round(s.seconds * 100) / 100),
    cpuSeconds: median(ok.map((s) => s.cpuSeconds)),
    cpuSecondsAll: ok.map((s) => Math.round(s.cpuSeconds * 10) / 10),
    cpuSecondsGnuTime: median(ok.map((s) => s.cpuSecondsGnuTime)),
    loadAverage1mAtStart: ok.map((s) => s.loadAverage1m),
    peakTreeRssBytes: median(ok.map((s) => s.peakTreeRssBytes)),
    maxRssSingleProcessBytes: median(ok.map((s) => s.maxRssSingleProcessBytes)),
    pages: last?.pages,
    distBytes: last?.dist.bytes,
    distFiles: last?.dist.files,
  };
}

/** What the first searches fetch on a built site: the exact map and Pagefind's share of a full-text query. */
export async function firstSearchBytes(browser, dist, { timeRuns = 5 } = {}) {
  const server = await serve(dist);
  try {
    // The first exact search ("6025") reads the "6" shard; the whole map is for pasted text.
    const idx = readFileSync(path.join(dist, 'lookup-index', '6.json'));
    const exactSc = SCENARIOS.find((s) => s.key === 'exact');
    const ftSc = SCENARIOS.find((s) => s.key === 'fullText');
    const exact = await searchOnce(browser, server, exactSc);
    const ft = [];
    for (let i = 0; i < timeRuns; i++) ft.push(await searchOnce(browser, server, ftSc));
    const pick = (entries, pred) =>
      entries
        .filter(pred)
        .reduce((a, e) => ({ requests: a.requests + 1, bytes: a.bytes + e.bytes, gzip: a.gzip + e.gzip }), {
          requests: 0,
          bytes: 0,
          gzip: 0,
        });
    return {
      lookupIndex: { bytes: idx.length, gzip: gzipBytes(idx) },
      exactQuery: {
        ...pick(exact.entries, (e) => e.phase === 'search'),
        medianMs: Math.round(exact.ms * 10) / 10,
      },
      fullTextPagefind: {
        ...pick(ft[0].entries, (e) => new URL(e.url).pathname.includes('/pagefind/')),
        medianMs: Math.round(median(ft.map((s) => s.ms)) * 10) / 10,
        runs: timeRuns,
      },
    };
  } finally {
    await server.close();
  }
}

export const SIZES = [
  { key: 'real', label: 'real catalog', total: null },
  { key: '1k', label: '1,000 codes', total: 1000 },
  { key: '10k', label: '10,000 codes', total: 10_000 },
];

/**
 * One catalog size end to end. The real catalog's site folder is kept (the other parts serve it);
 * synthetic ones are deleted afterwards unless `keep`.
 */
export async function measureSize(browser, size, { runs, keep, log, siteUrlPort, timeoutMs }) {
  let contentDir = path.join(ROOT, 'content');
  let codes;
  if (size.total) {
    contentDir = path.join(TMP, `content-${size.key}`);
    codes = writeSyntheticContent(contentDir, size.total);
  }
  const dir = makeSite(size.key, contentDir);
  if (size.total && !keep) rmSync(contentDir, { recursive: true, force: true });
  const port = siteUrlPort ?? (await freePort());
  log?.(`  ${size.label}: ${runs} cold build(s) in ${path.relative(ROOT, dir)}`);
  const builds = await measureBuilds(dir, {
    runs,
    env: { SITE_URL: `http://localhost:${port}` },
    timeoutMs,
    log,
  });
  const result = {
    label: size.label,
    codes: codes ?? { real: countRealCodes(), synthetic: 0, total: countRealCodes() },
    build: builds,
  };
  if (builds.ok) {
    result.perPage = {
      msPerPage: Math.round(((builds.seconds * 1000) / builds.pages) * 100) / 100,
      cpuMsPerPage: Math.round(((builds.cpuSeconds * 1000) / builds.pages) * 100) / 100,
      distBytesPerPage: Math.round(builds.distBytes / builds.pages),
    };
    result.firstSearch = await firstSearchBytes(browser, path.join(dir, 'dist'));
    log?.(
      `    ${builds.pages} pages, median ${builds.seconds.toFixed(1)} s (${result.perPage.msPerPage} ms/page); lookup-index.json ${result.firstSearch.lookupIndex.gzip} B gzip; Pagefind first query ${result.firstSearch.fullTextPagefind.gzip} B gzip`,
    );
  }
  if (size.total && !keep) rmSync(dir, { recursive: true, force: true });
  return { result, dir, port };
}

function countRealCodes() {
  return readdirSync(path.join(ROOT, 'content/codes'), { recursive: true }).filter((f) =>
    String(f).endsWith('.yaml'),
  ).length;
}
