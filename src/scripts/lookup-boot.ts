/**
 * Part of the one script every page loads (frame.ts). It defines <mim-lookup> and waits: the
 * lookup code and its data load on first focus, keystroke or submit (on the lookup page itself,
 * right after the first paint). What a
 * submit does (open an exact hit, go to the lookup page, hand a long paste over without the
 * address) is lookup-ui's submit(), so this file stays a few hundred bytes.
 */
class MimLookup extends HTMLElement {
  #ui?: Promise<{ submit(): void }>;

  connectedCallback() {
    const input = this.querySelector('textarea, input');
    const form = this.querySelector('form');
    if (!input || !form) return;
    const load = () => (this.#ui ??= import('./lookup-ui').then((m) => m.attach(this)));
    input.addEventListener('focus', load, { once: true });
    input.addEventListener('input', load, { once: true });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      // If the lookup cannot load, the form does what it does without JavaScript (the catalog).
      load().then(
        (ui) => ui.submit(),
        () => form.submit(),
      );
    });
    // The lookup page loads it at once, but after its first paint: requests that start before it
    // count against first paint in Lighthouse's simulated mobile load (bench/RESULTS.md §4).
    if (this.dataset.mode === 'page') requestAnimationFrame(() => setTimeout(() => void load(), 0));
  }
}

if (!customElements.get('mim-lookup')) customElements.define('mim-lookup', MimLookup);

// "/" (outside a text field) or Ctrl+K / Cmd+K puts the caret in the page's lookup box, as on
// other documentation sites; the box says so in aria-keyshortcuts.
addEventListener('keydown', (ev) => {
  const slash = ev.key === '/' && !ev.ctrlKey && !ev.metaKey && !ev.altKey;
  const ctrlK = ev.key.toLowerCase() === 'k' && (ev.ctrlKey || ev.metaKey) && !ev.altKey && !ev.shiftKey;
  if (!slash && !ctrlK) return;
  const at = ev.target;
  if (slash && at instanceof HTMLElement && (at.isContentEditable || at.closest('input, textarea, select')))
    return;
  const boxes = document.querySelectorAll<HTMLElement>('mim-lookup .field');
  const box = [...boxes].find((b) => b.offsetParent !== null);
  if (!box) return;
  ev.preventDefault();
  box.focus();
});
