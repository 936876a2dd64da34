import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { test, expect } from './fixtures';
import { SITES } from '../../playwright.config';

/**
 * Links for tickets on a host the site was not built for. Each project's build (the root one
 * without SITE_URL, the /mim-help/ one with SITE_URL=https://help.contoso.local) is served a
 * second time on another port; every link the page shows or copies must name that address, and
 * opening a copied link must land on the page and heading it names.
 */
const root = path.resolve(import.meta.dirname, '../..');
let server: ChildProcess | undefined;
let other = '';

test.beforeAll(async ({}, info) => {
  const site = SITES[info.project.name as keyof typeof SITES];
  // One second server per worker: root and subpath ports differ by one, workers by two.
  const port = site.port + 200 + info.parallelIndex * 2;
  server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--dir', site.outDir], {
    cwd: root,
    env: { ...process.env, SITE_BASE: site.base },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server!.stdout!.on('data', (d: Buffer) => d.toString().includes('Serving') && resolve());
    server!.on('exit', (code) => reject(new Error(`the second server stopped (exit ${code})`)));
  });
  other = `http://127.0.0.1:${port}${site.base}`;
});
test.afterAll(() => {
  server?.kill();
});

test.describe('links for tickets on another host and port', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('every link a code page shows or copies names the address it is read at', async ({ page }) => {
    await page.goto(`${other}codes/stopped-server/`);
    const long = `${other}codes/stopped-server/`;
    const short = `${other}e/stopped-server/`;
    await expect(page.locator('.permalink-url').first()).toHaveText(long);
    await expect(page.locator('.short-url')).toHaveText(short);
    const clip = async (name: string) => {
      await page.getByRole('button', { name, exact: true }).click();
      return page.evaluate(() => navigator.clipboard.readText());
    };
    expect(await clip('Copy link')).toBe(long);
    expect(await clip('Copy short link')).toBe(short);
    const ticket = await clip('Copy for ticket');
    expect(ticket.split('\n').at(-1)).toBe(long);
    expect(ticket).toMatch(new RegExp(`\\(${other.replace(/[.]/g, '\\.')}steps/[a-z0-9-]+/\\)`));
    const md = await clip('Copy as Markdown');
    expect(md).toContain(`](${long})**`);
    await expect(page.locator('.ticket-pre')).toContainText(long, { useInnerText: false });
    await page.locator('.heading-wrapper .heading-link').first().click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${long}#where`);
    const mail = await page.locator('.feedback a').first().getAttribute('href');
    expect(decodeURIComponent(mail ?? '')).toContain(long);
    const html = await page.content();
    expect(html).not.toMatch(/localhost:4321/);
  });

  test('a copied heading link opens the right step and heading, highlighted, below the header', async ({
    page,
    context,
  }) => {
    await page.goto(`${other}steps/pcns-event-6025/`);
    await page.locator('.heading-wrapper:has(#fix) .heading-link').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${other}steps/pcns-event-6025/#fix`);
    const fresh = await context.newPage();
    await fresh.goto(copied);
    const fix = fresh.locator('#fix');
    await expect(fix).toBeInViewport();
    expect(await fresh.evaluate(() => document.querySelector(':target')?.id)).toBe('fix');
    const headerBottom = await fresh
      .locator('.site-header')
      .evaluate((h) => h.getBoundingClientRect().bottom);
    const top = await fix.evaluate((h) => h.getBoundingClientRect().top);
    expect(top, 'the heading sits below the sticky header').toBeGreaterThanOrEqual(headerBottom);
    const bg = await fix.evaluate((h) => getComputedStyle(h).backgroundColor);
    expect(bg, 'the :target heading is highlighted').not.toBe('rgba(0, 0, 0, 0)');
  });

  test('a copied short link opens the code page', async ({ page }) => {
    await page.goto(`${other}codes/stopped-server/`);
    await page.getByRole('button', { name: 'Copy short link', exact: true }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await page.goto(copied);
    await expect(page).toHaveURL(`${other}codes/stopped-server/`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('stopped-server');
  });
});

test.describe('the language switch keeps the reader’s place', () => {
  test('it keeps ?build= on the versions page', async ({ page }) => {
    await page.goto(`${other}versions/?build=4.4.1459.0`);
    await page.locator('a.lang-switch').click();
    await expect(page).toHaveURL(`${other}sv/versions/?build=4.4.1459.0`);
  });

  test('it keeps ?q= on the lookup page', async ({ page }) => {
    await page.goto(`${other}sv/lookup/?q=6025`);
    await page.locator('a.lang-switch').click();
    await expect(page).toHaveURL(`${other}lookup/?q=6025`);
  });

  test('it keeps the #anchor, as the same heading in the other language', async ({ page }) => {
    await page.goto(`${other}steps/pcns-event-6025/#fix`);
    await page.locator('a.lang-switch').click();
    await expect(page).toHaveURL(`${other}sv/steps/pcns-event-6025/#%C3%A5tg%C3%A4rd`);
    await page.locator('a.lang-switch').click();
    await expect(page).toHaveURL(`${other}steps/pcns-event-6025/#fix`);
    await page.goto(`${other}codes/stopped-server/#checks`);
    await page.locator('a.lang-switch').click();
    await expect(page).toHaveURL(`${other}sv/codes/stopped-server/#checks`);
  });
});
