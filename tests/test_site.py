"""End to end: seeds -> briefings/ -> site/ with MkDocs (strict), checked in the built HTML."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS_DEV, HOSTILE_MD, make_project
from lxml import html as lxml_html

from generator.options import Options
from generator.pipeline import build
from generator.report import Reporter

pytestmark = pytest.mark.slow

SIDEBAR_NAMES = [
    "Donald Trump",
    "Abbas Araghchi",
    "Steve Wittorf",
    "Mike Pence",
    "Axios",
    "New York Times",
    "CNN",
    "Wall Street Journal",
    "White House",
    "Iran",
    "Israel",
    "Tehran",
    "Qom",
    "Fordo",
]


def norm(text: str) -> str:
    text = " ".join(text.split()).replace("’", "'")
    return re.sub(r"^the ", "", text, flags=re.I)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Options:
    root = tmp_path_factory.mktemp("seedsite")
    opts = make_project(root, {"hostile.md": HOSTILE_MD, "broken.txt": b"\x00\x01\x02binary"})
    code = build(opts, Reporter(-1))
    assert code == 1  # the broken seed fails, everything else is built
    return opts


def page(opts: Options, rel: str) -> lxml_html.HtmlElement:
    return lxml_html.parse(str(opts.root / "site" / rel)).getroot()


def seed_page(opts: Options) -> tuple[Path, lxml_html.HtmlElement]:
    path = next((opts.root / "site" / "reports").glob("000*/index.html"))
    return path, lxml_html.parse(str(path)).getroot()


def test_sidebar_lists_entities_linking_to_their_pages(seed_site):
    path, root = seed_page(seed_site)
    sidebar = root.cssselect("aside#entity-sidebar")
    assert len(sidebar) == 1
    links = {norm(a.text_content()): a.get("href") for a in sidebar[0].cssselect("a.entity__name")}
    for name in SIDEBAR_NAMES:
        assert name in links, f"{name} missing from the sidebar: {sorted(links)}"
        target = (path.parent / links[name] / "index.html").resolve()
        assert target.is_file(), f"{name} links to a missing page"
        entity = lxml_html.parse(str(target)).getroot()
        assert norm(entity.cssselect("article h1")[0].text_content().rstrip("¶")) == name
        assert entity.cssselect(f'article a[href*="{path.parent.name}"]'), (
            "entity page lists the briefing"
        )


def test_sidebar_gives_roles_and_counts(seed_site):
    _, root = seed_page(seed_site)
    items = {
        norm(li.cssselect("a.entity__name")[0].text_content()): li
        for li in root.cssselect("aside#entity-sidebar li.entity")
    }
    role = items["Abbas Araghchi"].cssselect(".entity__role")
    assert role and "Foreign Minister" in role[0].text_content()
    assert int(items["Donald Trump"].cssselect(".entity__count")[0].text_content()) >= 3


def test_source_table_rows_carry_basis(seed_site):
    _, root = seed_page(seed_site)
    table = root.cssselect("table#source-table")
    assert len(table) == 1
    rows = []
    for tr in table[0].cssselect("tbody tr"):
        cells = [norm(td.text_content()) for td in tr.cssselect("td")]
        rows.append(cells)
        assert tr.cssselect("td.source-sentence a[href^='#s']"), "row links to its sentence"

    def row(source: str, claim_word: str) -> list[str]:
        found = [r for r in rows if r[0].startswith(source) and claim_word in r[2]]
        assert found, f"no {source} row about {claim_word}: {rows}"
        return found[0]

    for outlet in ("Axios", "New York Times", "CNN", "Wall Street Journal"):
        assert any(r[0].startswith(outlet) for r in rows), outlet
    assert "citing anonymous sources" in row("Axios", "Fordo")[1]
    assert "citing its own sources" in row("New York Times", "Wittorf")[1]
    assert "Middle Eastern and European officials" in row("Wall Street Journal", "Iran")[1]


def test_original_text_has_an_anchor_per_sentence(seed_site):
    _, root = seed_page(seed_site)
    anchors = root.cssselect("div.original-text span.sentence[id^='s']")
    assert len(anchors) == 15  # 16 lines; one sentence runs over "U.S.\\n"
    text = " ".join(a.text_content() for a in anchors)
    assert "Steve Wittorf, and Iran" in text  # the sentence running over "U.S.\nPresident"
    for a in root.cssselect("a.sentence-ref"):
        assert root.cssselect(a.get("href")), a.get("href")


def test_headline_and_bottom_line_come_from_the_text(seed_site):
    _, root = seed_page(seed_site)
    seed_text = " ".join(
        (seed_site.root / "seeds" / "000_d7325ed9ddf325b5.txt").read_text().split()
    )
    h1 = root.cssselect("article h1")[0].text_content().rstrip("¶").strip()
    words = re.findall(r"[\w.’'-]+", seed_text.lower())
    assert all(w in words for w in re.findall(r"[\w.’'-]+", h1.lower())), h1
    for p in root.cssselect(".bottom-line p"):
        sentence = " ".join(p.text_content().split()).rsplit(" S", 1)[0]
        assert sentence in seed_text


def test_home_lists_briefings_newest_first_and_nav_stays_small(seed_site):
    root = page(seed_site, "index.html")
    titles = [a.text_content() for a in root.cssselect("article h2 a")]
    assert "Hostile" in titles[0]  # dated 2024-03-05; the seed has no date
    nav_links = root.cssselect("nav.md-nav--primary a.md-nav__link")
    assert len(nav_links) <= 10  # the eight sections, whatever the number of pages


def test_hostile_seed_makes_a_page_with_nothing_live(seed_site):
    built = (seed_site.root / "site" / "reports" / "hostile" / "index.html").read_text()
    article = built.split("<article", 1)[1]
    assert "<script>window.__pwned" not in built
    assert "<iframe" not in article and 'href="javascript' not in article
    assert 'onclick="alert' not in article and "onerror=" not in built
    assert "root:x:0" not in built  # no snippet of /etc/passwd
    assert 'class="admonition' not in article
    assert ">49<" not in article and "49 and" not in article  # no template evaluation
    title = re.search(r"<title>(.*?)</title>", built, re.S).group(1)
    assert "<" not in title and "Hostile" in title


def test_pagefind_indexes_every_page(seed_site):
    import json

    site = seed_site.root / "site"
    bundles = json.loads((site / "pagefind" / "bundles.json").read_text())["bundles"]
    count = 0
    for name in bundles:
        entry = json.loads((site / "pagefind" / name / "pagefind-entry.json").read_text())
        count += entry["languages"]["en"]["page_count"]
    pages = [p for p in site.rglob("index.html") if "pagefind" not in p.parts]
    assert count == len(pages)
    # Material's own one-file index is not built page by page (the briefing plugin)
    assert len((site / "search" / "search_index.json").read_text()) < 1000


def test_no_external_hosts_in_built_pages(seed_site):
    for path in (seed_site.root / "site").rglob("*.html"):
        text = path.read_text()
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text


def test_rebuild_keeps_hand_edits_and_hand_written_pages(tmp_path):
    opts = make_project(tmp_path / "p")
    assert build(opts, Reporter(-1)) == 0
    docs = opts.root / "briefings"
    page_md = next((docs / "reports").glob("000*.md"))
    page_md.write_text(page_md.read_text() + "\nEDITOR NOTE: verified by phone.\n")
    (docs / "about.md").write_text("# About\n\nHand-written page.\n")
    assert build(opts, Reporter(-1)) == 0
    assert "EDITOR NOTE" in page_md.read_text()
    assert (docs / "about.md").read_text().startswith("# About")
    assert (
        "EDITOR NOTE" in (opts.root / "site" / "reports" / page_md.stem / "index.html").read_text()
    )


@pytest.mark.skipif(not CORPUS_DEV.is_dir(), reason="../shared/corpus/dev not present")
def test_multi_article_site_from_corpus_with_licences(tmp_path):
    opts = make_project(tmp_path / "p", with_seed=False)
    seeds = tmp_path / "corpus"
    seeds.mkdir()
    picked = sorted(CORPUS_DEV.glob("*.txt"))[::6]
    for txt in picked:
        shutil.copy(txt, seeds / txt.name)
        shutil.copy(txt.with_suffix(".json"), seeds / txt.with_suffix(".json").name)
    from dataclasses import replace

    assert build(replace(opts, seeds=seeds), Reporter(-1)) == 0
    reports = [p for p in (opts.root / "site" / "reports").glob("*/index.html")]
    assert len(reports) == len(picked)
    for p in reports:
        text = p.read_text()
        assert "briefing-licence" in text and "Licence:" in text
