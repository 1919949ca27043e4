"""Hostile and broken seeds: every one gets a safe page or a one-line error, nothing runs,
nothing outside the output folders is written, nothing outside seeds/ is published."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from browser import browser_page, static_server
from conftest import make_project, zensical_build
from hostile_corpus import SECRET_CONTENT, texts, write

from generator.ingest import find_seeds
from generator.pipeline import build_site, generate, process_seed
from generator.report import Reporter

pytestmark = pytest.mark.slow


def snapshot(root: Path) -> dict[str, str]:
    out = {}
    for p in root.rglob("*"):
        if p.is_file() and not p.is_symlink():
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    opts = make_project(base / "project")
    write(opts.root / "seeds", outside)
    before = snapshot(base)
    reporter = Reporter(-1)
    result = generate(opts, reporter)
    site_code = build_site(opts, reporter)
    return opts, base, before, reporter, result, site_code


def test_every_seed_gets_a_page_or_a_one_line_error(hostile):
    opts, _, _, reporter, result, site_code = hostile
    assert site_code == 0, "the site builds (strict) despite the hostile seeds"
    assert result.exit_code == 1
    built = {b.document.seed for b in result.site.briefings}
    errors = [line for line in reporter.log if line.startswith("error:")]
    for path in find_seeds(opts.root / "seeds"):
        seed = str(path.relative_to(opts.root))
        named = [e for e in errors if f"{seed}:" in e]
        assert (seed in built) != bool(named), f"{seed}: page={seed in built} errors={named}"
    for line in reporter.log:
        assert "\n" not in line and len(line) < 400, line
    hidden = [w for w in reporter.log if ".leading-dot.txt" in w]
    assert hidden, "a hidden file is named in a notice, not silently dropped"


def test_encodings_are_read_not_rejected(hostile):
    _, _, _, _, result, _ = hostile
    text = {Path(b.document.seed).name: b.document.text for b in result.site.briefings}
    assert "Café owners in Zürich" in text["cp1252.txt"]
    assert "ministers met in Paris" in text["utf16-bom.txt"]
    assert "Talks resumed in Geneva." in text["nul-bytes.txt"]
    assert "council met in Oslo" in text["nested.html"]


def test_each_seed_is_processed_within_30_seconds(hostile):
    opts = hostile[0]
    for path in find_seeds(opts.root / "seeds"):
        start = time.monotonic()
        process_seed(path, opts)
        assert time.monotonic() - start < 30, path.name


def test_nothing_written_outside_the_output_folders(hostile):
    opts, base, before, *_ = hostile
    after = snapshot(base)
    changed = {k for k in after if before.get(k) != after[k]} | (before.keys() - after.keys())
    allowed = ("project/briefings/", "project/site/", "project/.cache/")
    assert all(k.startswith(allowed) for k in changed), sorted(
        k for k in changed if not k.startswith(allowed)
    )
    assert not Path("/tmp/pwned-by-seed").exists()
    assert not list(Path("/tmp").glob("escaped-by-seed*"))
    assert all(
        p.resolve().is_relative_to(opts.root / "briefings")
        for p in (opts.root / "briefings").rglob("*")
    )


def test_no_outside_content_is_published(hostile):
    opts = hostile[0]
    passwd_line = next(
        (line for line in Path("/etc/passwd").read_text().splitlines() if line.startswith("root:")),
        "root:x:0:0",
    )
    for path in (opts.root / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js"):
            data = path.read_text(errors="replace")
            assert SECRET_CONTENT not in data, path
            assert passwd_line not in data, path


def test_colliding_titles_and_slugs_get_distinct_pages(hostile):
    _, _, _, _, result, _ = hostile
    slugs = [b.slug for b in result.site.briefings]
    assert len(slugs) == len(set(slugs))
    assert {"same-slug", "same-slug-2"} <= set(slugs)
    escaped = [b for b in result.site.briefings if b.document.seed.endswith("fm-slug-escape.md")]
    assert escaped and "/" not in escaped[0].slug and ".." not in escaped[0].slug


def test_control_and_bidi_characters_are_not_in_entity_names(hostile):
    _, _, _, _, result, _ = hostile
    for b in result.site.briefings:
        for e in b.extraction.entities:
            assert not any(ch in e.name for ch in "\u200b\u202e\u202c\u2066\u2069\ufeff\x07\x1b"), (
                e.name
            )
    page = next((hostile[0].root / "site" / "reports").glob("controls/index.html")).read_text()
    sidebar = page.split('id="entity-sidebar"', 1)[-1].split("</aside>", 1)[0]
    assert "\u202e" not in sidebar and "\u200b" not in sidebar


@pytest.mark.browser
def test_no_injected_script_runs_in_the_browser(hostile):
    opts = hostile[0]
    site = opts.root / "site"
    pages = sorted(p.parent.name for p in (site / "reports").glob("*/index.html"))
    assert len(pages) >= 15
    with static_server(site) as base, browser_page() as page:
        for slug in pages:
            page.goto(f"{base}reports/{slug}/")
            page.wait_for_load_state("load")
            assert page.evaluate("typeof window.__pwned") == "undefined", slug
            assert "<" not in page.title(), slug
            live = page.evaluate(
                """() => [...document.querySelectorAll('article *')].filter(el =>
                     ['SCRIPT','IFRAME','OBJECT','EMBED'].includes(el.tagName) ||
                     [...el.attributes].some(a => a.name.startsWith('on') ||
                       /^\\s*javascript:/i.test(a.value))).length"""
            )
            assert live == 0, slug
            nav = page.evaluate("document.querySelector('nav.md-nav--primary').innerHTML")
            assert "<script" not in nav and "onmouseover" not in nav, slug
        assert page.dialogs == []
        assert page.external_requests == []


def test_hostile_texts_cover_the_issue_list():
    names = set(texts())
    for needed in (
        "empty.txt",
        "binary.txt",
        "cp1252.txt",
        "utf16-bom.txt",
        "ten-megabytes.txt",
        "one-long-line.txt",
        "fm-anchors.md",
        "fm-python.md",
        "nested.html",
    ):
        assert needed in names


def test_zensical_build_of_the_hostile_tree_is_inert_too(hostile, tmp_path):
    """The same generated tree through the second engine: no live markup either."""
    import re
    import shutil

    from lxml import html as lxml_html

    opts = hostile[0]
    root = tmp_path / "z"
    shutil.copytree(opts.root, root, symlinks=True, ignore=shutil.ignore_patterns("site"))
    zensical_build(root)
    pages = list((root / "site" / "reports").glob("*/index.html"))
    assert len(pages) >= 15
    for page in pages:
        text = page.read_text(errors="replace")
        assert SECRET_CONTENT not in text
        doc = lxml_html.fromstring(text)
        for script in doc.iter("script"):
            src = script.get("src") or ""
            assert src and "assets/" in src or script.get("type") == "application/json", (
                page.parent.name,
                (script.text or "")[:80],
            )
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            for name, value in el.attrib.items():
                assert not name.startswith("on"), (page.parent.name, el.tag, name)
                assert not re.match(r"\s*javascript:", value, re.I), (page.parent.name, value)
        assert "<" not in (doc.findtext(".//title") or "")
