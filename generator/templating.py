"""Templates and page paths shared by every page renderer (Jinja2, Markdown with front matter).

Every value a template prints is escaped by `escape.inline` unless it is wrapped in Markup by
the renderer (URLs it built, HTML it assembled from escaped parts).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator import escape

TYPE_LABELS = {
    "PERSON": "People",
    "ORG": "Organizations",
    "PLACE": "Places",
    "FACILITY": "Facilities",
    "WEAPON": "Weapons and programs",
    "EVENT": "Events",
    "OTHER": "Other",
}
TYPE_SINGULAR = {
    "PERSON": "Person",
    "ORG": "Organization",
    "PLACE": "Place",
    "FACILITY": "Facility",
    "WEAPON": "Weapon or program",
    "EVENT": "Event",
    "OTHER": "Other",
}


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if type(value) is int:
        return str(value)
    if value is None:
        return ""
    return escape.inline(str(value))


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=False,
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["link"] = lambda url: Markup(url)  # only for URLs this module builds
    env.filters["para"] = lambda text: Markup(escape.block(text))
    return env


def front_matter(data: dict[str, Any]) -> str:
    """YAML front matter written as JSON (a subset of YAML that both engines read), which is
    an order of magnitude faster to write than YAML proper."""
    return "---\n" + json.dumps(data, ensure_ascii=False) + "\n---\n"


@dataclass(frozen=True)
class Links:
    """Where pages live in the docs tree; all pages are built with directory URLs."""

    @staticmethod
    def briefing(slug: str) -> str:
        return f"reports/{slug}.md"

    @staticmethod
    def entity(key: str) -> str:
        return f"entities/{key}.md"

    @staticmethod
    def source(key: str) -> str:
        return f"sources/{key}.md"

    @staticmethod
    def story(key: str) -> str:
        return f"stories/{key}.md"

    site_feed = "feeds/all.xml"

    @staticmethod
    def story_feed(key: str) -> str:
        return f"feeds/stories/{key}.xml"

    @staticmethod
    def entity_feed(key: str) -> str:
        return f"feeds/entities/{key}.xml"

    @staticmethod
    def tag_feed(slug: str) -> str:
        return f"feeds/tags/{slug}.xml"


def render_page(template: str, meta: dict[str, Any], **context: Any) -> str:
    body = _env().get_template(template).render(**context)
    return front_matter(meta) + "\n" + body


def rel(target: str, page: str) -> str:
    """Relative path between two docs paths (both plain, normalised, relative)."""
    here = page.split("/")[:-1]
    there = target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])
