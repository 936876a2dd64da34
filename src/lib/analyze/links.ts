/**
 * From a report to the catalog: each error group gets its code pages, most specific cause first
 * (a known non-wrapper code before a wrapper, the HRESULT before the error type, as the lookup
 * ranks), codes the catalog does not know are listed honestly, and "What to do first" picks the
 * one or two groups that explain most of the failure. The map is the lookup's normalization
 * (normalizeCode) over a small build-time JSON of the catalog: code -> title, kind, wrapper,
 * first fix step.
 */
import { normalizeCode, parseHresult } from '../codes';
import type { ErrorGroup, Report, Run } from './model';
import { byCodePoint } from './model';

export interface CodeInfo {
  /** Slug of the code page. */
  s: string;
  /** The code as printed. */
  c: string;
  /** Kind (run-status, run-error, object-error, event-id, hresult). */
  k: string;
  /** Title in the page language. */
  t: string;
  /** 1 for a wrapper: a generic status or event whose cause is another code. */
  w?: 1;
  /** First fix step: slug and title. */
  st?: string;
  sn?: string;
  /** Event source, for event IDs. */
  e?: string;
  /** 1 when unverified. */
  u?: 1;
}

/** What analyze-codes.json holds. Keys are normalizeCode() of each code and alias. */
export interface CodeMapJson {
  v: 1;
  entries: CodeInfo[];
  keys: Record<string, number[]>;
}

export interface CodeSource extends Omit<CodeInfo, 'w' | 'u'> {
  wrapper: boolean;
  uncertain: boolean;
  aliases: string[];
}

export function buildCodeMap(codes: CodeSource[]): CodeMapJson {
  const entries: CodeInfo[] = [];
  const keys: Record<string, number[]> = Object.create(null);
  codes.forEach((c, i) => {
    const e: CodeInfo = { s: c.s, c: c.c, k: c.k, t: c.t };
    if (c.wrapper) e.w = 1;
    if (c.st) e.st = c.st;
    if (c.sn) e.sn = c.sn;
    if (c.e) e.e = c.e;
    if (c.uncertain) e.u = 1;
    entries.push(e);
    for (const a of [c.c, ...c.aliases]) {
      const k = normalizeCode(a);
      if (!k) continue;
      const list = (keys[k] ??= []);
      if (!list.includes(i)) list.push(i);
    }
  });
  return { v: 1, entries, keys };
}

/** The map as the browser uses it: a Map, so a key from the input ("constructor") finds nothing. */
export class CodeMap {
  readonly #keys: Map<string, number[]>;
  constructor(readonly json: CodeMapJson) {
    this.#keys = new Map(Object.entries(json.keys));
  }

  /** Entries for one code as written in an export: 8453, 0x51, 0x80230703, failed-search. */
  find(code: string | undefined): CodeInfo[] {
    if (!code) return [];
    const forms = new Set<string>();
    const n = normalizeCode(code);
    if (n) forms.add(n);
    const t = code.trim().toLowerCase();
    // Short hex (LDAP 0x51, Win32 0x2105) also as decimal, decimal also as an HRESULT.
    if (/^0x[0-9a-f]{1,4}$/.test(t)) forms.add(String(parseInt(t.slice(2), 16)));
    const hr = parseHresult(t);
    if (hr) forms.add(hr);
    const out: CodeInfo[] = [];
    for (const f of forms)
      for (const i of this.#keys.get(f) ?? []) {
        const e = this.json.entries[i];
        if (e && !out.includes(e)) out.push(e);
      }
    return out;
  }

  /** An event ID from a named source; ADSync and FIMSynchronizationService are the same engine. */
  findEvent(
    id: string | undefined,
    source: string | undefined,
  ): { entries: CodeInfo[]; sameEngine: boolean } {
    const all = this.find(id).filter((e) => e.k === 'event-id');
    const src = (source ?? '').toLowerCase();
    if (!src || src === '?') return { entries: all, sameEngine: false };
    const exact = all.filter((e) => (e.e ?? '').toLowerCase() === src);
    if (exact.length) return { entries: exact, sameEngine: false };
    const engine = /^(?:adsync|fimsynchronizationservice|miisserver)$/;
    if (engine.test(src)) {
      const same = all.filter((e) => engine.test((e.e ?? '').toLowerCase()));
      if (same.length) return { entries: same, sameEngine: true };
    }
    return { entries: [], sameEngine: false };
  }
}

