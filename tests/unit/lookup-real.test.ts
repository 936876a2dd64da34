/**
 * The lookup against the real catalog, scored on real input: every row of
 * fixtures/lookup-eval.yaml (text other people published, with the page an expert wants first).
 * The catalog is read through the real schemas, as the build reads it. Rows are never edited to
 * pass: a miss is fixed in the reader or in content.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildLookupData } from '../../src/lib/lookup-data';
import { lookupExact, packIndex, shardIndex, shardOf } from '../../src/lib/lookup';
import { byLang, codes, evaluationReport, readRows, scoreRows, steps } from './lookup-catalog';

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
  it('keeps what a paste downloads small, in both languages', () => {
    // A pasted text fetches two files once: the packed map (lookup-index.json) and the message
    // index (lookup-messages.json). Until stop 23 only the map's raw size had a budget (37.5 KB,
    // reached at 322 codes), though the message index is five times larger and both are sent
    // gzipped by any host that compresses. The budget is now on what the admin actually pays: both
    // files, gzip, per language. At 322 codes that is 66.6 KB (English) and 67.2 KB (Swedish), of
    // which the map is about 9.4 and 10.0 KB: sharding the map would save at most that and cost a round
    // trip. The budget leaves room for about 40 more codes; past that, split the message index.
    for (const lang of ['en', 'sv'] as const) {
      const { index, messages } = buildLookupData(codes, steps, lang);
      const gz = (x: unknown) => gzipSync(JSON.stringify(x)).length;
      const bytes = gz(packIndex(index)) + gz(messages);
      expect(bytes, lang).toBeLessThan(76_000);
    }
  });
});
