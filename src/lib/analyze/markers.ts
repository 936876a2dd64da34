/**
 * A light test for "this pasted text is a whole export", with no imports, so the lookup can ask
 * it without loading the analyzer: the root elements of run history, csexport, event XML and
 * preview, Entra run-profile properties, or several Event Viewer entries.
 */
const XML_ROOTS =
  /<(?:run-history|run-details|execution-histories|cs-objects?|Events|preview|provisioning)[\s>/]/;
const ENTRA = /"?(?:RunProfileName|RunHistoryId)"?\s*:/;
const EVENT_ENTRY = /(?:Log Name|Loggnamn)\s*:/g;

export function looksLikeExportText(text: string): boolean {
  if (text.length < 200) return false;
  const head = text.slice(0, 64 * 1024);
  if (XML_ROOTS.test(head) || ENTRA.test(head)) return true;
  return (head.match(EVENT_ENTRY) ?? []).length >= 2;
}
