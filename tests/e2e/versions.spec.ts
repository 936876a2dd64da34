import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { test, expect, at } from './fixtures';
import { UI } from '../../src/i18n';
import { releaseSchema } from '../../src/schemas/release';
import { buildId, checkBuild, prepareCatalog, toBuild, type CheckResult } from '../../src/lib/versions';

// The expected answers come from the real records through the checker's own module (unit-tested
// on fixtures), so adding a build changes the numbers here without breaking the tests: these
// tests are about what the page shows, not about how many builds exist.
const ROOT = path.resolve(import.meta.dirname, '../..');
const records = (['sync-service', 'connectors'] as const).flatMap((line) =>
  readdirSync(path.join(ROOT, 'content/releases', line))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) =>
      releaseSchema.parse(parse(readFileSync(path.join(ROOT, 'content/releases', line, f), 'utf8'))),
    ),
);
const catalog = prepareCatalog(records.map((r) => toBuild(r, 'en')));
const answer = (q: string, line: 'sync-service' | 'connectors') => {
  const r: CheckResult = checkBuild(q, line, catalog);
  if (r.kind !== 'known') throw new Error(`${q} is not a known build`);
  return r.answers[0]!;
};
const newestSync = catalog.tracks.get('sync-service')!.at(-1)!;
const newestPackage = catalog.tracks.get('package')!.at(-1)!;
const count = (line: string, single?: boolean) =>
  catalog.builds.filter((b) => b.line === line && (single === undefined || !!b.connector === single)).length;

const LANGS = [
  { lang: 'en', prefix: '' },
  { lang: 'sv', prefix: 'sv/' },
] as const;

