/**
 * <mim-analyze>: paste, file picker and drag-and-drop into a Web Worker, a progress bar with a
 * cancel button, and the report. The worker and the code map load with the page, so reading an
 * export sends nothing over the network. Cancel terminates the worker (a stuck parse can never
 * hang the tab) and starts a fresh one.
 */
import '../trusted-types';
import '../copy';
import { copyText } from '../clipboard';
import { CodeMap, resolveReport, type CodeMapJson, type Resolved } from '../../lib/analyze/links';
import type { Report } from '../../lib/analyze/model';
import { toCsv, toTicket, type Strings } from '../../lib/analyze/ticket';
import type { UiKey } from '../../i18n/en';
import { localizedPath, type Lang } from '../../lib/urls';
import { h } from '../dom';
import { readStrings } from '../strings';
import { renderReport, type Urls } from './render';
import type { WorkerRequest, WorkerResponse } from './worker';

/** Where the lookup leaves a pasted export for this page (text too long for a URL). */
export const HANDOFF_KEY = 'mim-analyze-handoff';

const size = (n: number) =>
  n >= 1 << 30
    ? `${(n / (1 << 30)).toFixed(2)} GB`
    : n >= 1 << 20
      ? `${(n / (1 << 20)).toFixed(1)} MB`
      : n >= 1024
        ? `${(n / 1024).toFixed(1)} KB`
        : `${n} B`;

/**
 * Resolves in a task of its own after the next frame, or after 50 ms where no frame comes (a
 * background tab), so the drawing never waits for the tab to be shown.
 */
const nextTask = () =>
  new Promise<void>((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 50);
  });

class MimAnalyze extends HTMLElement {
  #worker?: Worker;
  #t = readStrings(null);
  #map?: Promise<CodeMap>;
  #busy = false;
  #started = 0;
  /** Counts reports drawn: a drawing that is no longer the latest stops. */
  #drawing = 0;

