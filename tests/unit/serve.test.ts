/**
 * scripts/serve.mjs (npm start, the e2e servers) against the reliability probe's reproductions:
 * files that vanish mid-request, symlinks out of dist/, host configs, a Location that could point
 * at another host, compression, and the security headers on every reply. It serves a small
 * folder made here, so no build is needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const port = 4800 + (process.pid % 150);
let dir: string;
let outside: string;
let server: ChildProcess;

function get(target: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('close', () => !res.complete && reject(new Error('reply cut short')));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    // A file rewritten while it is read can end short of its Content-Length; give up on that reply.
    req.setTimeout(1000, () => req.destroy(new Error('no complete answer')));
    req.end();
  });
}

/** One request line exactly as written (the http client would normalize it). */
function rawGet(target: string) {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('connect', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`),
    );
    socket.on('data', (c) => (data += c));
    socket.on('error', reject);
    socket.on('end', () => resolve(data));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
  outside = mkdtempSync(path.join(tmpdir(), 'serve-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), 'outside dist');
  mkdirSync(path.join(dir, 'codes'));
  mkdirSync(path.join(dir, '_astro'));
  writeFileSync(path.join(dir, 'index.html'), `<!doctype html><p>${'home '.repeat(400)}</p>`);
  writeFileSync(path.join(dir, 'codes/index.html'), '<!doctype html><p>codes</p>');
  writeFileSync(path.join(dir, '404.html'), '<!doctype html><p>not found page</p>');
  writeFileSync(path.join(dir, '_astro/app.abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, '_headers'), '/*\n  X-Test: 1\n');
  writeFileSync(path.join(dir, 'web.config'), '<configuration/>');
  writeFileSync(path.join(dir, 'staticwebapp.config.json'), '{}');
  symlinkSync(outside, path.join(dir, 'link-out'));
  symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'secret.html'));
  server = spawn(process.execPath, ['scripts/serve.mjs', '--dir', dir, '--port', String(port)], {
    cwd: repo,
    env: { ...process.env, SITE_BASE: '/' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (d: Buffer) => d.toString().includes('Serving') && resolve());
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
});

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('the local static server', () => {
  it('keeps answering while a file is deleted and recreated under concurrent requests', async () => {
    const file = path.join(dir, 'race.html');
    let stop = false;
    const churn = (async () => {
      while (!stop) {
        try {
          // Recreated whole (write, then rename into place), as a build writes its output.
          writeFileSync(`${file}.tmp`, '<p>race</p>'.repeat(200));
          renameSync(`${file}.tmp`, file);
        } catch {
          break;
        }
        await new Promise((r) => setImmediate(r));
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
        await new Promise((r) => setImmediate(r));
      }
    })();
    const statuses = new Set<number>();
    // A bounded count of rounds (no clock): 12 × 16 requests race the delete-and-recreate loop.
    for (let round = 0; round < 12; round++) {
      const replies = await Promise.all(
        Array.from({ length: 16 }, () => get('/race.html').catch(() => null)),
      );
      for (const r of replies) if (r) statuses.add(r.status);
    }
    stop = true;
    await churn;
    // Replies to a file being rewritten may be cut short, but the process stays up and every
    // complete reply is the file, the 404 page or an error page.
    expect(server.exitCode).toBeNull();
    expect(statuses.size).toBeGreaterThan(0);
    expect([...statuses].every((s) => s === 200 || s === 404 || s === 500)).toBe(true);
    expect((await get('/')).status).toBe(200);
  }, 30_000);

  it('never follows a symlink out of dist/', async () => {
    expect((await get('/link-out/secret.txt')).status).toBe(404);
    const r = await get('/secret.html');
    expect(r.status).toBe(404);
    expect(r.body.toString()).not.toContain('outside dist');
  });

  it('does not serve the host-config files', async () => {
    for (const f of ['/_headers', '/web.config', '/staticwebapp.config.json']) {
      const r = await get(f);
      expect(r.status, f).toBe(404);
      expect(r.body.toString(), f).toContain('not found page');
    }
  });

  it('redirects a folder without its slash to a Location on this host, never another', async () => {
    const r = await get('/codes?q=1');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/codes/?q=1');
    const raw = await rawGet('/\\127.0.0.2/../codes');
    const location = /\r\nLocation: ([^\r]*)/i.exec(raw)?.[1];
    if (location) expect(new URL(location, 'http://site.test/').host).toBe('site.test');
    expect(raw).not.toMatch(/127\.0\.0\.2/);
  });

  it('compresses text as a real host does', async () => {
    const r = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(r.body).toString()).toContain('home home');
  });

  it('sends the security headers on every reply, 404, 405 and 414 included', async () => {
    const csp = (await get('/')).headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    for (const [target, method, status] of [
      ['/nope/', 'GET', 404],
      ['/', 'POST', 405],
      [`/${'a'.repeat(9000)}`, 'GET', 414],
      ['/codes', 'GET', 301],
    ] as const) {
      const r = await get(target, {}, method);
      expect(r.status, target.slice(0, 20)).toBe(status);
      expect(r.headers['content-security-policy'], `${method} ${target.slice(0, 20)}`).toBe(csp);
      expect(r.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it('lets hashed assets be cached for good and revalidates pages', async () => {
    expect((await get('/_astro/app.abc123.js')).headers['cache-control']).toContain('immutable');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
  });
});
