/** The report's two summary tables: what a csexport file has pending, and the events read. */
import type { Report } from '../../lib/analyze/model';
import type { Resolved } from '../../lib/analyze/links';
import type { Strings } from '../../lib/analyze/ticket';
import { h, section, table } from '../dom';
import type { Urls } from './render';

const PENDING_COLUMNS = ['analyze.cs.section', 'analyze.cs.operation', 'analyze.cs.type', 'analyze.cs.count'];
const EVENT_COLUMNS = [
  'analyze.events.source',
  'analyze.events.id',
  'analyze.events.level',
  'analyze.events.count',
  'analyze.events.first',
  'analyze.events.last',
  'analyze.events.page',
];

export function csExportSection(cs: NonNullable<Report['csexport']>, s: Strings): HTMLElement {
  const sec = section('an-cs', s('analyze.cs.title'));
  sec.append(h('p', {}, s('analyze.cs.objects', { n: cs.objects, errors: cs.withErrors })));
  if (!cs.pending.length) sec.append(h('p', {}, s('analyze.cs.noPending')));
  else {
    const body = h('tbody');
    for (const p of cs.pending)
      body.append(
        h(
          'tr',
          { 'data-section': p.section, 'data-op': p.operation, 'data-type': p.objectType },
          h('td', {}, s(`analyze.cs.section.${p.section}`)),
          h('td', {}, p.operation),
          h('td', {}, p.objectType),
          h('td', {}, p.count),
        ),
      );
    sec.append(
      h('h4', {}, s('analyze.cs.pending')),
      table(
        { class: 'an-pending' },
        PENDING_COLUMNS.map((k) => s(k)),
        body,
      ),
    );
  }
  if (cs.attributes.length)
    sec.append(
      h('h4', {}, s('analyze.cs.attributes')),
      h('p', {}, cs.attributes.map((a) => `${a.name} (${a.count})`).join(', ')),
    );
  return sec;
}

export function eventsSection(r: Report, res: Resolved, urls: Urls, s: Strings): HTMLElement {
  const sec = section('an-events', s('analyze.events.title', { n: r.events.length }));
  if (r.format === 'event-text') sec.append(h('p', { class: 'an-meta' }, s('analyze.events.local')));
  const body = h('tbody');
  for (const e of r.events) {
    const rg = res.groups.find(
      (g) => g.group.kind === 'event' && g.group.eventSource === e.source && g.group.eventId === e.id,
    );
    const page = rg?.links.find((l) => l.k === 'event-id');
    body.append(
      h(
        'tr',
        { 'data-source': e.source, 'data-id': e.id },
        h('td', {}, e.source),
        h('td', {}, e.id),
        h('td', {}, e.level ?? ''),
        h('td', {}, e.count),
        h('td', {}, e.first ?? ''),
        h('td', {}, e.last ?? ''),
        h('td', {}, page ? h('a', { href: urls.code(page.s) }, page.t) : '—'),
      ),
    );
  }
  sec.append(
    table(
      { class: 'an-events' },
      EVENT_COLUMNS.map((k) => s(k)),
      body,
    ),
  );
  return sec;
}
