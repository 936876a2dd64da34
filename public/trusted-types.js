/*
 * The site's one Trusted Types policy ("default"), loaded before any other script. The
 * Content-Security-Policy says `require-trusted-types-for 'script'; trusted-types default`, so
 * every DOM sink that takes a string (innerHTML, new Worker(url), script.src, …) passes through
 * here, and nothing else may create a policy.
 *
 * - Script URLs (Pagefind's and the analyzer's workers) are allowed only from this origin.
 * - HTML is allowed only as text with <p> and <mark> tags: the lookup parses Pagefind's
 *   excerpts, which mark hits with <mark>; every other tag is removed.
 * - Script text (eval and the like) is never allowed: no createScript.
 */
(function () {
  var tt = window.trustedTypes;
  if (!tt || !tt.createPolicy) return;
  tt.createPolicy('default', {
    createScriptURL: function (url) {
      var u = new URL(url, document.baseURI);
      if (u.origin !== location.origin)
        throw new TypeError('Blocked a script from another origin: ' + u.origin);
      return u.href;
    },
    createHTML: function (html) {
      return String(html).replace(/<(?!\/?(?:p|mark)>)[^>]*>?/gi, '');
    },
  });
})();
