/**
 * Screenshots of every page type, at five widths, in both themes and both languages, so anyone
 * can look at the site before and after a change:
 *
 *   npm run shots                       # builds dist/, serves it, writes shots/
 *   npm run shots -- --out /tmp/before  # another folder (outside git)
 *   npm run shots -- --no-build         # reuse the last dist/
 *   npm run shots -- --only step,code --widths 390,1280 --viewport
 *   npm run shots -- --no-build --resume  # keep the pictures already taken
 *
 * File names are <page>-<lang>-<theme>-<width>.png; full-page captures unless --viewport. The
 * folder is gitignored: screenshots are for looking at, not for committing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { astroBuild } from './astro-build.mjs';
import { launchChromium } from './chromium.mjs';
import { PAGE_TYPES } from './page-types.mjs';

const root = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};

const out = path.resolve(root, opt('out', 'shots'));
const dist = path.resolve(root, opt('dir', 'dist'));
const port = Number(opt('port', '4399'));
const WIDTHS = opt('widths', '320,390,768,1280,1920').split(',').map(Number);
const HEIGHT: Record<number, number> = { 320: 640, 390: 844, 768: 1024, 1280: 900, 1920: 1080 };

interface Shot {
  name: string;
  path: string;
  /** What must be on screen before the picture is taken. */
  ready: string;
  status?: number;
}
// The page types of the byte budgets, each in the state worth looking at, and the 404 page.
const STATE: Record<string, Partial<Shot>> = {
  lookup: { path: 'lookup/?q=6025', ready: '#lookup-results > li' },
  versions: { path: 'versions/?build=4.4.1459.0' },
};
const PAGES: Shot[] = [
  ...PAGE_TYPES.map((p) => ({ name: p.name, path: p.path, ready: 'h1', ...STATE[p.name] })),
  { name: '404', path: 'no-such-page/', ready: 'h1', status: 404 },
];
const only = opt('only', '');
const pages = only ? PAGES.filter((p) => only.split(',').includes(p.name)) : PAGES;

if (!flag('no-build')) {
  const r = astroBuild({ cwd: root, env: { SITE_OUT_DIR: dist }, show: true });
  if (!r.ok) process.exit(r.status ?? 1);
}
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error(`No build in ${dist}: run without --no-build once.`);
  process.exit(1);
}
mkdirSync(out, { recursive: true });

const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--dir', dist], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  server.stdout!.on('data', (d: Buffer) => d.toString().includes('Serving') && resolve());
  server.on('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
});
const base = `http://127.0.0.1:${port}${`/${(process.env.SITE_BASE ?? '').split('/').filter(Boolean).join('/')}/`.replace('//', '/')}`;

const browser = await launchChromium();
let written = 0;
const skipped = new Set<string>();
const failed: string[] = [];
try {
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({
        viewport: { width, height: HEIGHT[width] ?? 900 },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      for (const lang of ['en', 'sv'] as const) {
        for (const p of pages) {
          const url = `${base}${lang === 'sv' ? 'sv/' : ''}${p.path}`;
          const file = path.join(out, `${p.name}-${lang}-${scheme}-${width}.png`);
          if (flag('resume') && existsSync(file)) continue;
          try {
            const res = await page.goto(url, { waitUntil: 'load' });
            if ((res?.status() ?? 0) !== (p.status ?? 200)) {
              skipped.add(`${p.name} (${res?.status()} at ${url})`);
              continue;
            }
            await page.locator(p.ready).first().waitFor({ timeout: 30_000 });
            await page.waitForLoadState('networkidle');
            await page.screenshot({ path: file, fullPage: !flag('viewport'), timeout: 120_000 });
            written++;
          } catch (e) {
            // A busy machine can time a capture out; say which, and go on with the rest.
            failed.push(`${path.basename(file)}: ${(e as Error).message.split('\n')[0]}`);
          }
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
for (const s of skipped) console.log(`skipped ${s}`);
for (const f of failed) console.log(`failed ${f} (run again with --resume)`);
console.log(`Wrote ${written} screenshots to ${path.relative(process.cwd(), out) || '.'}`);
