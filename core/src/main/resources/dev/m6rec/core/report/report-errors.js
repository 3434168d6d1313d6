// Installed before anything else runs: every script error, unhandled rejection or failed chart is listed in
// #m6rec-errors, where a reader sees it and the headless-browser test reads it.
(function () {
  function fail(message) {
    var list = document.getElementById('m6rec-errors');
    var item = document.createElement('li');
    item.textContent = message;
    list.appendChild(item);
    list.hidden = false;
  }
  window.m6recFail = fail;
  window.addEventListener('error', function (e) {
    fail('script error: ' + e.message + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
  });
  window.addEventListener('unhandledrejection', function (e) {
    fail('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason)));
  });
})();
