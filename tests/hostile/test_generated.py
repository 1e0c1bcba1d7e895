"""Hostile input too big, too deep or too strange to commit: generated here, checked in a child process.

Each case runs `python -m generator check` in a subprocess, so a segfault (libyaml's C stack), a
hang (a FIFO) or a runaway allocation shows up as what it is instead of taking pytest down. The
child reports its peak memory; every case must end with exit 1, a problem with a position, no
traceback, within a time and memory bound far above what it takes (the machine is shared).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.project import PEAK_CHILD, position_outside, problem_of
from tests.minimal import LEGAL_BASES, TODAY, make_project

REPO = Path(__file__).resolve().parents[2]
LAWS = "catalog/legal_bases.yml"
MEMORY_LIMIT_MB = 800  # the biggest case needs about 100 MB; libyaml alone would need GBs for a bomb


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float
    max_rss_mb: float
    problems: list  # list[Problem]


def run_check(root: Path, timeout: float = 90, env: dict[str, str] | None = None) -> Run:
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", PEAK_CHILD, "check", "--format", "json", "--project", str(root),
         "--today", TODAY.isoformat()],
        cwd=REPO, capture_output=True, timeout=timeout, env={**os.environ, **(env or {})},
    )
    seconds = time.monotonic() - start
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    rss = [line for line in err.splitlines() if line.startswith("MAXRSS_KB=")]
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode} (segfault?)\n{err[-2000:]}"
    assert rss, err[-2000:]
    problems = [problem_of(d) for d in json.loads(out)] if out.strip() else []
    return Run(proc.returncode, out, err, seconds, int(rss[0].split("=")[1]) / 1024, problems)


def assert_reported(run: Run, root: Path, code: str, path: str, says: str) -> None:
    assert "Traceback" not in run.err and "内部错误" not in run.err, run.err[-2000:]
    assert run.code == 1, run.err[-2000:]
    hits = [p for p in run.problems if (p.code, p.path) == (code, path)]
    assert hits, [p.as_text() for p in run.problems]
    assert any(says in p.message for p in hits), [p.message for p in hits]
    assert [why for p in run.problems if (why := position_outside(root, p))] == []
    assert run.max_rss_mb < MEMORY_LIMIT_MB, f"peak memory {run.max_rss_mb:.0f} MB"


def test_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    line = b"- id: zlf\n  title: \xe4\xb8\xad\xe5\x8d\x8e\xe4\xba\xba\xe6\xb0\x91\xe5\x85\xb1\xe5\x92\x8c\xe5\x9b\xbd\n"
    with open(root / LAWS, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    run = run_check(root)
    assert_reported(run, root, "yaml-syntax", LAWS, "过大")
    assert run.max_rss_mb < 200


def test_line_of_4_mb_under_the_limit_is_read_in_bounded_time(tmp_path: Path) -> None:
    root = make_project(tmp_path, {LAWS: LEGAL_BASES + "- id: big\n  title: " + "法" * (4 * 1024 * 1024 // 3) + "\n"})
    run = run_check(root)
    assert_reported(run, root, "missing-field", LAWS, "level")
    assert run.seconds < 60


@pytest.mark.parametrize("text", [
    "[" * 100_000,                     # flow sequences: libyaml's composer segfaulted past ~25,000
    "{" * 1_000_000,                   # flow mappings
    "- " * 2_000_000 + "x",            # block sequences on one line
    "a: [" + "[" * 5_000 + "x" + "]" * 5_000 + "]",   # balanced, deep
    "".join(" " * i + "- a:\n" for i in range(0, 3000, 2)),  # block nesting by indentation
], ids=["flow-100k", "braces-1m", "dashes-2m", "balanced-5k", "indent-1500"])
def test_deep_nesting_is_refused_not_a_crash(tmp_path: Path, text: str) -> None:
    root = make_project(tmp_path, {LAWS: text})
    run = run_check(root)
    assert_reported(run, root, "yaml-syntax", LAWS, "嵌套")
    assert run.seconds < 60


def test_alias_bomb_of_5_mb_is_bounded(tmp_path: Path) -> None:
    text = "- &a {id: lol, title: 哈}\n" + "- *a\n" * 1_000_000
    root = make_project(tmp_path, {LAWS: text[: 5 * 1024 * 1024 - 100]})
    run = run_check(root)
    assert_reported(run, root, "yaml-syntax", LAWS, "别名")
    assert run.seconds < 60


def test_billion_laughs_30_levels_deep(tmp_path: Path) -> None:
    # 10**30 strings if expanded; refused at the first alias instead.
    text = "- id: lol\n  l0: &l0 [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n" + "".join(
        f"  l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]\n" for i in range(1, 31))
    root = make_project(tmp_path, {LAWS: text})
    run = run_check(root)
    assert_reported(run, root, "yaml-syntax", LAWS, "别名")
    assert run.seconds < 30


def test_random_bytes_are_reported_not_decoded(tmp_path: Path) -> None:
    import random

    rng = random.Random(20261126)
    data = bytes(rng.choice(range(1, 256)) for _ in range(200_000))  # no NUL: not caught as binary
    root = make_project(tmp_path)
    (root / "catalog/documents/noise.md").write_bytes(data)
    run = run_check(root)
    assert_reported(run, root, "yaml-syntax", "catalog/documents/noise.md", "UTF-8")


SECRET = "SECRET-7f3a9c-不应出现"


def _outside_secret(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yml").write_text(f"- id: leak\n  title: {SECRET}\n", encoding="utf-8")
    (outside / "secret.md").write_text(f"---\nid: leak\ntitle: {SECRET}\n---\n{SECRET}\n", encoding="utf-8")
    return outside


def test_symlinked_files_out_of_the_project_are_refused_and_never_read(tmp_path: Path) -> None:
    outside = _outside_secret(tmp_path)
    root = make_project(tmp_path / "p")
    (root / "catalog/documents/leak.md").symlink_to(outside / "secret.md")
    (root / "catalog/powers/leak.yml").symlink_to(outside / "secret.yml")
    (root / "content/leak.md").parent.mkdir(exist_ok=True)
    (root / "content/leak.md").symlink_to(outside / "secret.md")
    (root / "catalog/documents/etc").symlink_to(outside, target_is_directory=True)
    run = run_check(root)
    for path in ("catalog/documents/leak.md", "catalog/powers/leak.yml", "content/leak.md"):
        assert_reported(run, root, "yaml-syntax", path, "符号链接")
    assert_reported(run, root, "yaml-syntax", "catalog/documents/etc", "符号链接")
    assert SECRET not in run.out and SECRET not in run.err


def test_symlinked_catalogue_folder_and_config_are_refused(tmp_path: Path) -> None:
    outside = _outside_secret(tmp_path)
    root = make_project(tmp_path / "p")
    (root / "site_config.yml").unlink()
    (root / "site_config.yml").symlink_to(outside / "secret.yml")
    for f in (root / "catalog/powers").iterdir():
        f.unlink()
    (root / "catalog/powers").rmdir()
    (root / "catalog/powers").symlink_to(outside, target_is_directory=True)
    run = run_check(root)
    assert_reported(run, root, "yaml-syntax", "site_config.yml", "符号链接")
    assert_reported(run, root, "yaml-syntax", "catalog/powers", "符号链接")
    assert SECRET not in run.out


def test_symlinked_attachment_is_not_an_attachment(tmp_path: Path) -> None:
    from tests.minimal import DOCUMENT

    outside = _outside_secret(tmp_path)
    root = make_project(tmp_path / "p", {
        "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": DOCUMENT.replace(
            "legality_review:", "attachments: [secret.yml, real.pdf]\nlegality_review:"),
        "catalog/attachments/real.pdf": "%PDF-1.4\n%%EOF\n",
    })
    (root / "catalog/attachments/secret.yml").symlink_to(outside / "secret.yml")
    run = run_check(root)
    hits = [p for p in run.problems if p.code == "unpublishable-file"]
    assert [p.message for p in hits if "secret.yml" in p.message and "项目目录之外" in p.message], \
        [p.as_text() for p in run.problems]
    assert not [p for p in run.problems if "real.pdf" in p.message]


def test_fifo_does_not_hang_the_check(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    os.mkfifo(root / "catalog/documents/pipe.md")
    run = run_check(root, timeout=60)
    assert_reported(run, root, "yaml-syntax", "catalog/documents/pipe.md", "管道")


def test_gbk_file_name_is_named_readably_and_output_stays_utf8(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    name = os.fsdecode("关于印发某办法的通知.md".encode("gbk"))  # as unzip leaves a Windows archive
    (root / "catalog/documents" / name).write_text("---\nid: x\n---\n", encoding="utf-8")
    run = run_check(root, env={"PYTHONIOENCODING": "utf-8", "LC_ALL": "C.UTF-8"})
    assert run.code == 1 and "内部错误" not in run.err, run.err
    assert [p for p in run.problems if p.path == "catalog/documents/关于印发某办法的通知.md" and "GBK" in p.message]
