"""Issue 14: how full search indexing grows with the site, at 1x, 2x, 3x the pages of a built site.

    .venv/bin/python bench/search_scale.py /tmp/p10k/site --copies 1 3

A synthetic site of N copies of the built site's pages is made in a temporary folder beside it
(hard links under `c0/`, `c1/`, ... so every page has its own URL; each copy's pages get a
distinct word so the copies are not byte-identical), then the search step indexes it from
scratch (`python -m generator.search_bench SITE`, the same bundles a `briefing build` makes) in
its own process; the seconds and the peak PSS of that process tree (Pagefind included, sampled
every 50 ms) are printed. The copies share their vocabulary, so the word index grows less than
with as many different articles: the page lists and fragments, which dominate, grow the same.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import measure  # noqa: E402

MARK = b"</article>"


def synthetic(site: Path, copies: int, into: Path) -> int:
    pages = [p for p in site.rglob("index.html") if "pagefind" not in p.parts]
    for k in range(copies):
        for page in pages:
            target = into / f"c{k}" / page.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            data = page.read_bytes()
            if k and MARK in data:
                data = data.replace(MARK, f"<p>copy{k}marker</p>".encode() + MARK, 1)
            target.write_bytes(data)
    return len(pages) * copies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 3])
    args = ap.parse_args()
    for n in args.copies:
        with tempfile.TemporaryDirectory(prefix="search-scale-", dir=args.site.parent) as tmp:
            root = Path(tmp) / "site"
            pages = synthetic(args.site.resolve(), n, root)
            cmd = [sys.executable, "-c", _INDEX, str(root)]
            run = measure(cmd, Path(tmp))
            size = sum(f.stat().st_size for f in (root / "pagefind").rglob("*") if f.is_file())
            print(
                f"{n} x: {pages:,} pages, {run.seconds:.1f} s, peak tree PSS "
                f"{run.tree_pss / 2**20:,.0f} MiB, index {size / 2**20:,.0f} MiB, exit {run.code}"
            )
            shutil.rmtree(root, ignore_errors=True)


_INDEX = """
import sys
from pathlib import Path
from generator.report import Reporter
from generator.search import _rebuild
site = Path(sys.argv[1])
sys.exit(0 if _rebuild(site, Reporter()) is not None else 1)
"""

if __name__ == "__main__":
    main()
