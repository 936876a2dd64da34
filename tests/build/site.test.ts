/** The valid fixture builds into the pages, JSON and search index the site promises. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { makeSite, type Site } from './harness';
import { unpackIndex } from '../../src/lib/lookup';
import { NO_SITE_URL_WARNING } from '../../src/lib/site-config';

for (const base of ['/', '/mim-help/']) {
  describe(`a valid site built for base ${base}`, () => {
    let site: Site;
    let dist: string;
    let r: { ok: boolean; output: string };
    beforeAll(() => {
      site = makeSite('valid-minimal');
      r = site.build(base === '/' ? {} : { SITE_BASE: base, SITE_URL: 'https://help.contoso.local' });
      expect(r.ok, r.output).toBe(true);
      dist = path.join(site.dir, 'dist');
    });
    afterAll(() => site.remove());
    const html = (p: string) => site.read(path.join('dist', p, 'index.html'));

    it('writes every page in both languages', () => {
      for (const p of [
        '',
        'codes',
        'codes/stopped-server',
        'codes/pcns-event-6025',
        'codes/0x8023063d',
        'steps/first-step',
        'lookup',
      ]) {
        expect(existsSync(path.join(dist, p, 'index.html')), p).toBe(true);
        expect(existsSync(path.join(dist, 'sv', p, 'index.html')), `sv/${p}`).toBe(true);
      }
      expect(existsSync(path.join(dist, '404.html'))).toBe(true);
    });

    it('sets <html lang> per language', () => {
      expect(html('codes/stopped-server')).toMatch(/^<!DOCTYPE html><html lang="en"/);
      expect(html('sv/codes/stopped-server')).toMatch(/^<!DOCTYPE html><html lang="sv"/);
    });

    it('puts the exact code in the h1 of its page, with Pagefind filters and meta', () => {
      const page = html('codes/pcns-event-6025');
      expect(page).toMatch(/<h1><code class="code-id">6025<\/code>/);
      expect(page).toContain(
        '<span data-pagefind-filter="kind[data-value]" data-value="event-id" hidden></span>',
      );
      expect(page).toContain(
        '<span data-pagefind-filter="component[data-value]" data-value="pcns" hidden></span>',
      );
      expect(page).toContain('data-pagefind-meta="code:6025"');
      expect(page).toContain('<main id="main" data-pagefind-body>');
    });

    it('marks an uncertain code as unverified', () => {
      expect(html('codes/pcns-event-6025')).toContain('class="aside aside-caution unverified"');
      expect(html('codes/stopped-server')).not.toContain('unverified"');
    });

    it('renders the step MDX and rewrites its links for base and language', () => {
      const en = html('steps/first-step');
      expect(en).toContain('The fixture step page renders its MDX.');
      expect(en).toContain(`href="${base}codes/stopped-server/"`);
      expect(en).toContain(`href="${base}steps/second-step/#checks"`);
      expect(html('sv/steps/first-step')).toContain(`href="${base}sv/codes/stopped-server/"`);
    });

    it('writes /codes.json with site-relative URLs that include the base path', () => {
      const json = JSON.parse(site.read('dist/codes.json'));
      expect(json.codes).toHaveLength(4);
      const c = json.codes.find((x: { code: string }) => x.code === 'stopped-server');
      expect(c).toMatchObject({
        kind: 'run-status',
        category: 'stopped',
        component: 'fim-service-ma',
        title: 'The FIM Service MA stopped',
        url: `${base}codes/stopped-server/`,
        aliases: [],
      });
      expect(typeof c.summary).toBe('string');
    });

    it('writes an exact-match map per language, whole and in shards', () => {
      const en = unpackIndex(JSON.parse(site.read('dist/lookup-index.json')));
      const sv = JSON.parse(site.read('dist/sv/lookup-index.json'));
      expect(en.keys.get('6025')).toBeDefined();
      expect(en.entries[en.keys.get('0x8023063d')![0]!]!.s).toBe('0x8023063d');
      expect(unpackIndex(sv).entries.find((e) => e.s === 'stopped-server')?.t).toBe(
        'FIM Service MA stoppade',
      );
      // The UI strings ride on the page, not in the map.
      expect(sv.s).toBeUndefined();
      const shard = unpackIndex(JSON.parse(site.read('dist/lookup-index/6.json')));
      expect(shard.entries.map((e) => e.s)).toEqual(['pcns-event-6025']);
      expect(JSON.parse(site.read('dist/sv/lookup-index/_.json')).e).toEqual([]);
    });

    it('builds one Pagefind index per language', () => {
      const files = readdirSync(path.join(dist, 'pagefind'));
      expect(files.some((f) => /^pagefind\.en_.*\.pf_meta$/.test(f))).toBe(true);
      expect(files.some((f) => /^pagefind\.sv_.*\.pf_meta$/.test(f))).toBe(true);
    });

    if (base === '/') {
      // The fixture's committed published-urls.txt is checked by this build (the failing and the
      // redirected cases are in urls.test.ts).
      it('builds when every published URL is still served', () => {
        expect(existsSync(path.join(site.dir, 'published-urls.txt'))).toBe(true);
        expect(r.output).not.toContain('The build dropped');
      });

      it('without SITE_URL warns once and ships no canonical, og:url, sitemap or localhost URL', () => {
        expect(r.output.split(NO_SITE_URL_WARNING).length - 1).toBe(1);
        const page = html('sv/codes/stopped-server');
        expect(page).not.toContain('rel="canonical"');
        expect(page).not.toContain('og:url');
        expect(page).toContain(`<link rel="alternate" hreflang="en" href="/codes/stopped-server/">`);
        expect(page).not.toMatch(/https?:\/\/(localhost|127\.0\.0\.1)/);
        expect(readdirSync(dist).filter((f) => f.startsWith('sitemap'))).toEqual([]);
        expect(site.read('dist/robots.txt')).not.toContain('Sitemap:');
      });
    } else {
      it('links canonical, og:url and hreflang alternates to SITE_URL', () => {
        const origin = 'https://help.contoso.local';
        const page = html('sv/codes/stopped-server');
        expect(r.output).not.toContain(NO_SITE_URL_WARNING);
        expect(page).toContain(`<link rel="canonical" href="${origin}${base}sv/codes/stopped-server/">`);
        expect(page).toContain(`<meta property="og:url" content="${origin}${base}sv/codes/stopped-server/">`);
        expect(page).toContain(
          `<link rel="alternate" hreflang="en" href="${origin}${base}codes/stopped-server/">`,
        );
        expect(site.read('dist/robots.txt')).toContain(`Sitemap: ${origin}${base}sitemap-index.xml`);
      });

      it('writes a sitemap of the indexable pages, with hreflang alternates, under SITE_URL', () => {
        const origin = 'https://help.contoso.local';
        expect(site.read('dist/sitemap-index.xml')).toContain(`<loc>${origin}${base}sitemap-0.xml</loc>`);
        const xml = site.read('dist/sitemap-0.xml');
        expect(xml).toContain(`<loc>${origin}${base}sv/codes/stopped-server/</loc>`);
        expect(xml).toContain(
          `<xhtml:link rel="alternate" hreflang="sv" href="${origin}${base}sv/codes/stopped-server/"/>`,
        );
        expect(xml).toContain(`<loc>${origin}${base}steps/first-step/</loc>`);
        // Short links and the 404 page are noindex, so they are left out.
        expect(xml).not.toContain(`${base}e/`);
        expect(xml).not.toContain('404');
      });
    }
  });
}
