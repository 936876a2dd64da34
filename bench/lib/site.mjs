/**
 * Building and serving sites for the benchmark. Each site is a folder under bench/tmp/ with a
 * copy of the project's code (astro.config.mjs, src/, public/), a content/ folder (the real one or
 * a synthetic catalog) and a link to node_modules, like the build fixtures in tests/build/.
 *
 * The copied config is wrapped so that Astro's cache lives inside the site folder: by default it
 * is node_modules/.astro, which every build on the machine shares. Each measured build starts
 * with no dist/ and no cache, so it is a cold build, as in CI.
 */
import { execSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import os from 'node:os';
import { ROOT, TMP } from './paths.mjs';
import { ASTRO_BIN, buildEnv } from '../../scripts/astro-build.mjs';

/**
 * Puts a wrapper round the project's astro.config.mjs in `dir` (the original becomes
 * astro.config.project.mjs) that keeps Astro's cache inside the folder.
 */
export function writeConfigWrapper(dir) {
  renameSync(path.join(dir, 'astro.config.mjs'), path.join(dir, 'astro.config.project.mjs'));
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    "// Benchmark wrapper: the project's config, with Astro's cache kept inside this folder.\n" +
      "import config from './astro.config.project.mjs';\nexport default { ...config, cacheDir: './.astro-cache' };\n",
  );
}

/** Creates bench/tmp/site-<name>/ with the project's code and the given content folder. */
export function makeSite(name, contentDir) {
  const dir = path.join(TMP, `site-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'tsconfig.json']) cpSync(path.join(ROOT, f), path.join(dir, f));
  cpSync(path.join(ROOT, 'astro.config.mjs'), path.join(dir, 'astro.config.mjs'));
  writeConfigWrapper(dir);
  for (const d of ['src', 'public']) cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  if (path.resolve(contentDir) !== path.join(dir, 'content'))
    cpSync(contentDir, path.join(dir, 'content'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

const PAGE = 4096;
const CLK_TCK = (() => {
  try {
    return Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * One look at a process and all its descendants, read from /proc: their resident memory now
 * (bytes, summed) and the CPU time (user + system, seconds) each has used so far, by pid.
 */
function treeSample(rootPid) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return { rss: 0, cpu: new Map() };
  }
  const children = new Map();
  const info = new Map();
  for (const p of pids) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(rest[1]);
      info.set(Number(p), {
        rss: Number(rest[21]) * PAGE,
        cpu: (Number(rest[11]) + Number(rest[12])) / CLK_TCK,
      });
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(p));
    } catch {
      // The process ended while we read.
    }
  }
  let rss = 0;
  const cpu = new Map();
  const stack = [rootPid];
  while (stack.length) {
    const p = stack.pop();
    const i = info.get(p);
    if (i) {
      rss += i.rss;
      cpu.set(p, i.cpu);
    }
    stack.push(...(children.get(p) ?? []));
  }
  return { rss, cpu };
}

/** Bytes and file count of a folder tree. */
export function folderSize(dir) {
  let bytes = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += statSync(p).size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}

/** HTML pages in a build (each index.html and the 404 page). */
export function countPages(dist) {
  let n = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'pagefind') walk(path.join(d, e.name));
      } else if (e.name.endsWith('.html')) n++;
    }
  };
  walk(dist);
  return n;
}

const HAS_GNU_TIME = existsSync('/usr/bin/time');

/**
 * One cold `astro build` of a site folder: wall time, peak memory and the output's size.
 * Peak memory is reported two ways: the sum of the resident memory of the whole process tree
 * (node and the Pagefind binary it starts), sampled every 100 ms; and, when GNU time is present,
 * its "maximum resident set size", which is the largest single process.
 */
export function build(dir, { env = {}, timeoutMs = 20 * 60_000, log } = {}) {
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  rmSync(path.join(dir, '.astro-cache'), { recursive: true, force: true });
  rmSync(path.join(dir, '.astro'), { recursive: true, force: true });
  const timeFile = path.join(dir, 'time.txt');
  rmSync(timeFile, { force: true });
  const astro = ASTRO_BIN;
  const [cmd, args] = HAS_GNU_TIME
    ? ['/usr/bin/time', ['-v', '-o', timeFile, process.execPath, astro, 'build']]
    : [process.execPath, [astro, 'build']];
  const loadAverage1m = Math.round(os.loadavg()[0] * 100) / 100;
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: dir,
      env: buildEnv(env, { color: false }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peakTree = 0;
    // CPU time is less disturbed than wall time by other work on the machine: keep the last
    // value seen for every process of the build (processes shorter than a sample are missed).
    const cpuByPid = new Map();
    const sampler = setInterval(() => {
      const t = treeSample(child.pid);
      peakTree = Math.max(peakTree, t.rss);
      for (const [pid, c] of t.cpu) cpuByPid.set(pid, Math.max(c, cpuByPid.get(pid) ?? 0));
    }, 100);
    let timedOut = false;
    const killer = setTimeout(() => {
      timedOut = true;
      // The build runs in its own process group: end it and everything it started.
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
    }, timeoutMs);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      clearTimeout(killer);
      let maxRssSingle;
      let cpuSecondsGnuTime;
      if (HAS_GNU_TIME && existsSync(timeFile)) {
        const text = readFileSync(timeFile, 'utf8');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
        if (m) maxRssSingle = Number(m[1]) * 1024;
        const u = /User time \(seconds\): ([\d.]+)/.exec(text);
        const sy = /System time \(seconds\): ([\d.]+)/.exec(text);
        if (u && sy) cpuSecondsGnuTime = Number(u[1]) + Number(sy[1]);
      }
      const cpuSeconds = [...cpuByPid.values()].reduce((a, b) => a + b, 0);
      const ok = code === 0 && !timedOut;
      const dist = path.join(dir, 'dist');
      const result = {
        ok,
        timedOut,
        seconds,
        cpuSeconds,
        cpuSecondsGnuTime,
        loadAverage1m,
        peakTreeRssBytes: peakTree,
        maxRssSingleProcessBytes: maxRssSingle,
      };
      if (ok) Object.assign(result, { pages: countPages(dist), dist: folderSize(dist) });
      else result.outputTail = output.slice(-3000);
      log?.(`    build ${ok ? 'ok' : timedOut ? 'TIMED OUT' : 'FAILED'} in ${seconds.toFixed(1)} s`);
      resolve(result);
    });
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Serves a build with the project's own server (scripts/serve.mjs: the shipped headers, 404s).
 * Returns { origin, url(path), close() }.
 */
export async function serve(dist, { port, base = '/' } = {}) {
  port ??= await freePort();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts/serve.mjs'), '--port', String(port), '--dir', dist],
    {
      cwd: ROOT,
      env: { ...process.env, SITE_BASE: base },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const r = await fetch(`${origin}${base}`);
      await r.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`scripts/serve.mjs did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    origin,
    port,
    url: (p = '') => `${origin}${base}${p.replace(/^\//, '')}`,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('close', resolve);
        child.kill('SIGTERM');
      }),
  };
}
