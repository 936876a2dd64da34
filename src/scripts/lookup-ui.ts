/**
 * The lookup, loaded on first use. The exact tier first, from the small shard the build wrote
 * for the query's first character: in the header box an exact hit is answered from the shard
 * alone. Anything else (a near miss, a sentence, a pasted text) loads the reader (lookup-reader:
 * readPaste, by import()) and the whole map, and for pasted text the message index; Pagefind full
 * text last, loaded only when a query needs it. Every string the user typed reaches the page as text nodes, never as
 * HTML. Every UI string comes from `data-strings` on <mim-lookup> (src/i18n), in the page's
 * language.
 */
import './trusted-types';
import {
  exactKey,
  lookupExact,
  MAX_SHARED_QUERY,
  prepareQuery,
  shardOf,
  unpackIndex,
  type LookupEntry,
  type LookupIndex,
  type PackedIndex,
} from '../lib/lookup';
import type { Candidate, MessageIndex, PackedMessages, PasteReading } from '../lib/paste';
import { foldHyphens } from '../lib/codes';
import type { DecodedHresult } from '../lib/hresult';
import { localizedPath, type Lang } from '../lib/urls';
import { looksLikeExportText } from '../lib/analyze/markers';
import { exactReading } from './lookup-exact';
import { h } from './dom';
import { readStrings } from './strings';
import type { UiKey } from '../i18n/en';

/** sessionStorage key for a long paste handed from the header box to the lookup page. */
export const HANDOVER_KEY = 'mim-lookup:paste';

interface FullTextHit {
  url: string;
  title: string;
  excerpt: string;
  subs: { url: string; title: string }[];
}

const cache = new Map<string, Promise<unknown>>();
function loadJson<T>(url: string, unpack: (x: never) => T): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return unpack((await r.json()) as never);
    });
    // A failed fetch is not remembered: the next query tries again.
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}
const loadIndex = (url: string) => loadJson<LookupIndex>(url, (x: PackedIndex) => unpackIndex(x));

// The reader (readPaste and what only it needs), loaded the first time a query is not an exact hit.
type Reader = typeof import('./lookup-reader');
let reader: Reader | undefined;
let readerPromise: Promise<Reader> | undefined;
function loadReader(): Promise<Reader> {
  readerPromise ??= import('./lookup-reader').then((m) => (reader = m));
  // A failed load is not remembered: the next query tries again.
  readerPromise.catch(() => (readerPromise = undefined));
  return readerPromise;
}
const loadMessages = (r: Reader, url: string) =>
  loadJson<MessageIndex>(url, (x: PackedMessages) => r.unpackMessages(x));

// Pagefind's own module is loaded from the built site on the first full-text query.
type Pagefind = {
  options(o: Record<string, unknown>): Promise<void>;
  search(
    q: string,
    o?: Record<string, unknown>,
  ): Promise<{ results: { id: string; data(): Promise<PagefindData> }[] } | null>;
};
type PagefindData = {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: { url: string; title: string }[];
};
let pagefindPromise: Promise<Pagefind> | undefined;
function loadPagefind(base: string): Promise<Pagefind> {
  pagefindPromise ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(
    async (pf) => {
      await pf.options({ baseUrl: base, excerptLength: 24 });
      return pf;
    },
  );
  return pagefindPromise;
}

/** Reads ?q= from the address, even when its percent-encoding is broken. */
export function readQuery(search: string): { q: string; malformed: boolean } {
  const m = /[?&]q=([^&]*)/.exec(search);
  if (!m) return { q: '', malformed: false };
  const raw = m[1]!.replace(/\+/g, ' ');
  try {
    return { q: decodeURIComponent(raw), malformed: false };
  } catch {
    return { q: raw, malformed: true };
  }
}

/** Text that looks pasted rather than typed: it is read against the message index too. */
const looksPasted = (s: string) => s.length > 40 || /\n/.test(s) || s.trim().split(/\s+/).length >= 4;

