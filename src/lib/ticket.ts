/**
 * The "copy for ticket" block: a short plain-text summary a support engineer pastes into a
 * ticket, and the same as Markdown. The page carries TicketData (site paths, no host) in a data
 * attribute; the browser adds its own origin and builds the text when the reader copies it.
 */
/** What the page ships: everything but the absolute URLs. */
export interface TicketData {
  title: string;
  codes: string[];
  fix: string;
  /** Site path of the page, with base: "/mim-help/codes/6025/". */
  path: string;
  /** Site path of the step that fixes it. */
  fixPath?: string;
  labels: { code: string; codes: string; fix: string };
}

export interface TicketInput {
  /** Page title, e.g. "stopped-server: The run stopped on a server-side failure". */
  title: string;
  /** Codes the page is about (one for a code page, the main ones for a step). */
  codes: string[];
  /** The fix in one line. */
  fix: string;
  /** Absolute URL of the page. */
  url: string;
  /** Optional link for the fix (the step page), absolute. */
  fixUrl?: string;
  labels: { code: string; codes: string; fix: string };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function ticketText(t: TicketInput): string {
  const lines = [oneLine(t.title)];
  if (t.codes.length)
    lines.push(`${t.codes.length === 1 ? t.labels.code : t.labels.codes}: ${t.codes.join(', ')}`);
  lines.push(`${t.labels.fix}: ${oneLine(t.fix)}${t.fixUrl ? ` (${t.fixUrl})` : ''}`);
  lines.push(t.url);
  return lines.join('\n');
}

/** Markdown-escape text that goes inside link brackets or plain prose. */
export function mdEscape(s: string): string {
  return oneLine(s).replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function ticketMarkdown(t: TicketInput): string {
  const lines = [`**[${mdEscape(t.title)}](${t.url})**`];
  if (t.codes.length)
    lines.push(
      `${t.codes.length === 1 ? t.labels.code : t.labels.codes}: ${t.codes.map((c) => `\`${c}\``).join(', ')}`,
    );
  lines.push(`${t.labels.fix}: ${t.fixUrl ? `[${mdEscape(t.fix)}](${t.fixUrl})` : mdEscape(t.fix)}`);
  // Two trailing spaces keep the lines apart in every Markdown renderer.
  return lines.join('  \n');
}
