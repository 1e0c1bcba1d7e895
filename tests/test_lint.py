"""The package stays typed and tidy: `mypy --strict` (pyproject's [tool.mypy]) and ruff, as `make lint` runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_mypy_strict_finds_nothing_in_the_package() -> None:
    run = subprocess.run([str(BIN / "mypy"), "generator"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_finds_nothing() -> None:
    run = subprocess.run([str(BIN / "ruff"), "check", "generator", "tests"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_module_of_the_package_is_a_maze() -> None:
    """Every module under about 500 lines: a module that grows past that holds two ideas."""
    long = {p.relative_to(ROOT).as_posix(): n for p in (ROOT / "generator").rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 520}
    assert long == {}
