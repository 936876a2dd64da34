/**
 * Links for tickets, in the browser. The page ships site paths ("/mim-help/codes/6025/"); every
 * link shown or copied here is made absolute from the page's own address (location), so it names
 * the host, port and scheme the reader is on, whatever SITE_URL the site was built with.
 *
 * One delegated listener: [data-copy="url"] copies its data-path as a full URL,
 * [data-copy="anchor"] the page's URL with the heading's anchor, "ticket" and "markdown" the
 * ticket block, "code" the code block it sits on. The copy itself (with its fallback for plain-http intranet servers) is in clipboard.ts.
 */
import { absoluteUrl } from '../lib/urls';
import { ticketMarkdown, ticketText, type TicketData, type TicketInput } from '../lib/ticket';
import { feedbackHref } from '../lib/site-config';
import { readStrings } from './strings';
import { copyText } from './clipboard';

const here = (path: string) => absoluteUrl(path, location.href) ?? path;

function ticket(bar: HTMLElement | null): TicketInput | undefined {
  if (!bar?.dataset.ticket) return undefined;
  const d = JSON.parse(bar.dataset.ticket) as TicketData;
  return { ...d, url: here(d.path), fixUrl: d.fixPath ? here(d.fixPath) : undefined };
}

/** The page's own URL without query or anchor (the share bar's path when there is one). */
function pageUrl(bar: HTMLElement | null): string {
  return ticket(bar)?.url ?? here(location.pathname);
}

/** Shown links, the ticket preview and the feedback links take this page's address. */
function localize(): void {
  const bar = document.querySelector<HTMLElement>('.share');
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-here]')) {
    a.textContent = here(a.getAttribute('href') ?? '');
  }
  const input = ticket(bar);
  const pre = bar?.querySelector('.ticket-pre');
  if (input && pre) pre.textContent = ticketText(input);
  const fb = document.querySelector<HTMLElement>('.feedback[data-title]');
  if (fb) {
    for (const a of fb.querySelectorAll<HTMLAnchorElement>('a[data-helpful]')) {
      a.href = feedbackHref(fb.dataset.target, {
        title: fb.dataset.title ?? '',
        subject: fb.dataset.subject ?? '',
        url: here(fb.dataset.path ?? location.pathname),
        helpful: a.dataset.helpful === 'yes',
      });
    }
  }
}

function textFor(el: HTMLElement, bar: HTMLElement | null): string {
  const t = ticket(bar);
  switch (el.dataset.copy) {
    case 'anchor':
      return `${pageUrl(bar)}${el.getAttribute('href') ?? ''}`;
    case 'url':
      return here(el.dataset.path ?? location.pathname);
    case 'ticket':
      return t ? ticketText(t) : pageUrl(bar);
    case 'markdown':
      return t ? ticketMarkdown(t) : pageUrl(bar);
    case 'code':
      return (el.closest('.code-block')?.querySelector('pre')?.textContent ?? '').replace(/\n$/, '');
    default:
      return el.dataset.text ?? '';
  }
}

document.addEventListener('click', async (ev) => {
  const el = (ev.target as Element | null)?.closest<HTMLElement>('[data-copy]');
  if (!el) return;
  const bar = document.querySelector<HTMLElement>('.share');
  const text = textFor(el, bar);
  if (el.dataset.copy === 'anchor') history.replaceState(null, '', el.getAttribute('href'));
  ev.preventDefault();
  const ok = await copyText(text);
  // A code block's button says it in its own label; the share bar has a status line.
  const label = el.querySelector('.code-copy-label');
  if (label && el.dataset.done) {
    const before = label.textContent;
    label.textContent = ok ? el.dataset.done : before;
    setTimeout(() => (label.textContent = before), 2000);
  }
  const status = el.dataset.copy === 'code' ? null : bar?.querySelector<HTMLElement>('.share-status');
  if (status && bar) status.textContent = readStrings(bar)(ok ? 'share.copied' : 'share.copyFailed');
  el.dataset.copied = ok ? 'yes' : 'no';
  setTimeout(() => delete el.dataset.copied, 2000);
  if (!ok && bar) bar.querySelector('details')?.setAttribute('open', '');
});

localize();
