/**
 * One page of each type and the byte budgets they are held to: tests/e2e/budgets.spec.ts enforces
 * the budgets (in both languages), bench/lib/weight.mjs reports against them and `npm run shots`
 * pictures the same pages. Paths are relative to the site's base, English; the Swedish page is
 * the same path under sv/.
 */

/** @type {readonly { name: string; path: string; script?: boolean }[]} `script`: held to the script budget. */
export const PAGE_TYPES = [
  { name: 'home', path: '' },
  { name: 'step', path: 'steps/pcns-event-6025/', script: true },
  { name: 'code', path: 'codes/stopped-server/', script: true },
  { name: 'catalog', path: 'codes/' },
  { name: 'lookup', path: 'lookup/' },
  { name: 'versions', path: 'versions/' },
  { name: 'analyze', path: 'analyze/' },
];

const KB = 1024;
/**
 * gzip bytes (level 9) of what a page fetches before any interaction (issue 8): HTML and CSS on
 * every page, script on the pages marked `script`; `lookupData`: all an exact lookup fetches.
 * `lookupData` was 10 KB until stop 25, when the exact path (about 10.1 KB then) learned to read a
 * crash entry's exception code as an NTSTATUS with its STATUS_ name (src/lib/hresult.ts), which
 * took it to about 10.3 KB.
 */
export const BYTE_BUDGETS = { html: 25 * KB, css: 15 * KB, script: 5 * KB, lookupData: 10.5 * KB };
