"""Hosting: a site built for a sub-path works there; deploy/nginx.conf serves it with a strict CSP.

The sub-path tests serve site/ under /briefings/ on 127.0.0.1 (Python's server); the nginx tests
start Debian's nginx with the recipe in deploy/nginx.conf (only `listen` and `root` replaced) and
drive Chromium against it once: headers as served, no CSP violation, search, palette, navigation.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from browser import NGINX_RECIPE, browser_page, nginx_server, static_server
from conftest import HOSTILE_MD, make_project
from story_seeds import STORY_SEEDS

from generator.pipeline import build
from generator.report import Reporter

SUBPATH_URL = "https://example.org/briefings/"
# One story (its page, the story index, what's new) without more briefings naming Araghchi.
PORT_SEEDS = {name: text for name, text in STORY_SEEDS.items() if name.startswith(("port", "pin"))}
PAGE_KINDS = ("", "reports/", "entities/", "sources/", "timeline/", "tags/")  # + a briefing, …


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory) -> Path:
    opts = make_project(tmp_path_factory.mktemp("subpath"), {"hostile.md": HOSTILE_MD})
    assert build(opts, Reporter(-1), site_url=SUBPATH_URL) == 0
    return opts.root / "site"


@pytest.fixture(scope="module")
def root_site(tmp_path_factory) -> Path:
    opts = make_project(tmp_path_factory.mktemp("hosted"), {"hostile.md": HOSTILE_MD, **PORT_SEEDS})
    assert build(opts, Reporter(-1)) == 0
    return opts.root / "site"


@pytest.fixture(scope="module")
def nginx(root_site, tmp_path_factory):
    with nginx_server(root_site, tmp_path_factory.mktemp("nginx")) as base:
        yield base


def seed_slug(site: Path) -> str:
    return next((site / "reports").glob("000*/")).name


def all_pages(site: Path) -> list[str]:
    """Site-relative URLs of every page, "" for the home page."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/"
        for p in site.rglob("index.html")
        if "assets" not in p.relative_to(site).parts
    )


def recipe_csp() -> str:
    match = re.search(r'add_header Content-Security-Policy "([^"]+)"', NGINX_RECIPE.read_text())
    assert match
    return match.group(1)


# --- sub-path --------------------------------------------------------------------------------


def test_sitemap_and_404_page_use_the_site_url(subpath_site):
    sitemap = (subpath_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert f"{SUBPATH_URL}reports/{seed_slug(subpath_site)}/" in locs
    assert set(locs) == {SUBPATH_URL + p for p in all_pages(subpath_site)}
    assert (subpath_site / "sitemap.xml.gz").is_file()
    page = (subpath_site / "404.html").read_text(encoding="utf-8")
    # the 404 page is served at any depth: its links must be absolute under the sub-path
    for ref in re.findall(r'(?:href|src)="([^"#]+)"', page):
        if not ref.startswith(("https:", "http:")):  # links out (the theme's credit) aside
            assert ref.startswith("/briefings/"), ref


def test_site_works_under_a_sub_path(subpath_site):
    with static_server(subpath_site, prefix="/briefings/") as base, browser_page() as page:
        assert base.endswith("/briefings/")
        page.goto(base)
        # CSS loaded: Material's header is coloured, our stylesheet is applied
        assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") in (
            "sticky",
            "fixed",
        )
        assert any(
            "briefing.css" in (s or "")
            for s in page.evaluate("() => [...document.styleSheets].map(s => s.href)")
        )
        # navigation: the Briefings section, then the seed's briefing, then an entity
        page.locator(".md-nav--primary a", has_text="Briefings").first.click()
        page.wait_for_url(base + "reports/")
        page.locator("article a[href*='000']").first.click()
        page.wait_for_url(f"{base}reports/{seed_slug(subpath_site)}/")
        assert page.locator("#entity-sidebar").is_visible()
        page.locator("#entity-sidebar a.entity__name", has_text="Abbas Araghchi").click()
        page.wait_for_url(base + "entities/abbas-araghchi/")
        assert page.locator("h1").inner_text().startswith("Abbas Araghchi")
        # search (its worker and index load from under the sub-path)
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("Araghchi", delay=50)
        result = page.locator(".md-search-result__item a[href*='reports/000']").first
        result.wait_for(state="visible", timeout=15_000)
        assert result.evaluate("a => a.href").startswith(base)  # resolved, under the sub-path
        result.click()
        page.wait_for_url(re.compile(re.escape(f"{base}reports/{seed_slug(subpath_site)}/")))
        assert page.failed_responses == []
        assert page.external_requests == []


def test_every_link_of_every_page_resolves_under_the_sub_path(subpath_site):
    missing = set()
    for rel in all_pages(subpath_site):
        html = (subpath_site / rel / "index.html").read_text(encoding="utf-8")
        for ref in re.findall(r'(?:href|src)="([^"]+)"', html):
            ref = ref.replace("&#x2f;", "/")
            if ref.startswith(("#", "http:", "https:", "mailto:", "data:")):
                continue
            url = urlparse("https://h/briefings/" + rel)._replace(fragment="")
            target = urlparse(urljoin(url.geturl(), ref)).path
            assert target.startswith("/briefings/"), (rel, ref)
            local = subpath_site / target[len("/briefings/") :]
            if not (local.is_file() or (local / "index.html").is_file()):
                missing.add((rel, ref))
    assert not missing


