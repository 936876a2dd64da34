/**
 * Chromium through Playwright, with the same executable and flags as the end-to-end tests
 * (tests/e2e/browser.ts, playwright.config.ts), and a recorder for every response a page gets.
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Same order as tests/e2e/browser.ts: CHROMIUM_PATH, Playwright's own browser, the system one. */
export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  try {
    if (existsSync(chromium.executablePath())) return chromium.executablePath();
  } catch {
    // Playwright has no browser of its own here.
  }
  for (const p of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ])
    if (existsSync(p)) return p;
  throw new Error(
    'No Chromium found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH=/path/to/chrome.',
  );
}

export function launch() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

/** gzip size at level 9, as a static host that precompresses would send it. */
export const gzipBytes = (buf) => gzipSync(buf, { level: 9 }).length;

/**
 * Records every finished response of a page: URL, Playwright resource type, body bytes, gzip
 * bytes of the body, and bytes on the wire (headers + body as served; scripts/serve.mjs does not
 * compress). `mark()` starts a new phase so callers can tell page load from search.
 */
export function recordResponses(page) {
  const entries = [];
  const pending = new Set();
  let phase = 'load';
  const startedIn = new WeakMap();
  page.on('request', (req) => startedIn.set(req, phase));
  page.on('requestfinished', (req) => {
    const p = (async () => {
      const res = await req.response();
      if (!res) return;
      let body;
      try {
        body = await res.body();
      } catch {
        body = Buffer.alloc(0);
      }
      const sizes = await req.sizes().catch(() => undefined);
      entries.push({
        url: req.url(),
        type: req.resourceType(),
        status: res.status(),
        phase: startedIn.get(req) ?? phase,
        bytes: body.length,
        gzip: body.length ? gzipBytes(body) : 0,
        wire: sizes ? sizes.responseHeadersSize + sizes.responseBodySize : body.length,
      });
    })();
    pending.add(p);
    p.finally(() => pending.delete(p));
  });
  return {
    entries,
    mark(name) {
      phase = name;
    },
    /** Waits for every response seen so far to be measured. */
    async settle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

export const sum = (xs, key) => xs.reduce((a, x) => a + x[key], 0);

export function median(xs) {
  const a = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return null;
  const m = Math.floor(a.length / 2);
  return a.length % 2 ? a[m] : (a[m - 1] + a[m]) / 2;
}
