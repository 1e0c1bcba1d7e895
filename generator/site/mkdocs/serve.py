"""`serve`: MkDocs' live-reload server on the built site, with a hook that reloads the browsers after
a rebuild that finishes outside it. Uses private attributes of `mkdocs.livereload.LiveReloadServer`
(`_serve_request`, `_epoch_cond`, `_visible_epoch`, `_wanted_epoch`) as of mkdocs 1.6.1, the
version pinned in pyproject.toml.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer


class _Server(LiveReloadServer):
    """MkDocs' live-reload server, answering 404 to a path no file can have (a NUL byte: `open()`
    would raise and the server print a traceback for a request anyone can send)."""

    def _serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
        if "\x00" in environ.get("PATH_INFO", ""):
            return None
        return super()._serve_request(environ, start_response)


def serve(builder: Callable[[], None], root: Path, watch: Sequence[Path], host: str, port: int,
          reloads: Callable[[Callable[[], None]], None] | None = None) -> None:
    """Serve `root` with live reload; `builder` rebuilds it whenever a watched path changes.

    `reloads`, if given, receives a function that reloads the browsers: for a rebuild that finishes
    outside `builder` (serve's background build after a quick preview).
    """
    server = _Server(builder=builder, host=host, port=port, root=str(root), mount_path="/")
    for path in watch:
        if path.exists():
            server.watch(str(path))
    if reloads is not None:
        def reload() -> None:
            # LiveReloadServer reloads browsers when its own rebuild ends, by advancing an epoch the
            # pages poll (private in mkdocs 1.6.1); it is advanced here only between its rebuilds.
            with server._epoch_cond:
                if server._visible_epoch == server._wanted_epoch:
                    epoch = max(server._visible_epoch + 1, round(time.monotonic() * 1000))
                    server._wanted_epoch = server._visible_epoch = epoch
                    server._epoch_cond.notify_all()

        reloads(reload)
    try:
        server.serve()  # type: ignore[no-untyped-call]  # unannotated in mkdocs 1.6.1
    finally:
        server.shutdown()
