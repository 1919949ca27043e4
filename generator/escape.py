"""Make untrusted text inert in Markdown, in raw HTML blocks and in YAML front matter.

Every character that HTML or a Markdown extension could act on becomes a numeric character
reference: the browser shows the character, no parser acts on it (no tags, no `{: attr }`
lists, no `--8<--` snippets, no `!!!` admonitions, no tables, no Jinja delimiters).
"""

from __future__ import annotations

import re

_ACTIVE = "&<>\"'`*_{}[]()#+-!|~^=:\\$%@"
_ENTITIES = str.maketrans({c: f"&#{ord(c)};" for c in _ACTIVE})
# Control characters (but tab and newline), surrogates, private-use and non-characters, bidi
# embeddings/overrides/isolates and zero-width characters that can disguise text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"
    "\ufeff\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef\ufffe\uffff\U000f0000-\U0010ffff]"
)


def visible(text: str) -> str:
    """Drop control, bidi-override and zero-width characters; keep newlines and tabs."""
    return _INVISIBLE.sub("", text)


def inline(text: str) -> str:
    """One line of inert text for Markdown or HTML (newlines folded to spaces)."""
    return " ".join(visible(str(text)).split()).translate(_ENTITIES)


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
