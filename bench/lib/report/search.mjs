/** Part 2, search cost: its section of bench/RESULTS.md. */
import { heading, kb, ms, table } from './format.mjs';

export function searchSection(s) {
  const sc = s.scenarios;
  const out = [
    ...heading('2. Search cost', s.machine),
    "Each run opens a fresh browser context (empty cache) on the build served by `scripts/serve.mjs` (no compression, so \"raw\" is what crossed the loopback; gzip is what a compressing host would send). The time runs to the moment the first result `li` is in the DOM and visible (a MutationObserver installed before the page loads checks `Element.checkVisibility()`). For the typed searches the clock starts when the search box gets focus, after the page has loaded and the network is idle; the text is filled in at once, as a paste. For `/lookup/?q=…` the search starts by itself as the page loads, and the clock starts at the page's `domInteractive` (the time from navigation start is given too). Bytes are those the search fetched: the lookup code, the exact-match data (`lookup-index/<c>.json`, one small shard per first character, or the whole `lookup-index.json` for pasted text) and Pagefind's files (not the page's own HTML, CSS and boot script).",
    '',
  ];
  const rows = Object.entries(sc).map(([, r]) => {
    const c = r.bytes.byCategory;
    return [
      r.label,
      `${ms(r.medianMs)} (${ms(r.minMs)}–${ms(r.maxMs)}, n=${r.runs})`,
      ms(r.medianFromNavigationMs),
      `${kb(r.bytes.search.gzip)} (${kb(r.bytes.search.bytes)}) in ${r.bytes.search.requests}`,
      kb(c.lookupCode.gzip),
      kb(c.lookupData.gzip),
      `${kb(c.pagefind.gzip)} in ${c.pagefind.requests}`,
      r.firstResult?.href
        ? `${r.firstResult.tier ? `${r.firstResult.tier} ` : ''}\`${r.firstResult.href}\``
        : '–',
    ];
  });
  out.push(
    table(
      [
        'search',
        'median time to first result (min–max, runs)',
        'from navigation start',
        'search bytes gzip (raw) in requests',
        'lookup code',
        'exact-match data',
        'Pagefind files',
        'first result',
      ],
      rows,
    ),
  );
  const ui = sc.pagefindUi;
  const ft = sc.fullText;
  if (ui && ft) {
    const ours = ft.bytes.search.gzip;
    const theirs = ui.bytes.search.gzip + (ui.uiAssets?.gzip ?? 0);
    out.push(
      '',
      '### Side by side with Pagefind\'s default UI (first full-text query "tempdb")',
      '',
      table(
        ['', 'UI code and CSS', 'query (Pagefind index, wasm, fragments)', 'total gzip', 'results shown'],
        [
          [
            'this site (`/lookup/?q=tempdb`)',
            `${kb(ft.bytes.byCategory.lookupCode.gzip + ft.bytes.byCategory.lookupData.gzip)} (lookup code + exact map)`,
            kb(ft.bytes.byCategory.pagefind.gzip),
            kb(ours),
            'up to 8, with excerpts',
          ],
          [
            'Pagefind UI (`pagefind-ui.js` + `pagefind-ui.css`)',
            kb(ui.uiAssets?.gzip),
            kb(ui.bytes.byCategory.pagefind.gzip),
            kb(theirs),
            '5, with excerpts',
          ],
        ],
      ),
      '',
      `Pagefind's UI loads its ${kb(ui.uiAssets?.gzip)} of script and CSS with the page, before any query; this site loads ${kb(ft.bytes.byCategory.lookupCode.gzip)} of lookup code only on first use. The Pagefind UI page is a throwaway file written into the served build at bench time (\`bench-pagefind-ui/\`), never into \`public/\`. Its time to first result includes its default 300 ms debounce.`,
    );
  }
  out.push(
    '',
    '<details><summary>The pasted Event Viewer entry</summary>',
    '',
    '```',
    s.eventViewerEntry.replace(/\r\n/g, '\n'),
    '```',
    '',
    '</details>',
  );
  return out.join('\n');
}
