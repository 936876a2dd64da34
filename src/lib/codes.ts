/**
 * One canonical form per code, defined once. The schema, the page's Pagefind attributes, the
 * lookup map and the browser all call these functions, so "6025", "Event ID 6025" and
 * "0x8023063D" mean the same thing everywhere.
 *
 * Pure TypeScript: no astro:*, no DOM. It is bundled into the browser lookup as well.
 */
import { idList } from './id-list';

/** The kinds of code in the catalog, in the order the catalog lists them. */
export const CODE_KINDS = idList('run-status run-error object-error event-id hresult');
export type CodeKind = (typeof CODE_KINDS)[number];

/** The parts of a MIM installation that report codes. */
export const COMPONENTS = idList(
  'sync-engine ecma-extension ecma2-connector fim-service-ma mim-service pcns sql',
);
export type Component = (typeof COMPONENTS)[number];

/** Product lines a page can apply to. */
export const APPLIES_TO = idList('mim-2016-sp3 mim-2016-sp2 mim-2016-sp1 mim-2016-rtm fim-2010-r2');
export type AppliesTo = (typeof APPLIES_TO)[number];

/** Release lines in the releases collection. */
export const RELEASE_LINES = idList('sync-service connectors');

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** True for a lower-case kebab-case id such as "pcns-event-6025" or "0x8023063d". */
export function isKebabId(s: string): boolean {
  return KEBAB.test(s);
}

/**
 * Hyphens and dashes people paste: U+2010 hyphen, U+2011 non-breaking hyphen (Microsoft Learn
 * prints codes with it), U+2012 figure dash, U+2013 en dash, U+2014 em dash, U+2015 horizontal
 * bar, U+2212 minus sign, U+FE63 small hyphen-minus, U+FF0D fullwidth hyphen-minus.
 */
const UNICODE_DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;
/** Soft hyphens (U+00AD) and zero-width or direction marks that ride along in copied text. */
const INVISIBLES = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Fold every Unicode hyphen or dash to ASCII "-" and drop invisible characters. */
export function foldHyphens(s: string): string {
  return s.replace(INVISIBLES, (ch) => (ch === '\u00AD' ? '-' : '')).replace(UNICODE_DASHES, '-');
}

/** HRESULT as 0x + 8 lower-case hex digits, from any written form; undefined if it is not one. */
export function parseHresult(input: string): string | undefined {
  const s = input.trim().toLowerCase();
  let value: number | undefined;
  if (/^0x[0-9a-f]{1,8}$/.test(s)) value = parseInt(s.slice(2), 16);
  // Eight hex digits with no prefix, as event logs print them ("8023063d"). A 32-bit failure
  // HRESULT has its top bit set, so it starts with 8-f; that keeps ordinary numbers out.
  else if (/^[89a-f][0-9a-f]{7}$/.test(s)) value = parseInt(s, 16);
  // Unsigned decimal: failure HRESULTs are 2147483648..4294967295 (ten digits).
  else if (/^\d{10}$/.test(s)) {
    const n = Number(s);
    if (n >= 0x80000000 && n <= 0xffffffff) value = n;
  }
  // Signed decimal, as .NET prints HResult: -2147483648..-1.
  else if (/^-\d{1,10}$/.test(s)) {
    const n = Number(s);
    if (n >= -0x80000000 && n <= -1) value = n + 0x100000000;
  }
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return '0x' + value.toString(16).padStart(8, '0');
}

/** Words (letters, marks, digits) in a text; everything else separates them. Linear. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text, lower-cased and joined by single hyphens: "Det gick inte = anslutning" -> "det-gick-inte-anslutning". */
export function tokenKey(s: string): string {
  return (foldHyphens(s).toLowerCase().match(WORD) ?? []).join('-');
}

const LEADING = new Set([...'"\'`<([*“”‘’«»„']);
const TRAILING = new Set([...'"\'`>)].,;:!?*“”‘’«»„']);

/**
 * The canonical form of one code as typed or pasted: trimmed, case folded, Unicode hyphens
 * folded, spaces in place of hyphens accepted, "Event ID 6025" read as "6025", and an HRESULT in
 * any form written as 0x + 8 hex digits. Returns "" for input with nothing in it.
 *
 * Every step is linear in the length of the input (the caller limits that length after
 * normalizing): quotes and punctuation are trimmed by index, not by a pattern that could retry
 * from every position of a long run of dots.
 */
export function normalizeCode(input: string): string {
  let s = foldHyphens(String(input ?? '').normalize('NFKC'))
    .trim()
    .toLowerCase();
  // "Event ID 6025", "EventID: 6025", "event 6025", "Händelse-ID 6025", "event id #6025".
  const ev = /^(?:event|h[äa]ndelse)[\s-]*(?:id[\s:#-]*|[:#][\s:#-]*)?(\d{1,5})$/.exec(s);
  if (ev) return String(Number(ev[1]));
  const hr = parseHresult(s.replace(/^hresult[\s:=-]*/, ''));
  if (hr) return hr;
  let start = 0;
  let end = s.length;
  while (start < end && LEADING.has(s[start]!)) start++;
  while (end > start && TRAILING.has(s[end - 1]!)) end--;
  s = s.slice(start, end);
  // Runs of spaces, underscores and hyphens become one hyphen; none at either end.
  s = s.replace(/[\s_-]+/g, '-');
  start = 0;
  end = s.length;
  while (start < end && s[start] === '-') start++;
  while (end > start && s[end - 1] === '-') end--;
  return s.slice(start, end);
}
