/**
 * The lookup, loaded on first use. Exact tier first, from the small map the build wrote; then
 * Pagefind full text, loaded only when a query needs it. Every string the user typed reaches the
 * page as text nodes, never as HTML.
 */
import './trusted-types';
import {
  lookup,
  lookupExact,
  MAX_QUERY,
  shardOf,
  unpackIndex,
  type LookupEntry,
  type LookupIndex,
  type LookupResult,
  type PackedIndex,
} from '../lib/lookup';
import { foldHyphens, normalizeCode } from '../lib/codes';
import type { DecodedHresult } from '../lib/hresult';
import { localizedPath, type Lang } from '../lib/urls';
import { fill } from '../lib/template';
import { looksLikeExportText } from '../lib/analyze/markers';

/** A map (whole or one shard) with this language's lookup strings. */
type IndexPayload = { index: LookupIndex; strings: Record<string, string> };

interface FullTextHit {
  url: string;
  title: string;
  excerpt: string;
  subs: { url: string; title: string }[];
}

const indexCache = new Map<string, Promise<IndexPayload>>();
function loadIndex(url: string): Promise<IndexPayload> {
  let p = indexCache.get(url);
  if (!p) {
    p = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      const packed = (await r.json()) as PackedIndex;
      return { index: unpackIndex(packed), strings: packed.s };
    });
    indexCache.set(url, p);
  }
  return p;
}

