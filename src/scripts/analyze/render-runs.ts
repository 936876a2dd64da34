/**
 * The report's runs: one table of steps per run, the first RUNS_SHOWN drawn with the report, the
 * next ones (up to MAX_RUNS) behind a "show more" disclosure, the rest counted.
 */
import type { Run } from '../../lib/analyze/model';
import type { Resolved } from '../../lib/analyze/links';
import type { Strings } from '../../lib/analyze/ticket';
import { dl, h, section, table } from '../dom';
import type { Urls } from './render';

/** Runs drawn as tables; the counts and groups include every run. */
const MAX_RUNS = 100;
/** Runs drawn with the report; the others up to MAX_RUNS behind a disclosure. */
const RUNS_SHOWN = 10;
/** Runs drawn per task (with the report and once the disclosure is opened). */
const RUNS_PER_FRAME = 5;

const STEP_COLUMNS = [
  'analyze.step.number',
  'analyze.step.type',
  'analyze.step.partition',
  'analyze.run.start',
  'analyze.run.end',
  'analyze.run.result',
  'analyze.step.counters',
  'analyze.step.connection',
  'analyze.step.errors',
];

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
  sec.append(
    table(
      {},
      STEP_COLUMNS.map((k) => s(k)),
      body,
    ),
  );
  return sec;
}

/** The runs section; the tables are drawn by the tasks it pushes, a few runs per task. */
export function runsSection(
  runs: Run[],
  format: string,
  res: Resolved,
  urls: Urls,
  s: Strings,
  tasks: (() => void)[],
): HTMLElement {
  const sec = section('an-runs', s('analyze.runs.title', { n: runs.length }));
  if (format === 'run-history') sec.append(h('p', { class: 'an-meta' }, s('analyze.run.utc')));
  // A year of saved runs can hold thousands: the first RUNS_SHOWN are drawn with the report,
  // the next ones (up to MAX_RUNS) only when the admin opens "show more", a few per frame, and
  // the rest are counted. Drawing every table at once was one main-thread task of seconds.
  const drawn = runs.slice(0, MAX_RUNS);
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
        for (const run of drawn.slice(next, next + RUNS_PER_FRAME)) box.append(runSection(run, res, urls, s));
        more.append(box);
        next += RUNS_PER_FRAME;
        if (next < drawn.length) setTimeout(batch, 16);
        else delete more.dataset.drawing;
      };
      batch();
    });
    sec.append(more);
  }
  if (runs.length > MAX_RUNS)
    sec.append(h('p', { class: 'an-meta' }, s('analyze.runs.more', { n: runs.length - MAX_RUNS })));
  return sec;
}
