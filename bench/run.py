"""Scale benchmark (issue 5): N seeds -> briefings/ -> site/ -> a search in headless Chromium.

    .venv/bin/python bench/run.py --n 1000            # measure, then update bench/RESULTS.md
    .venv/bin/python bench/run.py --n 100 --no-browser --keep
    .venv/bin/python bench/run.py --n 1000 --profile  # also cProfile generate and the build

Everything happens in a temporary project folder (the seeds are made there by bench/corpus.py
from ../shared/corpus/dev, or from the repository's seed when that is missing). See
bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "tests"))

import corpus  # noqa: E402
from browser import ARGS as CHROMIUM_ARGS  # noqa: E402  (the tests' Chromium launch flags)
from browser import CHROMIUM, static_server  # noqa: E402
from conftest import make_project  # noqa: E402  (a project folder like the repository's)

RESULTS = BENCH / "RESULTS.md"
PY = sys.executable
PAGE = os.sysconf("SC_PAGE_SIZE")
PHASES = ("mkdocs", "pagefind")  # child processes of `briefing build` timed on their own

# Issue 5's targets (seconds, bytes); checked at the N they are stated for.
TARGETS = {
    "cold": (10_000, 20.0, "generate 10,000 seeds cold <= 20 s"),
    "gen_mem": (10_000, 1 << 30, "generate peak memory <= 1 GB"),
    "nochange": (10_000, 1.0, "regenerate, nothing changed <= 1 s at 10,000"),
    "onechange": (10_000, 2.0, "regenerate, one seed changed <= 2 s at 10,000"),
    "build_1k": (1_000, 30.0, "MkDocs build at 1,000 briefings <= 30 s"),
    "build_10k": (10_000, 300.0, "MkDocs build at 10,000 briefings <= 5 min"),
    "search_ms": (10_000, 0.300, "search: first result <= 300 ms at 10,000"),
    "search_bytes": (10_000, 2 << 20, "search: <= 2 MB downloaded at 10,000"),
}


# --------------------------------------------------------------------------- measuring a command


@dataclass
class Run:
    cmd: list[str]
    seconds: float = 0.0
    code: int = 0
    max_rss: int = 0  # bytes: the largest single process of the tree (wait4, like time -v)
    tree_rss: int = 0  # bytes: largest sum of RSS over the process tree, sampled every 50 ms
    # bytes: largest sum of PSS over the tree; forked workers share their parent's pages, which
    # RSS counts once per process and PSS divides among them (the memory the tree really holds)
    tree_pss: int = 0
    load: float = 0.0  # 1-minute load average when the run started
    phases: dict[str, list[float]] = field(default_factory=dict)  # tag -> [first, last, max rss]
    stderr: str = ""


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        kids.setdefault(ppid, []).append(int(entry.name))
    return kids


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def measure(cmd: list[str], cwd: Path, env: dict[str, str] | None = None, tag: str = "") -> Run:
    """Run cmd; wall time, exit code, peak RSS (single process and whole tree)."""
    run = Run(cmd=cmd, load=os.getloadavg()[0])
    stop = threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    err_chunks: list[str] = []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)
    reader.start()

    def sample() -> None:
        while not stop.is_set():
            kids = _children_map()
            todo, total, pss = [proc.pid], 0, 0
            now = time.perf_counter() - start
            while todo:
                pid = todo.pop()
                rss = _rss(pid)
                total += rss
                pss += _pss(pid)
                cmdline = _cmdline(pid)
                for tag in PHASES:
                    if tag in cmdline:
                        phase = run.phases.setdefault(tag, [now, now, 0])
                        phase[1] = now
                        phase[2] = max(phase[2], rss)
                todo.extend(kids.get(pid, []))
            run.tree_rss = max(run.tree_rss, total)
            run.tree_pss = max(run.tree_pss, pss)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    run.seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    reader.join()
    run.code = proc.returncode
    run.max_rss = usage.ru_maxrss * 1024
    run.stderr = "".join(err_chunks)
    if run.code != 0:
        print(f"  ! {tag or cmd[0]} exited {run.code}\n{run.stderr[-3000:]}", file=sys.stderr)
    return run


# --------------------------------------------------------------------------- the project folder


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) under folder."""
    total = files = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_size
                files += 1
            except OSError:
                pass
    return total, files


