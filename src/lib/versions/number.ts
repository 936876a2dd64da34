/**
 * Version numbers: reading the build an admin pastes ("4.6.607.0", "Version 4.6.607.0",
 * "4, 6, 607, 0", "Lotus Domino 5.3.0721", a whole PowerShell output) and comparing builds
 * number by number, never as text: 4.6.607.0 < 4.6.673.0 < 4.7.3.0.
 */
import { foldHyphens } from '../codes';

/** A version as four numbers; missing trailing parts are 0, so 4.6.607 equals 4.6.607.0. */
export type Version = readonly [number, number, number, number];

/** Windows file versions have four 16-bit parts. */
export const MAX_PART = 65535;
/** Longest text the checker reads; a version line with some context is far shorter. */
export const MAX_INPUT = 2000;

/**
 * Why a version written in a release record cannot be used, or undefined when it can. The
 * release schema shows this text to the author.
 */
export function versionProblem(s: string): string | undefined {
  if (!/^\d{1,10}(?:\.\d{1,10}){1,3}$/.test(s))
    return 'must be 2 to 4 numbers separated by dots, for example "4.6.607.0"';
  const big = s.split('.').find((p) => Number(p) > MAX_PART);
  if (big !== undefined)
    return `has the part ${big}, above ${MAX_PART}: each part of a Windows file version is a number from 0 to ${MAX_PART}`;
  return undefined;
}

/** Parses a version written as dotted numbers (2 to 4 parts); undefined when it is not one. */
export function parseVersion(s: string): Version | undefined {
  if (!/^\d{1,10}(?:\.\d{1,10}){1,3}$/.test(s)) return undefined;
  return toVersion(s.split('.'));
}

function toVersion(parts: string[]): Version | undefined {
  const n = parts.map(Number);
  if (n.length < 2 || n.length > 4 || n.some((p) => !Number.isInteger(p) || p < 0 || p > MAX_PART))
    return undefined;
  while (n.length < 4) n.push(0);
  return [n[0]!, n[1]!, n[2]!, n[3]!];
}

/** Negative, zero or positive, comparing part by part as numbers. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

export const formatVersion = (v: Version): string => v.join('.');

export type InputProblem =
  'empty' | 'too-long' | 'no-version' | 'too-few-parts' | 'too-many-parts' | 'part-too-large';

export type ReadBuild =
  | { ok: true; version: Version; found: string; connector?: string }
  | { ok: false; problem: InputProblem; found?: string };

// Runs of numbers joined by dots ("4.6.607.0"), or by commas as a version resource writes them
// ("4, 6, 607, 0"). Both are linear: no nested quantifiers that could backtrack.
const DOTTED = /\d+(?:\.\d+)+/g;
const COMMAS = /\d+(?:[ \t]*,[ \t]*\d+)+/g;

const nameKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** The connector named in the text, if any: "Lotus Domino 5.3.0721", "GenericLdap.dll 1.1.1431.0". */
export function findConnector(text: string, names: readonly string[]): string | undefined {
  const key = nameKey(text);
  return [...names]
    .sort((a, b) => nameKey(b).length - nameKey(a).length)
    .find((n) => nameKey(n) && key.includes(nameKey(n)));
}

/**
 * Finds the build number in pasted text. When the text holds several, a known build wins, then
 * the one with more parts (a full build over a date such as 2022.02.10), then the first.
 */
export function readBuild(
  input: string,
  options: { connectors?: readonly string[]; isKnown?: (v: Version) => boolean } = {},
): ReadBuild {
  if (typeof input !== 'string') return { ok: false, problem: 'empty' };
  if (input.length > MAX_INPUT) return { ok: false, problem: 'too-long' };
  // NFKC turns full-width digits and dots into ASCII; foldHyphens drops invisible characters.
  const text = foldHyphens(input.normalize('NFKC')).trim();
  if (!text) return { ok: false, problem: 'empty' };

  const valid: { v: Version; found: string; parts: number; index: number }[] = [];
  const rejected: Partial<Record<InputProblem, string>> = {};
  const consider = (found: string, parts: string[], index: number) => {
    if (parts.length > 4) return void (rejected['too-many-parts'] ??= found);
    if (parts.length < 3) return void (rejected['too-few-parts'] ??= found);
    const v = toVersion(parts);
    if (!v) return void (rejected['part-too-large'] ??= found);
    valid.push({ v, found, parts: parts.length, index });
  };
  for (const m of text.matchAll(DOTTED)) consider(m[0], m[0].split('.'), m.index);
  for (const m of text.matchAll(COMMAS)) {
    const parts = m[0].split(',').map((p) => p.trim());
    // Only the four-part form is a version; "see items 1, 2" is ordinary text. A run that
    // touches a dot belongs to a dotted number next to it.
    if (parts.length !== 4 || text[m.index - 1] === '.' || text[m.index + m[0].length] === '.') continue;
    consider(m[0], parts, m.index);
  }
  if (!valid.length) {
    for (const problem of ['too-many-parts', 'part-too-large', 'too-few-parts'] as const) {
      const found = rejected[problem];
      if (found !== undefined) return { ok: false, problem, found };
    }
    return { ok: false, problem: 'no-version' };
  }
  const known = (c: (typeof valid)[number]) => (options.isKnown?.(c.v) ? 1 : 0);
  valid.sort((a, b) => known(b) - known(a) || b.parts - a.parts || a.index - b.index);
  const best = valid[0]!;
  const connector = findConnector(text, options.connectors ?? []);
  return { ok: true, version: best.v, found: best.found, ...(connector ? { connector } : {}) };
}
