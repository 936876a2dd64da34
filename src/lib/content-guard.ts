/**
 * Checks on the raw bytes of every content file, run before Astro reads any of them (see
 * src/integrations/content-guard.ts). They catch what the loaders and schemas cannot see or
 * report only cryptically: a file saved in Windows-1252, a file name with capitals, a date that
 * YAML silently rolls over (2026-13-45 becomes 2027-02-14), characters that reverse the text on
 * screen, merge-conflict markers, and raw markup in MDX that would run script on a host without the CSP.
 *
 * Pure: it takes file names and bytes and returns problems, each naming the file, the line and
 * the fix.
 */

export interface RawFile {
  /** Path from the project root, with forward slashes: "content/codes/run-status/success.yaml". */
  file: string;
  bytes: Uint8Array;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The line (1-based) on which byte offset `at` falls. */
function lineOfByte(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that is not part of valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

const NAME = /^[a-z0-9]+(?:[-.][a-z0-9]+)*\.(?:ya?ml|mdx)$/;
const DATE_LINE = /^\s*(lastReviewed|date)\s*:\s*['"]?(\d{4})-(\d{1,2})(?:-(\d{1,2}))?['"]?\s*(?:#.*)?$/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const CONFLICT = /^(<{7}|={7}|>{7})(\s|$)/;
/** Raw HTML that runs script or styles itself, and links with a scheme that runs script. */
const MDX_MARKUP: [RegExp, string][] = [
  [/<\s*(script|iframe|object|embed|frame|frameset|form|base|meta|link|style)\b/i, 'a raw <$1> element'],
  [/<[a-z][^>]*\s(on[a-z]+)\s*=/i, 'an event-handler attribute ($1=)'],
  [/<[a-z][^>]*\sstyle\s*=/i, 'a style="" attribute'],
  [/\]\(\s*<?\s*(javascript|vbscript|data)\s*:/i, 'a $1: link'],
  [/\b(?:href|src)\s*=\s*["'{]?\s*["']?\s*(javascript|vbscript|data)\s*:/i, 'a $1: link'],
];

function isRealDate(y: number, m: number, d: number | undefined): boolean {
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

/** MDX text with fenced code blocks and inline code blanked out (line count kept), so examples pass. */
function proseOnly(text: string): string {
  const lines = text.split('\n');
  let fence: string | undefined;
  return lines
    .map((line) => {
      const m = /^\s*(```+|~~~+)/.exec(line);
      if (m) {
        if (!fence) fence = m[1][0];
        else if (m[1][0] === fence) fence = undefined;
        return '';
      }
      if (fence) return '';
      return line.replace(/`[^`]*`/g, '``');
    })
    .join('\n');
}

/** Every problem in the raw files, as "file:line: what. Fix: what to do." */
export function checkRawContent(files: RawFile[]): string[] {
  const problems: string[] = [];
  for (const { file, bytes } of files) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    if (!NAME.test(name)) {
      problems.push(
        `${file}: the file name "${name}" is not kebab-case. The name is the page's address and must be lower-case letters, digits and single hyphens. Fix: rename it to "${name.toLowerCase().replace(/[\s_]+/g, '-')}".`,
      );
    }
    const bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
      const byte = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
      problems.push(
        `${file}:${lineOfByte(bytes, bad)}: the file is not UTF-8 (byte 0x${byte}; Windows-1252 "ä", "ö" or a curly quote saved by an old editor). Fix: save the file as UTF-8 (Notepad: Save As, Encoding "UTF-8"; VS Code: "Reopen with Encoding" Windows 1252, then "Save with Encoding" UTF-8).`,
      );
      continue;
    }
    const text = decoder.decode(bytes);
    const lines = text.split('\n');
    const inFrontmatter = file.endsWith('.mdx');
    let frontmatterEnd = -1;
    if (inFrontmatter && lines[0]?.trim() === '---') {
      frontmatterEnd = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    }
    lines.forEach((line, i) => {
      const dataLine = file.endsWith('.mdx') ? i > 0 && i < frontmatterEnd : true;
      const m = dataLine ? DATE_LINE.exec(line) : null;
      if (m && !isRealDate(Number(m[2]), Number(m[3]), m[4] === undefined ? undefined : Number(m[4]))) {
        problems.push(
          `${file}:${i + 1}: ${m[1]} "${line.split(':').slice(1).join(':').trim()}" is not a real date (YAML would silently roll it over to another day). Fix: write a date that exists, YYYY-MM-DD, for example 2026-11-26.`,
        );
      }
      if (CONFLICT.test(line)) {
        problems.push(
          `${file}:${i + 1}: a merge-conflict marker ("${line.slice(0, 7)}") is left in the file. Fix: keep the text that is right, delete the markers and the other side, and build again.`,
        );
      }
      const bidi = BIDI.exec(line);
      if (bidi) {
        problems.push(
          `${file}:${i + 1}: a bidirectional control character (U+${bidi[0].codePointAt(0)!.toString(16).toUpperCase()}) reverses how the text is shown, so a reader sees something else than what is written. Fix: delete it (it is invisible: retype the line).`,
        );
      }
    });
    if (file.endsWith('.mdx')) {
      const body = proseOnly(lines.slice(frontmatterEnd + 1).join('\n')).split('\n');
      body.forEach((line, i) => {
        for (const [pattern, what] of MDX_MARKUP) {
          const m = pattern.exec(line);
          if (m) {
            problems.push(
              `${file}:${frontmatterEnd + 2 + i}: ${what.replace('$1', m[1])} in the page body. Pages are prose, links and code blocks; markup that can run script or restyle the page is not allowed (a host without our CSP would run it). Fix: remove it, or put it in a code block if it is an example.`,
            );
            break;
          }
        }
      });
    }
  }
  return problems;
}
