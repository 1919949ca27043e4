"""Read seeds: find them, decode them, split off front matter and sidecars, reduce HTML to text.

Pure apart from reading files; raises only SeedError for a seed it cannot read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from generator.errors import SeedError
from generator.model import Document, Metadata
from generator.options import Options

SEED_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
META_KEYS = ("title", "date", "source", "url", "license", "attribution", "tags", "slug", "story")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_META_CHARS = 2_000
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc but \t \n \v \f \r
_ASCII_CONTROL = re.compile("[\x00-\x1f\x7f]")


def find_seeds(seeds_dir: Path, hidden: list[Path] | None = None) -> list[Path]:
    """Every seed file under seeds_dir, sorted; sidecar .json files are not seeds. Hidden files
    (editor backups, dot-files) are not seeds either: they go to `hidden` for a notice. Hidden
    folders are skipped, and linked folders are not entered."""
    if not seeds_dir.is_dir():
        return []
    found: list[str] = []
    for folder, subfolders, files in os.walk(seeds_dir):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in files:
            if name.startswith("."):
                if hidden is not None:
                    hidden.append(Path(folder, name))
            elif not name.lower().endswith(".json"):
                found.append(os.path.join(folder, name))
    if hidden is not None:
        hidden.sort()
    return [Path(p) for p in sorted(found)]


def sidecar_path(seed: str) -> str:
    """The JSON metadata file beside a seed: `a.txt` -> `a.json`, `notes` -> `notes.json`
    (the rule of `Path.with_suffix`, on a plain string: seed stamps take it 10,000 times)."""
    stem, suffix = os.path.splitext(seed)
    return stem + ".json" if suffix not in ("", ".") else seed + ".json"


def read_seed(path: Path, options: Options, seed_name: str | None = None) -> Document:
    """Read one seed file into a Document. Raises SeedError naming the seed."""
    seed = seed_name or str(path)
    fmt = SEED_SUFFIXES.get(path.suffix.lower(), "txt" if not path.suffix else "")
    if not fmt:
        raise SeedError(seed, f"unsupported file type {path.suffix!r} (use .txt, .md or .html)")
    seeds_root = options.path(options.seeds).resolve()
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or "symbolic link loop"
        raise SeedError(seed, f"cannot open: {reason}") from None
    if path.is_symlink() and not real.is_relative_to(seeds_root):
        raise SeedError(seed, "symbolic link points outside the seeds folder; not followed")
    if not real.is_file():
        raise SeedError(seed, "not a regular file")
    size = real.stat().st_size
    if size > options.max_seed_bytes:
        raise SeedError(seed, f"file is {size:,} bytes, over the {options.max_seed_bytes:,} limit")
    raw = real.read_bytes()
    warnings: list[str] = []
    text = decode(raw, seed, warnings)
    meta = Metadata()
    if fmt == "md":
        meta_raw, text = split_front_matter(text, seed, warnings)
        meta = metadata_from(meta_raw, seed, warnings)
    elif fmt == "html":
        text, meta = html_to_text(text, seed)
    elif fmt == "txt":
        sidecar = Path(sidecar_path(os.fspath(path)))
        if sidecar.is_file():
            meta = metadata_from(read_sidecar(sidecar, seed, warnings), seed, warnings)
    if not text.strip():
        raise SeedError(seed, "no text: the file is empty or whitespace only")
    if len(text) > options.max_text_chars:
        warnings.append(
            f"the text has {len(text):,} characters; only the first "
            f"{options.max_text_chars:,} are used"
        )
        text = cut(text, options.max_text_chars)
    return Document(
        seed=seed,
        name=path.stem if path.suffix else path.name,
        format=fmt,
        text=text,
        meta=meta,
        warnings=warnings,
    )


def cut(text: str, limit: int) -> str:
    """The text up to `limit` characters, ending at a line break or space when one is near."""
    head = text[:limit]
    for sep in ("\n", " "):
        at = head.rfind(sep, limit - 10_000)
        if at > 0:
            return head[:at]
    return head


def decode(raw: bytes, seed: str, warnings: list[str] | None = None) -> str:
    """Bytes to text: BOMs first, then strict UTF-8, then charset detection; refuse binaries."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return _check_text(raw.decode(codec), seed)
            except UnicodeDecodeError:
                reason = f"declares {codec} by its byte-order mark but does not decode"
                raise SeedError(seed, reason) from None
    if b"\x00" in raw:
        try:
            text = _check_text(raw.replace(b"\x00", b"").decode("utf-8"), seed)
        except (UnicodeDecodeError, SeedError):
            raise SeedError(seed, "binary file (contains NUL bytes), not text") from None
        if warnings is not None:
            warnings.append("NUL bytes removed from the text")
        return text
    try:
        return _check_text(raw.decode("utf-8"), seed)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise SeedError(seed, "binary file or unknown text encoding")
    return _check_text(str(best), seed)


def _check_text(text: str, seed: str) -> str:
    if not text:
        return text
    sample = text[:20_000]
    if len(_CONTROL.findall(sample)) / len(sample) > 0.05:
        raise SeedError(seed, "binary file (mostly control characters), not text")
    return text


