/**
 * The only markup allowed in YAML text fields: `backticks` for commands and code. The text is
 * split into parts here and rendered by components/Inline.astro, so Astro escapes every part and a
 * code record can never inject HTML into a page.
 */
export interface InlinePart {
  text: string;
  /** True for a part written in backticks, shown as <code>. */
  code: boolean;
}

/** Text split at `backticks`: plain parts and code parts, in order, with no empty parts. */
export function inlineParts(s: string): InlinePart[] {
  // split() with a capture group puts the captured code at the odd indices.
  return s
    .split(/`([^`]+)`/)
    .map((text, i) => ({ text, code: i % 2 === 1 }))
    .filter((p) => p.text !== '');
}

/** Plain text with the backticks removed, for meta descriptions and JSON. */
export function plainText(s: string): string {
  return s.replace(/`([^`]+)`/g, '$1');
}
