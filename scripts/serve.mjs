#!/usr/bin/env node
/**
 * A small static server for the built site, used by `npm start` and the end-to-end tests. It
 * behaves like the production hosts we ship configs for: it serves dist/ under SITE_BASE, sends
 * the headers in public/_headers (the Content-Security-Policy among them), answers unknown
 * paths with 404.html and a 404 status, and never serves a file outside dist/.
 *
 *   node scripts/serve.mjs [--build] [--port 4321] [--host 127.0.0.1] [--dir dist]
 *
 * --build runs `astro build` first, into --dir, for SITE_BASE (so `npm start` is one command).
 */
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHeadersFile } from './headers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT ?? 4321));
const host = arg('host', process.env.HOST ?? '127.0.0.1');
const dist = path.resolve(root, arg('dir', 'dist'));
const base = `/${(process.env.SITE_BASE ?? '').split('/').filter(Boolean).join('/')}/`.replace('//', '/');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

/** Headers for every response, read from public/_headers (the "/*" block). */
const headersFile = path.join(root, 'public/_headers');
const headers = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : {};

function send(res, status, file, method) {
  const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(status, {
    ...headers,
    'Content-Type': type,
    'Content-Length': statSync(file).size,
    'Cache-Control': 'no-cache',
  });
  if (method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function resolveFile(urlPath) {
  if (!urlPath.startsWith(base)) return undefined;
  let rel;
  try {
    rel = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return undefined;
  }
  if (rel.includes('\0')) return undefined;
  const target = path.resolve(dist, rel);
  if (target !== dist && !target.startsWith(dist + path.sep)) return undefined;
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = path.join(target, 'index.html');
  if (existsSync(index)) return urlPath.endsWith('/') ? index : { redirect: `${urlPath}/` };
  return undefined;
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const rawUrl = req.url ?? '/';
  if (rawUrl.length > 8192) {
    res.writeHead(414, { 'Content-Type': 'text/plain' }).end('URI too long');
    return;
  }
  const urlPath = rawUrl.split('?')[0].split('#')[0];
  if (urlPath === '/' && base !== '/') {
    res.writeHead(302, { Location: base }).end();
    return;
  }
  const found = resolveFile(urlPath);
  if (found && typeof found === 'object') {
    const query = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?')) : '';
    res.writeHead(301, { Location: found.redirect + query }).end();
    return;
  }
  if (found) return send(res, 200, found, req.method);
  const notFound = path.join(dist, '404.html');
  if (existsSync(notFound)) return send(res, 404, notFound, req.method);
  res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
});

if (process.argv.includes('--build')) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, SITE_OUT_DIR: dist },
  });
  if (r.status !== 0) {
    console.error(`The build failed (exit ${r.status}); nothing to serve.`);
    process.exit(r.status ?? 1);
  }
}
if (!existsSync(dist)) {
  console.error(`No build found at ${dist}. Run "npm run build" first.`);
  process.exit(1);
}
server.listen(port, host, () => {
  console.log(
    `Serving ${path.relative(root, dist) || '.'} at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${base}`,
  );
});
