import { connect } from 'node:net';
import { test, expect, at } from './fixtures';

/**
 * Addresses an attacker or a mangled ticket link can produce. Nothing may run script (no dialog
 * opens), the server must keep answering, and the answer is a 404, a 414 or the lookup's own
 * message, never a file from outside the site.
 */

/** Sends one request line exactly as written (browsers and fetch would normalize "../" first). */
function rawGet(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.setTimeout(5000, () => socket.destroy(new Error(`no answer to GET ${target}`)));
    socket.on('connect', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`),
    );
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
  });
}

test.describe('hostile addresses', () => {
  const dialogs: string[] = [];
  test.beforeEach(({ page }) => {
    dialogs.length = 0;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  test.afterEach(() => {
    expect(dialogs, 'a script ran and opened a dialog').toEqual([]);
  });

  for (const q of ['%E0%A4%A', '%', '%%%', '%ZZ']) {
    test(`a malformed query ?q=${q} shows the lookup's message and the raw text`, async ({ page }) => {
      const res = await page.goto(at(`lookup/?q=${q}`));
      expect(res?.status()).toBe(200);
      await expect(page.locator('.lookup-warn').first()).toBeVisible();
      // The lookup page's own box (a textarea: pasted text keeps its lines).
      await expect(page.locator('#page-lookup-q')).toHaveValue(q);
    });
  }

  test('a query holding markup is shown as text, never run', async ({ page }) => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    await page.goto(at(`lookup/?q=${encodeURIComponent(payload)}`));
    await expect(page.locator('.lookup-none code')).toHaveText(payload.slice(0, 120));
    expect(
      await page.locator('#lookup-messages img, #lookup-results img, #lookup-messages script').count(),
    ).toBe(0);
  });

  test('a short link made of a script tag answers 404 and shows the text inertly', async ({ page }) => {
    const res = await page.goto(at('e/<script>alert(1)</script>/'));
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });

  test('a percent-encoded script tag in a short link answers 404 and runs nothing', async ({ page }) => {
    const res = await page.goto(at('e/%3Cscript%3Ealert(1)%3C%2Fscript%3E/'));
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });

  test('a 10 KB address is refused with 414 and the server keeps answering', async ({ page, request }) => {
    const long = at(`lookup/?q=${'6025+'.repeat(2048)}`);
    const res = await request.get(long);
    expect(res.status()).toBe(414);
    const longPath = await request.get(at(`${'a'.repeat(10_240)}/`));
    expect(longPath.status()).toBe(414);
    expect((await request.get(at(''))).status()).toBe(200);
    // Just under the server's limit (a long pasted log) the lookup reads the query and finds the code.
    await page.goto(at(`lookup/?q=${encodeURIComponent('Event ID 6025 '.repeat(350))}`));
    await expect(
      page.locator('#lookup-results > li > a[href$="codes/pcns-event-6025/"]').first(),
    ).toBeVisible();
  });

  test('path traversal never leaves the site folder', async ({ baseURL }) => {
    const url = new URL(baseURL!);
    const port = Number(url.port);
    const base = url.pathname; // "/" or "/mim-help/"
    const targets = [
      '/../../etc/passwd',
      `${base}../../etc/passwd`,
      `${base}..%2f..%2f..%2fetc%2fpasswd`,
      `${base}%2e%2e/%2e%2e/%2e%2e/etc/passwd`,
      `${base}%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
      `${base}..%5c..%5c..%5cetc%5cpasswd`,
      `${base}..\\..\\..\\etc\\passwd`,
      `${base}%252e%252e%252fpackage.json`,
      `${base}../package.json`,
      `${base}..%2fpackage.json`,
      `${base}%2e%2e%2fscripts%2fserve.mjs`,
      `${base}index.html%00.txt`,
      `${base}%E0%A4%A`,
      '//etc/passwd',
    ];
    for (const target of targets) {
      const { status, body } = await rawGet(port, target);
      expect([400, 404], `${target} answered ${status}`).toContain(status);
      expect(body, target).not.toMatch(/root:.*:0:0:|"name":\s*"mim-sync-help"|createServer/);
    }
    // Still serving after all of that.
    const ok = await rawGet(port, base);
    expect(ok.status).toBe(200);
  });
});
