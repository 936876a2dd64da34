/**
 * The exact tier of the lookup: a small map built at build time from the catalog, and the
 * function that resolves a whole query against it. Pure, shared by the build (which writes the
 * map), the browser (which reads it) and the unit tests. Reading a longer paste is
 * `readPaste()` in ./paste.ts, which uses the same map.
 *
 * Every key comes from content or input, so the map is a `Map`: `constructor` and `__proto__`
 * are ordinary keys here.
 */
import { CODE_KINDS, normalizeCode, tokenKey, type CodeKind } from './codes';
import { decodeHresult, type DecodedHresult } from './hresult';

/** Longest input read, in characters after Unicode normalization; the rest is ignored with a message. */
export const MAX_QUERY = 10_000;
/**
 * Longest query that travels in a shareable `?q=` address. Longer text is handed to the lookup
 * page without the URL (sessionStorage): IIS refuses query strings over 2,048 bytes by default,
 * and one character can take 9 bytes once percent-encoded.
 */
export const MAX_SHARED_QUERY = 200;

export interface LookupEntry {
  /** URL slug of the code page. */
  s: string;
  /** The code as printed. */
  c: string;
  /** Kind of code. */
  k: CodeKind;
  /** Title in the page language. */
  t: string;
  /** Event source, for event IDs. */
  e?: string;
  /** True when unverified. */
  u?: boolean;
  /** True for a generic wrapper (event 6301, 6309): it reports a failure whose cause is another code. */
  w?: boolean;
  /** Set when only Entra Connect logs it. */
  o?: 'entra-connect';
  /** For a crash event of any program: the faulting application it is about, lower case ("miiserver.exe"). */
  p?: string;
  /** Exception classes that lead to this code, lower case ("unexpecteddataexception"). */
  x?: string[];
}

/** The map: entries, and normalized code or alias -> entry indexes. */
export interface LookupIndex {
  v: 1;
  entries: LookupEntry[];
  keys: Map<string, number[]>;
}

export interface IndexSource {
  slug: string;
  code: string;
  kind: CodeKind;
  title: string;
  eventSource?: string | undefined;
  aliases: string[];
  uncertain: boolean;
  wrapper?: boolean | undefined;
  onlyIn?: 'entra-connect' | undefined;
  faultingApplication?: string | undefined;
  exceptions?: string[] | undefined;
}

/**
 * The key a code or alias is filed under: its canonical form (normalizeCode) for HRESULTs and
 * event numbers, otherwise its words joined by single hyphens, so "Det gick inte = anslutning",
 * "failed=connection" and "failed_connection" file and find the same way.
 */
export function keyOf(s: string): string {
  const n = normalizeCode(s);
  if (/^(?:0x[0-9a-f]{8}|\d+)$/.test(n)) return n;
  return tokenKey(n);
}

export function buildLookupIndex(codes: IndexSource[]): LookupIndex {
  const entries: LookupEntry[] = [];
  const keys = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const k = keyOf(key);
    if (!k) return;
    let list = keys.get(k);
    if (!list) keys.set(k, (list = []));
    if (!list.includes(i)) list.push(i);
  };
  codes.forEach((c, i) => {
    const e: LookupEntry = { s: c.slug, c: c.code, k: c.kind, t: c.title };
    if (c.eventSource) e.e = c.eventSource;
    if (c.uncertain) e.u = true;
    if (c.wrapper) e.w = true;
    if (c.onlyIn) e.o = c.onlyIn;
    if (c.faultingApplication) e.p = c.faultingApplication.toLowerCase();
    if (c.exceptions?.length) e.x = c.exceptions.map((x) => x.toLowerCase());
    entries.push(e);
    add(c.code, i);
    c.aliases.forEach((a) => add(a, i));
  });
  return { v: 1, entries, keys };
}

/**
 * What the browser downloads: entries as short rows, keys rebuilt on arrival (they are the
 * normalized code and aliases, so sending them twice would double the file). A row is
 * [code, kind index, title, slug when it differs from the code, event source, flags, aliases,
 * faulting application, exception classes], trailing empty fields left off. Flags: 1 unverified, 2 wrapper, 4 Entra Connect only.
 * The UI strings are not in here: they ride once on the page, in `<mim-lookup data-strings>`.
 */
export type PackedRow = [
  string,
  number,
  string,
  (string | 0)?,
  (string | 0)?,
  number?,
  (string[] | 0)?,
  (string | 0)?,
  (string[] | 0)?,
];
export interface PackedIndex {
  v: 3;
  e: PackedRow[];
}

export function packIndex(index: LookupIndex): PackedIndex {
  const aliases = new Map<number, string[]>();
  for (const [key, ids] of index.keys)
    for (const i of ids) if (key !== index.entries[i]!.c) aliases.set(i, [...(aliases.get(i) ?? []), key]);
  const e = index.entries.map((x, i): PackedRow => {
    const flags = (x.u ? 1 : 0) | (x.w ? 2 : 0) | (x.o === 'entra-connect' ? 4 : 0);
    const row: PackedRow = [
      x.c,
      CODE_KINDS.indexOf(x.k),
      x.t,
      x.s === x.c ? 0 : x.s,
      x.e ?? 0,
      flags,
      aliases.get(i) ?? 0,
      x.p ?? 0,
      x.x ?? 0,
    ];
    while (row.length > 3 && !row[row.length - 1]) row.pop();
    return row;
  });
  return { v: 3, e };
}

