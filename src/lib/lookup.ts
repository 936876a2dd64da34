/**
 * The exact tier of the lookup: a small map built at build time from the catalog, and the
 * function that resolves what an admin typed or pasted against it. Pure, shared by the build
 * (which writes the map), the browser (which reads it) and the unit tests.
 */
import { CODE_KINDS, foldHyphens, normalizeCode, parseHresult, type CodeKind } from './codes';
import { decodeHresult, type DecodedHresult } from './hresult';

/** Longest input read, in characters; the rest is ignored with a message. */
export const MAX_QUERY = 10_000;

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
}

/** What /lookup-index.json holds: entries, and normalized code or alias -> entry indexes. */
export interface LookupIndex {
  v: 1;
  entries: LookupEntry[];
  keys: Record<string, number[]>;
}

export interface IndexSource {
  slug: string;
  code: string;
  kind: CodeKind;
  title: string;
  eventSource?: string;
  aliases: string[];
  uncertain: boolean;
}

export function buildLookupIndex(codes: IndexSource[]): LookupIndex {
  const entries: LookupEntry[] = [];
  const keys: Record<string, number[]> = {};
  const add = (key: string, i: number) => {
    const k = normalizeCode(key);
    if (!k) return;
    const list = (keys[k] ??= []);
    if (!list.includes(i)) list.push(i);
  };
  codes.forEach((c, i) => {
    const e: LookupEntry = { s: c.slug, c: c.code, k: c.kind, t: c.title };
    if (c.eventSource) e.e = c.eventSource;
    if (c.uncertain) e.u = true;
    entries.push(e);
    add(c.code, i);
    c.aliases.forEach((a) => add(a, i));
  });
  return { v: 1, entries, keys };
}

/**
 * What the browser downloads: entries as short rows, keys rebuilt on arrival (they are the
 * normalized code and aliases, so sending them twice would double the file). A row is
 * [code, kind index, title, slug when it differs from the code, event source, 1 if unverified,
 * aliases], trailing empty fields left off.
 */
export type PackedRow = [string, number, string, (string | 0)?, (string | 0)?, (0 | 1)?, string[]?];
export interface PackedIndex {
  v: 2;
  e: PackedRow[];
  /** The lookup's UI strings in the page language. */
  s: Record<string, string>;
}

export function packIndex(index: LookupIndex, strings: Record<string, string>): PackedIndex {
  const aliases = new Map<number, string[]>();
  for (const [key, ids] of Object.entries(index.keys))
    for (const i of ids) if (key !== index.entries[i].c) aliases.set(i, [...(aliases.get(i) ?? []), key]);
  const e = index.entries.map((x, i): PackedRow => {
    const row: PackedRow = [
      x.c,
      CODE_KINDS.indexOf(x.k),
      x.t,
      x.s === x.c ? 0 : x.s,
      x.e ?? 0,
      x.u ? 1 : 0,
      aliases.get(i),
    ];
    while (row.length > 3 && !row[row.length - 1]) row.pop();
    return row;
  });
  return { v: 2, e, s: strings };
}

export function unpackIndex(packed: PackedIndex): LookupIndex {
  return buildLookupIndex(
    packed.e.map(([code, kind, title, slug, source, uncertain, aliases]) => ({
      slug: slug || code,
      code,
      kind: CODE_KINDS[kind],
      title,
      eventSource: source || undefined,
      aliases: aliases ?? [],
      uncertain: uncertain === 1,
    })),
  );
}

/**
 * The exact tier is served in small shards, one per first character of a canonical code, so an
 * exact hit downloads a few hundred bytes however large the catalog grows; the whole index is
 * fetched only to search a pasted text or to suggest near misses.
 */
export const SHARDS = [...'0123456789abcdefghijklmnopqrstuvwxyz_'];

export function shardOf(normalizedKey: string): string {
  const c = normalizedKey.charAt(0);
  return /[0-9a-z]/.test(c) ? c : '_';
}