  connectedCallback() {
    this.#t = readStrings(this);
    const url = this.dataset.codes ?? '';
    this.#map = fetch(url)
      .then((r) =>
        r.ok ? (r.json() as Promise<CodeMapJson>) : Promise.reject(new Error(`${url}: HTTP ${r.status}`)),
      )
      .then((j) => new CodeMap(j))
      .catch(() => new CodeMap({ v: 1, entries: [], keys: {} }));
    this.#startWorker();
    // data-ready: the worker and the code map are loaded; from here on nothing is fetched.
    void Promise.all([this.#map, this.#workerReady]).then(() => (this.dataset.ready = ''));

    const form = this.querySelector('form')!;
    const text = this.querySelector<HTMLTextAreaElement>('#an-text')!;
    const file = this.querySelector<HTMLInputElement>('#an-file')!;
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!text.value.trim()) return this.#status(this.s('analyze.empty'));
      this.#read({ type: 'text', text: text.value }, size(text.value.length));
    });
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) this.#read({ type: 'file', file: f }, size(f.size), f.name);
    });
    this.addEventListener('dragover', (ev) => {
      if (!ev.dataTransfer?.types.includes('Files')) return;
      ev.preventDefault();
      this.dataset.dragging = '';
    });
    this.addEventListener('dragleave', () => delete this.dataset.dragging);
    this.addEventListener('drop', (ev) => {
      const f = ev.dataTransfer?.files?.[0];
      delete this.dataset.dragging;
      if (!f) return;
      ev.preventDefault();
      this.#read({ type: 'file', file: f }, size(f.size), f.name);
    });
    this.querySelector('.an-cancel')?.addEventListener('click', () => this.#cancel());

    // An export pasted into the lookup, handed over for the report.
    let handoff: string | null;
    try {
      handoff = sessionStorage.getItem(HANDOFF_KEY);
      if (handoff) sessionStorage.removeItem(HANDOFF_KEY);
    } catch {
      handoff = null;
    }
    if (handoff) {
      text.value = handoff;
      this.#read({ type: 'text', text: handoff }, size(handoff.length));
    }
  }

  /** The page's strings; keys built at run time (`analyze.kind.${kind}`) are UI keys too. */
  s: Strings = (key, vars = {}) => this.#t(key as UiKey, vars);

  #workerReady?: Promise<void>;

  #startWorker() {
    try {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
      this.#worker = worker;
      this.#workerReady = new Promise((resolve) =>
        worker.addEventListener('message', (ev: MessageEvent<WorkerResponse>) => {
          if (ev.data.type === 'ready') resolve();
        }),
      );
      worker.addEventListener('message', (ev: MessageEvent<WorkerResponse>) => this.#onMessage(ev.data));
      worker.addEventListener('error', (ev) => this.#fail(ev.message || 'worker error'));
    } catch {
      this.#worker = undefined;
    }
  }

  #status(msg: string) {
    this.querySelector('.an-status')!.textContent = msg;
  }

  #progress(show: boolean, pct = 0) {
    const box = this.querySelector<HTMLElement>('.an-progress')!;
    box.hidden = !show;
    const bar = box.querySelector('progress')!;
    bar.value = pct;
    this.setAttribute('aria-busy', show ? 'true' : 'false');
  }

  #read(req: WorkerRequest, what: string, name?: string) {
    if (!this.#worker) return this.#status(this.s('analyze.noWorker'));
    if (this.#busy) this.#cancel();
    this.#busy = true;
    this.#started = performance.now();
    this.#drawing++;
    this.querySelector('#an-report')!.replaceChildren();
    this.#status(
      this.s('analyze.reading', { name: name ?? '', size: what })
        .replace(' ()', '')
        .replace('  ', ' '),
    );
    this.#progress(true, 0);
    this.dataset.state = 'reading';
    this.#worker.postMessage(req);
  }

  #cancel() {
    this.#worker?.terminate();
    this.#busy = false;
    this.#progress(false);
    this.dataset.state = 'cancelled';
    this.#status(this.s('analyze.cancelled'));
    this.#startWorker();
  }

  #fail(message: string) {
    this.#busy = false;
    this.#progress(false);
    this.dataset.state = 'error';
    this.#status(this.s('analyze.failed', { message }));
  }

  #onMessage(m: WorkerResponse) {
    if (!this.#busy || m.type === 'ready') return;
    if (m.type === 'progress') {
      const pct = m.total ? Math.round((m.done / m.total) * 100) : 0;
      this.#progress(true, pct);
      this.#status(this.s('analyze.progress', { pct, done: size(m.done), total: size(m.total) }));
    } else if (m.type === 'binary') {
      this.#busy = false;
      this.#progress(false);
      this.dataset.state = 'done';
      this.#status('');
      this.querySelector('#an-report')!.replaceChildren(
        h('p', { class: 'an-warn', 'data-binary': m.kind }, this.s(`analyze.binary.${m.kind}`)),
      );
    } else if (m.type === 'error') this.#fail(m.message);
    else void this.#show(m.report, m.bytes);
  }

  async #show(report: Report, bytes: number) {
    const map = await this.#map!;
    const res = resolveReport(report, map);
    this.#busy = false;
    this.#progress(false);
    const seconds = ((performance.now() - this.#started) / 1000).toFixed(1);
    this.#status(this.s('analyze.done', { size: size(bytes), seconds }));
    const out = this.querySelector('#an-report')!;
    const { fragment, tasks } = renderReport(
      report,
      res,
      this.#urls(false),
      this.s,
      this.#tools(report, res),
      this.dataset.lookup ?? '',
    );
    out.replaceChildren(fragment);
    // The rest of the report a few tables per task, with a frame between, so the page paints
    // and answers input while it draws; a new read (or cancel) stops the drawing.
    const run = ++this.#drawing;
    for (const task of tasks) {
      await nextTask();
      if (run !== this.#drawing) return;
      task();
    }
    this.dataset.state = 'done';
  }

  #urls(absolute: boolean): Urls {
    const lang = (this.dataset.lang ?? 'en') as Lang;
    const base = this.dataset.base ?? '/';
    const abs = (p: string) => (absolute ? new URL(p, location.href).href : p);
    return {
      code: (slug) => abs(localizedPath(base, lang, `codes/${slug}`)),
      step: (slug) => abs(localizedPath(base, lang, `steps/${slug}`)),
    };
  }

  #tools(report: Report, res: Resolved): HTMLElement {
    const anon = h('input', { type: 'checkbox', id: 'an-anonymize' });
    const status = h('span', { class: 'an-copy-status', role: 'status' });
    const opts = (markdown: boolean) => {
      const u = this.#urls(true);
      return { markdown, anonymize: anon.checked, codeUrl: u.code, stepUrl: u.step };
    };
    const copyBtn = (label: string, markdown: boolean, kind: string) => {
      const b = h('button', { type: 'button', 'data-ticket': kind }, label);
      b.addEventListener('click', async () => {
        const text = toTicket(report, res, this.s, opts(markdown));
        this.dataset.lastCopy = kind;
        const ok = await copyText(text);
        status.textContent = ok ? this.s('analyze.copy.done') : this.s('analyze.copy.failed');
      });
      return b;
    };
    const csv = h('button', { type: 'button', 'data-csv': '' }, this.s('analyze.copy.csv'));
    csv.addEventListener('click', () => {
      const blob = new Blob(['\uFEFF' + toCsv(report, res, this.s, opts(false))], {
        type: 'text/csv;charset=utf-8',
      });
      const a = h('a', { href: URL.createObjectURL(blob), download: 'mim-sync-errors.csv' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });
    return h(
      'div',
      { class: 'an-tools' },
      copyBtn(this.s('analyze.copy.text'), false, 'text'),
      copyBtn(this.s('analyze.copy.markdown'), true, 'markdown'),
      h('label', {}, anon, ' ', this.s('analyze.copy.anonymize')),
      csv,
      status,
    );
  }
}

if (!customElements.get('mim-analyze')) customElements.define('mim-analyze', MimAnalyze);
