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

    test('the lookup hands a pasted export to the analyzer, which reads it on load', async ({ page }) => {
      const xml = sample('runhistory_poshmon-sp-ups_delta-import_stopped-connectivity.xml').replace(
        /\s*\n\s*/g,
        '',
      );
      await page.goto(at(`${prefix}lookup/`));
      await page.locator('#page-lookup-q').fill(xml);
      await page.locator('.lookup-export a.lookup-analyze').click();
      await expect(page).toHaveURL(new RegExp(`/${prefix}analyze/$`));
      await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
      await expect(report(page).locator('.an-run[data-ma="MOSSAD-company"] tbody tr')).toHaveCount(2);
      // Read once: the key is removed, so a reload opens an empty page.
      expect(await page.evaluate(() => sessionStorage.getItem('mim-analyze-handoff'))).toBeNull();
    });

    test('a large generated file shows progress and can be cancelled', async ({ page }) => {
      await open(page, prefix);
      const unit = sample('runhistory_poshmon-sp-ups_export_completed-export-errors.xml').replace(
        /<\?xml[^>]*\?>/,
        '',
      );
      // About 200 MB, built in the page from one real run repeated (nothing that large crosses
      // the test protocol), and dropped on the analyzer. The run is repeated into one 4 MB part
      // first: a File of 28,000 small parts took a minute to build and to drop.
      const dt = await page.evaluateHandle((u) => {
        const part = new Blob([u.repeat(Math.ceil(4e6 / u.length))]);
        const d = new DataTransfer();
        const parts = Array.from({ length: Math.ceil(200e6 / part.size) }, () => part);
        d.items.add(new File(['<run-history>', ...parts, '</run-history>'], 'big.xml'));
        return d;
      }, unit);
      await page.locator('mim-analyze').dispatchEvent('drop', { dataTransfer: dt });
      await expect(page.locator('.an-progress')).toBeVisible();
      await expect
        .poll(() => page.locator('.an-progress progress').evaluate((p: HTMLProgressElement) => p.value))
        .toBeGreaterThan(0);
      await page.getByRole('button', { name: S['analyze.cancel'], exact: true }).click();
      await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'cancelled');
      await expect(page.locator('.an-progress')).toBeHidden();
      await expect(page.locator('.an-status')).toHaveText(S['analyze.cancelled']);
      await expect(report(page)).toBeEmpty();
    });

    test('copies the report as text and Markdown, with placeholders, and downloads the CSV', async ({
      page,
    }) => {
      await page.addInitScript(() => {
        const w = window as unknown as { __copied: string[] };
        w.__copied = [];
        Object.defineProperty(navigator, 'clipboard', {
          value: { writeText: async (t: string) => void w.__copied.push(t) },
        });
      });
      await open(page, prefix);
      await page
        .locator('#an-file')
        .setInputFiles(path.join(SAMPLES!, 'runhistory_poshmon-sp-ups_export_completed-export-errors.xml'));
      await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
      const copied = () => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);
      await page.getByRole('button', { name: S['analyze.copy.text'] }).click();
      await expect(page.locator('.an-copy-status')).toHaveText(S['analyze.copy.done']);
      await page.getByRole('button', { name: S['analyze.copy.markdown'] }).click();
      await page.getByLabel(S['analyze.copy.anonymize']).check();
      await page.getByRole('button', { name: S['analyze.copy.text'] }).click();
      const [text, md, anon] = await copied();
      expect(text).toContain('MOSS-UserProfile');
      expect(text).toContain('MVID=67d2da90-0c2a-e411-a2e8-0050568e45d6');
      expect(text).toContain('0x80230703');
      expect(text).toMatch(new RegExp(`/${prefix}codes/0x80230703/`));
      expect(md).toMatch(/\]\(http[^)]+\/codes\/0x80230703\/\)/);
      expect(anon).not.toContain('MOSS-UserProfile');
      expect(anon).not.toContain('67d2da90');
      expect(anon).toContain('<ma-1>');
      expect(anon).toContain('0x80230703');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: S['analyze.copy.csv'] }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('mim-sync-errors.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines).toHaveLength(1 + (await report(page).locator('.an-group').count()));
      expect(csv).toContain('ma-extension-error');
      expect(csv).toContain('0x80230703');
      expect(csv).not.toContain('67d2da90');
    });

    // Every real sample, pasted and dropped: the same report both ways.
    const CHECKS: [string, string, (r: ReturnType<typeof report>) => Promise<void>][] = [
      [
        'runhistory_poshmon-sp-ups_delta-import_stopped-connectivity.xml',
        'run-history',
        async (r) => {
          await expect(r.locator('.an-run[data-ma="MOSSAD-company"][data-run="1879"] tbody tr')).toHaveCount(
            2,
          );
          await expect(r.locator('.an-first li')).toHaveAttribute('data-type', 'failed-search');
          await expect(r.locator('.an-unknown-list li')).toHaveText(['8453']);
        },
      ],
      [
        'runhistory_poshmon-sp-ups_delta-sync_success.xml',
        'run-history',
        async (r) => {
          await expect(r.locator('.an-run[data-run="1882"] tbody tr')).toHaveCount(2);
          await expect(r.locator('.an-run tbody tr').first()).toContainText(
            'provisioned-add-flow 3, connector-flow 23',
          );
          await expect(r.locator('.an-group')).toHaveCount(0);
        },
      ],
      [
        'runhistory_poshmon-sp-ups_export_completed-export-errors.xml',
        'run-history',
        async (r) => {
          await expect(r.locator('.an-group[data-type="ma-extension-error"]')).toHaveAttribute(
            'data-count',
            '1',
          );
          await expect(
            r.locator('.an-group[data-type="ma-extension-error"] .an-links a[data-code]').first(),
          ).toHaveAttribute('href', new RegExp(`/${prefix}codes/0x80230703/$`));
        },
      ],
      [
        'aadc-runprofileresult_laparoscope_convertto-json.json',
        'entra-json',
        async (r) => {
          await expect(r.locator('.an-run')).toHaveCount(4);
          await expect(r.locator('.an-first li')).toHaveAttribute('data-type', 'no-start-connection');
        },
      ],
      [
        'aadc-runprofileresult_laparoscope_ps-formatlist_no-start-connection.txt',
        'entra-list',
        async (r) => {
          await expect(r.locator('.an-run[data-run="26285"] tbody tr')).toHaveCount(1);
          await expect(r.locator('.an-first li')).toHaveAttribute('data-type', 'failed-connection');
          await expect(r.locator('.an-unknown-list li')).toHaveText(['0x51']);
        },
      ],
      [
        'eventlog-text_adowiki-mirror_fimsync-6300_config-error.txt',
        'event-text',
        async (r) => {
          await expect(
            r.locator('.an-events tr[data-source="FIMSynchronizationService"][data-id="6300"] a'),
          ).toHaveAttribute('href', new RegExp(`/${prefix}codes/sync-event-6300/$`));
          await expect(r.locator('.an-note[data-note="replacement"]')).toBeVisible();
        },
      ],
      [
        'eventlog-text_supportarticles_fimsync-6801_keynotfound-abbreviated.txt',
        'event-text',
        async (r) => {
          await expect(r.locator('.an-events tr[data-id="6801"] a')).toHaveAttribute(
            'href',
            new RegExp(`/${prefix}codes/sync-event-6801/$`),
          );
          await expect(r.locator('.an-group')).toContainText(
            'System.Collections.Generic.KeyNotFoundException',
          );
        },
      ],
      [
        'eventlog-text_supportarticles_adsync-6050_size-limit-exceeded.txt',
        'event-text',
        async (r) => {
          await expect(r.locator('.an-events tr[data-source="ADSync"][data-id="6050"] a')).toHaveAttribute(
            'href',
            new RegExp(`/${prefix}codes/sync-event-6050/$`),
          );
        },
      ],
      [
        'eventlog-text_supportarticles_adsync-6329_bail-trace.txt',
        'event-text',
        async (r) => {
          await expect(r.locator('.an-group .an-links a[data-code]')).toHaveCount(3);
          await expect(r.locator('.an-unknown-list li')).toHaveText(['0x800700b7']);
        },
      ],
      [
        'eventlog-text_supportarticles_dirsync-611_rpc-1722.txt',
        'event-text',
        async (r) => {
          await expect(r.locator('.an-events tr[data-id="611"] a')).toHaveAttribute(
            'href',
            new RegExp(`/${prefix}codes/entra-event-611/$`),
          );
        },
      ],
      [
        'preview_lithnet-miis-client_provisioning-extension-dll-exception.xml-fragment.txt',
        'preview',
        async (r) => {
          await expect(
            r.locator('.an-group[data-kind="preview"][data-type="extension-dll-exception"]'),
          ).toContainText('ADExportMVExtension.dll');
          await expect(r.locator('.an-stop')).toHaveAttribute('data-stop', 'malformed');
        },
      ],
    ];
    for (const [name, format, check] of CHECKS)
      test(`real sample ${name}: pasted and dropped`, async ({ page }) => {
        await open(page, prefix);
        const text = sample(name);
        const requests = await requestsDuring(page, async () => {
          await page.getByLabel(S['analyze.paste.label']).fill(text);
          await page.getByRole('button', { name: S['analyze.read'], exact: true }).click();
          await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
          await expect(report(page).locator('.an-read-as')).toHaveAttribute('data-format', format);
          await check(report(page));
          await page.getByLabel(S['analyze.paste.label']).fill('');
          await page.locator('mim-analyze').evaluate((e) => e.removeAttribute('data-state'));
          const dt = await page.evaluateHandle(
            ([t, n]) => {
              const d = new DataTransfer();
              d.items.add(new File([t], n));
              return d;
            },
            [text, name],
          );
          await page.locator('mim-analyze').dispatchEvent('drop', { dataTransfer: dt });
          await expect(page.locator('mim-analyze')).toHaveAttribute('data-state', 'done');
          await expect(report(page).locator('.an-read-as')).toHaveAttribute('data-format', format);
          await check(report(page));
        });
        expect(requests, requests.join('\n')).toEqual([]);
      });
  });
}
