"""Live preview: generate, run `mkdocs serve` on 127.0.0.1, regenerate when a seed changes.

MkDocs watches briefings/ and reloads the open page; this process watches seeds/ (watchdog)
and regenerates, so a saved seed reaches the browser in a second or two.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.options import Options
from generator.pipeline import generate, mkdocs_env
from generator.report import Reporter

DEBOUNCE_S = 0.3


class _SeedWatcher(FileSystemEventHandler):
    def __init__(self) -> None:
        self.changed = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        name = Path(str(event.src_path)).name
        if not name.startswith(".") and not name.endswith(("~", ".swp", ".tmp")):
            self.changed.set()


def serve(options: Options, reporter: Reporter, port: int = 8000) -> int:
    first = generate(options, reporter)
    if not first.done:
        return 1
    seeds = options.path(options.seeds)
    seeds.mkdir(parents=True, exist_ok=True)
    watcher = _SeedWatcher()
    observer = Observer()
    observer.schedule(watcher, str(seeds), recursive=True)
    observer.start()
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "-f",
        str(options.path(options.config)),
        "-a",
        f"127.0.0.1:{port}",
    ]
    if options.verbose < 0:
        cmd.append("--quiet")
    env = mkdocs_env(site_url=f"http://127.0.0.1:{port}/")
    server = subprocess.Popen(cmd, env=env, cwd=options.root)
    reporter.info(f"serving on http://127.0.0.1:{port}/ ; watching {seeds} (Ctrl-C stops)")
    try:
        while server.poll() is None:
            if watcher.changed.wait(timeout=0.5):
                time.sleep(DEBOUNCE_S)
                watcher.changed.clear()
                reporter.info("seed changed: regenerating")
                generate(options, reporter)
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        observer.join(timeout=5)
    return 0 if server.returncode in (0, -15, None) else 1
