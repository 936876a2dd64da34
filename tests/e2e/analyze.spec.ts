import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, at } from './fixtures';
import { UI } from '../../src/i18n';

/**
 * The export analyzer in Chromium, in both languages: a pasted export, a picked file and a
 * dropped file each give the report, reading makes no network request, and hostile XML gets its
 * message. The real samples are read from the shared folder beside the clone, never copied.
 */
const SAMPLES = [
  path.resolve(process.cwd(), '../shared/reference/samples'),
  '/work/shared/reference/samples',
].find((d) => existsSync(d));
const sample = (name: string) => readFileSync(path.join(SAMPLES!, name), 'utf8');
const LANGS = [
  { lang: 'en', prefix: '' },
  { lang: 'sv', prefix: 'sv/' },
] as const;
const fill = (s: string, vars: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/** Opens the page and waits until the worker and the code map have loaded. */
async function open(page: Page, prefix: string) {
  await page.goto(at(`${prefix}analyze/`), { waitUntil: 'load' });
  await expect(page.locator('mim-analyze')).toHaveAttribute('data-ready', '');
  await page.waitForLoadState('networkidle');
}

/** Every request the page makes while `during` runs. */
async function requestsDuring(page: Page, during: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const on = (r: { url(): string }) => seen.push(r.url());
  page.on('request', on);
  await during();
  page.off('request', on);
  return seen;
}

const report = (page: Page) => page.locator('#an-report');

for (const { lang, prefix } of LANGS) {
  const S = UI[lang];
  test.describe(`the export analyzer (${lang})`, () => {
    test.skip(!SAMPLES, 'shared/reference/samples is not beside the clone');
    // Two cores shared by several builds: give the browser time; nothing here measures speed.
    test.setTimeout(90_000);

    test('reads pasted run history: MA, steps in step order, the connection error first, no network request', async ({
      page,
    }) => {
      await open(page, prefix);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('.an-private')).toHaveText(S['analyze.private']);
      const requests = await requestsDuring(page, async () => {
        await page
          .getByLabel(S['analyze.paste.label'])
          .fill(sample('runhistory_poshmon-sp-ups_delta-import_stopped-connectivity.xml'));
        await page.getByRole('button', { name: S['analyze.read'], exact: true }).click();
        await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
      });
      expect(requests, requests.join('\n')).toEqual([]);
      const r = report(page);
      await expect(r.locator('.an-read-as')).toHaveAttribute('data-format', 'run-history');
      await expect(r.locator('.an-read-as')).toContainText(
        fill(S['analyze.readAs'], { format: S['analyze.format.run-history'] }),
      );
      await expect(r.locator('.an-note[data-note="declaration"]')).toBeVisible();
      const run = r.locator('.an-run[data-ma="MOSSAD-company"]');
      await expect(run.locator('h4')).toHaveText(
        fill(S['analyze.run.heading'], { ma: 'MOSSAD-company', profile: 'DS_DELTAIMPORT', number: 1879 }),
      );
      await expect(run.locator('tbody tr')).toHaveCount(2);
      await expect(run.locator('tbody tr').nth(0)).toHaveAttribute('data-step', '1');
      await expect(run.locator('tbody tr').nth(0)).toContainText(
        'stage-add 3, stage-update 27, stage-rename 2',
      );
      await expect(run.locator('tbody tr').nth(1)).toHaveAttribute('data-result', 'stopped-connectivity');
      await expect(
        run.locator('tbody tr').nth(1).locator('a[data-code="stopped-connectivity"]'),
      ).toHaveAttribute('href', new RegExp(`/${prefix}codes/stopped-connectivity/$`));
      const first = r.locator('.an-first li');
      await expect(first).toHaveCount(1);
      await expect(first).toHaveAttribute('data-type', 'failed-search');
      await expect(first.locator('a.an-fix')).toHaveAttribute(
        'href',
        new RegExp(`/${prefix}steps/[a-z0-9-]+/$`),
      );
      const group = r.locator('.an-group[data-kind="connection"][data-type="failed-search"]');
      await expect(group).toContainText('8453');
      await expect(group).toContainText('Replication access was denied.');
      await expect(group.locator('a[data-code="failed-search"]')).toHaveAttribute(
        'href',
        new RegExp(`/${prefix}codes/failed-search/$`),
      );
      // 8453 has no page: it is listed, never dropped.
      await expect(r.locator('.an-unknown-list li')).toContainText(['8453']);
    });

    test('reads a picked file: the export error with its retry count, code, stack frame and pages', async ({
      page,
    }) => {
      await open(page, prefix);
      const requests = await requestsDuring(page, async () => {
        await page
          .locator('#an-file')
          .setInputFiles(path.join(SAMPLES!, 'runhistory_poshmon-sp-ups_export_completed-export-errors.xml'));
        await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
      });
      expect(requests, requests.join('\n')).toEqual([]);
      const r = report(page);
      await expect(r.locator('.an-read-as')).toContainText(
        fill(S['analyze.readAs.encoding'], { encoding: 'UTF-8' }),
      );
      const g = r.locator('.an-group[data-kind="export"][data-type="ma-extension-error"]');
      await expect(g).toHaveAttribute('data-count', '1');
      await expect(g.locator('.an-count')).toHaveText(S['analyze.group.object']);
      await expect(g).toContainText('0x80230703');
      await expect(g).toContainText('77');
      await expect(g).toContainText('2016-09-26 12:02:16.987');
      await expect(g).toContainText('System.UriFormatException');
      await expect(g.locator('.an-dns li')).toHaveText(['MVID=67d2da90-0c2a-e411-a2e8-0050568e45d6']);
      await expect(g.locator('.an-links a[data-code]')).toHaveText([
        /^0x80230703: /,
        /^ma-extension-error: /,
      ]);
      await expect(r.locator('.an-unknown-list')).toHaveCount(0);
      await expect(r.locator('.an-run tbody tr').first()).toContainText(
        'export-add 3, export-update 23, export-failure 1',
      );
    });

    test('reads a dropped Event Viewer entry and links the event to its page', async ({ page }) => {
      await open(page, prefix);
      const text = sample('eventlog-text_supportarticles_adsync-6050_size-limit-exceeded.txt');
      const requests = await requestsDuring(page, async () => {
        const dt = await page.evaluateHandle((t) => {
          const d = new DataTransfer();
          d.items.add(new File([t], 'event.txt', { type: 'text/plain' }));
          return d;
        }, text);
        await page.locator('mim-analyze').dispatchEvent('dragover', { dataTransfer: dt });
        await page.locator('mim-analyze').dispatchEvent('drop', { dataTransfer: dt });
        await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
      });
      expect(requests, requests.join('\n')).toEqual([]);
      const r = report(page);
      await expect(r.locator('.an-read-as')).toHaveAttribute('data-format', 'event-text');
      const row = r.locator('.an-events tr[data-source="ADSync"][data-id="6050"]');
      await expect(row).toContainText('5/12/2023 7:34:38 AM');
      await expect(row.locator('a')).toHaveAttribute('href', new RegExp(`/${prefix}codes/sync-event-6050/$`));
      await expect(r.locator('.an-group[data-kind="event"]')).toContainText(S['analyze.group.sameEngine']);
    });

    test('reads a UTF-16LE file with a BOM, as Windows PowerShell 5.1 writes it', async ({ page }) => {
      await open(page, prefix);
      const text = sample('runhistory_poshmon-sp-ups_delta-sync_success.xml');
      const buffer = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      await page.locator('#an-file').setInputFiles({ name: 'runs.xml', mimeType: 'text/xml', buffer });
      await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
      const r = report(page);
      await expect(r.locator('.an-read-as')).toContainText('UTF-16LE (BOM)');
      await expect(r.locator('.an-run[data-ma="MOSSAD-company"] tbody tr')).toHaveCount(2);
      await expect(r.locator('.an-run tbody tr').first()).toContainText('provisioned-add-flow 3');
      await expect(r.locator('.an-first')).toContainText(S['analyze.first.none']);
    });

    test('stops hostile XML with a clear message and keeps the page responsive', async ({ page }) => {
      await open(page, prefix);
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><run-history><run-details><ma-name>&lol2;</ma-name></run-details></run-history>';
      const box = page.getByLabel(S['analyze.paste.label']);
      await box.fill(laughs);
      await page.getByRole('button', { name: S['analyze.read'], exact: true }).click();
      await expect(report(page).locator('.an-stop')).toHaveAttribute('data-stop', 'doctype');
      await expect(report(page).locator('.an-stop')).toContainText(
        fill(S['analyze.stop.doctype'], { line: 1 }),
      );
      await box.fill('<run-history>' + '<a>'.repeat(5000) + '</a>'.repeat(5000) + '</run-history>');
      await page.getByRole('button', { name: S['analyze.read'], exact: true }).click();
      await expect(report(page).locator('.an-stop')).toHaveAttribute('data-stop', 'deep');
    });

    test('the lookup says when a pasted text is a whole export and links the report', async ({ page }) => {
      const xml = sample('runhistory_poshmon-sp-ups_delta-import_stopped-connectivity.xml').replace(
        /\s*\n\s*/g,
        '',
      );
      // Typed or pasted into the lookup page's box (a whole export is too long for ?q=).
      await page.goto(at(`${prefix}lookup/`));
      await page.locator('#page-lookup-q').fill(xml);
      const hint = page.locator('.lookup-export');
      await expect(hint).toContainText(S['analyze.lookupHint']);
      await expect(hint.getByRole('link', { name: S['analyze.lookupHint.link'] })).toHaveAttribute(
        'href',
        new RegExp(`/${prefix}analyze/$`),
      );
    });

    test('pasted text is shown as text, never as HTML', async ({ page }) => {
      await open(page, prefix);
      const evil = sample('runhistory_poshmon-sp-ups_delta-import_stopped-connectivity.xml').replace(
        'MOSSAD-company',
        '&lt;img src=x onerror="document.title=1"&gt;',
      );
      await page.getByLabel(S['analyze.paste.label']).fill(evil);
      await page.getByRole('button', { name: S['analyze.read'], exact: true }).click();
      await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
      await expect(report(page).locator('img')).toHaveCount(0);
      await expect(report(page).locator('.an-run h4')).toContainText('<img src=x');
    });
  });
}
