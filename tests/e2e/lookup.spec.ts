import { test, expect, at } from './fixtures';

const results = '#lookup-results > li';

test.describe('lookup page', () => {
  test('puts stopped-server first and never presents stopped-server-down as exact', async ({ page }) => {
    await page.goto(at('lookup/?q=stopped-server'));
    await expect(page.locator(results).first().locator('a')).toHaveAttribute(
      'href',
      /codes\/stopped-server\/$/,
    );
    await expect(page.locator(`${results}[data-tier="exact"]`)).toHaveCount(1);
  });

  test('keeps extension-dll-exception and stopped-extension-dll-exception apart', async ({ page }) => {
    await page.goto(at('lookup/?q=extension-dll-exception'));
    await expect(page.locator(`${results}[data-tier="exact"] a`)).toHaveAttribute(
      'href',
      /codes\/extension-dll-exception\/$/,
    );
    await page.goto(at('lookup/?q=stopped-extension-dll-exception'));
    await expect(page.locator(`${results}[data-tier="exact"] a`)).toHaveAttribute(
      'href',
      /codes\/stopped-extension-dll-exception\/$/,
    );
  });

  test('finds a code pasted with non-breaking hyphens from Microsoft Learn', async ({ page }) => {
    await page.goto(at(`lookup/?q=${encodeURIComponent('stopped\u2011server\u2011down')}`));
    await expect(page.locator(`${results}[data-tier="exact"] a`)).toHaveAttribute(
      'href',
      /codes\/stopped-server-down\/$/,
    );
  });

  test('resolves an HRESULT written in signed decimal and shows its decoding', async ({ page }) => {
    await page.goto(at('lookup/?q=-2145188291'));
    await expect(page.locator(`${results}[data-tier="exact"] a`)).toHaveAttribute(
      'href',
      /codes\/0x8023063d\/$/,
    );
    await expect(page.locator('.lookup-hresult')).toContainText('FACILITY_METADIRECTORY');
  });

  test('decodes an HRESULT that is not in the catalog, with its Win32 error', async ({ page }) => {
    await page.goto(at('lookup/?q=0x80070003'));
    const box = page.locator('.lookup-hresult');
    await expect(box).toContainText('FACILITY_WIN32');
    await expect(box).toContainText('3 ERROR_PATH_NOT_FOUND');
    await expect(box).toContainText('not in the catalog');
  });

  test('puts the answer above the decoding of an uncatalogued exception code in a crash entry', async ({
    page,
  }) => {
    const entry =
      'Faulting application name: miiserver.exe, version: 4.6.607.0, time stamp: 0x5f6b1234\n' +
      'Faulting module name: KERNELBASE.dll, version: 6.3.9600.19724, time stamp: 0x5ec50c3e\n' +
      'Exception code: 0xe0434352';
    await page.goto(at('lookup/'));
    await page.locator('#page-lookup-q').fill(entry);
    await expect(page.locator(results).first().locator('a')).toHaveAttribute(
      'href',
      /codes\/app-event-1000\/$/,
    );
    // The exception code is still decoded, as an NTSTATUS (not an HRESULT), below the list.
    const box = page.locator('.lookup-after .lookup-hresult[data-layout="ntstatus"]');
    await expect(box).toContainText('CLR exception');
    await expect(box).not.toContainText('FACILITY_');
    await expect(page.locator('.lookup-messages:not(.lookup-after) .lookup-hresult')).toHaveCount(0);
  });

  test('decodes a bare exception code as an NTSTATUS, above everything', async ({ page }) => {
    await page.goto(at('lookup/?q=0xc0000005'));
    const box = page.locator('.lookup-messages:not(.lookup-after) .lookup-hresult[data-layout="ntstatus"]');
    await expect(box).toContainText('STATUS_ACCESS_VIOLATION');
    await expect(box).toContainText('Not an HRESULT');
  });

  test('finds every code in a pasted Event Viewer entry', async ({ page }) => {
    const entry =
      'Log Name: Application\nSource: PCNSSVC\nEvent ID: 6025\nLevel: Error\nDescription: The target could not be authenticated. 0x8023063D';
    await page.goto(at('lookup/'));
    await page.locator('#page-lookup-q').fill(entry);
    await expect(page.locator(`${results}[data-tier="found"]`).first().locator('a')).toHaveAttribute(
      'href',
      /codes\/pcns-event-6025\/$/,
    );
    await expect(page.locator(`${results}[data-tier="found"] a[href$="codes/0x8023063d/"]`)).toHaveCount(1);
  });

  test('reads a multi-line Event Viewer entry shared in a ?q= link', async ({ page }) => {
    const entry =
      'Log Name:      Application\r\nSource:        PCNSSVC\r\nEvent ID:      6025\r\nTask Category: (1)\r\nLevel:         Error';
    await page.goto(at(`lookup/?q=${encodeURIComponent(entry)}`));
    await expect(page.locator(`${results}[data-tier="found"]`).first().locator('a')).toHaveAttribute(
      'href',
      /codes\/pcns-event-6025\/$/,
    );
  });

  test('finds the status in a run-history XML fragment', async ({ page }) => {
    await page.goto(
      at(`lookup/?q=${encodeURIComponent('<step-result>stopped-extension-dll-exception</step-result>')}`),
    );
    await expect(page.locator(results).first().locator('a')).toHaveAttribute(
      'href',
      /codes\/stopped-extension-dll-exception\/$/,
    );
  });

  test('offers "did you mean" for a typing error and says there is no entry', async ({ page }) => {
    await page.goto(at('lookup/?q=extention-dll-exception'));
    await expect(page.locator('.lookup-none')).toContainText('No entry for');
    await expect(page.locator(`${results}[data-tier="didYouMean"]`).first().locator('a')).toHaveAttribute(
      'href',
      /codes\/extension-dll-exception\/$/,
    );
  });

  test('announces the number of results', async ({ page }) => {
    await page.goto(at('lookup/?q=6025'));
    await expect(page.locator('#page-lookup-status')).toHaveText(/^\d+ results?$/);
    await expect(page.locator('#page-lookup-status')).toHaveAttribute('role', 'status');
  });

  test('filters full-text results by kind', async ({ page }) => {
    await page.goto(at('lookup/?q=password'));
    await expect(page.locator(`${results}[data-tier="fulltext"]`).first()).toBeVisible();
    // Every event-ID page (Sync engine, PCNS, Entra Connect, Service Control Manager) has an
    // id ending in -event-<number>; "password" matches pages of other kinds too.
    const eventPage = /codes\/[a-z]+-event-\d+\/$/;
    await page.locator('select[data-filter="kind"]').selectOption('event-id');
    await expect(page.locator(`${results}[data-tier="fulltext"] a`).first()).toHaveAttribute(
      'href',
      eventPage,
    );
    const hrefs = await page
      .locator(`${results}[data-tier="fulltext"] > a`)
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => eventPage.test(h ?? ''))).toBe(true);
  });
});

