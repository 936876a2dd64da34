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
import { foldHyphens, parseHresult, WORD, type CodeKind } from './codes';
import { decodeHresult, type DecodedHresult } from './hresult';
import { plainText } from './inline';
import {
  editDistance,
  entriesFor,
  exactKey,
  prepareQuery,
  type LookupEntry,
  type LookupIndex,
} from './lookup';

// ------------------------------------------------------------------------------------------------
// The result

export type Target =
  | { type: 'code'; entry: LookupEntry }
  | { type: 'step'; slug: string; title: string }
  | { type: 'versions'; line: 'sync-service' | 'connectors'; version: string };

/** Why a candidate was chosen. */
export type ReasonKind =
  /** The whole input is this code or one of its aliases. */
  | 'exact'
  /** The code inside the text, written with hyphens (or `_`, `=`, U+2011). */
  | 'code'
  /** A one-word code as XML element text or in quotes (`<step-result>success</step-result>`). */
  | 'element'
  /** The code written as words ("a Duplicate Anchor error"). */
  | 'words'
  /** An event ID as people write it ("Event ID: 6025", "events 6801 and 6803", "händelse-ID 6025"). */
  | 'event'
  /** An HRESULT in any written form. */
  | 'hresult'
  /** The product's own message text for the code (its `messages:` in content). */
  | 'message'
  /** A known message shape: a rules-extension stack trace, an exception type from an extension. */
  | 'shape'
  /** Words of its page (title, summary, causes): the weakest evidence. */
  | 'text'
  /** A near miss of a code written in the text. */
  | 'didYouMean'
  /** A build number: the version checker answers it. */
  | 'build';

export interface Reason {
  kind: ReasonKind;
  /** The part of the paste that gave it, as read (at most 120 characters). */
  text: string;
  /** For an event number that two sources log: how the source was chosen. */
  source?: 'named' | 'words' | 'unknown';
  /** For message and text matches: how much of it matched, 0..1. */
  quality?: number;
}

export interface Candidate {
  target: Target;
  reason: Reason;
  /** Higher is better; only the order is meaningful. */
  score: number;
  /** Where the evidence starts in the text (ties only). */
  at: number;
}

export interface FoundHresult extends DecodedHresult {
  /** True when the catalog has a page for it. */
  inCatalog: boolean;
}

export interface PasteReading {
  /** The text as read: Unicode-normalized, at most MAX_QUERY characters. */
  input: string;
  truncated: boolean;
  /** The key of the whole input ("" when there is nothing in it). */
  normalized: string;
  /** Ranked, best first, one per page. */
  candidates: Candidate[];
  /** Every failure HRESULT read, in order of appearance, decoded. */
  hresults: FoundHresult[];
  /** Event numbers that more than one source logs and that the paste did not settle. */
  ambiguous: { number: string; sources: string[] }[];
  /** The paste's distinctive words, for a full-text search when the catalog has no code for it. */
  terms: string[];
}

// ------------------------------------------------------------------------------------------------
// The message index (loaded only for pasted text)

/** What lookup-messages.json holds. */
export interface PackedMessages {
  v: 1;
  /** [code slug, product message text] */
  m: [string, string][];
  /** [code slug, stems of its page words; its title's stems come first, before a "|"] */
  c: [string, string][];
  /** [step slug, title in the page language, stems of its words, title stems first as in c] */
  s: [string, string, string][];
}

export interface MessageSource {
  slug: string;
  messages: string[];
  /** Title, summary, causes and aliases, in every language. */
  words: string[];
  /** The title in every language: its words say what the page is about, so they weigh more. */
  titles?: string[];
}
export interface StepSource {
  slug: string;
  title: string;
  words: string[];
  titles?: string[];
}

interface Message {
  slug: string;
  text: string;
  grams: string[];
}
interface Doc {
  step?: { slug: string; title: string };
  slug: string;
  stems: Set<string>;
  title: Set<string>;
}
export interface MessageIndex {
  messages: Message[];
  gramDf: Map<string, number>;
  docs: Doc[];
  stemDf: Map<string, number>;
  avgDocLength: number;
}