/** Splits an index into shards: each holds the entries with at least one key in it. */
export function shardIndex(index: LookupIndex): Map<string, LookupIndex> {
  const shards = new Map<string, LookupIndex>();
  // Per shard: where each entry of the whole index sits in the shard's own entry list.
  const local = new Map<string, Map<number, number>>();
  for (const [key, list] of Object.entries(index.keys)) {
    const name = shardOf(key);
    let shard = shards.get(name);
    let at = local.get(name);
    if (!shard || !at) {
      shard = { v: 1, entries: [], keys: {} };
      at = new Map();
      shards.set(name, shard);
      local.set(name, at);
    }
    shard.keys[key] = list.map((i) => {
      let j = at.get(i);
      if (j === undefined) {
        j = shard.entries.push(index.entries[i]) - 1;
        at.set(i, j);
      }
      return j;
    });
  }
  return shards;
}

/** Exact tier only: the canonical form of the whole input against a (possibly sharded) map. */
export function lookupExact(rawInput: string, index: LookupIndex): LookupResult {
  const truncated = rawInput.length > MAX_QUERY;
  const input = truncated ? rawInput.slice(0, MAX_QUERY) : rawInput;
  const normalized = normalizeCode(input);
  const result: LookupResult = {
    input,
    truncated,
    normalized,
    exact: [],
    found: [],
    suggestions: [],
    unknownHresults: [],
  };
  if (!normalized) return result;
  result.exact = entriesFor(index, normalized);
  if (/^0x[0-9a-f]{8}$/.test(normalized)) result.hresult = decodeHresult(normalized);
  return result;
}

export interface LookupResult {
  /** The input as read (at most MAX_QUERY characters). */
  input: string;
  truncated: boolean;
  /** Canonical form of the whole input. "" when there is nothing to look up. */
  normalized: string;
  /** Entries whose code or alias is exactly the input. */
  exact: LookupEntry[];
  /** Entries found inside a longer text (log line, XML, Event Viewer entry), in order of appearance. */
  found: LookupEntry[];
  /** "Did you mean": entries within one or two edits of the input. */
  suggestions: LookupEntry[];
  /** The input is an HRESULT: its decoding, found in the catalog or not. */
  hresult?: DecodedHresult;
  /** HRESULTs found in a longer text that are not in the catalog, decoded. */
  unknownHresults: DecodedHresult[];
}

const entriesFor = (index: LookupIndex, key: string) => (index.keys[key] ?? []).map((i) => index.entries[i]);

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = cur;
    if (rowMin > cap) return cap + 1;
  }
  return prev[b.length];
}

/** Words joined by hyphens: run statuses, run errors, object errors. */
const HYPHENATED = /[a-z0-9]+(?:-[a-z0-9]+)+/g;
/**
 * Event IDs named as such: "Event ID: 6025", "EventID 6025", "<EventID>6025</EventID>", "händelse-ID 6025".
 * The number may run straight into the next word: a one-line search box drops the line breaks of
 * a pasted Event Viewer entry ("Event ID: 6025Task Category").
 */
