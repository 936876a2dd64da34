/** Renders bench/results.json as bench/RESULTS.md. */
import { machineLine } from './machine.mjs';

const kb = (b) => (b === null || b === undefined ? '–' : `${(b / 1024).toFixed(1)} KB`);
const mb = (b) =>
  b === null || b === undefined
    ? '–'
    : b >= 2 ** 30
      ? `${(b / 2 ** 30).toFixed(2)} GiB`
      : `${(b / 2 ** 20).toFixed(0)} MiB`;
const ms = (x) => (x === null || x === undefined ? '–' : `${Math.round(x)} ms`);
const ok = (b) => (b === undefined ? '' : b.ok ? ' ✅' : ' ❌ over');
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, rows) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

function weight(w) {
  const b = w.budgets;
  const out = [
    '## 1. Page weight per page type',
    '',
    `Measured on: ${machineLine(w.machine)}.`,
    '',
    'Each page is loaded in a fresh Chromium context and every response is recorded until the load event and network idle (500 ms with no request), without any interaction. Sizes are gzip (level 9) of the response bodies; raw sizes in brackets. "Other" is the favicon and anything else. Median of ' +
      `${Object.values(w.pages).find((p) => p.runs)?.runs ?? '?'} loads (page weight is deterministic; the runs agree).`,
    '',
    `Budgets (gzip): HTML ≤ ${kb(b.html)}, CSS ≤ ${kb(b.css)} on every page; script before interaction ≤ ${kb(b.script)} on step and code pages.`,
    '',
  ];
  const rows = Object.entries(w.pages).map(([k, p]) =>
    p.missing
      ? [k, `\`${p.path}\``, 'missing (404): not built yet', '', '', '', '']
      : [
          k,
          `\`${p.path}\``,
          `${kb(p.totals.html.gzip)} (${kb(p.totals.html.bytes)})${ok(p.budget.html)}`,
          `${kb(p.totals.css.gzip)} (${kb(p.totals.css.bytes)})${ok(p.budget.css)}`,
          `${kb(p.totals.script.gzip)} (${kb(p.totals.script.bytes)})${ok(p.budget.script)}`,
          `${kb(p.totals.other.gzip)}`,
          `${kb(p.totals.html.gzip + p.totals.css.gzip + p.totals.script.gzip + p.totals.other.gzip)}`,
        ],
  );
  out.push(
    table(
      [
        'page',
        'path',
        'HTML gzip (raw)',
        'CSS gzip (raw)',
        'script before interaction gzip (raw)',
        'other gzip',
        'total gzip',
      ],
      rows,
    ),
  );
  const scripts = new Set(
    Object.values(w.pages).flatMap((p) =>
      (p.requests ?? []).filter((r) => r.type === 'script').map((r) => `\`${r.url}\` ${kb(r.gzip)}`),
    ),
  );
  out.push('', `Script loaded before interaction, on any page: ${[...scripts].join(', ') || 'none'}.`);
  return out.join('\n');
}

