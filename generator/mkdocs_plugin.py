"""MkDocs plugin `briefing`: Pagefind indexes the site (see search.py), so Material's
one-file search index is not built page by page (it parses every page: a third of build time).

Zensical ignores plugins it does not know and keeps its own search.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin


class BriefingPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Any) -> str:
        search = page.meta.get("search")
        page.meta["search"] = {**(search if isinstance(search, dict) else {}), "exclude": True}
        return markdown
