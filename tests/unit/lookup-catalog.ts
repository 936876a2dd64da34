/**
 * Shared by the lookup tests that read the real catalog (lookup-real.test.ts over
 * fixtures/lookup-eval.yaml, lookup-holdout.test.ts over fixtures/lookup-holdout.yaml): the
 * catalog read through the real schemas, the reader's first answer for a pasted text in either
 * language, and the scoring and report both evaluations print.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { codeSchema } from '../../src/schemas/code';
import { stepSchema, stepSvSchema } from '../../src/schemas/step';
import { buildLookupData } from '../../src/lib/lookup-data';
import { readPaste, unpackMessages, type Candidate } from '../../src/lib/paste';

export const root = path.resolve(import.meta.dirname, '../..');
const yamlFiles = (dir: string) =>
  (readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(root, dir, f));

export const codes = yamlFiles('content/codes').map((file) => ({
  slug: path.basename(file, '.yaml'),
  data: codeSchema.parse(parse(readFileSync(file, 'utf8'))),
}));

/** An MDX file's frontmatter (parsed) and body, split as the content loader splits them. */
const mdx = (file: string) => {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(readFileSync(file, 'utf8'))!;
  return { data: parse(m[1]!), body: m[2]! };
};
export const steps = readdirSync(path.join(root, 'content/steps/en'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const enFile = mdx(path.join(root, 'content/steps/en', f));
    const svFile = mdx(path.join(root, 'content/steps/sv', f));
    const en = stepSchema.parse(enFile.data);
    const sv = stepSvSchema.parse(svFile.data);
    return {
      slug: path.basename(f, '.mdx'),
      title: { en: en.title, sv: sv.title },
      summary: { en: en.summary, sv: sv.summary },
      body: { en: enFile.body, sv: svFile.body },
    };
  });

function indexes(lang: 'en' | 'sv') {
  const { index, messages } = buildLookupData(codes, steps, lang);
  return { index, messages: unpackMessages(messages) };
}
export const byLang = { en: indexes('en'), sv: indexes('sv') };

/** The row's answer names: a code slug, "step:<slug>" or "page:versions". */
function answerOf(c: Candidate | undefined): string | undefined {
  if (!c) return undefined;
  const t = c.target;
  return t.type === 'code' ? t.entry.s : t.type === 'step' ? `step:${t.slug}` : 'page:versions';
}

/** The page the reader puts first for a pasted text, read as the lookup page of that language does. */
export function first(input: string, lang: 'en' | 'sv'): string | undefined {
  const { index, messages } = byLang[lang];
  return answerOf(readPaste(input, index, messages).candidates[0]);
}

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

const codeSlugs = new Set(codes.map((c) => c.slug));

/** Whether an expected page exists: a catalog code slug, `step:<id>` of an English step, or `page:versions`. */
export function pageExists(target: string): boolean {
  if (target === 'page:versions') return true;
  if (target.startsWith('step:'))
    return (
      /^[a-z0-9-]+$/.test(target.slice(5)) &&
      existsSync(path.join(root, 'content/steps/en', `${target.slice(5)}.mdx`))
    );
  return codeSlugs.has(target);
}

export interface EvalResult {
  row: EvalRow;
  first: string | undefined;
  ok: boolean;
  answered: boolean;
}

/** Scores each row: top-1 when the first answer is the row's `expect` or one of its `also`. */
export const scoreRows = (rows: EvalRow[]): EvalResult[] =>
  rows.map((row) => {
    const top = first(row.input, row.lang);
    return {
      row,
      first: top,
      ok: top !== undefined && [row.expect, ...(row.also ?? [])].includes(top),
      answered: top !== undefined,
    };
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
