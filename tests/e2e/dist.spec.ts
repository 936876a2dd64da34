import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { test, expect } from './fixtures';
import { SITES } from '../../playwright.config';

/**
 * The built HTML on disk, as the e2e web servers just built it (dist-e2e-root/ for the root
 * project, dist-e2e-sub/ for /mim-help/): every page is valid HTML, and every internal link and
 * #anchor points at a file that was built and an id that exists.
 */
const root = path.resolve(import.meta.dirname, '../..');
const DEFAULT_SITE_URL = 'http://localhost:4321';

/**
 * html-validate's recommended rules, with these changes:
 * - long-title off: a code page's title is the code, the Sync Service's own message text and the
 *   site name (up to ~150 characters). The rule is an SEO heuristic about how much a search
 *   engine displays; cutting the message short would hide what an admin is matching against.
 * - aria-label-misuse with allowAnyNamable: the lookup's result list (<ol aria-label>) is named on
 *   purpose so a screen reader announces what the list is; ARIA allows naming a list, the rule's
 *   default only allows it on interactive elements and landmarks.
 * - valid-id relaxed: HTML allows any id without spaces. The versions page anchors each build by
 *   its number (#sync-4.7.3.0) so support tickets can link a build; the strict default forbids dots.
 * - prefer-native-element except role="region": a wide table sits in <div role="region"
 *   tabindex="0" aria-labelledby> so keyboard users can scroll it (axe: scrollable-region-focusable);
 *   that is a scroll container, not a section of the document.
 * The config is given whole (StaticConfigLoader): the default loader looks for .htmlvalidate.json
 * files beside each of the ~1,400 pages, a third of the test's time, and the project has none.
 */
const validator = new HtmlValidate(
  new StaticConfigLoader({
    extends: ['html-validate:recommended'],
    rules: {
      'long-title': 'off',
      'aria-label-misuse': ['error', { allowAnyNamable: true }],
      'valid-id': ['error', { relaxed: true }],
      'prefer-native-element': ['error', { exclude: ['region'] }],
    },
  }),
);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(dir, f))
    .sort();
}

