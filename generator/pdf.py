"""PDF print: one PDF per briefing and a briefing book, rendered from the built site by WeasyPrint.

The book is one assembled HTML document (cover, contents, chapters, entity index) so that page
numbers run through and `target-counter()` can fill in the contents. WeasyPrint may read only
local files inside the built site.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import html as lxml_html

from generator.options import Options
from generator.report import Reporter
from generator.write import atomic_write

BOOK_NAME = "briefing-book.pdf"


@dataclass
class Chapter:
    slug: str
    title: str
    date: str | None
    article: lxml_html.HtmlElement


def _local_fetcher(root: Path):  # type: ignore[no-untyped-def]
    from weasyprint.urls import URLFetcher

    allowed = root.resolve()

    class LocalOnly(URLFetcher):
        """Fetch file: URLs inside the site folder and data: URLs; refuse everything else."""

        def fetch(self, url, headers=None):  # type: ignore[no-untyped-def]
            parsed = urlparse(url)
            if parsed.scheme == "data":
                return super().fetch(url, headers)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if path.is_relative_to(allowed) and path.is_file():
                    return super().fetch(url, headers)
            raise ValueError(f"PDF rendering fetches only local site files, not {url[:80]}")

    return LocalOnly(allowed_protocols={"file", "data"}, allow_redirects=False)


def _stylesheet() -> str:
    return resources.files("generator").joinpath("templates/pdf.css").read_text("utf-8")


def load_chapters(site: Path, reports: str = "reports") -> list[Chapter]:
    """Every built briefing page, in the order of the briefings index (newest first)."""
    index = site / reports / "index.html"
    order: list[str] = []
    if index.is_file():
        tree = lxml_html.parse(str(index)).getroot()
        for a in tree.cssselect("article a[href]"):
            href = a.get("href", "")
            slug = (
                href.strip("/").split("/")[-1]
                if href and not href.startswith(("#", "http"))
                else ""
            )
            if slug and slug not in order and (site / reports / slug / "index.html").is_file():
                order.append(slug)
    for page in sorted((site / reports).glob("*/index.html")):
        if page.parent.name not in order:
            order.append(page.parent.name)
    return [ch for ch in (load_chapter(site / reports / slug, slug) for slug in order) if ch]


def load_chapter(folder: Path, slug: str) -> Chapter | None:
    """One built page (folder/index.html) as a chapter, None when it has no article."""
    root = lxml_html.parse(str(folder / "index.html")).getroot()
    articles = root.cssselect("article.md-content__inner")
    if not articles:
        return None
    article = articles[0]
    h1 = article.cssselect("h1")
    title = h1[0].text_content().strip().rstrip("¶").strip() if h1 else slug
    time = article.cssselect(".briefing-meta time, .story-meta time")
    return Chapter(slug, title, time[-1].get("datetime") if time else None, article)


def _clean(article: lxml_html.HtmlElement, prefix: str) -> lxml_html.HtmlElement:
    """A chapter body: permalinks dropped, ids made unique, only in-book links kept."""
    article = copy.deepcopy(article)
    for el in article.cssselect("a.headerlink, .md-content__button, .md-source-file"):
        el.drop_tree()
    for el in article.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("id"):
            el.set("id", f"{prefix}{el.get('id')}")
        href = el.get("href")
        if href is None:
            continue
        if href.startswith("#"):
            el.set("href", f"#{prefix}{href[1:]}")
        elif not href.startswith(("http://", "https://")):
            del el.attrib["href"]
    for svg in article.iter("svg"):  # lxml's HTML parser lower-cases SVG's viewBox
        if "viewbox" in svg.attrib:
            svg.set("viewBox", svg.attrib.pop("viewbox"))
    article.tag = "div"
    article.set("class", "chapter-body md-typeset")
    return article


def _document(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<title>{_esc(title)}</title></head><body dir="ltr">{body}</body></html>'
    )


def _esc(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def _chapter_html(ch: Chapter, book: bool) -> str:
    prefix = f"{ch.slug}--" if book else ""
    body = lxml_html.tostring(_clean(ch.article, prefix), encoding="unicode")
    return f'<section class="chapter" id="b-{_esc(ch.slug)}">{body}</section>'


def book_html(
    chapters: list[Chapter],
    site_name: str,
    entity_index: list[tuple[str, list[str]]],
    subtitle: str | None = None,
) -> str:
    today = dt.date.today().isoformat()
    subtitle = subtitle or f"Briefing book · {len(chapters)} briefings"
    cover = (
        f'<section class="cover"><h1 class="cover-title">{_esc(site_name)}</h1>'
        f'<p class="cover-sub">{_esc(subtitle)}</p>'
        f'<p class="cover-date">Compiled {today}</p></section>'
    )
    toc_items = "".join(
        f'<li><a href="#b-{_esc(c.slug)}">{_esc(c.title)}</a>'
        + (f' <span class="toc-date">{_esc(c.date)}</span>' if c.date else "")
        + "</li>"
        for c in chapters
    )
    toc = f'<nav class="book-contents"><h1>Contents</h1><ul>{toc_items}</ul></nav>'
    body = "".join(_chapter_html(c, book=True) for c in chapters)
    index = ""
    if entity_index:
        rows = "".join(
            f'<li><span class="ix-name">{_esc(name)}</span> '
            + ", ".join(f'<a class="ix-ref" href="#b-{_esc(s)}"></a>' for s in slugs)
            + "</li>"
            for name, slugs in entity_index
        )
        index = f'<section class="entity-index"><h1>Index of entities</h1><ul>{rows}</ul></section>'
    return _document(f"{site_name}: briefing book", cover + toc + body + index)


def entity_index_from(chapters: list[Chapter]) -> list[tuple[str, list[str]]]:
    """Entity name -> briefing slugs, from each chapter's sidebar."""
    found: dict[str, list[str]] = {}
    for ch in chapters:
        for a in ch.article.cssselect(".entity-sidebar a.entity__name"):
            name = a.text_content().strip()
            if name and ch.slug not in found.setdefault(name, []):
                found[name].append(ch.slug)
    return sorted(found.items(), key=lambda kv: kv[0].casefold())


