/**
 * The one way this project runs `astro build` from code: `npm start` (scripts/serve.mjs --build),
 * `npm run urls`, the build-fixture tests (tests/build/harness.ts) and bench/. It runs Astro's
 * own bin with this Node (not `npx`, which may pick another Node or resolve another astro), with
 * telemetry off and without the variables a test runner sets for itself.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Astro's command-line entry point, run as `node ASTRO_BIN build`. */
export const ASTRO_BIN = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');

// Vitest and Vite set these for the test process (BASE_URL, MODE, …); in a build they would
// leak into import.meta.env.
const RUNNER_VARS = /^(VITEST|VITE_|TEST$|NODE_ENV$|BASE_URL$|MODE$|DEV$|PROD$|SSR$)/;

/**
 * The environment for a build: this process's, less the test runner's variables, with telemetry
 * off, then `env` on top. With `color: false` the output is plain text (for a build whose output
 * is read, not shown).
 * @param {Record<string, string>} [env]
 * @param {{ color?: boolean }} [options]
 * @returns {NodeJS.ProcessEnv}
 */
export function buildEnv(env = {}, { color = true } = {}) {
  const out = { ...process.env };
  for (const k of Object.keys(out)) if (RUNNER_VARS.test(k)) delete out[k];
  out.ASTRO_TELEMETRY_DISABLED = '1';
  if (!color) Object.assign(out, { NO_COLOR: '1', FORCE_COLOR: '0' });
  return { ...out, ...env };
}

/**
 * Runs `astro build` in `cwd` and waits for it. With `show`, the build prints to this terminal;
 * otherwise its output is returned as plain text (ANSI colours stripped, as an author reads it).
 * @param {{ cwd?: string, env?: Record<string, string>, show?: boolean, timeout?: number }} [options]
 * @returns {{ ok: boolean, status: number | null, output: string }}
 */
export function astroBuild({ cwd = ROOT, env = {}, show = false, timeout } = {}) {
  const r = spawnSync(process.execPath, [ASTRO_BIN, 'build'], {
    cwd,
    env: buildEnv(env, { color: show }),
    encoding: 'utf8',
    stdio: show ? 'inherit' : 'pipe',
    timeout,
  });
  // eslint-disable-next-line no-control-regex -- ANSI escapes start with ESC
  const output = show ? '' : `${r.stdout}\n${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { ok: r.status === 0, status: r.status, output };
}