const decode = (s: string) =>
  s.replace(
    /&(amp|quot|#39|lt|gt);/g,
    (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[e]!,
  );

/** The built file a URL path (with base) points at, or undefined when it leaves the site. */
function fileFor(dist: string, base: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const rel = decodeURIComponent(urlPath.slice(base.length));
  const file = path.join(dist, rel);
  return urlPath.endsWith('/') ? path.join(file, 'index.html') : file;
}

test.describe('the built site on disk', () => {
  let dist: string;
  let base: string;
  test.beforeEach(({}, testInfo) => {
    const site = SITES[testInfo.project.name as keyof typeof SITES];
    // A config that builds elsewhere says so in the project's metadata.
    const outDir = (testInfo.project.metadata?.outDir as string | undefined) ?? site.outDir;
    dist = path.join(root, outDir);
    base = site.base;
    expect(
      existsSync(path.join(dist, 'index.html')),
      `${outDir} holds no build; run the e2e tests without E2E_SKIP_BUILD once`,
    ).toBe(true);
  });

  test('every page is valid HTML', () => {
    test.setTimeout(120_000);
    const problems: string[] = [];
    const files = htmlFiles(dist);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const report = validator.validateStringSync(readFileSync(file, 'utf8'), file);
      for (const r of report.results) {
        for (const m of r.messages)
          problems.push(
            `${path.relative(root, file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message} [${m.selector ?? ''}]`,
          );
      }
    }
    expect(problems, problems.slice(0, 40).join('\n')).toEqual([]);
  });

  test('every internal link and #anchor resolves to a built file and an existing id', () => {
    test.setTimeout(120_000);
    const files = htmlFiles(dist);
    const idCache = new Map<string, Set<string>>();
    const idsOf = (file: string) => {
      let ids = idCache.get(file);
      if (!ids) {
        ids = new Set(
          [...readFileSync(file, 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1] ?? '')),
        );
        idCache.set(file, ids);
      }
      return ids;
    };
    const broken: string[] = [];
    let checked = 0;
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const pageUrl = new URL(
        `${base}${path.relative(dist, file).split(path.sep).join('/')}`.replace(/index\.html$/, ''),
        DEFAULT_SITE_URL,
      );
      const refs = [
        ...[
          ...html.matchAll(
            /<(?:a|link|script|img|source|form|iframe)\b[^>]*?\s(?:href|src|action)="([^"]*)"/g,
          ),
        ].map((m) => decode(m[1] ?? '')),
        ...[...html.matchAll(/<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]*)"/g)].map((m) =>
          decode(m[1] ?? ''),
        ),
      ];
      for (const ref of refs) {
        if (/^(mailto|tel|data|javascript):/i.test(ref)) continue;
        const url = new URL(ref, pageUrl);
        if (url.origin !== new URL(DEFAULT_SITE_URL).origin) continue; // a source on another site
        checked++;
        const where = `${path.relative(root, file)} → ${ref}`;
        const target = fileFor(dist, base, url.pathname);
        if (!target || !existsSync(target) || !statSync(target).isFile()) {
          broken.push(`${where}: no built file at ${url.pathname}`);
          continue;
        }
        if (url.hash && target.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          if (!idsOf(target).has(id))
            broken.push(`${where}: no id="${id}" in ${path.relative(root, target)}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken, broken.slice(0, 40).join('\n')).toEqual([]);
  });

  test('ships no absolute URL to localhost, and absolute URLs to SITE_URL only when it was set', ({}, info) => {
    const siteUrl = SITES[info.project.name as keyof typeof SITES].siteUrl;
    const files = [
      ...htmlFiles(dist),
      ...['robots.txt', 'sitemap-index.xml', 'sitemap-0.xml']
        .map((f) => path.join(dist, f))
        .filter((f) => existsSync(f)),
    ];
    const local: string[] = [];
    let canonicals = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/https?:\/\/(?:localhost|127\.\d+\.\d+\.\d+|\[::1\])[^\s"'<]*/g))
        local.push(`${path.relative(root, file)}: ${m[0]}`);
      for (const m of text.matchAll(
        /<link rel="canonical" href="([^"]*)"|property="og:url" content="([^"]*)"/g,
      )) {
        canonicals++;
        const url = m[1] ?? m[2] ?? '';
        if (!siteUrl)
          local.push(`${path.relative(root, file)}: a canonical or og:url without SITE_URL: ${url}`);
        else if (!url.startsWith(`${siteUrl}${base}`))
          local.push(`${path.relative(root, file)}: ${url} is not under ${siteUrl}${base}`);
      }
    }
    expect(local, local.slice(0, 20).join('\n')).toEqual([]);
    if (siteUrl) expect(canonicals).toBeGreaterThan(1000);
    expect(existsSync(path.join(dist, 'sitemap-index.xml'))).toBe(Boolean(siteUrl));
  });

  test('ships the host configs, with the IIS 404 page under the base', () => {
    for (const f of ['web.config', '_headers', 'staticwebapp.config.json'])
      expect(existsSync(path.join(dist, f)), f).toBe(true);
    expect(readFileSync(path.join(dist, 'web.config'), 'utf8')).toContain(
      `<error statusCode="404" path="${base}404.html" responseMode="ExecuteURL" />`,
    );
  });

  test('writes no inline script, inline style or style attribute', () => {
    const inline: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      // Data blocks (<script type="application/ld+json">) are not executed, so the CSP does not apply to them.
      for (const m of html.matchAll(
        /<script\b(?![^>]*\ssrc=)(?![^>]*\stype="application\/(?:ld\+)?json")[^>]*>|<style\b[^>]*>|\sstyle="[^"]*"|\son[a-z]+="/g,
      )) {
        inline.push(`${path.relative(root, file)}: ${m[0]}`);
      }
    }
    expect(inline, inline.slice(0, 20).join('\n')).toEqual([]);
  });

  // Each component's own <script> was an entry of its own, and Vite splits what two entries share
  // into more chunks: a step page fetched eight scripts before its first paint. Page code goes in
  // src/scripts/frame.ts (or loads from it), so a page names one module script, the same on every page.
  test('every page names one module script, the same one, besides theme.js', () => {
    const bad: string[] = [];
    const modules = new Set<string>();
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      if (!html.includes('<main')) continue; // the redirect stubs carry only redirect.js
      const srcs = [...html.matchAll(/<script\b[^>]*\ssrc="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
      const mods = [...html.matchAll(/<script\b[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
      mods.forEach((m) => modules.add(m));
      const others = srcs.filter((s) => !mods.includes(s) && s !== `${base}theme.js`);
      if (mods.length !== 1 || others.length) bad.push(`${path.relative(root, file)}: ${srcs.join(', ')}`);
    }
    expect(bad, bad.slice(0, 20).join('\n')).toEqual([]);
    expect([...modules]).toHaveLength(1);
  });
});
