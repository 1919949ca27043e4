"""PDF print from the built site: one per briefing, and a briefing book with page numbers."""

import re

import pytest
from conftest import make_project
from pypdf import PdfReader

from generator.pdf import BOOK_NAME
from generator.pipeline import build
from generator.report import Reporter

pytestmark = pytest.mark.slow

SECOND = """---
title: Ceasefire talks open in Geneva
date: 2024-06-19
---
Delegations from both sides arrived in Geneva on Monday, the Swiss foreign ministry said.
Reuters reported that the talks could last a week.
"""


@pytest.fixture(scope="module")
def pdf_project(tmp_path_factory):
    opts = make_project(tmp_path_factory.mktemp("pdf"), {"geneva.md": SECOND})
    assert build(opts, Reporter(-1), pdf=True) == 0
    return opts


def text_of(path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(path)).pages).split())


def test_one_pdf_per_briefing_with_headline_entities_and_sources(pdf_project):
    out = pdf_project.root / "pdf"
    seed_pdf = next(out.glob("000*.pdf"))
    text = text_of(seed_pdf)
    for name in ("Abbas Araghchi", "Donald Trump", "Fordo", "Axios", "CNN"):
        assert name in text, name
    assert "citing anonymous sources" in text
    assert "citing its own sources" in text
    assert (out / "geneva.pdf").is_file()
    assert "Ceasefire talks open in Geneva" in text_of(out / "geneva.pdf")


def test_book_has_contents_with_page_numbers_for_every_briefing(pdf_project):
    reader = PdfReader(str(pdf_project.root / "pdf" / BOOK_NAME))
    contents = " ".join((reader.pages[1].extract_text() or "").split())
    assert contents.startswith("Contents")
    entries = re.findall(r"(.+?)\s*\.{4,}\s*(\d+)\s*", contents.removeprefix("Contents"))
    assert len(entries) == 2, contents
    pages = [int(n) for _, n in entries]
    assert all(3 <= n <= len(reader.pages) for n in pages)
    assert "Ceasefire talks open in Geneva" in contents
    # the numbers point at the pages where the chapters start
    for title, n in entries:
        start = " ".join((reader.pages[int(n) - 1].extract_text() or "").split())
        assert title.strip()[:20] in start


def test_book_ends_with_an_entity_index_with_page_numbers(pdf_project):
    reader = PdfReader(str(pdf_project.root / "pdf" / BOOK_NAME))
    last = " ".join((reader.pages[-1].extract_text() or "").split())
    assert "Index of entities" in " ".join(
        " ".join((p.extract_text() or "").split()) for p in reader.pages[-3:]
    )
    entry = re.search(r"Abbas Araghchi\s+(\d+)", last) or re.search(r"Geneva\s+(\d+)", last)
    assert entry and 3 <= int(entry.group(1)) <= len(reader.pages)


def test_build_pdf_copies_into_the_site_and_links_them(pdf_project):
    site = pdf_project.root / "site"
    assert (site / "pdf" / BOOK_NAME).is_file()
    page = (site / "reports" / "geneva" / "index.html").read_text()
    assert 'href="../../pdf/geneva.pdf"' in page
