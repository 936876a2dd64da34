// Wiring only: site, base, i18n, integrations. Everything else lives in src/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';
import { siteBase, siteUrl } from './src/lib/site-config.ts';

export default defineConfig({
  // SITE_URL sets the origin for canonical links; SITE_BASE builds for a subpath (for example /mim-help/).
  site: siteUrl(process.env.SITE_URL),
  base: siteBase(process.env.SITE_BASE),
  // SITE_OUT_DIR lets the tests keep a root build and a subpath build side by side.
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  // Stylesheets stay external files, so the shipped Content-Security-Policy needs no 'unsafe-inline'.
  build: { format: 'directory', inlineStylesheets: 'never' },
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'sv'],
    routing: { prefixDefaultLocale: false },
  },
  integrations: [mdx(), pagefind()],
  devToolbar: { enabled: false },
});
