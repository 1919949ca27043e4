"""Site step: MkDocs turns the docs tree into site/, in proportion to what changed.

The build state's record of the output folder holds the environment it was built in (mkdocs.yml,
site_overrides/, the engine and theme versions, the site URL) and, for every file of the docs
tree, its stat and content hash as built. A build compares the docs tree with that record:
- nothing changed: MkDocs is not run at all;
- some files changed, were added or removed: MkDocs runs with `dirty=True`, and exactly those
  files count as modified (not MkDocs' own modification-time test, which misses same-second
  edits and files restored to older times); outputs of removed files are deleted. The navigation
  is a fixed list of section pages, so no other page shows anything of a changed one; the sitemap
  and 404 page are written on every run;
- no record, another environment, or no site: a full, clean build.
The record is written only after a build succeeds, and forgotten before a full build, so a run
killed at any point is completed by the next one.

Runs as its own process (`python -m generator.sitebuild`, see `run`): MkDocs' memory is given
back when it ends, and the generator's site model is not held twice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from generator.buildstate import BuildState
from generator.options import Options
from generator.project import dies_with_parent
from generator.report import Reporter

ENGINE_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
DIRTY_NOTICE = "A 'dirty' build is being performed"
OWNED_ELSEWHERE = ("pagefind", "pdf")  # site/ folders other steps write


@dataclass
class SiteChanges:
    """What a site build did: `full` (everything rebuilt), or the site-relative HTML pages
    written and removed; `up_to_date` when nothing had to be done."""

    ok: bool = True
    full: bool = False
    up_to_date: bool = False
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    before: str = ""  # the recorded build the changes are counted from ("" after a full one)
    after: str = ""  # the build recorded now


def environment(options: Options, site_url: str, pdf_links: bool) -> str:
    """Everything a built page depends on besides the docs tree."""
    digest = hashlib.sha256()
    digest.update(f"{site_url}\0{pdf_links}\0{sys.version}\0".encode())
    for name in ENGINE_PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    digest.update(Path(__file__).with_name("mkdocs_plugin.py").read_bytes())
    config = options.path(options.config)
    digest.update(config.read_bytes() if config.is_file() else b"")
    overrides = options.root / "site_overrides"
    for path in sorted(overrides.rglob("*")) if overrides.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(overrides).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def docs_stats(docs: Path) -> dict[str, list[int]]:
    """Every file MkDocs reads from the docs tree (dot files and folders are skipped, as MkDocs
    skips them) -> [size, mtime_ns, inode]."""
    out: dict[str, list[int]] = {}
    stack = [(str(docs), "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, rel + "/"))
            elif entry.is_file():
                st = entry.stat()
                out[rel] = [st.st_size, st.st_mtime_ns, st.st_ino]
    return out


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class DocsDiff:
    changed: list[str]
    removed: list[str]
    files: dict[str, list]  # the new record: rel -> [size, mtime_ns, inode, sha256]


def diff_docs(docs: Path, recorded: dict[str, list]) -> DocsDiff:
    """Files added or changed (by content) and removed since the record."""
    now = docs_stats(docs)
    changed, files = [], {}
    for rel, stamp in now.items():
        old = recorded.get(rel)
        if old and old[:3] == stamp:
            files[rel] = old
            continue
        try:
            sha = _sha(docs / rel)
        except OSError:
            continue
        files[rel] = [*stamp, sha]
        if not old or old[3] != sha:
            changed.append(rel)
    removed = [rel for rel in recorded if rel not in now]
    return DocsDiff(sorted(changed), sorted(removed), files)


def record_all(docs: Path) -> dict[str, list]:
    files = {}
    for rel, stamp in docs_stats(docs).items():
        try:
            files[rel] = [*stamp, _sha(docs / rel)]
        except OSError:
            continue
    return files


def build(
    options: Options,
    out: Path,
    site_url: str,
    pdf_links: bool = False,
    record: str = "site",
    full: bool = False,
    reporter: Reporter | None = None,
) -> SiteChanges:
    """Bring `out` up to date with the docs tree (in this process)."""
    reporter = reporter or Reporter(options.verbose)
    state = BuildState(options)
    docs = options.path(options.docs)
    env = environment(options, site_url, pdf_links)
    previous = state.read(record)
    intact = (out / "index.html").is_file() and previous.get("env") == env
    if full or not intact or not isinstance(previous.get("files"), dict):
        state.forget(record)
        if not _mkdocs(options, out, site_url, pdf_links, modified=None, reporter=reporter):
            return SiteChanges(ok=False, full=True)
        token = uuid.uuid4().hex
        state.write(record, {"env": env, "token": token, "files": record_all(docs)})
        return SiteChanges(full=True, after=token)
    before = str(previous.get("token", ""))
    diff = diff_docs(docs, previous["files"])
    if not diff.changed and not diff.removed:
        if diff.files != previous["files"]:
            state.write(record, {"env": env, "token": before, "files": diff.files})
        return SiteChanges(up_to_date=True, before=before, after=before)
    modified = set(diff.changed)
    # Pending until built: a run killed now redoes them, even if a file is put back as it was.
    pending = {rel: [0, 0, 0, ""] if rel in modified else v for rel, v in diff.files.items()}
    pending.update({rel: [0, 0, 0, ""] for rel in diff.removed})
    state.write(record, {"env": env, "token": before, "files": pending})
    if not _mkdocs(options, out, site_url, pdf_links, modified=modified, reporter=reporter):
        return SiteChanges(ok=False)
    removed = _remove_outputs(options, out, diff.removed)
    token = uuid.uuid4().hex
    state.write(record, {"env": env, "token": token, "files": diff.files})
    written = [_output(options, out, rel) for rel in diff.changed]
    return SiteChanges(
        written=[w for w in written if w.endswith(".html")],
        removed=removed,
        before=before,
        after=token,
    )


def _output(options: Options, out: Path, rel: str) -> str:
    """Where MkDocs writes a docs file, relative to `out` (use_directory_urls)."""
    from mkdocs.structure.files import File

    docs = options.path(options.docs)
    return File(rel, str(docs), str(out), use_directory_urls=True).dest_uri


def _remove_outputs(options: Options, out: Path, removed: list[str]) -> list[str]:
    gone = []
    root = out.resolve()
    for rel in removed:
        dest = _output(options, out, rel)
        if dest.split("/", 1)[0] in OWNED_ELSEWHERE:
            continue
        path = (out / dest).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            continue
        path.unlink()
        gone.append(dest)
        folder = path.parent
        while folder != root and folder.is_relative_to(root):
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent
    return gone


class _Warnings(logging.Handler):
    """Strict mode: counts MkDocs' warnings (not its notice that the build is dirty)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if not record.getMessage().startswith(DIRTY_NOTICE):
            self.count += 1


@contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _modified_files(docs: Path, modified: set[str]) -> Iterator[None]:
    """While MkDocs builds dirty: a docs file is modified exactly when the diff says so; theme
    files keep MkDocs' own test (copied when missing or older in the site)."""
    from mkdocs.structure.files import File

    original = File.is_modified
    docs_dir = str(docs.resolve())

    def is_modified(self: File) -> bool:
        if self._content is None and self.src_dir and os.path.abspath(self.src_dir) == docs_dir:
            return self.src_uri in modified
        return original(self)

    File.is_modified = is_modified  # type: ignore[method-assign]
    try:
        yield
    finally:
        File.is_modified = original  # type: ignore[method-assign]


def _mkdocs(
    options: Options,
    out: Path,
    site_url: str,
    pdf_links: bool,
    modified: set[str] | None,
    reporter: Reporter,
) -> bool:
    """MkDocs in this process: a clean build (`modified` None) or a dirty one."""
    values = {
        "NO_MKDOCS_2_WARNING": "1",
        "BRIEFING_SITE_URL": site_url,
        "BRIEFING_PDF_LINKS": "true" if pdf_links else "false",
    }
    with _environ(values):
        from mkdocs.commands import build as mkdocs_build
        from mkdocs.config import load_config
        from mkdocs.exceptions import MkDocsException

        logger = logging.getLogger("mkdocs")
        counter = _Warnings()
        shown = logging.StreamHandler(sys.stderr)
        shown.setLevel(logging.ERROR if options.verbose < 0 else logging.WARNING)
        shown.addFilter(lambda r: not r.getMessage().startswith(DIRTY_NOTICE))
        shown.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        logger.addHandler(counter)
        logger.addHandler(shown)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        try:
            config = load_config(
                config_file=str(options.path(options.config)), site_dir=str(out), strict=False
            )
            docs = Path(config.docs_dir)
            if modified is None:
                mkdocs_build.build(config)
            else:
                with _modified_files(docs, modified):
                    mkdocs_build.build(config, dirty=True)
        except (MkDocsException, OSError) as exc:
            reporter.error(f"mkdocs build failed: {exc}")
            return False
        finally:
            logger.removeHandler(counter)
            logger.removeHandler(shown)
        if counter.count:
            reporter.error(f"mkdocs build failed: {counter.count} warnings in strict mode (above)")
            return False
    return True


def run(
    options: Options,
    out: Path,
    site_url: str,
    pdf_links: bool,
    record: str,
    reporter: Reporter,
    full: bool = False,
) -> SiteChanges:
    """The site step in its own process (see the module's docstring)."""
    cmd = [sys.executable, "-m", "generator.sitebuild", "--root", str(options.root)]
    cmd += ["--docs", str(options.path(options.docs)), "--out", str(out)]
    cmd += ["--cache", str(options.path(options.cache)), "--config", str(options.config)]
    cmd += ["--site-url", site_url, "--record", record, "--verbose", str(options.verbose)]
    cmd += ["--pdf-links"] if pdf_links else []
    cmd += ["--full"] if full else []
    proc = subprocess.run(
        cmd,
        cwd=options.root,
        stdout=subprocess.PIPE,
        text=True,
        check=False,
        preexec_fn=dies_with_parent,
    )
    try:
        return SiteChanges(**json.loads(proc.stdout.strip().splitlines()[-1]))
    except (ValueError, IndexError, TypeError):
        reporter.error(f"the site build stopped (exit code {proc.returncode})")
        return SiteChanges(ok=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.sitebuild")
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--site-url", required=True)
    parser.add_argument("--record", default="site")
    parser.add_argument("--verbose", type=int, default=0)
    parser.add_argument("--pdf-links", action="store_true")
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args(argv)
    options = Options(
        root=args.root,
        docs=args.docs,
        cache=args.cache,
        config=args.config,
        verbose=args.verbose,
    )
    reporter = Reporter(args.verbose)
    changes = build(
        options, args.out, args.site_url, args.pdf_links, args.record, args.full, reporter
    )
    print(json.dumps(asdict(changes)))
    return 0 if changes.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