const EVENT_CONTEXT =
  /(?:<eventid[^>]{0,60}>\s*|(?:event\s*id|eventid|event|h[äa]ndelse-?id)\s*(?:[:#=]|&gt;)?\s*"?)(\d{3,5})(?!\d)/g;
/** HRESULTs: 0x form, 8 bare hex digits starting 8-f, signed or unsigned decimal. */
const HRESULT_TOKEN =
  /(?<![0-9a-z])(?:0x[0-9a-f]{8}|[89a-f][0-9a-f]{7}|-21\d{8}|2[1-9]\d{8}|4[0-2]\d{8})(?![0-9a-z])/g;
/** Text inside XML elements, for single-word codes such as <step-result>success</step-result>. */
const ELEMENT_TEXT = />\s*([a-z][a-z0-9-]*)\s*</g;
/** Bare 3–5 digit numbers, read as event IDs only in short inputs. */
const BARE_NUMBER = /(?<![\d.:/-])\d{3,5}(?![\d.:/])/g;

/**
 * Finds every known code in a longer text, in order of appearance, plus HRESULTs that are not
 * in the catalog. A hyphenated word is matched whole, never by a part of it: pasting
 * "stopped-extension-dll-exception" never yields "extension-dll-exception".
 */
export function extractCodes(
  text: string,
  index: LookupIndex,
): { found: LookupEntry[]; unknownHresults: DecodedHresult[] } {
  const s = foldHyphens(text.normalize('NFKC')).toLowerCase();
  const hits: { at: number; entries: LookupEntry[] }[] = [];
  const unknown = new Map<string, { at: number; hr: DecodedHresult }>();
  const scan = (re: RegExp, group: number, toKey: (m: string) => string | undefined) => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const key = toKey(m[group]);
      if (!key) continue;
      const entries = entriesFor(index, key);
      if (entries.length) hits.push({ at: m.index, entries });
      // An unknown HRESULT is decoded, except eight plain digits, which are more often a number.
      else if (key.startsWith('0x') && !/^\d{8}$/.test(m[group]) && !unknown.has(key))
        unknown.set(key, { at: m.index, hr: decodeHresult(key) });
    }
  };
  scan(HYPHENATED, 0, (m) => m);
  scan(EVENT_CONTEXT, 1, (m) => String(Number(m)));
  scan(HRESULT_TOKEN, 0, (m) => parseHresult(m));
  scan(ELEMENT_TEXT, 1, (m) => m);
  if (s.length <= 40) scan(BARE_NUMBER, 0, (m) => String(Number(m)));
  hits.sort((a, b) => a.at - b.at);
  // One event number from two sources: when the text names a source (Event Viewer's "Source:"
  // line, the XML Provider), keep the entries from that source.
  for (const h of hits) {
    if (h.entries.length < 2) continue;
    const named = h.entries.filter((e) => e.e && s.includes(e.e.toLowerCase()));
    if (named.length) h.entries = named;
  }
  const seen = new Set<string>();
  const found: LookupEntry[] = [];
  for (const h of hits)
    for (const e of h.entries)
      if (!seen.has(e.s)) {
        seen.add(e.s);
        found.push(e);
      }
  const unknownHresults = [...unknown.values()].sort((a, b) => a.at - b.at).map((u) => u.hr);
  return { found, unknownHresults };
}

/** Resolves one query against the whole map: exact tier, codes inside pasted text, near misses. */
export function lookup(rawInput: string, index: LookupIndex): LookupResult {
  const result = lookupExact(rawInput, index);
  const { input, normalized } = result;
  if (!normalized) return result;

  // A longer text: find the codes inside it.
  if (!result.exact.length && !result.hresult) {
    const { found, unknownHresults } = extractCodes(input, index);
    result.found = found;
    result.unknownHresults = unknownHresults;
  }

  // One word with no match: offer what is one or two edits away.
  if (
    !result.exact.length &&
    !result.found.length &&
    !result.hresult &&
    /^[a-z0-9-]{4,80}$/.test(normalized)
  ) {
    const cap = normalized.length < 8 ? 1 : 2;
    const scored: { d: number; key: string }[] = [];
    for (const key of Object.keys(index.keys)) {
      const d = editDistance(normalized, key, cap);
      if (d <= cap) scored.push({ d, key });
    }
    scored.sort((a, b) => a.d - b.d || a.key.localeCompare(b.key));
    const seen = new Set<string>();
    for (const { key } of scored)
      for (const e of entriesFor(index, key))
        if (!seen.has(e.s)) {
          seen.add(e.s);
          result.suggestions.push(e);
        }
    result.suggestions = result.suggestions.slice(0, 5);
  }
  return result;
}
