/** One shard of the exact-match map: the codes whose canonical form starts with this character. */
import type { APIRoute } from 'astro';
import { LANGS, langParam } from '../../../lib/urls';
import { lookupIndexFor } from '../../../data/lookup';
import { packIndex, shardIndex, SHARDS } from '../../../lib/lookup';

export async function getStaticPaths() {
  const paths = [];
  for (const lang of LANGS) {
    const { index } = await lookupIndexFor(lang);
    const shards = shardIndex(index);
    // Every shard exists, empty or not: the browser asks for the one its input starts with
    // (and "_" for an empty query), and a missing file would be a 404 in the console.
    for (const shard of SHARDS) {
      const part = shards.get(shard) ?? { v: 1 as const, entries: [], keys: new Map() };
      paths.push({
        params: { lang: langParam(lang), shard },
        props: { body: JSON.stringify(packIndex(part)) },
      });
    }
  }
  return paths;
}

export const GET: APIRoute = ({ props }) =>
  new Response(props.body as string, { headers: { 'Content-Type': 'application/json' } });
