"""The run: read every seed, extract, assemble the whole site, then write (and build)."""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.buildstate import BuildState, generate_fingerprint, seed_keys
from generator.cache import (
    RENDER_CODE,
    ExtractionCache,
    code_fingerprint,
    warm_gazetteer,
)
from generator.errors import SeedError, WriteRefused
from generator.ingest import find_seeds, read_seed
from generator.memo import Rendered, RenderMemo
from generator.model import Document, Extraction, Site
from generator.modelprocess import ModelProcess
from generator.options import Options
from generator.project import build_lock, display_name, site_name
from generator.report import Reporter
from generator.resident import Resident
from generator.write import DocsWriter, WriteReport

if TYPE_CHECKING:
    from generator.sitebuild import SiteProcess

PARALLEL_FROM = 64  # below this many seeds, worker start-up costs more than it saves
GENERATE_APART_FROM = 2_000  # from this many seeds, `build` generates in a forked process
Outcome = tuple[Document, Extraction] | SeedError


# The stages are imported when first used: a run where nothing changed needs none of them, and
# their imports (the extraction models above all) are a good part of that run's time.
def extract(doc: Document, options: Options) -> Extraction:
    from generator.extract import extract as run

    return run(doc, options)


def assemble(
    items: list[tuple[Document, Extraction]],
    options: Options,
    reporter: Reporter,
    resident: Resident | None = None,
) -> Site:
    """`resident`: what a long-running process kept from its last run; it keeps the assemble
    memo in memory (written to disk by the run that read it from there)."""
    from generator.assemble import assemble as run
    from generator.memo import AssembleMemo
    from generator.registry import load_registry, reliability_letters

    registry = load_registry(options.path(options.registry)) if options.registry else ()
    state, code = BuildState(options), code_fingerprint(RENDER_CODE)
    kept = resident.memo if resident is not None else None
    memo = AssembleMemo(kept if kept is not None else state.read_objects("assemble", code))
    site = run(items, reliability_letters(registry), memo, resident)
    changed = memo.made or len(memo.current) != len(memo.previous)
    if changed and kept is None:
        state.write_objects("assemble", code, memo.current)
    if resident is not None:
        resident.memo = memo.current
    reporter.detail(f"assemble memo: {memo.made} made, {len(memo.current) - memo.made} reused")
    return site


def render_site(
    site: Site,
    name: str,
    memo: RenderMemo,
    jobs: int,
    site_url: str,
    resident: Resident | None = None,
) -> dict[str, Rendered]:
    from generator.render import render_site as run

    return run(site, name, memo, jobs=jobs, site_url=site_url, resident=resident)


def feed_site_url(site_url: str | None) -> str:
    """Where the site is hosted, for the feeds' absolute URLs: --site-url, else the
    BRIEFING_SITE_URL environment variable, else mkdocs.yml's local default."""
    url = site_url or os.environ.get("BRIEFING_SITE_URL") or "http://127.0.0.1:8000/"
    return url if url.endswith("/") else url + "/"


@dataclass
class GenerateResult:
    site: Site | None = None
    errors: list[str] = field(default_factory=list)
    report: WriteReport | None = None
    unchanged: bool = False  # nothing to do: the docs tree already matches the seeds
    # records a resident run leaves to write once the pages are shown (see generate_unlocked)
    deferred: list[Callable[[], None]] = field(default_factory=list)

    def finish(self) -> None:
        while self.deferred:
            self.deferred.pop(0)()

    @property
    def done(self) -> bool:
        return self.site is not None or self.unchanged

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def process_seed(path: Path, options: Options) -> Outcome:
    """Read and extract one seed; a bad seed becomes its SeedError, never an exception."""
    try:
        doc = read_seed(path, options, seed_name=display_name(path, options))
        return doc, extract(doc, options)
    except SeedError as err:
        return err
    except RecursionError:
        return SeedError(display_name(path, options), "too deeply nested to process")


def _process_chunk(paths: list[Path], options: Options) -> list[Outcome]:
    gc.enable()  # a forked worker inherits the parent's paused collector
    return [process_seed(p, options) for p in paths]


