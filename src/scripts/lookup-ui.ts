/**
 * The lookup, loaded on first use: when it runs and what it does with the input. The exact tier
 * first, from the small shard the build wrote for the query's first character: in the header box
 * an exact hit is answered from the shard alone. Anything else (a near miss, a sentence, a pasted
 * text) loads the reader (readPaste, by import()) and the whole map, and for pasted text the
 * message index; Pagefind full text last, loaded only when a query needs it (all in
 * lookup-load). lookup-render shows the results. Every UI string comes from `data-strings` on
 * <mim-lookup> (src/i18n), in the page's language.
 */
import './trusted-types';
import { exactKey, lookupExact, MAX_SHARED_QUERY, prepareQuery, shardOf } from '../lib/lookup';
import type { PasteReading } from '../lib/paste';
import { exactReading } from './lookup-exact';
import { fullText, loadIndex, loadMessages, loadReader, type FullTextHit } from './lookup-load';
import { resultsView, type Str } from './lookup-render';
import { readStrings } from './strings';
import type { UiKey } from '../i18n/en';

/** sessionStorage key for a long paste handed from the header box to the lookup page. */
export const HANDOVER_KEY = 'mim-lookup:paste';

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

export function attach(root: HTMLElement) {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>('textarea, input')!;
  const form = root.querySelector('form')!;
  const base = root.dataset.base ?? '/';
  const pageMode = root.dataset.mode === 'page';
  const filters = pageMode ? [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')] : [];
  const t = readStrings(root);
  const str: Str = (k, vars = {}) => t(k as UiKey, vars);
  const view = resultsView(root, input, str);
  const { list, popup } = view;
  let generation = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastRun: string | undefined;
  let exactHref: string | undefined;
  let notes: string[] = [];

  /** One run per settled input: normalize once, read once, render, then full text if needed. */
  async function run(value: string) {
    const my = ++generation;
    lastRun = value;
    const { input: text } = prepareQuery(value);
    if (!text.trim()) {
      view.clear(value, notes);
      exactHref = undefined;
      return;
    }
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
      if (my === generation) view.failed();
      return;
    }
    exactHref = view.render(reading, notes);
    // Full text when the catalog gave nothing sure: the query itself when short, else the
    // paste's distinctive words (never all of them).
    // In the header box a sure or exact answer is enough; the lookup page lists the full-text
    // pages under it.
    const exactHit = reading.candidates.some((c) => c.reason.kind === 'exact');
    if (!pageMode && (exactHit || reading.candidates.some((c) => c.score >= 250))) return;
    const short = text.length <= 200 && text.trim().split(/\s+/).length <= 12;
    const query = short ? text : reading.terms.join(' ');
    if (!query.trim()) {
      exactHref = view.render(reading, notes, { hits: [] });
      return;
    }
    let hits: FullTextHit[] = [];
    let message: string | undefined;
    try {
      hits = await fullText(base, query, filters);
    } catch {
      message = import.meta.env.DEV ? str('lookup.devIndex') : str('lookup.searchFailed');
    }
    if (my !== generation) return;
    exactHref = view.render(reading, notes, { hits, terms: short ? undefined : query, message });
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
      if (list.children.length || view.messages.children.length) popup.hidden = false;
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
