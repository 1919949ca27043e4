"""`briefing serve` benchmark (issue 5): seconds from saving an edited seed to the open page
showing the edit, at N seeds (target: within 3 s at 1,000).

    .venv/bin/python bench/serve_edit.py --n 1000 --edits 3

The corpus is made in a temporary folder by bench/corpus.py. A headless Chromium keeps one
briefing open (the page polls the preview server and reloads itself); each edit appends a sentence
with a new word to that briefing's seed and waits until the open page shows the word.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent / "tests"))

import corpus  # noqa: E402
from browser import browser_page, free_port, stop_process  # noqa: E402
from conftest import make_project  # noqa: E402
from test_serve import wait_http  # noqa: E402

from generator.slugs import slugify  # noqa: E402

RUN = str(time.time_ns() % 10**9)  # an edited project is edited again by the next run


def word(n: int) -> str:
    """A word no seed holds, different for each edit (and each run)."""
    return "Marsax" + "".join(chr(ord("a") + int(d)) for d in f"{n}9{RUN}") + "lokk"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of seeds")
    parser.add_argument("--edits", type=int, default=3, help="edits in a row")
    parser.add_argument(
        "--project", type=Path, default=None, help="an existing project (edited in place)"
    )
    parser.add_argument("--tmp", default=None, help="parent folder for the temporary project")
    parser.add_argument(
        "--port",
        type=int,
        default=None,
        help="port of the preview (default: a free one); the same port as the last run on the "
        "project reuses its preview (the site URL is part of what the preview is built for)",
    )
    parser.add_argument(
        "--startup",
        type=float,
        default=None,
        help="seconds allowed for the first preview build (default: 600, or 0.12 s a seed)",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix=f"briefing-serve-{args.n}-", dir=args.tmp))
    try:
        if args.project:
            project = args.project.resolve()
        else:
            project = make_project(work / "project", with_seed=False).root
            corpus.write_corpus(project / "seeds", args.n, corpus.load_articles(None))
        seed = sorted(p for p in (project / "seeds").iterdir() if p.suffix != ".json")[0]
        port = args.port or free_port()
        cmd = [sys.executable, "-m", "generator", "serve", "-q", "--root", str(project)]
        server = subprocess.Popen(
            [*cmd, "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            start = time.monotonic()
            url = f"http://127.0.0.1:{port}/reports/{slugify(seed.stem, 'briefing')}/"
            wait_http(url, args.startup or max(600.0, 0.12 * args.n))
            print(f"N={args.n}: preview up after {time.monotonic() - start:.1f} s")
            times = []
            with browser_page() as page:
                page.goto(url)
                time.sleep(2)
                for n in range(args.edits):
                    with seed.open("a", encoding="utf-8") as fh:
                        fh.write(f"\n\nFerries to {word(n)} resumed at noon, the operator said.\n")
                    saved = time.monotonic()
                    page.locator("div.original-text", has_text=word(n)).wait_for(timeout=60_000)
                    times.append(time.monotonic() - saved)
                    print(f"  edit shown after {times[-1]:.2f} s")
                    time.sleep(1)
            print(f"edit visible: {', '.join(f'{t:.2f}' for t in times)} s")
            if len(times) > 2:
                mid = statistics.median(times)
                print(f"median {mid:.2f} s; first {times[0]:.2f} s, last {times[-1]:.2f} s")
        finally:
            stop_process(server, timeout=15)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
