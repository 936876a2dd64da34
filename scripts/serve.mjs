#!/usr/bin/env node
/**
 * A small static server for the built site, used by `npm start` and the end-to-end tests. It
 * behaves like the production hosts we ship configs for: it serves dist/ under SITE_BASE, sends
 * the headers in public/_headers (the Content-Security-Policy among them) on every response,
 * compresses text as IIS, Netlify and nginx do, and answers unknown paths with 404.html and a 404
 * status.
 *
 *   node scripts/serve.mjs [--build] [--port 4321] [--host 127.0.0.1] [--dir dist]
 *
 * --build runs `astro build` first, into --dir, for SITE_BASE (so `npm start` is one command).
 *
 * Files are streamed by `send` (the expressjs file sender: ranges, ETags, and an error handler on
 * every stream, so a file that is unreadable or deleted mid-request gets an error reply instead of
 * ending the process) behind `compression`. This file keeps only what the libraries leave to the
 * caller: the base path, the trailing-slash redirect (its Location is built from the resolved path,
 * never from raw input, so it cannot point at another host), no symlinks out of dist/, and no
 * serving of the host-config files.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import send from 'send';
import { parseHeadersFile } from './headers.mjs';
import { astroBuild } from './astro-build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.PORT ?? 4321));
const host = arg('host', process.env.HOST ?? '127.0.0.1');
const dist = path.resolve(root, arg('dir', 'dist'));
const base = `/${(process.env.SITE_BASE ?? '').split('/').filter(Boolean).join('/')}/`.replace('//', '/');

/** Host configs are read by the host, never served as pages (as IIS and Netlify do). */
const HIDDEN = new Set(['_headers', '_redirects', 'web.config', 'staticwebapp.config.json']);
/** Pagefind's index files, which send's MIME table does not know. */
const MIME = {
  pagefind: 'application/octet-stream',
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
};

/** Headers for every response, read from public/_headers (the "/*" block). */
const headersFile = path.join(root, 'public/_headers');
const headers = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : {};

let distReal = dist;

/** Plain replies (404 without a 404 page, 405, 414, 500) carry the security headers too. */
function plain(res, status, text, extra = {}) {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...extra });
  res.end(text);
}

async function notFound(req, res) {
  try {
    const body = await readFile(path.join(dist, '404.html'));
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    plain(res, 404, 'Not found');
  }
}

/** The file under dist/ that a site-relative path names, or a redirect, or nothing. */
function resolve(rel) {
  if (rel.includes('\0') || rel.includes('\\')) return undefined;
  const target = path.resolve(dist, rel);
  if (target !== dist && !target.startsWith(dist + path.sep)) return undefined;
  if (HIDDEN.has(path.relative(dist, target))) return undefined;
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return undefined;
  }
  const file = stat.isDirectory() ? path.join(target, 'index.html') : target;
  if (stat.isDirectory() && !existsSync(file)) return undefined;
  // No symlink may lead out of dist/: compare the real path with the real dist/.
  let real;
  try {
    real = realpathSync(file);
  } catch {
    return undefined;
  }
  if (real !== distReal && !real.startsWith(distReal + path.sep)) return undefined;
  const inside = path.relative(dist, target).split(path.sep).join('/');
  if (stat.isDirectory() && rel !== '' && !rel.endsWith('/')) return { redirect: `${base}${inside}/` };
  return { file: path.relative(dist, file).split(path.sep).join('/') };
}

function handle(req, res) {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const rawUrl = req.url ?? '/';
  if (rawUrl.length > 8192) return plain(res, 414, 'URI too long');
  const q = rawUrl.indexOf('?');
  const urlPath = (q < 0 ? rawUrl : rawUrl.slice(0, q)).split('#')[0];
  const query = q < 0 ? '' : rawUrl.slice(q);
  if (urlPath === '/' && base !== '/') {
    res.writeHead(302, { Location: base });
    return res.end();
  }
  if (!urlPath.startsWith(base)) return notFound(req, res);
  let rel;
  try {
    rel = decodeURIComponent(urlPath.slice(base.length));
  } catch {
    return notFound(req, res);
  }
  const found = resolve(rel);
  if (!found) return notFound(req, res);
  if (found.redirect) {
    res.writeHead(301, { Location: encodeURI(found.redirect) + query });
    return res.end();
  }
  const hashed = found.file.startsWith('_astro/');
  send(req, encodeURI(`/${found.file}`), {
    root: dist,
    dotfiles: 'ignore',
    index: false,
    cacheControl: false,
  })
    .on('headers', (res2) => {
      const ext = path.extname(found.file).slice(1);
      if (MIME[ext]) res2.setHeader('Content-Type', MIME[ext]);
      // Hashed assets never change under their name; everything else is revalidated.
      res2.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    })
    .on('error', (err) => {
      if (err.status === 404) notFound(req, res);
      else plain(res, err.status && err.status < 500 ? err.status : 500, 'The file could not be read.');
    })
    .pipe(res);
}

const compress = compression();
const server = createServer((req, res) => {
  compress(req, res, () => {
    try {
      handle(req, res);
    } catch (err) {
      console.error(err);
      plain(res, 500, 'Server error');
    }
  });
});
server.on('clientError', (_err, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
});

if (process.argv.includes('--build')) {
  const r = astroBuild({ cwd: root, show: true, env: { SITE_OUT_DIR: dist } });
  if (!r.ok) {
    console.error(`The build failed (exit ${r.status}); nothing to serve.`);
    process.exit(r.status ?? 1);
  }
}
if (!existsSync(dist)) {
  console.error(`No build found at ${dist}. Run "npm run build" first.`);
  process.exit(1);
}
distReal = realpathSync(dist);
server.listen(port, host, () => {
  console.log(
    `Serving ${path.relative(root, dist) || '.'} at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${base}`,
  );
});
