/**
 * What every figure was measured on: CPU, cores, memory, Node and Chromium, plus the versions of
 * the tools whose speed is being measured. Recorded beside every part of the report.
 */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.mjs';

const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};

/** The machine, without the browser (added once Chromium has been launched). */
export function machine(chromiumVersion) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromiumVersion ?? 'not launched',
    astro: pkgVersion('astro'),
    pagefind: pkgVersion('pagefind'),
    lighthouse: pkgVersion('lighthouse'),
    // Other work on the machine slows timings: the 1-minute load average when this part started.
    loadAverage1m: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

/** One line for the Markdown report. */
export function machineLine(m, when = 'this part started') {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM, ${m.os}; Node ${m.node}; Chromium ${m.chromium}; Astro ${m.astro}, Pagefind ${m.pagefind}, Lighthouse ${m.lighthouse}; 1-minute load average ${m.loadAverage1m ?? '?'} when ${when}`;
}
