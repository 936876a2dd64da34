import { test, expect, at } from './fixtures';
import { SITES } from '../../playwright.config';

test.describe('links for tickets', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('"Copy link" puts the page’s own absolute URL on the clipboard, not the build’s', async ({ page }) => {
    await page.goto(at('codes/stopped-server/'));
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(page.locator('.share-status')).toHaveText('Copied to the clipboard.');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toBe(new URL('codes/stopped-server/', test.info().project.use.baseURL).href);
  });

  test('a heading link copies the URL with its anchor, and the anchor lands on the heading', async ({
    page,
  }) => {
    await page.goto(at('steps/pcns-event-6025/'));
    const wrapper = page.locator('.prose .heading-wrapper.level-2').nth(2);
    const id = await wrapper.locator('h2').getAttribute('id');
    await wrapper.locator('.heading-link').click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toBe(new URL(`steps/pcns-event-6025/#${id}`, test.info().project.use.baseURL).href);
    await page.goto(text);
    await expect(page.locator(`#${id}`)).toBeInViewport();
  });

  test('"Copy for ticket" gives title, code, the fix and the URL; Markdown gives the same with links', async ({
    page,
  }) => {
    await page.goto(at('codes/stopped-server/'));
    await page.getByRole('button', { name: 'Copy for ticket' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^stopped-server: /);
    expect(lines[1]).toBe('Code: stopped-server');
    const origin = new URL(test.info().project.use.baseURL!).origin;
    expect(lines[2]).toMatch(/^Fix: Step \d+: .+ \(https?:\/\/.+\/steps\/[a-z0-9-]+\/\)$/);
    expect(lines[2]).toContain(`(${origin}/`);
    expect(lines[3]).toBe(new URL('codes/stopped-server/', test.info().project.use.baseURL).href);
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toMatch(/^\*\*\[stopped-server: .+\]\(https?:\/\/.+\/codes\/stopped-server\/\)\*\*/);
    expect(md).toContain('Code: `stopped-server`');
  });

  test('the permalink is visible without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(test.info().project.use.baseURL + 'sv/steps/pcns-event-6025/');
    await expect(page.locator('.permalink-url')).toHaveText(/\/sv\/steps\/pcns-event-6025\/$/);
    await expect(page.locator('.permalink-url')).toHaveAttribute('href', /\/sv\/steps\/pcns-event-6025\/$/);
    await context.close();
  });
});

