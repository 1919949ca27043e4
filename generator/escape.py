"""Make untrusted text inert in Markdown, in raw HTML blocks and in YAML front matter.

Every character that HTML or a Markdown extension could act on becomes a numeric character
reference: the browser shows the character, no parser acts on it (no tags, no `{: attr }`
lists, no `--8<--` snippets, no `!!!` admonitions, no tables, no Jinja delimiters).
"""

from __future__ import annotations

import re
from functools import lru_cache

_ACTIVE = "&<>\"'`*_{}[]()#+-!|~^=:\\$%@"
_ANY_ACTIVE = re.compile("[" + re.escape(_ACTIVE) + "]")
# Chained str.replace is several times faster than str.translate with a table of strings. The
# references it inserts hold "&", "#" and ";", so "&" and "#" go through placeholders that
# `visible` has already removed from any text (NUL and SOH), and are expanded last.
_REPLACEMENTS = (
    [("&", "\x00"), ("#", "\x01")]
    + [(c, f"&#{ord(c)};") for c in _ACTIVE if c not in "&#"]
    + [("\x00", "&#38;"), ("\x01", "&#35;")]
)
# Control characters (but tab and newline), surrogates, private-use and non-characters, bidi
# embeddings/overrides/isolates and zero-width characters that can disguise text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff\U000f0000-\U0010ffff]"
)


def visible(text: str) -> str:
    """Drop control, bidi-override and zero-width characters; keep newlines and tabs."""
    return _INVISIBLE.sub("", text)


# A browser lays out one unbroken run of a million characters for minutes; a break opportunity
# (<wbr>, which adds no space to the text) every WORD_BREAK characters keeps a page instant.
WORD_BREAK = 64
_LONG_RUN = re.compile(rf"\S{{{WORD_BREAK}}}(?=\S)")


@lru_cache(maxsize=1 << 16)  # titles and sentences recur on many entity and source pages
def inline(text: str) -> str:
    """One line of inert text for Markdown or HTML (newlines folded to spaces)."""
    text = " ".join(visible(str(text)).split())
    long_runs = len(text) > WORD_BREAK and _LONG_RUN.search(text) is not None
    if long_runs:  # STX marks the breaks: `visible` removed it from the text itself
        text = _LONG_RUN.sub(lambda m: m.group() + "\x02", text)
    if _ANY_ACTIVE.search(text) is not None:
        for char, reference in _REPLACEMENTS:
            if char in text:
                text = text.replace(char, reference)
    return text.replace("\x02", "<wbr>") if long_runs else text


def block(text: str) -> str:
    """Inert text that keeps its line breaks as <br>, for raw HTML blocks."""
    return "<br>".join(inline(line) for line in str(text).split("\n"))


def plain_title(text: str) -> str:
    """A title for front matter: themes print it unescaped into <title> and the nav, so it
    must hold no character HTML could act on; those are replaced by look-alike punctuation."""
    table = str.maketrans({"<": "‹", ">": "›", "&": "＆", '"': "”", "'": "’", "`": "ʼ"})
    title = " ".join(visible(str(text)).split()).translate(table)
    return title.replace("{", "(").replace("}", ")") or "Untitled briefing"


def safe_url(url: str | None) -> str | None:
    """An http(s) URL fit for an href, or None."""
    if not url:
        return None
    url = visible(url).strip()
    if not re.fullmatch(r"https?://[^\s<>\"'`\\]+", url, re.I):
        return None
    return url.replace("&", "&amp;")