function search(s) {
  const sc = s.scenarios;
  const out = [
    '## 2. Search cost',
    '',
    `Measured on: ${machineLine(s.machine)}.`,
    '',
    "Each run opens a fresh browser context (empty cache) on the build served by `scripts/serve.mjs` (no compression, so \"raw\" is what crossed the loopback; gzip is what a compressing host would send). The time runs to the moment the first result `li` is in the DOM and visible (a MutationObserver installed before the page loads checks `Element.checkVisibility()`). For the typed searches the clock starts when the search box gets focus, after the page has loaded and the network is idle; the text is filled in at once, as a paste. For `/lookup/?q=…` the search starts by itself as the page loads, and the clock starts at the page's `domInteractive` (the time from navigation start is given too). Bytes are those the search fetched: the lookup code, the exact-match data (`lookup-index/<c>.json`, one small shard per first character, or the whole `lookup-index.json` for pasted text) and Pagefind's files (not the page's own HTML, CSS and boot script).",
    '',
  ];
  const rows = Object.entries(sc).map(([, r]) => {
    const c = r.bytes.byCategory;
    return [
      r.label,
      `${ms(r.medianMs)} (${ms(r.minMs)}–${ms(r.maxMs)}, n=${r.runs})`,
      ms(r.medianFromNavigationMs),
      `${kb(r.bytes.search.gzip)} (${kb(r.bytes.search.bytes)}) in ${r.bytes.search.requests}`,
      kb(c.lookupCode.gzip),
      kb(c.lookupData.gzip),
      `${kb(c.pagefind.gzip)} in ${c.pagefind.requests}`,
      r.firstResult?.href
        ? `${r.firstResult.tier ? `${r.firstResult.tier} ` : ''}\`${r.firstResult.href}\``
        : '–',
    ];
  });
  out.push(
    table(
      [
        'search',
        'median time to first result (min–max, runs)',
        'from navigation start',
        'search bytes gzip (raw) in requests',
        'lookup code',
        'exact-match data',
        'Pagefind files',
        'first result',
      ],
      rows,
    ),
  );
  const ui = sc.pagefindUi;
  const ft = sc.fullText;
  if (ui && ft) {
    const ours = ft.bytes.search.gzip;
    const theirs = ui.bytes.search.gzip + (ui.uiAssets?.gzip ?? 0);
    out.push(
      '',
      '### Side by side with Pagefind\'s default UI (first full-text query "tempdb")',
      '',
      table(
        ['', 'UI code and CSS', 'query (Pagefind index, wasm, fragments)', 'total gzip', 'results shown'],
        [
          [
            'this site (`/lookup/?q=tempdb`)',
            `${kb(ft.bytes.byCategory.lookupCode.gzip + ft.bytes.byCategory.lookupData.gzip)} (lookup code + exact map)`,
            kb(ft.bytes.byCategory.pagefind.gzip),
            kb(ours),
            'up to 8, with excerpts',
          ],
          [
            'Pagefind UI (`pagefind-ui.js` + `pagefind-ui.css`)',
            kb(ui.uiAssets?.gzip),
            kb(ui.bytes.byCategory.pagefind.gzip),
            kb(theirs),
            '5, with excerpts',
          ],
        ],
      ),
      '',
      `Pagefind's UI loads its ${kb(ui.uiAssets?.gzip)} of script and CSS with the page, before any query; this site loads ${kb(ft.bytes.byCategory.lookupCode.gzip)} of lookup code only on first use. The Pagefind UI page is a throwaway file written into the served build at bench time (\`bench-pagefind-ui/\`), never into \`public/\`. Its time to first result includes its default 300 ms debounce.`,
    );
  }
  out.push(
    '',
    '<details><summary>The pasted Event Viewer entry</summary>',
    '',
    '```',
    s.eventViewerEntry.replace(/\r\n/g, '\n'),
    '```',
    '',
    '</details>',
  );
  return out.join('\n');
}

function scaling(s) {
  const out = [
    '## 3. Build scaling',
    '',
    `Measured on: ${machineLine(s.machine)}.`,
    '',
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

function lighthouse(l) {
  const cats = ['performance', 'accessibility', 'best-practices', 'seo'];
  const out = [
    '## 4. Lighthouse',
    '',
    `Measured on: ${machineLine(l.machine)}.`,
    '',
    `Lighthouse ${l.settings?.lighthouse} from npm, in the local Chromium launched by chrome-launcher (\`--headless=new\` plus the end-to-end tests' flags), ${l.settings?.formFactor} form factor, ${l.settings?.throttling} throttling (the defaults). Scores are medians of ${Object.values(l.pages)[0]?.runs} runs, each in a newly launched browser.`,
    '',
    table(
      ['page', 'path', ...cats, 'FCP', 'LCP', 'TBT', 'CLS'],
      Object.entries(l.pages).map(([k, p]) => [
        k,
        `\`${p.path}\``,
        ...cats.map((c) => `${p.scores[c]}${p.scores[c] === 100 ? '' : ' ⚠'}`),
        ms(p.metrics['first-contentful-paint']),
        ms(p.metrics['largest-contentful-paint']),
        ms(p.metrics['total-blocking-time']),
        p.metrics['cumulative-layout-shift']?.toFixed(3) ?? '–',
      ]),
    ),
    '',
    '### Audits below a full score',
    '',
    'Weighted audits lower the category score; unweighted ones (Lighthouse 13\'s "insights" and a few checks) are listed because they point at something to fix, but do not change the score. Elements and URLs are the first few Lighthouse named.',
    '',
  ];
  const line = (k, p, f) => {
    const items = f.items?.length
      ? `: ${f.items.map((i) => `\`${String(i).replace(/`/g, "'").replace(/\s+/g, ' ').slice(0, 140)}\``).join('; ')}`
      : '';
    return `- **${k}** · ${f.category} · \`${f.id}\` (${f.title}): score ${f.score ?? 'error'}${f.displayValue ? `, ${f.displayValue}` : ''}; in ${f.runs}/${p.runs} runs${items}`;
  };
  for (const [title, weighted] of [
    ['Weighted (these cost points)', true],
    ['Unweighted (no effect on the score)', false],
  ]) {
    const lines = Object.entries(l.pages).flatMap(([k, p]) =>
      p.failed.filter((f) => Boolean(f.weight) === weighted).map((f) => line(k, p, f)),
    );
    out.push(`#### ${title}`, '', ...(lines.length ? lines : ['None.']), '');
  }
  return out.join('\n');
}

