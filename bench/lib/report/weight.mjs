/** Part 1, page weight: its section of bench/RESULTS.md. */
import { heading, kb, ok, table } from './format.mjs';

export function weightSection(w) {
  const b = w.budgets;
  const out = [
    ...heading('1. Page weight per page type', w.machine),
    'Each page is loaded in a fresh Chromium context and every response is recorded until the load event and network idle (500 ms with no request), without any interaction. Sizes are gzip (level 9) of the response bodies; raw sizes in brackets. "Other" is the favicon and anything else. Median of ' +
      `${Object.values(w.pages).find((p) => p.runs)?.runs ?? '?'} loads (page weight is deterministic; the runs agree).`,
    '',
    `Budgets (gzip): HTML ≤ ${kb(b.html)}, CSS ≤ ${kb(b.css)} on every page; script before interaction ≤ ${kb(b.script)} on step and code pages.`,
    '',
  ];
  const rows = Object.entries(w.pages).map(([k, p]) =>
    p.missing
      ? [k, `\`${p.path}\``, 'missing (404): not built yet', '', '', '', '']
      : [
          k,
          `\`${p.path}\``,
          `${kb(p.totals.html.gzip)} (${kb(p.totals.html.bytes)})${ok(p.budget.html)}`,
          `${kb(p.totals.css.gzip)} (${kb(p.totals.css.bytes)})${ok(p.budget.css)}`,
          `${kb(p.totals.script.gzip)} (${kb(p.totals.script.bytes)})${ok(p.budget.script)}`,
          `${kb(p.totals.other.gzip)}`,
          `${kb(p.totals.html.gzip + p.totals.css.gzip + p.totals.script.gzip + p.totals.other.gzip)}`,
        ],
  );
  out.push(
    table(
      [
        'page',
        'path',
        'HTML gzip (raw)',
        'CSS gzip (raw)',
        'script before interaction gzip (raw)',
        'other gzip',
        'total gzip',
      ],
      rows,
    ),
  );
  const scripts = new Set(
    Object.values(w.pages).flatMap((p) =>
      (p.requests ?? []).filter((r) => r.type === 'script').map((r) => `\`${r.url}\` ${kb(r.gzip)}`),
    ),
  );
  out.push('', `Script loaded before interaction, on any page: ${[...scripts].join(', ') || 'none'}.`);
  return out.join('\n');
}