/** A UI string with its placeholders filled, as the page script writes it. */
const fill = (s: string, vars: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

const sp3Note = records.find((r) => r.version === '4.7.3.0')!.note!;

for (const { lang, prefix } of LANGS) {
  const S = UI[lang];
  const sync = (q: string) => at(`${prefix}versions/?build=${encodeURIComponent(q)}`);

  test.describe(`the version checker (${lang})`, () => {
    test('answers the SP3 build with the note on where sources disagree', async ({ page }) => {
      await page.goto(sync('4.7.3.0'));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const result = page.locator('#check-sync-result .vc-answer');
      await expect(result.locator('h3')).toContainText('4.7.3.0');
      const expected = answer('4.7.3.0', 'sync-service');
      await expect(result.locator('.vc-verdict')).toContainText(
        expected.isLatest
          ? S['versions.status.latest']
          : fill(S['versions.status.newer.many'], { n: expected.newer.length, latest: newestSync.version }),
      );
      await expect(result.locator('h3 .badge.unverified')).toHaveText(S['versions.unverified']);
      await expect(result.locator('.vc-unverified')).toContainText(
        sp3Note[lang].replace(/\s+/g, ' ').slice(0, 60),
      );
      await expect(result.locator('dl a[href="https://support.microsoft.com/help/5085154"]')).toHaveText(
        'KB5085154',
      );
      await expect(page.locator('#check-sync-status')).toContainText('4.7.3.0');
    });

    test('counts the builds after an old one and lists their fixes', async ({ page }) => {
      const expected = answer('4.6.540.0', 'sync-service');
      await page.goto(at(`${prefix}versions/`));
      const input = page.getByLabel(S['versions.sync.label']);
      await input.fill('Version 4.6.540.0');
      await input.press('Enter');
      const result = page.locator('#check-sync-result .vc-answer');
      await expect(result.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.newer.many'], { n: expected.newer.length, latest: newestSync.version }),
      );
      const newer = result.locator('.vc-newer > li');
      await expect(newer).toHaveCount(expected.newer.length);
      // Each newer build carries its own notes, oldest last.
      const oldest = expected.newer.at(-1)!;
      await expect(newer.last()).toContainText(oldest.version);
      await expect(newer.last().locator('li')).toHaveCount(oldest.notes.length);

      // A long list is folded until asked for.
      const rtm = answer('4.3.1935.0', 'sync-service');
      await input.fill('4.3.1935.0');
      await page.getByRole('button', { name: S['versions.submit'] }).first().click();
      await expect(result.locator('h4').last()).toHaveText(
        fill(S['versions.newer.title'], { n: rtm.newer.length }),
      );
      await result.locator('summary').click();
      await expect(newer).toHaveCount(rtm.newer.length);
      await expect(newer.first()).toContainText(newestSync.version);
    });

    test('sends 4.6.607.0 to SP3 through 4.6.673.0, linking each stop to its row', async ({ page }) => {
      await page.goto(sync('4.6.607.0'));
      const result = page.locator('#check-sync-result .vc-answer');
      await expect(result.locator('dl')).toContainText('SP2');
      await expect(result.locator('dl')).toContainText('2022-02-10');
      await expect(result.locator('dl a[href="https://support.microsoft.com/help/5009981"]')).toHaveText(
        'KB5009981',
      );
      await expect(result.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.latestSp'], { sp: 'SP2', build: '4.6.673.0' }),
      );
      const steps = result.locator('ol.vc-path > li');
      await expect(steps).toHaveCount(3);
      await expect(steps.nth(0)).toContainText('4.6.607.0');
      await expect(steps.nth(1)).toContainText('4.6.673.0');
      await expect(steps.nth(1)).toContainText(
        fill(S['versions.path.required'], { target: '4.7.3.0 (SP3)' }),
      );
      await expect(steps.nth(2)).toContainText('4.7.3.0');
      await steps.nth(1).getByRole('link').click();
      await expect(page).toHaveURL(/#sync-4\.6\.673\.0$/);
      await expect(page.locator('tr[id="sync-4.6.673.0"]')).toBeInViewport();
    });

    test('shows every required stop from SP1: the SP2 baseline, the last SP2 build, then SP3', async ({
      page,
    }) => {
      await page.goto(sync('4.5.412.0'));
      const steps = page.locator('#check-sync-result .vc-answer ol.vc-path > li');
      await expect(steps).toHaveCount(4);
      await expect(steps.nth(1)).toContainText('4.6.34.0');
      await expect(steps.nth(1)).toContainText(
        fill(S['versions.path.baseline'], { target: '4.6.673.0 (SP2)' }),
      );
      await expect(steps.nth(2)).toContainText(
        fill(S['versions.path.required'], { target: '4.7.3.0 (SP3)' }),
      );
      await expect(steps.nth(3)).toContainText(newestSync.version);
    });

    test('places an unknown build between its nearest known builds', async ({ page }) => {
      await page.goto(sync('4.6.600.0'));
      const result = page.locator('#check-sync-result');
      await expect(result.locator('h3')).toContainText(S['versions.unknown.badge']);
      await expect(result.locator('.vc-below')).toContainText(S['versions.unknown.below']);
      await expect(result.locator('.vc-below a')).toHaveAttribute('href', '#sync-4.6.540.0');
      await expect(result.locator('.vc-above a')).toHaveAttribute('href', '#sync-4.6.607.0');
      await expect(result.locator('ol.vc-path > li')).toHaveCount(3);
      await expect(page.locator('#check-sync-status')).toHaveText(
        fill(S['versions.summary.unknown'], { version: '4.6.600.0' }),
      );
    });

    test('explains malformed input', async ({ page }) => {
      await page.goto(sync('4.6.607.0.1'));
      await expect(page.locator('#check-sync-result .vc-error')).toHaveText(
        fill(S['versions.error.too-many-parts'], { found: '4.6.607.0.1', example: '4.6.607.0' }),
      );
      const input = page.getByLabel(S['versions.sync.label']);
      await input.fill('hello');
      await input.press('Enter');
      await expect(page.locator('#check-sync-result .vc-error')).toHaveText(
        fill(S['versions.error.no-version'], { input: 'hello', example: '4.6.607.0' }),
      );
      await expect(page.locator('#check-sync-status')).toHaveText(S['versions.summary.error']);
    });

    test('shows pasted markup as text and never runs it', async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      await page.goto(sync(hostile));
      const error = page.locator('#check-sync-result .vc-error');
      await expect(error).toContainText('<script>alert(1)</script><img src=x');
      await expect(page.locator('#check-sync-result script, #check-sync-result img')).toHaveCount(0);

      const input = page.getByLabel(S['versions.connector.label']);
      await input.fill(`${hostile} ${newestPackage.version}`);
      await input.press('Enter');
      await expect(page.locator('#check-connector-result .vc-verdict')).toHaveText(
        S['versions.status.latest'],
      );
      await expect(page.locator('#check-connector-result .vc-read')).toContainText(newestPackage.version);
      // The only inline script is the JSON data island, which is never executed.
      await expect(
        page.locator('main script:not([src]):not([type="application/json"]), main img'),
      ).toHaveCount(0);
      expect(dialogs).toEqual([]);
    });

    test('writes the answer into a link that answers again when opened', async ({ page }) => {
      await page.goto(at(`${prefix}versions/`));
      const input = page.getByLabel(S['versions.sync.label']);
      await input.fill('4, 6, 607, 0');
      await input.press('Enter');
      await expect(page).toHaveURL(/\?build=4\.6\.607\.0$/);
      const share = page.locator('#check-sync-result .vc-share a');
      await expect(share).toHaveText(S['versions.share']);
      const href = await share.getAttribute('href');
      expect(href).toMatch(/versions\/\?build=4\.6\.607\.0$/);

      await page.goto(href!);
      await expect(page.getByLabel(S['versions.sync.label'])).toHaveValue('4.6.607.0');
      await expect(page.locator('#check-sync-result .vc-answer h3')).toContainText('4.6.607.0');
    });

    test('answers a shared connector link, for the package and for a single connector', async ({ page }) => {
      await page.goto(at(`${prefix}versions/?connector=1.1.1301.0&build=4.6.673.0`));
      const connector = page.locator('#check-connector-result .vc-answer');
      await expect(connector.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.newer.many'], {
          n: answer('1.1.1301.0', 'connectors').newer.length,
          latest: newestPackage.version,
        }),
      );
      await expect(page.locator('#check-sync-result .vc-answer ol.vc-path > li')).toHaveCount(2);

      await page.goto(at(`${prefix}versions/?connector=${encodeURIComponent('Lotus Domino 5.3.0721')}`));
      await expect(connector.locator('h3')).toContainText('Lotus Domino');
      await expect(connector.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.superseded'], { build: newestPackage.version }),
      );
    });

    test('says so when the release data on the page is damaged, instead of answering wrongly', async ({
      page,
      problems,
    }) => {
      await page.route('**/versions/?build=*', async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          /(<script type="application\/json" id="release-data">)[^<]*/,
          '$1[{"broken":',
        );
        await route.fulfill({ response, body: html });
      });
      await page.goto(sync('4.6.607.0'));
      await expect(page.locator('#check-sync-result .vc-error')).toHaveText(S['versions.dataError']);
      await expect(page.locator('#check-connector-result .vc-error')).toHaveText(S['versions.dataError']);
      // The checker logs why; that console error is the expected one.
      problems.splice(0, problems.length, ...problems.filter((p) => !/release data/.test(p)));
    });
  });
}

