/**
 * The report the analyzer builds from an export: runs with their steps, errors grouped by type,
 * csexport pending changes and event-log counts. Plain data (no Map, no class), so it crosses
 * from the Web Worker to the page with postMessage and is easy to assert in tests.
 *
 * Pure TypeScript: no DOM, no astro:*. Runs in the worker, in the page and in Node (unit tests).
 */

/** Every format the analyzer reads, detected from the content. */
export const FORMATS = [
  'run-history',
  'entra-json',
  'entra-list',
  'event-text',
  'event-xml',
  'event-csv',
  'csexport',
  'preview',
] as const;
export type FormatId = (typeof FORMATS)[number];

export interface Counter {
  /** The element name as the Sync Service writes it: stage-add, export-update, filtered-objects … */
  name: string;
  value: number;
}

export interface Connection {
  /** connection-result: success, failed-search, failed-connection … */
  result: string;
  server?: string;
  /** error-code of the last failed incident, as written (8453, 0x51). */
  code?: string;
  literal?: string;
  detail?: string;
}

export interface Step {
  number: number;
  /** step-type/@type: delta-import, export, apply-rules … */
  type?: string;
  subtype?: string;
  partition?: string;
  start?: string;
  end?: string;
  result?: string;
  connection?: Connection;
  /** Non-zero counters, in document order. */
  counters: Counter[];
  outbound: { ma: string; counters: Counter[] }[];
  /** Objects with errors in this step, by where they were reported. */
  errors: { discovery: number; import: number; export: number; retry: number };
}

export interface Run {
  ma?: string;
  profile?: string;
  number?: number;
  user?: string;
  /** Step 1's start, the last step's end: the XML has no run-level dates. */
  start?: string;
  end?: string;
  /** The newest step's result (the XML has no run-level result), or Entra's Result. */
  result?: string;
  /** In step order (the XML lists the newest first). */
  steps: Step[];
}

/** Where an error was reported. */
export type GroupKind =
  | 'run'
  | 'connection'
  | 'discovery'
  | 'import'
  | 'export'
  | 'retry'
  | 'preview'
  | 'cs-import'
  | 'cs-export'
  | 'event';

export interface StackSummary {
  /** The innermost exception type, the most specific one. */
  exception?: string;
  /** Its message, first line. */
  message?: string;
  /** The first frame in the customer's own code; or the first frame, with own false. */
  frame?: string;
  own?: boolean;
  extension?: string;
  callsite?: string;
  /** How many exceptions the trace chains (outer to inner). */
  chain?: number;
}

export interface ErrorGroup {
  key: string;
  kind: GroupKind;
  /** error-type, connection-result, step result or "source id" for events. */
  errorType: string;
  /** HRESULT or connector error code as written (0x80230703, 8453, 0x51). */
  code?: string;
  /** Entra cd-error/error-name (AttributeValueMustBeUnique). */
  errorName?: string;
  /** Further codes found with it (the other HRESULTs of an event description). */
  codes?: string[];
  /** The first error-literal seen, clipped. */
  literal?: string;
  detail?: string;
  server?: string;
  algorithmStep?: string;
  /** Objects (or events, steps) in the group. */
  count: number;
  /** The first DNs (capped); count says how many there were. */
  dns: string[];
  retryMax?: number;
  firstOccurred?: string;
  lastOccurred?: string;
  stack?: StackSummary;
  /** Where it was seen: "MA-name #1879 step 2", event source. */
  where: string[];
  /** For events: the event source and ID, for linking. */
  eventSource?: string;
  eventId?: string;
}

export interface PendingRow {
  /** unapplied-export (pending export), pending-import, escrowed-export, unconfirmed-export. */
  section: string;
  operation: string;
  objectType: string;
  count: number;
}

export interface CsExportSummary {
  objects: number;
  pending: PendingRow[];
  /** Attribute names in pending exports, most frequent first (capped). */
  attributes: { name: string; count: number }[];
  /** Objects that carry an import or export error. */
  withErrors: number;
}

export interface EventRow {
  source: string;
  id: string;
  level?: string;
  count: number;
  first?: string;
  last?: string;
  /** Management agent and run profile named in run-profile events. */
  ma?: string;
  profile?: string;
}

/** Why reading stopped early, with what was read up to that point kept. */
export interface Stop {
  kind: 'truncated' | 'malformed' | 'hostile' | 'limit' | 'binary';
  /** A message key suffix: analyze.stop.<reason>. */
  reason: string;
  line?: number;
  column?: number;
  /** The element the input ended inside (truncated), or the parser's message (malformed). */
  detail?: string;
}

