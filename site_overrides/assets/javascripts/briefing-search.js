/* Search box backed by Pagefind (site/pagefind/, made by `briefing build`).
   Results are built with DOM methods from Pagefind's data: nothing is inserted as HTML except
   <mark> highlights, which are re-created from the excerpt's text. Filters (story, entity type,
   source, tag, year: data-pagefind-filter on each page) narrow the results without a new
   query; their values are set as text only. */
(function () {
  "use strict";
  var root = document.querySelector("[data-briefing-search]");
  if (!root) return;
  var input = root.querySelector(".md-search__input");
  var list = root.querySelector(".md-search-result__list");
  var meta = root.querySelector(".md-search-result__meta");
  var toggle = document.getElementById("__search");
  var form = root.querySelector("form");
  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) {}
  var siteRoot = new URL((config.base || ".") + "/", window.location.href);
  var pagefind = null;
  var latest = 0;
  var filterBox = root.querySelector(".briefing-filters");
  var chosen = {};
  var FILTERS = [["kind", "Page"], ["story", "Story"], ["entity type", "Entity type"],
    ["source", "Source"], ["tag", "Tag"], ["year", "Year"]];

  /* Pagefind's script, WebAssembly and index entry (about 80 kB) are fetched once the page is
     idle, as Material loads its own search index, so the first keystroke only waits for the
     index chunks of its words. */
  /* The index comes in bundles (site/pagefind/bundles.json, see generator/search.py): the
     first is loaded, the others merged into it; results the newest bundle supersedes (pages
     changed or removed since the older bundles were made) are dropped by their id. */
  var superseded = {};
  function load() {
    if (!pagefind) {
      var base = new URL("pagefind/", siteRoot);
      pagefind = fetch(new URL("bundles.json", base).href, { cache: "no-cache" })
        .then(function (r) { if (!r.ok) throw new Error("no search index"); return r.json(); })
        .then(function (manifest) {
          (manifest.superseded || []).forEach(function (id) { superseded[id] = true; });
          var names = manifest.bundles || [];
          return import(new URL(names[0] + "/pagefind.js", base).href).then(function (pf) {
            return pf.options({ baseUrl: siteRoot.pathname })
              .then(function () {
                return Promise.all(names.slice(1).map(function (name) {
                  return pf.mergeIndex(new URL(name + "/", base).href,
                                       { baseUrl: siteRoot.pathname });
                }));
              })
              .then(function () { return pf.init(); })
              .then(function () { buildFilters(pf); return pf; });
          });
        });
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  /* A page whose indexed text did not change is in two bundles under one id: shown once. */
  function current(results) {
    var seen = {};
    return results.filter(function (r) {
      if (superseded[r.id] || seen[r.id]) return false;
      seen[r.id] = true;
      return true;
    });
  }

  function buildFilters(pf) {
    if (!filterBox) return;
    pf.filters().then(function (all) {
      FILTERS.forEach(function (pair) {
        var name = pair[0];
        var values = (all && all[name]) || {};
        var keys = Object.keys(values).sort();
        if (!keys.length) return;
        if (name === "year") keys.reverse();
        var label = document.createElement("label");
        label.className = "briefing-filter";
        var caption = document.createElement("span");
        caption.textContent = pair[1];
        var select = document.createElement("select");
        select.name = name;
        var any = document.createElement("option");
        any.value = "";
        any.textContent = "Any";
        select.appendChild(any);
        keys.forEach(function (value) {
          var option = document.createElement("option");
          option.value = value;
          option.textContent = value + " (" + values[value] + ")";
          select.appendChild(option);
        });
        select.addEventListener("change", function () {
          if (select.value) chosen[name] = select.value; else delete chosen[name];
          run();
        });
        label.appendChild(caption);
        label.appendChild(select);
        filterBox.appendChild(label);
      });
    }).catch(function () {});
  }

  function excerpt(html) {
    var out = document.createDocumentFragment();
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent));
      }
    });
    return out;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var a = document.createElement("a");
    a.className = "md-search-result__link";
    a.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h = document.createElement("h1");
    h.textContent = (data.meta && data.meta.title) || data.url;
    var p = document.createElement("p");
    p.appendChild(excerpt(data.excerpt || ""));
    article.appendChild(h);
    article.appendChild(p);
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  function show(results, query, total) {
    list.replaceChildren.apply(list, results.map(item));
    meta.textContent = total === 0 ? "No matching documents"
      : total === 1 ? "1 matching document" : total + " matching documents";
    if (!query) meta.textContent = "Type to start searching";
  }

  /* A keystroke searches at once when no search is running; keystrokes that come while one
     runs are folded into a single search for the newest text when it ends. */
  var running = false;
  var again = false;

  function run() {
    if (running) { again = true; return; }
    running = true;
    again = false;
    query().then(function () {
      running = false;
      if (again) run();
    });
  }

  function query() {
    var text = input.value.trim();
    var ticket = ++latest;
    var filtering = Object.keys(chosen).length > 0;
    if (!text && !filtering) { show([], "", 0); return Promise.resolve(); }
    var filters = {};
    Object.keys(chosen).forEach(function (k) { filters[k] = chosen[k]; });
    return load().then(function (pf) { return pf.search(text || null, { filters: filters }); })
      .then(function (search) {
        if (!search || ticket !== latest) return null;
        var results = current(search.results);
        var total = results.length;
        var pending = results.slice(0, 10).map(function (r) { return r.data(); });
        if (!pending.length) { show([], text || "filter", 0); return null; }
        /* The best match is shown as soon as its fragment is in, the rest when all are. */
        return pending[0]
          .then(function (data) { if (ticket === latest) show([data], text || "filter", total); })
          .then(function () { return Promise.all(pending); })
          .then(function (data) { if (ticket === latest) show(data, text || "filter", total); });
      })
      .catch(function () { meta.textContent = "Search is not available (run `briefing build`)."; });
  }

  function whenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(load, { timeout: 2000 });
    else setTimeout(load, 200);
  }

  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle);

  input.addEventListener("focus", function () { if (toggle) toggle.checked = true; load(); });
  input.addEventListener("input", run);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  form.addEventListener("reset", function () { setTimeout(run, 0); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle && toggle.checked) { toggle.checked = false; input.blur(); }
    if ((e.key === "/" || e.key === "s") && document.activeElement === document.body) {
      e.preventDefault(); input.focus();
    }
  });
})();
