"""Editors' regular expressions: catastrophic backtracking never hangs a command; what RE2 cannot run is refused.

Python's `re` needs exponential time for these patterns against a 索引号 of thirty-odd characters;
each case runs the real `check` in a child process under a wall-clock bound.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cli import main
from tests.minimal import SITE_CONFIG, TODAY, found, make_project
from tests.rules.records import document

CONFIG = "site_config.yml"
DOC = "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md"
REPO = Path(__file__).resolve().parents[2]
PATTERN_LINE = SITE_CONFIG.count("\n") + 2   # "policy:" then the pattern


def config(pattern: str) -> str:
    quoted = pattern.replace("'", "''")
    return SITE_CONFIG + f"policy:\n  index_no_pattern: '{quoted}'\n"


# (pattern, a 索引号 that makes a backtracking engine explore every split of it)
REDOS = [
    (r"^(a+)+$", "a" * 40 + "!"),
    (r"^(a|a)*$", "a" * 40 + "!"),
    (r"^(a|aa)+$", "a" * 60 + "!"),
    (r"^(\d+)*[A-Z]$", "1" * 40 + "!"),
    (r"^({credit_code}|\w+)*/\d{4}$", "x" * 40 + "!"),
]


@pytest.mark.parametrize(("pattern", "index_no"), REDOS, ids=[p for p, _ in REDOS])
def test_backtracking_pattern_finishes_in_seconds(tmp_path: Path, pattern: str, index_no: str) -> None:
    root = make_project(tmp_path, {CONFIG: config(pattern), DOC: document(index_no=index_no)})
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "generator", "check", "--format", "json", "--project", str(root),
                           "--today", TODAY.isoformat()], cwd=REPO, capture_output=True, timeout=60)
    assert time.monotonic() - start < 10
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert b'"code": "invalid-index-no"' in proc.stdout and DOC.encode() in proc.stdout


def test_backtracking_pattern_still_accepts_what_it_describes(tmp_path: Path) -> None:
    files = {CONFIG: config(r"^(a+)+$"), DOC: document(index_no="a" * 5000)}
    assert found(tmp_path, "invalid-index-no", files) == []
    assert found(tmp_path, "invalid-value", files) == []


# (pattern, a word of the advice the message must give)
REFUSED = [
    (r"^(?=KJ)\w+-\d{4}$", "前后查找"),
    (r"^(?!X)\w+$", "前后查找"),
    (r"^\w+(?<!-)$", "前后查找"),
    (r"^(\d)\1\d{3}$", "反向引用"),
    (r"^(?P<y>\d{4})-(?P=y)$", "反向引用"),
    (r"^(?>\d+)-\d+$", "原子分组"),
    (r"^\d++-\d+$", "占有量词"),
    (r"^\d{4}-\d{5}\Z", r"\Z"),
    (r"^\d{2000}$", "1000"),
    (r"^((\d{100}){100}){100}$", "1000"),
    (r"^{credit_code}/(\d{4}-\d{5}$", "括号"),
    (r"^[0-9]{4}-[0-9{5}$", "方括号"),
    (r"^**$", "重复符号"),
    ("^" + "a" * 1200 + "$", "太长"),
]


@pytest.mark.parametrize(("pattern", "advice"), REFUSED, ids=[p[:30] for p, _ in REFUSED])
def test_pattern_re2_cannot_run_is_an_invalid_value_at_its_line(tmp_path: Path, pattern: str, advice: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {CONFIG: config(pattern)})
    assert found(tmp_path, "invalid-value", {CONFIG: config(pattern)}) == [(CONFIG, PATTERN_LINE, "invalid-value")]
    assert found(tmp_path, "invalid-index-no", {CONFIG: config(pattern)}) == []
    assert main(["check", "--project", str(root), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "invalid-value" in x)
    assert advice in line and "RE2" in line and "默认格式" in line
    # Nothing else that reads the pattern falls over either: `new` still makes a document.
    assert main(["new", "document", "--project", str(root), "--today", TODAY.isoformat()]) == 0