// Pagefind's own module is loaded from the built site on the first full-text query.
type Pagefind = {
  options(o: Record<string, unknown>): Promise<void>;
  debouncedSearch?: unknown;
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
  const raw = m[1].replace(/\+/g, ' ');
  try {
    return { q: decodeURIComponent(raw), malformed: false };
  } catch {
    return { q: raw, malformed: true };
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** Pagefind excerpts mark hits with <mark>; rebuild them as text nodes and <mark> elements only. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out: Node[] = [];
  doc.body.firstElementChild?.childNodes.forEach((n) => {
    if (n.nodeName === 'MARK') out.push(el('mark', {}, n.textContent ?? ''));
    else out.push(document.createTextNode(n.textContent ?? ''));
  });
  return out;
}

export function attach(root: HTMLElement) {
  const input = root.querySelector('input')!;
  const form = root.querySelector('form')!;
  const status = root.querySelector<HTMLElement>('.lookup-status')!;
  const lang = (root.dataset.lang ?? 'en') as Lang;
  const base = root.dataset.base ?? '/';
  const pageMode = root.dataset.mode === 'page';
  const popup = root.querySelector<HTMLElement>('.lookup-popup');
  const list: HTMLOListElement = pageMode
    ? (document.getElementById('lookup-results') as HTMLOListElement)
    : popup!.appendChild(el('ol', { class: 'lookup-list', id: `${input.id}-results` }));
  const messages = pageMode
    ? document.getElementById('lookup-messages')!
    : popup!.insertBefore(el('div', { class: 'lookup-messages' }), list);
  const filters = pageMode ? [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')] : [];
  let S: Record<string, string> = {};
  let generation = 0;
  let ftTimer: ReturnType<typeof setTimeout> | undefined;
  let exactHref: string | undefined;

  const codeUrl = (e: LookupEntry) => localizedPath(base, lang, `codes/${e.s}`);
  const str = (k: string, n?: number) => fill(S[k] ?? k, n === undefined ? {} : { n });

  function entryItem(e: LookupEntry, tag: string): HTMLLIElement {
    const a = el('a', { href: codeUrl(e) }, el('code', {}, e.c), ' ', el('span', { class: 'r-title' }, e.t));
    const li = el(
      'li',
      { 'data-kind': e.k, 'data-tier': tag },
      a,
      ' ',
      el('span', { class: 'r-tag' }, str(`lookup.${tag}`)),
    );
    if (e.e) li.append(' ', el('span', { class: 'r-src' }, e.e));
    return li;
  }

  function hresultBlock(h: DecodedHresult, inCatalog: boolean): HTMLElement {
    const rows: [string, string][] = [
      [
        'HRESULT',
        `${h.hex.slice(0, 2)}${h.hex.slice(2).toUpperCase()} = ${h.unsigned} = ${h.signed}${h.name ? ` (${h.name})` : ''}`,
      ],
      [str('lookup.severity'), h.severity ? '1 (failure)' : '0 (success)'],
      [
        str('lookup.facility'),
        `${h.facility} (0x${h.facility.toString(16)})${h.facilityName ? ` ${h.facilityName}` : ''}`,
      ],
      [str('lookup.codePart'), `${h.code} (0x${h.code.toString(16).padStart(4, '0')})`],
    ];
    if (h.win32) rows.push([str('lookup.win32'), `${h.win32.code}${h.win32.name ? ` ${h.win32.name}` : ''}`]);
    const dl = el('dl', { class: 'hresult' });
    for (const [k, v] of rows) dl.append(el('dt', {}, k), el('dd', {}, v));
    const box = el(
      'div',
      { class: 'lookup-hresult' },
      el('p', {}, el('strong', {}, str('lookup.hresult'))),
      dl,
    );
    if (!inCatalog) box.append(el('p', {}, str('lookup.notInCatalog')));
    return box;
  }

  function showCount(n: number) {
    status.textContent =
      n === 0 ? str('lookup.noResults') : n === 1 ? str('lookup.count.one') : str('lookup.count.many', n);
  }

  // A whole export pasted here: offer the analyzer's report (the text goes over in sessionStorage).
  function exportHint(): HTMLElement {
    const a = el(
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
    return el('p', { class: 'lookup-export' }, `${root.dataset.analyzeHint ?? ''} `, a);
  }

  function render(r: LookupResult, fullText: FullTextHit[] | undefined, ftMessage?: string) {
    list.replaceChildren();
    messages.replaceChildren();
    if (root.dataset.analyze && looksLikeExportText(input.value)) messages.append(exportHint());
    exactHref = r.exact.length === 1 ? codeUrl(r.exact[0]) : undefined;
    if (r.truncated) messages.append(el('p', { class: 'lookup-warn' }, str('lookup.tooLong')));
    const shown = new Set<string>();
    for (const e of r.exact) {
      shown.add(codeUrl(e));
      list.append(entryItem(e, 'exact'));
    }
    for (const e of r.found) {
      shown.add(codeUrl(e));
      list.append(entryItem(e, 'found'));
    }
    if (r.hresult) messages.append(hresultBlock(r.hresult, r.exact.length > 0));
    for (const h of r.unknownHresults) messages.append(hresultBlock(h, false));
    if (!r.exact.length && !r.found.length && !r.hresult) {
      const display = r.input.trim().slice(0, 120);
      messages.append(
        el('p', { class: 'lookup-none' }, `${str('lookup.noEntry')} “`, el('code', {}, display), '”.'),
      );
    }
    if (r.suggestions.length) {
      messages.append(el('p', { class: 'lookup-dym' }, `${str('lookup.didYouMean')}:`));
      for (const e of r.suggestions) {
        shown.add(codeUrl(e));
        list.append(entryItem(e, 'didYouMean'));
      }
    }
    for (const hit of fullText ?? []) {
      if (shown.has(hit.url)) continue;
      shown.add(hit.url);
      const li = el(
        'li',
        { 'data-tier': 'fulltext' },
        el('a', { href: hit.url }, hit.title),
        ' ',
        el('span', { class: 'r-tag' }, str('lookup.fulltext')),
      );
      if (hit.excerpt) li.append(el('p', { class: 'r-excerpt' }, ...excerptNodes(hit.excerpt)));
      const subs = hit.subs.filter((s) => s.url !== hit.url && s.url.includes('#')).slice(0, 3);
      if (subs.length)
        li.append(
          el('ul', { class: 'r-subs' }, ...subs.map((s) => el('li', {}, el('a', { href: s.url }, s.title)))),
        );
      list.append(li);
    }
    if (ftMessage) messages.append(el('p', { class: 'lookup-warn' }, ftMessage));
    if (popup) popup.hidden = !list.children.length && !messages.children.length;
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

  async function run(value: string, opts: { malformed?: boolean } = {}) {
    const my = ++generation;
    clearTimeout(ftTimer);
    // The exact tier first, from the small shard for this code; the whole map only when needed.
    const key = normalizeCode(value.slice(0, MAX_QUERY));
    const shardUrl = `${root.dataset.shards}${shardOf(key)}.json`;
    let shard: IndexPayload;
    try {
      shard = await loadIndex(shardUrl);
    } catch {
      status.textContent = 'The lookup data could not be loaded.';
      return;
    }
    if (my !== generation) return;
    S = shard.strings;
    if (!value.trim()) {
      list.replaceChildren();
      messages.replaceChildren();
      if (popup) popup.hidden = true;
      status.textContent = pageMode || value ? str('lookup.empty') : '';
      exactHref = undefined;
      return;
    }
    let r = lookupExact(value, shard.index);
    if (!r.exact.length) {
      try {
        r = lookup(value, (await loadIndex(root.dataset.index!)).index);
      } catch {
        status.textContent = 'The lookup data could not be loaded.';
        return;
      }
      if (my !== generation) return;
    }
    render(r, undefined);
    if (opts.malformed) messages.prepend(el('p', { class: 'lookup-warn' }, str('lookup.badEncoding')));
    // Full text for short queries only: a pasted log is resolved by its codes.
    if (value.length > 200 || (r.exact.length && !pageMode)) return;
    ftTimer = setTimeout(
      async () => {
        let hits: FullTextHit[] = [];
        let msg: string | undefined;
        try {
          hits = await fullText(value);
        } catch {
          msg = import.meta.env.DEV ? str('lookup.devIndex') : str('lookup.searchFailed');
        }
        if (my !== generation) return;
        render(r, hits, msg);
        if (opts.malformed) messages.prepend(el('p', { class: 'lookup-warn' }, str('lookup.badEncoding')));
      },
      pageMode ? 0 : 120,
    );
  }

  // Keyboard: arrows move through result links, Escape closes, Enter opens (native link).
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>(':scope > li > a')];
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      const first = links()[0];
      if (first) {
        ev.preventDefault();
        first.focus();
      }
    } else if (ev.key === 'Escape' && popup) {
      popup.hidden = true;
    }
  });
  list.addEventListener('keydown', (ev) => {
    const all = links();
    const i = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (ev.key === 'ArrowDown' && i >= 0) {
      ev.preventDefault();
      all[Math.min(i + 1, all.length - 1)].focus();
    } else if (ev.key === 'ArrowUp' && i >= 0) {
      ev.preventDefault();
      (i === 0 ? input : all[i - 1]).focus();
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
  // Enter on a single exact hit opens its page directly; otherwise the lookup page.
  form.addEventListener(
    'submit',
    (ev) => {
      if (exactHref && !pageMode) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        location.assign(exactHref);
      } else if (pageMode) {
        ev.preventDefault();
        ev.stopImmediatePropagation();
        const q = input.value.slice(0, MAX_QUERY);
        history.replaceState(null, '', `?q=${encodeURIComponent(q)}`);
        void run(q);
      }
    },
    { capture: true },
  );
  input.addEventListener('input', () => void run(input.value));
  for (const f of filters) f.addEventListener('change', () => void run(input.value));

  if (pageMode) {
    const { q, malformed } = readQuery(location.search);
    // Someone may have typed before this module arrived: their text wins over the address.
    // The box is one line and drops line breaks; the lookup reads the query as it was sent.
    if (!input.value || q) {
      input.value = q;
      void run(q, { malformed });
    } else void run(input.value);
    // Keep the query when switching language.
    const sw = document.querySelector<HTMLAnchorElement>('a.lang-switch');
    if (sw && q) sw.search = `?q=${encodeURIComponent(q.slice(0, 2000))}`;
  } else if (input.value) void run(input.value);
}
