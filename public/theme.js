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
