"""A build killed at any point (SIGKILL): the next run completes with the same output as a build
never interrupted, and no hand-written or hand-edited file is lost. Two builds at once: the
second waits for the first (a lock)."""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import make_project

pytestmark = pytest.mark.slow

CITIES = ["Vienna", "Geneva", "Oslo", "Nairobi", "Lima", "Hanoi", "Doha", "Riga"]
PEOPLE = ["Maria Lopez", "John Okafor", "Ana Silva", "Peter Novak", "Lena Berg", "Omar Haddad"]


def article(i: int) -> str:
    city, person = CITIES[i % len(CITIES)], PEOPLE[i % len(PEOPLE)]
    return (
        f"---\ntitle: Talks number {i} open in {city}\ndate: 2024-0{1 + i % 9}-1{i % 10}\n---\n"
        f"Delegates met in {city} on Monday, the foreign ministry said.\n"
        f"{person}, the chief negotiator, told reporters that progress was slow.\n"
        f"Reuters reported that a second round could follow in {CITIES[(i + 3) % len(CITIES)]}.\n"
    )


def run(root: Path, wait: bool = True) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "-q", "--root", str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    if wait:
        proc.wait(timeout=300)
    return proc


def searchable(site: Path) -> str:
    """What the search box can find: every bundle's page fragments but the superseded ones.
    (How pages are spread over bundles depends on the build's history, not only on the seeds.)"""
    import gzip

    manifest = json.loads((site / "pagefind" / "bundles.json").read_text())
    dead = set(manifest["superseded"])
    pages = sorted(  # a page's fragment may be in two bundles: the search box shows it once
        {
            gzip.decompress(f.read_bytes())
            for name in manifest["bundles"]
            for f in (site / "pagefind" / name / "fragment").glob("*.pf_fragment")
            if f.name.removesuffix(".pf_fragment") not in dead
        }
    )
    return hashlib.sha256(b"\0".join(pages)).hexdigest()


def tree(root: Path) -> dict[str, str]:
    out = {"search": searchable(root / "site")}
    for folder in ("briefings", "site"):
        for p in sorted((root / folder).rglob("*")):
            if not p.is_file() or p.name == "sitemap.xml.gz":  # gzip header carries a timestamp
                continue
            if "pagefind" in p.parts:  # compared as what search finds, above
                continue
            data = p.read_bytes()
            if p.name == ".briefing-manifest.json":  # file times differ from run to run
                manifest = json.loads(data)
                manifest.pop("stat", None)
                data = json.dumps(manifest, sort_keys=True).encode()
            out[str(p.relative_to(root))] = hashlib.sha256(data).hexdigest()
    return out


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> Path:
    """A project built once, then edited by hand and given new and changed seeds."""
    root = tmp_path_factory.mktemp("kill") / "base"
    make_project(root, {f"talks-{i:02d}.md": article(i) for i in range(40)})
    assert run(root).returncode == 0
    docs = root / "briefings"
    edited = docs / "reports" / "talks-05.md"
    edited.write_text(edited.read_text() + "\nEDITOR: confirmed with the ministry.\n")
    (docs / "notes.md").write_text("# Desk notes\n\nHand-written.\n")
    (root / "seeds" / "talks-07.md").write_text(article(7) + "Officials said a deal was near.\n")
    (root / "seeds" / "talks-99.md").write_text(article(99))
    (root / "seeds" / "talks-11.md").unlink()
    return root


def test_killed_build_then_rerun_equals_uninterrupted(prepared, tmp_path):
    reference = tmp_path / "reference"
    shutil.copytree(prepared, reference, symlinks=True)
    start = time.monotonic()
    assert run(reference).returncode == 0
    duration = time.monotonic() - start
    expected = tree(reference)
    assert "EDITOR: confirmed" in (reference / "briefings/reports/talks-05.md").read_text()

    killed_at = []
    for n, fraction in enumerate((0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95)):
        work = tmp_path / f"run{n}"
        shutil.copytree(prepared, work, symlinks=True)
        proc = run(work, wait=False)
        time.sleep(duration * fraction)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed_at.append(fraction)
        proc.wait(timeout=60)
        final = run(work)
        assert final.returncode == 0, final.stderr.read().decode()
        assert tree(work) == expected, f"killed at {fraction:.0%} of a build"
        assert (work / "briefings" / "notes.md").read_text().startswith("# Desk notes")
        assert "EDITOR: confirmed" in (work / "briefings/reports/talks-05.md").read_text()
        assert not list((work / "briefings").rglob(".*.tmp"))
    assert len(killed_at) >= 6, "most runs were really interrupted"


def test_second_build_waits_for_the_first(prepared, tmp_path):
    work = tmp_path / "twice"
    shutil.copytree(prepared, work, symlinks=True)
    cmd = [sys.executable, "-m", "generator", "build", "--root", str(work)]
    first = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(0.3)
    second = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert first.wait(timeout=300) == 0
    assert second.wait(timeout=300) == 0
    messages = first.stderr.read() + second.stderr.read()
    assert messages.count(b"waiting") == 1  # whichever came second waited for the lock
    assert (work / "site" / "index.html").is_file()
