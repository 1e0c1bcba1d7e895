"""`python -m generator check` as an editor and CI run it: formats, exit codes, --project, read-only."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.minimal import POWERS, make_project
from tests.rules.records import DOC, document
from tests.rules.records import POWERS as POWERS_PATH

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-26"
TEXT_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<level>错误|警告|提示) (?P<code>[a-z-]+) (?P<msg>.+)$")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def check(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run("check", "--project", str(project), "--today", TODAY, *args)


# One error, one warning, one notice, each in its own file.
MIXED = {
    POWERS_PATH: POWERS.replace("law: zlf", "law: zlff"),  # unknown-reference (error), line 4
    DOC: document(summary="规" * 101,                          # summary-too-long (warning), line 8
                  reviews="[{date: 2026-06-01, result: 继续有效, decided: false}]"),  # review-pending (notice), line 17
}


def no_traceback(r: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout


def test_clean_project_exits_0_and_says_so(tmp_path: Path) -> None:
    r = check(make_project(tmp_path))
    assert (r.returncode, r.stdout.strip(), r.stderr) == (0, "检查通过：没有发现问题", "")


def test_text_format_lines_and_summary(tmp_path: Path) -> None:
    r = check(make_project(tmp_path, MIXED))
    assert r.returncode == 1
    *lines, summary = r.stdout.strip().split("\n")
    parsed = [TEXT_LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m["path"], int(m["line"]), m["level"], m["code"]) for m in parsed if m] == [
        (DOC, 8, "警告", "summary-too-long"),
        (DOC, 17, "提示", "review-pending"),
        (POWERS_PATH, 4, "错误", "unknown-reference"),
    ]
    assert lines[2] == "catalog/powers/cf.yml:4:12: 错误 unknown-reference 实施依据 'zlff' 不存在，是否指 'zlf'？"
    assert summary == "共 1 个错误，1 个警告，1 个提示"
    no_traceback(r)


def test_json_shape_is_exactly_the_spec(tmp_path: Path) -> None:
    r = check(make_project(tmp_path, MIXED), "--format", "json")
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert isinstance(data, list) and len(data) == 3
    for item in data:
        assert list(item) == ["path", "line", "column", "level", "code", "message"]
        assert isinstance(item["line"], int) and isinstance(item["column"], int) and item["column"] >= 1
        assert not item["path"].startswith("/") and "\\" not in item["path"]
    assert [(d["path"], d["line"], d["column"], d["level"], d["code"]) for d in data] == [
        (DOC, 8, 1, "warning", "summary-too-long"),
        (DOC, 17, 11, "notice", "review-pending"),
        (POWERS_PATH, 4, 12, "error", "unknown-reference"),
    ]
    assert data[2]["message"] == "实施依据 'zlff' 不存在，是否指 'zlf'？"


def test_json_of_a_clean_project_is_an_empty_array(tmp_path: Path) -> None:
    r = check(make_project(tmp_path), "--format", "json")
    assert (r.returncode, json.loads(r.stdout)) == (0, [])


def test_github_annotations(tmp_path: Path) -> None:
    r = check(make_project(tmp_path, MIXED), "--format", "github")
    assert r.returncode == 1
    lines = r.stdout.strip().split("\n")
    assert lines[2] == ("::error file=catalog/powers/cf.yml,line=4,col=12,title=unknown-reference"
                        "::实施依据 'zlff' 不存在，是否指 'zlf'？")
    assert lines[0].startswith(f"::warning file={DOC},line=8,col=1,title=summary-too-long::")
    assert lines[1].startswith(f"::notice file={DOC},line=17,col=11,title=review-pending::")


def test_warnings_fail_only_under_strict(tmp_path: Path) -> None:
    project = make_project(tmp_path, {DOC: document(summary="规" * 101)})
    assert check(project).returncode == 0
    r = check(project, "--strict")
    assert r.returncode == 1
    assert "summary-too-long" in r.stdout


def test_notices_never_fail_even_under_strict(tmp_path: Path) -> None:
    project = make_project(tmp_path, {DOC: document(reviews="[{date: 2026-06-01, result: 废止, decided: false}]")})
    r = check(project, "--strict")
    assert r.returncode == 0
    assert "review-pending" in r.stdout and "共 0 个错误，0 个警告，1 个提示" in r.stdout


def test_today_decides_the_time_rules(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert run("check", "--project", str(project), "--today", "2030-04-09").returncode == 0
    r = run("check", "--project", str(project), "--today", "2030-04-10")
    assert r.returncode == 1 and "expired-but-valid" in r.stdout


@pytest.mark.parametrize("bad", ["2026-02-30", "26-11-2026", "today", ""])
def test_bad_today_is_a_usage_error(tmp_path: Path, bad: str) -> None:
    r = run("check", "--project", str(make_project(tmp_path)), "--today", bad)
    assert r.returncode == 2
    assert "用法错误" in r.stderr and "YYYY-MM-DD" in r.stderr
    assert r.stdout == ""
    no_traceback(r)


def test_no_site_config_is_a_usage_error(tmp_path: Path) -> None:
    r = check(tmp_path)
    assert r.returncode == 2
    assert "site_config.yml" in r.stderr and "--project" in r.stderr
    no_traceback(r)


def test_missing_project_directory_is_a_usage_error(tmp_path: Path) -> None:
    r = check(tmp_path / "nowhere")
    assert r.returncode == 2
    no_traceback(r)


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["chek"], [], ["check", "--strictt"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    r = run(*args)
    assert r.returncode == 2
    assert "用法错误" in r.stderr
    no_traceback(r)


def test_project_defaults_to_the_current_directory_and_paths_stay_relative(tmp_path: Path) -> None:
    project = make_project(tmp_path / "site", MIXED)
    here = run("check", "--today", TODAY, "--format", "json", cwd=project)
    there = run("check", "--project", "site", "--today", TODAY, "--format", "json", cwd=tmp_path)
    assert here.returncode == there.returncode == 1
    assert json.loads(here.stdout) == json.loads(there.stdout)
    assert {d["path"] for d in json.loads(here.stdout)} == {DOC, POWERS_PATH}


def test_a_wrecked_project_reports_problems_without_a_traceback(tmp_path: Path) -> None:
    project = make_project(tmp_path, {
        "catalog/legal_bases.yml": "- id: [\n",
        "catalog/categories.yml": "just a string\n",
        POWERS_PATH: "- 1\n- [x]\n- code: {a: b}\n",
        DOC: "---\n- not a mapping\n---\n",
        "catalog/documents/x.md": "no front matter\n",
        "content/guide.md": "---\ntitle: [unclosed\n---\n",
    })
    (project / "catalog/powers/gbk.yml").write_bytes("- code: 处罚\n".encode("gbk"))
    r = check(project, "--format", "json")
    assert r.returncode == 1
    no_traceback(r)
    assert r.stderr == ""
    assert len(json.loads(r.stdout)) >= 7


CACHE = ".site-cache"  # check's own parse cache (cache.cache_dir of site/): the one place it writes


def _snapshot(root: Path) -> dict[str, tuple[str, int]]:
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.relative_to(root).parts[0] != CACHE:
            out[path.relative_to(root).as_posix()] = (hashlib.sha256(path.read_bytes()).hexdigest(),
                                                     path.stat().st_mtime_ns)
    return out


def _dirs(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir())


@pytest.mark.skipif(not (ROOT / "site_config.yml").is_file(), reason="the demo is not in this tree")
def test_check_modifies_no_file(tmp_path: Path) -> None:
    project = tmp_path / "demo"
    project.mkdir()
    shutil.copy2(ROOT / "site_config.yml", project / "site_config.yml")
    for folder in ("catalog", "content"):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, project / folder)
    # A problem or two, so that the failing path is exercised too.
    doc = next((project / "catalog/documents").rglob("*.md"))
    doc.write_text(doc.read_text(encoding="utf-8").replace("summary:", "summry:", 1), encoding="utf-8")
    before = _snapshot(project)
    dirs_before = _dirs(project)
    r = check(project, "--strict", "--no-cache")
    assert r.returncode == 1
    assert (_snapshot(project), _dirs(project)) == (before, dirs_before)  # --no-cache: not even the cache
    for fmt in ("text", "json", "github"):
        r = check(project, "--strict", "--format", fmt)
        assert r.returncode == 1
        no_traceback(r)
    assert _snapshot(project) == before
    assert _dirs(project) == sorted([*dirs_before, CACHE, f"{CACHE}/parse"])


# What argparse says in English when nobody translates it.
ARGPARSE_ENGLISH = re.compile(r"usage:|error:|invalid|choose from|required|unrecognized|expected"
                              r"|show this help|options:|positional arguments")


@pytest.mark.parametrize("args", [["check", "--format", "xml"], ["chek"], [], ["check", "--strictt"],
                                  ["serve", "--port", "abc"], ["report", "annual"], ["report"],
                                  ["new", "thing"], ["check", "--project"]])
def test_usage_errors_are_chinese_and_say_where_help_is(args: list[str]) -> None:
    r = run(*args)
    assert r.returncode == 2 and "用法：" in r.stderr and "-h 查看用法" in r.stderr
    assert not ARGPARSE_ENGLISH.search(r.stderr), r.stderr


@pytest.mark.parametrize("args", [["-h"], ["check", "-h"], ["report", "annual", "-h"], ["new", "--help"]])
def test_help_is_chinese(args: list[str]) -> None:
    r = run(*args)
    assert r.returncode == 0 and r.stdout.startswith("用法：") and "显示本帮助并退出" in r.stdout
    assert not ARGPARSE_ENGLISH.search(r.stdout), r.stdout
def test_report_annual_for_a_year_not_yet_over_says_so(tmp_path: Path) -> None:
    from tests.minimal import make_project

    make_project(tmp_path)
    run = subprocess.run([sys.executable, "-m", "generator", "report", "annual", "--year", "2026", "--project",
                          str(tmp_path), "--today", "2026-11-26"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "2026 年尚未结束" in run.stderr
    run = subprocess.run([sys.executable, "-m", "generator", "report", "annual", "--year", "2025", "--project",
                          str(tmp_path), "--today", "2026-11-26"], capture_output=True, text=True, timeout=60)
    assert "尚未结束" not in run.stderr
