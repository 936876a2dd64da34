/**
 * The one Chromium this project drives, and its flags: the end-to-end tests
 * (playwright.config.ts), bench/ and `npm run shots` all launch it from here.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** The flags of every launch: no sandbox or GPU in containers, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Which Chromium to drive. Playwright cannot download its own browser on these machines, so:
 * CHROMIUM_PATH (or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH) when set; else Playwright's own browser
 * when it is installed; else the system one (Debian's /usr/bin/chromium).
 * @returns {string}
 */
export function chromiumExecutable() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  try {
    if (existsSync(chromium.executablePath())) return chromium.executablePath();
  } catch {
    // Playwright has no browser of its own here.
  }
  for (const p of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ])
    if (existsSync(p)) return p;
  throw new Error(
    'No Chromium found. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH=/path/to/chrome.',
  );
}

/**
 * Launches it through Playwright with the project's flags and any extra ones.
 * @param {string[]} [extraArgs]
 */
export function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: chromiumExecutable(), args: [...CHROMIUM_ARGS, ...extraArgs] });
}
