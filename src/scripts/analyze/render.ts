/**
 * Renders a report with createElement and text nodes only: nothing from the export is ever
 * parsed as HTML. Links are built from the catalog map (slugs the build wrote), never from input.
 */
import type { Report, Run, ErrorGroup } from '../../lib/analyze/model';
import type { CodeInfo, Resolved, ResolvedGroup } from '../../lib/analyze/links';
import { groupTitle, type Strings } from '../../lib/analyze/ticket';

/** Runs drawn as tables; the counts and groups include every run. */
const MAX_RUNS = 100;
/** Runs drawn with the report; the others up to MAX_RUNS behind a disclosure. */
export const RUNS_SHOWN = 10;
/** Runs drawn per task (with the report and once the disclosure is opened). */
const RUNS_PER_FRAME = 5;
/** Error groups drawn per task. */
const GROUPS_PER_TASK = 4;

type Child = Node | string | number | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children)
    if (c !== false && c !== null && c !== undefined) e.append(typeof c === 'number' ? String(c) : c);
  return e;
}

/**
 * 1234567 as "1,234,567" (or with the language's separator). Number.prototype.toLocaleString
 * builds an ICU formatter on first use: tens of milliseconds on the main thread for one number.
 */
export const digits = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+$)/g, sep);

export interface Urls {
  code(slug: string): string;
  step(slug: string): string;
}

function dl(rows: [string, Child][]): HTMLDListElement {
  const d = h('dl');
  for (const [k, v] of rows)
    if (v !== undefined && v !== '' && v !== null && v !== false)
      d.append(h('div', {}, h('dt', {}, k), h('dd', {}, v)));
  return d;
}

function codeLink(e: CodeInfo, urls: Urls, s: Strings): HTMLElement {
  const li = h('li', {}, h('a', { href: urls.code(e.s), 'data-code': e.c }, `${e.c}: ${e.t}`));
  if (e.u) li.append(` (${s('analyze.group.unverified')})`);
  if (e.st && e.sn)
    li.append(
      ' — ',
      s('analyze.group.fix', { step: '' }),
      h('a', { href: urls.step(e.st), 'data-step': e.st }, e.sn),
    );
  return li;
}

function countText(g: ErrorGroup, s: Strings): string {
  const n = g.count;
  if (g.kind === 'event') return n === 1 ? s('analyze.group.event') : s('analyze.group.events', { n });
  if (g.kind === 'run') return n === 1 ? s('analyze.group.step') : s('analyze.group.steps', { n });
  return n === 1 ? s('analyze.group.object') : s('analyze.group.objects', { n });
}

function runSection(run: Run, res: Resolved, urls: Urls, s: Strings): HTMLElement {
  const resultNode = (v?: string) => {
    if (!v) return '—';
    const e = res.results.get(v);
    return e ? h('a', { href: urls.code(e.s), 'data-code': e.c }, v) : h('code', {}, v);
  };
  const sec = h(
    'section',
    { class: 'an-run', 'data-ma': run.ma ?? '', 'data-run': String(run.number ?? '') },
    h(
      'h4',
      {},
      s('analyze.run.heading', { ma: run.ma ?? '?', profile: run.profile ?? '?', number: run.number ?? '?' }),
    ),
    dl([
      [s('analyze.run.result'), resultNode(run.result)],
      [s('analyze.run.start'), run.start],
      [s('analyze.run.end'), run.end],
      [s('analyze.run.user'), run.user],
    ]),
  );
  if (!run.steps.length) {
    sec.append(h('p', { class: 'an-meta' }, s('analyze.run.noSteps')));
    return sec;
  }
  const head = h(
    'tr',
    {},
    ...[
      'analyze.step.number',
      'analyze.step.type',
      'analyze.step.partition',
      'analyze.run.start',
      'analyze.run.end',
      'analyze.run.result',
      'analyze.step.counters',
      'analyze.step.connection',
      'analyze.step.errors',
    ].map((k) => h('th', { scope: 'col' }, s(k))),
  );
  const body = h('tbody');
  for (const st of run.steps) {
    const counters = h('td', { class: 'an-counters' });
    counters.append(st.counters.map((c) => `${c.name} ${c.value}`).join(', '));
    for (const o of st.outbound)
      counters.append(
        h('br'),
        `${s('analyze.step.to', { ma: o.ma })} ${o.counters.map((c) => `${c.name} ${c.value}`).join(', ')}`,
      );
    const c = st.connection;
    const errs = st.errors.discovery + st.errors.import + st.errors.export + st.errors.retry;
    body.append(
      h(
        'tr',
        { 'data-step': String(st.number), 'data-result': st.result ?? '' },
        h('td', {}, st.number),
        h('td', {}, [st.type, st.subtype ? `(${st.subtype})` : ''].filter(Boolean).join(' ')),
        h('td', {}, st.partition ?? ''),
        h('td', {}, st.start ?? ''),
        h('td', {}, st.end ?? ''),
        h('td', {}, resultNode(st.result)),
        counters,
        h('td', {}, c ? [c.result, c.code, c.literal, c.server].filter(Boolean).join(' · ') : ''),
        h('td', {}, errs ? String(errs) : ''),
      ),
    );
  }
  sec.append(h('table', {}, h('thead', {}, head), body));
  return sec;
}

