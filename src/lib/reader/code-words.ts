/**
 * Codes written inside text: hyphenated or as words ("a Duplicate Anchor error"), glued to the word
 * before, as a wildcard family ("completed-*-errors"), and near misses of them (did you mean).
 */
import { editDistance, entriesFor, type LookupEntry, type LookupIndex } from '../lookup';
import { BASE, clip, SPECIFIC, type Token } from './scoring';
import type { Candidate, Reason, ReasonKind } from './types';
import { stem } from './words';

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

/**
 * The separator between two words: a joiner (-, _, =, with spaces or markdown around it), a space,
 * or a break. A joiner at the end of a line still joins: tables and PDFs copied as text split a
 * code at its hyphen ("failed-" on one line, "connection" on the next).
 */
function separator(s: string, from: number, to: number): 'join' | 'space' | 'break' {
  if (to - from > 8) return 'break';
  const sep = s.slice(from, to);
  if (/^[ \t]+$/.test(sep)) return 'space';
  if (/^[ \t*\\]*[-_=][-_= \t*\\]*(?:\r?\n[ \t]*)?$/.test(sep)) return 'join';
  return 'break';
}

const OPEN = new Set([...'>"\'“‘«`=:|[(']);
const CLOSE = new Set([...'<"\'”’»`,;.|)]']);
/** What a code written as two plain words is worth before its specificity (BASE.code is 300). */
const PLAIN_TWO_WORDS = 110;
const CALLED = /^[ \t"'”’*]*(?:error|errors|status|fel|felet|status|result|resultat)\b/;

export function readCodeWords(
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
          // unless it is quoted, long, or called an error or a status. Two plain words count least
          // ("an unexpected error", "a type mismatch"): page words that match the whole text well
          // outrank them (for an object error, quality 0.7 and up).
          const named = OPEN.has(s[from - 1] ?? '') || CALLED.test(s.slice(to, to + 12));
          base = n >= 3 ? 180 + (named ? 30 : 0) : named ? 180 : PLAIN_TWO_WORDS;
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

export function readNearMisses(
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
  // Codes already found by real evidence need no did-you-mean; page words alone (kind 'text') do
  // not count, or a near miss of the very page the words point to would be dropped.
  const covered = new Set(
    [...byId.values()]
      .filter((c) => c.reason.kind !== 'text')
      .map((c) => (c.target.type === 'code' ? c.target.entry.s : '')),
  );
  for (const g of groups) {
    const cap = g.key.length < 8 ? 1 : 2;
    const scored: { d: number; key: string; short: boolean }[] = [];
    for (const { key, words } of wordKeys) {
      let d = Math.abs(key.length - g.key.length) > cap ? cap + 1 : editDistance(g.key, key, cap);
      // A shortened name ("stopped-dll-exception", "export-not-reimported"): every word of it, in
      // order and as the same stem, inside a code. Or one word too many ("no-start-no-partition-
      // delete"): every word of the code, in order, inside the name.
      const short =
        d > cap &&
        g.words.length >= 2 &&
        (isSubsequence(g.words, words) ||
          (g.words.length === words.length + 1 && words.length >= 3 && isSubsequence(words, g.words)));
      if (short) d = cap;
      if (d <= cap) scored.push({ d, key, short: short && sameWord(g.words.at(-1), words.at(-1)) });
    }
    scored.sort((a, b) => a.d - b.d || a.key.length - b.key.length || a.key.localeCompare(b.key));
    // One code only, written with hyphens inside the text: a shortened name that keeps the code's
    // first and last words ("stopped-dll-exception"), or a long name one edit away
    // ("stopped-extention-dll-exception"), or a longer one two edits away ("export-change-not-
    // reimported"). That is the code the writer means, not a guess.
    const sure =
      scored.length === 1 &&
      g.words.length >= 2 &&
      ((scored[0]!.short && g.words.length >= 3) ||
        (scored[0]!.d <= 1 && g.key.length >= 12) ||
        (scored[0]!.d <= 2 && g.key.length >= 18));
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

/** The same word, or two forms of it ("export", "exported"). */
const sameWord = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && (a === b || stem(a) === stem(b));

/** Every word of `short`, in order, in the longer `long`, starting with the same word. */
function isSubsequence(short: string[], long: string[]): boolean {
  if (short.length >= long.length) return false;
  let j = 0;
  for (const w of long) if (j < short.length && sameWord(w, short[j])) j++;
  return j === short.length && sameWord(short[0], long[0]);
}