def generate_cmd(project: Path) -> list[str]:
    return [PY, "-m", "generator", "generate", "--root", str(project), "-q"]


def mkdocs_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["BRIEFING_PDF_LINKS"] = "false"
    env.pop("BRIEFING_SITE_URL", None)
    return env


# --------------------------------------------------------------------------- search in Chromium


# A watcher in the page: the time the first result appears, on the page's own clock.
FIRST_RESULT_WATCHER = """
window.__firstResult = null;
new MutationObserver((records) => {
  if (window.__firstResult !== null) return;
  for (const r of records) for (const n of r.addedNodes) {
    if (n.nodeType === 1 && (n.matches('.md-search-result__item') ||
        n.querySelector('.md-search-result__item'))) {
      window.__firstResult = performance.now();
      return;
    }
  }
}).observe(document, {subtree: true, childList: true});
"""


def _pasted_query_ms(browser, base: str, query: str) -> int:
    """A fresh visitor (empty cache): the page loads, a second later the whole query is in the
    box at once; milliseconds from then to the first result. Only the index chunks of the
    query's words are left to fetch when it arrives."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.add_init_script(FIRST_RESULT_WATCHER)
        page.goto(base, wait_until="load", timeout=600_000)
        page.wait_for_timeout(1000)
        field_ = page.locator("input.md-search__input")
        if not field_.count():
            page.locator("label.md-header__button[for='__search']").click()
        page.click("input.md-search__input")
        t0 = page.evaluate("performance.now()")
        page.fill("input.md-search__input", query)
        page.wait_for_function("window.__firstResult !== null", timeout=300_000)
        return round(page.evaluate("window.__firstResult") - t0)
    finally:
        context.close()


def search_in_browser(site: Path, query: str) -> dict:
    """Time from typing `query` to the first result, and the bytes fetched, in headless Chromium.

    Figures: pasted (a fresh visitor's whole query arrives a second after the page loaded: the
    time the issue's target is about), cold (typing key by key starts right after the page's load
    event, as a visitor who searches at once: the index may still be on its way, and the robot's
    keystrokes are part of the time), warm (the same query typed again once the index is in) and
    last key (one keystroke completing the query).
    """
    from playwright.sync_api import sync_playwright

    out: dict = {"query": query}
    with static_server(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            out["paste_ms"] = _pasted_query_ms(browser, base, query)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            got: list[tuple[float, int, str]] = []  # (monotonic time, encoded bytes, url)
            urls: dict[str, str] = {}
            external: list[str] = []
            cdp.on(
                "Network.requestWillBeSent",
                lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]),
            )
            cdp.on(
                "Network.loadingFinished",
                lambda e: got.append(
                    (time.monotonic(), int(e["encodedDataLength"]), urls.get(e["requestId"], "?"))
                ),
            )
            page.on(
                "request",
                lambda r: (
                    external.append(r.url)
                    if not r.url.startswith((base, "data:", "blob:"))
                    else None
                ),
            )
            page.add_init_script(FIRST_RESULT_WATCHER)
            t_nav = time.monotonic()
            page.goto(base, wait_until="load", timeout=600_000)
            t_load = time.monotonic()
            out["load_ms"] = round((t_load - t_nav) * 1000)
            field_ = page.locator("input.md-search__input")
            if not field_.count():
                page.locator("label.md-header__button[for='__search']").click()
            page.click("input.md-search__input")
            t0 = page.evaluate("performance.now()")
            t_type = time.monotonic()
            field_.press_sequentially(query)
            page.wait_for_selector(".md-search-result__item", timeout=600_000)
            first = page.evaluate("window.__firstResult")
            t_first = time.monotonic()
            out["cold_ms"] = round(first - t0) if first is not None else None
            out["results"] = page.locator(".md-search-result__item").count()
            page.wait_for_load_state("networkidle")
            time.sleep(0.3)
            before_first = [g for g in got if g[0] <= t_first + 0.05]
            out["page_bytes"] = sum(b for _, b, _ in before_first)
            out["after_load_bytes"] = sum(b for t, b, _ in before_first if t > t_load)
            # Material's lunr index, or pagefind's entry, chunks and fragments:
            out["index_bytes"] = sum(
                b for _, b, u in before_first if "search_index" in u or "/pagefind/" in u
            )
            out["requests"] = len(got)
            # Warm: clear the field, type the same query again.
            page.fill("input.md-search__input", "")
            page.wait_for_timeout(200)
            page.evaluate("window.__firstResult = null")
            n_before = len(got)
            t0 = page.evaluate("performance.now()")
            field_.press_sequentially(query)
            page.wait_for_selector(".md-search-result__item", timeout=300_000)
            page.wait_for_function("window.__firstResult !== null", timeout=300_000)
            out["warm_ms"] = round(page.evaluate("window.__firstResult") - t0)
            out["warm_bytes"] = sum(b for _, b, _ in got[n_before:])
            # The query but its last character set at once (no keyup, so no search), then the
            # last key pressed: the latency of one search, typing not included.
            page.fill("input.md-search__input", "")
            page.wait_for_timeout(300)
            page.fill("input.md-search__input", query[:-1])
            page.wait_for_timeout(1500)
            page.evaluate("window.__firstResult = null")
            t0 = page.evaluate("performance.now()")
            page.press("input.md-search__input", query[-1])
            page.wait_for_function("window.__firstResult !== null", timeout=300_000)
            out["fill_ms"] = round(page.evaluate("window.__firstResult") - t0)
            out["typing_ms"] = round((t_first - t_type) * 1000)
            out["external_requests"] = len(external)
        finally:
            browser.close()
    return out


# --------------------------------------------------------------------------- profiles


def profile_generate(project: Path, out: Path) -> str:
    """cProfile of a cold `briefing generate` (the parent process: workers show as waiting)."""
    reset_cold(project)
    cmd = [
        PY,
        "-m",
        "cProfile",
        "-o",
        str(out),
        "-m",
        "generator",
        "generate",
        "--root",
        str(project),
        "-q",
    ]
    subprocess.run(cmd, cwd=ROOT, check=False)
    return top(out)


def profile_extract(project: Path, out: Path, limit: int = 200) -> str:
    """cProfile of read+extract run serially in this process, over the first `limit` seeds."""
    code = (
        "import cProfile, sys\n"
        "from pathlib import Path\n"
        "from generator.ingest import find_seeds\n"
        "from generator.options import Options\n"
        "from generator.pipeline import process_seed\n"
        f"opts = Options(root=Path({str(project)!r}))\n"
        f"paths = find_seeds(opts.path(opts.seeds))[:{limit}]\n"
        "process_seed(paths[0], opts)\n"
        f"cProfile.run('for p in paths: process_seed(p, opts)', {str(out)!r})\n"
    )
    subprocess.run([PY, "-c", code], cwd=ROOT, check=False)
    return top(out)


def profile_build(project: Path, out: Path) -> str:
    cmd = [PY, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "-q"]
    subprocess.run(cmd, cwd=project, env=mkdocs_env(), check=False)
    return top(out)


def top(path: Path, n: int = 25) -> str:
    import io

    buf = io.StringIO()
    try:
        stats = pstats.Stats(str(path), stream=buf)
    except (OSError, TypeError, EOFError):
        return f"(no profile at {path})"
    stats.strip_dirs().sort_stats("cumulative").print_stats(n)
    text = buf.getvalue()
    return text[text.find("   ncalls") :] if "   ncalls" in text else text


def reset_cold(project: Path) -> None:
    """An empty briefings/ and no cache (.cache/briefing: extraction cache, lock): a first run.

    The old trees are moved aside and deleted when the benchmark ends: on an ext4 disk mounted
    with `discard`, deleting 28,000 files just before a run slows that run's file creation
    several times over (seen here: 28,000 atomic writes 1.7 s on a quiet disk, 11 s right after
    removing such a tree), which would be measuring the previous run's clean-up."""
    trash = project / ".bench-trash"
    trash.mkdir(exist_ok=True)
    for name in ("briefings", ".cache"):
        if (project / name).exists():
            (project / name).rename(trash / f"{name.strip('.')}-{time.monotonic_ns()}")
    (project / "briefings").mkdir()


