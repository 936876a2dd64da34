import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, at } from './fixtures';

/**
 * The shipped Content-Security-Policy, served by scripts/serve.mjs from public/_headers as the
 * production hosts serve it, and the site working under it. The fixture already fails any test
 * on a CSP violation (Chromium reports it as a console error) or a request off the machine.
 */
const headersFile = readFileSync(path.resolve(import.meta.dirname, '../../public/_headers'), 'utf8');
const shippedCsp = /^\s+Content-Security-Policy:\s*(.+)$/m.exec(headersFile)?.[1]?.trim();

test.describe('the Content-Security-Policy', () => {
  test('is sent with pages, scripts and Pagefind files, with the other security headers', async ({
    page,
    request,
  }) => {
    expect(shippedCsp).toBeTruthy();
    const res = await page.goto(at(''));
    const h = res!.headers();
    expect(h['content-security-policy']).toBe(shippedCsp);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('no-referrer');
    // A worker gets its policy from its own response, so the worker script must carry it too.
    for (const p of [
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind.js',
      'lookup-index.json',
      'no-such-page/',
    ]) {
      const r = await request.get(at(p));
      expect(r.headers()['content-security-policy'], p).toBe(shippedCsp);
    }
  });

  test('lets the full-text search run in its worker, with no violation and no request off the site', async ({
    page,
    baseURL,
  }) => {
    const origin = new URL(baseURL!).origin;
    const requests: string[] = [];
    const warnings: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { cspViolations: string[] }).cspViolations.push(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      );
    });

    await page.goto(at('lookup/?q=tempdb'));
    const hits = page.locator('#lookup-results > li[data-tier="fulltext"]');
    await expect(hits.first()).toBeVisible();
    await expect(hits.first().locator('> a')).toHaveAttribute('href', /\/steps\/|\/codes\//);

    // Pagefind ran in its worker (a same-origin file, no blob:) and did not fall back after an error.
    expect(page.workers().map((w) => w.url())).toContainEqual(
      expect.stringMatching(/\/pagefind\/pagefind-worker\.js$/),
    );
    expect(warnings.filter((w) => /pagefind|worker|wasm|webassembly/i.test(w))).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);

    // This page attempted no request outside its own origin (the fixture would block it).
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  });

  test('blocks an injected inline script and inline style', async ({ page, problems }) => {
    await page.goto(at('codes/stopped-server/'));
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      // Trusted Types refuses the script text itself (no policy creates TrustedScript); were it
      // let through, script-src would still block the element.
      let refused = false;
      const s = document.createElement('script');
      try {
        s.textContent = 'window.injected = true';
      } catch {
        refused = true;
      }
      document.body.append(s);
      const p = document.createElement('p');
      p.setAttribute('style', 'color: rgb(1, 2, 3)');
      document.body.append(p);
      await new Promise((r) => setTimeout(r, 100));
      return { ran: 'injected' in window, refused, color: getComputedStyle(p).color, violations };
    });
    expect(result.ran).toBe(false);
    expect(result.refused).toBe(true);
    expect(result.color).not.toBe('rgb(1, 2, 3)');
    expect(result.violations).toEqual(
      expect.arrayContaining(['require-trusted-types-for', 'style-src-attr']),
    );
    // These two refusals are the point of this test; anything else still fails it.
    const expected = (p: string) =>
      /requires 'TrustedScript' assignment/.test(p) ||
      (/Content Security Policy/.test(p) && /inline style/.test(p));
    expect(problems.filter(expected)).toHaveLength(2);
    problems.splice(0, problems.length, ...problems.filter((p) => !expected(p)));
  });
});