test.describe('hostile and odd input', () => {
  test('shows script in the query as text and never runs it', async ({ page }) => {
    let dialog = false;
    page.on('dialog', (d) => ((dialog = true), d.dismiss()));
    const q = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await page.goto(at(`lookup/?q=${encodeURIComponent(q)}`));
    await expect(page.locator('.lookup-none code')).toHaveText(q.slice(0, 120));
    await expect(page.locator('#lookup-messages img, #lookup-messages script')).toHaveCount(0);
    expect(dialog).toBe(false);
  });

  test('says so when the query is malformed percent-encoding', async ({ page }) => {
    await page.goto(at('lookup/?q=%E0%A4%A'));
    await expect(page.locator('#lookup-messages')).toContainText('could not be decoded');
  });

  test('reads only the first 10,000 characters of a huge paste and says so', async ({ page }) => {
    await page.goto(at('lookup/'));
    await page.locator('#page-lookup-q').fill('x'.repeat(10_050) + ' stopped-server');
    await expect(page.locator('#lookup-messages')).toContainText('only the first 10,000 were read');
  });

  test('handles emoji and right-to-left marks', async ({ page }) => {
    await page.goto(at(`lookup/?q=${encodeURIComponent('\u200Fstopped-server\u200F')}`));
    await expect(page.locator(`${results}[data-tier="exact"] a`)).toHaveAttribute(
      'href',
      /codes\/stopped-server\/$/,
    );
    await page.goto(at(`lookup/?q=${encodeURIComponent('🔥🔥')}`));
    await expect(page.locator('.lookup-none')).toContainText('No entry for');
  });

  test('an empty query asks for input', async ({ page }) => {
    await page.goto(at('lookup/?q='));
    await expect(page.locator('#page-lookup-status')).toHaveText(
      'Type a code, an event ID, an HRESULT or a log line.',
    );
  });
});

test.describe('header lookup', () => {
  test('moves through results with the arrow keys and opens one with Enter', async ({ page }) => {
    await page.goto(at('codes/'));
    const box = page.locator('#lookup-q');
    await box.fill('stopped-server');
    await expect(page.locator('#lookup-popup .lookup-list > li').first()).toHaveAttribute(
      'data-tier',
      'exact',
    );
    await box.press('ArrowDown');
    await expect(page.locator('#lookup-popup .lookup-list > li > a').first()).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/codes\/stopped-server\/$/);
  });

  test('Escape closes the results and returns focus to the box', async ({ page }) => {
    await page.goto(at('codes/'));
    await page.locator('#lookup-q').fill('6025');
    await page.locator('#lookup-q').press('ArrowDown');
    await page.keyboard.press('Escape');
    await expect(page.locator('#lookup-q')).toBeFocused();
    await expect(page.locator('#lookup-popup')).toBeHidden();
  });
});

