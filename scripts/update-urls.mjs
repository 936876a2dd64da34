#!/usr/bin/env node
// Rewrites published-urls.txt from a fresh build: run it when a change adds pages or headings.
import { astroBuild } from './astro-build.mjs';

const r = astroBuild({ show: true, env: { UPDATE_PUBLISHED_URLS: '1', SITE_BASE: '', SITE_OUT_DIR: '' } });
process.exit(r.status ?? 1);
