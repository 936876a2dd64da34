/**
 * Defines <mim-versions> and waits: the checker's code loads on first focus or submit, or at
 * once when the address carries ?build= or ?connector= (a shared link).
 */
import type { Checker } from './versions-ui';

class MimVersions extends HTMLElement {
  #checker?: Promise<Checker>;

  connectedCallback() {
    const load = () => (this.#checker ??= import('./versions-ui').then((m) => m.attach(this)));
    for (const form of this.querySelectorAll<HTMLFormElement>('form[data-line]')) {
      form.querySelector('input')?.addEventListener('focus', () => void load(), { once: true });
      form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        void load().then((c) => c.check(form, true));
      });
    }
    const params = new URLSearchParams(location.search);
    if (params.has('build') || params.has('connector')) void load();
  }
}

if (!customElements.get('mim-versions')) customElements.define('mim-versions', MimVersions);