def make_pdfs(options: Options, reporter: Reporter, story: str | None = None) -> int:
    from generator.project import build_lock

    with build_lock(options, reporter):
        if story is not None:
            return make_story_book(options, reporter, story)
        return make_pdfs_locked(options, reporter)


def story_book_name(key: str) -> str:
    return f"story-{key}.pdf"


def make_story_book(options: Options, reporter: Reporter, key: str) -> int:
    """One story as a book: its page (reports, claims, disagreements, timeline), then each of
    its briefings in time order, with contents and page numbers."""
    from weasyprint import CSS, HTML

    site = options.path(options.site)
    folder = site / "stories" / key
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", key) or not (folder / "index.html").is_file():
        reporter.error(f"no story {key!r} in {site / 'stories'} (see its index; build first)")
        return 1
    story = load_chapter(folder, f"story-{key}")
    if story is None:
        reporter.error(f"the story page {folder / 'index.html'} has no article")
        return 1
    slugs: list[str] = []
    for a in story.article.cssselect(".story-reports h3 + p a[href]"):
        slug = a.get("href", "").strip("/").split("/")[-1]
        if slug and slug not in slugs and (site / "reports" / slug / "index.html").is_file():
            slugs.append(slug)
    chapters = [story] + [
        ch for ch in (load_chapter(site / "reports" / s, s) for s in slugs) if ch is not None
    ]
    fetcher = _local_fetcher(site)
    css = CSS(string=_stylesheet(), url_fetcher=fetcher)
    book = book_html(
        chapters,
        story.title,
        entity_index_from(chapters[1:]),
        subtitle=f"Story · {len(slugs)} report{'' if len(slugs) == 1 else 's'}",
    )
    pdf = HTML(string=book, base_url=(site / "index.html").as_uri(), url_fetcher=fetcher).write_pdf(
        stylesheets=[css]
    )
    out = options.path(options.pdf)
    out.mkdir(parents=True, exist_ok=True)
    atomic_write(out / story_book_name(key), pdf)
    reporter.info(f"story book written to {out / story_book_name(key)}")
    return 0


def make_pdfs_locked(options: Options, reporter: Reporter, copy_to_site: bool = False) -> int:
    from weasyprint import CSS, HTML

    from generator.project import site_name

    site = options.path(options.site)
    out = options.path(options.pdf)
    if not (site / "reports").is_dir():
        reporter.error(f"no built site in {site}: run `briefing build` first")
        return 1
    chapters = load_chapters(site)
    if not chapters:
        reporter.error(f"no briefing pages in {site / 'reports'}")
        return 1
    fetcher = _local_fetcher(site)
    css = CSS(string=_stylesheet(), url_fetcher=fetcher)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ch in reporter.progress(chapters, len(chapters), "PDF"):
        doc = _document(ch.title, _chapter_html(ch, book=False))
        base = (site / "reports" / ch.slug / "index.html").as_uri()
        pdf = HTML(string=doc, base_url=base, url_fetcher=fetcher).write_pdf(stylesheets=[css])
        atomic_write(out / f"{ch.slug}.pdf", pdf)
        written.append(f"{ch.slug}.pdf")
    book = book_html(chapters, site_name(options), entity_index_from(chapters))
    pdf = HTML(string=book, base_url=(site / "index.html").as_uri(), url_fetcher=fetcher).write_pdf(
        stylesheets=[css]
    )
    atomic_write(out / BOOK_NAME, pdf)
    written.append(BOOK_NAME)
    for stale in out.glob("*.pdf"):
        if stale.name not in written:
            stale.unlink()
    reporter.info(f"{len(written)} PDFs written to {out}")
    if copy_to_site:
        target = site / "pdf"
        target.mkdir(exist_ok=True)
        for name in written:
            shutil.copyfile(out / name, target / name)
        reporter.info(f"copied the PDFs to {target}")
    return 0
