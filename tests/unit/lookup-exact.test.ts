/**
 * The header box answers a code typed on its own from its shard alone (src/scripts/lookup-exact:
 * exactReading), without the reader. Held here to readPaste() over the real catalog: for every
 * code and alias, in both languages, the header box shows what the lookup page shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { codeSchema } from '../../src/schemas/code';
import {
  buildLookupIndex,
  exactKey,
  lookupExact,
  packIndex,
  shardIndex,
  shardOf,
  unpackIndex,
} from '../../src/lib/lookup';
import { readPaste, type PasteReading } from '../../src/lib/paste';
import { exactReading } from '../../src/scripts/lookup-exact';

const root = path.resolve(import.meta.dirname, '../..');
const files = (
  readdirSync(path.join(root, 'content/codes'), { recursive: true, encoding: 'utf8' }) as string[]
)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => path.join(root, 'content/codes', f));
const codes = files.map((file) => ({
  slug: path.basename(file, '.yaml'),
  data: codeSchema.parse(parse(readFileSync(file, 'utf8'))),
}));

/** What the list shows: the exact candidates in order, the decoded HRESULTs, the ambiguity notes. */
const shown = (r: PasteReading) => ({
  exact: r.candidates
    .filter((c) => c.reason.kind === 'exact')
    .map((c) => (c.target.type === 'code' ? c.target.entry.s : '')),
  text: r.candidates.filter((c) => c.reason.kind === 'exact').map((c) => c.reason.text),
  hresults: r.hresults.map((h) => [h.hex, h.inCatalog]),
  ambiguous: r.ambiguous,
});

describe.each(['en', 'sv'] as const)('exact hits in the header box (%s)', (lang) => {
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
  // The shards as the browser gets them: packed by the build, unpacked by lookup-ui.
  const shards = new Map([...shardIndex(index)].map(([k, v]) => [k, unpackIndex(packIndex(v))]));
  const queries = codes.flatMap((c) => [c.data.code, ...c.data.aliases, c.data.code.toUpperCase()]);

  it('reads every code and alias from its shard as readPaste() reads it', () => {
    let hits = 0;
    for (const q of queries) {
      const shard = shards.get(shardOf(exactKey(q)))!;
      const ex = lookupExact(q, shard);
      if (!ex.exact.length) continue;
      hits++;
      expect(shown(exactReading(ex)), q).toEqual(shown(readPaste(q, shard)));
    }
    expect(hits).toBeGreaterThan(codes.length);
  });

  it('decodes an HRESULT typed in decimal and lists an event number two sources log', () => {
    const read = (q: string) => exactReading(lookupExact(q, shards.get(shardOf(exactKey(q)))!));
    expect(read('2149779005').hresults.map((h) => h.hex)).toEqual(['0x8023063d']);
    const six = read('6000');
    expect(six.candidates.length).toBeGreaterThan(1);
    expect(six.ambiguous).toEqual([
      {
        number: '6000',
        sources: six.candidates.map((c) => (c.target.type === 'code' ? c.target.entry.e : '')),
      },
    ]);
  });
});
