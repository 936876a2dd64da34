/**
 * Reads what an admin pastes into the lookup (a code, a sentence, a whole Event Viewer entry, a
 * run-history fragment, a stack trace, a build number) and ranks the pages that explain it, each
 * with the reason it was chosen. Pure: no DOM, no astro:*. The lookup page and the analyzer use
 * it; the unit tests and the real-input evaluation call it directly.
 *
 *   readPaste(text, index)            the codes written in the text (the whole map, lookup-index.json)
 *   readPaste(text, index, messages)  plus message text, known shapes and page words (lookup-messages.json)
 *
 * Ranking, most specific cause first: an object-level error or an HRESULT before the run status
 * that summarizes it, a generic wrapper (event 6301, 6309, E_FAIL: `wrapper: true` in content)
 * after the cause it wraps. Where the text appears in the paste only breaks ties.
 *
 * Every pattern here is linear in the length of the text: no pattern has two unbounded
 * quantifiers that can match the same characters, and the text is limited to MAX_QUERY
 * characters after Unicode normalization (prepareQuery).
 */
import { foldHyphens, parseHresult, WORD } from './codes';
import { decodeHresult } from './hresult';
import { entriesFor, exactKey, prepareQuery, type LookupEntry, type LookupIndex } from './lookup';
import { readCodeWords, readNearMisses } from './reader/code-words';
import { readMessages, readPageWords, type MessageIndex, type PageHit } from './reader/messages';
import {
  BUILD,
  BUILD_CONTEXT,
  CRASH_ENTRY,
  ERROR_CONTEXT,
  EVENT_AFTER_WORD,
  EVENT_BEFORE_WORD,
  EVENT_TABLE_CELL,
  EVENT_XML,
  EXCEPTION_CLASS,
  EXTENSION_NAMESPACE,
  FAULTING_APPLICATION,
  HRESULT_TOKEN,
  isWindowsVersion,
  LOG_WORDS,
  NOT_HRESULT_CONTEXT,
  SHAPES,
  SOURCE_NAMES,
  WIN32_CONSTANT,
  WIN32_ERRORS,
} from './reader/patterns';
import { BASE, clip, specificity, targetId, type Token } from './reader/scoring';
import type { Candidate, PasteReading, Reason, ReasonKind, Target } from './reader/types';
import { STOP, stem } from './reader/words';

export type * from './reader/types';
export {
  codeWords,
  packMessages,
  readPageWords,
  situationHeadings,
  stepHeadings,
  stepWords,
  unpackMessages,
  type MessageIndex,
  type MessageSource,
  type PackedMessages,
  type StepSource,
} from './reader/messages';

/** A code in CamelCase, two words or more, with DirSync's "Error" before it: "ErrorNoStartNoDomainController". */
const CAMEL_CODE = /(?<![A-Za-z0-9])(?:Error)?((?:[A-Z][a-z]+){2,8})(?![A-Za-z0-9])/g;

/** What page-word evidence adds before its quality: the middle of the old per-kind range. */
const TEXT_KIND_BONUS = 40;

/**
 * Reads a paste against the map (and, when given, the message index) and returns the ranked
 * candidates with the reason for each. Stable API: the analyzer builds on it.
 */
