/**
 * The held-out evaluation of the lookup (fixtures/lookup-holdout.yaml): real input collected after
 * the lookup was tuned on fixtures/lookup-eval.yaml, from pages that set never used. It shows
 * whether the lookup generalizes. The rows are checked (a public source, an expected page that
 * exists in the real catalog, no text or page shared with the tuning set, the mix issue 11 asks
 * for) and the lookup is scored over them exactly as on the tuning set. Rows are never edited to
 * pass, and nothing in the lookup is tuned on them: a miss here is reported, not fixed row by row.
 */
import { describe, expect, it } from 'vitest';
import { codes, evaluationReport, pageExists, readRows, scoreRows, type EvalRow } from './lookup-catalog';

const rows = readRows('lookup-holdout.yaml');
// Regression floors, set once from the first scoring with the reader that was tuned on
// lookup-eval.yaml (46 of 56 = 82.1 % top-1, every row answered, 2026-12-02), as fractions of
// the rows, rounded down to the percent. They only ever rise.
const FLOOR_TOP1 = 0.82;
const FLOOR_ANSWERED = 1;
const tuning = readRows('lookup-eval.yaml');

const TAGS = new Set([
  'no-code',
  'event-viewer-text',
  'event-viewer-xml',
  'run-history',
  'sentence',
  'hresult',
  'build-number',
  'stack-trace',
  'swedish',
]);
const KEYS = new Set(['id', 'input', 'source', 'expect', 'also', 'lang', 'tags', 'why']);

/** Whitespace-insensitive form of a pasted text, to compare rows across the two sets. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** A page's address without its scheme, host prefix or trailing slash, so copies of one URL compare equal. */
const page = (u: string) =>
  u
    .toLowerCase()
    .replace(/^https?:\/\/(www\.|qa\.)?/, '')
    .replace(/\/+$/, '');

describe('the held-out evaluation data (fixtures/lookup-holdout.yaml)', () => {
  it('has every field on every row, and no others', () => {
    const problems: string[] = [];
    for (const [i, r] of rows.entries()) {
      const name = typeof r?.id === 'string' ? r.id : `row ${i}`;
      for (const k of Object.keys(r ?? {})) if (!KEYS.has(k)) problems.push(`${name}: unknown field ${k}`);
      for (const k of ['id', 'input', 'source', 'expect', 'why'] as const)
        if (typeof r?.[k] !== 'string' || !r[k].trim()) problems.push(`${name}: ${k} missing or empty`);
      if (r?.lang !== 'en' && r?.lang !== 'sv') problems.push(`${name}: lang must be en or sv`);
      if (!Array.isArray(r?.tags) || r.tags.length === 0) problems.push(`${name}: tags missing`);
      else for (const t of r.tags) if (!TAGS.has(t)) problems.push(`${name}: unknown tag ${t}`);
      if ((r?.lang === 'sv') !== !!r?.tags?.includes('swedish'))
        problems.push(`${name}: lang and swedish tag disagree`);
      if (r?.also !== undefined && !Array.isArray(r.also)) problems.push(`${name}: also must be a list`);
    }
    expect(problems).toEqual([]);
  });

  it('has unique kebab-case ids that do not clash with the tuning set', () => {
    const ids = rows.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
    const tuningIds = new Set(tuning.map((r) => r.id));
    expect(ids.filter((id) => tuningIds.has(id))).toEqual([]);
  });

  it('cites a public web address for every row', () => {
    const bad = rows.filter((r) => {
      try {
        return !['https:', 'http:'].includes(new URL(r.source).protocol);
      } catch {
        return true;
      }
    });
    expect(bad.map((r) => `${r.id}: ${r.source}`)).toEqual([]);
  });

  it('names expected pages that exist in the real catalog', () => {
    const missing = rows.flatMap((r) =>
      [r.expect, ...(r.also ?? [])].filter((t) => !pageExists(t)).map((t) => `${r.id}: ${t}`),
    );
    expect(missing).toEqual([]);
    expect(rows.filter((r) => (r.also ?? []).includes(r.expect)).map((r) => r.id)).toEqual([]);
  });

  it('shares no text with the tuning set, and no text between its own rows', () => {
    const tuned = tuning.map((r) => norm(r.input));
    const clash = rows
      .filter((r) => {
        const t = norm(r.input);
        return tuned.some((u) => u === t || (t.length >= 40 && (u.includes(t) || t.includes(u))));
      })
      .map((r) => r.id);
    expect(clash).toEqual([]);
    const own = rows.map((r) => norm(r.input));
    expect(rows.filter((_, i) => own.indexOf(own[i]!) !== i).map((r) => r.id)).toEqual([]);
  });

  it('takes no page the tuning set already used (held out means new sources)', () => {
    const used = new Set(tuning.map((r) => page(r.source)));
    expect(rows.filter((r) => used.has(page(r.source))).map((r) => `${r.id}: ${r.source}`)).toEqual([]);
  });

  it('marks as no-code only inputs that carry no code name from the catalog', () => {
    const names = codes.map((s) => s.slug).filter((s) => !/^(0x|pcns-|sync-|entra-)/.test(s));
    const bad = rows
      .filter((r) => r.tags.includes('no-code'))
      .filter((r) => {
        const text = r.input.toLowerCase();
        return (
          names.some((n) => new RegExp(`(^|[^a-z-])${n}([^a-z-]|$)`).test(text)) ||
          /0x8[0-9a-f]{7}/.test(text) ||
          /\b(event|händelse)[- ]id\b/.test(text)
        );
      })
      .map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('has the size and mix the brief asks for', () => {
    const tagged = (t: string) => rows.filter((r) => r.tags.includes(t)).length;
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(rows.filter((r) => r.lang === 'sv').length).toBeGreaterThanOrEqual(10);
    expect(tagged('no-code')).toBeGreaterThanOrEqual(15);
    expect(tagged('event-viewer-text') + tagged('event-viewer-xml')).toBeGreaterThanOrEqual(5);
    expect(tagged('run-history')).toBeGreaterThanOrEqual(3);
  });
});

describe('the lookup on held-out real input', () => {
  const results = scoreRows(rows as EvalRow[]);

  it('keeps its measured top-1 and answer rate on the held-out set', () => {
    console.log(evaluationReport('lookup held-out evaluation', results));
    // Regression floors, not targets: the figures measured when the set was collected (old
    // lookup, 2026-12-02), rounded down to the percent. They only stop a regression; the lead
    // re-scores with the new reader and raises them. Never lower them to make a change pass.
    const top1 = results.filter((x) => x.ok).length / results.length;
    const answered = results.filter((x) => x.answered).length / results.length;
    expect(top1).toBeGreaterThanOrEqual(FLOOR_TOP1);
    expect(answered).toBeGreaterThanOrEqual(FLOOR_ANSWERED);
  });
});
