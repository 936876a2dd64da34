/**
 * The words of a text as the message index compares them: lower-case word tokens without
 * numbers, stop words of English and Swedish, word pairs, and a crude two-language stemmer.
 */
import { foldHyphens, WORD } from '../codes';

export const STOP = new Set(
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
export const PLACEHOLDER = /…|\.{3}|%\d+/g;

/** Word tokens of a text for message matching: lower case, no numbers (they differ per system). */
export function wordsOf(s: string): string[] {
  const out: string[] = [];
  for (const w of foldHyphens(s).toLowerCase().match(WORD) ?? []) if (!/\d/.test(w)) out.push(w);
  return out;
}

export function gramsOf(words: string[], into: Set<string>): void {
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
export function stem(w: string): string {
  if (w.length >= 6)
    for (const e of ENDINGS)
      if (w.endsWith(e) && w.length - e.length >= 4) {
        w = w.slice(0, w.length - e.length);
        break;
      }
  return w.length > 7 ? w.slice(0, 7) : w;
}

/**
 * The stems of a text's words. Given the vocabulary of the pages' stems, a compound word also
 * gives the stems of its two parts (compoundParts), so that "hanteringsagenten" meets "agent" and
 * "körfelkoder" meets "felkod".
 */
export function stemsOf(s: string, vocab?: Vocabulary): Set<string> {
  const out = new Set<string>();
  for (const w of wordsOf(s))
    if (w.length >= 3 && !STOP.has(w)) {
      out.add(stem(w));
      if (vocab) for (const p of compoundParts(w, vocab)) out.add(p);
    }
  return out;
}

export type Vocabulary = { has(stem: string): boolean };

/**
 * The parts of a compound word, as stems, when they are words the pages use: Swedish writes
 * compounds as one word ("diskutrymmet", "hanteringsagenten", "lösenordsändring") where a page may
 * use the parts on their own, and so do identifiers in English text ("ProxyAddresses",
 * "NullReferenceException"). The longest second part wins; a linking "s" ends the first part
 * ("hanterings|agenten"). A second part of under five letters, or one that starts with a
 * derivational suffix ("körn|ingen", "händ|else"), is a chance match, not a word. Each part is
 * split again, so a compound of three or more words ("ExportActionConvertUpdateToAdd") gives them
 * all; a part is at most 40 letters and at least 3, so this stays a bounded amount of work per word.
 */
export function compoundParts(w: string, vocab: Vocabulary): string[] {
  if (w.length < 8 || w.length > 40) return [];
  for (let k = 3; k <= w.length - 5; k++) {
    const tail = w.slice(k);
    if (SUFFIX_TAIL.test(tail)) continue;
    let head = w.slice(0, k);
    if (head.length > 4 && head.endsWith('s')) head = head.slice(0, -1);
    const h = stem(head);
    const t = stem(tail);
    if (vocab.has(t) && vocab.has(h))
      return [h, t, ...compoundParts(head, vocab), ...compoundParts(tail, vocab)];
  }
  return [];
}
const SUFFIX_TAIL = /^(?:ing|else|het)/;
