"""`serve`: a live preview that rebuilds when an editor saves a file."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.minimal import TODAY, make_project
from tests.tools.signals import sigint_default

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return str(r.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 90) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        page = fetch(url)
        if page is not None and text in page:
            return True
        time.sleep(0.5)
    return False


def test_serve_rebuilds_after_an_edit(tmp_path: Path) -> None:
    make_project(tmp_path)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--project", str(tmp_path), "--port", str(port),
         "--today", TODAY.isoformat()],
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True, preexec_fn=sigint_default,
    )
    try:
        url = f"http://127.0.0.1:{port}/documents/2025-kjj-gfxwj-001/"
        assert wait_for(url, "某市科技计划项目管理办法"), "the preview never came up"
        doc = tmp_path / "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md"
        doc.write_text(doc.read_text(encoding="utf-8").replace("title: 某市科技计划项目管理办法",
                                                              "title: 某市科技计划项目管理办法（修订）"),
                       encoding="utf-8")
        assert wait_for(url, "某市科技计划项目管理办法（修订）"), "the edit never reached the preview"
        # a broken catalogue is reported, and the preview keeps serving
        doc.write_text(doc.read_text(encoding="utf-8").replace("category: gfxwj", "category: nope"),
                       encoding="utf-8")
        time.sleep(3)
        assert fetch(url) is not None
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    assert "预览地址" in out.decode("utf-8")
    assert "unknown-reference" in out.decode("utf-8")
