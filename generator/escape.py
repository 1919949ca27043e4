"""Make untrusted text inert in Markdown, in raw HTML blocks and in YAML front matter.

Every character that HTML or a Markdown extension could act on becomes a numeric character
reference: the browser shows the character, no parser acts on it (no tags, no `{: attr }`
lists, no `--8<--` snippets, no `!!!` admonitions, no tables, no Jinja delimiters).
"""

from __future__ import annotations

import re
import unicodedata

_ACTIVE = set("&<>\"'`*_{}[]()#+-!|~^=:\\$%@")
_ENTITY = {c: f"&#{ord(c)};" for c in _ACTIVE}
# Bidi embeddings/overrides/isolates and zero-width characters that can disguise text.
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def visible(text: str) -> str:
    """Drop control, bidi-override and zero-width characters; keep newlines and tabs."""
    text = _INVISIBLE.sub("", text)
    return "".join(
        c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cs", "Co")
    )


def inline(text: str) -> str:
    """One line of inert text for Markdown or HTML (newlines folded to spaces)."""
    text = " ".join(visible(str(text)).split())
    return "".join(_ENTITY.get(c, c) for c in text)


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
