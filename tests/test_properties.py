"""Property tests: random text, bytes and front matter through each stage.

Only SeedError (the documented error type) may escape a stage, and what comes out is sound:
offsets index the text, rendered pages hold no live HTML from the seed.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from generator.assemble import assemble
from generator.errors import SeedError
from generator.extract import extract
from generator.ingest import read_seed
from generator.model import Document, Metadata
from generator.options import Options
from generator.render import render_site

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
hostile_bits = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '{: onclick="x" }',
        '--8<-- "/etc/passwd"',
        "!!! note",
        "{{ x }}",
        "{% if %}",
        "|a|b|",
        "```",
        "\u202e",
        "\u200b",
        "\x00",
        "\x1b[2J",
        "U.S.",
        "Mr.",
        "\n\n",
        "President Donald Trump",
        "Reuters reported that",
        '"quoted," he said.',
        "<b onmouseover=x>",
    ]
)
texts = st.lists(st.one_of(st.text(max_size=40), hostile_bits), max_size=25).map("".join)
meta_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    texts,
    st.lists(texts, max_size=3),
    st.dictionaries(st.text(max_size=5), texts, max_size=2),
    st.dates(),
)
front_matter = st.dictionaries(
    st.sampled_from(
        ["title", "date", "source", "url", "license", "attribution", "tags", "slug", "x"]
    ),
    meta_values,
    max_size=6,
)


def _options(root: Path) -> Options:
    (root / "seeds").mkdir(exist_ok=True)
    return Options(root=root, registry=None)


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html", ""]))
def test_ingest_random_bytes(data, suffix):
    with tempfile.TemporaryDirectory() as tmp:
        opts = _options(Path(tmp))
        path = Path(tmp) / "seeds" / f"seed{suffix}"
        path.write_bytes(data)
        try:
            doc = read_seed(path, opts)
        except SeedError as err:
            assert "seed" in str(err) and "\n" not in str(err)
            return
        assert doc.text.strip()


@SETTINGS
@given(meta=front_matter, body=texts)
def test_ingest_random_front_matter(meta, body):
    with tempfile.TemporaryDirectory() as tmp:
        opts = _options(Path(tmp))
        path = Path(tmp) / "seeds" / "fm.md"
        try:
            dumped = yaml.safe_dump(meta, allow_unicode=True)
        except yaml.YAMLError:
            return
        path.write_text(f"---\n{dumped}---\n{body}x\n", encoding="utf-8", errors="surrogatepass")
        try:
            doc = read_seed(path, opts)
        except SeedError:
            return
        for value in (doc.meta.title, doc.meta.source, doc.meta.slug):
            assert value is None or "\n" not in value


@SETTINGS
@given(text=texts)
def test_extract_random_text(text):
    text = text + " end."
    doc = Document(seed="s.txt", name="s", format="txt", text=text)
    try:
        ex = extract(doc, Options(registry=None))
    except SeedError:
        return
    for s in ex.sentences:
        assert text[s.start : s.end] == s.text
    for e in ex.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for src in ex.sources:
        for c in src.claims:
            assert 0 <= c.start < c.end <= len(text)
    n = len(ex.sentences)
    assert all(1 <= i <= n for i in ex.summary + ex.key_points)


LIVE = re.compile(r"<script|<iframe|\son\w+\s*=|javascript:|class=\"admonition", re.I)


@SETTINGS
@given(text=texts, title=texts, tags=st.lists(texts, max_size=3))
def test_render_random_documents_stays_inert(text, title, tags):
    text = text + " The minister said talks would resume."
    meta = Metadata(title=title or None, tags=[t for t in tags if t])
    doc = Document(seed="s.md", name="s", format="md", text=text, meta=meta)
    ex = extract(doc, Options(registry=None))
    pages = render_site(assemble([(doc, ex)]))
    for rel, page in pages.items():
        if rel.endswith(".xml"):  # Atom feeds: seed text only as text nodes
            tree = etree.fromstring(page.encode())
            assert all(
                el.tag.startswith("{http://www.w3.org/2005/Atom}")
                for el in tree.iter()
                if isinstance(el.tag, str)
            ), rel
            continue
        head, body = page.split("\n---\n", 1)
        front = yaml.safe_load(head.removeprefix("---\n"))
        assert isinstance(front, dict), rel
        assert not set(str(front.get("title", ""))) & set("<>&\"'")
        html = markdown.markdown(body, extensions=["toc", "tables", "attr_list", "admonition"])
        assert not LIVE.search(html), (rel, LIVE.search(html).group(0))
