/* Theme before first paint, the toggle, and a language switch that keeps ?query and #anchor.
   A classic external script: it runs before the page renders, and the CSP needs no inline. */
(function () {
  var KEY = 'mim-theme';
  var root = document.documentElement;
  // Script-only controls show from the first paint, so nothing shifts.
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
  // On follow: the query, and the #anchor as the same heading in the other language (data-twins).
  function keepPlace(ev) {
    var a = ev.target && ev.target.closest && ev.target.closest('a.lang-switch');
    if (!a) return;
    var url = new URL(a.getAttribute('href'), location.href);
    url.search = location.search;
    var id = decodeURIComponent(location.hash.slice(1));
    if (id) {
      var el = document.getElementById(id);
      var h = el && el.closest('h2, h3, h4');
      var key = h && h.id ? h.id : id;
      var map = document.querySelector('[data-twins]');
      var twins = new Map(Object.entries(map ? JSON.parse(map.getAttribute('data-twins')) : {}));
      url.hash = twins.get(key) || key;
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
      // The visible text is hidden on narrow screens (header.css); the name stays in aria-label.
      button.setAttribute(
        'aria-label',
        button.querySelector(':scope > span').textContent.replace(/\s+/g, ' ').trim(),
      );
    }
    show(stored());
    button.addEventListener('click', function () {
      var next = order[(order.indexOf(stored()) + 1) % order.length];
      try {
        if (next === 'auto') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch {
        // Storage blocked: the choice lasts for this page.
      }
      apply(next);
      show(next);
    });
  });
})();