def stages_in_process(project: Path) -> dict:
    """Generate split into its stages, in this process (run as a child by `stage_times`).

    Uses the pipeline's cache-aware reading (`_documents`) when it exists, else
    `read_and_extract`; the exact functions follow generator/pipeline.py's `_generate`.
    """
    from generator import buildstate, pipeline
    from generator.assemble import assemble
    from generator.ingest import find_seeds
    from generator.options import Options
    from generator.render import render_site
    from generator.report import Reporter
    from generator.write import DocsWriter

    opts = Options(root=project, verbose=-1)
    rep = Reporter(-1)
    t: dict = {}
    s = time.perf_counter()
    paths = find_seeds(opts.path(opts.seeds))
    t["find"] = time.perf_counter() - s
    s = time.perf_counter()
    if hasattr(pipeline, "_documents") and hasattr(buildstate, "seed_keys"):
        keys = buildstate.seed_keys(paths, opts)
        t["hash seeds"] = time.perf_counter() - s
        s = time.perf_counter()
        items = pipeline._documents(paths, keys, opts, rep, pipeline.GenerateResult())
        t["read+extract (cache-aware)"] = time.perf_counter() - s
    elif hasattr(pipeline, "_documents"):
        items = pipeline._documents(paths, opts, rep, pipeline.GenerateResult())
        t["read+extract (cache-aware)"] = time.perf_counter() - s
    else:
        items = [o for o in pipeline.read_and_extract(paths, opts, rep) if isinstance(o, tuple)]
        t["read+extract"] = time.perf_counter() - s
    s = time.perf_counter()
    site = assemble(items)
    t["assemble"] = time.perf_counter() - s
    s = time.perf_counter()
    pages = render_site(site, pipeline.site_name(opts))
    t["render"] = time.perf_counter() - s
    s = time.perf_counter()
    DocsWriter(opts.path(opts.docs)).write_all(pages)
    t["write"] = time.perf_counter() - s
    t.update(pages=len(pages), entities=len(site.entities), sources=len(site.sources))
    return t


