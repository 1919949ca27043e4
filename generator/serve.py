"""Live preview: a local server on 127.0.0.1 that rebuilds only what a change touched.

A saved seed is regenerated in this process (extraction caches stay warm), the site step
(generator/sitebuild.py) rebuilds just the pages whose Markdown changed, the open page reloads
itself, and the changed pages' search bundle is re-indexed. Changes to mkdocs.yml or the template
overrides rebuild everything (the site step notices them itself).
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.options import Options
from generator.pipeline import build_site, few_collections, generate_unlocked, start_site_step
from generator.project import build_lock
from generator.report import Reporter
from generator.resident import Resident

if TYPE_CHECKING:
    from generator.sitebuild import SiteProcess

DEBOUNCE_S = 0.1  # a save is often a burst of events: wait this long for the rest
POLL_MS = 100  # the open page asks this often whether to reload (a local request)
RELOAD_JS = f"""(function () {{
  var seen = null;
  function poll() {{
    fetch("/__briefing/version", {{cache: "no-store"}}).then(function (r) {{ return r.json(); }})
      .then(function (v) {{
        if (seen === null) seen = v.version;
        else if (v.version !== seen) {{ window.location.reload(); return; }}
        setTimeout(poll, {POLL_MS});
      }}, function () {{ setTimeout(poll, {POLL_MS * 3}); }});
  }}
  poll();
}})();
"""
_TAG = b'<script src="/__briefing/reload.js" defer></script>'


class _Changes(FileSystemEventHandler):
    """Collects what changed: seeds (regenerate), or the site's setup (full rebuild)."""

    def __init__(self, setup: list[Path], docs: Path) -> None:
        self.setup = [p.resolve() for p in setup]
        self.docs = docs.resolve()
        self.event = threading.Event()
        self.full = False
        self.lock = threading.Lock()
        self.quiet_until = 0.0  # our own writes into the docs folder are not edits

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        path = Path(str(event.src_path))
        if path.name.startswith(".") or path.name.endswith(("~", ".swp", ".tmp")):
            return
        if path.resolve().is_relative_to(self.docs) and time.monotonic() < self.quiet_until:
            return
        with self.lock:
            if any(path.resolve().is_relative_to(p) for p in self.setup):
                self.full = True
            self.event.set()

    def take(self) -> bool:
        with self.lock:
            full, self.full = self.full, False
            self.event.clear()
            return full


class PreviewServer:
    def __init__(self, root: Path, port: int) -> None:
        self.version = 0
        handler = partial(_Handler, directory=str(root), preview=self)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, preview: PreviewServer, **kwargs) -> None:  # type: ignore[no-untyped-def]
        self.preview = preview
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
        pass

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path == "/__briefing/version":
            return self._send(
                json.dumps({"version": self.preview.version}).encode(), "application/json"
            )
        if path == "/__briefing/reload.js":
            return self._send(RELOAD_JS.encode(), "text/javascript")
        file = Path(self.translate_path(path))
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.end_headers()
                return None
            file = file / "index.html"
        if file.suffix == ".html" or not file.exists():
            status = 200
            if not file.is_file():
                file, status = Path(self.directory) / "404.html", 404
            try:
                html = file.read_bytes()
            except OSError:
                return self._send(b"not found", "text/plain", 404)
            html = html.replace(b"</body>", _TAG + b"</body>", 1)
            return self._send(html, "text/html; charset=utf-8", status)
        return super().do_GET()


class _Preview:
    """What stays warm between edits: the site model of the last run (documents, extractions,
    assembled pages, render records: generator/resident.py), and the site step's next process,
    started and set up (MkDocs imported, configured, its templates compiled) while the editor
    types."""

    def __init__(self, options: Options, out: Path, port: int) -> None:
        self.options, self.out = options, out
        self.url = f"http://127.0.0.1:{port}/"
        self.resident = Resident()
        self.site_step: SiteProcess | None = self._start()

    def _start(self) -> SiteProcess:
        step = start_site_step(self.options, self.url, out=self.out, record="preview")
        step.warm()
        return step

    def rebuild(self, full: bool, reporter: Reporter, shown: Callable[[], None]) -> bool:
        """Regenerate and rebuild; `shown` is called as soon as the pages are in place (the
        search bundles follow)."""
        step, self.site_step = self.site_step, None
        if full:  # the site's setup changed: the model is made again from the seeds
            self.resident = Resident()
        try:
            with build_lock(self.options, reporter):
                try:
                    with few_collections():
                        result = generate_unlocked(self.options, reporter, resident=self.resident)
                except BaseException:
                    self.resident = Resident()  # it may hold half of a run: not to be trusted
                    raise
                if not result.done:
                    return False

                def pages_in_place() -> None:
                    shown()
                    result.finish()  # the records that could wait

                code = build_site(
                    self.options,
                    reporter,
                    self.url,
                    out=self.out,
                    record="preview",
                    full=full,
                    process=step,
                    on_pages=pages_in_place,
                )
                result.finish()
        finally:
            if step is not None:
                step.cancel()
            self.site_step = self._start()
        if code:
            reporter.error("the preview keeps the last good pages")
        return code == 0

    def close(self) -> None:
        if self.site_step is not None:
            self.site_step.cancel()


def _warm_up(options: Options) -> None:
    """Load the extractor's gazetteers now, so the first edited seed does not wait for them."""
    from generator.extract import extract
    from generator.model import Document

    extract(Document("warm-up", "warm-up", "txt", "Officials in Paris said so."), options)


def serve(options: Options, reporter: Reporter, port: int = 8000) -> int:
    out = options.path(options.cache) / "preview"
    start = time.monotonic()
    preview = _Preview(options, out, port)
    try:
        return _serve(options, reporter, port, preview, start)
    finally:
        preview.close()


def _serve(options: Options, reporter: Reporter, port: int, preview: _Preview, start: float) -> int:
    if not preview.rebuild(full=False, reporter=reporter, shown=lambda: None):
        return 1
    threading.Thread(target=_warm_up, args=(options,), daemon=True).start()
    try:
        server = PreviewServer(preview.out, port)
    except OSError as exc:
        reporter.error(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}")
        return 1
    server.start()
    seeds = options.path(options.seeds)
    seeds.mkdir(parents=True, exist_ok=True)
    setup = [options.path(options.config), options.root / "site_overrides"]
    if options.registry:
        setup.append(options.path(options.registry))
    docs = options.path(options.docs)
    changes = _Changes(setup, docs)
    observer = Observer()
    observer.schedule(changes, str(seeds), recursive=True)
    if docs.is_dir():
        observer.schedule(changes, str(docs), recursive=True)
    observer.schedule(changes, str(options.root), recursive=False)
    if (options.root / "site_overrides").is_dir():
        observer.schedule(changes, str(options.root / "site_overrides"), recursive=True)
    observer.start()
    reporter.info(
        f"serving http://127.0.0.1:{port}/ (ready in {time.monotonic() - start:.1f} s); "
        f"watching {seeds}; Ctrl-C stops"
    )

    def shown() -> None:  # the open page reloads now, while the search bundles are updated
        server.version += 1

    try:
        while True:
            if not changes.event.wait(timeout=1.0):
                continue
            time.sleep(DEBOUNCE_S)
            full = changes.take()
            began = time.monotonic()
            changes.quiet_until = float("inf")
            ok = preview.rebuild(full, reporter, shown)
            changes.quiet_until = time.monotonic() + 1.0
            if ok:
                reporter.info(f"rebuilt in {time.monotonic() - began:.1f} s; reloading the page")
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
        server.stop()
        observer.join(timeout=5)
    return 0
