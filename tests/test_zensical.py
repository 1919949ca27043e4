"""The same mkdocs.yml and briefings/ tree build with MkDocs and with Zensical (0.0.73).

Both outputs must show the entity sidebar and the source table, keep a hostile seed's <script>
(front-matter title and body) inert, carry no inline script (the CSP of deploy/nginx.conf) and,
for Zensical, search and run under that CSP when nginx serves the site.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from conftest import HOSTILE_MD, make_project, zensical_build
from lxml import html as lxml_html
from story_seeds import PORT, STORY_SEEDS

from generator.pipeline import build
from generator.report import Reporter

pytestmark = [pytest.mark.slow]

ENGINES = ("mkdocs", "zensical")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    """site/ of each engine, from one generated briefings/ tree."""
    if importlib.util.find_spec("zensical") is None:
        pytest.fail("zensical is not installed: it belongs in the test extras (zensical==0.0.73)")
    opts = make_project(
        tmp_path_factory.mktemp("engines"), {"hostile.md": HOSTILE_MD, **STORY_SEEDS}
    )
    assert build(opts, Reporter(-1)) == 0
    root = opts.root
    (root / "site").rename(root / "site-mkdocs")
    zensical_build(root)
    (root / "site").rename(root / "site-zensical")
    return {"mkdocs": root / "site-mkdocs", "zensical": root / "site-zensical"}


def seed_page(site: Path) -> Path:
    return next((site / "reports").glob("000*/")) / "index.html"


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def resolves(site: Path, page: Path, href: str) -> bool:
    """Does a relative link of `page` lead to a file of `site`?"""
    path = urlparse(href).path
    if not path:
        return True
    rel = posixpath.normpath(posixpath.join(page.parent.relative_to(site).as_posix(), path))
    if rel.startswith("../") or rel == "..":  # above the site root: a browser clamps, a host 404s
        return False
    target = site / rel
    return target.is_file() or (target / "index.html").is_file()


def pages(site: Path) -> set[str]:
    return {
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if "assets" not in p.relative_to(site).parts
    }


def test_both_engines_build_the_same_pages(outputs):
    assert pages(outputs["mkdocs"]) == pages(outputs["zensical"])
    for site in outputs.values():
        assert (site / "sitemap.xml").is_file()
        assert (site / "404.html").is_file()
        assert (site / "assets" / "briefing.css").is_file()


@pytest.mark.parametrize("engine", ENGINES)
def test_entity_sidebar_and_source_table(outputs, engine):
    site = outputs[engine]
    page = seed_page(site)
    doc = parse(page)
    sidebar = doc.get_element_by_id("entity-sidebar")
    names = {a.text_content().strip(): a.get("href") for a in sidebar.cssselect("a.entity__name")}
    assert "Abbas Araghchi" in names
    assert all(resolves(site, page, href) for href in names.values()), names
    assert "Iran’s Foreign Minister" in sidebar.text_content()
    table = doc.get_element_by_id("source-table")
    assert len(table.cssselect("tbody tr")) >= 3
    assert "citing anonymous sources" in table.text_content()
    for a in table.cssselect("a[href^='#s']"):
        assert doc.get_element_by_id(a.get("href")[1:]) is not None


@pytest.mark.parametrize("engine", ENGINES)
def test_story_page_timeline_disagreements_and_feed(outputs, engine):
    site = outputs[engine]
    page = site / "stories" / "aden-port-explosion" / "index.html"
    doc = parse(page)
    assert len(doc.cssselect(".story-timeline svg circle")) == len(PORT)
    disagreement = " ".join(doc.cssselect(".story-disagreement")[0].text_content().split())
    assert "killed 15 people" in disagreement and "killed 12 people" in disagreement
    links = [a.get("href") for a in doc.cssselect("article a[href]")]
    assert [h for h in links if "reports/" in h]
    assert all(resolves(site, page, h) for h in links if not h.startswith(("#", "http")))
    assert (site / "feeds" / "stories" / "aden-port-explosion.xml").is_file()


@pytest.mark.parametrize("engine", ENGINES)
def test_source_table_links_resolve(outputs, engine):
    site = outputs[engine]
    page = seed_page(site)
    links = [a.get("href") for a in parse(page).cssselect("#source-table td.source-name a")]
    assert links
    broken = [href for href in links if not resolves(site, page, href)]
    assert broken == []


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_seed_stays_inert(outputs, engine):
    site = outputs[engine]
    doc = parse(site / "reports" / "hostile" / "index.html")
    title = doc.findtext(".//title")
    assert "Hostile" in title and "<" not in title and ">" not in title
    h1 = doc.cssselect("article h1")[0].text_content()
    assert "<script>" in h1  # shown as text, not run
    for script in doc.iter("script"):
        src = script.get("src")
        if src is None:
            assert script.get("type") == "application/json", lxml_html.tostring(script)[:200]
            assert "__pwned" not in (script.text or "")
        else:
            assert "/assets/" in urljoin("https://h/reports/hostile/", src), src
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        assert el.tag not in ("iframe", "object", "embed")
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert not re.match(r"\s*javascript:", value, re.I), (el.tag, name, value)


@pytest.mark.parametrize("engine", ENGINES)
def test_no_inline_script_on_any_page(outputs, engine):
    site = outputs[engine]
    for rel in pages(site):
        for script in parse(site / rel).iter("script"):
            assert script.get("src") or script.get("type") == "application/json", rel


@pytest.mark.browser
def test_zensical_site_under_nginx_searches_without_csp_violation(outputs, tmp_path):
    from browser import browser_page, nginx_server

    site = outputs["zensical"]
    slug = seed_page(site).parent.name
    with nginx_server(site, tmp_path / "nginx") as base, browser_page() as page:
        for path in ("", f"reports/{slug}/", "reports/hostile/", "entities/abbas-araghchi/"):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            assert page.csp_violations() == [], path
        assert page.evaluate("typeof window.__pwned_title + typeof window.__pwned_body") == (
            "undefinedundefined"
        )
        page.goto(base)
        page.locator("button.md-search__button").click()
        box = page.locator("input[aria-label='Search']")
        box.press_sequentially("Araghchi", delay=50)
        page.locator(f"a[href*='reports/{slug}']").filter(visible=True).first.wait_for(
            state="visible", timeout=15_000
        )
        assert page.csp_violations() == []
        assert page.failed_responses == []
        assert page.external_requests == []
        assert page.dialogs == []
