"""Nothing lost: only `new` and `import-xlsx` write into catalog/ or content/, `new` never overwrites,
a build killed at any moment leaves the previous site complete, and builds are byte-identical.

The kill and determinism tests here go further than tests/site/test_build.py: the kill runs the
real command line while the input has *changed* (so a half-published new site could not pass for
the old one), and determinism is checked on the demo project across processes, paths, hash seeds,
time zones and locales.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cache import cache_dir
from generator.cli import main
from tests.conftest import DEMO_TODAY, ROOT, copy_demo
from tests.minimal import DOCUMENT, TODAY, make_project

WATCHED = ("site_config.yml", "catalog", "content")


def state(project: Path) -> dict[str, tuple[str, int, int]]:
    """Every file under the editors' paths: hash, mtime (ns) and mode. Any write changes it."""
    out: dict[str, tuple[str, int, int]] = {}
    for name in WATCHED:
        base = project / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for p in files:
            st = p.stat()
            out[p.relative_to(project).as_posix()] = (hashlib.sha256(p.read_bytes()).hexdigest(), st.st_mtime_ns,
                                                      st.st_mode)
    return out


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_only_new_and_import_write_into_the_catalogue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = copy_demo(tmp_path / "project")
    out = tmp_path / "out"
    out.mkdir()
    before = state(project)
    files_before = {p for p in project.rglob("*")}
    common = ["--project", str(project)]
    today = ["--today", DEMO_TODAY.isoformat()]
    runs = [
        ["check", *common, *today], ["check", "--strict", "--format", "json", *common, *today],
        ["check", "--format", "github", *common, *today],
        *[["audit", *common, "--as-of", DEMO_TODAY.isoformat(), "--format", f] for f in ("table", "md", "csv", "json")],
        ["audit", *common, "--as-of", DEMO_TODAY.isoformat(), "--format", "xlsx", "--out", str(out / "a.xlsx")],
        ["report", "annual", *common, *today, "--year", "2025"],
        ["report", "annual", *common, *today, "--year", "2025", "--format", "json", "--out", str(out / "r.json")],
        ["schema", *common, "--out", str(out / "schema")],
        ["export-xlsx", *common, *today, "--out", str(out / "list.xlsx")],
        ["build", *common, *today, "--out", str(out / "site")],
    ]
    for argv in runs:
        code = main(argv)
        capsys.readouterr()
        assert code in (0, 1), argv
    assert state(project) == before
    # The build may leave its generated mkdocs.yml (gitignored) and its lock beside the output, and check
    # its parse cache in the hidden cache folder beside site/ (gitignored too); nothing else.
    new = sorted(p.relative_to(project).as_posix() for p in set(project.rglob("*")) - files_before)
    assert new == [".site-cache", ".site-cache/parse", ".site-cache/parse/trees.pickle", "mkdocs.yml"], new
    assert (out / "site/index.html").is_file()


def test_new_document_never_overwrites_a_file_it_could_not_read(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path)
    args = ["new", "document", "--project", str(tmp_path), "--today", TODAY.isoformat()]
    assert main(args) == 0
    made = capsys.readouterr().out
    first = sorted((tmp_path / "catalog/documents").rglob("*.md"))
    assert len(first) == 2, made
    # The next id's file already exists but is unreadable (GBK): its id is unknown to the catalogue,
    # yet `new` must notice the path and refuse rather than replace it.
    created = next(p for p in first if p.name != "2025-kjj-gfxwj-001.md")
    serial = int(created.stem.rsplit("-", 1)[1])
    blocker = created.with_name(created.stem.rsplit("-", 1)[0] + f"-{serial + 1:03d}.md")
    blocker.write_bytes(DOCUMENT.replace("2025-kjj-gfxwj-001", blocker.stem).encode("gbk"))
    before = state(tmp_path)
    code = main(args)
    out, err = capsys.readouterr()
    after = state(tmp_path)
    assert after[blocker.relative_to(tmp_path).as_posix()] == before[blocker.relative_to(tmp_path).as_posix()]
    for path, st in before.items():
        assert after[path] == st, path  # nothing existing was rewritten
    if code == 0:
        assert len(after) == len(before) + 1, out  # a new file beside it, under another name
    else:
        assert after == before and ("不会覆盖" in err or "无法读取" in err), (code, out, err)


