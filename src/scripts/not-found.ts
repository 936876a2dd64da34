/**
 * On the 404 page: a short link to a code we do not have a page for (/e/<code>/) is looked up.
 * A single exact hit (for example /e/0x8023063D/ or /e/2149779005/) goes straight to its page;
 * anything else is offered to the lookup with the code filled in.
 */
import { lookupExact, unpackIndex, type PackedIndex } from '../lib/lookup';
import { localizedPath, splitLocalizedPath, type Lang } from '../lib/urls';

const box = document.getElementById('short-link-help');
const base = box?.dataset.base ?? '/';
const { lang, pagePath } = splitLocalizedPath(base, location.pathname);
const m = /^e\/(.+)$/.exec(pagePath);
if (box && m) {
  let code: string;
  try {
    code = decodeURIComponent(m[1]);
  } catch {
    code = m[1];
  }
  code = code.slice(0, 200);
  const target = `${localizedPath(base, lang as Lang, 'lookup')}?q=${encodeURIComponent(code)}`;
  const link = box.querySelector<HTMLAnchorElement>(`a[data-lang="${lang}"]`) ?? box.querySelector('a')!;
  link.href = target;
  link.querySelector('code')!.textContent = code;
  box.querySelectorAll<HTMLElement>(`[data-lang]`).forEach((el) => (el.hidden = el.dataset.lang !== lang));
  box.hidden = false;
  fetch(localizedPath(base, lang as Lang, 'lookup-index.json').replace(/\/$/, ''))
    .then((r) => (r.ok ? (r.json() as Promise<PackedIndex>) : undefined))
    .then((packed) => {
      const exact = packed ? lookupExact(code, unpackIndex(packed)).exact : [];
      if (exact.length === 1) location.replace(localizedPath(base, lang as Lang, `codes/${exact[0].s}`));
    })
    .catch(() => undefined);
}
