import { test, expect, at } from './fixtures';

test.describe('the site', () => {
  test('home page loads with the guide and the lookup box', async ({ page }) => {
    await page.goto(at(''));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('MIM Sync Service troubleshooting');
    const steps = page.locator('.step-list > li');
    expect(await steps.count()).toBeGreaterThanOrEqual(7);
    await expect(steps.first()).toContainText('latest');
    await expect(page.getByRole('searchbox', { name: /look up a code/i })).toBeVisible();
  });

  test('a step page renders its MDX with headings and related codes', async ({ page }) => {
    await page.goto(at('steps/pcns-event-6025/'));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('6025');
    await expect(page.locator('.prose h2').first()).toHaveText('Symptoms');
    await expect(page.locator('.prose ol li').first()).toBeVisible();
    await expect(page.locator('section[aria-labelledby="related-codes"] ul a').first()).toBeVisible();
    await expect(page.locator('section[aria-labelledby="sources"] ul a').first()).toHaveAttribute(
      'href',
      /^https?:/,
    );
  });

  test('a code only Entra Connect logs says so on its page and in the catalog, in both languages', async ({
    page,
  }) => {
    for (const [prefix, only, product] of [
      ['', 'Entra Connect only', 'does not'],
      ['sv/', 'Bara Entra Connect', 'inte MIM'],
    ] as const) {
      await page.goto(at(`${prefix}codes/largeobject/`));
      const note = page.locator('.aside.entra-only');
      await expect(note).toContainText(only);
      await expect(note).toContainText(product);
      // "Applies to" names Entra Connect, not the MIM releases its steps cover.
      await expect(page.locator('.page-meta')).toContainText('Microsoft Entra Connect');
      await expect(page.locator('.page-meta')).not.toContainText('MIM 2016');
      // A MIM code has neither.
      await page.goto(at(`${prefix}codes/stopped-server/`));
      await expect(page.locator('.aside.entra-only')).toHaveCount(0);
      await expect(page.locator('.page-meta')).toContainText('MIM 2016');
      await page.goto(at(`${prefix}codes/`));
      const row = page.locator('.code-list li', { has: page.locator('a[href$="/codes/largeobject/"]') });
      await expect(row.locator('.badge.entra-only')).toHaveText(only);
    }
  });

  test('a search for 6025 shows the 6025 code page first', async ({ page }) => {
    await page.goto(at(''));
    const box = page.getByRole('searchbox', { name: /look up a code/i });
    await box.fill('6025');
    const first = page.locator('.lookup-popup .lookup-list > li').first();
    await expect(first).toHaveAttribute('data-tier', 'exact');
    await expect(first.locator('a')).toHaveAttribute('href', /codes\/pcns-event-6025\/$/);
    await box.press('Enter');
    await expect(page).toHaveURL(/codes\/pcns-event-6025\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('6025');
  });

  test('the lookup page puts the exact code first and full-text results after it', async ({ page }) => {
    await page.goto(at('lookup/?q=stopped-server'));
    const items = page.locator('#lookup-results > li');
    await expect(items.first()).toHaveAttribute('data-tier', 'exact');
    await expect(items.first().locator('a')).toHaveAttribute('href', /codes\/stopped-server\/$/);
    await expect(page.locator('#lookup-results > li[data-tier="fulltext"]').first()).toBeVisible();
    // The near miss is never presented as exact.
    await expect(page.locator('#lookup-results > li[data-tier="exact"]')).toHaveCount(1);
  });

  test('the Swedish page is Swedish and the switcher keeps the page', async ({ page }) => {
    await page.goto(at('codes/stopped-server/'));
    await page.getByRole('link', { name: /svenska/i }).click();
    await expect(page).toHaveURL(/\/sv\/codes\/stopped-server\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Var du ser den');
  });

  test('an unknown address answers 404 with a way out', async ({ page }) => {
    const res = await page.goto(at('no-such-page/'));
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Code catalog' }).last().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Code catalog');
  });
});