function summary(r) {
  const out = ['## Summary', ''];
  if (r.weight) {
    const fails = [];
    const passes = [];
    for (const [k, p] of Object.entries(r.weight.pages)) {
      if (p.missing) continue;
      for (const [what, b] of Object.entries(p.budget)) (b.ok ? passes : fails).push(`${k} ${what}`);
    }
    const missing = Object.entries(r.weight.pages)
      .filter(([, p]) => p.missing)
      .map(([k]) => k);
    out.push(
      `- **Budgets:** ${fails.length ? `❌ over budget: ${fails.join(', ')}` : `✅ all ${passes.length} page budgets met`}${missing.length ? `; not built yet: ${missing.join(', ')}` : ''}.`,
    );
  }
  const exactData = r.search?.scenarios?.exact?.bytes?.byCategory?.lookupData?.gzip;
  if (exactData !== undefined)
    out.push(
      `- **Exact-lookup data for 6025:** ${kb(exactData)} gzip (budget ${kb(10 * 1024)}) ${exactData <= 10 * 1024 ? '✅' : '❌'}.`,
    );
  if (r.search) {
    const sc = r.search.scenarios;
    out.push(
      `- **Search, median time to first result:** ${Object.values(sc)
        .map((x) => `${x.label}: ${ms(x.medianMs)}, ${kb(x.bytes.search.gzip)} gzip`)
        .join('; ')}.`,
    );
  }
  if (r.scaling) {
    const rows = Object.values(r.scaling.sizes).filter((x) => x.build.ok);
    out.push(
      `- **Build scaling:** ${rows.map((x) => `${x.label}: ${x.build.pages.toLocaleString('en-US')} pages in ${x.build.seconds.toFixed(0)} s (${x.perPage.msPerPage.toFixed(1)} ms/page, CPU ${x.perPage.cpuMsPerPage?.toFixed(1) ?? '–'} ms/page, peak ${mb(x.build.peakTreeRssBytes)}), first exact search fetches ${kb(x.firstSearch.lookupIndex.gzip)} of exact-match data`).join('; ')}.`,
    );
  }
  if (r.lighthouse) {
    out.push(
      `- **Lighthouse (performance/accessibility/best practices/SEO):** ${Object.entries(r.lighthouse.pages)
        .map(([k, p]) => `${k} ${Object.values(p.scores).join('/')}`)
        .join('; ')}.`,
    );
  }
  if (r.paste)
    out.push(
      `- **Pasted text:** the message index adds ${kb(r.paste.bytes.messages.gzip)} gzip, fetched only for pasted text; worst read ${ms(r.paste.worst.chromium.after)} in Chromium (was ${ms(r.paste.worst.chromium.before)}), a realistic 10,000-character paste ${ms(r.paste.realistic.chromium.after)}${r.paste.worst.page ? `; on the lookup page, worst main-thread time from paste to settled page ${ms(r.paste.worst.page.after)} (was ${ms(r.paste.worst.page.before)}), the realistic paste ${ms(r.paste.realistic.page?.after.mainThreadMs)}` : ''}.`,
    );
  return out.join('\n');
}

