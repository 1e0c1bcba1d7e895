"""The synthetic catalogue behind `make bench`: deterministic, and clean under check."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.check import check_project
from generator.problems import Level
from tests.tools.synthetic import TODAY, cn_number, generate, main


def _digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic") / "p"
    generate(root, 200, seed=7)
    return root


def test_same_seed_same_bytes(project: Path, tmp_path: Path) -> None:
    generate(tmp_path / "again", 200, seed=7)
    assert _digest(tmp_path / "again") == _digest(project)


def test_another_seed_other_bytes(project: Path, tmp_path: Path) -> None:
    generate(tmp_path / "other", 200, seed=8)
    assert _digest(tmp_path / "other") != _digest(project)


def test_passes_check_without_errors_or_warnings(project: Path) -> None:
    result = check_project(project, TODAY)
    loud = [p.as_text() for p in result.problems if p.level is not Level.NOTICE]
    assert loud == []
    cat = result.catalog
    assert len(cat.documents) == 200
    assert len(cat.laws) == 100
    assert len(cat.powers) == 20


def test_shape_of_the_catalogue(project: Path) -> None:
    cat = check_project(project, TODAY).catalog
    normative = [d for d in cat.documents.values() if d.kind == "规范性文件"]
    assert len(normative) == 20  # a tenth
    assert {d.status for d in normative} >= {"有效", "废止"}
    assert all(d.reviews for d in normative if d.status == "废止")
    assert all(d.repealed is not None for d in normative if d.status == "废止")
    assert {p.type for p in cat.powers.values()} == {
        "行政许可", "行政处罚", "行政强制", "行政征收", "行政给付",
        "行政检查", "行政确认", "行政奖励", "行政裁决", "其他行政权力",
    }
    repealed_laws = {law.id for law in cat.laws.values() if law.status == "已废止"}
    assert repealed_laws
    in_force_bases = {ref.law for p in cat.powers.values() if p.status == "有效" for ref in p.basis}
    assert not in_force_bases & repealed_laws
    sizes = [len(d.body.encode()) for d in cat.documents.values()]
    # 1–2 KB of prose; the last sentence may run over, and a link line may follow.
    assert min(sizes) >= 1024 and max(sizes) <= 2048 + 700
    assert (project / "content" / "guide.md").is_file()


def test_cli_refuses_a_non_empty_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "keep.txt").write_text("x", encoding="utf-8")
    assert main(["--docs", "10", "--out", str(tmp_path)]) == 2
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "x"


def test_article_numbers() -> None:
    assert [cn_number(n) for n in (1, 10, 11, 20, 68, 100, 102, 110, 120)] == [
        "一", "十", "十一", "二十", "六十八", "一百", "一百零二", "一百一十", "一百二十"]
