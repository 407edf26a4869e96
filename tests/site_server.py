"""Serve a built site on 127.0.0.1 under a sub-path, as GitHub Pages serves a project site.

``python tests/site_server.py site --prefix /negotiate-guide/ --port 8765`` or, from tests,
``with serve(site_dir, prefix) as base_url: ...``. Requests outside the prefix get 404.
Responses carry ``Cache-Control: max-age=600`` like GitHub Pages, so a second visit can be
served from the browser's HTTP cache.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import gzip
import os
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

COMPRESSED = (".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml")
MIME = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".whl": "application/zip",
    ".webmanifest": "application/manifest+json",
}


@functools.lru_cache(maxsize=64)
def _gzipped(path: str, mtime_ns: int, size: int) -> bytes:
    """The file gzipped, once per version: a CDN such as GitHub Pages' keeps the compressed copy
    (compressing the 9.6 MB wasm again for every request took 0.4 s before its first byte)."""
    with open(path, "rb") as source:
        return gzip.compress(source.read(), compresslevel=6, mtime=0)


class PrefixHandler(SimpleHTTPRequestHandler):
    prefix = "/"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME}

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        """Like GitHub Pages: text and WebAssembly are sent gzipped to clients that accept it."""
        path = self.translate_path(self.path.split("?", 1)[0].split("#", 1)[0])
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(COMPRESSED) and os.path.isfile(path)):
            return super().send_head()
        stat = os.stat(path)
        since = self.headers.get("If-Modified-Since")
        if since and email.utils.parsedate_to_datetime(since).timestamp() >= int(stat.st_mtime):
            self.send_response(304)
            self.end_headers()
            return None
        body = _gzipped(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


class QuietServer(ThreadingHTTPServer):
    """A threading server that does not print a traceback when the browser drops a connection
    (it closes kept-alive ones, and pages it leaves, whenever it likes)."""

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 - socketserver's signature
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class RecordingHandler(PrefixHandler):
    """A handler that notes the path of every request it is asked (in ``asked``, a class list)."""

    asked: list[str] = []

    def send_head(self):  # type: ignore[no-untyped-def]
        self.asked.append(self.path)
        return super().send_head()


@contextlib.contextmanager
def serve(
    site: Path, prefix: str = "/negotiate-guide/", port: int = 0, asked: list[str] | None = None
) -> Iterator[str]:
    """Serve ``site`` under ``prefix``; yield the base URL (ending in the prefix). With ``asked``,
    the path of every request the server answers is appended to it."""
    if asked is None:
        handler = type("Handler", (PrefixHandler,), {"prefix": prefix})
    else:
        handler = type("Handler", (RecordingHandler,), {"prefix": prefix, "asked": asked})
    server = QuietServer(("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--prefix", default="/negotiate-guide/")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    with serve(args.site, args.prefix, args.port) as url:
        print(f"Serving {args.site} at {url}", flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
