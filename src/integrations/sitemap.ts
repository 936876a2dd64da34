/**
 * The sitemap, written by @astrojs/sitemap (sitemap-index.xml and sitemap-0.xml) with hreflang
 * alternates between the English and Swedish copy of each page. A sitemap lists absolute URLs, so
 * it needs SITE_URL: without it this integration adds no sitemap and warns once (the library's own
 * "requires the `site` option" warning never shows, because it is not added at all).
 * Pages marked noindex (the /e/ short links, redirects, 404) are left out: the filter reads the
 * built page, so the rule is the page's own robots meta, as for published-urls.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isIndexable } from '../lib/published-urls';
import { NO_SITE_URL_WARNING } from '../lib/site-config';

/** Whether the built page at an absolute URL of the site may be listed. */
function indexable(dist: string, base: string, url: string): boolean {
  const rel = decodeURIComponent(new URL(url).pathname).slice(base.length - 1);
  const file = path.join(dist, rel, rel.endsWith('/') ? 'index.html' : '');
  return existsSync(file) && isIndexable({ path: rel, html: readFileSync(file, 'utf8') });
}

export default function siteSitemap(): AstroIntegration {
  return {
    name: 'mim-sitemap',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        if (!config.site) return logger.warn(NO_SITE_URL_WARNING);
        const dist = fileURLToPath(config.outDir);
        const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          integrations: [
            sitemap({
              i18n: { defaultLocale: 'en', locales: { en: 'en', sv: 'sv' } },
              filter: (url) => indexable(dist, base, url),
            }),
          ],
        });
      },
    },
  };
}
