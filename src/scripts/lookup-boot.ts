/**
 * The only script every page loads before interaction. It defines <mim-lookup> and waits: the
 * lookup code and its data load on first focus, keystroke or submit, never on page load.
 */
class MimLookup extends HTMLElement {
  #loaded?: Promise<void>;

  connectedCallback() {
    const input = this.querySelector('input');
    const form = this.querySelector('form');
    if (!input || !form) return;
    const load = () => (this.#loaded ??= import('./lookup-ui').then((m) => m.attach(this)));
    input.addEventListener('focus', load, { once: true });
    input.addEventListener('input', load, { once: true });
    form.addEventListener('submit', (ev) => {
      // With JavaScript, a submitted query goes to the lookup page, which can be shared.
      ev.preventDefault();
      const q = input.value.trim();
      if (!q) return void load();
      location.assign(`${this.dataset.lookupPage}?q=${encodeURIComponent(q.slice(0, 10_000))}`);
    });
    if (this.dataset.mode === 'page') load();
  }
}

if (!customElements.get('mim-lookup')) customElements.define('mim-lookup', MimLookup);
