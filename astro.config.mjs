// Wiring only: site, base, i18n, integrations. Everything else lives in src/.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import pagefind from './src/integrations/pagefind.ts';
import contentGuard from './src/integrations/content-guard.ts';
import hostConfigs from './src/integrations/host-configs.ts';
import publishedUrls from './src/integrations/published-urls.ts';
import siteSitemap from './src/integrations/sitemap.ts';
import { headingLinkPlugins } from './src/integrations/heading-links.ts';
import { codeLanguages } from './src/integrations/code-languages.ts';
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
  // Prism marks code tokens with classes (colours in global.css); Shiki writes style="" on every
  // token, which a CSP without 'unsafe-inline' in style-src blocks. codeLanguages fails the build
  // on a fence language Prism does not know, and spells cmd, ps1 and the like the way Prism does.
  markdown: {
    syntaxHighlight: 'prism',
    processor: satteri({ mdastPlugins: [codeLanguages], hastPlugins: headingLinkPlugins }),
  },
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'sv'],
    routing: { prefixDefaultLocale: false },
  },
  integrations: [contentGuard(), mdx(), publishedUrls(), siteSitemap(), pagefind(), hostConfigs()],
  devToolbar: { enabled: false },
  vite: {
    // The export analyzer's Web Worker is a module worker (src/scripts/analyze/worker.ts).
    worker: { format: 'es' },
    build: {
      // Never inline: Astro inlines small scripts (and Vite small images as data: URLs) below
      // this size, and the CSP allows neither inline scripts nor data: images.
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro's MDX output carries a "use astro:head-inject" directive that Rolldown warns about
        // once per file; it is Astro's own marker and harmless. Every other warning still shows.
        onwarn(warning, warn) {
          if (
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            String(warning.message).includes('astro:head-inject')
          )
            return;
          warn(warning);
        },
      },
    },
  },
});