test.describe('reading features', () => {
  test('a step has breadcrumbs, a table of contents, applies-to, last reviewed and previous/next', async ({
    page,
  }) => {
    await page.goto(at('steps/pcns-event-6025/'));
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Step 5');
    await expect(page.locator('.toc a').first()).toHaveAttribute('href', '#symptoms');
    await expect(page.locator('.page-meta')).toContainText('Applies to');
    await expect(page.locator('.page-meta time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
    await page.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(/steps\/slow-full-sync-fim-service-ma\/$/);
    await page.locator('a[rel="prev"]').click();
    await expect(page).toHaveURL(/steps\/pcns-event-6025\/$/);
  });

  test('the same features exist in Swedish', async ({ page }) => {
    await page.goto(at('sv/steps/pcns-event-6025/'));
    await expect(page.getByRole('navigation', { name: 'Sökväg' })).toContainText('Steg 5');
    await expect(page.locator('.toc-col .toc-title')).toHaveText('På den här sidan');
    await expect(page.locator('.page-meta')).toContainText('Gäller');
    await expect(page.locator('.page-meta')).toContainText('Senast granskad');
    await expect(page.locator('a[rel="next"]')).toHaveAttribute(
      'href',
      /\/sv\/steps\/slow-full-sync-fim-service-ma\/$/,
    );
    await expect(page.getByRole('button', { name: 'Kopiera till ärende' })).toBeVisible();
  });

  test('a code page shows applies-to and last reviewed', async ({ page }) => {
    await page.goto(at('codes/pcns-event-6025/'));
    await expect(page.locator('.page-meta')).toContainText('Applies to');
    await expect(page.locator('.page-meta')).toContainText('Last reviewed');
  });

  test('the theme switches between auto, light and dark and survives a reload', async ({ page }) => {
    await page.goto(at('codes/'));
    const html = page.locator('html');
    const toggle = page.locator('#theme-toggle');
    await expect(toggle).toContainText('Auto');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await toggle.click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toContainText('Dark');
    await toggle.click();
    await expect(html).not.toHaveAttribute('data-theme', /./);
  });

  test('on a phone, "On this page" stays under the header, names the section and jumps below itself', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(at('steps/pcns-event-6025/'));
    const bar = page.locator('.toc-bar');
    await expect(bar).toBeVisible();
    await expect(bar.locator('summary')).toContainText('On this page');
    // Deep in the page the bar is still there, right under the header, and names a section.
    await page.locator('#verify').scrollIntoViewIfNeeded();
    const headerBottom = await page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().bottom);
    await expect(bar).toBeInViewport();
    expect(Math.round(await bar.evaluate((b) => b.getBoundingClientRect().top))).toBe(
      Math.round(headerBottom),
    );
    await expect(bar.locator('[data-toc-current]')).not.toHaveText('');
    // A jump from it closes it, and the heading lands below the bar, not under it.
    await bar.locator('summary').click();
    await bar.getByRole('link', { name: 'Fix', exact: true }).click();
    await expect(page).toHaveURL(/#fix$/);
    await expect(bar.locator('details')).not.toHaveAttribute('open', /.*/);
    await expect(bar.locator('[data-toc-current]')).toHaveText('Fix');
    const barBottom = await bar.evaluate((b) => b.getBoundingClientRect().bottom);
    const top = await page.locator('#fix').evaluate((h) => h.getBoundingClientRect().top);
    expect(top, 'the heading sits below the bar').toBeGreaterThanOrEqual(barBottom);
    // Every heading, not only the target, clears the header and the bar: toc.ts starts the band
    // it watches at the headings' own scroll-margin-top.
    const margin = await page
      .locator('#verify')
      .evaluate((h) => parseFloat(getComputedStyle(h).scrollMarginTop));
    expect(margin, 'scroll-margin-top of a heading that is not the target').toBeGreaterThanOrEqual(barBottom);
    // Where the right-hand column shows the list, the bar is gone.
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(bar).toBeHidden();
    await expect(page.locator('.toc-col .toc')).toBeVisible();
  });

  test('"On this page" keeps marking the section after the window is resized across the breakpoint', async ({
    page,
  }) => {
    // Opened wide, only the column's copy starts; the bar's copy must start once a narrower
    // window shows it, and the column's copy again (with its own band) when the window widens.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(at('steps/pcns-event-6025/'));
    await expect(page.locator('.toc-col .toc a[aria-current="true"]')).toHaveCount(1);
    await page.setViewportSize({ width: 390, height: 800 });
    const bar = page.locator('.toc-bar');
    await page.locator('#fix').evaluate((h) => h.scrollIntoView());
    await expect(bar.locator('[data-toc-current]')).toHaveText('Fix');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('#likely-causes').evaluate((h) => h.scrollIntoView());
    await expect(page.locator('.toc-col .toc a[aria-current="true"]')).toHaveText('Likely causes');
  });

  test('the header controls keep their names where their text is hidden', async ({ page }) => {
    // Below 480 px only icons show (header.css); each control is still named for screen readers.
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(at('codes/'));
    const header = page.locator('.site-header');
    await expect(header.locator('.brand-name')).toBeHidden();
    await expect(header.getByRole('link', { name: 'MIM Sync help', exact: true })).toBeVisible();
    await expect(header.locator('.theme-toggle > span')).toBeHidden();
    const toggle = header.getByRole('button', { name: 'Theme: Auto' });
    await expect(toggle).toBeVisible();
    await toggle.click();
    await expect(header.getByRole('button', { name: 'Theme: Light' })).toBeVisible();
    await expect(header.locator('.lang-switch > span')).toBeHidden();
    await expect(header.getByRole('link', { name: 'Läs den här sidan på svenska' })).toBeVisible();
    await expect(header.locator('.menu-text')).toBeHidden();
    await expect(header.locator('summary')).toHaveAccessibleName('Menu');
  });

  test('the stored theme applies before the first paint', async ({ page }) => {
    await page.goto(at('codes/'));
    await page.evaluate(() => localStorage.setItem('mim-theme', 'dark'));
    // Read the attribute as soon as the body exists, before any module script has run.
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive')
          (window as unknown as { earlyTheme: string | null }).earlyTheme =
            document.documentElement.getAttribute('data-theme');
      });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { earlyTheme: string | null }).earlyTheme)).toBe(
      'dark',
    );
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(15, 20, 25)');
  });

  test('works at 320 px wide without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    for (const p of [
      '',
      'steps/pcns-event-6025/',
      'codes/no-start-concurrent-execution-not-support/',
      'codes/',
      'lookup/?q=6025',
    ]) {
      await page.goto(at(p));
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, p).toBeLessThanOrEqual(0);
    }
  });

  test('prints without the header, lookup and copy buttons', async ({ page }) => {
    await page.goto(at('steps/pcns-event-6025/'));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.share-buttons')).toBeHidden();
    await expect(page.locator('.permalink-url')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('has canonical (with SITE_URL), hreflang, description and Open Graph tags', async ({ page }) => {
    const siteUrl = SITES[test.info().project.name as keyof typeof SITES].siteUrl;
    await page.goto(at('sv/codes/stopped-server/'));
    if (siteUrl) {
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        `${siteUrl}/mim-help/sv/codes/stopped-server/`,
      );
      await expect(page.locator('meta[property="og:url"]')).toHaveAttribute(
        'content',
        `${siteUrl}/mim-help/sv/codes/stopped-server/`,
      );
    } else {
      await expect(page.locator('link[rel="canonical"], meta[property="og:url"]')).toHaveCount(0);
    }
    // Absolute with SITE_URL, else the site path (which the browser resolves against the host).
    await expect(page.locator('link[hreflang="en"]')).toHaveAttribute(
      'href',
      siteUrl ? `${siteUrl}/mim-help/codes/stopped-server/` : '/codes/stopped-server/',
    );
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /stopped-server/);
    await expect(page.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'sv_SE');
  });

  test('serves a sitemap with both languages when built with SITE_URL, and none without', async ({
    request,
  }) => {
    const siteUrl = SITES[test.info().project.name as keyof typeof SITES].siteUrl;
    const res = await request.get(at('sitemap-0.xml'));
    if (!siteUrl) {
      expect(res.status()).toBe(404);
      expect((await request.get(at('sitemap-index.xml'))).status()).toBe(404);
      expect(await (await request.get(at('robots.txt'))).text()).not.toContain('Sitemap:');
      return;
    }
    expect(res.status()).toBe(200);
    const xml = await res.text();
    expect(xml).toContain(`<loc>${siteUrl}/mim-help/codes/stopped-server/</loc>`);
    expect(xml).toMatch(/hreflang="sv" href="[^"]*\/sv\/codes\/stopped-server\/"/);
    expect(xml).not.toContain('/e/');
  });

  test('"Was this helpful?" opens a prefilled mail', async ({ page }) => {
    await page.goto(at('codes/stopped-server/'));
    const yes = page.locator('.feedback a').first();
    await expect(yes).toHaveAttribute('href', /^mailto:\?subject=Feedback%20on%3A%20stopped-server/);
    const url = new URL('codes/stopped-server/', test.info().project.use.baseURL).href;
    // The page's own address, once the page script has put it there.
    await expect
      .poll(async () => (await yes.getAttribute('href')) ?? '')
      .toContain(`&body=${encodeURIComponent(`${url}\n\n`)}`);
  });
});
