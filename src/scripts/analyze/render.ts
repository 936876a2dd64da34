/**
 * Renders a report with createElement and text nodes only (src/scripts/dom.ts): nothing from the
 * export is ever parsed as HTML. Links are built from the catalog map (slugs the build wrote),
 * never from input. The sections with most to draw have modules of their own: render-runs.ts,
 * render-groups.ts and render-tables.ts.
 */
import type { Report } from '../../lib/analyze/model';
import type { Resolved } from '../../lib/analyze/links';
import { groupTitle, type Strings } from '../../lib/analyze/ticket';
import { h, section } from '../dom';
import { countText, groupsSection } from './render-groups';
import { runsSection } from './render-runs';
import { csExportSection, eventsSection } from './render-tables';

/**
 * 1234567 as "1,234,567" (or with the language's separator). Number.prototype.toLocaleString
 * builds an ICU formatter on first use: tens of milliseconds on the main thread for one number.
 */
export const digits = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+$)/g, sep);

export interface Urls {
  code(slug: string): string;
  step(slug: string): string;
}

/**
 * The report as a fragment with its headings, plus the drawing still to do (run tables, error
 * groups) as small tasks: the caller runs one per turn of the event loop, so no main-thread task
 * grows with the report.
 */
export interface Drawing {
  fragment: DocumentFragment;
  tasks: (() => void)[];
}

/** "Read as run history, 1,234 characters", and any reason the reading stopped or a note on it. */
function readAs(r: Report, s: Strings): HTMLElement[] {
  const meta = [s('analyze.readAs', { format: s(`analyze.format.${r.format}`) })];
  if (r.shape) meta.push(s('analyze.readAs.shape', { shape: s(`analyze.shape.${r.shape}`) }));
  if (r.encoding) meta.push(s('analyze.readAs.encoding', { encoding: r.encoding }));
  meta.push(s('analyze.readAs.chars', { n: digits(r.chars, s('analyze.digitGroup')) }));
  const out = [h('p', { class: 'an-read-as', 'data-format': r.format }, meta.join(' '))];
  if (r.stop)
    out.push(
      h(
        'p',
        { class: 'an-warn an-stop', 'data-stop': r.stop.reason },
        s(`analyze.stop.${r.stop.reason}`, { line: r.stop.line ?? '?', detail: r.stop.detail ?? '' }),
      ),
    );
  for (const n of r.notes)
    out.push(
      h('p', { class: 'an-warn an-note', 'data-note': n.key }, s(`analyze.note.${n.key}`, n.vars ?? {})),
    );
  return out;
}

/** "Look at these first": the groups to fix first, each with its step and its page. */
function firstSection(res: Resolved, urls: Urls, s: Strings): HTMLElement {
  const first = section('an-first', s('analyze.first.title'), { class: 'an-first' });
  if (!res.first.length) {
    first.append(h('p', {}, s('analyze.first.none')));
    return first;
  }
  const ol = h('ol');
  for (const g of res.first) {
    const top = g.links[0];
    const li = h(
      'li',
      { 'data-type': g.group.errorType },
      h('strong', {}, groupTitle(g.group)),
      ` — ${s(`analyze.kind.${g.group.kind}`)}, ${countText(g.group, s)}`,
    );
    if (top?.st && top.sn)
      li.append(
        h('br'),
        `${s('analyze.first.fix')} `,
        h('a', { href: urls.step(top.st), class: 'an-fix' }, top.sn),
      );
    if (top)
      li.append(
        h('br'),
        `${s('analyze.first.page')} `,
        h('a', { href: urls.code(top.s) }, `${top.c}: ${top.t}`),
      );
    else li.append(h('br'), s('analyze.first.noPage', { code: groupTitle(g.group) }));
    ol.append(li);
  }
  first.append(ol);
  return first;
}

export function renderReport(
  r: Report,
  res: Resolved,
  urls: Urls,
  s: Strings,
  tools: HTMLElement,
  lookupUrl: string,
): Drawing {
  const f = document.createDocumentFragment();
  const tasks: (() => void)[] = [];
  f.append(h('h2', { id: 'report' }, s('analyze.report.title')), ...readAs(r, s));
  if (r.format === 'unknown') {
    f.append(h('p', {}, s('analyze.unknownFormat'), ' ', h('a', { href: lookupUrl }, lookupUrl)));
    return { fragment: f, tasks };
  }
  f.append(tools, firstSection(res, urls, s));
  if (r.runs.length) f.append(runsSection(r.runs, r.format, res, urls, s, tasks));
  if (r.csexport) f.append(csExportSection(r.csexport, s));
  if (r.events.length) f.append(eventsSection(r, res, urls, s));
  f.append(groupsSection(res.groups, urls, s, tasks));
  if (res.unknown.length) {
    const unknown = section('an-unknown', s('analyze.unknown.title'), { class: 'an-unknown-list' });
    unknown.append(
      h('p', {}, s('analyze.unknown.intro')),
      h('ul', {}, ...res.unknown.map((u) => h('li', {}, h('code', {}, u)))),
    );
    f.append(unknown);
  }
  if (!r.runs.length && !r.groups.length && !r.events.length && !r.csexport)
    f.append(h('p', {}, s('analyze.nothing')));
  return { fragment: f, tasks };
}