def read_and_extract(paths: list[Path], options: Options, reporter: Reporter) -> Iterator[Outcome]:
    if len(paths) < PARALLEL_FROM:
        yield from reporter.progress(
            (process_seed(p, options) for p in paths), len(paths), "Extracting"
        )
        return
    import generator.extract  # noqa: F401  (once here, not once in every forked worker)

    if options.extractor == "model":
        from generator.extraction.statistical import load

        load()  # forked workers share the parent's copy of the model

    jobs = options.jobs or os.cpu_count() or 1
    size = max(16, len(paths) // (jobs * 8))
    chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(_process_chunk, chunks, [options] * len(chunks))
        for chunk in reporter.progress(results, len(chunks), "Extracting"):
            yield from chunk


def _documents(
    paths: list[Path],
    keys: dict[Path, str | None],
    options: Options,
    reporter: Reporter,
    result: GenerateResult,
    resident: Resident | None = None,
) -> list[tuple[Document, Extraction]]:
    """Every readable seed with its extraction, from the cache when the seed is unchanged
    (from memory for what `resident` holds)."""
    store = ExtractionCache(options.path(options.cache) / "extractions.sqlite")
    held = resident.items if resident is not None else {}
    try:
        present = store.present(k for k in keys.values() if k and k not in held)
        present.update(k for k in keys.values() if k in held)
        todo = [p for p in paths if keys[p] not in present]
        if todo:
            warm_gazetteer(options.path(options.cache))  # before any forked extraction
        outcomes: dict[Path, Outcome] = {}
        with ModelProcess() if _model_aside(todo, options) else nullcontext():
            cached = store.get_many(k for k in keys.values() if k and k not in held)
            cached.update((k, held[k]) for k in keys.values() if k in held)
            outcomes.update(zip(todo, read_and_extract(todo, options, reporter), strict=True))
        rest = [p for p in paths if keys[p] not in cached and p not in outcomes]
        outcomes.update(zip(rest, read_and_extract(rest, options, reporter), strict=True))
        fresh: dict[str, tuple[Document, Extraction]] = {}
        for path, outcome in outcomes.items():
            key = keys[path]
            if key and not isinstance(outcome, SeedError):
                fresh[key] = outcome
        store.put_many(fresh)
        live = {k for k in keys.values() if k}
        if resident is None or not held:
            store.keep_only(live)
        else:
            store.forget([k for k in held if k not in live])
        if resident is not None:
            resident.items = {k: v for k, v in {**cached, **fresh}.items() if k in live}
    finally:
        store.close()
    items = []
    for path in paths:
        outcome = outcomes.get(path) or cached[keys[path]]
        if isinstance(outcome, SeedError):
            result.errors.append(str(outcome))
            reporter.error(str(outcome))
            continue
        outcome[0].key = keys[path]
        items.append(outcome)
        for note in outcome[0].warnings:
            reporter.warn(f"{outcome[0].seed}: {note}")
    extracted = len(outcomes)
    reporter.detail(f"{len(paths) - extracted} seeds unchanged (cached), {extracted} extracted")
    return items


def _model_aside(todo: list[Path], options: Options) -> bool:
    """A few seeds to extract with a statistical model this process has not loaded: it is
    loaded in a forked process (generator/modelprocess.py) while this one loads the cached
    extractions and starts the rules. Only from a process without other threads: one of
    them could hold a lock the forked process needs (serve's warm-up thread, importing spaCy)."""
    import threading

    from generator.extraction.statistical import loaded

    small = 0 < len(todo) < PARALLEL_FROM and (os.cpu_count() or 1) > 1
    alone = threading.active_count() == 1
    return small and alone and options.extractor == "model" and not loaded()


def _in_fork(target: Callable[..., None], args: tuple, daemon: bool = False) -> Callable[[], Any]:
    """Start `target(*args, send)` in a forked process; the call returned waits for the one
    thing it sends (None when it ended without sending) and for its end."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    try:
        child = context.Process(target=target, args=(*args, send), daemon=daemon)
        child.start()
    finally:
        send.close()

    def answer() -> Any:
        try:
            return receive.recv()
        except (EOFError, OSError):
            return None
        finally:
            receive.close()
            child.join()

    return answer


def render_jobs(options: Options, resident: int) -> int:
    """Render workers that fit in options.memory_mb. A forked worker ends up with a copy of
    most of the site model (reference counting writes to every object it touches) and the
    rendered pages double the parent, so a run holds about (2 + workers) times what it holds
    before rendering. Fewer than two workers gain nothing: then render in this process."""
    jobs = options.jobs or os.cpu_count() or 1
    fit = options.memory_mb * 2**20 // max(resident, 1) - 2
    return min(jobs, fit) if fit >= 2 else 1


def _resident_bytes() -> int:
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def generate(options: Options, reporter: Reporter, site_url: str | None = None) -> GenerateResult:
    with build_lock(options, reporter), few_collections():
        return generate_unlocked(options, reporter, site_url)


@contextmanager
def few_collections() -> Iterator[None]:
    """A run builds millions of long-lived objects (unpickled extractions, the site model);
    Python's cyclic collector would scan them again and again for nothing."""
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        # What the run made stays out of the collector's way too (a long-running process keeps
        # its site model: scanning it after each run would cost more than the run's garbage
        # cycles); refcounting frees the rest.
        gc.freeze()
        gc.enable()


def generate_unlocked(
    options: Options,
    reporter: Reporter,
    site_url: str | None = None,
    on_work: Callable[[], None] | None = None,
    resident: Resident | None = None,
) -> GenerateResult:
    """`on_work` is called as soon as the run knows it has pages to generate. `resident`:
    what a long-running process keeps from one run to the next (generator/resident.py)."""
    result = GenerateResult()
    site_url = feed_site_url(site_url)
    seeds_dir = options.path(options.seeds)
    hidden: list[Path] = []
    paths = find_seeds(seeds_dir, hidden)
    for path in hidden:
        reporter.warn(f"{display_name(path, options)}: hidden file, not read as a seed")
    if not seeds_dir.is_dir():
        reporter.warn(f"no seeds folder at {seeds_dir}")
    keys = seed_keys(paths, options)
    name = site_name(options)
    docs = options.path(options.docs)
    build_state = BuildState(options)
    fingerprint = generate_fingerprint(keys, options, name + "\0" + site_url)
    state = build_state.read("run")
    # A resident model not yet made is made now, even when the docs tree is up to date: the
    # first edit then costs what the next ones do.
    primed = resident is None or resident.primed
    if primed and state.get("fingerprint") == fingerprint and DocsWriter(docs).intact():
        for line in state.get("log", []):
            kind, _, message = line.partition(": ")
            (reporter.error if kind == "error" else reporter.warn)(message)
        result.errors = [
            m.partition(": ")[2] for m in state.get("log", []) if m.startswith("error")
        ]
        result.unchanged = True
        reporter.info(f"nothing changed: {state.get('briefings', 0)} briefings are up to date")
        return result
    if on_work is not None:
        on_work()
    build_state.forget("run")
    log_start = len(reporter.log)
    clock = time.perf_counter()
    items = _documents(paths, keys, options, reporter, result, resident)
    reporter.detail(f"read and extract: {time.perf_counter() - clock:.1f} s")
    clock = time.perf_counter()
    site = assemble(items, options, reporter, resident)
    reporter.detail(f"assemble: {time.perf_counter() - clock:.1f} s")
    writer = DocsWriter(docs)
    render_code = code_fingerprint(RENDER_CODE) + name
    if resident is not None and resident.written != _stamp_of(writer.manifest_path):
        resident.signatures = None  # another run wrote the docs tree since: its record counts
    if resident is not None and resident.signatures is not None:
        previous = {"code": resident.signatures[0], "pages": resident.signatures[1]}
    else:
        previous = build_state.read("render")
    memo = RenderMemo(
        previous.get("pages") if previous.get("code") == render_code else None,
        writer.is_intact,
        resident.inputs if resident is not None else None,
    )
    build_state.forget("render")
    if resident is not None:
        resident.signatures = None
    clock = time.perf_counter()
    jobs = render_jobs(options, _resident_bytes())
    pages = render_site(site, name, memo, jobs, site_url, resident)
    if resident is not None:
        resident.forget_pages(set(pages))
    reporter.detail(f"render: {time.perf_counter() - clock:.1f} s")
    clock = time.perf_counter()
    try:
        report = writer.write_all(pages)
    except WriteRefused as exc:
        reporter.error(str(exc))
        result.errors.append(str(exc))
        return result
    reporter.detail(f"write: {time.perf_counter() - clock:.1f} s")
    if resident is not None:
        resident.written = _stamp_of(writer.manifest_path)
    record = {"code": render_code, "pages": memo.signatures}
    if resident is None:
        build_state.write("render", record)
    else:  # kept in memory; on disk (for a later build) once the pages are shown: until then
        # the record stays forgotten, so a run killed meanwhile only renders more next time
        resident.signatures = (render_code, memo.signatures)
        result.deferred.append(lambda: build_state.write("render", record))
    reporter.detail(f"{memo.rendered} pages rendered, {len(pages) - memo.rendered} unchanged")
    for note in report.notices():
        reporter.warn(note)
    for rel in report.written:
        reporter.detail(f"wrote {docs.name}/{rel}")
    reporter.info(
        f"{len(site.briefings)} briefings from {len(paths)} seeds: {len(report.written)} pages "
        f"written, {len(report.unchanged)} unchanged, {len(report.deleted)} removed"
        + (f", {len(result.errors)} seeds failed" if result.errors else "")
    )
    log = reporter.log[log_start:]
    build_state.write(
        "run", {"fingerprint": fingerprint, "log": log, "briefings": len(site.briefings)}
    )
    result.site = site
    result.report = report
    if resident is not None:
        resident.primed = True
    return result


def _stamp_of(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def mkdocs_env(site_url: str | None = None, pdf_links: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["BRIEFING_PDF_LINKS"] = "true" if pdf_links else "false"
    if site_url:
        env["BRIEFING_SITE_URL"] = site_url
    return env


def start_site_step(
    options: Options,
    site_url: str | None = None,
    pdf_links: bool = False,
    out: Path | None = None,
    record: str = "site",
) -> SiteProcess:
    """The site step's process, started ahead: it sets MkDocs up once told `warm()`, while the
    docs tree is generated, and builds in build_site."""
    from generator.sitebuild import SiteProcess

    url = feed_site_url(site_url)
    return SiteProcess(options, out or options.path(options.site), url, pdf_links, record)


def build_site(
    options: Options,
    reporter: Reporter,
    site_url: str | None = None,
    pdf_links: bool = False,
    out: Path | None = None,
    record: str = "site",
    full: bool = False,
    process: SiteProcess | None = None,
    on_pages: Callable[[], None] | None = None,
) -> int:
    """site/ (or `out`) from the docs tree, strict (warnings are failures), in proportion to
    what changed (generator/sitebuild.py); then its search bundles (generator/search.py).
    `process`: the site step started ahead with the same arguments (start_site_step);
    `on_pages`: called once the pages are built, before the search bundles."""
    from generator.search import update_search

    site = out or options.path(options.site)
    process = process or start_site_step(options, site_url, pdf_links, site, record)
    changes = process.finish(reporter, full)
    if not changes.ok:
        reporter.error("mkdocs build failed (see its messages above)")
        return 1
    if not changes.up_to_date:
        reporter.info(
            "site built in full"
            if changes.full
            else f"site: {len(changes.written)} pages rebuilt, {len(changes.removed)} removed"
        )
    if on_pages is not None:
        on_pages()
    code = update_search(
        site,
        BuildState(options),
        reporter,
        record=record + "-search",
        site_token=changes.after,
        since=changes.before,
        written=changes.written,
        removed=changes.removed,
    )
    if code == 0 and changes.up_to_date:
        reporter.info("the site is up to date")
    return code


def build(
    options: Options, reporter: Reporter, pdf: bool = False, site_url: str | None = None
) -> int:
    with build_lock(options, reporter):
        # Started now, the site step's process is ready when the docs tree is.
        site_step = start_site_step(options, site_url, pdf_links=pdf)
        try:
            code = _build_locked(options, reporter, pdf, site_url, site_step)
        finally:
            site_step.cancel()
    return code


def _build_locked(
    options: Options, reporter: Reporter, pdf: bool, site_url: str | None, site_step: SiteProcess
) -> int:
    seeds = find_seeds(options.path(options.seeds))
    if len(seeds) >= GENERATE_APART_FROM:
        done, generated = _generate_apart(options, reporter, site_url, site_step.warm)
    else:
        with few_collections():
            result = generate_unlocked(options, reporter, site_url, site_step.warm)
        done, generated = result.done, result.exit_code
        del result  # the site model: not needed by the steps below
    if not done:
        return 1
    code = build_site(options, reporter, site_url, pdf_links=pdf, process=site_step)
    if code == 0 and pdf:
        from generator.pdf import make_pdfs_locked

        code = make_pdfs_locked(options, reporter, copy_to_site=True)
    return max(code, generated)


def _generate_apart(
    options: Options, reporter: Reporter, site_url: str | None, on_work: Callable[[], None]
) -> tuple[bool, int]:
    """Generate in a forked process, so the memory of the whole site model is given back
    before MkDocs and Pagefind run (Python keeps most of it after the model is freed)."""
    answer = _in_fork(_generate_child, (options, reporter, site_url, on_work))
    return answer() or (False, 1)


def _generate_child(  # type: ignore[no-untyped-def]
    options: Options,
    reporter: Reporter,
    site_url: str | None,
    on_work: Callable[[], None],
    send,
) -> None:
    from generator.extraction.statistical import ModelError

    try:
        with few_collections():
            result = generate_unlocked(options, reporter, site_url, on_work)
        send.send((result.done, result.exit_code))
    except ModelError as err:
        reporter.error(str(err))
        send.send((False, 1))
