/**
 * The only script every page loads before interaction. It defines <mim-lookup> and waits: the
 * lookup code and its data load on first focus, keystroke or submit, never on page load.
 */
import { MAX_SHARED_QUERY } from '../lib/lookup';

/** Same key as lookup-ui's HANDOVER_KEY (kept here so the boot script stays tiny). */
const HANDOVER_KEY = 'mim-lookup:paste';

class MimLookup extends HTMLElement {
  #loaded?: Promise<void>;

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement | HTMLTextAreaElement>('textarea, input');
    const form = this.querySelector('form');
    if (!input || !form) return;
    const load = () => (this.#loaded ??= import('./lookup-ui').then((m) => m.attach(this)));
    input.addEventListener('focus', load, { once: true });
    input.addEventListener('input', load, { once: true });
    form.addEventListener('submit', (ev) => {
      // With JavaScript, a submitted query goes to the lookup page. A short one travels in ?q=
      // (shareable); a long paste is handed over in sessionStorage, never in the address, which
      // IIS and most servers refuse past a few kilobytes.
      ev.preventDefault();
      const q = input.value.trim();
      if (!q) return void load();
      const page = this.dataset.lookupPage ?? '/lookup/';
      if (q.length <= MAX_SHARED_QUERY) return location.assign(`${page}?q=${encodeURIComponent(q)}`);
      try {
        sessionStorage.setItem(HANDOVER_KEY, q.slice(0, 40_000));
        location.assign(page);
      } catch {
        // No storage (private mode, quota): look it up here instead of building a huge address.
        void load();
      }
    });
    if (this.dataset.mode === 'page') load();
  }
}

if (!customElements.get('mim-lookup')) customElements.define('mim-lookup', MimLookup);