@pytest.mark.parametrize("what", ["power", "law"])
def test_new_power_and_law_keep_every_existing_byte(tmp_path: Path, what: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path)
    path = tmp_path / ("catalog/powers/cf.yml" if what == "power" else "catalog/legal_bases.yml")
    old = path.read_bytes()
    extra = ["--type", "行政处罚"] if what == "power" else []
    assert main(["new", what, "--project", str(tmp_path), "--today", TODAY.isoformat(), *extra]) == 0
    capsys.readouterr()
    files = sorted((tmp_path / "catalog/powers").glob("*.yml")) if what == "power" else [path]
    grown = [f for f in files if f.read_bytes() != (old if f == path else b"")]
    assert grown, "new wrote nothing"
    if path.read_bytes() != old:  # appended to the existing file: the old text is still there, unchanged
        assert path.read_bytes().startswith(old.rstrip(b"\n"))


# ------------------------------------------------------------------------------ kill during a CLI build

def _cli_build(project: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--project", str(project), "--out", str(site),
            "--today", TODAY.isoformat()]


def test_killed_cli_build_of_changed_input_leaves_a_complete_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    site = tmp_path / "site"
    subprocess.run(_cli_build(project, site), cwd=ROOT, check=True, capture_output=True)
    old = snapshot(site)
    # Change the input: the next site differs, so a half-swapped site cannot pass for the old one.
    extra = project / "catalog/documents/gfxwj/2025-kjj-gfxwj-002.md"
    extra.write_text(DOCUMENT.replace("2025-kjj-gfxwj-001", "2025-kjj-gfxwj-002")
                     .replace("2025-00001", "2025-00002").replace("〔2025〕1号", "〔2025〕2号"), encoding="utf-8")
    started = time.monotonic()
    subprocess.run(_cli_build(project, tmp_path / "probe"), cwd=ROOT, check=True, capture_output=True)
    duration = time.monotonic() - started
    new = snapshot(tmp_path / "probe")
    assert new != old
    outcomes = []
    for delay in (0.2, 0.5, 1.0, duration * 0.6, duration * 0.85, duration * 0.97):
        proc = subprocess.Popen(_cli_build(project, site), cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = snapshot(site)
        # Complete: exactly the old site, or (killed after the swap) exactly the new one.
        assert now in (old, new), f"killed after {delay:.2f}s: a site that is neither the old nor the new one"
        outcomes.append("old" if now == old else "new")
        if now == new:  # put the old site back for the next round
            shutil.rmtree(site)
            shutil.copytree(tmp_path / "probe", site)
            extra.rename(extra.with_suffix(".bak"))
            subprocess.run(_cli_build(project, site), cwd=ROOT, check=True, capture_output=True)
            extra.with_suffix(".bak").rename(extra)
            assert snapshot(site) == old
    assert "old" in outcomes
    # A build after the kills cleans up what they left and publishes the new site.
    subprocess.run(_cli_build(project, site), cwd=ROOT, check=True, capture_output=True)
    assert snapshot(site) == new
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site-") and p.name != cache_dir(site).name)
    assert left in ([], [".site.lock"])


# ------------------------------------------------------------------------------ determinism

def test_demo_build_is_byte_identical_across_processes_paths_and_environments(demo_site: Path,
                                                                              tmp_path: Path) -> None:
    """The session's demo site (in-process) against a CLI build of another copy, elsewhere, with another
    hash seed, time zone, locale and working directory."""
    project = copy_demo(tmp_path / "elsewhere" / "copy")
    env = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "America/Los_Angeles", "LC_ALL": "C",
           "LANG": "C", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "generator", "build", "--strict", "--project", str(project),
                           "--today", DEMO_TODAY.isoformat()], cwd=tmp_path, env=env, capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()
    a, b = snapshot(demo_site), snapshot(project / "site")
    assert sorted(a) == sorted(b)
    differ = [name for name in a if a[name] != b[name]]
    assert differ == []
