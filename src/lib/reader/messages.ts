/**
 * The message index (lookup-messages.json, loaded only for pasted text): the product's own message
 * strings of each code as word pairs, and the page words of every code and step as stems. Built at
 * build time (packMessages), unpacked in the browser (unpackMessages), and read against a paste
 * (readMessages: message text; readPageWords: page words, the weakest evidence).
 */
import { plainText } from '../inline';
import { gramsOf, PLACEHOLDER, stemsOf, wordsOf, type Vocabulary } from './words';

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

type Both = { en: string; sv: string };
/** The words of a code's page in both languages (title, summary, causes, aliases). */
export function codeWords(c: {
  data: { title: Both; summary: Both; causes: Both[]; aliases: string[] };
}): string[] {
  const d = c.data;
  const both = (x: Both) => [plainText(x.en), plainText(x.sv)];
  return [...both(d.title), ...both(d.summary), ...d.causes.flatMap(both), ...d.aliases];
}

/** The words of a step page in both languages: title, summary and, when given, its headings. */
export function stepWords(s: {
  title: Both;
  summary: Both;
  headings?: { en: readonly string[]; sv: readonly string[] };
}): string[] {
  const h = s.headings ?? { en: [], sv: [] };
  return [s.title.en, s.title.sv, s.summary.en, s.summary.sv, ...h.en, ...h.sv].map(plainText);
}

/**
 * The h2 and h3 headings of a step's MDX body as plain text (fenced code skipped; link text kept,
 * asterisks, backticks and tags dropped): they name the situations the step covers ("Password
 * export", "The MA account may not do it") in words its title and summary often lack.
 *
 * Read from the MDX source rather than from render()'s headings (src/data/toc.ts), because the
 * unit evaluation reads the content files without Astro: build and tests then score the same words.
 */
export function stepHeadings(body: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const f = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (!fence || (f[0] === fence[0] && f.length >= fence.length))) {
      fence = fence ? undefined : f;
      continue;
    }
    const m = fence ? null : /^#{2,3}\s+(.+?)(?:\s+#+)?\s*$/.exec(line);
    if (!m) continue;
    const text = m[1]!
      .replace(/\s*\{#[^}]*\}$/, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*?)(.+?)\1/g, '$2')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) out.push(text);
  }
  return out;
}

/**
 * Drops the headings most steps share (the page template's "Symptoms", "Fix", "Verify"): they say
 * nothing about which step a paste is about, yet would give every step words no code page has.
 */
export function situationHeadings(lists: readonly (readonly string[])[]): string[][] {
  const key = (h: string) => h.toLowerCase();
  const df = new Map<string, number>();
  for (const l of lists) for (const h of new Set(l.map(key))) df.set(h, (df.get(h) ?? 0) + 1);
  const shared = (h: string) => (df.get(key(h)) ?? 0) * 2 > lists.length;
  return lists.map((l) => l.filter((h) => !shared(h)));
}

export function packMessages(codes: MessageSource[], steps: StepSource[]): PackedMessages {
  // Every stem the pages use, so that a compound word of a page also counts as its parts
  // (stemsOf); a paste is split against the same vocabulary (readPageWords: the index's stems).
  const vocab = new Set<string>();
  for (const c of codes) for (const w of stemsOf([...(c.titles ?? []), ...c.words].join(' '))) vocab.add(w);
  for (const s of steps)
    for (const w of stemsOf([...(s.titles ?? []), s.title, ...s.words].join(' '))) vocab.add(w);
  return {
    v: 1,
    m: codes.flatMap((c) => c.messages.map((m): [string, string] => [c.slug, m])),
    c: codes.map((c) => [c.slug, packStems(c.titles ?? [], c.words, vocab)]),
    s: steps.map((s) => [s.slug, s.title, packStems(s.titles ?? [s.title], [s.title, ...s.words], vocab)]),
  };
}

/** Title stems, "|", then the page's other stems. */
function packStems(titles: string[], words: string[], vocab: Vocabulary): string {
  const title = stemsOf(titles.join(' '), vocab);
  const rest = [...stemsOf(words.join(' '), vocab)].filter((w) => !title.has(w));
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

/** Message text (bigrams of words, weighted by rarity) and page words (stems). */
export function readMessages(
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

const TITLE_WEIGHT = 1.5;
export type PageHit = { slug: string; step?: { slug: string; title: string }; quality: number };

/** Weak evidence: page words (title, summary, causes of a code; title, summary and headings of a step). */
export function readPageWords(
  s: string,
  index: MessageIndex,
  /** The last resort when nothing else matched: one shared word is enough, any quality. */
  relaxed = false,
): PageHit[] {
  const paste = stemsOf(s, index.stemDf);
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
