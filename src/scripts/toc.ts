/**
 * Marks the section in view in "On this page" (aria-current="true" on its link). Optional: the
 * list works without it. Starts when the browser is idle, and only where the list is shown
 * (the wide-screen column), so a phone does no work for a list it does not display.
 */
class MimToc extends HTMLElement {
  connectedCallback() {
    const start = () => this.start();
    if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
    else setTimeout(start, 200);
  }

  start() {
    if (!this.offsetParent) return; // hidden on this screen size
    const links = new Map<Element, HTMLAnchorElement>();
    for (const a of this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (target) links.set(target, a);
    }
    if (!links.size) return;
    const targets = [...links.keys()];
    const visible = new Set<Element>();
    const mark = () => {
      // The first section whose heading is in view, else the last one scrolled past.
      let current = targets.find((t) => visible.has(t));
      if (!current) {
        const above = targets.filter((t) => t.getBoundingClientRect().top < 0);
        current = above.at(-1) ?? targets[0];
      }
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
      { rootMargin: '-64px 0px -55% 0px' },
    );
    for (const t of targets) io.observe(t);
  }
}
if (!customElements.get('mim-toc')) customElements.define('mim-toc', MimToc);
