"""Shared fixtures: a throw-away project folder (mkdocs.yml, overrides, seeds) per test or session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.options import Options
from generator.report import Reporter

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_d7325ed9ddf325b5.txt"
SHARED = REPO.parent / "shared"
CORPUS_DEV = SHARED / "corpus" / "dev"


def make_project(root: Path, seeds: dict[str, str | bytes] | None = None, with_seed: bool = True):
    """A project folder like the repository's, with the given seed files."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "site_overrides", root / "site_overrides")
    if (REPO / "entities.yml").exists():
        shutil.copy(REPO / "entities.yml", root / "entities.yml")
    (root / "seeds").mkdir(exist_ok=True)
    (root / "briefings").mkdir(exist_ok=True)
    if with_seed:
        shutil.copy(SEED, root / "seeds" / SEED.name)
    for name, content in (seeds or {}).items():
        path = root / "seeds" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return Options(root=root)


@pytest.fixture
def project(tmp_path: Path) -> Options:
    return make_project(tmp_path / "project")


@pytest.fixture
def quiet() -> Reporter:
    return Reporter(verbosity=-1)


HOSTILE_MD = """---
title: "<script>window.__pwned_title = 1</script> Hostile <b>title</b>"
date: 2024-03-05
tags: [test, "<img src=x onerror=alert(1)>"]
---
Officials said the <script>window.__pwned_body = 1</script> plan was ready.
An iframe <iframe src="javascript:alert(1)"></iframe> and a [link](javascript:alert(1)).
{: onclick="alert(1)" }
--8<-- "/etc/passwd"
!!! warning "Injected admonition"
{{ 7 * 7 }} and {% raw %}{% include 'x' %}{% endraw %}
"""


def zensical_build(root: Path) -> None:
    """Build root/site with Zensical from the same mkdocs.yml and briefings/ tree."""
    import subprocess
    import sys

    from generator.pipeline import mkdocs_env

    proc = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"],
        cwd=root,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