function groupSection(rg: ResolvedGroup, urls: Urls, s: Strings): HTMLElement {
  const g = rg.group;
  const art = h(
    'article',
    { class: 'an-group', 'data-kind': g.kind, 'data-type': g.errorType, 'data-count': String(g.count) },
    h('h4', {}, groupTitle(g)),
    h(
      'p',
      { class: 'an-meta' },
      `${s(`analyze.kind.${g.kind}`)} · `,
      h('strong', { class: 'an-count' }, countText(g, s)),
    ),
  );
  if (rg.links.length) {
    art.append(
      h('p', {}, s('analyze.group.pages')),
      h('ul', { class: 'an-links' }, ...rg.links.map((e) => codeLink(e, urls, s))),
    );
    if (rg.sameEngine) art.append(h('p', { class: 'an-meta' }, s('analyze.group.sameEngine')));
  }
  if (rg.unknown.length)
    art.append(h('p', { class: 'an-unknown' }, s('analyze.group.unknown', { codes: rg.unknown.join(', ') })));
  const st = g.stack;
  art.append(
    dl([
      [s('analyze.group.code'), g.code],
      [s('analyze.group.errorName'), g.errorName],
      [s('analyze.group.retry'), g.retryMax !== undefined ? String(g.retryMax) : undefined],
      [s('analyze.group.first'), g.firstOccurred],
      [s('analyze.group.last'), g.lastOccurred !== g.firstOccurred ? g.lastOccurred : undefined],
      [s('analyze.group.algorithm'), g.algorithmStep],
      [s('analyze.group.server'), g.server],
      [s('analyze.group.detail'), g.detail],
      [
        s('analyze.group.extension'),
        st?.extension ? [st.extension, st.callsite].filter(Boolean).join(' · ') : undefined,
      ],
      [
        s('analyze.group.exception'),
        st?.exception ? `${st.exception}${st.message ? `: ${st.message}` : ''}` : undefined,
      ],
      [
        st?.own ? s('analyze.group.frameOwn') : s('analyze.group.frameOther'),
        st?.frame ? h('code', { class: 'an-frame' }, st.frame) : undefined,
      ],
      [s('analyze.group.where'), g.where.join('; ')],
    ]),
  );
  if (g.literal)
    art.append(
      h('p', {}, s('analyze.group.literal')),
      h('pre', { class: 'an-literal' }, g.literal.slice(0, 1500)),
    );
  if (g.dns.length) {
    const first = g.dns.slice(0, 5);
    const rest = g.dns.slice(5);
    art.append(
      h('p', {}, s('analyze.group.dns')),
      h('ul', { class: 'an-dns' }, ...first.map((d) => h('li', {}, h('code', {}, d)))),
    );
    if (rest.length)
      art.append(
        h(
          'details',
          {},
          h('summary', {}, s('analyze.group.more', { n: rest.length })),
          h('ul', { class: 'an-dns' }, ...rest.map((d) => h('li', {}, h('code', {}, d)))),
        ),
      );
    if (g.count > g.dns.length && g.kind !== 'event' && g.kind !== 'run')
      art.append(
        h(
          'p',
          { class: 'an-meta' },
          s('analyze.group.notListed', { n: g.count - g.dns.length, max: g.dns.length }),
        ),
      );
  }
  return art;
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
  f.append(h('h2', { id: 'report' }, s('analyze.report.title')));
  const meta = [s('analyze.readAs', { format: s(`analyze.format.${r.format}`) })];
  if (r.shape) meta.push(s('analyze.readAs.shape', { shape: s(`analyze.shape.${r.shape}`) }));
  if (r.encoding) meta.push(s('analyze.readAs.encoding', { encoding: r.encoding }));
  meta.push(s('analyze.readAs.chars', { n: digits(r.chars, s('analyze.digitGroup')) }));
  f.append(h('p', { class: 'an-read-as', 'data-format': r.format }, meta.join(' ')));
  if (r.stop)
    f.append(
      h(
        'p',
        { class: 'an-warn an-stop', 'data-stop': r.stop.reason },
        s(`analyze.stop.${r.stop.reason}`, { line: r.stop.line ?? '?', detail: r.stop.detail ?? '' }),
      ),
    );
  for (const n of r.notes)
    f.append(
      h('p', { class: 'an-warn an-note', 'data-note': n.key }, s(`analyze.note.${n.key}`, n.vars ?? {})),
    );
  if (r.format === 'unknown') {
    f.append(h('p', {}, s('analyze.unknownFormat'), ' ', h('a', { href: lookupUrl }, lookupUrl)));
    return { fragment: f, tasks };
  }
  f.append(tools);

  const first = h(
    'section',
    { class: 'an-first', 'aria-labelledby': 'an-first' },
    h('h3', { id: 'an-first' }, s('analyze.first.title')),
  );
  if (!res.first.length) first.append(h('p', {}, s('analyze.first.none')));
  else {
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
  }
  f.append(first);

  if (r.runs.length) {
    const sec = h(
      'section',
      { 'aria-labelledby': 'an-runs' },
      h('h3', { id: 'an-runs' }, s('analyze.runs.title', { n: r.runs.length })),
    );
    if (r.format === 'run-history') sec.append(h('p', { class: 'an-meta' }, s('analyze.run.utc')));
    // A year of saved runs can hold thousands: the first RUNS_SHOWN are drawn with the report,
    // the next ones (up to MAX_RUNS) only when the admin opens "show more", a few per frame, and
    // the rest are counted. Drawing every table at once was one main-thread task of seconds.
    const drawn = r.runs.slice(0, MAX_RUNS);
    const shown = h('div', { class: 'an-runs' });
    sec.append(shown);
    for (let i = 0; i < Math.min(RUNS_SHOWN, drawn.length); i += RUNS_PER_FRAME)
      tasks.push(() => {
        for (const run of drawn.slice(i, Math.min(i + RUNS_PER_FRAME, RUNS_SHOWN)))
          shown.append(runSection(run, res, urls, s));
      });
    if (drawn.length > RUNS_SHOWN) {
      const more = h(
        'details',
        { class: 'an-runs-more' },
        h('summary', {}, s('analyze.runs.showMore', { n: drawn.length - RUNS_SHOWN })),
      );
      let started = false;
      more.addEventListener('toggle', () => {
        if (!more.open || started) return;
        started = true;
        more.dataset.drawing = '';
        let next = RUNS_SHOWN;
        const batch = () => {
          const box = document.createDocumentFragment();
          for (const run of drawn.slice(next, next + RUNS_PER_FRAME))
            box.append(runSection(run, res, urls, s));
          more.append(box);
          next += RUNS_PER_FRAME;
          if (next < drawn.length) setTimeout(batch, 16);
          else delete more.dataset.drawing;
        };
        batch();
      });
      sec.append(more);
    }
    if (r.runs.length > MAX_RUNS)
      sec.append(h('p', { class: 'an-meta' }, s('analyze.runs.more', { n: r.runs.length - MAX_RUNS })));
    f.append(sec);
  }
  if (r.csexport) {
    const cs = r.csexport;
    const sec = h(
      'section',
      { 'aria-labelledby': 'an-cs' },
      h('h3', { id: 'an-cs' }, s('analyze.cs.title')),
      h('p', {}, s('analyze.cs.objects', { n: cs.objects, errors: cs.withErrors })),
    );
    if (!cs.pending.length) sec.append(h('p', {}, s('analyze.cs.noPending')));
    else {
      sec.append(h('h4', {}, s('analyze.cs.pending')));
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
        h(
          'table',
          { class: 'an-pending' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['analyze.cs.section', 'analyze.cs.operation', 'analyze.cs.type', 'analyze.cs.count'].map(
                (k) => h('th', { scope: 'col' }, s(k)),
              ),
            ),
          ),
          body,
        ),
      );
    }
    if (cs.attributes.length)
      sec.append(
        h('h4', {}, s('analyze.cs.attributes')),
        h('p', {}, cs.attributes.map((a) => `${a.name} (${a.count})`).join(', ')),
      );
    f.append(sec);
  }
  if (r.events.length) {
    const sec = h(
      'section',
      { 'aria-labelledby': 'an-events' },
      h('h3', { id: 'an-events' }, s('analyze.events.title', { n: r.events.length })),
    );
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
      h(
        'table',
        { class: 'an-events' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...[
              'analyze.events.source',
              'analyze.events.id',
              'analyze.events.level',
              'analyze.events.count',
              'analyze.events.first',
              'analyze.events.last',
              'analyze.events.page',
            ].map((k) => h('th', { scope: 'col' }, s(k))),
          ),
        ),
        body,
      ),
    );
    f.append(sec);
  }
  const sec = h(
    'section',
    { 'aria-labelledby': 'an-groups' },
    h('h3', { id: 'an-groups' }, s('analyze.groups.title', { n: res.groups.length })),
  );
  if (!res.groups.length) sec.append(h('p', {}, s('analyze.groups.none')));
  for (let i = 0; i < res.groups.length; i += GROUPS_PER_TASK)
    tasks.push(() => {
      for (const g of res.groups.slice(i, i + GROUPS_PER_TASK)) sec.append(groupSection(g, urls, s));
    });
  f.append(sec);
  if (res.unknown.length) {
    f.append(
      h(
        'section',
        { class: 'an-unknown-list', 'aria-labelledby': 'an-unknown' },
        h('h3', { id: 'an-unknown' }, s('analyze.unknown.title')),
        h('p', {}, s('analyze.unknown.intro')),
        h('ul', {}, ...res.unknown.map((u) => h('li', {}, h('code', {}, u)))),
      ),
    );
  }
  if (!r.runs.length && !r.groups.length && !r.events.length && !r.csexport)
    f.append(h('p', {}, s('analyze.nothing')));
  return { fragment: f, tasks };
}
