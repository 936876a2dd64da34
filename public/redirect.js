/*
 * On the small pages at retired addresses (content/redirects.yaml): go to the new address at once,
 * keeping the #anchor of the old link when the redirect names none (a meta refresh drops it).
 * Without script, the page's meta refresh and its link still lead there.
 */
(function () {
  var to = document.currentScript && document.currentScript.getAttribute('data-to');
  if (!to) return;
  var url = new URL(to, location.href);
  if (url.origin !== location.origin) return;
  if (!url.hash && location.hash) url.hash = location.hash;
  location.replace(url.href);
})();
