#!/usr/bin/env node
// Rewrites published-urls.txt from a fresh build: run it when a change adds pages or headings.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ASTRO_TELEMETRY_DISABLED: '1',
    ...process.env,
    UPDATE_PUBLISHED_URLS: '1',
    SITE_BASE: '',
    SITE_OUT_DIR: '',
  },
});
process.exit(r.status ?? 1);
