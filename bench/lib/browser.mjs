/**
 * What the bench parts measure pages with: a recorder for every response a page gets, gzip
 * sizes and medians. The browser itself is scripts/chromium.mjs, as in the end-to-end tests.
 */
import { gzipSync } from 'node:zlib';
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