export interface Report {
  format: FormatId | 'unknown';
  /** A shape within the format: "many-runs", "back-to-back", "runs-wrapper", "fragment" … */
  shape?: string;
  encoding?: string;
  /** The XML declaration named another encoding than the bytes had: ignored. */
  declaredEncoding?: string;
  chars: number;
  runs: Run[];
  groups: ErrorGroup[];
  csexport?: CsExportSummary;
  events: EventRow[];
  /** Every code seen (error types, HRESULTs, event IDs), for the "unknown codes" list. */
  codes: string[];
  stop?: Stop;
  /** Message keys (analyze.note.*) with their values. */
  notes: { key: string; vars?: Record<string, string | number> }[];
  /** U+FFFD characters in the text: it was decoded with a wrong encoding somewhere. */
  replacementChars: number;
}

/**
 * Code-point order for sorting names and codes. String.prototype.localeCompare builds an ICU
 * collator on first use, which took tens of milliseconds on the page's main thread (and in the
 * worker) for a sort of a handful of ASCII names.
 */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** DNs kept per group; the rest are counted. */
export const MAX_DNS = 50;
/** Characters kept of an error-literal or call stack. */
export const MAX_TEXT = 64 * 1024;

const groupKey = (e: { kind: GroupKind; errorType: string; code?: string; eventSource?: string }) =>
  [e.kind, e.errorType, e.code ?? '', e.eventSource ?? ''].join('|');

/** Collects error groups without keeping every object: counts, the first DNs, the extremes. */
export class GroupCollector {
  readonly groups = new Map<string, ErrorGroup>();

  add(e: {
    kind: GroupKind;
    errorType: string;
    code?: string;
    errorName?: string;
    literal?: string;
    detail?: string;
    server?: string;
    algorithmStep?: string;
    dn?: string;
    retry?: number;
    firstOccurred?: string;
    occurred?: string;
    stack?: StackSummary;
    where?: string;
    eventSource?: string;
    eventId?: string;
    count?: number;
    codes?: string[];
  }): ErrorGroup {
    const key = groupKey(e);
    let g = this.groups.get(key);
    if (!g) {
      g = { key, kind: e.kind, errorType: e.errorType, count: 0, dns: [], where: [] };
      if (e.code) g.code = e.code;
      if (e.eventSource) g.eventSource = e.eventSource;
      if (e.eventId) g.eventId = e.eventId;
      this.groups.set(key, g);
    }
    g.count += e.count ?? 1;
    if (e.errorName && !g.errorName) g.errorName = e.errorName;
    for (const c of e.codes ?? [])
      if (c !== g.code && !(g.codes ??= []).includes(c) && g.codes.length < 20) g.codes.push(c);
    if (e.literal && !g.literal) g.literal = e.literal.slice(0, 2000);
    if (e.detail && !g.detail) g.detail = e.detail.slice(0, 2000);
    if (e.server && !g.server) g.server = e.server;
    if (e.algorithmStep && !g.algorithmStep) g.algorithmStep = e.algorithmStep;
    if (e.stack && !g.stack) g.stack = e.stack;
    if (e.dn && g.dns.length < MAX_DNS && !g.dns.includes(e.dn)) g.dns.push(e.dn);
    if (e.retry !== undefined && Number.isFinite(e.retry)) g.retryMax = Math.max(g.retryMax ?? 0, e.retry);
    const first = e.firstOccurred ?? e.occurred;
    if (first && (!g.firstOccurred || first < g.firstOccurred)) g.firstOccurred = first;
    const last = e.occurred ?? e.firstOccurred;
    if (last && (!g.lastOccurred || last > g.lastOccurred)) g.lastOccurred = last;
    if (e.where && g.where.length < 20 && !g.where.includes(e.where)) g.where.push(e.where);
    return g;
  }

  /** False once the error's group has its stack: the next errors of the group need not reduce theirs. */
  needsStack(e: { kind: GroupKind; errorType: string; code?: string; eventSource?: string }): boolean {
    return !this.groups.get(groupKey(e))?.stack;
  }

  list(): ErrorGroup[] {
    return [...this.groups.values()];
  }
}

export function emptyReport(): Report {
  return {
    format: 'unknown',
    chars: 0,
    runs: [],
    groups: [],
    events: [],
    codes: [],
    notes: [],
    replacementChars: 0,
  };
}