export function readPaste(text: string, index: LookupIndex, messages?: MessageIndex): PasteReading {
  const { input, truncated } = prepareQuery(text);
  const normalized = exactKey(input);
  const reading: PasteReading = {
    input,
    truncated,
    normalized,
    candidates: [],
    hresults: [],
    ambiguous: [],
    terms: [],
  };
  if (!normalized && !/[\p{L}\p{N}]/u.test(input)) return reading;

  const s = foldHyphens(input)
    .toLowerCase()
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const byId = new Map<string, Candidate & { kinds: Set<ReasonKind> }>();
  const add = (target: Target, reason: Reason, score: number, at: number) => {
    const id = targetId(target);
    const old = byId.get(id);
    if (!old) return void byId.set(id, { target, reason, score, at, kinds: new Set([reason.kind]) });
    old.kinds.add(reason.kind);
    if (score > old.score) Object.assign(old, { reason, score, at: Math.min(at, old.at) });
    else old.at = Math.min(at, old.at);
  };
  // A crash event of any program (Application Error 1000) whose page is about one process
  // (`faultingApplication` in content) is no answer for a paste that names another one.
  const apps = [...s.matchAll(FAULTING_APPLICATION)].map((m) => m[1]!);
  const otherApp = (e: LookupEntry) => !!e.p && apps.length > 0 && !apps.includes(e.p);
  const addEntry = (e: LookupEntry, reason: Reason, base: number, at: number) => {
    if (otherApp(e)) return;
    add({ type: 'code', entry: e }, reason, base + specificity(e), at);
  };
  // Page words say what a text is about, not which code it reports: how well they match decides,
  // and the kind of code does not (a weak match on an object error never beats a strong one on a
  // step). A wrapper or an unverified page still yields.
  const addText = (hit: PageHit, base: number) => {
    const reason: Reason = { kind: 'text', text: '', quality: hit.quality };
    const score = base + 100 * hit.quality + TEXT_KIND_BONUS;
    if (hit.step) return add({ type: 'step', slug: hit.step.slug, title: hit.step.title }, reason, score, 0);
    const e = entryBySlug(index, hit.slug);
    if (e && !otherApp(e)) add({ type: 'code', entry: e }, reason, score - (e.w ? 30 : 0) - (e.u ? 5 : 0), 0);
  };

  // 1. The whole input is a code or an alias.
  const whole = entriesFor(index, normalized);
  for (const e of whole)
    add(
      { type: 'code', entry: e },
      { kind: 'exact', text: clip(input.trim()) },
      BASE.exact - (e.u ? 1 : 0),
      0,
    );

  const seenHr = new Set<string>();
  const tokens: Token[] = [];
  for (const m of s.matchAll(WORD)) tokens.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  const short = tokens.length <= 4;

  // 2. Message text and page words, when the message index is loaded.
  const messageScore = new Map<string, number>();
  if (messages && tokens.length >= 3) {
    readMessages(s, messages, (slug, quality, msg, at) => {
      messageScore.set(slug, Math.max(messageScore.get(slug) ?? 0, quality));
      const e = entryBySlug(index, slug);
      if (e) addEntry(e, { kind: 'message', text: clip(msg), quality }, 150 + 150 * quality, at);
    });
    for (const hit of readPageWords(s, messages)) addText(hit, 40);
    for (const shape of SHAPES) {
      if (shape.all && !shape.all.every((x) => s.includes(x))) continue;
      const hit = shape.any.find((x) => s.includes(x));
      if (hit === undefined) continue;
      const e = entryBySlug(index, shape.slug);
      if (e) addEntry(e, { kind: 'shape', text: shape.what }, BASE.shape, s.indexOf(hit));
    }
  }

  // 3. Codes written in the text: hyphenated, with _ or =, or as words; and in CamelCase, as
  // DirSync and some scripts print them ("ErrorNoStartNoDomainController", "StoppedServer").
  // A Win32 constant (ERROR_ACCESS_DENIED) is not written with our code names: its words are
  // left out, and a documented one is read as its HRESULT (0x80070005), as if written in hex.
  const win32: { from: number; to: number }[] = [];
  for (const m of s.matchAll(WIN32_CONSTANT)) {
    win32.push({ from: m.index, to: m.index + m[0].length });
    const n = WIN32_ERRORS.get(m[0]);
    if (n === undefined) continue;
    const hex = `0x${(0x80070000 + n).toString(16)}`;
    const list = entriesFor(index, hex).filter((e) => e.k === 'hresult');
    for (const e of list) addEntry(e, { kind: 'hresult', text: m[0].toUpperCase() }, BASE.hresult, m.index);
    if (!seenHr.has(hex)) {
      seenHr.add(hex);
      reading.hresults.push({ ...decodeHresult(hex), inCatalog: list.length > 0 });
    }
  }
  const codeTokens = win32.length
    ? tokens.filter((t) => !win32.some((c) => t.start >= c.from && t.end <= c.to))
    : tokens;
  readCodeWords(s, codeTokens, index, short, addEntry);
  for (const m of input.matchAll(CAMEL_CODE)) {
    const key = m[1]!.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase();
    for (const e of entriesFor(index, key))
      if (e.k !== 'event-id' && e.k !== 'hresult')
        addEntry(e, { kind: 'code', text: clip(m[0]) }, BASE.code, m.index);
  }

  // 3b. An exception class of the extension API that a code lists (`exceptions:` in content),
  // bare or in its own namespace: the code it causes. Ranked before the run status and stack
  // trace that report it, after an HRESULT or an object-level error in the same paste.
  const thrown = exceptionMap(index);
  if (thrown.size)
    for (const m of s.matchAll(EXCEPTION_CLASS)) {
      const ns = m[1]!;
      if (ns && ns !== EXTENSION_NAMESPACE) continue;
      // Quoted as the admin wrote it (the class names are mixed case), not as read.
      const at = input.toLowerCase().indexOf(m[0]);
      const text = clip(at < 0 ? m[0] : input.slice(at, at + m[0].length));
      for (const e of thrown.get(m[2]!) ?? [])
        addEntry(e, { kind: 'exception', text }, BASE.exception, m.index);
    }

  // 4. Event IDs as people write them, with the source the paste names.
  const events: { n: string; at: number; text: string }[] = [];
  const pushEvents = (list: string, at: number, text: string) => {
    for (const n of list.match(/\d{3,5}/g) ?? []) events.push({ n: String(Number(n)), at, text });
  };
  for (const m of s.matchAll(EVENT_AFTER_WORD)) pushEvents(m[1]!, m.index, m[0]);
  for (const m of s.matchAll(EVENT_XML)) pushEvents(m[1]!.padStart(3, '0'), m.index, m[0]);
  for (const m of s.matchAll(EVENT_BEFORE_WORD)) pushEvents(m[1]!, m.index, m[0]);
  for (const m of s.matchAll(EVENT_TABLE_CELL)) pushEvents(m[1]!, m.index, m[0]);
  if (short)
    for (const t of tokens)
      if (
        /^\d{3,5}$/.test(t.w) &&
        !/[.:/,]/.test(s[t.start - 1] ?? '') &&
        !/^[.:/,]\d/.test(s.slice(t.end, t.end + 2))
      )
        events.push({ n: String(Number(t.w)), at: t.start, text: t.w });
  const seenEvent = new Set<string>();
  for (const ev of events) {
    if (seenEvent.has(ev.n)) continue;
    seenEvent.add(ev.n);
    const list = entriesFor(index, ev.n).filter((e) => e.k === 'event-id');
    if (!list.length) {
      reading.terms.push(ev.n);
      continue;
    }
    const { chosen, source } = chooseSource(list, s, messageScore);
    if (source === 'unknown' && chosen.length > 1)
      reading.ambiguous.push({ number: ev.n, sources: chosen.map((e) => e.e ?? '') });
    for (const e of chosen)
      // The paste names or describes this event's source ("DirSync", "PCNS"): surer than an
      // event whose source the paste never mentions.
      addEntry(
        e,
        { kind: 'event', text: clip(ev.text.trim()), source },
        BASE.event + (mentionsSource(e, s) ? 5 : 0),
        ev.at,
      );
  }

  // 5. HRESULTs, right both ways.
  for (const m of s.matchAll(HRESULT_TOKEN)) {
    const raw = m[1]!;
    const before = s.slice(Math.max(0, m.index - 30), m.index);
    if (NOT_HRESULT_CONTEXT.test(before)) continue;
    // Digits only (80070005, 2149779005): an error code only when the words before say so.
    if (/^\d+$/.test(raw) && !ERROR_CONTEXT.test(before) && normalized !== parseHresult(raw)) continue;
    const hex = parseHresult(raw);
    if (!hex || parseInt(hex.slice(2, 3), 16) < 8) continue;
    const list = entriesFor(index, hex).filter((e) => e.k === 'hresult');
    for (const e of list) addEntry(e, { kind: 'hresult', text: raw }, BASE.hresult, m.index);
    if (!seenHr.has(hex)) {
      seenHr.add(hex);
      reading.hresults.push({ ...decodeHresult(hex), inCatalog: list.length > 0 });
    }
  }

  // 6. Build numbers go to the version checker. In a Windows crash entry a system module's
  // version is the Windows version (ntdll.dll 6.3.9600.18696), not a build of ours.
  const crash = CRASH_ENTRY.test(s);
  for (const m of s.matchAll(BUILD)) {
    const parts = [m[1], m[2], m[3], m[4] ?? '0'].map(Number);
    if (parts.some((p) => p > 65535)) continue;
    if (crash && isWindowsVersion(parts)) continue;
    const version = parts.join('.');
    const line = parts[0] === 4 ? 'sync-service' : 'connectors';
    // Called a version or a build ("Build 4.0.3531.2", "MIM Version - 4.6.673"), or the whole
    // query: the admin asks about the build, so the version checker beats page words. A build
    // trailing an event's text ("Azure AD Sync 1.4.18.0") stays weak evidence.
    const called = BUILD_CONTEXT.test(s.slice(Math.max(0, m.index - 24), m.index)) || tokens.length <= 6;
    add(
      { type: 'versions', line, version },
      { kind: 'build', text: m[0] },
      called ? BASE.calledBuild : BASE.build,
      m.index,
    );
  }

  // 7. Near misses of a code written in the text, and of a one-word query.
  if (!whole.length) readNearMisses(s, codeTokens, normalized, index, byId, addEntry);

  // 8. Never an empty answer for text the site has words for: the pages that share the most
  // of its rarer words, however weakly, marked as full-text evidence ('text').
  if (!byId.size && messages && tokens.length >= 3)
    for (const hit of readPageWords(s, messages, true)) addText(hit, 20);

  // Several kinds of evidence for one page make it surer.
  const ranked = [...byId.values()].map(({ kinds, ...c }) => ({
    ...c,
    // Page words are the weakest evidence: they add nothing to a code found another way.
    score: c.score + Math.min([...kinds].filter((k) => k !== 'text').length - 1, 2) * 10,
  }));
  ranked.sort((a, b) => b.score - a.score || a.at - b.at);
  reading.candidates = ranked;
  reading.terms = distinctiveTerms(tokens, messages, reading.terms);
  return reading;
}

