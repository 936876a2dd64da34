/**
 * After the build: checks that no published URL was dropped (see src/lib/published-urls.ts).
 * `npm run urls` (UPDATE_PUBLISHED_URLS=1) rewrites the list. The sitemap is src/integrations/sitemap.ts.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  diffUrls,
  droppedMessage,
  formatUrlList,
  parseUrlList,
  urlsOf,
  type BuiltPage,
} from '../lib/published-urls';

/** Every built HTML page (and the public JSON files) under dist/, with its site-relative path. */
export function readPages(dist: string): BuiltPage[] {
  const pages: BuiltPage[] = [];
  // Machine-readable files that scripts and ticket tools fetch are public URLs too.
  for (const file of ['codes.json']) {
    if (existsSync(path.join(dist, file))) pages.push({ path: `/${file}`, html: '' });
  }
  for (const rel of readdirSync(dist, { recursive: true }) as string[]) {
    if (!rel.endsWith('.html')) continue;
    const posix = rel.split(path.sep).join('/');
    const urlPath = posix.endsWith('index.html') ? `/${posix.slice(0, -'index.html'.length)}` : `/${posix}`;
    pages.push({ path: urlPath, html: readFileSync(path.join(dist, rel), 'utf8') });
  }
  return pages;
}

export default function publishedUrls(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'mim-published-urls',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const pages = readPages(dist);
        const listFile = path.join(root, 'published-urls.txt');
        if (process.env.UPDATE_PUBLISHED_URLS === '1') {
          writeFileSync(listFile, formatUrlList(pages.flatMap(urlsOf)));
          logger.info(`Wrote ${path.relative(root, listFile)}`);
          return;
        }
        if (!existsSync(listFile)) return;
        const { dropped, added } = diffUrls(parseUrlList(readFileSync(listFile, 'utf8')), pages);
        if (dropped.length) throw new Error(droppedMessage(dropped));
        if (added.length)
          logger.warn(
            `${added.length} new public URL(s) are not in published-urls.txt yet; run \`npm run urls\` to record them.`,
          );
      },
    },
  };
}