def stage_times(project: Path) -> dict:
    """Stages of a cold generate, then the same full path again with a warm extraction cache
    (each in a fresh process; `briefing generate`'s nothing-changed shortcut is not taken)."""
    out = {}
    reset_cold(project)
    for label in ("cold", "warm-cache full"):
        s = time.perf_counter()
        proc = subprocess.run(
            [PY, __file__, "--stages-of", str(project)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        total = time.perf_counter() - s
        try:
            data = json.loads(proc.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            print(proc.stderr[-3000:], file=sys.stderr)
            return out
        data["process total"] = total
        out[label] = data
    return out


# --------------------------------------------------------------------------- the run


def commit() -> str:
    def git(*args: str) -> str:
        proc = subprocess.run(
            ["git", "--no-optional-locks", *args], cwd=ROOT, capture_output=True, text=True
        )
        return proc.stdout.strip()

    sha = git("rev-parse", "--short", "HEAD") or "?"
    return sha + ("+dirty" if git("status", "--porcelain", "--untracked-files=no") else "")


def pick_query(seeds: Path, source: corpus.Source) -> str:
    """A person's name found in the corpus (the first seed's), else its most frequent place."""
    first = sorted(seeds.glob("*.txt"))[0]
    variator = corpus.Variator(source)
    stem, text, _ = variator.seed(0)
    for m in re.finditer(r"\b([A-Z][a-z]+ [A-Z][a-z]+)\b", text):
        name = m.group(1)
        if name.split()[0] in variator.firsts and name.split()[1] in variator.lasts:
            return name
    counts = {
        p: sum(1 for _ in re.finditer(re.escape(p), first.read_text("utf-8")))
        for p in variator.places
    }
    return max(counts, key=counts.get) if counts else "Iran"


def cpu_reference() -> float:
    """Seconds for a fixed pure-Python workload, best of 3: the same commit's figures move with
    this machine's speed (shared cores), so rows of different days compare through it."""
    code = "sum(i * i % 7 for i in range(3_000_000))"
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([PY, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def bench(args: argparse.Namespace) -> dict:
    n = args.n
    work = Path(tempfile.mkdtemp(prefix=f"briefing-bench-{n}-", dir=args.tmp))
    project = work / "project"
    make_project(project, with_seed=False)
    r: dict = {"n": n, "date": dt.date.today().isoformat(), "commit": commit(), "dir": str(work)}
    r["uptime"] = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    r["notes"] = list(args.note)
    r["cpu_reference"] = cpu_reference()
    print(f"N={n} in {project}\n  {r['uptime']}  CPU reference {r['cpu_reference']:.2f} s")

    s = time.perf_counter()
    source = corpus.write_corpus(project / "seeds", n, corpus.load_articles(args.corpus))
    r["corpus"] = f"{len(source.articles)} articles from {source.origin}"
    r["fallback"] = source.fallback
    if source.fallback:
        print(
            "  NOTE: ../shared/corpus/dev not found: the corpus is made from the repository's "
            f"seed {corpus.REPO_SEED.name} alone"
        )
    print(f"  corpus: {n} seeds from {r['corpus']} ({time.perf_counter() - s:.1f} s)")

    gen = generate_cmd(project)
    colds, nochanges, onechanges = [], [], []
    seed = sorted((project / "seeds").glob("*.txt"))[n // 2]
    for k in range(args.repeat):
        if k:  # cold again: an empty briefings/ and no cache
            reset_cold(project)
        colds.append(measure(gen, ROOT, tag="cold generate"))
        nochanges.append(measure(gen, ROOT, tag="regenerate"))
        with seed.open("a", encoding="utf-8") as fh:  # one seed's text edited
            fh.write(f"\n\nOfficials said the review would finish in {k + 2} weeks.\n")
        onechanges.append(measure(gen, ROOT, tag="regenerate one"))
    cold = min(colds, key=lambda x: x.seconds)
    nochange = min(nochanges, key=lambda x: x.seconds)
    onechange = min(onechanges, key=lambda x: x.seconds)
    print(
        f"  cold generate        {cold.seconds:8.2f} s  peak {cold.max_rss / 2**20:.0f} MiB "
        f"(tree {cold.tree_rss / 2**20:.0f} MiB)  load {cold.load:.2f}"
    )
    print(f"  regenerate, no change{nochange.seconds:8.2f} s  load {nochange.load:.2f}")
    print(f"  regenerate, 1 changed{onechange.seconds:8.2f} s  load {onechange.load:.2f}")
    startup = measure([PY, "-c", "import generator.pipeline"], ROOT)
    r["gen"] = {
        "cold": cold.seconds, "cold_load": cold.load, "cold_code": cold.code,
        "max_rss": max(x.max_rss for x in colds), "tree_rss": max(x.tree_rss for x in colds),
        "tree_pss": max(x.tree_pss for x in colds),
        "nochange": nochange.seconds, "nochange_load": nochange.load,
        "onechange": onechange.seconds, "onechange_load": onechange.load,
        "import": startup.seconds, "repeat": args.repeat,
        "all": {
            "cold": [round(x.seconds, 2) for x in colds],
            "nochange": [round(x.seconds, 2) for x in nochanges],
            "onechange": [round(x.seconds, 2) for x in onechanges],
            "loads": [round(x.load, 2) for x in colds + nochanges + onechanges],
        },
    }  # fmt: skip

    build = None
    if not args.no_build:
        bcmd = [PY, "-m", "generator", "build", "--root", str(project), "-q"]
        build = measure(bcmd, ROOT, env=mkdocs_env(), tag="briefing build")
        mk = build.phases.get("mkdocs", [0, 0, 0])
        pf = build.phases.get("pagefind")
        r["build"] = {
            "pagefind": pf[1] - pf[0] if pf else None,
            "pagefind_rss": pf[2] if pf else None,
            "total": build.seconds, "load": build.load, "code": build.code,
            "mkdocs": mk[1] - mk[0], "mkdocs_rss": mk[2],
            "max_rss": build.max_rss, "tree_rss": build.tree_rss,
        }  # fmt: skip
        print(
            f"  briefing build       {build.seconds:8.2f} s  (mkdocs ~{mk[1] - mk[0]:.1f} s) "
            f"peak {build.max_rss / 2**20:.0f} MiB  load {build.load:.2f}"
        )

    r["briefings"] = tree_size(project / "briefings")
    r["site"] = tree_size(project / "site")
    index = project / "site" / "search" / "search_index.json"
    pagefind = project / "site" / "pagefind"
    r["index"] = {}
    if index.exists():
        raw = index.read_bytes()
        r["index"]["lunr"] = {"bytes": len(raw), "gzip": len(gzip.compress(raw, 6))}
        del raw
    if pagefind.is_dir():
        size, files = tree_size(pagefind)
        r["index"]["pagefind"] = {"bytes": size, "files": files}
    print(
        f"  briefings/ {r['briefings'][0] / 2**20:.1f} MiB in {r['briefings'][1]} files; "
        f"site/ {r['site'][0] / 2**20:.1f} MiB in {r['site'][1]} files; index {r.get('index')}"
    )

    if build and build.code == 0 and not args.no_browser:
        query = pick_query(project / "seeds", source)
        try:
            r["search"] = search_in_browser(project / "site", query)
            r["search"]["load"] = os.getloadavg()[0]
            print(f"  search {r['search']}")
        except Exception as exc:  # the other figures still count
            r["search"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
            print(f"  search failed: {r['search']['error']}", file=sys.stderr)

    if args.stages:
        r["stages"] = stage_times(project)
        print(f"  stages {r['stages']}")
    if args.profile:
        prof = Path(args.profile)
        prof.mkdir(parents=True, exist_ok=True)
        r["profiles"] = {
            "generate": profile_generate(project, prof / f"gen-{n}.prof"),
            "extract": profile_extract(project, prof / f"extract-{n}.prof"),
        }
        if not args.no_build:
            r["profiles"]["build"] = profile_build(project, prof / f"build-{n}.prof")
        for name, text in r["profiles"].items():
            print(f"\n=== cProfile {name} (N={n}), top by cumulative time\n{text}")

    shutil.rmtree(project / ".bench-trash", ignore_errors=True)
    if args.keep:
        (work / "result.json").write_text(json.dumps(r, indent=1, default=str), encoding="utf-8")
        print(f"  kept {work} (figures in result.json)")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return r


# --------------------------------------------------------------------------- RESULTS.md


COLUMNS = [
    "N", "date", "commit", "load (1 min)", "cold generate", "peak RSS generate",
    "no-change regen", "one-changed regen", "briefing build (mkdocs part)", "peak RSS build",
    "briefings/", "site/", "search index", "search: first result cold / warm", "search bytes",
]  # fmt: skip


def _mb(b: float) -> str:
    """Bytes for the table: MB from 1 MB up, else kB (else B)."""
    if b >= 1e6:
        return f"{b / 1e6:.1f} MB"
    return f"{b / 1e3:.0f} kB" if b >= 1e3 else f"{b:.0f} B"


def _mark(key: str, value: float | None, n: int) -> str:
    """' ✅'/' ❌' when the target applies at this N; '' otherwise."""
    at, limit, _ = TARGETS[key]
    if value is None or n != at:
        return ""
    return " ✅" if value <= limit else " ❌"


def row(r: dict) -> list[str]:
    n, g = r["n"], r["gen"]
    b = r.get("build") or {}
    s = r.get("search") or {}
    idx = r.get("index") or {}
    cold = f"{g['cold']:.1f} s{_mark('cold', g['cold'], n)}" + (
        "" if not g["cold_code"] else " (exit≠0)"
    )
    peak = f"{g['max_rss'] / 2**20:.0f} MiB (tree {g['tree_rss'] / 2**20:.0f} RSS"
    if g.get("tree_pss"):
        peak += f", {g['tree_pss'] / 2**20:.0f} PSS{_mark('gen_mem', g['tree_pss'], n)}"
    peak += ")"
    loads = [g["cold_load"], g["nochange_load"], g["onechange_load"], b.get("load"), s.get("load")]
    load = "/".join(f"{x:.1f}" for x in loads if x is not None)
    if b:
        build_key = "build_10k" if n == 10_000 else "build_1k"
        build = f"{b['total']:.1f} s (mkdocs {b['mkdocs']:.1f} s{_mark(build_key, b['mkdocs'], n)}"
        if b.get("pagefind") is not None:
            build += f", pagefind {b['pagefind']:.1f} s"
        build += ")"
        if b["code"]:
            build += " (exit≠0)"
        build_rss = f"mkdocs {b['mkdocs_rss'] / 2**20:.0f} MiB"
        if b.get("pagefind_rss"):
            build_rss += f", pagefind {b['pagefind_rss'] / 2**20:.0f} MiB"
        build_rss += f" (tree {b['tree_rss'] / 2**20:.0f})"
    else:
        build = build_rss = "not run"
    parts = []
    if "lunr" in idx:
        parts.append(f"lunr {_mb(idx['lunr']['bytes'])} ({_mb(idx['lunr']['gzip'])} gz)")
    if "pagefind" in idx:
        parts.append(
            f"pagefind {_mb(idx['pagefind']['bytes'])} in {idx['pagefind']['files']:,} files"
        )
    index = "; ".join(parts) or "–"
    if "cold_ms" in s:
        pasted = s.get("paste_ms")
        search = (
            (f"pasted {pasted} ms{_mark('search_ms', pasted / 1000, n)}; " if pasted else "")
            + f"typed from load {s['cold_ms']} ms / warm {s['warm_ms']} ms, "
            f'last key {s.get("fill_ms")} ms ("{s["query"]}", {s["results"]} shown)'
        )
        sbytes = (
            f"{_mb(s['page_bytes'])} page+index, {_mb(s['after_load_bytes'])} after load"
            f"{_mark('search_bytes', s['page_bytes'], n)}"
        )
    else:
        search, sbytes = (s.get("error", "not run")[:80], "–")
    return [
        f"{n:,}", r["date"], r["commit"], load, cold, peak,
        f"{g['nochange']:.1f} s{_mark('nochange', g['nochange'], n)}",
        f"{g['onechange']:.1f} s{_mark('onechange', g['onechange'], n)}",
        build, build_rss,
        f"{_mb(r['briefings'][0])}, {r['briefings'][1]:,} files",
        f"{_mb(r['site'][0])}, {r['site'][1]:,} files",
        index, search, sbytes,
    ]  # fmt: skip


def details(r: dict) -> str:
    """The per-N section: how the figures were obtained, extrapolations, stages, profiles."""
    n, g = r["n"], r["gen"]
    lines = [f"### N = {n:,} ({r['date']}, {r['commit']})", ""]
    lines.append(f"- machine: `{r['uptime']}` ({os.cpu_count()} cores)")
    if r.get("cpu_reference"):
        lines.append(
            f"- CPU reference (fixed pure-Python loop, best of 3): {r['cpu_reference']:.2f} s; "
            "the same commit's times scale with it"
        )
    lines.append(
        f"- corpus: {n:,} seeds from {r['corpus']}"
        + (" **(fallback: ../shared/corpus/dev missing)**" if r["fallback"] else "")
    )
    lines.append(
        f"- generate runs (fastest of {g.get('repeat', 1)} is in the table): {g.get('all')}"
    )
    lines.append(
        f"- Python start-up + `import generator.pipeline`: {g['import']:.2f} s "
        "(part of every generate figure)"
    )
    if n < 10_000:
        f = 10_000 / n
        lines.append(
            f"- linear extrapolation to 10,000 (×{f:g}): cold generate ≈ {g['cold'] * f:.0f} s "
            f"(target 20 s), no-change ≈ {g['nochange'] * f:.0f} s (target 1 s), one changed ≈ "
            f"{g['onechange'] * f:.0f} s (target 2 s)"
            + (
                f", MkDocs build ≈ {r['build']['mkdocs'] * f:.0f} s (target 300 s)"
                if r.get("build")
                else ""
            )
        )
    if r.get("index"):
        lines.append(f"- search index: {r['index']}")
    if r.get("search"):
        lines.append(f"- search: {r['search']}")
    for label, st in (r.get("stages") or {}).items():
        parts = [f"{k} {v:.2f} s" if isinstance(v, float) else f"{k} {v}" for k, v in st.items()]
        lines.append(f"- {label} generate by stage (one process): " + ", ".join(parts))
    lines += [f"- note: {note}" for note in r.get("notes") or []]
    for name, text in (r.get("profiles") or {}).items():
        lines += [
            "",
            f"cProfile, {name}, top by cumulative time:",
            "",
            "```",
            "\n".join(text.strip().splitlines()[:30]),
            "```",
        ]
    return "\n".join(lines) + "\n"


HEADER = """# Scale benchmark results (issue 5)

Made by `bench/run.py` (see bench/README.md); one row per N, replaced when that N is run again.
Timings are wall-clock seconds on a shared 2-core machine: rough. "load" lists the 1-minute load
average when cold generate / no-change / one-changed / build / search started. Peak RSS: the
largest single process (wait4, as `time -v` reports it) and, in brackets, the largest sampled sum
over the whole process tree (main process + extraction and render workers, or + the mkdocs child)
of RSS and, for generate, of PSS (forked workers share their parent's pages: RSS counts them once
per process, PSS once in all; the memory target is checked on PSS).
✅/❌ mark a figure against its target only at the N the target is stated for.

Targets (issue 5): generate 10,000 seeds cold <= 20 s and peak memory <= 1 GB; regenerate with
nothing changed <= 1 s at 10,000; one seed changed <= 2 s; MkDocs build at 1,000 briefings <= 30 s,
at 10,000 <= 5 min, and 10x the briefings <= 11x the time; search first result <= 300 ms and
<= 2 MB downloaded at 10,000.

"""


def update_results(r: dict, path: Path = RESULTS) -> None:
    old = path.read_text("utf-8") if path.exists() else ""
    rows: dict[int, str] = {}
    sections: dict[int, str] = {}
    for line in old.splitlines():
        n = _main_table_n(line)
        if n is not None:
            rows[n] = line
    for m in re.finditer(r"<!-- N=(\d+) -->\n(.*?)<!-- /N=\1 -->\n", old, re.S):
        sections[int(m.group(1))] = m.group(2)
    notes = re.search(r"<!-- notes -->\n.*?<!-- /notes -->\n", old, re.S)
    n = r["n"]
    rows[n] = "| " + " | ".join(c.replace("|", "/") for c in row(r)) + " |"
    sections[n] = details(r)
    out = [HEADER.rstrip(), "", "| " + " | ".join(COLUMNS) + " |",
           "|" + "---|" * len(COLUMNS)]  # fmt: skip
    out += [rows[k] for k in sorted(rows)]
    out.append("")
    out.append(scaling(old, r))
    if notes:  # hand-written text between the table and the details is kept as it is
        out.append(notes.group(0))
    out.append("## Details per N\n")
    for k in sorted(sections):
        out.append(f"<!-- N={k} -->\n{sections[k]}<!-- /N={k} -->\n")
    path.write_text("\n".join(out), encoding="utf-8")


def _main_table_n(line: str) -> int | None:
    """N of a row of the results table; None for any other line (other tables included)."""
    m = re.match(r"\|\s*([\d,]+)\s*\|", line)
    if not m or len(line.strip().strip("|").split("|")) != len(COLUMNS):
        return None
    return int(m.group(1).replace(",", ""))


def _mkdocs_seconds(text: str) -> dict[int, float]:
    found = {}
    for line in text.splitlines():
        n = _main_table_n(line)
        if n is None:
            continue
        cell = line.strip().strip("|").split("|")[COLUMNS.index("briefing build (mkdocs part)")]
        b = re.search(r"\(mkdocs ([\d.]+) s", cell) or re.search(r"\(([\d.]+) s\)", cell)
        if b:
            found[n] = float(b.group(1))
    return found


def scaling(old: str, r: dict) -> str:
    """The '10x the briefings <= 11x the time' check for the MkDocs build, from the rows present."""
    times = _mkdocs_seconds(old)
    if r.get("build"):
        times[r["n"]] = r["build"]["mkdocs"]
    pairs = [(n, n * 10) for n in sorted(times) if n * 10 in times]
    if not pairs:
        return "MkDocs scaling (10x briefings <= 11x time): needs two rows ten times apart.\n"
    parts = []
    for a, b in pairs:
        ratio = times[b] / times[a] if times[a] else float("inf")
        parts.append(f"{a:,} -> {b:,}: x{ratio:.1f} {'✅' if ratio <= 11 else '❌'}")
    return "MkDocs scaling (10x briefings <= 11x time): " + "; ".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of seeds (100, 1000, 10000)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each generate figure R times, keep the fastest"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary project folder")
    parser.add_argument("--no-build", action="store_true", help="skip the MkDocs build and search")
    parser.add_argument("--no-browser", action="store_true", help="skip the search in Chromium")
    parser.add_argument("--stages", action="store_true", help="also time generate's stages")
    parser.add_argument(
        "--profile", metavar="DIR", help="also cProfile generate, extraction and build into DIR"
    )
    parser.add_argument(
        "--no-results", action="store_true", help="print only; leave RESULTS.md alone"
    )
    parser.add_argument(
        "--corpus", type=Path, default=None, help="articles to vary (default ../shared/corpus/dev)"
    )
    parser.add_argument("--tmp", default=None, help="parent folder for the temporary project")
    parser.add_argument(
        "--note", action="append", default=[], help="a line for this N's details (repeatable)"
    )
    parser.add_argument("--stages-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages_of:
        print(json.dumps(stages_in_process(args.stages_of)))
        return 0
    r = bench(args)
    if not args.no_results:
        update_results(r)
        print(f"updated {RESULTS.relative_to(ROOT)}")
    failed = r["gen"]["cold_code"] or (r.get("build") or {}).get("code")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
