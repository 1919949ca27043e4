"""Issue 14 benchmark: `briefing build` in proportion to what changed, on an existing project.

    .venv/bin/python bench/run.py --n 1000 --no-build --no-browser --keep --no-results --tmp /tmp
    .venv/bin/python bench/incremental.py /tmp/briefing-bench-1000-XXXX/project --verify

Runs, each as its own `briefing build` process: a cold build (only with --cold, or when site/ is
missing), nothing changed, one seed edited, one seed added, one seed deleted, one seed renamed
(each --repeat times; the median is reported), and prints the seconds and the peak memory of the
whole process tree (PSS, sampled every 50 ms) of each. With --verify, the project is then built
again from scratch in a copy and every HTML page, the sitemap and the search bundles' page lists
are compared with the incrementally built site/.
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import Run, measure  # noqa: E402


def build(project: Path, *flags: str) -> Run:
    cmd = [sys.executable, "-m", "generator", "build", "-q", "--root", str(project), *flags]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return measure(cmd, project, env=env, tag="build")


def seeds_of(project: Path) -> list[Path]:
    return sorted(p for p in (project / "seeds").iterdir() if p.suffix in (".txt", ".md", ".html"))


def sidecar(seed: Path) -> Path:
    return seed.with_suffix(".json")


def edit(project: Path, n: int) -> None:
    seed = seeds_of(project)[n * 7 % len(seeds_of(project))]
    with seed.open("a", encoding="utf-8") as fh:
        fh.write(f"\n\nFerries to Qalvenport{n} resumed at noon, the operator said.\n")


def add(project: Path, n: int) -> None:
    source = seeds_of(project)[n * 11 % len(seeds_of(project))]
    target = source.with_name(f"zz-added-{n}{source.suffix}")
    target.write_text(source.read_text("utf-8") + f"\nAdded copy {n}.\n", encoding="utf-8")
    if sidecar(source).exists():
        meta = json.loads(sidecar(source).read_text("utf-8"))
        if isinstance(meta, dict) and meta.get("title"):
            meta["title"] = f"{meta['title']} (added {n})"
        sidecar(target).write_text(json.dumps(meta), encoding="utf-8")


def delete(project: Path, n: int) -> None:
    seed = seeds_of(project)[n * 13 % len(seeds_of(project))]
    sidecar(seed).unlink(missing_ok=True)
    seed.unlink()


def rename(project: Path, n: int) -> None:
    seed = seeds_of(project)[n * 17 % len(seeds_of(project))]
    target = seed.with_name(f"renamed-{n}-{seed.name}")
    if sidecar(seed).exists():
        sidecar(seed).rename(sidecar(target))
    seed.rename(target)


def nothing(project: Path, n: int) -> None:
    pass


CHANGES = {
    "nothing changed": nothing,
    "one seed edited": edit,
    "one seed added": add,
    "one seed deleted": delete,
    "one seed renamed": rename,
}


def html_differences(a: Path, b: Path) -> list[str]:
    """Pages (HTML, sitemap) that differ or exist on one side only; search bundles left out."""

    def pages(root: Path) -> set[str]:
        out = set()
        for path in root.rglob("*"):
            rel = path.relative_to(root).as_posix()
            wanted = path.suffix in (".html", ".xml") or rel == "sitemap.xml.gz"
            if wanted and path.is_file() and not rel.startswith(("pagefind", "pdf/")):
                out.add(rel)
        return out

    left, right = pages(a), pages(b)
    diff = sorted(left ^ right)
    for rel in sorted(left & right):
        if rel.endswith(".gz"):
            if gzip.decompress((a / rel).read_bytes()) != gzip.decompress((b / rel).read_bytes()):
                diff.append(rel)
        elif not filecmp.cmp(a / rel, b / rel, shallow=False):
            diff.append(rel)
    return diff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a project folder with seeds/ and mkdocs.yml")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each change (median)")
    parser.add_argument("--cold", action="store_true", help="start with a cold site build")
    parser.add_argument("--verify", action="store_true", help="compare with a clean build")
    parser.add_argument("--extractor", default="model", choices=("model", "rules"))
    args = parser.parse_args()
    project = args.project.resolve()
    flags = ("--extractor", args.extractor)
    rows = []
    if args.cold or not (project / "site").is_dir():
        shutil.rmtree(project / "site", ignore_errors=True)
        run = build(project, *flags)
        rows.append(("cold site build", [run]))
    build(project, *flags)  # settle: what the last command left undone
    for label, change in CHANGES.items():
        runs = []
        for n in range(args.repeat):
            change(project, n)
            runs.append(build(project, *flags))
        rows.append((label, runs))
    load = os.getloadavg()
    print(f"{len(seeds_of(project))} seeds, load {load[0]:.2f}")
    print("| change | median s (all) | peak tree PSS | exit codes |")
    print("|---|---|---|---|")
    for label, runs in rows:
        times = [r.seconds for r in runs]
        all_times = ", ".join(f"{t:.2f}" for t in times)
        pss = max(r.tree_pss for r in runs) / 2**20
        codes = ",".join(str(r.code) for r in runs)
        median = statistics.median(times)
        print(f"| {label} | {median:.2f} ({all_times}) | {pss:.0f} MiB | {codes} |")
    if args.verify:
        with tempfile.TemporaryDirectory(dir=project.parent) as tmp:
            clean = Path(tmp) / "project"
            shutil.copytree(project, clean, ignore=shutil.ignore_patterns("site", "briefings"))
            shutil.rmtree(clean / ".cache" / "briefing", ignore_errors=True)
            cache = project / ".cache" / "briefing" / "extractions.sqlite"
            if cache.exists():  # the extractions are the same; the build state starts empty
                (clean / ".cache" / "briefing").mkdir(parents=True, exist_ok=True)
                shutil.copy(cache, clean / ".cache" / "briefing" / cache.name)
            run = build(clean, *flags)
            print(f"clean build for comparison: {run.seconds:.1f} s, exit {run.code}")
            diff = html_differences(project / "site", clean / "site")
            print(f"pages differing from a clean build: {len(diff)}")
            for rel in diff[:20]:
                print(f"  {rel}")
            return 1 if diff else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
