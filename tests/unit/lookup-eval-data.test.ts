/**
 * Guards the data of the real-input lookup evaluation (tests/unit/fixtures/lookup-eval.yaml):
 * every row is complete, points at a public source and names its expected page in a valid form,
 * and the set keeps the size and mix issue 11 asks for. It does not score the lookup; the scoring
 * test reads the same file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EVAL_KEYS, EVAL_TAGS } from './eval-rows';
import type { EvalRow } from './lookup-catalog';

const root = path.resolve(import.meta.dirname, '../..');
const rows: unknown = parse(readFileSync(path.join(root, 'tests/unit/fixtures/lookup-eval.yaml'), 'utf8'));

const TAGS = EVAL_TAGS;
const KEYS = EVAL_KEYS;
// Archived copies that exist only over plain http; every other source must be https.
const HTTP_ONLY_HOSTS = new Set([
  'certsrv.ru',
  'blog.microsoftme.com',
  'blog.jussipalo.com',
  'www.networksteve.com',
]);

const catalog = new Set(
  (readdirSync(path.join(root, 'content/codes'), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.basename(f, '.yaml')),
);

/** A target is a code slug, `step:<id>` of an existing English step, or `page:versions`. */
function targetProblem(t: unknown): string | undefined {
  if (typeof t !== 'string') return `not a string (${JSON.stringify(t)}): quote HRESULTs`;
  if (t === 'page:versions') return undefined;
  if (t.startsWith('step:')) {
    const id = t.slice(5);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return `bad step id ${t}`;
    return existsSync(path.join(root, 'content/steps/en', `${id}.mdx`)) ? undefined : `no step ${id}`;
  }
  if (t.startsWith('0x'))
    return /^0x[0-9a-f]{8}$/.test(t) ? undefined : `HRESULT slug must be 0x + 8 lower-case hex: ${t}`;
  if (/-event-/.test(t))
    return /^(pcns|sync|entra)-event-[0-9]+$/.test(t) ? undefined : `bad event slug ${t}`;
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(t) ? undefined : `bad code slug ${t}`;
}

describe('the real-input lookup evaluation data', () => {
  it('is a list of rows', () => {
    expect(Array.isArray(rows)).toBe(true);
  });
  const list = (Array.isArray(rows) ? rows : []) as EvalRow[];

  it('has every field on every row, and no others', () => {
    const problems: string[] = [];
    for (const [i, r] of list.entries()) {
      const name = typeof r?.id === 'string' ? r.id : `row ${i}`;
      for (const k of Object.keys(r ?? {})) if (!KEYS.has(k)) problems.push(`${name}: unknown field ${k}`);
      for (const k of ['id', 'input', 'source', 'expect', 'why'] as const) {
        if (typeof r?.[k] !== 'string' || !(r[k] as string).trim())
          problems.push(`${name}: ${k} missing or empty`);
      }
      if (r?.lang !== 'en' && r?.lang !== 'sv') problems.push(`${name}: lang must be en or sv`);
      if (!Array.isArray(r?.tags) || r.tags.length === 0) problems.push(`${name}: tags missing`);
      else for (const t of r.tags) if (!TAGS.has(t)) problems.push(`${name}: unknown tag ${t}`);
      if (r?.also !== undefined && !Array.isArray(r.also)) problems.push(`${name}: also must be a list`);
      if (r?.lang === 'sv' && !r.tags?.includes('swedish'))
        problems.push(`${name}: Swedish row without the swedish tag`);
      if (r?.lang === 'en' && r.tags?.includes('swedish'))
        problems.push(`${name}: swedish tag on an English row`);
    }
    expect(problems).toEqual([]);
  });

  it('has unique kebab-case ids', () => {
    const seen = new Map<string, number>();
    for (const r of list) seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([id]) => id)).toEqual([]);
    expect(list.map((r) => r.id).filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it('cites a public https URL for every row', () => {
    const bad = list
      .filter((r) => {
        let u: URL;
        try {
          u = new URL(r.source);
        } catch {
          return true;
        }
        if (u.protocol === 'https:') return false;
        return !(u.protocol === 'http:' && HTTP_ONLY_HOSTS.has(u.hostname));
      })
      .map((r) => `${r.id}: ${r.source}`);
    expect(bad).toEqual([]);
  });

  it('names every expected page in a valid form', () => {
    const bad: string[] = [];
    for (const r of list) {
      for (const t of [r.expect, ...(r.also ?? [])]) {
        const p = targetProblem(t);
        if (p) bad.push(`${r.id}: ${p}`);
      }
      if ((r.also ?? []).includes(r.expect)) bad.push(`${r.id}: also repeats expect`);
    }
    expect(bad).toEqual([]);
  });

  it('does not keep two rows with the same input', () => {
    const seen = new Map<string, string>();
    const dup: string[] = [];
    for (const r of list) {
      const k = r.input.trim();
      if (seen.has(k)) dup.push(`${seen.get(k)} = ${r.id}`);
      else seen.set(k, r.id);
    }
    expect(dup).toEqual([]);
  });

  it('meets the size and mix issue 11 asks for', () => {
    const tagged = (t: string) => list.filter((r) => r.tags.includes(t)).length;
    const counts = {
      rows: list.length,
      sv: list.filter((r) => r.lang === 'sv').length,
      noCode: tagged('no-code'),
      eventViewer: tagged('event-viewer-text') + tagged('event-viewer-xml'),
      eventViewerXml: tagged('event-viewer-xml'),
      runHistory: tagged('run-history'),
      hresult: tagged('hresult'),
      buildNumber: list.filter((r) => r.tags.includes('build-number') && r.expect === 'page:versions').length,
      sentence: tagged('sentence'),
    };
    expect(counts.rows).toBeGreaterThanOrEqual(140);
    expect(counts.sv).toBeGreaterThanOrEqual(20);
    expect(counts.noCode).toBeGreaterThanOrEqual(30);
    expect(counts.eventViewer).toBeGreaterThanOrEqual(15);
    expect(counts.eventViewerXml).toBeGreaterThanOrEqual(1);
    expect(counts.runHistory).toBeGreaterThanOrEqual(5);
    expect(counts.hresult).toBeGreaterThanOrEqual(5);
    expect(counts.buildNumber).toBeGreaterThanOrEqual(3);
    expect(counts.sentence).toBeGreaterThanOrEqual(10);
  });

  it('marks as no-code only inputs that carry no code name from the catalog', () => {
    // A no-code row must not contain a catalog code name (e.g. "stopped-server") or an event ID
    // or HRESULT the catalog knows; otherwise it is not a message-only input.
    const names = [...catalog].filter((s) => !/^(0x|pcns-|sync-|entra-)/.test(s));
    const bad = list
      .filter((r) => r.tags.includes('no-code'))
      .filter((r) => {
        const text = r.input.toLowerCase();
        return (
          names.some((n) => new RegExp(`(^|[^a-z-])${n}([^a-z-]|$)`).test(text)) ||
          /0x8[0-9a-f]{7}/.test(text)
        );
      })
      .map((r) => r.id);
    expect(bad).toEqual([]);
  });
});
