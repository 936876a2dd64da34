/**
 * Shared by the lookup tests that read the real catalog: the catalog as the lookup index sees it,
 * the lookup's first answer for a query, and the scoring of an evaluation set of real input
 * (fixtures/lookup-eval.yaml format) with the report both evaluations print.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildLookupIndex, lookup, type IndexSource } from '../../src/lib/lookup';

export const root = path.resolve(import.meta.dirname, '../..');

const dir = path.join(root, 'content/codes');
export const sources: IndexSource[] = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const d = parse(readFileSync(path.join(dir, f), 'utf8'));
    return {
      slug: path.basename(f, '.yaml'),
      code: d.code,
      kind: d.kind,
      title: d.title.en,
      eventSource: d.eventSource,
      aliases: d.aliases ?? [],
      uncertain: !!d.uncertain,
    };
  });
export const index = buildLookupIndex(sources);

/** The page the lookup puts first for a query (exact hit, then found in text, then did-you-mean). */
export const first = (q: string) => {
  const r = lookup(q, index);
  return (r.exact[0] ?? r.found[0] ?? r.suggestions[0])?.s;
};

/** One row of an evaluation set of real input (see fixtures/lookup-eval.README.md). */
export interface EvalRow {
  id: string;
  input: string;
  source: string;
  expect: string;
  also?: string[];
  lang: 'en' | 'sv';
  tags: string[];
  why: string;
}

export const readRows = (file: string) =>
  parse(readFileSync(path.join(root, 'tests/unit/fixtures', file), 'utf8')) as EvalRow[];

const codeSlugs = new Set(sources.map((s) => s.slug));

/** Whether an expected page exists: a catalog code slug, `step:<id>` of an English step, or `page:versions`. */
export function pageExists(target: string): boolean {
  if (target === 'page:versions') return true;
  if (target.startsWith('step:'))
    return /^[a-z0-9-]+$/.test(target.slice(5)) && existsSync(path.join(root, 'content/steps/en', `${target.slice(5)}.mdx`));
  return codeSlugs.has(target);
}

export interface EvalResult {
  row: EvalRow;
  first: string | undefined;
  ok: boolean;
  answered: boolean;
}

/** Scores each row: top-1 when the first answer is the row's `expect` or one of its `also`. */
export const scoreRows = (rows: EvalRow[], answer: (q: string) => string | undefined = first): EvalResult[] =>
  rows.map((row) => {
    const top = answer(row.input);
    return { row, first: top, ok: top !== undefined && [row.expect, ...(row.also ?? [])].includes(top), answered: top !== undefined };
  });

/** The figures an evaluation prints: rows, top-1, no answer, Swedish and no-code top-1, and each miss. */
export function evaluationReport(name: string, results: EvalResult[]): string {
  const count = (f: (x: EvalResult) => boolean) => results.filter(f).length;
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
  const sv = results.filter((x) => x.row.lang === 'sv');
  const noCode = results.filter((x) => x.row.tags.includes('no-code'));
  const top1 = count((x) => x.ok);
  return [
    `${name}: ${results.length} rows`,
    `  top-1: ${top1} (${pct(top1, results.length)})`,
    `  no answer: ${count((x) => !x.answered)}`,
    `  Swedish rows: ${sv.length}, top-1 ${pct(sv.filter((x) => x.ok).length, sv.length)}`,
    `  rows with no code: ${noCode.length}, top-1 ${pct(noCode.filter((x) => x.ok).length, noCode.length)}`,
    ...results
      .filter((x) => !x.ok)
      .map((x) => `  miss ${x.row.id}: expected ${x.row.expect}, got ${x.first ?? '(nothing)'}`),
  ].join('\n');
}
