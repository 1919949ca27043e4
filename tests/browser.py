"""Headless Chromium (Debian's package) driven by Playwright; never downloads a browser."""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--disable-quic",
]


def need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run the README's test command")


@contextlib.contextmanager
def static_server(root: Path, prefix: str = "/") -> Iterator[str]:
    """Serve a folder on 127.0.0.1 on a free port, under `prefix` (e.g. "/briefings/").

    Paths outside the prefix, and missing files, answer 404 with the site's 404.html (when it
    has one), as a web server configured for the site would.
    """
    handler = functools.partial(_QuietHandler, directory=str(root), prefix=prefix)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, prefix: str = "/", **kwargs) -> None:
        self.prefix = prefix
        super().__init__(*args, **kwargs)

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path + "/" == self.prefix:
            return self._redirect(self.prefix)
        if not path.startswith(self.prefix):
            return self._not_found()
        self.path = "/" + self.path[len(self.prefix) :]
        local = Path(self.translate_path(self.path))
        if local.is_dir() and (local / "index.html").is_file():
            if not path.endswith("/"):
                return self._redirect(path + "/")
        elif not local.is_file():
            return self._not_found()
        return super().send_head()

    def _redirect(self, location: str):
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return None

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        if not page.is_file():
            self.send_error(404)
            return None
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
NGINX_RECIPE = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"


def stop_process(proc: subprocess.Popen, timeout: float = 10) -> None:
    """Terminate a server process, killing it when it does not stop in time."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def nginx_server(site: Path, workdir: Path, recipe: Path = NGINX_RECIPE) -> Iterator[str]:
    """Debian's nginx serving `site` with the server block of deploy/nginx.conf.

    Only `listen` and `root` of the recipe are replaced (a free port on 127.0.0.1, the built
    site); pid, logs and temp files live in `workdir`. nginx runs in the foreground as one
    process (no master, no workers), so it reads the site as the user running the tests.
    """
    if not Path(NGINX).exists():
        pytest.fail("Debian's nginx is not installed: run the README's test command")
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    server = recipe.read_text(encoding="utf-8")
    server = re.sub(r"^\s*listen \[::\]:80;\n", "", server, flags=re.M)
    server = re.sub(r"^(\s*)listen 80;", rf"\1listen 127.0.0.1:{port};", server, flags=re.M)
    server = re.sub(r"^(\s*)root [^;]+;", rf"\1root {site};", server, flags=re.M)
    (workdir / "site.conf").write_text(server, encoding="utf-8")
    temps = "\n".join(
        f"    {kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (workdir / "nginx.conf").write_text(
        f"""daemon off;
master_process off;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {workdir / "access.log"};
{temps}
    include {workdir / "site.conf"};
}}
""",
        encoding="utf-8",
    )
    cmd = [NGINX, "-p", str(workdir), "-e", str(workdir / "error.log"), "-c", "nginx.conf"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 10
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                log = workdir / "error.log"
                err += log.read_text(errors="replace") if log.exists() else ""
                pytest.fail(f"nginx did not start: {err}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            if time.monotonic() > deadline:
                pytest.fail("nginx did not answer within 10 s")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_process(proc)


@contextlib.contextmanager
def browser_page(width: int = 1280, height: int = 900, **context_options):
    """A fresh page; every request to a host other than 127.0.0.1 is aborted and recorded.

    Also recorded: responses with status >= 400 (`page.failed_responses`), console messages and
    uncaught errors (`page.console_messages`) and `page.csp_violations()` for the current page.
    """
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(
            viewport={"width": width, "height": height}, **context_options
        )
        external: list[str] = []
        failed: list[str] = []
        console: list[str] = []
        # Every CSP violation the page reports (the event fires whatever the console says).
        context.add_init_script(
            """window.__csp_violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp_violations.push(
              e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') +
              ':' + e.lineNumber));"""
        )

        def route(r):
            host = urlparse(r.request.url).hostname
            if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
                r.continue_()
            else:
                external.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
        page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
        page.on(
            "response",
            lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        page.failed_responses = failed  # type: ignore[attr-defined]
        page.console_messages = console  # type: ignore[attr-defined]
        page.external_requests = external  # type: ignore[attr-defined]
        page.dialogs = dialogs  # type: ignore[attr-defined]
        page.csp_violations = lambda: page.evaluate(  # type: ignore[attr-defined]
            "() => window.__csp_violations || []"
        )
        try:
            yield page
        finally:
            context.close()
            browser.close()