const STOP = new Set(
  (
    'the a an and or of to in on for is are was were be been by with from at as it its this that these those ' +
    'not no can could cannot will would may might has have had do does did there their than then which who ' +
    'when what where why how if so any all some more most other such only also into out up use used using ' +
    'you your we our they them he she his her i me my one two per via' +
    ' och att det den detta som är var för med på av till från om inte har kan ska eller ett en de du ' +
    'vi sig så när vid hos under efter innan eftersom men samt också alla andra bara där här vad vilken'
  ).split(/\s+/),
);

/** Placeholders in message text (`…`, `...`, `%1`) split it into parts that must match in order. */
const PLACEHOLDER = /…|\.{3}|%\d+/g;

/** Word tokens of a text for message matching: lower case, no numbers (they differ per system). */
function wordsOf(s: string): string[] {
  const out: string[] = [];
  for (const w of foldHyphens(s).toLowerCase().match(WORD) ?? []) if (!/\d/.test(w)) out.push(w);
  return out;
}

function gramsOf(words: string[], into: Set<string>): void {
  for (let i = 1; i < words.length; i++) into.add(`${words[i - 1]} ${words[i]}`);
}

/**
 * Inflection endings of English and Swedish, longest first: "rights" and "right",
 * "nyetablerade" and "nyetablerat", "agentens" and "agent" meet. One is taken off a word of
 * six letters or more, keeping at least four.
 */
const ENDINGS = [
  'arnas',
  'ernas',
  'arna',
  'erna',
  'ande',
  'ende',
  'ing',
  'ade',
  'ies',
  'ens',
  'ets',
  'ats',
  'ed',
  'es',
  'en',
  'et',
  'er',
  'ar',
  'or',
  'at',
  'ad',
  'na',
  'ly',
  's',
  'e',
  'a',
];
/** A crude stemmer for English and Swedish: one ending off, then the first seven letters. */
function stem(w: string): string {
  if (w.length >= 6)
    for (const e of ENDINGS)
      if (w.endsWith(e) && w.length - e.length >= 4) {
        w = w.slice(0, w.length - e.length);
        break;
      }
  return w.length > 7 ? w.slice(0, 7) : w;
}

function stemsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(s)) if (w.length >= 3 && !STOP.has(w)) out.add(stem(w));
  return out;
}

type Both = { en: string; sv: string };
/** The words of a code's page in both languages (title, summary, causes, aliases). */
export function codeWords(c: {
  data: { title: Both; summary: Both; causes: Both[]; aliases: string[] };
}): string[] {
  const d = c.data;
  const both = (x: Both) => [plainText(x.en), plainText(x.sv)];
  return [...both(d.title), ...both(d.summary), ...d.causes.flatMap(both), ...d.aliases];
}

/** The words of a step page in both languages (title and summary). */
export function stepWords(s: { title: Both; summary: Both }): string[] {
  return [s.title.en, s.title.sv, s.summary.en, s.summary.sv].map(plainText);
}

export function packMessages(codes: MessageSource[], steps: StepSource[]): PackedMessages {
  return {
    v: 1,
    m: codes.flatMap((c) => c.messages.map((m): [string, string] => [c.slug, m])),
    c: codes.map((c) => [c.slug, packStems(c.titles ?? [], c.words)]),
    s: steps.map((s) => [s.slug, s.title, packStems(s.titles ?? [s.title], [s.title, ...s.words])]),
  };
}

/** Title stems, "|", then the page's other stems. */
function packStems(titles: string[], words: string[]): string {
  const title = stemsOf(titles.join(' '));
  const rest = [...stemsOf(words.join(' '))].filter((w) => !title.has(w));
  return title.size ? `${[...title].join(' ')} | ${rest.join(' ')}` : rest.join(' ');
}
function unpackStems(packed: string): { stems: Set<string>; title: Set<string> } {
  const bar = packed.indexOf('|');
  const title = new Set(bar < 0 ? [] : packed.slice(0, bar).split(' ').filter(Boolean));
  const stems = new Set(packed.split(' ').filter((w) => w && w !== '|'));
  return { stems, title };
}