test.describe('long text never travels in the address', () => {
  const entry = [
    'Log Name:      Application',
    'Source:        PCNSSVC',
    'Event ID:      6025',
    'Level:         Error',
    'Description:',
    'Password Change Notification Service was unable to deliver a password notification to the target "MIMSync". The target could not be authenticated.',
  ].join('\n');

  test('a short query submitted in the header box opens the lookup page with ?q=', async ({ page }) => {
    await page.goto(at('codes/'));
    await page.locator('#lookup-q').fill('extention-dll-exception');
    await page.locator('#lookup-q').press('Enter');
    await expect(page).toHaveURL(/lookup\/\?q=extention-dll-exception$/);
    await expect(page.locator(`${results}[data-tier="didYouMean"] a`).first()).toHaveAttribute(
      'href',
      /codes\/extension-dll-exception\/$/,
    );
  });

  test('a long paste submitted in the header box is handed over without the address, and the page says so', async ({
    page,
  }) => {
    await page.goto(at('codes/'));
    await page.locator('#lookup-q').fill(entry.replace(/\n/g, ' '));
    await page.locator('#lookup-q').press('Enter');
    await expect(page).toHaveURL(/lookup\/$/);
    await expect(page.locator('#lookup-messages')).toContainText('without putting it in the address');
    await expect(page.locator(results).first().locator('a')).toHaveAttribute(
      'href',
      /codes\/pcns-event-6025\/$/,
    );
    expect(new URL(page.url()).search).toBe('');
  });

  test('a long text looked up on the lookup page stays out of the address, and the page says so', async ({
    page,
  }) => {
    await page.goto(at('lookup/'));
    await page.locator('#page-lookup-q').fill(entry);
    await page.locator('#page-lookup-q').press('Enter');
    await expect(page.locator('#lookup-messages')).toContainText('too long for a shareable link');
    expect(new URL(page.url()).search).toBe('');
  });

  test('an exact hit on the lookup page lists full-text pages under it', async ({ page }) => {
    await page.goto(at('lookup/?q=6025'));
    await expect(page.locator(results).first()).toHaveAttribute('data-tier', 'exact');
    await expect(page.locator(`${results}[data-tier="fulltext"]`).first()).toBeVisible();
  });

  test('a whole export hands its text to the analyzer without the address, and says so', async ({ page }) => {
    const events = `${entry}\n\n${entry.replace('6025', '6801')}`;
    await page.goto(at('lookup/'));
    await page.locator('#page-lookup-q').fill(events);
    const hint = page.locator('.lookup-export');
    await expect(hint).toContainText('not in the address');
    await hint.getByRole('link').click();
    await expect(page).toHaveURL(/analyze\/$/);
    await expect(page.locator('mim-analyze textarea')).toHaveValue(events);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the lookup form leads to the catalog', async ({ page }) => {
    await page.goto(at(''));
    await page.locator('#home-lookup-q').fill('6025');
    await page.locator('#home-lookup-q').press('Enter');
    await expect(page).toHaveURL(/\/codes\/\?q=6025$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Code catalog');
  });
});

test.describe('Swedish', () => {
  test('the lookup answers in Swedish and links Swedish pages', async ({ page }) => {
    await page.goto(at('sv/lookup/?q=extention-dll-exception'));
    await expect(page.locator('.lookup-none')).toContainText('Ingen post för');
    await expect(page.locator(`${results}[data-tier="didYouMean"] a`).first()).toHaveAttribute(
      'href',
      /\/sv\/codes\/extension-dll-exception\/$/,
    );
    await page.goto(at('sv/lookup/?q=6025'));
    await expect(page.locator(`${results}[data-tier="exact"] a`).first()).toHaveAttribute(
      'href',
      /\/sv\/codes\/pcns-event-6025\/$/,
    );
    await expect(page.locator(`${results}[data-tier="exact"] .r-tag`).first()).toHaveText('Exakt träff');
  });
  test('the Swedish lookup keeps the query when switching language', async ({ page }) => {
    await page.goto(at('sv/lookup/?q=6025'));
    await expect(page.locator(`${results}[data-tier="exact"]`).first()).toBeVisible();
    await expect(page.locator('a.lang-switch')).toHaveAttribute('href', /\/lookup\/\?q=6025$/);
  });
});

test.describe('short links', () => {
  test('/e/<code>/ leads to the code page', async ({ page }) => {
    await page.goto(at('e/stopped-extension-dll-exception/'));
    await expect(page).toHaveURL(/codes\/stopped-extension-dll-exception\/$/);
    await page.goto(at('sv/e/6025/'));
    await expect(page).toHaveURL(/sv\/codes\/pcns-event-6025\/$/);
  });
  test('a short link in another written form still lands on the page', async ({ page }) => {
    await page.goto(at('e/0x8023063D/'));
    await expect(page).toHaveURL(/codes\/0x8023063d\/$/);
  });
  test('an unknown short link offers the lookup with the code filled in', async ({ page }) => {
    const res = await page.goto(at('e/no-such-code-here/'));
    expect(res?.status()).toBe(404);
    const offer = page.locator('#short-link-help a[data-lang="en"]');
    await expect(offer).toBeVisible();
    await expect(offer).toHaveAttribute('href', /lookup\/\?q=no-such-code-here$/);
    await offer.click();
    await expect(page.locator('#page-lookup-q')).toHaveValue('no-such-code-here');
  });
});
