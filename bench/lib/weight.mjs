/**
 * Part 1: page weight per page type. Each page is loaded in a fresh browser context and every
 * response is recorded until the load event and network idle (500 ms without requests), with no
 * interaction. Sizes are gzip (level 9) of the response bodies.
 */
import { median, recordResponses, sum } from './browser.mjs';
import { BYTE_BUDGETS, PAGE_TYPES } from '../../scripts/page-types.mjs';

const KIND = { document: 'html', stylesheet: 'css', script: 'script' };

/** Loads one page without interacting; returns the responses and the totals by kind. */
export async function loadWithoutInteraction(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const rec = recordResponses(page);
  const res = await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await rec.settle();
  await context.close();
  const totals = {
    html: { bytes: 0, gzip: 0 },
    css: { bytes: 0, gzip: 0 },
    script: { bytes: 0, gzip: 0 },
    other: { bytes: 0, gzip: 0 },
  };
  for (const e of rec.entries) {
    const k = KIND[e.type] ?? 'other';
    totals[k].bytes += e.bytes;
    totals[k].gzip += e.gzip;
  }
  return {
    status: res?.status() ?? 0,
    totals,
    requests: rec.entries.map(({ url, type, bytes, gzip }) => ({
      url: url.replace(/^https?:\/\/[^/]+/, ''),
      type,
      bytes,
      gzip,
    })),
  };
}

export async function measureWeight(browser, server, { runs = 3, log } = {}) {
  const pages = {};
  for (const t of PAGE_TYPES) {
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await loadWithoutInteraction(browser, server.url(t.path)));
    const first = samples[0];
    if (first.status === 404) {
      pages[t.name] = { path: `/${t.path}`, missing: true };
      log?.(`  ${t.name}: missing (404)`);
      continue;
    }
    const pick = (k, f) => median(samples.map((s) => s.totals[k][f]));
    const totals = Object.fromEntries(
      ['html', 'css', 'script', 'other'].map((k) => [k, { bytes: pick(k, 'bytes'), gzip: pick(k, 'gzip') }]),
    );
    const budget = {
      html: { limit: BYTE_BUDGETS.html, ok: totals.html.gzip <= BYTE_BUDGETS.html },
      css: { limit: BYTE_BUDGETS.css, ok: totals.css.gzip <= BYTE_BUDGETS.css },
    };
    if (t.script)
      budget.script = { limit: BYTE_BUDGETS.script, ok: totals.script.gzip <= BYTE_BUDGETS.script };
    pages[t.name] = {
      path: `/${t.path}`,
      status: first.status,
      totals,
      budget,
      requests: first.requests,
      runs,
    };
    log?.(
      `  ${t.name}: html ${totals.html.gzip} B, css ${totals.css.gzip} B, script ${totals.script.gzip} B gzip`,
    );
  }
  return { pages, budgets: BYTE_BUDGETS };
}

export { sum };
