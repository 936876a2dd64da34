/**
 * The lookup's results area: the list of candidates and full-text pages, the notes above it
 * (warnings, decoded HRESULTs, the analyzer hint) and below it ("No entry for …"), the count in
 * the status line. It only renders a reading it is given; lookup-ui decides when. Every string
 * the user typed reaches the page as text nodes, never as HTML.
 */
import type { LookupEntry } from '../lib/lookup';
import type { Candidate, PasteReading } from '../lib/paste';
import type { DecodedHresult } from '../lib/hresult';
import { localizedPath, type Lang } from '../lib/urls';
import { looksLikeExportText } from '../lib/analyze/markers';
import { h } from './dom';
import { loadedReader, type FullTextHit } from './lookup-load';

/** A UI string by key, from the page's `data-strings` (src/i18n). */
export type Str = (key: string, vars?: Record<string, string | number>) => string;

export interface FullTextResult {
  hits: FullTextHit[];
  terms?: string;
  message?: string;
}

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

/**
 * The results area of one <mim-lookup>: on the lookup page the page's own list and notes, in the
 * header box a popup list made here.
 */
export function resultsView(root: HTMLElement, input: HTMLInputElement | HTMLTextAreaElement, str: Str) {
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
    const url = `${localizedPath(base, lang, 'versions')}?${loadedReader().PARAM_FOR_LINE[t.line]}=${encodeURIComponent(t.version)}`;
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

  function fullTextItem(hit: FullTextHit): HTMLLIElement {
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
    return li;
  }

  /** An HRESULT's decoding; for a value laid out as an NTSTATUS (an exception code), its own title and note. */
  function hresultBlock(hr: DecodedHresult, inCatalog: boolean): HTMLElement {
    const kind = hr.ntstatus ? 'ntstatus' : 'hresult';
    const rows: [string, string][] = [
      [
        str(`lookup.${kind}.value`),
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
    const box = h(
      'div',
      { class: 'lookup-hresult', 'data-layout': kind },
      h('p', {}, h('strong', {}, str(`lookup.${kind}`))),
      dl,
    );
    if (hr.ntstatus || !inCatalog)
      box.append(h('p', {}, str(hr.ntstatus ? 'lookup.ntstatus.note' : 'lookup.notInCatalog')));
    return box;
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

  function showCount(n: number) {
    status.textContent =
      n === 0 ? str('lookup.noResults') : n === 1 ? str('lookup.count.one') : str('lookup.count.many', { n });
  }

  /** Empties the area and shows `notes` (the page's own warnings) above where results go. */
  function reset(notes: string[]) {
    list.replaceChildren();
    messages.replaceChildren();
    after.replaceChildren();
    for (const n of notes) messages.append(h('p', { class: 'lookup-warn' }, n));
  }

  /**
   * Shows a reading (and the full-text pages that follow it, once they are there). Returns the
   * address of its single exact hit, which a submit in the header box opens, if it has one.
   */
  function render(r: PasteReading, notes: string[], fullText?: FullTextResult): string | undefined {
    reset([]);
    if (root.dataset.analyze && looksLikeExportText(input.value)) messages.append(exportHint());
    const top = r.candidates[0];
    const exactHref =
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
    const direct = r.candidates.some((c) => c.reason.kind !== 'didYouMean' && c.reason.kind !== 'text');
    // A decoding is the answer when the catalog has nothing better: then it leads. When a catalog
    // page answers the paste (the crash entry's event, with the exception code decoded on the
    // side), an uncatalogued HRESULT's "not in the catalog" must not sit above that answer.
    for (const x of r.hresults)
      (x.inCatalog || !direct ? messages : after).append(hresultBlock(x, x.inCatalog));
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
      list.append(fullTextItem(hit));
    }
    if (fullText?.message) after.append(h('p', { class: 'lookup-warn' }, fullText.message));
    if (popup) popup.hidden = !list.children.length && !messages.children.length && !after.children.length;
    showCount(list.children.length);
    return exactHref;
  }

  /** Nothing to look up: only the notes, the popup closed. */
  function clear(value: string, notes: string[]) {
    reset(notes);
    if (popup) popup.hidden = true;
    status.textContent = pageMode || value ? str('lookup.empty') : '';
  }

  const failed = () => (status.textContent = str('lookup.loadFailed'));

  return { list, messages, popup, render, clear, failed };
}
