"""Site step: MkDocs turns the docs tree into site/, in proportion to what changed.

The build state's record of the output folder holds the environment it was built in (mkdocs.yml,
site_overrides/, the engine and theme versions, the site URL) and, for every file of the docs
tree, its stat and content hash as built. A build compares the docs tree with that record:
- nothing changed: MkDocs is not run at all;
- some files changed, were added or removed: MkDocs runs with `dirty=True`, and exactly those
  files count as modified (not MkDocs' own modification-time test, which misses same-second
  edits and files restored to older times); outputs of removed files are deleted. The navigation
  is a fixed list of section pages, so no other page shows anything of a changed one; the 404
  page is written on every run, the sitemap (every page, with the build date) when a docs file
  was added or removed or it was not written today;
- no record, another environment, or no site: a full, clean build.
The record is written only after a build succeeds, and forgotten before a full build, so a run
killed at any point is completed by the next one.

Runs as its own process (`python -m generator.sitebuild`, see `SiteProcess`): MkDocs' memory is
given back when it ends, and the generator's site model is not held twice. The process is started
before the docs tree is final and told on its standard input: `warm` (set MkDocs up meanwhile:
imports, configuration, compiled templates, a File and Page for every docs file; see `Warm`),
then `go` (or `go full`) to build; at end of input it exits without building.
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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.buildstate import BuildState
from generator.options import Options
from generator.project import dies_with_parent
from generator.report import Reporter

ENGINE_PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2")
DIRTY_NOTICE = "A 'dirty' build is being performed"
OWNED_ELSEWHERE = ("pagefind", "pdf")  # site/ folders other steps write
SPLIT_FROM = 8  # a dirty build of this many files or more runs in two processes


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
    warm: Warm | None = None,
    halves: bool = False,
) -> SiteChanges:
    """Bring `out` up to date with the docs tree (in this process); `warm`: MkDocs as set up
    beforehand, used only when made in the same environment (see `Warm`); `halves`: many
    changed files are built by this process and a forked copy at once."""
    reporter = reporter or Reporter(options.verbose)
    state = BuildState(options)
    docs = options.path(options.docs)
    env = environment(options, site_url, pdf_links)
    warm = warm if warm is not None and warm.valid(env) else None
    previous = state.read(record)
    intact = (out / "index.html").is_file() and previous.get("env") == env
    if full or not intact or not isinstance(previous.get("files"), dict):
        state.forget(record)
        used = _mkdocs(options, out, site_url, pdf_links, None, reporter, warm)
        if used is None:
            return SiteChanges(ok=False, full=True)
        token = uuid.uuid4().hex
        files = record_all(docs)
        state.write(
            record,
            {"env": env, "token": token, "files": files, "templates": used, "sitemap": _today()},
        )
        return SiteChanges(full=True, after=token)
    before = str(previous.get("token", ""))
    diff = diff_docs(docs, previous["files"])
    if not diff.changed and not diff.removed:
        if diff.files != previous["files"]:
            state.write(record, {**previous, "files": diff.files})
        return SiteChanges(up_to_date=True, before=before, after=before)
    modified = set(diff.changed)
    # The sitemap lists every page, with the build date: the one written today still holds
    # when no docs file was added or removed since.
    same_pages = not diff.removed and all(rel in previous["files"] for rel in modified)
    keep_sitemap = same_pages and previous.get("sitemap") == _today() and _sitemap_there(out)
    # Pending until built: a run killed now redoes them, even if a file is put back as it was
    # (and writes the sitemap again, unless it is kept).
    pending = {rel: [0, 0, 0, ""] if rel in modified else v for rel, v in diff.files.items()}
    pending.update({rel: [0, 0, 0, ""] for rel in diff.removed})
    sitemap = previous.get("sitemap") if keep_sitemap else None
    state.write(record, {**previous, "files": pending, "sitemap": sitemap})
    with _sitemap_kept(keep_sitemap):
        if halves and len(modified) >= SPLIT_FROM and (os.cpu_count() or 1) > 1:
            used = _mkdocs_in_halves(options, out, site_url, pdf_links, modified, reporter, warm)
        else:
            used = _mkdocs(options, out, site_url, pdf_links, modified, reporter, warm)
    if used is None:
        return SiteChanges(ok=False)
    removed = _remove_outputs(options, out, diff.removed)
    token = uuid.uuid4().hex
    state.write(
        record,
        {"env": env, "token": token, "files": diff.files, "templates": used, "sitemap": _today()},
    )
    written = [_output(options, out, rel) for rel in diff.changed]
    return SiteChanges(
        written=[w for w in written if w.endswith(".html")],
        removed=removed,
        before=before,
        after=token,
    )


def _today() -> str:
    """The build date MkDocs gives every page (and the sitemap)."""
    from mkdocs.utils import get_build_date

    return get_build_date()


def _sitemap_there(out: Path) -> bool:
    return (out / "sitemap.xml").is_file() and (out / "sitemap.xml.gz").is_file()


@contextmanager
def _sitemap_kept(keep: bool) -> Iterator[None]:
    """While MkDocs builds: the sitemap (and its gzip copy) left as it is, when `keep`."""
    from mkdocs.commands import build as mkdocs_build

    if not keep:
        yield
        return
    original = mkdocs_build._build_theme_template

    def build_template(name: str, *args: Any, **kwargs: Any) -> None:
        if name != "sitemap.xml":
            original(name, *args, **kwargs)

    mkdocs_build._build_theme_template = build_template
    try:
        yield
    finally:
        mkdocs_build._build_theme_template = original


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
    ours = {docs_dir}  # src_dir spellings known to be the docs folder

    def is_modified(self: File) -> bool:
        if self._content is not None or not self.src_dir:
            return original(self)
        if self.src_dir in ours or os.path.abspath(self.src_dir) == docs_dir:
            ours.add(self.src_dir)
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
    warm: Warm | None = None,
) -> list[str] | None:
    """MkDocs in this process: a clean build (`modified` None) or a dirty one. The theme's
    templates it used (for the next run to compile ahead), or None when it failed."""
    with _environ(_mkdocs_environ(site_url, pdf_links)):
        from mkdocs.commands import build as mkdocs_build
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
            config = warm.config if warm is not None else _load_config(options, out)
            envs = _theme_envs(config, warm)
            docs = Path(config.docs_dir)
            with _reusing_files(warm.files if warm else {}):
                if modified is None:
                    mkdocs_build.build(config)
                else:
                    with _modified_files(docs, modified):
                        mkdocs_build.build(config, dirty=True)
        except (MkDocsException, OSError) as exc:
            reporter.error(f"mkdocs build failed: {exc}")
            return None
        finally:
            logger.removeHandler(counter)
            logger.removeHandler(shown)
        if counter.count:
            reporter.error(f"mkdocs build failed: {counter.count} warnings in strict mode (above)")
            return None
    return sorted({key[1] for env in envs for key in (env.cache or {})})


def _theme_envs(config: Any, warm: Warm | None) -> list[Any]:
    """The theme's Jinja environments the build will use (the one set up ahead, if any)."""
    envs: list[Any] = []
    make = (lambda: warm.theme_env) if warm is not None else config.theme.get_env

    def get_env() -> Any:
        envs.append(make())
        return envs[-1]

    config.theme.get_env = get_env
    return envs


