/**
 * The site's one Trusted Types policy ("default"). The Content-Security-Policy says
 * `require-trusted-types-for 'script'; trusted-types default`, so every DOM sink that takes a
 * string passes through here. Only the lookup (Pagefind's worker, its <mark> excerpts) and the
 * analyzer (its worker) use such sinks, so they import this module before anything else; pages
 * load no policy script before interaction.
 *
 * - Script URLs only from this origin. HTML only as text with <p> and <mark>. No createScript,
 *   so nothing can be evaluated.
 */
type Policy = { createScriptURL(u: string): string; createHTML(h: string): string };
type TT = { createPolicy(name: string, p: Policy): unknown; defaultPolicy?: unknown };

const tt = (globalThis as { trustedTypes?: TT }).trustedTypes;
if (tt && !tt.defaultPolicy) {
  tt.createPolicy('default', {
    createScriptURL(url) {
      const u = new URL(url, document.baseURI);
      if (u.origin !== location.origin) throw new TypeError(`Blocked a script from ${u.origin}`);
      return u.href;
    },
    createHTML(html) {
      return String(html).replace(/<(?!\/?(?:p|mark)>)[^>]*>?/gi, '');
    },
  });
}
export {};