/** Exception class (lower case) -> the entries that list it; cached per index. */
function exceptionMap(index: LookupIndex): Map<string, LookupEntry[]> {
  let map = exceptionMaps.get(index);
  if (map) return map;
  map = new Map();
  for (const e of index.entries) for (const x of e.x ?? []) map.set(x, [...(map.get(x) ?? []), e]);
  exceptionMaps.set(index, map);
  return map;
}
const exceptionMaps = new WeakMap<LookupIndex, Map<string, LookupEntry[]>>();

function entryBySlug(index: LookupIndex, slug: string): LookupEntry | undefined {
  const bySlug = slugMaps.get(index) ?? new Map(index.entries.map((e) => [e.s, e] as const));
  slugMaps.set(index, bySlug);
  return bySlug.get(slug);
}
const slugMaps = new WeakMap<LookupIndex, Map<string, LookupEntry>>();

/** True when the paste names the event's source or uses words that belong to it. */
function mentionsSource(e: LookupEntry, s: string): boolean {
  const own = (e.e ?? '').toLowerCase();
  const n = SOURCE_NAMES.get(own);
  if (own && s.includes(own)) return true;
  return !!n && [...n.named, ...n.words].some((x) => s.includes(x));
}

/** Which of the sources that log an event number the paste means. */
function chooseSource(
  list: LookupEntry[],
  s: string,
  messageScore: Map<string, number>,
): { chosen: LookupEntry[]; source: 'named' | 'words' | 'unknown' } {
  if (list.length < 2) return { chosen: list, source: 'named' };
  const names = (e: LookupEntry) => SOURCE_NAMES.get((e.e ?? '').toLowerCase());
  const named = list.filter((e) => {
    const n = names(e);
    const own = (e.e ?? '').toLowerCase();
    return (own && s.includes(own)) || (n?.named.some((x) => s.includes(x)) ?? false);
  });
  if (named.length && named.length < list.length) return { chosen: named, source: 'named' };
  // The message text is the best word evidence; then words that belong to one source.
  const best = Math.max(...list.map((e) => messageScore.get(e.s) ?? 0));
  if (best > 0) return { chosen: list.filter((e) => (messageScore.get(e.s) ?? 0) === best), source: 'words' };
  // Words split or joined by a translation ("hanterings agentens", "managementagent") still
  // count: they are compared with the spaces taken out as well.
  const squeezed = s.replace(/[ \t\r\n]+/g, '');
  const worded = list.filter(
    (e) => names(e)?.words.some((x) => s.includes(x) || squeezed.includes(x.replace(/ /g, ''))) ?? false,
  );
  if (worded.length && worded.length < list.length) return { chosen: worded, source: 'words' };
  return { chosen: list, source: 'unknown' };
}

function distinctiveTerms(tokens: Token[], messages: MessageIndex | undefined, extra: string[]): string[] {
  const seen = new Set<string>();
  const words: { w: string; rank: number; at: number }[] = [];
  tokens.forEach((t, at) => {
    const w = t.w;
    if (w.length < 4 || /\d/.test(w) || STOP.has(w) || LOG_WORDS.has(w) || seen.has(w)) return;
    seen.add(w);
    const df = messages?.stemDf.get(stem(w));
    // Known to the site and rare there: best. Unknown words may be names (contoso, MyADMA).
    const rank = df ? 10 - Math.log(df) : 1;
    words.push({ w, rank, at });
  });
  words.sort((a, b) => b.rank - a.rank || a.at - b.at);
  return [...extra.slice(0, 2), ...words.slice(0, 8 - Math.min(extra.length, 2)).map((x) => x.w)];
}