def _mkdocs_in_halves(
    options: Options,
    out: Path,
    site_url: str,
    pdf_links: bool,
    modified: set[str],
    reporter: Reporter,
    warm: Warm | None,
) -> list[str] | None:
    """A dirty build by two processes at once: a forked copy of this one builds every other
    file (both write the same sitemap and 404 page). As `_mkdocs`."""
    files = sorted(modified)
    parent = os.getpid()
    child = os.fork()
    if child == 0:  # pragma: no cover - the forked half; its exit code is its answer
        code = 1
        try:
            dies_with_parent()
            if os.getppid() == parent:
                half = set(files[1::2])
                done = _mkdocs(options, out, site_url, pdf_links, half, reporter, warm)
                code = 0 if done is not None else 1
        finally:
            os._exit(code)
    used = _mkdocs(options, out, site_url, pdf_links, set(files[0::2]), reporter, warm)
    _, status = os.waitpid(child, 0)
    return used if os.waitstatus_to_exitcode(status) == 0 else None


def _load_config(options: Options, out: Path) -> Any:
    """mkdocs.yml as MkDocs loads it, writing to `out` (strictness is counted by the caller)."""
    from mkdocs.config import load_config

    return load_config(
        config_file=str(options.path(options.config)), site_dir=str(out), strict=False
    )


