/**
 * The lookup against the real catalog, scored on real input: every row of
 * fixtures/lookup-eval.yaml (text other people published, with the page an expert wants first).
 * The catalog is read through the real schemas, as the build reads it. Rows are never edited to
 * pass: a miss is fixed in the reader or in content.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { codeSchema } from '../../src/schemas/code';
import { stepSchema, stepSvSchema } from '../../src/schemas/step';
import { buildLookupIndex, lookupExact, packIndex, shardIndex, shardOf } from '../../src/lib/lookup';
import {
  codeWords,
  packMessages,
  readPaste,
  stepWords,
  unpackMessages,
  type Candidate,
} from '../../src/lib/paste';

const root = path.resolve(import.meta.dirname, '../..');
const yamlFiles = (dir: string) =>
  (readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => path.join(root, dir, f));

const codes = yamlFiles('content/codes').map((file) => ({
  slug: path.basename(file, '.yaml'),
  data: codeSchema.parse(parse(readFileSync(file, 'utf8'))),
}));

const frontmatter = (file: string) => parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!);
const steps = readdirSync(path.join(root, 'content/steps/en'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const en = stepSchema.parse(frontmatter(path.join(root, 'content/steps/en', f)));
    const sv = stepSvSchema.parse(frontmatter(path.join(root, 'content/steps/sv', f)));
    return {
      slug: path.basename(f, '.mdx'),
      title: { en: en.title, sv: sv.title },
      summary: { en: en.summary, sv: sv.summary },
    };
  });

function indexes(lang: 'en' | 'sv') {
  const index = buildLookupIndex(
    codes.map((c) => ({
      slug: c.slug,
      code: c.data.code,
      kind: c.data.kind,
      title: c.data.title[lang],
      eventSource: c.data.eventSource,
      aliases: c.data.aliases,
      uncertain: c.data.uncertain,
      wrapper: c.data.wrapper,
      onlyIn: c.data.onlyIn,
    })),
  );
  const messages = unpackMessages(
    packMessages(
      codes.map((c) => ({
        slug: c.slug,
        messages: c.data.messages,
        words: codeWords(c),
        titles: [c.data.title.en, c.data.title.sv],
      })),
      steps.map((s) => ({
        slug: s.slug,
        title: s.title[lang],
        words: stepWords(s),
        titles: [s.title.en, s.title.sv],
      })),
    ),
  );
  return { index, messages };
}
const byLang = { en: indexes('en'), sv: indexes('sv') };

interface Row {
  id: string;
  input: string;
  source: string;
  expect: string;
  also?: string[];
  lang: 'en' | 'sv';
  tags: string[];
}
const rows = parse(readFileSync(path.join(root, 'tests/unit/fixtures/lookup-eval.yaml'), 'utf8')) as Row[];

/** The row's answer names: a code slug, "step:<slug>" or "page:versions". */
function answerOf(c: Candidate | undefined): string | undefined {
  if (!c) return undefined;
  const t = c.target;
  return t.type === 'code' ? t.entry.s : t.type === 'step' ? `step:${t.slug}` : 'page:versions';
}

const results = rows.map((row) => {
  const { index, messages } = byLang[row.lang];
  const r = readPaste(row.input, index, messages);
  const first = answerOf(r.candidates[0]);
  const ok = first !== undefined && [row.expect, ...(row.also ?? [])].includes(first);
  return { row, first, ok, answered: r.candidates.length > 0 };
});

describe('the lookup on real input (fixtures/lookup-eval.yaml)', () => {
  it('has the whole catalog and the evaluation', () => {
    expect(codes.length).toBeGreaterThanOrEqual(175);
    expect(rows.length).toBeGreaterThanOrEqual(140);
  });

  it('puts the expert’s page first for at least 95 % of the rows, and answers every row', () => {
    const count = (f: (x: (typeof results)[number]) => boolean) => results.filter(f).length;
    const sv = results.filter((x) => x.row.lang === 'sv');
    const noCode = results.filter((x) => x.row.tags.includes('no-code'));
    const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)} %`;
    const top1 = count((x) => x.ok);
    console.log(
      [
        `lookup evaluation: ${results.length} rows`,
        `  top-1: ${top1} (${pct(top1, results.length)})`,
        `  no answer: ${count((x) => !x.answered)}`,
        `  Swedish rows: ${sv.length}, top-1 ${pct(sv.filter((x) => x.ok).length, sv.length)}`,
        `  rows with no code: ${noCode.length}, top-1 ${pct(noCode.filter((x) => x.ok).length, noCode.length)}`,
        ...results
          .filter((x) => !x.ok)
          .map((x) => `  miss ${x.row.id}: expected ${x.row.expect}, got ${x.first ?? '(nothing)'}`),
      ].join('\n'),
    );
    // Issue 11's bar: 95 % top-1 and no row without an answer. These floors are what the
    // reader reached (169 of 176); they stop a regression and only ever rise.
    expect(count((x) => !x.answered)).toBe(0);
    expect(top1 / results.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the real map', () => {
  const { index } = byLang.en;
  it('gives the same exact hit from a shard as from the whole map, for every code and alias', () => {
    const shards = shardIndex(index);
    for (const [key, ids] of index.keys) {
      expect(
        lookupExact(key, shards.get(shardOf(key))!).exact.map((e) => e.s),
        key,
      ).toEqual(lookupExact(key, index).exact.map((e) => e.s));
      expect(ids.length).toBeGreaterThan(0);
    }
  });
  it('keeps the packed map an admin downloads for pasted text small', () => {
    // Grows about 100 bytes per code: 24 KB held the 175-code catalog; issue 13 brought it to
    // about 270 codes (27 KB), so the budget leaves room for the rest of that list and no more.
    expect(Buffer.byteLength(JSON.stringify(packIndex(index)))).toBeLessThan(32_000);
  });
});
