"""Search step: Pagefind indexes site/ in bundles, so an edit re-indexes a handful of pages.

Pagefind has no incremental mode and one index of a whole large site takes minutes and gigabytes.
So the pages are split:
- base bundles (`site/pagefind/b0/`, `b1/`, ...): every page, by a stable hash of its URL, about
  0.8 x BUNDLE_PAGES pages each (indexed one after another: memory stays bounded at any size);
- frozen bundles (`site/pagefind/m1/`, `m2/`, ...): the recent bundle as it was when it
  outgrew RECENT_PAGES pages, kept as it is (no page indexed again); beyond MAX_FROZEN of them
  they are indexed again as one (each page as its newest frozen bundle held it);
- a recent bundle (`site/pagefind/recent/`): every page whose HTML differs from what the older
  bundles indexed, and every new page, indexed again on each build (at most RECENT_PAGES pages,
  so an edit costs the same however many came before it);
- `site/pagefind/bundles.json`: the bundles to merge (Pagefind's `mergeIndex`) and the older
  results the newer bundles supersede (their fragment ids: changed and removed pages), which the
  search box drops before showing results.
When the frozen and recent bundles outgrow RECENT_SHARE of the site, the base bundles are rebuilt.

The step's record in the build state says which site build it indexed (the site record's token),
so a run killed between the site step and this one re-indexes in full, never leaves it stale.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.buildstate import BuildState
from generator.project import dies_with_parent
from generator.report import Reporter

BUNDLE_PAGES = 10_000
RECENT_SHARE = 0.05
RECENT_MIN = 400  # the frozen and recent bundles may always hold this many pages
RECENT_PAGES = 100  # beyond this, the recent bundle is frozen as it is
MAX_FROZEN = 2  # beyond this many frozen bundles, they are indexed again as one
FOLDER = "pagefind"
IGNORED = (".headerlink", ".sentence-anchor", ".sentence-ref", ".briefing-pdf")


@dataclass
class Page:
    url: str  # as Pagefind gives it: "/reports/x/"
    path: str  # site-relative: "reports/x/index.html"


def pages_of(site: Path) -> list[str]:
    """Site-relative paths of every page Pagefind indexes (its own folder and 404 aside)."""
    out = []
    for path in site.rglob("index.html"):
        rel = path.relative_to(site).as_posix()
        if not rel.startswith(FOLDER + "/"):
            out.append(rel)
    return sorted(out)


def url_of(rel: str) -> str:
    return "/" + rel[: -len("index.html")]


def bundle_of(rel: str, bundles: int) -> int:
    return int(hashlib.blake2b(rel.encode(), digest_size=4).hexdigest(), 16) % bundles


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pagefind(site: Path, rels: list[str], out: Path, reporter: Reporter) -> dict[str, str] | None:
    """Index the pages `rels` of `site` into the bundle folder `out` (replaced as a whole);
    url -> fragment id of each indexed page, or None when Pagefind failed."""
    with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site.parent) as tmp:
        pages = Path(tmp) / "pages"
        for rel in rels:  # the pages alone, at their paths, so URLs stay the same
            target = pages / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / rel, target)
            except OSError:
                shutil.copyfile(site / rel, target)
        staged = Path(tmp) / "bundle"
        cmd = [sys.executable, "-m", "pagefind", "--site", str(pages)]
        cmd += ["--output-path", str(staged), "--root-selector", "article.md-content__inner"]
        cmd += ["--glob", "**/index.html", "--force-language", "en", "--silent"]
        for selector in IGNORED:
            cmd += ["--exclude-selectors", selector]
        if rels:
            proc = subprocess.run(
                cmd, check=False, capture_output=True, text=True, preexec_fn=dies_with_parent
            )
            if proc.returncode != 0:
                last = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no message"]
                reporter.error(f"search indexing (pagefind) failed: {last[0]}")
                return None
        else:
            staged.mkdir()
        ids = fragment_ids(staged)
        old = out.with_name(out.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if out.exists():
            out.rename(old)
        staged.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    return ids


def fragment_ids(bundle: Path) -> dict[str, str]:
    """url -> the id Pagefind gives the page's search results (its fragment's name)."""
    out = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        data = data[len(b"pagefind_dcd") :] if data.startswith(b"pagefind_dcd") else data
        out[json.loads(data)["url"]] = path.name[: -len(".pf_fragment")]
    return out


def update_search(
    site: Path,
    state: BuildState,
    reporter: Reporter,
    *,
    record: str = "search",
    site_token: str = "",
    since: str = "",
    written: Iterable[str] = (),
    removed: Iterable[str] = (),
) -> int:
    """Bring the search bundles up to date. `since`: the site build the written and removed
    pages are counted from; when the record indexed another one, everything is indexed."""
    previous = state.read(record)
    folder = site / FOLDER
    if previous.get("site") == site_token and (folder / "bundles.json").is_file():
        return 0
    incremental = previous.get("site") == since and since and (folder / "bundles.json").is_file()
    state.forget(record)
    done = _update(site, previous, written, removed, reporter) if incremental else None
    if done is None:
        done = _rebuild(site, reporter)
        if done is None:
            return 1
    done["site"] = site_token
    state.write(record, done)
    return 0


def _rebuild(site: Path, reporter: Reporter) -> dict | None:
    rels = pages_of(site)
    bundles = max(1, math.ceil(len(rels) * 1.25 / BUNDLE_PAGES))  # hashing spreads unevenly
    folder = site / FOLDER
    if folder.exists() and not (folder / "bundles.json").is_file():
        shutil.rmtree(folder)  # an index from before bundles, or a half-written one
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bundles.json").unlink(missing_ok=True)
    base: dict[str, list] = {}
    for n in range(bundles):
        mine = [r for r in rels if bundle_of(r, bundles) == n]
        ids = pagefind(site, mine, folder / f"b{n}", reporter)
        if ids is None:
            return None
        for rel in mine:
            base[rel] = [n, ids.get(url_of(rel), ""), _sha(site / rel)]
    _write_manifest(folder, bundles, [], [])
    reporter.detail(f"search: {len(rels)} pages indexed in {bundles} bundles")
    return {"bundles": bundles, "base": base, "recent": {}}


def _update(
    site: Path, previous: dict, written: Iterable[str], removed: Iterable[str], reporter: Reporter
) -> dict | None:
    if "middle" in previous:
        return None  # a record from before frozen bundles: indexed again as a whole
    base: dict[str, list] = previous.get("base", {})  # rel -> [bundle, id, sha]
    frozen: list[dict] = list(previous.get("frozen", []))  # oldest first
    recent: dict[str, str] = dict(previous.get("recent", {}))  # rel -> sha indexed
    gone = set(previous.get("gone", []))  # removed pages an older bundle still holds
    serial = previous.get("serial", 0)  # the last frozen bundle's number
    for rel in removed:
        recent.pop(rel, None)
        if rel in base or any(rel in f["pages"] for f in frozen):
            gone.add(rel)
    for rel in written:
        path = site / rel
        if not rel.endswith("index.html") or rel.startswith(FOLDER + "/") or not path.is_file():
            continue
        sha = _sha(path)
        gone.discard(rel)
        held = _held(rel, base, frozen)
        if held is not None and held[1] == sha:
            recent.pop(rel, None)  # back to what an older bundle holds
        else:
            recent[rel] = sha
    if len(set(recent) | _pages_of(frozen)) > max(RECENT_MIN, RECENT_SHARE * len(base)):
        return None
    folder = site / FOLDER
    (folder / "bundles.json").unlink(missing_ok=True)
    if len(recent) > RECENT_PAGES:  # frozen as it is indexed now
        serial += 1
        made = _index_frozen(site, f"m{serial}", sorted(recent), reporter)
        if made is None:
            return None
        frozen, recent = [*frozen, made], {}
    if len(frozen) > MAX_FROZEN:
        serial += 1
        made = _index_frozen(site, f"m{serial}", sorted(_pages_of(frozen) - gone), reporter)
        if made is None:
            return None
        frozen, gone = [made], {rel for rel in gone if rel in base}
    ids: dict[str, str] = {}
    if recent:
        found = pagefind(site, sorted(recent), folder / "recent", reporter)
        if found is None:
            return None
        ids = {rel: found.get(url_of(rel), "") for rel in recent}
    dead = _superseded(base, frozen, ids, gone)
    names = [f["name"] for f in frozen] + ["recent"] * bool(recent)
    _write_manifest(folder, previous.get("bundles", 1), names, dead)
    reporter.detail(
        f"search: {len(recent)} pages in the recent bundle, {len(frozen)} frozen bundles, "
        f"{len(dead)} superseded"
    )
    return {
        "bundles": previous.get("bundles", 1),
        "base": base,
        "frozen": frozen,
        "recent": recent,
        "gone": sorted(gone),
        "serial": serial,
    }


def _held(rel: str, base: dict[str, list], frozen: list[dict]) -> list | None:
    """[id, sha] of the page as the newest older bundle holding it indexed it."""
    for f in reversed(frozen):
        if rel in f["pages"]:
            return f["pages"][rel]
    return base[rel][1:] if rel in base else None


def _pages_of(frozen: list[dict]) -> set[str]:
    return set().union(*(f["pages"] for f in frozen))


def _index_frozen(site: Path, name: str, rels: list[str], reporter: Reporter) -> dict | None:
    """A frozen bundle of `rels` as they are now (None when Pagefind failed)."""
    ids = pagefind(site, rels, site / FOLDER / name, reporter)
    if ids is None:
        return None
    return {"name": name, "pages": {r: [ids.get(url_of(r), ""), _sha(site / r)] for r in rels}}


def _superseded(
    base: dict[str, list], frozen: list[dict], recent: dict[str, str], gone: set[str]
) -> list[str]:
    """Ids of older results the search box drops: a page's version in an older bundle once a
    newer bundle holds it or it is gone, unless that id is also what a page shows now (a page
    back to an older text has that text's id). `recent`: rel -> id in the recent bundle."""
    holders = [{rel: e[1] for rel, e in base.items()}]
    holders += [{rel: e[0] for rel, e in f["pages"].items()} for f in frozen]
    holders.append(recent)
    shown: set[str] = set()
    old: set[str] = set()
    seen: set[str] = set(gone)  # pages a newer bundle holds (or gone): older ids are dead
    for held in reversed(holders):  # newest first
        for rel, page_id in held.items():
            (old if rel in seen else shown).add(page_id)
            seen.add(rel)
    return sorted(i for i in old - shown if i)


def _write_manifest(folder: Path, bundles: int, newer: list[str], dead: list[str]) -> None:
    """List the base bundles and `newer` ones in bundles.json; remove any other bundle folder."""
    from generator.write import atomic_write

    names = [f"b{n}" for n in range(bundles)] + newer
    for stale in folder.iterdir():
        if stale.is_dir() and stale.name not in names:
            shutil.rmtree(stale)
    manifest = {"bundles": names, "superseded": dead}
    atomic_write(folder / "bundles.json", json.dumps(manifest).encode("utf-8"))
