/**
 * Copy buttons and heading links. One delegated listener: [data-copy="text"] copies its
 * data-text; [data-copy="anchor"] copies the page's canonical URL with the heading's anchor.
 * Works on plain-http intranet servers too, where navigator.clipboard does not exist.
 */
import { h } from './dom';
import { readStrings } from './strings';

async function copy(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection-based copy.
  }
  const area = h('textarea', { readonly: '', class: 'visually-hidden' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

function canonical(): string {
  return (
    document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0]
  );
}

document.addEventListener('click', async (ev) => {
  const el = (ev.target as Element | null)?.closest<HTMLElement>('[data-copy]');
  if (!el) return;
  const kind = el.dataset.copy;
  const text = kind === 'anchor' ? `${canonical()}${el.getAttribute('href') ?? ''}` : (el.dataset.text ?? '');
  if (kind === 'anchor') history.replaceState(null, '', el.getAttribute('href'));
  ev.preventDefault();
  const ok = await copy(text);
  const bar = document.querySelector<HTMLElement>('.share');
  const status = bar?.querySelector<HTMLElement>('.share-status');
  if (status && bar) status.textContent = readStrings(bar)(ok ? 'share.copied' : 'share.copyFailed');
  el.dataset.copied = ok ? 'yes' : 'no';
  setTimeout(() => delete el.dataset.copied, 2000);
  if (!ok && bar) bar.querySelector('details')?.setAttribute('open', '');
});
