import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebaseWebConfig } from '../../src/lib/host-configs';
import { parseHeadersFile } from '../../scripts/headers.mjs';

/**
 * The host configs in public/ (and the nginx example in README.md) must send one and
 * the same set of security headers, the Content-Security-Policy above all: the e2e tests prove
 * the site works under the policy in _headers, and that proof holds for a host only if its
 * config says the same thing.
 */
const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

type Headers = Record<string, string>;
const lower = (h: Headers): Headers =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

/** Netlify / Cloudflare Pages: read as scripts/serve.mjs reads it. */
const fromHeadersFile = (text: string): Headers => lower(parseHeadersFile(text));

/** IIS: <add name value /> inside <customHeaders>, comments stripped first. */
function fromWebConfig(text: string): Headers {
  const xml = text.replace(/<!--[\s\S]*?-->/g, '');
  const block = /<customHeaders>([\s\S]*?)<\/customHeaders>/.exec(xml)?.[1] ?? '';
  const out: Headers = {};
  for (const [, name = '', value = ''] of block.matchAll(/<add\s+name="([^"]+)"\s+value="([^"]*)"\s*\/>/g))
    out[name] = value.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  return lower(out);
}

/** Azure Static Web Apps: globalHeaders. */
const fromSwa = (text: string): Headers => lower(JSON.parse(text).globalHeaders);

/** nginx: add_header lines in the docs' example server block. */
function fromNginxDocs(text: string): Headers {
  const block = /```nginx\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
  const out: Headers = {};
  for (const [, name = '', value = ''] of block.matchAll(
    /^\s*add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;/gm,
  ))
    out[name] = value;
  return lower(out);
}

const configs = {
  _headers: fromHeadersFile(read('public/_headers')),
  'web.config': fromWebConfig(read('public/web.config')),
  'staticwebapp.config.json': fromSwa(read('public/staticwebapp.config.json')),
  'nginx (README.md)': fromNginxDocs(read('README.md')),
};

/** CSP as a map of directive -> sorted sources, so the checks below can name what is wrong. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources.sort()]),
  );
}

describe('host configs', () => {
  const csp = configs._headers['content-security-policy'] ?? '';

  it('carries a Content-Security-Policy in _headers', () => {
    expect(csp).toBeTruthy();
  });

  it.each(Object.keys(configs))('sends the identical Content-Security-Policy from %s', (name) => {
    expect(configs[name as keyof typeof configs]['content-security-policy']).toBe(csp);
  });

  it.each(Object.keys(configs))('sends the same security headers from %s as _headers', (name) => {
    expect(configs[name as keyof typeof configs]).toEqual(configs._headers);
  });

  it('keeps the policy strict: no inline code, no remote origins, only what Pagefind needs', () => {
    const d = directives(csp);
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d['style-src']).toEqual(["'self'"]);
    expect(d['worker-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'self'"]);
    expect(d['form-action']).toEqual(["'self'"]);
    expect(d['frame-ancestors']).toBeDefined();
    // Trusted Types: every DOM sink goes through the one policy named "default" (public/trusted-types.js).
    expect(d['require-trusted-types-for']).toEqual(["'script'"]);
    expect(d['trusted-types']).toEqual(['default']);
    // Only keywords ('self', 'none', …): a host, a scheme (https:, data:, blob:) or * would be a remote origin.
    for (const [name, sources] of Object.entries(d)) {
      if (name === 'trusted-types') continue; // policy names, not sources
      for (const s of sources) {
        expect(s, `${name} allows ${s}`).toMatch(/^'[a-z-]+'$/);
        expect(s, `${name} allows ${s}`).not.toMatch(/^'(unsafe-inline|unsafe-eval|unsafe-hashes)'$/);
      }
    }
  });

  it('keeps resources to this origin and hides the IIS version', () => {
    for (const [name, headers] of Object.entries(configs))
      expect(headers['cross-origin-resource-policy'], name).toBe('same-origin');
    const webConfig = read('public/web.config');
    expect(webConfig).toContain('<requestFiltering removeServerHeader="true">');
    expect(webConfig).toMatch(/<requestLimits maxQueryString="\d+" \/>/);
  });

  it('maps every Pagefind file type for IIS and Azure Static Web Apps', () => {
    const webConfig = read('public/web.config');
    const swa = JSON.parse(read('public/staticwebapp.config.json')).mimeTypes as Record<string, string>;
    for (const ext of ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter']) {
      expect(webConfig).toContain(`<remove fileExtension="${ext}" />`);
      expect(webConfig).toContain(`<mimeMap fileExtension="${ext}" mimeType="application/octet-stream" />`);
      expect(swa[ext]).toBe('application/octet-stream');
    }
    expect(webConfig).toContain('<mimeMap fileExtension=".wasm" mimeType="application/wasm" />');
  });

  it('answers unknown addresses with 404.html on IIS and Azure Static Web Apps', () => {
    expect(read('public/web.config')).toMatch(
      /<error statusCode="404" path="\/404\.html" responseMode="ExecuteURL" \/>/,
    );
    expect(JSON.parse(read('public/staticwebapp.config.json')).responseOverrides['404']).toEqual({
      rewrite: '/404.html',
    });
  });
});

describe('rebaseWebConfig', () => {
  const webConfig = read('public/web.config');

  it('points the IIS 404 page at the subpath the site is built for', () => {
    expect(rebaseWebConfig(webConfig, '/mim-help/')).toContain(
      '<error statusCode="404" path="/mim-help/404.html" responseMode="ExecuteURL" />',
    );
  });

  it('leaves the 404 page at /404.html for a root build', () => {
    expect(rebaseWebConfig(webConfig, '/')).toBe(webConfig);
  });

  it('fails the build with a fix when web.config lost its 404 entry', () => {
    expect(() => rebaseWebConfig('<configuration />', '/mim-help/')).toThrowErrorMatchingInlineSnapshot(
      `[Error: public/web.config has no <error statusCode="404" path="/404.html" …/> entry to point at the 404 page under SITE_BASE. Restore that line.]`,
    );
  });
});