export interface ResolvedGroup {
  group: ErrorGroup;
  /** Code pages, most specific first. */
  links: CodeInfo[];
  /** Values of this group that the catalog does not know. */
  unknown: string[];
  /** The event was logged by ADSync and the page is the FIMSynchronizationService one (or back). */
  sameEngine?: boolean;
  score: number;
}

const OBJECT_KINDS = new Set(['import', 'export', 'discovery', 'retry', 'preview', 'cs-import', 'cs-export']);

function tier(g: ErrorGroup, level?: string): number {
  if (g.kind === 'connection') return 3;
  if (OBJECT_KINDS.has(g.kind)) return 2;
  if (g.kind === 'event') return /^(?:error|fel|2|1|critical|kritisk)$/i.test(level ?? 'error') ? 2 : 0.5;
  if (/^(?:stopped-|no-start-)/.test(g.errorType)) return 1.5;
  return 0.5;
}

export function resolveGroup(g: ErrorGroup, map: CodeMap, level?: string): ResolvedGroup {
  const links: CodeInfo[] = [];
  const unknown: string[] = [];
  let sameEngine = false;
  const add = (value: string | undefined, entries: CodeInfo[]) => {
    if (!value) return;
    if (!entries.length) unknown.push(value);
    for (const e of entries) if (!links.includes(e)) links.push(e);
  };
  add(g.code, map.find(g.code));
  for (const c of g.codes ?? []) add(c, map.find(c));
  add(g.errorName, map.find(g.errorName));
  if (g.kind === 'event') {
    const ev = map.findEvent(g.eventId, g.eventSource);
    sameEngine = ev.sameEngine;
    add(g.errorType, ev.entries);
  } else add(g.errorType, map.find(g.errorType));
  // Stable: keeps code before type, moves wrappers (6301, cd-error …) behind real causes.
  const ordered = [...links.filter((e) => !e.w), ...links.filter((e) => e.w)];
  return { group: g, links: ordered, unknown, sameEngine, score: tier(g, level) * 1e9 + g.count };
}

export interface Resolved {
  groups: ResolvedGroup[];
  /** The one or two groups to work on first. */
  first: ResolvedGroup[];
  /** Every value the catalog does not know, once. */
  unknown: string[];
  /** Step result -> its page, for the run tables. */
  results: Map<string, CodeInfo | undefined>;
}

export function resolveReport(r: Report, map: CodeMap): Resolved {
  const levels = new Map(r.events.map((e) => [`${e.source} ${e.id}`, e.level]));
  const groups = r.groups
    .map((g) => resolveGroup(g, map, g.kind === 'event' ? levels.get(g.errorType) : undefined))
    .sort((a, b) => b.score - a.score || byCodePoint(a.group.errorType, b.group.errorType));
  const first: ResolvedGroup[] = [];
  const top = groups[0];
  if (top && top.score >= 1e9) {
    first.push(top);
    const second = groups[1];
    const t1 = Math.floor(top.score / 1e9);
    if (second) {
      const t2 = Math.floor(second.score / 1e9);
      if (t2 >= 2 && (t2 < t1 || second.group.count * 4 >= top.group.count)) first.push(second);
    }
  }
  const unknown = new Set<string>();
  for (const g of groups) for (const u of g.unknown) unknown.add(u);
  const results = new Map<string, CodeInfo | undefined>();
  const addResult = (v?: string) => {
    if (!v || results.has(v)) return;
    const e = map.find(v).find((x) => x.k === 'run-status') ?? map.find(v)[0];
    results.set(v, e);
    if (!e && v !== 'success') unknown.add(v);
  };
  for (const run of r.runs as Run[]) {
    addResult(run.result);
    for (const s of run.steps) addResult(s.result);
  }
  return { groups, first, unknown: [...unknown], results };
}
