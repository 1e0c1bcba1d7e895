"""The machine fails, not the data: a full disk, a folder no one may write, a port in use, a NUL in
a URL. Each is said in Chinese, naming the path or port and what to do, with exit 2 and no traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.minimal import TODAY, make_project
from tests.tools.signals import sigint_default

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})


def assert_said(r: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr + r.stdout and "程序的缺陷" not in r.stderr, r.stderr
    for fragment in fragments:
        assert fragment in r.stderr, r.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_names_the_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    r = run("audit", "--project", str(project), "--as-of", TODAY.isoformat(), "--format", "csv", "--out", "/dev/full")
    assert_said(r, "磁盘空间不足", "/dev/full")


def test_an_unwritable_output_folder_names_it_and_the_fix(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    r = run("build", "--project", str(project), "--today", TODAY.isoformat(), "--out", "/sys/gov-site")
    assert_said(r, "/sys/", "--out")


def test_an_output_folder_that_does_not_exist_under_a_file(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    r = run("build", "--project", str(project), "--today", TODAY.isoformat(), "--out", str(tmp_path / "a-file/site"))
    assert r.returncode == 2 and "Traceback" not in r.stderr and "程序的缺陷" not in r.stderr, r.stderr


def test_a_port_in_use_is_said_before_building(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        started = time.monotonic()
        r = run("serve", "--project", str(project), "--today", TODAY.isoformat(), "--port", str(port))
    assert_said(r, f"端口 {port}", "--port")
    assert time.monotonic() - started < 30


def test_a_nul_in_a_preview_url_is_a_404_not_a_traceback(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = ["serve", "--project", str(project), "--today", TODAY.isoformat(), "--port", str(port)]
    proc = subprocess.Popen([sys.executable, "-m", "generator", *args], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True,
                            preexec_fn=sigint_default)
    try:
        codes = []
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
                break
            except OSError:
                time.sleep(0.3)
        for path in ("/%00", "/documents/%00/", "/a%00b.html", "/guide/%00index.html"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)
                codes.append(200)
            except urllib.error.HTTPError as exc:
                codes.append(exc.code)
        assert codes == [404, 404, 404, 404]
    finally:
        os.killpg(proc.pid, 2)
        out, _ = proc.communicate(timeout=60)
    assert "Traceback" not in out, out
