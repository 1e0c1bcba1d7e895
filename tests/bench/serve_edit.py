"""How long an editor waits under `serve`: save one document, see the change in the served page.

`python -m generator serve` is started on a free port and left to finish its first build (the
document's page answers). Then the document's title in its front matter gets a marker and the
clock starts; the served page is fetched every 50 ms until it shows the marker. The time is
what an editor sees, watcher latency and rebuild included (the browser's own reload is not:
it follows at once through the live-reload socket).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.tools.signals import sigint_default

MARKER = "（基准修订）"


@dataclass(frozen=True)
class EditFigures:
    first_build_s: float  # serve start → the page answers
    edit_visible_s: float  # file saved → the served page shows the edit
    second_edit_visible_s: float  # the same again (a warm process: what an editor sees all day)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, needle: str | None, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _fetch(url)
        if body is not None and (needle is None or needle in body):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{timeout:.0f} 秒内 {url} 没有{'出现修改' if needle else '响应'}")


def _edit(path: Path, n: int) -> None:
    """Append the marker (numbered, so each edit is new) to the `title:` line of the front matter."""
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(i for i, line in enumerate(lines) if line.startswith("title: "))
    lines[i] = lines[i].split(MARKER)[0] + f"{MARKER}{n}"
    path.write_text("\n".join(lines), encoding="utf-8")


def measure(project: Path, today: str, timeout: float = 900.0) -> EditFigures:
    """Start serve on `project`, edit one document twice, stop serve; return the waits."""
    docs = sorted((project / "catalog" / "documents").rglob("*.md"))
    doc = docs[len(docs) // 2]
    doc_id = doc.stem
    port = _free_port()
    url = f"http://127.0.0.1:{port}/documents/{doc_id}/"
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--project", str(project), "--port", str(port),
         "--today", today],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, start_new_session=True,
        preexec_fn=sigint_default,
    )
    try:
        first = _wait_for(url, None, timeout)
        time.sleep(1.0)  # let the watcher settle after the first build
        waits = []
        for n in (1, 2):
            _edit(doc, n)
            waits.append(_wait_for(url, f"{MARKER}{n}", timeout))
            time.sleep(1.0)
        return EditFigures(first, waits[0], waits[1])
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # our own serve process group only
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