export function unpackIndex(packed: PackedIndex): LookupIndex {
  if (!packed || !Array.isArray(packed.e)) throw new Error('lookup map: not a packed index');
  return buildLookupIndex(
    packed.e.map(([code, kind, title, slug, source, flags = 0, aliases, app, exceptions]) => ({
      slug: slug || code,
      code,
      kind: CODE_KINDS[kind]!,
      title,
      eventSource: source || undefined,
      aliases: aliases || [],
      uncertain: (flags & 1) === 1,
      wrapper: (flags & 2) === 2,
      onlyIn: flags & 4 ? 'entra-connect' : undefined,
      faultingApplication: app || undefined,
      exceptions: exceptions || undefined,
    })),
  );
}

/**
 * The exact tier is served in small shards, one per first character of a key, so an exact hit
 * downloads a few hundred bytes however large the catalog grows; the whole index is fetched only
 * to read a pasted text or to suggest near misses.
 */
export const SHARDS = [...'0123456789abcdefghijklmnopqrstuvwxyz_'];

export function shardOf(key: string): string {
  const c = key.charAt(0);
  return /[0-9a-z]/.test(c) ? c : '_';
}

/** Splits an index into shards: each holds the entries with at least one key in it. */
export function shardIndex(index: LookupIndex): Map<string, LookupIndex> {
  const shards = new Map<string, LookupIndex>();
  // Per shard: where each entry of the whole index sits in the shard's own entry list.
  const local = new Map<string, Map<number, number>>();
  for (const [key, list] of index.keys) {
    const name = shardOf(key);
    let shard = shards.get(name);
    let at = local.get(name);
    if (!shard || !at) {
      shard = { v: 1, entries: [], keys: new Map() };
      at = new Map();
      shards.set(name, shard);
      local.set(name, at);
    }
    const s = shard;
    const a = at;
    s.keys.set(
      key,
      list.map((i) => {
        let j = a.get(i);
        if (j === undefined) {
          j = s.entries.push(index.entries[i]!) - 1;
          a.set(i, j);
        }
        return j;
      }),
    );
  }
  return shards;
}

/**
 * Unicode-normalizes a query and applies the length limit to the result (NFKC can turn one
 * character into up to 18, so a limit applied before it would not hold). Linear.
 */
export function prepareQuery(raw: string): { input: string; truncated: boolean } {
  const s = String(raw ?? '');
  // Normalize piece by piece and stop once the limit is reached: NFKC of a long run of
  // characters that expand (U+FDFA becomes 18) costs time in proportion to its output. Pieces
  // end before a character that is not a combining mark, so no mark is split from its base.
  let out = '';
  let at = 0;
  while (at < s.length && out.length <= MAX_QUERY) {
    let end = Math.min(s.length, at + 512);
    while (end < s.length && end - at < 1024 && /\p{M}/u.test(s[end]!)) end++;
    // Keep a surrogate pair whole.
    if (end < s.length && /[\uD800-\uDBFF]/.test(s[end - 1]!)) end++;
    out += s.slice(at, end).normalize('NFKC');
    at = end;
  }
  const truncated = at < s.length || out.length > MAX_QUERY;
  return { input: out.length > MAX_QUERY ? out.slice(0, MAX_QUERY) : out, truncated };
}

/** The key the whole query is filed under, or "" when it has nothing in it. */
export function exactKey(input: string): string {
  return keyOf(input);
}

export interface ExactResult {
  /** The input as read (Unicode-normalized, at most MAX_QUERY characters). */
  input: string;
  truncated: boolean;
  /** The key of the whole input. "" when there is nothing to look up. */
  normalized: string;
  /** Entries whose code or alias is exactly the input, verified ones first. */
  exact: LookupEntry[];
  /** The input is an HRESULT: its decoding, found in the catalog or not. */
  hresult?: DecodedHresult;
}

export function entriesFor(index: LookupIndex, key: string): LookupEntry[] {
  return (index.keys.get(key) ?? []).map((i) => index.entries[i]!);
}

/** Exact tier only: the whole input against a (possibly sharded) map. */
export function lookupExact(rawInput: string, index: LookupIndex): ExactResult {
  const { input, truncated } = prepareQuery(rawInput);
  const normalized = exactKey(input);
  const result: ExactResult = { input, truncated, normalized, exact: [] };
  if (!normalized) return result;
  // An unverified code never outranks a verified one under the same key.
  result.exact = entriesFor(index, normalized).sort((a, b) => Number(!!a.u) - Number(!!b.u));
  if (/^0x[0-9a-f]{8}$/.test(normalized)) result.hresult = decodeHresult(normalized);
  return result;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev2: number[] = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    prev2 = prev;
    prev = cur;
    if (rowMin > cap) return cap + 1;
  }
  return prev[b.length]!;
}
