/**
 * The checks and the scoring every held-out evaluation of the lookup shares (fixtures/
 * lookup-holdout*.yaml): real input collected after the lookup was tuned, from pages no earlier set
 * used. The rows are checked (a public source, an expected page that exists, no text or page shared
 * with an earlier set, the mix issue 11 asks for) and the lookup is scored over them exactly as on
 * the tuning set. Rows are never edited to pass, and a miss is reported, not fixed row by row.
 *
 * A row whose right page does not exist yet says `expect: none` with the tag `gap` (its `why`
 * names the missing code): it is left out of top-1 and listed, with what the lookup put first.
 */
import { describe, expect, it } from 'vitest';
import { EVAL_KEYS, EVAL_TAGS } from './eval-rows';
import { codes, evaluationReport, pageExists, readRows, scoreRows, type EvalRow } from './lookup-catalog';

// A held-out row may also be a gap: its page does not exist yet.
const TAGS = new Set([...EVAL_TAGS, 'gap']);
const KEYS = EVAL_KEYS;

/** Whitespace-insensitive form of a pasted text, to compare rows across sets. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
/** A page's address without its scheme, host prefix or trailing slash, so copies of one URL compare equal. */
const page = (u: string) =>
  u
    .toLowerCase()
    .replace(/^https?:\/\/(www\.|qa\.)?/, '')
    .replace(/\/+$/, '');

/**
 * Every evaluation set, in the order it was collected (the tuning set first). A held-out set may
 * reuse no page or text of the sets before it; a new set goes at the end.
 */
export const EVALUATION_SETS = [
  'lookup-eval.yaml',
  'lookup-holdout.yaml',
  'lookup-holdout2.yaml',
  'lookup-holdout3.yaml',
  'lookup-holdout4.yaml',
  'lookup-holdout5.yaml',
  'lookup-holdout6.yaml',
  'lookup-holdout7.yaml',
  'lookup-holdout8.yaml',
] as const;

export interface HeldOut {
  file: (typeof EVALUATION_SETS)[number];
  /** Regression floors as fractions of the scored rows (gap rows left out); they only ever rise. */
  floors: { top1: number; answered: number };
  /** The least of each kind of row the set must hold. */
  mix: { rows: number; swedish: number; noCode: number; eventViewer?: number; runHistory?: number };
}

export function describeHeldOut({ file, floors, mix }: HeldOut): void {
  const earlier = EVALUATION_SETS.slice(0, EVALUATION_SETS.indexOf(file));
  const rows = readRows(file);
  const before = earlier.flatMap((f) => readRows(f));
  const gap = (r: EvalRow) => r.tags?.includes('gap');

  describe(`the held-out evaluation data (fixtures/${file})`, () => {
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
        if ((r?.expect === 'none') !== !!gap(r))
          problems.push(`${name}: expect none and the gap tag go together`);
      }
      expect(problems).toEqual([]);
    });

    it('has unique kebab-case ids that do not clash with an earlier set', () => {
      const ids = rows.map((r) => r.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
      const old = new Set(before.map((r) => r.id));
      expect(ids.filter((id) => old.has(id))).toEqual([]);
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

    it('names expected pages that exist in the real catalog (or none, for a gap)', () => {
      const missing = rows.flatMap((r) =>
        [...(gap(r) ? [] : [r.expect]), ...(r.also ?? [])]
          .filter((t) => !pageExists(t))
          .map((t) => `${r.id}: ${t}`),
      );
      expect(missing).toEqual([]);
      expect(rows.filter((r) => (r.also ?? []).includes(r.expect)).map((r) => r.id)).toEqual([]);
    });

    it('shares no text with an earlier set, and no text between its own rows', () => {
      const old = before.map((r) => norm(r.input));
      const clash = rows
        .filter((r) => {
          const t = norm(r.input);
          return old.some((u) => u === t || (t.length >= 40 && (u.includes(t) || t.includes(u))));
        })
        .map((r) => r.id);
      expect(clash).toEqual([]);
      const own = rows.map((r) => norm(r.input));
      expect(rows.filter((_, i) => own.indexOf(own[i]!) !== i).map((r) => r.id)).toEqual([]);
    });

    it('takes no page an earlier set already used (held out means new sources)', () => {
      const used = new Set(before.map((r) => page(r.source)));
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
      expect(rows.length).toBeGreaterThanOrEqual(mix.rows);
      expect(rows.filter((r) => r.lang === 'sv').length).toBeGreaterThanOrEqual(mix.swedish);
      expect(tagged('no-code')).toBeGreaterThanOrEqual(mix.noCode);
      expect(tagged('event-viewer-text') + tagged('event-viewer-xml')).toBeGreaterThanOrEqual(
        mix.eventViewer ?? 0,
      );
      expect(tagged('run-history')).toBeGreaterThanOrEqual(mix.runHistory ?? 0);
    });
  });

  describe(`the lookup on held-out real input (fixtures/${file})`, () => {
    const scored = scoreRows(rows.filter((r) => !gap(r)));
    const gaps = scoreRows(rows.filter(gap));

    it('keeps its measured top-1 and answer rate', () => {
      const report = [evaluationReport(`lookup held-out evaluation ${file}`, scored)];
      if (gaps.length)
        report.push(
          `  rows whose page does not exist yet (gap, not scored): ${gaps.length}`,
          ...gaps.map(
            (x) =>
              `  gap ${x.row.id}: got ${x.first ?? '(nothing)'}${x.ok ? ' (a nearest page it names in also)' : ''}`,
          ),
        );
      console.log(report.join('\n'));
      // Regression floors, not targets: never lower them to make a change pass.
      const top1 = scored.filter((x) => x.ok).length / scored.length;
      const answered = scored.filter((x) => x.answered).length / scored.length;
      expect(top1).toBeGreaterThanOrEqual(floors.top1);
      expect(answered).toBeGreaterThanOrEqual(floors.answered);
    });
  });
}