/** Pagefind excerpts mark hits with <mark>; rebuild them as text nodes and <mark> elements only. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out: Node[] = [];
  doc.body.firstElementChild?.childNodes.forEach((n) => {
    if (n.nodeName === 'MARK') out.push(h('mark', {}, n.textContent ?? ''));
    else out.push(document.createTextNode(n.textContent ?? ''));
  });
  return out;
}

export function attach(root: HTMLElement) {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>('textarea, input')!;
  const form = root.querySelector('form')!;
  const status = root.querySelector<HTMLElement>('.lookup-status')!;
  const lang = (root.dataset.lang ?? 'en') as Lang;
  const base = root.dataset.base ?? '/';
  const pageMode = root.dataset.mode === 'page';
  const popup = root.querySelector<HTMLElement>('.lookup-popup');
  const list: HTMLOListElement = pageMode
    ? (document.getElementById('lookup-results') as HTMLOListElement)
    : popup!.appendChild(h('ol', { class: 'lookup-list', id: `${input.id}-results` }));
  const messages = pageMode
    ? document.getElementById('lookup-messages')!
    : popup!.insertBefore(h('div', { class: 'lookup-messages' }), list);
  // Notes that must never sit above a correct result ("No entry for …") go after the list.
  const after = list.parentElement!.insertBefore(
    h('div', { class: 'lookup-messages lookup-after' }),
    list.nextSibling,
  );
  const filters = pageMode ? [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')] : [];
  const t = readStrings(root);
  let generation = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastRun: string | undefined;
  let exactHref: string | undefined;
  let notes: string[] = [];

  const str = (k: string, vars: Record<string, string | number> = {}) => t(k as UiKey, vars);
  const codeUrl = (e: LookupEntry) => localizedPath(base, lang, `codes/${e.s}`);

  function targetOf(c: Candidate): { href: string; nodes: (Node | string)[]; tier: string } {
    const t = c.target;
    const tier =
      c.reason.kind === 'exact'
        ? 'exact'
        : c.reason.kind === 'didYouMean'
          ? 'didYouMean'
          : t.type === 'code'
            ? 'found'
            : t.type;
    if (t.type === 'code')
      return {
        href: codeUrl(t.entry),
        nodes: [h('code', {}, t.entry.c), ' ', h('span', { class: 'r-title' }, t.entry.t)],
        tier,
      };
    if (t.type === 'step')
      return {
        href: localizedPath(base, lang, `steps/${t.slug}`),
        nodes: [h('span', { class: 'r-title' }, t.title)],
        tier,
      };
    // A build number comes from readPaste only, so the reader is loaded.
    const url = `${localizedPath(base, lang, 'versions')}?${reader!.PARAM_FOR_LINE[t.line]}=${encodeURIComponent(t.version)}`;
    return { href: url, nodes: [str('lookup.versions.link', { version: t.version })], tier };
  }

  function candidateItem(c: Candidate): HTMLLIElement {
    const { href, nodes, tier } = targetOf(c);
    const li = h('li', { 'data-tier': tier, 'data-why': c.reason.kind }, h('a', { href }, ...nodes));
    const tags: string[] = [str(`lookup.why.${c.reason.kind}`)];
    if (c.reason.source === 'named' || c.reason.source === 'words')
      tags.push(str(`lookup.source.${c.reason.source}`));
    if (c.target.type === 'code') {
      const e = c.target.entry;
      if (e.u) tags.push(str('lookup.unverified'));
      if (e.o === 'entra-connect') tags.push(str('lookup.entraOnly'));
      if (e.w) tags.push(str('lookup.wrapper'));
    }
    for (const tag of tags) li.append(' ', h('span', { class: 'r-tag' }, tag));
    if (c.target.type === 'code' && c.target.entry.e)
      li.append(' ', h('span', { class: 'r-src' }, c.target.entry.e));
    if (c.reason.kind !== 'exact' && c.reason.text)
      li.append(h('p', { class: 'r-excerpt' }, h('q', {}, c.reason.text)));
    return li;
  }

  function hresultBlock(hr: DecodedHresult, inCatalog: boolean): HTMLElement {
    const rows: [string, string][] = [
      [
        'HRESULT',
        `${hr.hex.slice(0, 2)}${hr.hex.slice(2).toUpperCase()} = ${hr.unsigned} = ${hr.signed}${hr.name ? ` (${hr.name})` : ''}`,
      ],
      [str('lookup.severity'), str(hr.severity ? 'lookup.severity.failure' : 'lookup.severity.success')],
      [
        str('lookup.facility'),
        `${hr.facility} (0x${hr.facility.toString(16)})${hr.facilityName ? ` ${hr.facilityName}` : ''}`,
      ],
      [str('lookup.codePart'), `${hr.code} (0x${hr.code.toString(16).padStart(4, '0')})`],
    ];
    if (hr.win32)
      rows.push([str('lookup.win32'), `${hr.win32.code}${hr.win32.name ? ` ${hr.win32.name}` : ''}`]);
    const dl = h('dl', { class: 'hresult' });
    for (const [k, v] of rows) dl.append(h('dt', {}, k), h('dd', {}, v));
    const box = h('div', { class: 'lookup-hresult' }, h('p', {}, h('strong', {}, str('lookup.hresult'))), dl);
    if (!inCatalog) box.append(h('p', {}, str('lookup.notInCatalog')));
    return box;
  }

  function showCount(n: number) {
    status.textContent =
      n === 0 ? str('lookup.noResults') : n === 1 ? str('lookup.count.one') : str('lookup.count.many', { n });
  }

  // A whole export pasted here: offer the analyzer's report (the text goes over in sessionStorage).
  function exportHint(): HTMLElement {
    const a = h(
      'a',
      { href: root.dataset.analyze ?? '', class: 'lookup-analyze' },
      root.dataset.analyzeLink ?? '',
    );
    a.addEventListener('click', () => {
      try {
        sessionStorage.setItem('mim-analyze-handoff', input.value);
      } catch {
        // Storage blocked: the analyzer opens empty and the admin pastes again.
      }
    });
    // The text is long: it goes over in sessionStorage, never in the address, and the hint says so.
    return h(
      'p',
      { class: 'lookup-export' },
      `${root.dataset.analyzeHint ?? ''} `,
      a,
      ` ${str('lookup.analyzeHandoff')}`,
    );
  }

  function render(r: PasteReading, fullText?: { hits: FullTextHit[]; terms?: string; message?: string }) {
    list.replaceChildren();
    messages.replaceChildren();
    after.replaceChildren();
    if (root.dataset.analyze && looksLikeExportText(input.value)) messages.append(exportHint());
    const top = r.candidates[0];
    exactHref =
      top && top.reason.kind === 'exact' && r.candidates.filter((c) => c.reason.kind === 'exact').length === 1
        ? targetOf(top).href
        : undefined;
    for (const n of notes) messages.append(h('p', { class: 'lookup-warn' }, n));
    if (r.truncated) messages.append(h('p', { class: 'lookup-warn' }, str('lookup.tooLong')));
    for (const a of r.ambiguous)
      messages.append(
        h(
          'p',
          { class: 'lookup-warn' },
          str('lookup.ambiguous', { n: a.number, sources: a.sources.join(', ') }),
        ),
      );
    const shown = new Set<string>();
    for (const c of r.candidates.slice(0, 12)) {
      const li = candidateItem(c);
      shown.add(li.querySelector('a')!.getAttribute('href')!);
      list.append(li);
    }
    for (const x of r.hresults) messages.append(hresultBlock(x, x.inCatalog));
    const direct = r.candidates.some((c) => c.reason.kind !== 'didYouMean' && c.reason.kind !== 'text');
    if (!direct && r.hresults.length === 0) {
      // The input has settled and been read: the catalog has nothing for it. Said below the
      // list, so it never sits above a full-text result that follows.
      const display = r.input.trim().slice(0, 120);
      after.append(
        h('p', { class: 'lookup-none' }, `${str('lookup.noEntry')} “`, h('code', {}, display), '”.'),
      );
    }
    if (fullText?.terms && fullText.hits.length)
      messages.append(
        h('p', { class: 'lookup-fulltext-note' }, str('lookup.fulltext.terms', { terms: fullText.terms })),
      );
    for (const hit of fullText?.hits ?? []) {
      if (shown.has(hit.url)) continue;
      shown.add(hit.url);
      const li = h(
        'li',
        { 'data-tier': 'fulltext' },
        h('a', { href: hit.url }, hit.title),
        ' ',
        h('span', { class: 'r-tag' }, str('lookup.fulltext')),
      );
      if (hit.excerpt) li.append(h('p', { class: 'r-excerpt' }, ...excerptNodes(hit.excerpt)));
      const subs = hit.subs.filter((s) => s.url !== hit.url && s.url.includes('#')).slice(0, 3);
      if (subs.length)
        li.append(
          h('ul', { class: 'r-subs' }, ...subs.map((s) => h('li', {}, h('a', { href: s.url }, s.title)))),
        );
      list.append(li);
    }
    if (fullText?.message) after.append(h('p', { class: 'lookup-warn' }, fullText.message));
    if (popup) popup.hidden = !list.children.length && !messages.children.length && !after.children.length;
    showCount(list.children.length);
  }

  async function fullText(query: string): Promise<FullTextHit[]> {
    const pf = await loadPagefind(base);
    const active: Record<string, string> = {};
    for (const f of filters) if (f.value) active[f.dataset.filter!] = f.value;
    const res = await pf.search(
      foldHyphens(query).slice(0, 200),
      Object.keys(active).length ? { filters: active } : {},
    );
    if (!res) return [];
    const data = await Promise.all(res.results.slice(0, 8).map((r) => r.data()));
    return data.map((d) => ({
      url: d.url,
      title: d.meta.title ?? d.url,
      excerpt: d.excerpt,
      subs: d.sub_results ?? [],
    }));
  }

  function clear(value: string) {
    list.replaceChildren();
    messages.replaceChildren();
    after.replaceChildren();
    for (const n of notes) messages.append(h('p', { class: 'lookup-warn' }, n));
    if (popup) popup.hidden = true;
    status.textContent = pageMode || value ? str('lookup.empty') : '';
    exactHref = undefined;
  }

  /** One run per settled input: normalize once, read once, render, then full text if needed. */
  async function run(value: string) {
    const my = ++generation;
    lastRun = value;
    const { input: text } = prepareQuery(value);
    if (!text.trim()) return clear(value);
    const key = exactKey(text);
    let reading: PasteReading;
    try {
      const shard = await loadIndex(`${root.dataset.shards}${shardOf(key)}.json`);
      if (my !== generation) return;
      const exact = key && shard.keys.has(key) ? lookupExact(text, shard) : undefined;
      if (exact?.exact.length && !pageMode) reading = exactReading(exact);
      else {
        const pasted = looksPasted(text);
        const r = await loadReader();
        const [index, msgs] = await Promise.all([
          exact?.exact.length ? shard : loadIndex(root.dataset.index!),
          pasted ? loadMessages(r, root.dataset.messages!) : undefined,
        ]);
        if (my !== generation) return;
        reading = r.readPaste(value, index, msgs);
      }
    } catch {
      if (my === generation) status.textContent = str('lookup.loadFailed');
      return;
    }
    render(reading);
    // Full text when the catalog gave nothing sure: the query itself when short, else the
    // paste's distinctive words (never all of them).
    // In the header box a sure or exact answer is enough; the lookup page lists the full-text
    // pages under it.
    const exactHit = reading.candidates.some((c) => c.reason.kind === 'exact');
    if (!pageMode && (exactHit || reading.candidates.some((c) => c.score >= 250))) return;
    const short = text.length <= 200 && text.trim().split(/\s+/).length <= 12;
    const query = short ? text : reading.terms.join(' ');
    if (!query.trim()) return render(reading, { hits: [] });
    let hits: FullTextHit[] = [];
    let message: string | undefined;
    try {
      hits = await fullText(query);
    } catch {
      message = import.meta.env.DEV ? str('lookup.devIndex') : str('lookup.searchFailed');
    }
    if (my !== generation) return;
    render(reading, { hits, terms: short ? undefined : query, message });
  }

  /** Typing settles before the lookup runs; a paste or a submit runs at once. */
  function schedule(value: string, delay: number) {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      if (value !== lastRun) void run(value);
    }, delay);
  }

  // Keyboard: arrows move through result links, Escape closes, Enter opens (native link).
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>(':scope > li > a')];
  input.addEventListener('keydown', (ev) => {
    const e = ev as KeyboardEvent;
    if (e.key === 'ArrowDown' && (input.tagName === 'INPUT' || e.ctrlKey)) {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Escape' && popup) {
      popup.hidden = true;
    } else if (e.key === 'Enter' && input.tagName === 'TEXTAREA' && !e.shiftKey) {
      // In the lookup page's box, Enter looks up and Shift+Enter adds a line.
      e.preventDefault();
      form.requestSubmit();
    }
  });
  list.addEventListener('keydown', (ev) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (ev.key === 'ArrowDown' && i >= 0) {
      ev.preventDefault();
      all[Math.min(i + 1, all.length - 1)]!.focus();
    } else if (ev.key === 'ArrowUp' && i >= 0) {
      ev.preventDefault();
      (i === 0 ? input : all[i - 1]!).focus();
    } else if (ev.key === 'Escape') {
      // Focus first: focusing the box reopens the results, and Escape means closed.
      input.focus();
      if (popup) popup.hidden = true;
    }
  });
  if (popup) {
    root.addEventListener('focusout', (ev) => {
      if (!root.contains(ev.relatedTarget as Node)) popup.hidden = true;
    });
    input.addEventListener('focus', () => {
      if (list.children.length || messages.children.length) popup.hidden = false;
    });
  }

  /** Shareable addresses carry short queries only; a long paste stays out of the URL. */
  function remember(q: string) {
    const url = new URL(location.href);
    notes = [];
    if (q.length <= MAX_SHARED_QUERY) url.searchParams.set('q', q);
    else {
      url.searchParams.delete('q');
      notes = [str('lookup.notShared')];
    }
    history.replaceState(history.state, '', url);
    const sw = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (sw) sw.search = q && q.length <= MAX_SHARED_QUERY ? `?q=${encodeURIComponent(q)}` : '';
  }

  /**
   * A submit (lookup-boot calls this). On the lookup page: look up now and keep a short query in
   * the address. In the header box: a single exact hit opens its page; otherwise the lookup page,
   * a short query in ?q= (shareable), a long paste handed over in sessionStorage, never in the
   * address, which IIS and most servers refuse past a few kilobytes (the lookup page says so).
   */
  function submit() {
    if (pageMode) {
      remember(input.value);
      clearTimeout(settleTimer);
      return void run(input.value);
    }
    const q = input.value.trim();
    if (!q) return;
    if (exactHref) return location.assign(exactHref);
    const page = root.dataset.lookupPage ?? '/lookup/';
    if (q.length <= MAX_SHARED_QUERY) return location.assign(`${page}?q=${encodeURIComponent(q)}`);
    try {
      sessionStorage.setItem(HANDOVER_KEY, q.slice(0, 40_000));
      location.assign(page);
    } catch {
      // No storage (private mode, quota): look it up here instead of building a huge address.
      clearTimeout(settleTimer);
      void run(input.value);
    }
  }
  input.addEventListener('input', (ev) => {
    const pasted =
      (ev as InputEvent).inputType === 'insertFromPaste' || (ev as InputEvent).inputType === 'insertFromDrop';
    schedule(input.value, pasted ? 0 : pageMode ? 250 : 150);
  });
  for (const f of filters)
    f.addEventListener('change', () => {
      lastRun = undefined;
      void run(input.value);
    });

  if (pageMode) {
    const { q, malformed } = readQuery(location.search);
    let handed: string | null;
    try {
      handed = sessionStorage.getItem(HANDOVER_KEY);
      sessionStorage.removeItem(HANDOVER_KEY);
    } catch {
      handed = null;
    }
    if (malformed) notes.push(str('lookup.badEncoding'));
    if (handed) {
      notes.push(str('lookup.handedOver'));
      input.value = handed;
      void run(handed);
    } else if (!input.value || q) {
      // Someone may have typed before this module arrived: their text wins over an empty address.
      input.value = q;
      void run(q);
    } else void run(input.value);
    const sw = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (sw && q && q.length <= MAX_SHARED_QUERY) sw.search = `?q=${encodeURIComponent(q)}`;
  } else if (input.value) void run(input.value);
  return { submit };
}
