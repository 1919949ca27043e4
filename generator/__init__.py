"""Static briefing-site generator: seeds/ -> briefings/ (Markdown) -> site/ (MkDocs + Material)."""

__version__ = "0.1.0"
