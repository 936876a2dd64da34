import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, at } from './fixtures';
import { BYTE_BUDGETS, PAGE_TYPES } from '../../scripts/page-types.mjs';

/**
 * Byte budgets, gzip (level 9) of what the browser fetched; sizes only, never timings (those are
 * in bench/, `npm run bench`). A page is measured as a visitor gets it: every response until the
 * load event and network idle, with no interaction.
 */
const LANG_PREFIX = { en: '', sv: 'sv/' } as const;

type Kind = 'html' | 'css' | 'script' | 'other';
const KIND: Record<string, Kind> = { document: 'html', stylesheet: 'css', script: 'script' };
const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

/** gzip bytes by kind for everything the page fetches; `during` runs before measuring. */
async function fetched<T>(page: Page, during: () => Promise<T>) {
  const pending: Promise<void>[] = [];
  const totals: Record<Kind, number> = { html: 0, css: 0, script: 0, other: 0 };
  const files: string[] = [];
  const json: Record<string, number> = {};
  page.on('requestfinished', (req) => {
    pending.push(
      (async () => {
        const res = await req.response();
        const body = await res?.body().catch(() => undefined);
        if (!body) return;
        const size = gz(body);
        const kind = KIND[req.resourceType()] ?? 'other';
        totals[kind] += size;
        files.push(`${kind} ${new URL(req.url()).pathname} ${size} B`);
        if (new URL(req.url()).pathname.endsWith('.json')) json[new URL(req.url()).pathname] = size;
      })(),
    );
  });
  const result = await during();
  await Promise.all(pending);
  return { status: result, totals, files: files.join('\n'), json };
}

test.describe('byte budgets (gzip)', () => {
  // Both languages: Swedish words are longer, and the Swedish versions page was once over its
  // HTML budget while the English one was not.
  for (const [lang, prefix] of Object.entries(LANG_PREFIX))
    for (const p of PAGE_TYPES) {
      const path = `${prefix}${p.path}`;
      test(`the ${p.name} page (${lang}) stays within its byte budget before any interaction`, async ({
        page,
      }) => {
        const { status, totals, files } = await fetched(page, async () => {
          const res = await page.goto(at(path), { waitUntil: 'load' });
          await page.waitForLoadState('networkidle');
          return res?.status() ?? 0;
        });
        expect(status, `/${path}`).toBe(200);
        expect.soft(totals.html, `HTML of /${path}\n${files}`).toBeLessThanOrEqual(BYTE_BUDGETS.html);
        expect.soft(totals.css, `CSS of /${path}\n${files}`).toBeLessThanOrEqual(BYTE_BUDGETS.css);
        if (p.script)
          expect
            .soft(totals.script, `script before interaction on /${path}\n${files}`)
            .toBeLessThanOrEqual(BYTE_BUDGETS.script);
      });
    }

  test('an exact hit for 6025 transfers at most 10 KB, code and data together, and never the whole map', async ({
    page,
  }) => {
    await page.goto(at(''), { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const { json, totals, files } = await fetched(page, async () => {
      await page.locator('mim-lookup[data-mode="popup"] input').first().fill('6025');
      await expect(page.locator('.lookup-popup .lookup-list > li').first()).toHaveAttribute(
        'data-tier',
        'exact',
      );
      await page.waitForLoadState('networkidle');
    });
    const urls = Object.keys(json);
    expect(
      urls.some((u) => /\/lookup-index\/6\.json$/.test(u)),
      `the "6" shard was not fetched:\n${files}`,
    ).toBe(true);
    expect(
      urls.some((u) => u.endsWith('/lookup-index.json')),
      `the whole map was fetched for an exact hit:\n${files}`,
    ).toBe(false);
    expect(
      urls.some((u) => u.endsWith('/lookup-messages.json')),
      `the message index was fetched for an exact hit:\n${files}`,
    ).toBe(false);
    expect(files, 'the reader was loaded for an exact hit').not.toMatch(/lookup-reader/);
    const total = Object.values(totals).reduce((a, b) => a + b, 0);
    test.info().annotations.push({ type: 'bytes', description: `exact hit 6025: ${total} B gzip\n${files}` });
    expect(total, `everything the exact lookup fetched:\n${files}`).toBeLessThanOrEqual(
      BYTE_BUDGETS.lookupData,
    );
  });

  test('the header box on a step page answers a typed code without the reader', async ({ page }) => {
    await page.goto(at('steps/pcns-event-6025/'), { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const { totals, files } = await fetched(page, async () => {
      await page.locator('mim-lookup[data-mode="popup"] input').first().fill('stopped-server');
      await expect(page.locator('.lookup-popup .lookup-list > li').first()).toHaveAttribute(
        'data-tier',
        'exact',
      );
      await page.waitForLoadState('networkidle');
    });
    expect(files).not.toMatch(/lookup-reader|lookup-messages|lookup-index\.json/);
    const total = Object.values(totals).reduce((a, b) => a + b, 0);
    expect(total, `everything the exact lookup fetched:\n${files}`).toBeLessThanOrEqual(
      BYTE_BUDGETS.lookupData,
    );
  });

  test('a pasted text loads the reader, the whole map and the message index once', async ({ page }) => {
    await page.goto(at(''), { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const paste =
      'Log Name: Application Source: PCNSSVC Event ID: 6025 Level: Error Description: Password Change Notification Service was unable to deliver a password notification to the target. The target could not be authenticated.';
    const { totals, files } = await fetched(page, async () => {
      await page.locator('mim-lookup[data-mode="popup"] input').first().fill(paste);
      await expect(page.locator('.lookup-popup .lookup-list > li a').first()).toHaveAttribute(
        'href',
        /codes\/pcns-event-6025\/$/,
      );
      await page.waitForLoadState('networkidle');
    });
    expect(files).toMatch(/lookup-reader/);
    expect(files).toMatch(/\/lookup-messages\.json/);
    expect(files).toMatch(/\/lookup-index\.json/);
    const total = Object.values(totals).reduce((a, b) => a + b, 0);
    // No budget of its own (it is paid once, for pasted text only); reported in bench/RESULTS.md.
    test.info().annotations.push({ type: 'bytes', description: `paste: ${total} B gzip\n${files}` });
  });
});