function paste(p) {
  const out = [
    '## 6. Pasted text: what reading a paste costs',
    '',
    `Measured on: ${machineLine(p.machine)}.`,
    '',
    `The message index (\`lookup-messages.json\`: the product's message texts and the words of every code and step page) is fetched only when the lookup reads a pasted text; an exact hit still reads one shard. Sizes per language (English shown): message index ${kb(p.bytes.messages.gzip)} gzip (${kb(p.bytes.messages.raw)} raw); whole map \`lookup-index.json\` ${kb(p.bytes.index.gzip)} gzip; the exact-hit shard for "6" ${kb(p.bytes.shard6.gzip)} gzip. A paste therefore costs ${kb(p.bytes.messages.gzip + p.bytes.index.gzip)} gzip of lookup data once, then nothing more for later pastes.`,
    '',
    `Main-thread time of one read, median of ${p.runs} runs per input. **After**: what the lookup does once per settled input (the exact tier, then \`readPaste\` with the message index). **Before** (revision ${p.beforeRev}, the one the reliability probe measured): \`normalizeCode\` + \`lookupExact\` + \`lookup\`, which the old UI ran on every keystroke. Both are the same bundled code in Node and in Chromium (a page with only the reader and the built site's data). Limit: 50 ms.`,
    '',
    `**Worst case:** Chromium ${ms(p.worst.chromium.before)} before, **${ms(p.worst.chromium.after)} after**; Node ${ms(p.worst.node.before)} before, ${ms(p.worst.node.after)} after. The realistic 10,000-character paste: ${ms(p.realistic.chromium.after)} in Chromium.`,
    '',
    table(
      [
        'input',
        'characters (after NFKC)',
        'Chromium before',
        'Chromium after',
        'Node before',
        'Node after',
        'candidates',
      ],
      p.rows.map((r) => [
        r.label,
        `${r.length.toLocaleString('en')} (${r.normalized.toLocaleString('en')})`,
        ms(r.chromium.before),
        `${ms(r.chromium.after)}${r.chromium.after <= 50 ? ' ✅' : ' ❌'}`,
        ms(r.node.before),
        ms(r.node.after),
        String(r.candidates),
      ]),
    ),
  ];
  const onPage = p.rows.filter((r) => r.page);
  if (onPage.length)
    out.push(
      '',
      '### On the lookup page, in Chromium',
      '',
      `Each input is pasted into the box of \`/lookup/\` (an \`input\` event of type \`insertFromPaste\`, after the box was emptied), in the built site and in a build of ${p.beforeRev}, after one warm-up paste has loaded the lookup code, the map, the message index and Pagefind. Main-thread time is the renderer's TaskDuration (CDP \`Performance.getMetrics\`) from the paste until the page has settled: results rendered, full-text search included, nothing changed for 400 ms and the network idle. It counts everything the page did, the bench's own polling included (about 0.1 ms per 100 ms). Median of ${p.pageRuns} runs; longest task is the longest the Long Tasks API reported in any run (it reports only tasks of 50 ms or more). Goals: under 50 ms for any input up to the limit, under 100 ms for a 10,000-character paste. ${p.beforeRev}'s box was an \`<input>\`, which drops line breaks; before, every further keystroke cost the same again, now a keystroke waits for the input to settle.`,
      '',
      table(
        ['input', 'before: main thread (longest task)', 'after: main thread (longest task)'],
        onPage.map((r) => [
          r.label,
          `${ms(r.page.before.mainThreadMs)} (${r.page.before.longestTaskMs ? ms(r.page.before.longestTaskMs) : '< 50 ms'})`,
          `${ms(r.page.after.mainThreadMs)}${r.page.after.mainThreadMs < (r === p.rows[0] ? 100 : 50) ? ' ✅' : ' ❌'} (${r.page.after.longestTaskMs ? ms(r.page.after.longestTaskMs) : '< 50 ms'})`,
        ]),
      ),
    );
  return out.join('\n');
}

/** `analyze`: the analyzer's own section (between its markers), written by `npm run bench:analyze`. */
export function renderReport(r, { analyze } = {}) {
  const parts = [
    '<!-- Generated by `npm run bench` (bench/run.mjs) from bench/results.json. Do not edit: run it again. -->',
    '# Benchmarks',
    '',
    `Generated ${r.generatedAt} by \`${r.command}\` in ${r.durationSeconds ?? '?'} s.`,
    '',
    `Machine: ${machineLine(r.machine, 'the run started')}. Other work may have been running on the machine at the same time; timings are medians for that reason. The byte budgets are enforced by \`tests/e2e/budgets.spec.ts\` in \`npm test\`; timings are never asserted.`,
    '',
    'Re-run everything with `npm run bench` (10 to 25 minutes on 2 cores, depending on what else the machine is doing), or parts: `npm run bench -- --only weight,search` (parts: weight, search, scaling, lighthouse, paste; `--sizes real,1k` limits part 3).',
  ];
  parts.push('', summary(r));
  if (r.weight) parts.push('', weight(r.weight));
  if (r.search) parts.push('', search(r.search));
  if (r.scaling) parts.push('', scaling(r.scaling));
  if (r.lighthouse) parts.push('', lighthouse(r.lighthouse));
  if (analyze) parts.push('', analyze);
  if (r.paste) parts.push('', paste(r.paste));
  return parts.join('\n') + '\n';
}
