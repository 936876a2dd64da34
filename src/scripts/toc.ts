/**
 * Marks the section in view in "On this page" (aria-current="true" on its link) and, in the
 * narrow-screen bar, names it ([data-toc-current]); a jump from the bar closes it. Optional: the
 * list and the bar work without it. Starts when the browser is idle, and only where the list is
 * shown (the column on wide screens, the bar on narrow ones), so no work is done for a hidden copy.
 * A window resized across the breakpoint hides one copy and shows the other: each copy watches its
 * own size, stops when it is hidden and starts again, with the band of its new layout, when shown.
 */
class MimToc extends HTMLElement {
  private stop?: AbortController;

  connectedCallback() {
    this.addEventListener('click', (ev) => {
      if (ev.target instanceof Element && ev.target.closest('a'))
        this.querySelector('details')?.removeAttribute('open');
    });
    const watch = () => new ResizeObserver(() => this.restart()).observe(this);
    if ('requestIdleCallback' in window) requestIdleCallback(watch, { timeout: 2000 });
    else setTimeout(watch, 200);
  }

  /** Starts (again) when shown; does nothing while hidden on this screen size. */
  restart() {
    this.stop?.abort();
    this.stop = undefined;
    if (this.offsetParent) this.start((this.stop = new AbortController()).signal);
  }

  start(signal: AbortSignal) {
    const links = new Map<Element, HTMLAnchorElement>();
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (target) links.set(target, a);
    }
    if (!links.size) return;
    const targets = [...links.keys()];
    const visible = new Set<Element>();
    const named = this.querySelector('[data-toc-current]');
    // The band starts where an anchored heading stops: below the sticky header (and the bar on
    // narrow screens), as the headings' own scroll-margin-top says, so CSS stays the one source.
    const top = Math.round(parseFloat(getComputedStyle(targets[0]).scrollMarginTop) || 0);
    const mark = () => {
      // The first section whose heading is in view, else the last one scrolled past; above the
      // first section the list marks that one and the bar names none.
      const reached =
        targets.find((t) => visible.has(t)) ??
        targets.filter((t) => t.getBoundingClientRect().top < top).at(-1);
      const current = reached ?? targets[0];
      if (named) named.textContent = reached ? (links.get(reached)?.textContent ?? '') : '';
      for (const [t, a] of links) {
        if (t === current) a.setAttribute('aria-current', 'true');
        else a.removeAttribute('aria-current');
      }
    };
    const io = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.isIntersecting) visible.add(e.target);
          else visible.delete(e.target);
        }
        mark();
      },
      { rootMargin: `-${top}px 0px -55% 0px` },
    );
    for (const t of targets) io.observe(t);
    signal.addEventListener('abort', () => io.disconnect());
    // A fast scroll or a jump can carry every heading past the band without the observer seeing
    // one inside it; marking again once per frame of scrolling keeps the mark right. While a
    // heading is in the band the observer's mark is already right, so the scroll does nothing.
    let queued = false;
    addEventListener(
      'scroll',
      () => {
        if (queued || visible.size) return;
        queued = true;
        requestAnimationFrame(() => {
          queued = false;
          mark();
        });
      },
      { passive: true, signal },
    );
  }
}
if (!customElements.get('mim-toc')) customElements.define('mim-toc', MimToc);
