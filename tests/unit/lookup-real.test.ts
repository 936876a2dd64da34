/**
 * The lookup against the real catalog, scored on real input: every row of
 * fixtures/lookup-eval.yaml (text other people published, with the page an expert wants first).
 * The catalog is read through the real schemas, as the build reads it. Rows are never edited to
 * pass: a miss is fixed in the reader or in content.
 */
import { describe, expect, it } from 'vitest';
import { lookupExact, packIndex, shardIndex, shardOf } from '../../src/lib/lookup';
import { byLang, codes, evaluationReport, readRows, scoreRows } from './lookup-catalog';

const rows = readRows('lookup-eval.yaml');
const results = scoreRows(rows);

describe('the lookup on real input (fixtures/lookup-eval.yaml)', () => {
  it('has the whole catalog and the evaluation', () => {
    expect(codes.length).toBeGreaterThanOrEqual(175);
    expect(rows.length).toBeGreaterThanOrEqual(140);
  });

  it('puts the expert’s page first for at least 95 % of the rows, and answers every row', () => {
    const count = (f: (x: (typeof results)[number]) => boolean) => results.filter(f).length;
    const top1 = count((x) => x.ok);
    console.log(evaluationReport('lookup evaluation', results));
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
  it('keeps the packed map an admin downloads for pasted text small, in both languages', () => {
    // Grows about 100 bytes per code: 24 KB held the 175-code catalog; issue 13 brought it to
    // about 270 codes (27 KB), and the gaps real pastes showed to 307 codes (33 KB, 8 KB gzip).
    // Stop 23 measured Swedish as well (it was only English before): at 322 codes the Swedish map,
    // with its longer titles, is 36.2 KB (9.9 KB gzip), English 34.8 KB. The budget leaves room for
    // about 15 more codes: past that, shard the map for pastes too (the exact-hit shards exist).
    for (const lang of ['en', 'sv'] as const) {
      const bytes = Buffer.byteLength(JSON.stringify(packIndex(byLang[lang].index)));
      expect(bytes, lang).toBeLessThan(37_500);
    }
  });
});
