/* Theme before first paint (no flash), then the toggle. A classic script, so it runs before the
   page renders; it is an external file so the Content-Security-Policy needs no 'unsafe-inline'. */
(function () {
  var KEY = 'mim-theme';
  var root = document.documentElement;
  // The toggle only works with this script: show it from the first paint, so nothing shifts.
  root.classList.add('js-theme');
  function stored() {
    try {
      var v = localStorage.getItem(KEY);
      return v === 'light' || v === 'dark' ? v : 'auto';
    } catch {
      return 'auto';
    }
  }
  function apply(mode) {
    if (mode === 'auto') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', mode);
  }
  apply(stored());
  // The language switch keeps what the reader is looking at: the query (?build=, ?q=) and the
  // #anchor, mapped to the same heading in the other language (data-twin on step headings).
  // Set when it is followed, so an anchor chosen after the page loaded counts too.
  function keepPlace(ev) {
    var a = ev.target && ev.target.closest && ev.target.closest('a.lang-switch');
    if (!a) return;
    var url = new URL(a.getAttribute('href'), location.href);
    url.search = location.search;
    var id = decodeURIComponent(location.hash.slice(1));
    if (id) {
      var el = document.getElementById(id);
      var heading = el && el.closest('[data-twin]');
      url.hash = heading ? heading.getAttribute('data-twin') : id;
    }
    a.href = url.pathname + url.search + url.hash;
  }
  document.addEventListener('click', keepPlace);
  document.addEventListener('auxclick', keepPlace);
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('theme-toggle');
    if (!button) return;
    var order = ['auto', 'light', 'dark'];
    function show(mode) {
      button.setAttribute('data-mode', mode);
      var label = button.getAttribute('data-label-' + mode) || mode;
      button.querySelector('.theme-value').textContent = label;
    }
    show(stored());
    button.addEventListener('click', function () {
      var next = order[(order.indexOf(stored()) + 1) % order.length];
      try {
        if (next === 'auto') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch {
        // Storage is blocked (private mode, policy): the choice lasts for this page only.
      }
      apply(next);
      show(next);
    });
  });
})();