export function unpackMessages(packed: PackedMessages): MessageIndex {
  if (!packed || !Array.isArray(packed.m)) throw new Error('lookup messages: not a packed message index');
  const messages: Message[] = packed.m.map(([slug, text]) => {
    const grams = new Set<string>();
    for (const part of text.split(PLACEHOLDER)) gramsOf(wordsOf(part), grams);
    return { slug, text, grams: [...grams] };
  });
  const gramDf = new Map<string, number>();
  for (const m of messages) for (const g of m.grams) gramDf.set(g, (gramDf.get(g) ?? 0) + 1);
  const docs: Doc[] = [
    ...packed.c.map(([slug, stems]) => ({ slug, ...unpackStems(stems) })),
    ...packed.s.map(([slug, title, stems]) => ({ slug, step: { slug, title }, ...unpackStems(stems) })),
  ];
  const stemDf = new Map<string, number>();
  let total = 0;
  for (const d of docs) {
    total += d.stems.size;
    for (const w of d.stems) stemDf.set(w, (stemDf.get(w) ?? 0) + 1);
  }
  return { messages, gramDf, docs, stemDf, avgDocLength: docs.length ? total / docs.length : 1 };
}

// ------------------------------------------------------------------------------------------------
// Patterns over the pasted text (lower case, hyphens folded). All linear.

/**
 * An event ID after a word that names it: "Event ID: 6025", "EventID 6025", "events 6801, 6803
 * and 6110", "Event IDs 6903", "error 6032", "händelse-ID 6025", "felet **6025**", JSON
 * `"EventID": 6025`. The number may run into the next word ("Event ID: 6025Task Category", a box
 * that dropped the line breaks), but not into a digit, a decimal part, a time or a date.
 */
