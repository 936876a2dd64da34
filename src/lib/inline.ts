/**
 * The only markup allowed in YAML text fields: `backticks` for commands and code. Everything
 * else is escaped, so a code record can never inject HTML into a page.
 */
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}
/** Escaped HTML with `text` turned into <code>text</code>. */
export function inlineMarkup(s: string): string {
  return escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');
}
/** Plain text with the backticks removed, for meta descriptions and JSON. */
export function plainText(s: string): string {
  return s.replace(/`([^`]+)`/g, '$1');
}
