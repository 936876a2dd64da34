/** Part 3, build scaling: its section of bench/RESULTS.md. */
import { heading, kb, mb, ms, table } from './format.mjs';

export function scalingSection(s) {
  const out = [
    ...heading('3. Build scaling', s.machine),
    "Cold `astro build` (no `dist/`, no Astro cache) of a copy of the project in `bench/tmp/`, Pagefind indexing included. Synthetic catalogs keep the real steps and releases and the real codes, and add copies of real codes under new codes until the catalog has 1,000 or 10,000 codes, each in English and Swedish (`bench/lib/synth.mjs`; generated at bench time, never committed). Peak memory is the sum of the resident memory of the build's whole process tree (Node and the Pagefind binary), sampled every 100 ms; GNU time's maximum resident set size (the largest single process) is given beside it. Build time is the median of the runs listed.",
    '',
  ];
  let prev;
  const per = (x) => `${x.toFixed(1)} ms`;
  const rows = Object.entries(s.sizes).map(([, r]) => {
    const b = r.build;
    if (!b.ok)
      return [
        r.label,
        r.codes.total.toLocaleString('en-US'),
        '–',
        `failed${b.failure?.timedOut ? ' (timed out)' : ''}`,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ];
    // Marginal cost: what each page added since the previous (smaller) catalog cost.
    const dp = prev ? b.pages - prev.pages : 0;
    const mWall = dp > 0 ? per(((b.seconds - prev.seconds) * 1000) / dp) : '–';
    const mCpu =
      dp > 0 && b.cpuSeconds && prev.cpuSeconds ? per(((b.cpuSeconds - prev.cpuSeconds) * 1000) / dp) : '–';
    prev = b;
    return [
      r.label,
      r.codes.total.toLocaleString('en-US'),
      b.pages.toLocaleString('en-US'),
      `${b.seconds.toFixed(1)} s (${b.secondsAll.map((x) => x.toFixed(1)).join(', ')})`,
      per(r.perPage.msPerPage),
      mWall,
      b.cpuSeconds
        ? `${b.cpuSeconds.toFixed(1)} s (${b.cpuSecondsAll.map((x) => x.toFixed(1)).join(', ')})`
        : '–',
      r.perPage.cpuMsPerPage ? per(r.perPage.cpuMsPerPage) : '–',
      mCpu,
      `${mb(b.peakTreeRssBytes)} / ${mb(b.maxRssSingleProcessBytes)}`,
      `${mb(b.distBytes)} (${b.distFiles.toLocaleString('en-US')} files)`,
      kb(r.perPage.distBytesPerPage),
    ];
  });
  out.push(
    table(
      [
        'catalog',
        'codes',
        'pages',
        'wall time, median (runs)',
        'wall per page',
        'marginal wall per added page',
        'CPU time user+sys, median (runs)',
        'CPU per page',
        'marginal CPU per added page',
        'peak memory: tree / largest process',
        'dist size',
        'dist per page',
      ],
      rows,
    ),
    '',
    `Load average (1 min) at the start of each build: ${Object.values(s.sizes)
      .map((r) => `${r.label} ${(r.build.loadAverage1mAtStart ?? []).join(', ')}`)
      .join(
        '; ',
      )}. On a machine shared with other work the wall times swing with the load; the CPU time of the build's processes (sampled from /proc every 100 ms, Node and Pagefind together) moves much less, so it is the better measure of cost per page.`,
    '',
    '### What the first search fetches at each size',
    '',
    table(
      [
        'catalog',
        'exact-match shard for 6025 gzip (raw)',
        'first exact search ("6025" on home): bytes gzip, time',
        'first full-text query ("tempdb"): Pagefind bytes gzip, time',
      ],
      Object.values(s.sizes)
        .filter((r) => r.build.ok)
        .map((r) => {
          const fs = r.firstSearch;
          return [
            r.label,
            `${kb(fs.lookupIndex.gzip)} (${kb(fs.lookupIndex.bytes)})`,
            `${kb(fs.exactQuery.gzip)} in ${fs.exactQuery.requests} requests, ${ms(fs.exactQuery.medianMs)}`,
            `${kb(fs.fullTextPagefind.gzip)} in ${fs.fullTextPagefind.requests} requests, ${ms(fs.fullTextPagefind.medianMs)}`,
          ];
        }),
    ),
    '',
    'Time per page falls as the catalog grows while a fixed start-up cost (Vite, content loading, Pagefind start) is spread over more pages; the marginal columns (extra seconds divided by extra pages, against the row above) are the cost of one more page, the figure that should stay flat.',
    '',
    "The first exact search (typing `6025` on the home page) fetches the lookup code and one shard of the exact map (the codes starting with 6), so it stays small as the catalog grows; the first full-text query fetches Pagefind's entry, wasm, metadata, the index chunks for the word and the result fragments. Times: the exact search is one cold run, timed from focus; the full-text query is the median of 5 runs of `/lookup/?q=tempdb`, timed from `domInteractive`.",
  );
  return out.join('\n');
}
