/* Material's inline start-up script (partials/javascripts/base.html), moved into a file so that
   the Content-Security-Policy needs neither 'unsafe-inline' nor a hash for scripts. Same globals,
   same storage keys; the scope (the site's base URL) comes from the tag's data-scope attribute. */
(function () {
  "use strict";
  var script = document.currentScript;
  var scope = new URL((script && script.getAttribute("data-scope")) || ".", location);
  if (!scope.pathname.endsWith("/")) scope = new URL(scope.pathname + "/", location);
  window.__md_scope = scope;
  window.__md_hash = function (value) {
    return [...value].reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage = localStorage, base = window.__md_scope) {
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage = localStorage, base = window.__md_scope) {
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      /* storage full or disabled: the choice is simply not remembered */
    }
  };
  document.documentElement.setAttribute("data-platform", navigator.platform);
})();