test.describe('the version tables', () => {
  test.use({ javaScriptEnabled: false });

  test('list every build, newest first, with an unverified marker, without JavaScript', async ({ page }) => {
    await page.goto(at('versions/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(UI.en['versions.title']);
    await expect(page.locator('.vc-noscript')).toBeVisible();
    const rows = page.locator('section:has(#sync-service-builds) tbody tr');
    await expect(rows).toHaveCount(count('sync-service'));
    await expect(rows.first().locator('th')).toContainText(newestSync.version);
    await expect(rows.last().locator('th')).toContainText('4.3.1935.0');
    const row = page.locator('tr[id="sync-4.7.3.0"]');
    await expect(row.locator('.badge.unverified')).toBeVisible();
    await expect(row.locator('.vt-note.unverified')).toContainText('4.6.691.0');
    await expect(page.locator('section:has(#connector-package-builds) tbody tr')).toHaveCount(
      count('connectors', false),
    );
    await expect(page.locator('section:has(#connector-package-builds) tbody tr').first()).toContainText(
      newestPackage.version,
    );
    await expect(page.locator('section:has(#single-connector-builds) tbody tr')).toHaveCount(
      count('connectors', true),
    );
    await expect(page.locator('main[data-pagefind-body] table')).toHaveCount(3);
  });

  test('link KB numbers and the builds an upgrade needs, and say when each history was checked', async ({
    page,
  }) => {
    await page.goto(at('versions/'));
    const row673 = page.locator('tr[id="sync-4.6.673.0"]');
    await expect(row673.getByRole('link', { name: 'KB5018333' })).toHaveAttribute(
      'href',
      'https://support.microsoft.com/help/5018333',
    );
    await expect(row673.locator('.vt-req')).toContainText(UI.en['versions.table.requires']);
    await row673.locator('.vt-req a').click();
    await expect(page).toHaveURL(
      new RegExp(`#${buildId('sync-service', '4.6.34.0').replace(/\./g, '\\.')}$`),
    );
    await expect(page.locator('tr[id="sync-4.7.3.0"] .vt-req')).toContainText(
      UI.en['versions.table.requiresInPlace'],
    );

    const oldest = (line: string) =>
      records
        .filter((r) => r.line === line)
        .map((r) => r.lastReviewed)
        .sort()[0]!;
    await expect(page.locator('section:has(#sync-service-builds) .vt-reviewed time')).toHaveAttribute(
      'datetime',
      oldest('sync-service'),
    );
    await expect(page.locator('section:has(#connector-package-builds) .vt-reviewed time')).toHaveAttribute(
      'datetime',
      oldest('connectors'),
    );
  });

  test('are in Swedish on the Swedish page', async ({ page }) => {
    await page.goto(at('sv/versions/'));
    await expect(page.locator('#sync-service-builds')).toHaveText(UI.sv['versions.table.sync-service']);
    await expect(page.locator('tr[id="sync-4.7.3.0"] .badge.unverified')).toHaveText(
      UI.sv['versions.unverified'],
    );
    await expect(page.locator('section:has(#sync-service-builds) .vt-reviewed')).toContainText(
      UI.sv['versions.reviewed'],
    );
  });
});

test.describe('the checker in the guide', () => {
  // Two page loads and a lazily loaded checker per test: give them room on a busy machine.
  test.slow();
  for (const { lang, prefix } of LANGS) {
    test(`the Sync Service step checks a build on the versions page (${lang})`, async ({ page }) => {
      await page.goto(at(`${prefix}steps/latest-sync-build/`));
      const box = page.getByRole('textbox', { name: UI[lang]['versions.step.sync-service'] });
      await box.fill('4.6.607.0');
      await box.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${prefix}versions/\\?build=4\\.6\\.607\\.0$`));
      await expect(page.locator('#check-sync-result .vc-answer ol.vc-path > li')).toHaveCount(3, {
        timeout: 15_000,
      });
    });
  }

  test('the connector step checks a connector build', async ({ page }) => {
    await page.goto(at('steps/update-generic-connectors/'));
    const box = page.getByRole('textbox', { name: UI.en['versions.step.connectors'] });
    await box.fill(newestPackage.version);
    await box.press('Enter');
    await expect(page).toHaveURL(
      new RegExp(`versions/\\?connector=${newestPackage.version.replace(/\./g, '\\.')}$`),
    );
    // The checker loads after the navigation from the step; on a busy machine that takes seconds.
    await expect(page.locator('#check-connector-result .vc-verdict')).toHaveText(
      UI.en['versions.status.latest'],
      {
        timeout: 15_000,
      },
    );
  });

  test('other steps have no checker, and the menu leads to the versions page', async ({ page }) => {
    await page.goto(at('steps/pcns-event-6025/'));
    await expect(page.locator('.vc-mini')).toHaveCount(0);
    await page.getByRole('link', { name: 'Versions', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(UI.en['versions.title']);
  });
});
