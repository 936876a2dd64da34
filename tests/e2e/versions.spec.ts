import { test, expect, at } from './fixtures';
import { UI } from '../../src/i18n';

const LANGS = [
  { lang: 'en', prefix: '' },
  { lang: 'sv', prefix: 'sv/' },
] as const;

/** A UI string with its placeholders filled, as the page script writes it. */
const fill = (s: string, vars: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

for (const { lang, prefix } of LANGS) {
  const S = UI[lang];
  const sync = (q: string) => at(`${prefix}versions/?build=${encodeURIComponent(q)}`);

  test.describe(`the version checker (${lang})`, () => {
    test('calls the newest Sync Service build the latest and shows that it is unverified', async ({
      page,
    }) => {
      await page.goto(sync('4.7.3.0'));
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const answer = page.locator('#check-sync-result .vc-answer');
      await expect(answer.locator('h3')).toContainText('4.7.3.0');
      await expect(answer.locator('.vc-verdict')).toHaveText(S['versions.status.latest']);
      await expect(answer.locator('h3 .badge.unverified')).toHaveText(S['versions.unverified']);
      await expect(answer.locator('.vc-unverified')).toContainText('KB5085154');
      await expect(page.locator('#check-sync-status')).toContainText('4.7.3.0');
    });

    test('counts the builds after an old one and lists their fixes', async ({ page }) => {
      await page.goto(at(`${prefix}versions/`));
      const input = page.getByLabel(S['versions.sync.label']);
      await input.fill('Version 4.6.540.0');
      await input.press('Enter');
      const answer = page.locator('#check-sync-result .vc-answer');
      await expect(answer.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.newer.many'], { n: 3, latest: '4.7.3.0' }),
      );
      await expect(answer.locator('.vc-newer > li')).toHaveCount(3);
      await expect(answer.locator('.vc-newer > li').last()).toContainText('4.6.607.0');
      // The fixes of 4.6.607.0 are listed under it: its second note is about set membership.
      await expect(answer.locator('.vc-newer > li').last().locator('li')).toHaveCount(3);

      // A long list is folded until asked for.
      await input.fill('4.3.1935.0');
      await page.getByRole('button', { name: S['versions.submit'] }).first().click();
      await expect(answer.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.newer.many'], { n: 23, latest: '4.7.3.0' }),
      );
      await expect(answer.locator('h4').last()).toHaveText(fill(S['versions.newer.title'], { n: 23 }));
      await answer.locator('summary').click();
      await expect(answer.locator('.vc-newer > li')).toHaveCount(23);
      await expect(answer.locator('.vc-newer > li').first()).toContainText('4.7.3.0');
    });

    test('sends 4.6.607.0 to SP3 through 4.6.673.0', async ({ page }) => {
      await page.goto(sync('4.6.607.0'));
      const answer = page.locator('#check-sync-result .vc-answer');
      await expect(answer.locator('dl')).toContainText('SP2');
      await expect(answer.locator('dl')).toContainText('2022-02-10');
      await expect(answer.locator('dl')).toContainText('KB5009981');
      await expect(answer.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.newer.many'], { n: 2, latest: '4.7.3.0' }),
      );
      await expect(answer.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.latestSp'], { sp: 'SP2', build: '4.6.673.0' }),
      );
      const steps = answer.locator('ol.vc-path > li');
      await expect(steps).toHaveCount(3);
      await expect(steps.nth(0)).toContainText('4.6.607.0');
      await expect(steps.nth(1)).toContainText('4.6.673.0');
      await expect(steps.nth(1)).toContainText(
        fill(S['versions.path.required'], { target: '4.7.3.0 (SP3)' }),
      );
      await expect(steps.nth(2)).toContainText('4.7.3.0');
      // Each build in the answer links to its row in the table.
      await steps.nth(1).getByRole('link').click();
      await expect(page).toHaveURL(/#sync-4\.6\.673\.0$/);
      await expect(page.locator('tr[id="sync-4.6.673.0"]')).toBeInViewport();
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
      await input.fill(`${hostile} 1.1.1431.0`);
      await input.press('Enter');
      await expect(page.locator('#check-connector-result .vc-verdict')).toHaveText(
        S['versions.status.latest'],
      );
      await expect(page.locator('#check-connector-result .vc-read')).toContainText('1.1.1431.0');
      await expect(page.locator('main script:not([src]), main img')).toHaveCount(0);
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
        fill(S['versions.status.newer.many'], { n: 5, latest: '1.1.1431.0' }),
      );
      await expect(page.locator('#check-sync-result .vc-answer ol.vc-path > li')).toHaveCount(2);

      await page.goto(at(`${prefix}versions/?connector=${encodeURIComponent('Lotus Domino 5.3.0721')}`));
      await expect(connector.locator('h3')).toContainText('Lotus Domino');
      await expect(connector.locator('.vc-verdict')).toContainText(
        fill(S['versions.status.superseded'], { build: '1.1.1431.0' }),
      );
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
    await expect(rows).toHaveCount(24);
    await expect(rows.first().locator('th')).toContainText('4.7.3.0');
    await expect(rows.nth(2).locator('th')).toContainText('4.6.607.0');
    await expect(rows.last().locator('th')).toContainText('4.3.1935.0');
    const sp3 = page.locator('tr[id="sync-4.7.3.0"]');
    await expect(sp3.locator('.badge.unverified')).toBeVisible();
    await expect(sp3.locator('.vt-note.unverified')).toContainText('KB5085154');
    await expect(page.locator('section:has(#connector-package-builds) tbody tr')).toHaveCount(18);
    await expect(page.locator('section:has(#single-connector-builds) tbody tr')).toHaveCount(16);
    await expect(page.locator('main[data-pagefind-body] table')).toHaveCount(3);
  });

  test('are in Swedish on the Swedish page', async ({ page }) => {
    await page.goto(at('sv/versions/'));
    await expect(page.locator('#sync-service-builds')).toHaveText(UI.sv['versions.table.sync-service']);
    await expect(page.locator('tr[id="sync-4.6.673.0"] .badge.unverified')).toHaveText(
      UI.sv['versions.unverified'],
    );
  });
});

test.describe('the checker in the guide', () => {
  for (const { lang, prefix } of LANGS) {
    test(`step 1 checks a Sync Service build on the versions page (${lang})`, async ({ page }) => {
      await page.goto(at(`${prefix}steps/latest-sync-build/`));
      const box = page.getByRole('textbox', { name: UI[lang]['versions.step.sync-service'] });
      await box.fill('4.6.607.0');
      await box.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${prefix}versions/\\?build=4\\.6\\.607\\.0$`));
      await expect(page.locator('#check-sync-result .vc-answer ol.vc-path > li')).toHaveCount(3);
    });
  }

  test('step 2 checks a connector build; other steps have no checker', async ({ page }) => {
    await page.goto(at('steps/update-generic-connectors/'));
    const box = page.getByRole('textbox', { name: UI.en['versions.step.connectors'] });
    await box.fill('1.1.1431.0');
    await box.press('Enter');
    await expect(page).toHaveURL(/versions\/\?connector=1\.1\.1431\.0$/);
    await expect(page.locator('#check-connector-result .vc-verdict')).toHaveText(
      UI.en['versions.status.latest'],
    );

    await page.goto(at('steps/pcns-event-6025/'));
    await expect(page.locator('.vc-mini')).toHaveCount(0);
    await page.getByRole('link', { name: 'Versions', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(UI.en['versions.title']);
  });
});
