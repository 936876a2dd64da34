// The one Trusted Types policy ("default"): see public/_headers and README "The Content-Security-Policy".
(function () {
  var tt = window.trustedTypes;
  if (!tt || !tt.createPolicy) return;
  tt.createPolicy('default', {
    // Worker and script URLs only from this origin (Pagefind's and the analyzer's workers).
    createScriptURL: function (url) {
      var u = new URL(url, document.baseURI);
      if (u.origin !== location.origin) throw new TypeError('Blocked a script from ' + u.origin);
      return u.href;
    },
    // HTML only as text with <p> and <mark> (Pagefind's excerpts); no createScript, so no eval.
    createHTML: function (html) {
      return String(html).replace(/<(?!\/?(?:p|mark)>)[^>]*>?/gi, '');
    },
  });
})();
