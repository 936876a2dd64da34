import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Which Chromium to drive. Playwright cannot download its own browser on these machines, so:
 * CHROMIUM_PATH (or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH) when set; else Playwright's own browser
 * when it is installed; else the system one (Debian's /usr/bin/chromium).
 */
export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own here.
  }
  for (const p of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ]) {
    if (existsSync(p)) return p;
  }
  throw new Error(
    'No Chromium found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH=/path/to/chrome.',
  );
}
