/**
 * Part 4: Lighthouse (the npm package) against the served build, in the local Chromium launched
 * by chrome-launcher with the end-to-end tests' flags plus --headless=new. Lighthouse's defaults:
 * mobile form factor, simulated throttling. Each page is run several times, each time in a newly
 * launched Chromium; the scores reported are medians, and the audits listed are those scoring
 * below 1 in any run (with how many runs).
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { median } from './browser.mjs';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/chromium.mjs';

export const LH_PAGES = [
  { key: 'home', path: '' },
  { key: 'step', path: 'steps/pcns-event-6025/' },
  { key: 'code', path: 'codes/stopped-server/' },
  { key: 'lookup', path: 'lookup/' },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

async function runOnce(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumExecutable(),
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    logLevel: 'silent',
  });
  try {
    const r = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    return r.lhr;
  } finally {
    chrome.kill();
  }
}

/** A few words on what an audit flagged: elements, URLs or checks. */
function detailItems(details) {
  if (!details) return [];
  let items = details.items;
  if (details.type === 'list')
    items = (items ?? []).flatMap((sub) => (Array.isArray(sub.items) ? sub.items : []));
  else if (details.type === 'checklist' && items && !Array.isArray(items)) {
    return Object.entries(items)
      .filter(([, v]) => !v.value)
      .map(([k, v]) => v.label ?? k);
  }
  if (!Array.isArray(items)) return [];
  return items
    .slice(0, 5)
    .map((i) =>
      String(
        i.node?.snippet ??
          i.node?.selector ??
          i.url ??
          i.source?.url ??
          i.description ??
          JSON.stringify(i).slice(0, 160),
      ),
    )
    .map((i) => i.replace(/^https?:\/\/(localhost|127\.0\.0\.1):\d+/, ''));
}

/** For a metric, the elements behind it (from the diagnostic audits Lighthouse pairs with it). */
const CULPRITS = {
  'cumulative-layout-shift': ['layout-shifts', 'cls-culprits-insight'],
  'largest-contentful-paint': ['largest-contentful-paint-element', 'lcp-breakdown-insight'],
  'first-contentful-paint': ['render-blocking-insight'],
};
function culprits(lhr, id) {
  for (const other of CULPRITS[id] ?? []) {
    const items = detailItems(lhr.audits[other]?.details).filter((i) => !i.startsWith('{'));
    if (items.length) return items.map((i) => `${other}: ${i}`);
  }
  return [];
}

/** Audits below a full score in one report, split into weighted (they lower the score) and unweighted. */
function failures(lhr) {
  const out = [];
  for (const cat of CATEGORIES) {
    for (const ref of lhr.categories[cat].auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 1) continue;
      if (['notApplicable', 'manual', 'informative', 'error'].includes(a.scoreDisplayMode)) continue;
      out.push({
        category: cat,
        id: a.id,
        title: a.title,
        score: a.score,
        weight: ref.weight,
        displayValue: a.displayValue,
        items: detailItems(a.details)
          .filter((i) => !i.startsWith('{'))
          .concat(culprits(lhr, a.id)),
      });
    }
    // Audits that errored count as failures too: say so rather than hide them.
    for (const ref of lhr.categories[cat].auditRefs) {
      const a = lhr.audits[ref.id];
      if (a?.scoreDisplayMode === 'error')
        out.push({
          category: cat,
          id: a.id,
          title: a.title,
          score: null,
          weight: ref.weight,
          displayValue: `audit error: ${a.errorMessage}`,
        });
    }
  }
  return out;
}

export async function measureLighthouse(server, { runs = 3, log } = {}) {
  const pages = {};
  let env;
  for (const p of LH_PAGES) {
    const url = server.url(p.path);
    const reports = [];
    for (let i = 0; i < runs; i++) reports.push(await runOnce(url));
    env ??= {
      lighthouse: reports[0].lighthouseVersion,
      userAgent: reports[0].environment?.hostUserAgent,
      formFactor: reports[0].configSettings?.formFactor,
      throttling: reports[0].configSettings?.throttlingMethod,
    };
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round(median(reports.map((r) => (r.categories[c].score ?? 0) * 100)))]),
    );
    const metrics = Object.fromEntries(
      [
        'first-contentful-paint',
        'largest-contentful-paint',
        'total-blocking-time',
        'cumulative-layout-shift',
        'speed-index',
      ].map((id) => [id, median(reports.map((r) => r.audits[id]?.numericValue))]),
    );
    const seen = new Map();
    for (const r of reports) {
      for (const f of failures(r)) {
        const k = `${f.category}/${f.id}`;
        const prev = seen.get(k);
        if (prev) prev.runs++;
        else seen.set(k, { ...f, runs: 1 });
      }
    }
    pages[p.key] = { path: `/${p.path}`, runs, scores, metrics, failed: [...seen.values()] };
    log?.(
      `  ${p.key}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}${seen.size ? `; below 1: ${[...seen.keys()].join(', ')}` : ''}`,
    );
  }
  return { settings: env, pages };
}
