/* Search box backed by Pagefind (site/pagefind/, made by `briefing build`).
   Results are built with DOM methods from Pagefind's data: nothing is inserted as HTML except
   <mark> highlights, which are re-created from the excerpt's text. */
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

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (pf) {
        return pf.options({ baseUrl: siteRoot.pathname }).then(function () { return pf; });
      });
    }
    return pagefind;
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

  var timer = null;

  function run() {
    clearTimeout(timer);
    timer = setTimeout(query, 120);
  }

  function query() {
    var text = input.value.trim();
    var ticket = ++latest;
    if (!text) { show([], "", 0); return; }
    load().then(function (pf) { return pf.search(text); })
      .then(function (search) {
        if (!search || ticket !== latest) return null;
        return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); }))
          .then(function (data) { if (ticket === latest) show(data, text, search.results.length); });
      })
      .catch(function () { meta.textContent = "Search is not available (run `briefing build`)."; });
  }

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
