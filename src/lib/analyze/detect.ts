/**
 * Which format a text is, from its content (never the file name): the earliest distinctive
 * marker in the first part of the input wins, so an Event Viewer entry with an "Event Xml:" tail
 * is event text and a Format-List paste with embedded XML is an Entra run-profile listing.
 */
import type { FormatId } from './model';
import { looksLikeEventCsv, looksLikeEventText } from './events';
import { looksLikeEntraJson, looksLikeEntraList } from './entra';
import { looksLikeExportText } from './markers';

/** How much of the input is looked at to decide. */
export const DETECT_CHARS = 64 * 1024;

const MARKERS: [FormatId, RegExp][] = [
  ['run-history', /<(?:run-history|run-details|execution-histories|step-details)[\s>/]/],
  ['csexport', /<cs-objects?[\s>/]/],
  ['event-xml', /<Events?[\s>]/],
  ['preview', /<(?:preview|provisioning|extension-error-info|export-flow-rules|import-flow-rules)[\s>/]/],
];

export function detectFormat(text: string): FormatId | 'unknown' {
  const head = text.slice(0, DETECT_CHARS).replace(/^\uFEFF/, '');
  const found: { f: FormatId; at: number }[] = [];
  for (const [f, re] of MARKERS) {
    const m = re.exec(head);
    if (m) found.push({ f, at: m.index });
  }
  if (looksLikeEntraJson(head)) found.push({ f: 'entra-json', at: head.search(/\S/) });
  if (looksLikeEntraList(head))
    found.push({
      f: 'entra-list',
      at: head.search(/^\s*(?:RunHistoryId|ConnectorName|RunProfileName)\s+:/m),
    });
  if (looksLikeEventCsv(head)) found.push({ f: 'event-csv', at: 0 });
  if (looksLikeEventText(head)) {
    const at = head.search(
      /^\s*(?:Log Name|Loggnamn|Source|Källa|Event ID|Händelse-ID)\s*:|^\s*[A-Za-z][\w .-]{1,80}?\s+Event\s+\d{1,5}\s*$/im,
    );
    found.push({ f: 'event-text', at: at < 0 ? 0 : at });
  }
  if (!found.length) return 'unknown';
  found.sort((a, b) => a.at - b.at);
  return found[0].f;
}

/** For the lookup: is this pasted text a whole export rather than a code or a log line? */
export function looksLikeExport(text: string): FormatId | undefined {
  if (!looksLikeExportText(text)) return undefined;
  const f = detectFormat(text);
  return f === 'unknown' ? undefined : f;
}
