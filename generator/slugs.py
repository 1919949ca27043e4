"""Safe, unique path segments from untrusted names."""

from __future__ import annotations

import re
import unicodedata

_MAX = 80
RESERVED = frozenset({"index", "pages", "types"})  # names the listing pages use beside slugs


def slugify(text: str, fallback: str = "item") -> str:
    """ASCII lower-case words joined by '-': never empty, never '.', '..' or a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:_MAX].rstrip("-")
    return slug or fallback


class SlugAllocator:
    """Hands out unique slugs: a clash gets -2, -3, ... in the order names are asked for."""

    def __init__(self, reserved: set[str] | None = None) -> None:
        self.used: set[str] = set(reserved or ())

    def take(self, text: str, fallback: str = "item") -> str:
        base = slugify(text, fallback)
        slug, n = base, 2
        while slug in self.used:
            slug = f"{base}-{n}"
            n += 1
        self.used.add(slug)
        return slug
