import { test as base, expect } from '@playwright/test';

/**
 * Every page in every test: requests that leave the machine are blocked and fail the test, and
 * so does any console error, uncaught exception or Content-Security-Policy violation.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      await page.route('**/*', (route) => {
        const url = new URL(route.request().url());
        if (
          ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ||
          url.protocol === 'data:' ||
          url.protocol === 'blob:'
        )
          return route.continue();
        problems.push(`non-local request: ${url.href}`);
        return route.abort('blockedbyclient');
      });
      // A 404 page is a 404 on purpose: Chromium logs the status of the document itself.
      const documents404 = new Set<string>();
      page.on('response', (r) => {
        if (r.status() === 404 && r.request().isNavigationRequest()) documents404.add(r.url());
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        if (/status of 404/.test(msg.text()) && documents404.has(msg.location().url)) return;
        problems.push(`console error: ${msg.text()} (${msg.location().url})`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      await use(problems);
      expect(problems, problems.join('\n')).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Path inside the site, relative to the project's base URL ("codes/" → http://host/base/codes/). */
export const at = (p: string) => p.replace(/^\//, '');
