import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, at } from './fixtures';

/** The sync data-flow diagram on the home page (src/components/SyncDiagram.astro). */
const HOMES = [
  {
    lang: 'en',
    path: '',
    heading: 'How MIM sync fits together',
    labels: [
      'Connected systems',
      'Active Directory',
      'PCNS on the domain controllers',
      'Management agents',
      'Connector space',
      'Metaverse',
      'FIM Service MA',
      'MIM Service',
      'MIM Synchronization Service',
      'FIMSynchronizationService',
      'FIMService',
    ],
    runProfiles: ['Import', 'Synchronization', 'Export'],
    notHere: ['Anslutningsutrymme', 'Metaversum'],
  },
  {
    lang: 'sv',
    path: 'sv/',
    heading: 'Så hänger MIM-synkroniseringen ihop',
    labels: [
      'Anslutna system',
      'Active Directory',
      'PCNS på domänkontrollanterna',
      'Hanteringsagenter',
      'Anslutningsutrymme',
      'Metaversum',
      'FIM Service-MA',
      'MIM Service',
      'MIM Synchronization Service',
      'FIMSynchronizationService',
      'FIMService',
    ],
    runProfiles: ['Import', 'Synkronisering', 'Export'],
    notHere: ['Connector space', 'Metaverse'],
  },
] as const;

const section = (page: Page) => page.locator('section[aria-labelledby="diagram"]');
/** The layout on screen: the other one is display:none. */
const visibleSvg = (page: Page) => section(page).locator('svg').filter({ visible: true });

for (const home of HOMES) {
  test.describe(`the sync diagram (${home.lang})`, () => {
    test('renders with its labels in the page language', async ({ page }) => {
      await page.goto(at(home.path));
      await expect(section(page).getByRole('heading', { level: 2 })).toHaveText(home.heading);
      const svg = visibleSvg(page);
      await expect(svg).toHaveCount(1);
      await expect(svg).toHaveAttribute('viewBox', /^0 0 \d+ \d+$/);
      // Visible words (<text>), not only the <title> of a part.
      const drawn = (label: string) => svg.locator('text').filter({ hasText: new RegExp(`^${label}$`) });
      for (const label of home.labels) await expect(drawn(label).first(), label).toBeVisible();
      for (const label of home.notHere) await expect(drawn(label)).toHaveCount(0);
      // The run profiles are labelled links on the arrows.
      for (const name of home.runProfiles)
        await expect(svg.getByRole('link', { name: new RegExp(`^${name}: `) })).toBeVisible();
      // Parts are named groups, so a screen reader hears what each link belongs to.
      await expect(svg.getByRole('group', { name: home.labels[4] })).toBeVisible();
      // The same parts and links as text below it.
      const items = section(page).locator('.dg-list > li');
      await expect(items).toHaveCount(13);
      for (const label of [home.labels[0], home.labels[4], home.labels[5]])
        await expect(items.filter({ hasText: label }).first()).toBeVisible();
    });

    test('every link in it resolves, in the page language, and the list has the same links', async ({
      page,
    }) => {
      await page.goto(at(home.path));
      const hrefs = (sel: string) =>
        section(page)
          .locator(sel)
          .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const inSvgs = await hrefs('svg a');
      const inList = await hrefs('.dg-list a');
      expect(inSvgs.length).toBeGreaterThanOrEqual(30); // two layouts
      expect(new Set(inSvgs)).toEqual(new Set(inList));
      // Links carry the base path and the language prefix of the home page they are on.
      const homePath = new URL(page.url()).pathname;
      const unique = [...new Set(inSvgs)];
      for (const href of unique)
        expect(href, href).toMatch(new RegExp(`^${homePath}(steps|codes)/[a-z0-9-]+/$`));
      for (const slug of [
        'connectivity-and-credentials',
        'import-data-errors',
        'sync-rules-and-extensions',
        'extension-dll-exception',
        'export-errors-and-permissions',
        'pcns-event-6025',
        'pcns-password-sync-setup',
        'stopped-server-failed-creation',
        'slow-full-sync-fim-service-ma',
        'sql-and-database-health',
      ])
        expect(unique).toContain(`${homePath}steps/${slug}/`);
      for (const href of unique) {
        const res = await page.request.get(new URL(href, page.url()).href);
        expect(res.status(), href).toBe(200);
      }
    });

    test('a part can be reached and followed with the keyboard', async ({ page }) => {
      await page.goto(at(home.path));
      // Start the tab sequence at the heading, as a reader who clicked there would.
      await section(page).getByRole('heading', { level: 2 }).click();
      await page.keyboard.press('Tab');
      const first = visibleSvg(page).getByRole('link').first();
      await expect(first).toBeFocused();
      await page.keyboard.press('Tab');
      const second = visibleSvg(page).getByRole('link').nth(1);
      await expect(second).toBeFocused();
      // The focus ring is drawn (the chip's ring gets a stroke only on :focus-visible).
      const ring = await second.locator('.dg-ring').evaluate((el) => getComputedStyle(el).stroke);
      expect(ring).not.toBe('none');
      const href = await second.getAttribute('href');
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new URL(href!, page.url()).href);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });

    test('the narrow layout fits a 320 px screen with large enough targets', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(at(home.path));
      const svg = visibleSvg(page);
      await expect(svg).toHaveCount(1);
      await expect(section(page).locator('.dg-narrow svg')).toBeVisible();
      await expect(section(page).locator('.dg-wide svg')).toBeHidden();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const box = await svg.getByRole('link').first().boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(24);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`passes axe-core in the ${colorScheme} theme`, async ({ page }) => {
        test.skip(test.info().project.name !== 'root', 'the same HTML and CSS at every base (a11y.spec.ts)');
        test.setTimeout(90_000); // two axe runs, 18-21 s on a busy 2-core CI machine
        await page.emulateMedia({ colorScheme });
        await page.goto(at(home.path));
        for (const width of [1280, 360]) {
          await page.setViewportSize({ width, height: 900 });
          const result = await new AxeBuilder({ page })
            .include('section[aria-labelledby="diagram"]')
            .analyze();
          expect(
            result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
            `at ${width} px`,
          ).toEqual([]);
        }
      });
    }
  });
}
