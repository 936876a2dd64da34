import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, at } from './fixtures';

/**
 * axe-core on every page type, in English and Swedish, light and dark: zero violations of any
 * rule axe runs by default (WCAG 2.0–2.2 A and AA plus its best practices). Each page waits for
 * what makes it that page type (results rendered, the lookup's message shown) before axe runs.
 * Root project only (playwright.config.ts says why).
 */
type PageCase = { name: string; path: string; ready: (page: Page) => Promise<void>; status?: number };

const heading = async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
};

const PAGES: PageCase[] = [
  { name: 'home', path: '', ready: heading },
  { name: 'a step', path: 'steps/pcns-event-6025/', ready: heading },
  { name: 'a code', path: 'codes/stopped-server/', ready: heading },
  { name: 'the catalog', path: 'codes/', ready: heading },
  {
    name: 'the lookup with results',
    path: 'lookup/?q=6025',
    ready: async (page) => {
      await expect(page.locator('#lookup-results > li[data-tier="exact"]').first()).toBeVisible();
      await expect(page.locator('#lookup-results > li[data-tier="fulltext"]').first()).toBeVisible();
    },
  },
  {
    name: 'the lookup with no result',
    path: 'lookup/?q=zzzz-nothing',
    ready: async (page) => {
      await expect(page.locator('.lookup-none')).toBeVisible();
    },
  },
  { name: 'versions', path: 'versions/', ready: heading },
  { name: 'the 404 page', path: 'no-such-page/', ready: heading, status: 404 },
];

for (const lang of ['en', 'sv'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`accessibility, ${lang}, ${scheme}`, () => {
      for (const p of PAGES) {
        test(`${p.name} has no axe violations`, async ({ page }) => {
          // axe walks the whole DOM: on the catalog (300+ codes) it took 26-32 s on a 2-core CI
          // machine with both workers busy, at the default 30 s limit. This is a limit, not a
          // timing assertion (timings are in bench/).
          test.setTimeout(120_000);
          await page.emulateMedia({ colorScheme: scheme });
          const res = await page.goto(at(`${lang === 'sv' ? 'sv/' : ''}${p.path}`));
          // A page that is not built yet would otherwise be checked as the 404 page.
          expect(res?.status()).toBe(p.status ?? 200);
          await p.ready(page);
          const { violations } = await new AxeBuilder({ page }).analyze();
          const summary = violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')}`,
          );
          expect(summary, summary.join('\n')).toEqual([]);
        });
      }
    });
  }
}
