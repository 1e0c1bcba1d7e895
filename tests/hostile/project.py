"""Hostile-input helpers: build a corpus case as a real project, and check where problems point.

A corpus case is a folder under tests/hostile/corpus/ holding only the files that differ from the
minimal valid project (tests/minimal.py); its expectations live in tests/hostile/cases.yml.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Level, Problem
from tests.minimal import make_project

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
MANIFEST = HERE / "cases.yml"

# `python -c PEAK_CHILD <command line>` runs the real command and reports its own peak memory on stderr
# (`MAXRSS_KB=`): VmHWM, the peak of this program's memory. Not ru_maxrss: on Linux a program started by
# fork (or vfork) and exec inherits there the peak of the process it was started from — pytest's,
# hundreds of MB after the build tests.
PEAK_CHILD = (
    "import re, sys\n"
    "from generator.cli import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    peak = re.search(r'VmHWM:\\s*(\\d+)', open('/proc/self/status').read())[1]\n"
    "    sys.stderr.write(f'\\nMAXRSS_KB={peak}\\n')\n"
    "raise SystemExit(code)\n"
)


@dataclass(frozen=True)
class Expected:
    code: str
    path: str
    line: int
    says: str | None = None  # a fragment the message must contain


@dataclass(frozen=True)
class Case:
    name: str
    input: str  # what an editor did, in Chinese
    expect: tuple[Expected, ...]
    delete: tuple[str, ...] = ()


def cases() -> list[Case]:
    raw: dict[str, Any] = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    out = []
    for name, spec in raw.items():
        expect = tuple(Expected(e["code"], e["path"], int(e["line"]), e.get("says")) for e in spec["expect"])
        out.append(Case(name, spec["input"], expect, tuple(spec.get("delete", ()))))
    return out


def build_case(case: Case, root: Path) -> Path:
    """The minimal project with the case's files laid over it (byte for byte)."""
    make_project(root)
    for rel in case.delete:
        (root / rel).unlink()
    folder = CORPUS / case.name
    for src in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if src.is_file():
            dest = root / src.relative_to(folder)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
    return root


def _lines(data: bytes) -> list[str]:
    """The file's lines as an editor shows them (any of the decodings the loader accepts)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    for sep in ("\r\n", "\r", "\x85", "\u2028", "\u2029"):
        text = text.replace(sep, "\n")
    return text.split("\n")


def position_outside(root: Path, p: Problem) -> str | None:
    """Why a problem's position is not inside its file (None when it is).

    A file that does not exist (a missing catalog/categories.yml) or cannot be read as text
    (a FIFO, a link out of the project) can only be pointed at as 1:1.
    """
    where = f"{p.path}:{p.line}:{p.column} {p.code}"
    if p.line < 1 or p.column < 1:
        return f"{where}: line/column must be 1-based"
    if p.path.startswith("/") or ".." in Path(p.path).parts:
        return f"{where}: path must be relative to the project"
    file = root / p.path
    if not file.is_file() or file.is_symlink():
        return None if (p.line, p.column) == (1, 1) else f"{where}: not a readable file, yet a position"
    lines = _lines(file.read_bytes())
    if p.line > len(lines):
        return f"{where}: the file has only {len(lines)} lines"
    if p.column > len(lines[p.line - 1]) + 1:
        return f"{where}: line {p.line} has only {len(lines[p.line - 1])} characters"
    return None


def problem_of(d: dict[str, Any]) -> Problem:
    """A Problem back from `check --format json`."""
    return Problem(d["path"], d["line"], d["column"], Level(d["level"]), d["code"], d["message"])
