/**
 * After the build: point dist/web.config's 404 page at SITE_BASE (see src/lib/host-configs.ts).
 * The other host configs (_headers, staticwebapp.config.json) need no change per base.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { rebaseWebConfig } from '../lib/host-configs.ts';

export default function hostConfigsIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'mim-host-configs',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const file = path.join(fileURLToPath(dir), 'web.config');
        if (!existsSync(file) || base === '/') return;
        writeFileSync(file, rebaseWebConfig(readFileSync(file, 'utf8'), base));
        logger.info(`web.config: 404 page at ${base}404.html`);
      },
    },
  };
}
