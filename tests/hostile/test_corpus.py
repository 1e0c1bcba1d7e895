"""The committed corpus of malformed input: `check` reports each with a code and a position.

Every case in tests/hostile/cases.yml is a small project (the minimal valid one with a few files
replaced byte for byte). `check --strict` must exit 1, list at least the expected problems at
the expected lines, point every problem inside its file, and never print a traceback or an
internal error. See docs/security.md for the input classes and the policies behind them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from tests.hostile.project import CORPUS, Case, build_case, cases, position_outside, problem_of
from tests.minimal import TODAY

CASES = cases()


def test_corpus_is_large_and_every_folder_has_expectations() -> None:
    assert len(CASES) >= 40
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    named = {c.name for c in CASES}
    assert folders <= named, f"corpus folders without an entry in cases.yml: {sorted(folders - named)}"
    assert all((CORPUS / c.name).is_dir() or c.delete for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_check_reports_case_with_code_and_position(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    root = build_case(case, tmp_path / "project")
    monkeypatch.chdir(root)  # anything a tag managed to execute would land here
    code = main(["check", "--strict", "--format", "json", "--project", str(root), "--today", TODAY.isoformat()])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "内部错误" not in err, err
    assert code == 1, f"{case.name} ({case.input}): exit {code}\n{out}"
    problems = [problem_of(d) for d in json.loads(out)]
    got = {(p.code, p.path, p.line): p.message for p in problems}
    for e in case.expect:
        key = (e.code, e.path, e.line)
        assert key in got, f"{case.name} ({case.input}): expected {key}, got {sorted(got)}"
        if e.says:
            assert any(e.says in p.message for p in problems if (p.code, p.path, p.line) == key), got[key]
    outside = [why for p in problems if (why := position_outside(root, p))]
    assert outside == []
    assert not list(root.rglob("HOSTILE-PWNED")), "a YAML tag executed code"