const EVENT_AFTER_WORD =
  /(?:events?(?:[ \t]?-?[ \t]?ids?)?|eventids?|h[äa]ndelse(?:r|n)?(?:-?id)?|errors?|fel(?:et|kod)?)[ \t]*(?:[:#="'*([]{1,3}[ \t]*)?(\d{3,5}(?:[ \t]*(?:,|and|och|or|eller|&|\/)[ \t]*\d{3,5})*)(?!\d|[.,:/]\d)/g;
/** Event Viewer XML: `<EventID Qualifiers="49152">6309</EventID>`. */
const EVENT_XML = /<eventid[^>]{0,80}>[ \t\r\n]{0,20}(\d{1,5})(?!\d)/g;
/** The number before the word: "6803 is logged when…", "6903 is the event that…". */
const EVENT_BEFORE_WORD =
  /(?<![\d.,:/-])(\d{3,5})[ \t](?:(?:is|was|are|gets|has been)[ \t])?(?:(?:the|an|a)[ \t])?(?:event|logged|h[äa]ndelse)/g;
/** A number alone in the first cell of a table row: "|6900|FIMSynchronizationService|…", "6000 |". */
const EVENT_TABLE_CELL = /(?:^|\n)[ \t]{0,8}\|?[ \t]{0,8}(\d{3,5})[ \t]{0,8}\|/g;
/**
 * HRESULTs: 0x + 8 hex digits; 8 bare hex digits starting 80 (as event logs print them); signed
 * decimal (.NET's HResult); unsigned decimal. Never a part of a GUID, a longer hex run or a word.
 */
const HRESULT_TOKEN =
  /(?<![0-9a-z_{-])(0x[0-9a-f]{8}|80[0-9a-f]{6}|-21\d{8}|[1-4]\d{9})(?![0-9a-z_}]|-[0-9a-f])/g;
/** A build number: 4.4.1459.0, 4.1.3766, 1.1.1301.0 (not an IP address, a date or a file version of something else). */
const BUILD = /(?<![\d.])([1-6])\.(\d{1,3})\.(\d{2,5})(?:\.(\d{1,5}))?(?!\d|\.\d)/g;

/** The words just before a build number that say it is one: "Build 4.3.2195.0", "Version - 4.6.673", "versionen 4.6.607.0". */
const BUILD_CONTEXT =
  /\b(?:version\w{0,6}|build|versio\w{0,6}|v|ver|release|rollup|hotfix|update|uppdatering\w{0,3})[ \t]{0,3}(?:[:#=-][ \t]{0,3})?$/;
/** The words just before a number that say it is an error code ("failed with error 8007…"). */
const ERROR_CONTEXT = /(?:error|hresult|\bhr|code|fail\w*|returned|exception|fel\w*)[^a-z0-9]{0,12}$/;
/** A run-profile name or a hash is not an HRESULT, whatever it looks like. */
const NOT_HRESULT_CONTEXT =
  /(?:profile[^a-z0-9]{0,12}(?:name[^a-z0-9]{0,6})?|hash|sha1|sha256|md5|thumbprint)[^a-z0-9]{0,6}$/;

/** Event sources and the words that name each in a paste. */
const SOURCE_NAMES: ReadonlyMap<string, { named: string[]; words: string[] }> = new Map([
  [
    'fimsynchronizationservice',
    {
      named: ['fimsynchronizationservice', 'adsync', 'miiserver'],
      words: [
        'management agent',
        'run profile',
        'synchronization engine',
        'sync engine',
        'synchronization service',
        'forefront identity manager',
        'microsoft identity manager',
        'synkroniseringstjänst',
        'hanteringsagent',
      ],
    },
  ],
  [
    'pcnssvc',
    { named: ['pcnssvc'], words: ['pcns', 'password change notification', 'lösenordsändringsmeddelande'] },
  ],
  [
    'directory synchronization',
    {
      named: ['directory synchronization', 'directorysynchronization'],
      words: ['dirsync', 'azure active directory', 'azure ad', 'entra', 'password hash synchronization'],
    },
  ],
]);

/**
 * Known message shapes that name their code even without it: the stack trace of a rules
 * extension, and exception types that extensions and the FIM Service MA raise. `all` must all be
 * in the text; any one of `any` as well, when given.
 */
const SHAPES: readonly { slug: string; any: string[]; all?: string[]; what: string }[] = [
  {
    // The Stack Trace dialog of a rules extension: its header lines, or a frame of a rules
    // extension interface (IMASynchronization, IMVSynchronization).
    slug: 'extension-dll-exception',
    any: [
      'extension file name',
      'extension context',
      'extension-callsite',
      'imvsynchronization.',
      'imasynchronization.',
      'microsoft.metadirectoryservices.objectalreadyexistsexception',
      'microsoft.metadirectoryservices.unexpecteddataexception',
    ],
    what: 'rules-extension stack trace',
  },
  {
    // A stack trace through an ECMA 1 (extensible) connector interface, or through SharePoint's
    // profile synchronization connector, which is one: the engine logs it as event 6801 ("The
    // extensible extension returned an unsupported error"), as the kanap.net and
    // sharepointwikipedia copies of such entries show.
    slug: 'sync-event-6801',
    any: [
      'imaextensiblefileimport.',
      'imaextensiblefileexport.',
      'imaextensiblecallexport.',
      'microsoft.office.server.userprofiles.managementagent.',
    ],
    what: 'extensible connector stack trace',
  },
  {
    // An ECMA (extensible) connector threw: its own exception type.
    slug: 'stopped-extensible-extension-error',
    any: ['extensibleextensionexception'],
    what: 'extensible connector exception',
  },
  {
    // The Exchange provisioning extension failed per object, after the entry was exported.
    slug: 'ma-extension-error',
    any: ['afterexportentrytocd', 'exportentrytocd()'],
    what: 'export extension error on one object',
  },
  {
    // The Exchange provisioning extension could not open its remote PowerShell session: the
    // export step stops.
    slug: 'stopped-extension-dll-exception',
    any: ['psremotingtransportexception', 'winrm cannot process', 'beginexporttocd'],
    what: 'export extension could not start',
  },
  {
    // The FIM Service MA cannot reach the FIM Service (WCF transport errors).
    slug: 'stopped-server',
    any: [
      'endpointnotfoundexception',
      'there was no endpoint listening',
      'system.servicemodel.communicationexception',
      'system.servicemodel.security.',
      'system.data.sqlclient.sqlexception',
    ],
    what: 'FIM Service MA connection or SQL exception',
  },
  {
    // The FIM Service refused one object: a fault from its web service.
    slug: 'failed-creation-via-web-services',
    any: [
      'valueviolatesuniqueness',
      'attributefailurecode',
      'invalidrepresentationexception',
      'fault reason:',
    ],
    what: 'FIM Service fault for one object',
  },
  {
    slug: 'failed-modification-via-web-services',
    any: ['fault reason:', 'faultexception'],
    what: 'FIM Service fault for one object',
  },
];

/** Generic words of Event Viewer entries and logs: never distinctive for a full-text search. */
const LOG_WORDS = new Set(
  (
    'log name application source date level error errors keywords classic user computer description task ' +
    'category event none information warning details type message server stack trace exception system ' +
    'microsoft identity manager forefront failed failure http https www'
  ).split(' '),
);

// ------------------------------------------------------------------------------------------------
// Scoring

const SPECIFIC: Record<CodeKind, number> = {
  'object-error': 40,
  'run-error': 40,
  'event-id': 30,
  hresult: 20,
  'run-status': 10,
};
/** How much each kind of evidence is worth before the code's own specificity. */
const BASE = {
  exact: 1000,
  code: 300,
  element: 280,
  event: 300,
  hresult: 300,
  shape: 200,
  build: 150,
  calledBuild: 240,
  family: 260,
  sureNearMiss: 220,
} as const;

const specificity = (e: LookupEntry) => SPECIFIC[e.k] - (e.w ? 60 : 0) - (e.u ? 5 : 0);

function targetId(t: Target): string {
  return t.type === 'code'
    ? `c:${t.entry.s}`
    : t.type === 'step'
      ? `s:${t.slug}`
      : `v:${t.line}:${t.version}`;
}

const clip = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

// ------------------------------------------------------------------------------------------------
// The reader

interface Token {
  w: string;
  start: number;
  end: number;
}

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
  const addEntry = (e: LookupEntry, reason: Reason, base: number, at: number) =>
    add({ type: 'code', entry: e }, reason, base + specificity(e), at);
  // Page words say what a text is about, not which code it reports: how well they match decides,
  // and the kind of code does not (a weak match on an object error never beats a strong one on a
  // step). A wrapper or an unverified page still yields.
  const addText = (hit: PageHit, base: number) => {
    const reason: Reason = { kind: 'text', text: '', quality: hit.quality };
    const score = base + 100 * hit.quality + TEXT_KIND_BONUS;
    if (hit.step) return add({ type: 'step', slug: hit.step.slug, title: hit.step.title }, reason, score, 0);
    const e = entryBySlug(index, hit.slug);
    if (e) add({ type: 'code', entry: e }, reason, score - (e.w ? 30 : 0) - (e.u ? 5 : 0), 0);
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

  // 3. Codes written in the text: hyphenated, with _ or =, or as words.
  readCodeWords(s, tokens, index, short, addEntry);

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
  const seenHr = new Set<string>();
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

  // 6. Build numbers go to the version checker.
  for (const m of s.matchAll(BUILD)) {
    const parts = [m[1], m[2], m[3], m[4] ?? '0'].map(Number);
    if (parts.some((p) => p > 65535)) continue;
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
  if (!whole.length) readNearMisses(s, tokens, normalized, index, byId, addEntry);

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

/**
 * Per map, computed once: every word-prefix of a multi-word key ("stopped", "stopped-server",
 * …), the words keys are made of, and each word key split into its words.
 */
interface KeyShapes {
  prefixes: Set<string>;
  vocabulary: Set<string>;
  wordKeys: { key: string; words: string[] }[];
}
const keyShapes = new WeakMap<LookupIndex, KeyShapes>();
function shapesOf(index: LookupIndex): KeyShapes {
  let k = keyShapes.get(index);
  if (!k) {
    const prefixes = new Set<string>();
    const vocabulary = new Set<string>();
    const wordKeys: { key: string; words: string[] }[] = [];
    for (const key of index.keys.keys()) {
      if (/^(?:0x[0-9a-f]{8}|\d+)$/.test(key)) continue;
      const words = key.split('-');
      wordKeys.push({ key, words });
      for (const w of words) vocabulary.add(w);
      for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join('-'));
    }
    keyShapes.set(index, (k = { prefixes, vocabulary, wordKeys }));
  }
  return k;
}

/** The separator between two words: a joiner (-, _, =, with spaces or markdown around it), a space, or a break. */
function separator(s: string, from: number, to: number): 'join' | 'space' | 'break' {
  if (to - from > 8) return 'break';
  const sep = s.slice(from, to);
  if (/^[ \t]+$/.test(sep)) return 'space';
  if (/^[ \t*\\]*[-_=][-_= \t*\\]*$/.test(sep)) return 'join';
  return 'break';
}

const OPEN = new Set([...'>"\'“‘«`=:|[(']);
const CLOSE = new Set([...'<"\'”’»`,;.|)]']);
const CALLED = /^[ \t"'”’*]*(?:error|errors|status|fel|felet|status|result|resultat)\b/;

function readCodeWords(
  s: string,
  tokens: Token[],
  index: LookupIndex,
  short: boolean,
  addEntry: (e: LookupEntry, r: Reason, base: number, at: number) => void,
) {
  const { prefixes } = shapesOf(index);
  readFamilies(s, tokens, index, addEntry);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let matched = 0;
    // A code glued to the text before it, as a console copy gives ("DN is
    // unavailablemissing-anchor-component"): the end of the word begins a code and the next word
    // is joined to it by a hyphen.
    let glued = 0;
    if (!prefixes.has(t.w) && t.w.length > 4 && i + 1 < tokens.length && !/\d/.test(t.w)) {
      if (separator(s, t.end, tokens[i + 1]!.start) === 'join')
        for (let k = Math.max(1, t.w.length - 24); k <= t.w.length - 3; k++)
          if (prefixes.has(t.w.slice(k))) {
            glued = k;
            break;
          }
    }
    const first = glued ? t.w.slice(glued) : t.w;
    if (prefixes.has(first)) {
      // Extend while the words so far begin some key; then take the longest that is a key, so
      // stopped-extension-dll-exception never yields extension-dll-exception.
      const keys: string[] = [first];
      const seps: ('join' | 'space')[] = [];
      for (let j = i + 1; j < tokens.length; j++) {
        const sep = separator(s, tokens[j - 1]!.end, tokens[j]!.start);
        if (sep === 'break') break;
        const key = `${keys[keys.length - 1]}-${tokens[j]!.w}`;
        if (!prefixes.has(key) && !index.keys.has(key)) break;
        seps.push(sep);
        keys.push(key);
        if (!prefixes.has(key)) break;
      }
      for (let n = keys.length; n >= 2; n--) {
        const list = entriesFor(index, keys[n - 1]!);
        if (!list.length) continue;
        const end = i + n;
        const joinedAll = seps.slice(0, n - 1).every((x) => x === 'join');
        // A glued code counts only when it is written whole, with hyphens, and has three words
        // or more: "unavailablemissing-anchor-component", never "reconnect-to" read as "connect-to".
        if (glued && (!joinedAll || n < 3)) continue;
        const from = t.start + glued;
        const to = tokens[end - 1]!.end;
        const written = s.slice(from, to);
        let base: number;
        let kind: ReasonKind;
        if (joinedAll || short) {
          base = BASE.code;
          kind = 'code';
        } else {
          // Words: a phrase such as "access denied" may be plain English, so it counts less,
          // unless it is quoted, long, or called an error or a status.
          base = 150 + (n >= 3 ? 30 : 0);
          if (OPEN.has(s[from - 1] ?? '') || CALLED.test(s.slice(to, to + 12))) base += 30;
          kind = 'words';
        }
        for (const e of list)
          if (e.k !== 'event-id' && e.k !== 'hresult') addEntry(e, { kind, text: clip(written) }, base, from);
        matched = n;
        break;
      }
    }
    if (matched) {
      i += matched - 1;
      continue;
    }
    // A one-word code ("success") only where it is clearly a value: element text, quoted, or a
    // query of a few words.
    if (/\d/.test(t.w)) continue;
    const list = entriesFor(index, t.w).filter((e) => e.k !== 'event-id' && e.k !== 'hresult');
    if (!list.length) continue;
    const enclosed = OPEN.has(s[t.start - 1] ?? '') && (t.end >= s.length || CLOSE.has(s[t.end] ?? ''));
    const valueOf = /(?:result|status|resultat)[^a-z0-9\n]{0,12}$/.test(
      s.slice(Math.max(0, t.start - 20), t.start),
    );
    if (enclosed || valueOf || short)
      for (const e of list) addEntry(e, { kind: 'element', text: t.w }, BASE.element, t.start);
  }
}

/**
 * A family of codes written with a wildcard, as Microsoft's pages do ("completed-\\*-errors",
 * "completed-*-errors"): every code that starts with the words before the `*` and ends with the
 * words after it, when there are a few. Both sides are needed: "stopped-*" alone names too many.
 */
function readFamilies(
  s: string,
  tokens: Token[],
  index: LookupIndex,
  addEntry: (e: LookupEntry, r: Reason, base: number, at: number) => void,
) {
  const { wordKeys } = shapesOf(index);
  // At most eight wildcards are read: each one is compared with every code.
  for (let i = 0, found = 0; i + 1 < tokens.length && found < 8; i++) {
    const gap = s.slice(tokens[i]!.end, tokens[i + 1]!.start);
    if (gap.length > 8 || !WILDCARD_GAP.test(gap)) continue;
    found++;
    const before: string[] = [tokens[i]!.w];
    for (
      let j = i;
      j > 0 && before.length < 4 && separator(s, tokens[j - 1]!.end, tokens[j]!.start) === 'join';
      j--
    )
      before.unshift(tokens[j - 1]!.w);
    const after: string[] = [tokens[i + 1]!.w];
    for (
      let j = i + 1;
      j + 1 < tokens.length &&
      after.length < 4 &&
      separator(s, tokens[j]!.end, tokens[j + 1]!.start) === 'join';
      j++
    )
      after.push(tokens[j + 1]!.w);
    const members = wordKeys.filter(
      ({ words }) =>
        words.length > before.length + after.length &&
        before.every((w, k) => words[k] === w) &&
        after.every((w, k) => words[words.length - after.length + k] === w),
    );
    if (!members.length || members.length > 6) continue;
    const from = tokens[i - before.length + 1]!.start;
    const text = clip(s.slice(from, tokens[i + after.length]!.end));
    for (const { key } of members)
      for (const e of entriesFor(index, key))
        if (e.k !== 'event-id' && e.k !== 'hresult') addEntry(e, { kind: 'code', text }, BASE.family, from);
  }
}
/** The gap of a wildcard between two words: a `*` with a hyphen on at least one side. */
const WILDCARD_GAP = /^[ \t\\]{0,3}(?:-[ \t\\]{0,3}\*|\*[ \t\\]{0,3}-)[ \t\\-]{0,4}$/;

function readNearMisses(
  s: string,
  tokens: Token[],
  normalized: string,
  index: LookupIndex,
  byId: Map<string, Candidate>,
  addEntry: (e: LookupEntry, r: Reason, base: number, at: number) => void,
) {
  // Hyphenated groups in the text that are not codes but use the words codes are made of, plus
  // the whole query when it is one word.
  const { vocabulary, wordKeys } = shapesOf(index);
  const groups: { key: string; words: string[]; at: number; text: string }[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length && groups.length < 8) {
    let j = i + 1;
    while (j < tokens.length && separator(s, tokens[j - 1]!.end, tokens[j]!.start) === 'join') j++;
    if (j - i >= 2 && j - i <= 10) {
      const words = tokens.slice(i, j).map((x) => x.w);
      const key = words.join('-');
      const known = words.filter((w) => vocabulary.has(w)).length;
      if (
        !seen.has(key) &&
        !index.keys.has(key) &&
        key.length >= 6 &&
        known >= Math.min(2, words.length - 1)
      ) {
        seen.add(key);
        groups.push({
          key,
          words,
          at: tokens[i]!.start,
          text: s.slice(tokens[i]!.start, tokens[j - 1]!.end),
        });
      }
    }
    i = j;
  }
  if (/^[\p{L}\p{N}-]{4,80}$/u.test(normalized) && !index.keys.has(normalized) && !seen.has(normalized))
    groups.push({ key: normalized, words: normalized.split('-'), at: 0, text: normalized });
  if (!groups.length) return;
  const covered = new Set([...byId.values()].map((c) => (c.target.type === 'code' ? c.target.entry.s : '')));
  for (const g of groups) {
    const cap = g.key.length < 8 ? 1 : 2;
    const scored: { d: number; key: string; short: boolean }[] = [];
    for (const { key, words } of wordKeys) {
      let d = Math.abs(key.length - g.key.length) > cap ? cap + 1 : editDistance(g.key, key, cap);
      // A shortened name ("stopped-dll-exception"): every word of it, in order, inside a code.
      const short = d > cap && g.words.length >= 2 && isSubsequence(g.words, words);
      if (short) d = cap;
      if (d <= cap) scored.push({ d, key, short: short && g.words.at(-1) === words.at(-1) });
    }
    scored.sort((a, b) => a.d - b.d || a.key.length - b.key.length || a.key.localeCompare(b.key));
    // One code only, written with hyphens inside the text: a shortened name that keeps the code's
    // first and last words ("stopped-dll-exception"), or a long name one edit away
    // ("stopped-extention-dll-exception"). That is the code the writer means, not a guess.
    const sure =
      scored.length === 1 &&
      g.words.length >= 2 &&
      ((scored[0]!.short && g.words.length >= 3) || (scored[0]!.d <= 1 && g.key.length >= 12));
    for (const { d, key } of scored.slice(0, 5))
      for (const e of entriesFor(index, key))
        if (!covered.has(e.s))
          addEntry(
            e,
            { kind: 'didYouMean', text: clip(g.text) },
            sure ? BASE.sureNearMiss : 100 - 15 * d - SPECIFIC[e.k] + 10,
            g.at,
          );
  }
}

function isSubsequence(short: string[], long: string[]): boolean {
  if (short.length >= long.length) return false;
  let j = 0;
  for (const w of long) if (w === short[j]) j++;
  return j === short.length && short[0] === long[0];
}

/** Message text (bigrams of words, weighted by rarity) and page words (stems). */
function readMessages(
  s: string,
  index: MessageIndex,
  found: (slug: string, quality: number, text: string, at: number) => void,
): void {
  const words = wordsOf(s);
  const grams = new Set<string>();
  gramsOf(words, grams);
  const M = Math.max(index.messages.length, 1);
  const idf = (g: string) => Math.log(1 + M / (index.gramDf.get(g) ?? 0.5));
  let pasteWeight = 0;
  for (const g of grams) pasteWeight += idf(g);
  for (const m of index.messages) {
    if (!m.grams.length) continue;
    let matched = 0;
    let count = 0;
    let total = 0;
    for (const g of m.grams) {
      const w = idf(g);
      total += w;
      if (grams.has(g)) {
        matched += w;
        count++;
      }
    }
    if (count < 2 || (count < 3 && count < m.grams.length)) continue;
    // The whole message inside a longer paste, or a paste that is part of the message (truncated).
    const quality = Math.min(1, Math.max(matched / total, matched / Math.max(pasteWeight, 1e-9)));
    if (quality >= 0.5) found(m.slug, quality, m.text, 0);
  }
}

/** The paste's distinctive words: rare ones the site knows first, at most eight. */
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

const TITLE_WEIGHT = 1.5;
/** What page-word evidence adds before its quality: the middle of the old per-kind range. */
const TEXT_KIND_BONUS = 40;
type PageHit = { slug: string; step?: { slug: string; title: string }; quality: number };

/** Weak evidence: page words (title, summary, causes of a code; title and summary of a step). */
export function readPageWords(
  s: string,
  index: MessageIndex,
  /** The last resort when nothing else matched: one shared word is enough, any quality. */
  relaxed = false,
): PageHit[] {
  const paste = stemsOf(s);
  const N = index.docs.length;
  const idf = (w: string) => Math.log(1 + N / (index.stemDf.get(w) ?? N));
  let possible = 0;
  const known: string[] = [];
  for (const w of paste)
    if (index.stemDf.has(w)) {
      known.push(w);
      possible += idf(w);
    }
  if (known.length < (relaxed ? 1 : 2)) return [];
  const out: PageHit[] = [];
  for (const d of index.docs) {
    let m = 0;
    let count = 0;
    for (const w of known)
      if (d.stems.has(w)) {
        // A word of the page's title says more than one from its body.
        m += idf(w) * (d.title.has(w) ? TITLE_WEIGHT : 1);
        count++;
      }
    if (count < (relaxed ? 1 : 2)) continue;
    // Longer pages match more words by chance: a BM25-style length norm.
    const norm = 1 / (0.25 + 0.75 * (d.stems.size / index.avgDocLength));
    const quality = Math.min(1, (m / possible) * Math.sqrt(norm));
    if (quality >= (relaxed ? 0 : 0.3))
      out.push({ slug: d.slug, ...(d.step ? { step: d.step } : {}), quality });
  }
  return out.sort((a, b) => b.quality - a.quality).slice(0, 4);
}
