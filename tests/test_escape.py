import markdown

from generator import escape


def _html(md_text: str) -> str:
    return markdown.markdown(
        md_text, extensions=["toc", "tables", "attr_list", "admonition", "md_in_html"]
    )


def test_inline_text_stays_text_through_markdown():
    hostile = '<script>alert(1)</script> {: onclick="x" } [a](javascript:alert(1)) | !!! note'
    html = _html(f"- {escape.inline(hostile)}")
    assert "<script" not in html
    assert "onclick=" not in html
    assert 'href="javascript' not in html
    assert "<table" not in html
    # the reader still sees the characters
    assert "&#60;script&#62;" in html or "&lt;script&gt;" in html


def test_snippet_and_admonition_lines_are_inert():
    html = _html(escape.block('--8<-- "/etc/passwd"\n!!! warning "x"'))
    assert "admonition" not in html
    assert "--8<--" not in html  # dashes are character references, so no snippet marker


def test_invisible_characters_removed_from_names():
    assert escape.inline("Ev\u202eil\u200b Name\x07") == "Evil Name"


def test_plain_title_has_no_html_characters():
    title = escape.plain_title('<script>alert("x")</script> & {{ 7*7 }}')
    assert not set(title) & set("<>&\"'{}")
    assert "script" in title


def test_safe_url_accepts_http_only():
    assert escape.safe_url("https://example.org/a?b=1&c=2") == "https://example.org/a?b=1&amp;c=2"
    assert escape.safe_url("javascript:alert(1)") is None
    assert escape.safe_url('https://x.org/"onmouseover=') is None


def test_long_unbroken_run_gets_break_opportunities_without_changing_the_text():
    import html as html_lib

    word = "A&B" * 400 + " short words stay as they are"
    out = escape.inline(word)
    runs = out.split("<wbr>")
    assert len(runs) > 10  # a 1,200-character word can wrap in the browser
    assert html_lib.unescape(out.replace("<wbr>", "")) == word
    assert all("&#" not in r[-3:] or r.endswith(";") for r in runs)  # no reference cut in two
    assert "<wbr>" not in escape.inline("An ordinary sentence, of ordinary words.")


def test_escaping_matches_a_character_by_character_reference():
    table = {ord(c): f"&#{ord(c)};" for c in escape._ACTIVE}
    for text in ["a&#b;c", "&&##", "#1 & co: [x](y) *z* `q` {a} |b| ~c~ ^d^ =e= $f% @g\\", ""]:
        assert escape.inline(text) == text.translate(table)
