/**
 * Builds the Pagefind full-text index after `astro build`, through Pagefind's Node API, so the
 * index is always written from the HTML the build just produced (one index per <html lang>).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as pagefind from 'pagefind';

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'mim-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        // Pagefind runs a service process; close it whether indexing worked or not, so a failed
        // build does not leave it running (as Starlight's integration does).
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length)
            throw new Error(`Pagefind could not index ${site}: ${added.errors.join('; ')}`);
          if (added.page_count === 0)
            throw new Error(
              'Pagefind indexed 0 pages: is <main data-pagefind-body> missing from the layout?',
            );
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length)
            throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`Pagefind indexed ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