def _mkdocs_environ(site_url: str, pdf_links: bool) -> dict[str, str]:
    return {
        "NO_MKDOCS_2_WARNING": "1",
        "BRIEFING_SITE_URL": site_url,
        "BRIEFING_PDF_LINKS": "true" if pdf_links else "false",
    }


@dataclass
class Warm:
    """MkDocs set up while the generator still writes the docs tree: its configuration, the
    theme's templates compiled, and a File (with its Page, for files outside the nav) for every
    docs file there was. A File and a Page depend only on the file's path, the configuration and
    the build date, never on its content, so those of files still there are reused; the others
    are made as MkDocs makes them. Used only in the environment it was made in, on the same day."""

    env: str
    date: str
    config: Any
    theme_env: Any
    files: dict[str, Any] = field(default_factory=dict)  # normalised docs path -> File

    def valid(self, env: str) -> bool:
        from mkdocs.utils import get_build_date

        return self.env == env and self.date == get_build_date()

    def compile_templates(self, names: list[str], until: Callable[[], bool]) -> None:
        """Compile the templates the last build used, until `until()`."""
        for name in names:
            if until():
                return
            try:
                self.theme_env.get_template(name)
            except Exception:  # noqa: BLE001, S112 - compiled when used, and fails there
                continue


def warm_up(options: Options, out: Path, site_url: str, pdf_links: bool) -> Warm | None:
    """Set MkDocs up ahead of the build; None when that logged any warning (then the build
    sets it up itself, so strict mode counts the warning) or failed."""
    env = environment(options, site_url, pdf_links)
    logger = logging.getLogger("mkdocs")
    counter = _Warnings()
    saved = logger.handlers[:], logger.propagate
    logger.handlers, logger.propagate = [counter], False
    try:
        with _environ(_mkdocs_environ(site_url, pdf_links)):
            from mkdocs.commands import build as _imported  # noqa: F401
            from mkdocs.utils import get_build_date

            config = _load_config(options, out)
            theme_env = config.theme.get_env()
            for name in sorted(config.theme.static_templates | {"main.html"}):
                theme_env.get_template(name)
            if counter.count:
                return None
            warm = Warm(env, get_build_date(), config, theme_env)
            warm.files = _files_and_pages(config, counter)
            return warm
    except Exception:  # noqa: BLE001 - the build sets MkDocs up itself, and says what is wrong
        return None
    finally:
        logger.handlers, logger.propagate = saved


def _files_and_pages(config: Any, counter: _Warnings) -> dict[str, Any]:
    """The docs tree's Files as MkDocs' get_files makes them, each outside the nav with the Page
    its get_navigation would give it (not when that logged a warning: the build must log it)."""
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    files = get_files(config)
    before = counter.count
    nav = get_navigation(files, config)
    for page in nav.pages:  # nav pages carry the nav's titles and links: made again
        page.file.page = None
    if counter.count != before:
        for file in files:
            file.page = None
    return {os.path.normpath(f.src_path): f for f in files}


