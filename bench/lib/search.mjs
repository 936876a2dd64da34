/**
 * Part 2: what a search costs in Chromium, in bytes and in time to the first visible result.
 * Every run uses a fresh browser context (empty cache). The first result counts as visible when
 * it is in the DOM and Element.checkVisibility() is true; a MutationObserver, installed before the
 * page loads, stamps that moment with performance.now().
 */
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { median, recordResponses } from './browser.mjs';

/** An Event Viewer entry for PCNS event 6025, as an admin copies it (Ctrl+C on the event). */
export const EVENT_VIEWER_6025 = [
  'Log Name:      Application',
  'Source:        PCNSSVC',
  'Date:          26/11/2026 09:14:02',
  'Event ID:      6025',
  'Task Category: (1)',
  'Level:         Error',
  'Keywords:      Classic',
  'User:          N/A',
  'Computer:      DC01.contoso.com',
  'Description:',
  'Password Change Notification Service was unable to deliver a password notification to the target "MIMSync". The target could not be authenticated. Verify that the Service Principal Name "PCNSCLNT/mimsync.contoso.com" is registered on the service account.',
].join('\r\n');

export const SCENARIOS = [
  {
    key: 'exact',
    label: 'exact code "6025", typed in the home page lookup',
    path: '',
    input: 'mim-lookup[data-mode="popup"] input',
    text: '6025',
    selector: '.lookup-popup .lookup-list > li',
    from: 'focus',
  },
  {
    key: 'logLine',
    label: 'pasted Event Viewer entry (PCNSSVC 6025), /lookup/?q=…',
    path: `lookup/?q=${encodeURIComponent(EVENT_VIEWER_6025)}`,
    selector: '#lookup-results > li',
    from: 'interactive',
  },
  {
    key: 'fullText',
    label: 'full text "tempdb", /lookup/?q=tempdb',
    path: 'lookup/?q=tempdb',
    selector: '#lookup-results > li[data-tier="fulltext"]',
    from: 'interactive',
  },
];

/** Pagefind's default UI for the side-by-side run: a throwaway page written into the served build. */
export const PAGEFIND_UI = {
  key: 'pagefindUi',
  label: 'Pagefind default UI, full text "tempdb" typed',
  path: 'bench-pagefind-ui/',
  input: '.pagefind-ui__search-input',
  text: 'tempdb',
  selector: '.pagefind-ui__result',
  from: 'focus',
};

