/**
 * Part 5 on the lookup page itself, in Chromium: each text is pasted into /lookup/ of the built
 * site and of a build of BEFORE_REV, and the tasks of the renderer main thread are summed from a
 * Chromium trace (trace.mjs) from the paste until the page has settled, as CPU time and as wall
 * time, with the longest task.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { median } from './browser.mjs';
import { ROOT, TMP } from './paths.mjs';
import { build as buildSite, serve, writeConfigWrapper } from './site.mjs';
import { mainThreadWork } from './trace.mjs';

/**
 * Main before the reader landed. Its src/lib/{codes,hresult,lookup}.ts are those of 13f4b06, the
 * revision the reliability probe measured.
 */
export const BEFORE_REV = 'b58bab9';

/** bench/tmp/site-<rev>/: the project as it was at `rev` (code and content), built like makeSite's. */
function makeSiteAt(rev) {
  const dir = path.join(TMP, `site-${rev}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const paths = 'astro.config.mjs package.json tsconfig.json published-urls.txt src public content scripts';
  execSync(`git archive ${rev} ${paths} | tar -x -C "${dir}"`, { cwd: ROOT });
  writeConfigWrapper(dir);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/**
 * Pastes each input into the lookup page at `url` and returns, per input, the median main-thread
 * time (ms) from the paste until the page settles, and the longest task seen in any run.
 */
async function readOnPage(browser, url, inputs, runs) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => {
    globalThis.__changed = 0;
    new MutationObserver(() => (globalThis.__changed = performance.now())).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  // The box of the page's own lookup (a textarea now, an input before).
  const paste = (q) =>
    page.evaluate((text) => {
      const box = document.querySelector('mim-lookup[data-mode="page"] :is(textarea, input)');
      globalThis.__changed = 0;
      box.value = text;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, q);
  // Settled: the page changed, then nothing changed for 400 ms and the network is idle.
  const settle = async () => {
    await page
      .waitForFunction(
        () => globalThis.__changed > 0 && performance.now() - globalThis.__changed > 400,
        null,
        {
          polling: 100,
          timeout: 20_000,
        },
      )
      .catch(() => undefined);
    await page.waitForLoadState('networkidle');
  };
  // Warm up: the lookup code, the map, the message index and Pagefind are loaded once, as after
  // a first paste; what is measured is the reading itself.
  await paste(inputs[0]);
  await settle();
  await paste('tempdb autogrowth');
  await settle();
  const out = [];
  for (const q of inputs) {
    const xs = [];
    for (let i = 0; i < runs; i++) {
      await paste('');
      await settle();
      xs.push(
        await mainThreadWork(browser, page, async () => {
          await paste(q);
          await settle();
        }),
      );
    }
    const med = (k) => median(xs.map((x) => x[k]));
    out.push({
      mainThreadMs: med('wallMs'),
      mainThreadCpuMs: med('cpuMs'),
      longestTaskMs: Math.max(...xs.map((x) => x.longestWallMs)),
      longestTaskCpuMs: Math.max(...xs.map((x) => x.longestCpuMs)),
    });
  }
  await context.close();
  return out;
}

/** The lookup page of the built site (after) and of a build of BEFORE_REV (before). */
export async function measurePages(browser, dist, inputs, runs, log) {
  log(`  Chromium, the lookup page: this build, then ${BEFORE_REV}`);
  const after = await serve(dist);
  let afterRows;
  try {
    afterRows = await readOnPage(browser, after.url('lookup/'), inputs, runs);
  } finally {
    await after.close();
  }
  const dir = makeSiteAt(BEFORE_REV);
  const b = await buildSite(dir, { log });
  if (!b.ok) throw new Error(`The build of ${BEFORE_REV} failed:\n${b.outputTail}`);
  const before = await serve(path.join(dir, 'dist'));
  let beforeRows;
  try {
    beforeRows = await readOnPage(browser, before.url('lookup/'), inputs, runs);
  } finally {
    await before.close();
  }
  return inputs.map((_, i) => ({ after: afterRows[i], before: beforeRows[i] }));
}