@contextmanager
def _reusing_files(known: dict[str, Any]) -> Iterator[None]:
    """While MkDocs builds: its get_files takes the File made ahead for a path still there."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure import files as mkdocs_files

    if not known:
        yield
        return
    original, real_file = mkdocs_build.get_files, mkdocs_files.File

    def make_file(path: str, *args: Any, **kwargs: Any) -> Any:
        made = known.pop(os.path.normpath(path), None)
        return made if made is not None else real_file(path, *args, **kwargs)

    def get_files(config: Any) -> Any:
        mkdocs_files.File = make_file  # type: ignore[misc,assignment]
        try:
            return original(config)
        finally:
            mkdocs_files.File = real_file  # type: ignore[misc]

    mkdocs_build.get_files = get_files
    try:
        yield
    finally:
        mkdocs_build.get_files = original


class SiteProcess:
    """The site step's process, started before the docs tree is final (see the module's
    docstring): `warm` while the generator works, `finish` once the docs tree is written.
    It dies with the run that started it."""

    def __init__(
        self, options: Options, out: Path, site_url: str, pdf_links: bool, record: str
    ) -> None:
        cmd = [sys.executable, "-m", "generator.sitebuild", "--root", str(options.root)]
        cmd += ["--docs", str(options.path(options.docs)), "--out", str(out)]
        cmd += ["--cache", str(options.path(options.cache)), "--config", str(options.config)]
        cmd += ["--site-url", site_url, "--record", record, "--verbose", str(options.verbose)]
        cmd += ["--pdf-links"] if pdf_links else []
        self.proc = subprocess.Popen(
            [*cmd, "--wait"],
            cwd=options.root,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            preexec_fn=dies_with_parent,
        )

    def _say(self, word: str) -> bool:
        """Written straight to the pipe: also safe from a forked child of this process."""
        assert self.proc.stdin is not None
        try:
            os.write(self.proc.stdin.fileno(), word.encode() + b"\n")
        except (OSError, ValueError):
            return False
        return True

    def warm(self) -> None:
        self._say("warm")

    def finish(self, reporter: Reporter, full: bool = False) -> SiteChanges:
        """Build now; what the build did."""
        self._say("go full" if full else "go")
        out, _ = self.proc.communicate()
        try:
            return SiteChanges(**json.loads(out.strip().splitlines()[-1]))
        except (ValueError, IndexError, TypeError):
            reporter.error(f"the site build stopped (exit code {self.proc.returncode})")
            return SiteChanges(ok=False)

    def cancel(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


class _Orders:
    """Lines on standard input, read straight from the descriptor, so that the process can also
    ask whether one is waiting without taking it."""

    def __init__(self) -> None:
        self.buffer = b""

    def waiting(self) -> bool:
        import select

        return b"\n" in self.buffer or bool(select.select([0], [], [], 0)[0])

    def next(self) -> list[str] | None:
        """The next line's words (blocks); None at end of input."""
        while b"\n" not in self.buffer:
            chunk = os.read(0, 4096)
            if not chunk:
                return None
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode().split()


def _wait_for_go(
    options: Options, out: Path, site_url: str, pdf_links: bool, record: str
) -> tuple[bool, bool, Warm | None]:
    """Follow the orders on standard input: (whether to build, full, the warm set-up)."""
    orders, warm = _Orders(), None
    while (words := orders.next()) is not None:
        if words == ["warm"] and warm is None:
            warm = warm_up(options, out, site_url, pdf_links)
            if warm is not None:
                used = BuildState(options).read(record).get("templates")
                names = used if isinstance(used, list) else []
                warm.compile_templates([str(n) for n in names], until=orders.waiting)
        elif words[:1] == ["go"]:
            return True, "full" in words, warm
    return False, False, None


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
    parser.add_argument("--wait", action="store_true", help="wait for orders on stdin")
    args = parser.parse_args(argv)
    options = Options(
        root=args.root,
        docs=args.docs,
        cache=args.cache,
        config=args.config,
        verbose=args.verbose,
    )
    reporter = Reporter(args.verbose)
    warm, full = None, args.full
    if args.wait:
        go, full_now, warm = _wait_for_go(
            options, args.out, args.site_url, args.pdf_links, args.record
        )
        if not go:
            return 0
        full = full or full_now
    changes = build(
        options, args.out, args.site_url, args.pdf_links, args.record, full, reporter, warm, True
    )
    print(json.dumps(asdict(changes)))
    return 0 if changes.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