/** Writes the throwaway Pagefind UI page into a build folder (bench/tmp only; never public/). */
export function writePagefindUiPage(dist, base = '/') {
  const dir = path.join(dist, 'bench-pagefind-ui');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind default UI (benchmark page)</title>
<link href="${base}pagefind/pagefind-ui.css" rel="stylesheet">
<script src="${base}pagefind/pagefind-ui.js"></script>
<script src="${base}bench-pagefind-ui/init.js" defer></script>
</head>
<body><main><h1>Pagefind default UI</h1><div id="search"></div></main></body>
</html>
`,
  );
  // External, so the shipped Content-Security-Policy (no inline scripts) applies unchanged.
  writeFileSync(
    path.join(dir, 'init.js'),
    "new PagefindUI({ element: '#search', showSubResults: true, showImages: false });\n",
  );
  return dir;
}

/** Which part of the site a response belongs to. */
function category(e, bootScripts) {
  const u = new URL(e.url);
  if (e.type === 'document') return 'html';
  if (e.type === 'stylesheet' && !u.pathname.includes('/pagefind/')) return 'css';
  if (u.pathname.includes('/pagefind/')) return 'pagefind';
  if (/\/lookup-index(\.json|\/[^/]+\.json)$/.test(u.pathname)) return 'lookupData';
  if (e.type === 'script' && bootScripts.has(u.pathname)) return 'bootScript';
  if (e.type === 'script') return 'lookupCode';
  return 'other';
}

const CATEGORIES = ['html', 'css', 'bootScript', 'lookupCode', 'lookupData', 'pagefind', 'other'];

/** One timed run in a fresh context. */
export async function searchOnce(browser, server, sc) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    const b = (window.__bench = { t0: null, t1: null });
    document.addEventListener('focusin', () => (b.t0 ??= performance.now()), true);
    const check = () => {
      if (b.t1 !== null) return;
      const el = document.querySelector(selector);
      if (el && el.checkVisibility()) {
        b.t1 = performance.now();
        obs.disconnect();
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  }, sc.selector);
  const rec = recordResponses(page);
  await page.goto(server.url(sc.path), { waitUntil: 'load' });
  if (sc.from === 'focus') {
    // Interactive: loaded, the network quiet, and the input there to type into.
    await page.waitForLoadState('networkidle');
    await page.locator(sc.input).first().waitFor({ state: 'visible' });
    rec.mark('search');
    await page.locator(sc.input).first().fill(sc.text);
  }
  await page.waitForFunction(() => window.__bench.t1 !== null, null, { timeout: 20_000, polling: 10 });
  // Let whatever the query started finish (excerpts, sub-results), then measure it all.
  await page.waitForTimeout(300);
  await page.waitForLoadState('networkidle');
  await rec.settle();
  const t = await page.evaluate((selector) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const first = document.querySelector(selector);
    const link = first?.querySelector('a');
    return {
      t0: window.__bench.t0,
      t1: window.__bench.t1,
      interactive: nav.domInteractive,
      first: {
        tier: first?.getAttribute('data-tier') ?? null,
        href: link ? new URL(link.href).pathname : null,
        text: (link?.textContent ?? first?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 100),
      },
    };
  }, sc.selector);
  await context.close();
  const start = sc.from === 'focus' ? t.t0 : t.interactive;
  return { ms: t.t1 - start, fromNavigationMs: t.t1, first: t.first, entries: rec.entries };
}

/** Bytes a search fetched, by category; for typed searches only what came after the page was interactive. */
function bytesOf(entries, sc, bootScripts) {
  const out = Object.fromEntries(CATEGORIES.map((c) => [c, { requests: 0, bytes: 0, gzip: 0, wire: 0 }]));
  for (const e of entries) {
    if (sc.from === 'focus' && e.phase !== 'search') continue;
    const c = out[category(e, bootScripts)];
    c.requests++;
    c.bytes += e.bytes;
    c.gzip += e.gzip;
    c.wire += e.wire;
  }
  const search = ['lookupCode', 'lookupData', 'pagefind'].reduce(
    (a, k) => ({
      requests: a.requests + out[k].requests,
      bytes: a.bytes + out[k].bytes,
      gzip: a.gzip + out[k].gzip,
      wire: a.wire + out[k].wire,
    }),
    { requests: 0, bytes: 0, gzip: 0, wire: 0 },
  );
  return { byCategory: out, search };
}

export async function measureScenario(browser, server, sc, { runs, bootScripts, log }) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await searchOnce(browser, server, sc));
  const ms = samples.map((s) => s.ms);
  const bytes = bytesOf(samples[0].entries, sc, bootScripts);
  const requests = samples[0].entries
    .filter((e) => sc.from !== 'focus' || e.phase === 'search')
    .map((e) => ({ url: new URL(e.url).pathname, type: e.type, bytes: e.bytes, gzip: e.gzip }));
  const result = {
    label: sc.label,
    path: `/${sc.path.length > 60 ? `${sc.path.slice(0, 60)}…` : sc.path}`,
    timedFrom:
      sc.from === 'focus'
        ? 'focus on the search box (page loaded, network idle), text filled at once'
        : 'domInteractive of the page',
    runs,
    medianMs: round(median(ms)),
    minMs: round(Math.min(...ms)),
    maxMs: round(Math.max(...ms)),
    medianFromNavigationMs: round(median(samples.map((s) => s.fromNavigationMs))),
    firstResult: samples[0].first,
    bytes,
    requests,
  };
  log?.(
    `  ${sc.key}: median ${result.medianMs} ms over ${runs} runs; search fetched ${bytes.search.gzip} B gzip (${bytes.search.bytes} B raw) in ${bytes.search.requests} requests`,
  );
  return result;
}

const round = (x) => (x === null ? null : Math.round(x * 10) / 10);

/** Script URLs (paths) a page loads before any interaction: the boot script. */
export function bootScriptsFrom(weightPage) {
  return new Set(
    (weightPage?.requests ?? []).filter((r) => r.type === 'script').map((r) => r.url.split('?')[0]),
  );
}

export async function measureSearch(
  browser,
  server,
  { runs = 21, bootScripts, pagefindUi = true, log } = {},
) {
  const scenarios = {};
  for (const sc of SCENARIOS)
    scenarios[sc.key] = await measureScenario(browser, server, sc, { runs, bootScripts, log });
  if (pagefindUi) {
    const r = await measureScenario(browser, server, PAGEFIND_UI, { runs, bootScripts, log });
    // The UI's own script and CSS load with the page, before any query: count them too.
    const page = await searchOnce(browser, server, PAGEFIND_UI);
    const ui = page.entries.filter(
      (e) => e.phase === 'load' && /pagefind-ui\.(js|css)$/.test(new URL(e.url).pathname),
    );
    r.uiAssets = {
      requests: ui.length,
      bytes: ui.reduce((a, e) => a + e.bytes, 0),
      gzip: ui.reduce((a, e) => a + e.gzip, 0),
    };
    scenarios.pagefindUi = r;
  }
  return { eventViewerEntry: EVENT_VIEWER_6025, scenarios };
}