def split_front_matter(text: str, seed: str, warnings: list[str]) -> tuple[dict[str, Any], str]:
    """YAML front matter (safe loader, no aliases) and the body after it."""
    if not text.startswith("---"):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if not match:
        warnings.append("front matter opened with '---' but never closed; read as body text")
        return {}, text
    block = match.group(1)
    body = text[match.end() :]
    try:
        data = yaml.load(block, Loader=_StrictLoader)  # noqa: S506 (a SafeLoader subclass)
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise SeedError(seed, f"invalid front matter: {_first_line(exc)}") from None
    if data is None:
        return {}, body
    if not isinstance(data, dict):
        raise SeedError(seed, "invalid front matter: expected key: value pairs")
    return data, body


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses aliases, so an anchor cannot expand into millions of nodes."""

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "YAML aliases (*name) are not allowed in front matter", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node):  # type: ignore[no-untyped-def]
        """An impossible date ("2024-13-45") stays text; metadata_from then drops it."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)


def _first_line(exc: Exception) -> str:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        where = f" (line {exc.problem_mark.line + 1})" if exc.problem_mark else ""
        return f"{exc.problem}{where}"[:200]
    return " ".join(str(exc).split())[:200]


def read_sidecar(path: Path, seed: str, warnings: list[str]) -> dict[str, Any]:
    try:
        data = json.loads(decode(path.read_bytes(), seed))
    except (ValueError, OSError) as exc:
        warnings.append(f"sidecar {path.name} ignored: {_first_line(exc)}")
        return {}
    if not isinstance(data, dict):
        warnings.append(f"sidecar {path.name} ignored: not a JSON object")
        return {}
    if "url" not in data and "source_url" in data:
        data["url"] = data["source_url"]
    return {k: data[k] for k in META_KEYS if k in data and k != "slug"}


def metadata_from(raw: dict[str, Any], seed: str, warnings: list[str]) -> Metadata:
    """Known keys only, as clean one-line strings; a bad value is dropped with a note."""
    meta = Metadata()
    for key in ("title", "source", "url", "license", "attribution", "slug", "story"):
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            warnings.append(f"front matter {key!r} ignored: not text")
            continue
        clean = clean_line(str(value))
        if clean:
            setattr(meta, key, clean)
    if meta.url and not re.match(r"https?://", meta.url, re.I):
        warnings.append("front matter 'url' ignored: not an http(s) address")
        meta.url = None
    if "date" in raw and raw["date"] is not None:
        meta.date = parse_date(raw["date"])
        if meta.date is None:
            warnings.append(f"front matter 'date' ignored: {str(raw['date'])[:40]!r} is not a date")
    tags = raw.get("tags")
    if isinstance(tags, str):
        tags = [t for t in re.split(r"[,;]", tags)]
    if isinstance(tags, list):
        meta.tags = [t for t in (clean_line(str(t)) for t in tags[:50]) if t]
    return meta


def clean_line(value: str) -> str:
    """One line of plain text: control, format (bidi, zero-width) characters removed."""
    value = value[:_MAX_META_CHARS]
    if value.isascii():
        return " ".join(_ASCII_CONTROL.sub(_space_or_nothing, value).split())
    kept = "".join(
        " " if c in "\t\r\n" else c
        for c in value
        if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co") or c in "\t\r\n"
    )
    return " ".join(kept.split())


def _space_or_nothing(match: re.Match[str]) -> str:
    return " " if match.group() in "\t\r\n" else ""


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%d %B %Y", "%B %d, %Y", "%Y/%m/%d", "%Y-%m"):
        try:
            return dt.datetime.strptime(text[:25], fmt).date()
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        return None


def html_to_text(html: str, seed: str) -> tuple[str, Metadata]:
    """Main text of an HTML page: trafilatura first; a plain streaming parse when it finds
    nothing (e.g. pages nested deeper than lxml will go)."""
    import trafilatura

    data: dict[str, Any] = {}
    try:
        result = trafilatura.bare_extraction(
            html,
            output_format="python",
            include_comments=False,
            include_tables=False,
            with_metadata=True,
        )
        if result is not None:
            data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    except (ValueError, RecursionError, TypeError, AttributeError):
        data = {}
    text = data.get("text") or ""
    if len(text.strip()) < 40:
        fallback_title, fallback = _plain_html_text(html)
        if len(fallback.strip()) > len(text.strip()):
            text = fallback
            data.setdefault("title", fallback_title)
    if not text.strip():
        raise SeedError(seed, "no readable text found in the HTML page")
    meta = metadata_from(
        {k: data.get(k) for k in ("title", "date", "url") if data.get(k)}, seed, []
    )
    source = data.get("sitename") or data.get("hostname")
    if source:
        meta.source = clean_line(str(source))
    return text, meta


class _TextCollector(HTMLParser):
    SKIP = frozenset({"script", "style", "head", "iframe", "noscript", "template", "svg", "object"})
    BLOCK = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "section",
            "article",
            "blockquote",
            "pre",
            "td",
            "th",
            "dd",
            "dt",
            "header",
            "footer",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.skipping = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag == "title":
            self.in_title = True
        elif tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def _plain_html_text(html: str) -> tuple[str | None, str]:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    text = "\n\n".join(line for line in lines if line)
    title = " ".join("".join(collector.title).split()) or None
    return title, text


def read_all(paths: list[Path], options: Options) -> Iterator[Document | SeedError]:
    for path in paths:
        try:
            yield read_seed(path, options)
        except SeedError as err:
            yield err
