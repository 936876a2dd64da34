/**
 * What the lookup fetches, each once: the exact-match shards and the whole map (JSON), the reader
 * (lookup-reader, by import() the first time a query is not an exact hit), the message index and
 * Pagefind. A failed load is never remembered: the next query tries again. No DOM.
 */
import { unpackIndex, type LookupIndex, type PackedIndex } from '../lib/lookup';
import type { MessageIndex, PackedMessages } from '../lib/paste';
import { foldHyphens } from '../lib/codes';
import { loadPagefind } from './pagefind';

export interface FullTextHit {
  url: string;
  title: string;
  excerpt: string;
  subs: { url: string; title: string }[];
}

const cache = new Map<string, Promise<unknown>>();
function loadJson<T>(url: string, unpack: (x: never) => T): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return unpack((await r.json()) as never);
    });
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}
export const loadIndex = (url: string) => loadJson<LookupIndex>(url, (x: PackedIndex) => unpackIndex(x));

// The reader (readPaste and what only it needs), loaded the first time a query is not an exact hit.
export type Reader = typeof import('./lookup-reader');
let reader: Reader | undefined;
let readerPromise: Promise<Reader> | undefined;
export function loadReader(): Promise<Reader> {
  readerPromise ??= import('./lookup-reader').then((m) => (reader = m));
  readerPromise.catch(() => (readerPromise = undefined));
  return readerPromise;
}
/** The reader once loaded: a reading that came from readPaste() implies it is. */
export const loadedReader = (): Reader => reader!;

export const loadMessages = (r: Reader, url: string) =>
  loadJson<MessageIndex>(url, (x: PackedMessages) => r.unpackMessages(x));

/**
 * Pagefind's first pages for `query` under the page's filters (filter name -> chosen value).
 * Pagefind's own module is loaded from the built site on the first full-text query.
 */
export async function fullText(
  base: string,
  query: string,
  filters: HTMLSelectElement[],
): Promise<FullTextHit[]> {
  const pf = await loadPagefind(base, { excerptLength: 24 });
  const active: Record<string, string> = {};
  for (const f of filters) if (f.value) active[f.dataset.filter!] = f.value;
  const res = await pf.search(
    foldHyphens(query).slice(0, 200),
    Object.keys(active).length ? { filters: active } : {},
  );
  if (!res) return [];
  const data = await Promise.all(res.results.slice(0, 8).map((r) => r.data()));
  return data.map((d) => ({
    url: d.url,
    title: d.meta.title ?? d.url,
    excerpt: d.excerpt,
    subs: d.sub_results ?? [],
  }));
}
