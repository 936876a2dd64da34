import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './scripts/chromium.mjs';

/**
 * End-to-end tests in a real Chromium against production builds: one served at the root and
 * one under /mim-help/, both through scripts/serve.mjs with the shipped headers (CSP included).
 * Each web server builds its site first (--build), unless E2E_SKIP_BUILD=1 reuses the last build.
 * A run of one project (`--project=root`) starts, and builds, only that project's site.
 */
// E2E_PORT moves both servers; without it, each checkout gets its own pair of ports (derived
// from its path), so two checkouts on one machine can run their e2e tests side by side.
// E2E_OUT keeps their builds apart.
const pathHash = [...process.cwd()].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
const port = Number(process.env.E2E_PORT ?? 4410 + (pathHash % 500) * 2);
const out = process.env.E2E_OUT ?? 'dist-e2e';
// The root build has no SITE_URL (no canonical, no sitemap; copied links from the page's address);
// the subpath build names a host it is never served at, so a test can tell the two apart.
export const SITES = {
  root: { port, base: '/', outDir: `${out}-root`, siteUrl: '' },
  subpath: {
    port: port + 1,
    base: '/mim-help/',
    outDir: `${out}-sub`,
    siteUrl: 'https://help.contoso.local',
  },
} as const;

/**
 * The projects named on the command line (`--project=x`, `--project x`, wildcards as Playwright
 * takes them), or every project. Playwright starts every web server whatever projects run, so
 * the config leaves out the servers of the projects that do not.
 */
function selected(argv: readonly string[]): string[] {
  const names = argv.flatMap((a, i) =>
    a.startsWith('--project=')
      ? [a.slice('--project='.length)]
      : a === '--project'
        ? [argv[i + 1] ?? '']
        : [],
  );
  const all = Object.keys(SITES);
  if (!names.length) return all;
  const patterns = names.map(
    (n) => new RegExp(`^${n.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'),
  );
  return all.filter((name) => patterns.some((p) => p.test(name)));
}
const running = selected(process.argv);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  // Full-text results wait for Pagefind's wasm and index chunks. Alone they settle in about 1 s;
  // with two workers and two servers on a 2-core machine one took over the default 5 s (a
  // "filters full-text results by kind" failure in a full local run, 2026-12-02). A wrong page
  // still fails: the limit only decides how long a right one may take to arrive.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
    },
    trace: 'off',
  },
  projects: Object.entries(SITES).map(([name, s]) => ({
    name,
    use: { browserName: 'chromium' as const, baseURL: `http://127.0.0.1:${s.port}${s.base}` },
    // axe on every page type runs against the root build only: the subpath build is the same
    // HTML and CSS with other URLs, and those URLs are checked where they matter (dist.spec.ts
    // resolves every link and asset of both builds, csp.spec.ts and links.spec.ts load them).
    // It was a quarter of the e2e time.
    ...(name === 'root' ? {} : { testIgnore: ['a11y.spec.ts'] }),
  })),
  webServer: Object.entries(SITES)
    .filter(([name]) => running.includes(name))
    .map(([, s]) => ({
      command: `node scripts/serve.mjs ${process.env.E2E_SKIP_BUILD === '1' ? '' : '--build '}--port ${s.port} --dir ${s.outDir}`,
      env: { SITE_BASE: s.base, SITE_URL: s.siteUrl },
      url: `http://127.0.0.1:${s.port}${s.base}`,
      reuseExistingServer: false,
      timeout: 240_000,
    })),
});