def test_404_page_works_at_any_depth(subpath_site):
    with static_server(subpath_site, prefix="/briefings/") as base, browser_page() as page:
        response = page.goto(base + "no/such/page/")
        assert response and response.status == 404
        assert page.locator(".md-header").is_visible()
        assert page.failed_responses == [f"404 {base}no/such/page/"]
        page.locator("a.md-header__button.md-logo").click()
        page.wait_for_url(base)
        assert page.external_requests == []


def test_built_files_load_nothing_from_another_host(root_site):
    """Fonts, icons, scripts, styles: every resource the pages and CSS name is local."""
    tag = re.compile(r"<(link|script|img|iframe|source|audio|video|embed|object)\b[^>]*>", re.I)
    remote = re.compile(r'\b(?:href|src|srcset|data)="(?:https?:)?//', re.I)
    for page in root_site.rglob("*.html"):
        for match in tag.finditer(page.read_text(encoding="utf-8")):
            element = match.group(0)
            if re.search(r'rel="(canonical|alternate|prev|next)"', element):
                continue  # links, not loads
            assert not remote.search(element), (page, element)
    for css in root_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", text), css
        assert not re.search(r"@import\s+(?:url\()?\s*[\"']?(?:https?:)?//", text), css


# --- nginx with deploy/nginx.conf ----------------------------------------------------------


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_recipe_csp_allows_no_inline_script_or_eval():
    csp = dict(d.strip().split(" ", 1) for d in recipe_csp().split(";") if d.strip())
    for directive in ("script-src", "style-src", "default-src"):
        assert "'unsafe-inline'" not in csp.get(directive, "")
        assert "'unsafe-eval'" not in csp.get(directive, "")
    assert csp["script-src"] == "'self' 'wasm-unsafe-eval'"  # Pagefind's search runs WebAssembly
    assert csp["frame-ancestors"] == "'none'"
    assert csp["default-src"] == "'none'"


@pytest.mark.parametrize(
    "path", ["", "reports/", "assets/briefing.css", "search/search_index.json", "nope/"]
)
def test_nginx_sends_the_security_headers(nginx, root_site, path):
    status, headers, body = fetch(nginx + path)
    assert status == (404 if path == "nope/" else 200)
    assert headers["Content-Security-Policy"] == recipe_csp()
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "nginx/" not in headers.get("Server", "")
    if path == "nope/":
        assert b"md-header" in body  # the site's own 404 page


def test_nginx_hides_dot_files(nginx, root_site):
    (root_site / ".secret").write_text("x")
    try:
        assert fetch(nginx + ".secret")[0] == 404
    finally:
        (root_site / ".secret").unlink()


def test_site_under_nginx_csp_no_violation_search_palette_navigation(nginx, root_site):
    slug = seed_slug(root_site)
    pages = [*PAGE_KINDS, f"reports/{slug}/", "entities/abbas-araghchi/", "sources/axios/"]
    pages += ["stories/", "stories/aden-port-explosion/", "new/", "new/2025-W11/"]
    with browser_page() as page:
        for path in pages:
            response = page.goto(nginx + path)
            assert response and response.status == 200, path
            assert response.headers["content-security-policy"] == recipe_csp()
            page.wait_for_load_state("networkidle")
            assert page.csp_violations() == [], path
            # Material's scripts ran: its JS replaces the no-js class
            assert "no-js" not in (page.locator("html").get_attribute("class") or ""), path
            loaded = page.evaluate(
                "() => performance.getEntriesByType('resource').map(e => e.name)"
            )
            assert [u for u in loaded if not u.startswith(nginx)] == [], path

        # search: the worker and its index load under the CSP
        page.goto(nginx)
        page.locator("input.md-search__input").click()
        page.locator("input.md-search__input").press_sequentially("Araghchi", delay=50)
        result = page.locator(f".md-search-result__item a[href*='reports/{slug}']").first
        result.wait_for(state="visible", timeout=15_000)
        result.click()
        page.wait_for_url(re.compile(re.escape(f"{nginx}reports/{slug}/")))
        assert page.locator("#source-table").is_visible()

        # palette: switch to dark, and the choice holds on the next page
        assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
        page.locator("label[title='Switch to dark mode']").click()
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.locator(".md-nav--primary a", has_text="Entities").first.click()
        page.wait_for_url(nginx + "entities/")
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.locator("label[title='Switch to light mode']").click()
        assert page.locator("body").get_attribute("data-md-color-scheme") == "default"

        # navigation from the entity index to an entity page and back to its briefing
        page.locator("article a[href*='abbas-araghchi']").first.click()
        page.wait_for_url(nginx + "entities/abbas-araghchi/")
        page.locator(f"article a[href*='reports/{slug}']").first.click()
        page.wait_for_url(re.compile(re.escape(f"{nginx}reports/{slug}/")))

        assert page.csp_violations() == []
        csp_console = [m for m in page.console_messages if "Content Security Policy" in m]
        assert csp_console == []
        assert [m for m in page.console_messages if m.startswith(("error", "pageerror"))] == []
        assert page.failed_responses == []
        assert page.external_requests == []
