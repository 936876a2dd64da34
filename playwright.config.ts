import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './tests/e2e/browser';

/**
 * End-to-end tests in a real Chromium against production builds: one served at the root and
 * one under /mim-help/, both through scripts/serve.mjs with the shipped headers (CSP included).
 * Each web server builds its site first (--build), unless E2E_SKIP_BUILD=1 reuses the last build.
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

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  projects: Object.entries(SITES).map(([name, s]) => ({
    name,
    use: { browserName: 'chromium' as const, baseURL: `http://127.0.0.1:${s.port}${s.base}` },
  })),
  webServer: Object.values(SITES).map((s) => ({
    command: `node scripts/serve.mjs ${process.env.E2E_SKIP_BUILD === '1' ? '' : '--build '}--port ${s.port} --dir ${s.outDir}`,
    env: { SITE_BASE: s.base, SITE_URL: s.siteUrl },
    url: `http://127.0.0.1:${s.port}${s.base}`,
    reuseExistingServer: false,
    timeout: 240_000,
  })),
});
