"""docs/editing.md works as written: its commands run on a copy of the demo, its examples do what it says."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.check import check_project
from generator.cli import build_parser
from generator.load import load_project
from tests.minimal import TODAY
from tests.tools.published_list import write_published_powers

REPO = Path(__file__).resolve().parent.parent
GUIDE = (REPO / "docs/editing.md").read_text(encoding="utf-8")
COMMANDS = [line.strip() for block in re.findall(r"```bash\n(.*?)```", GUIDE, re.S)
            for line in block.splitlines() if line.strip().startswith("python -m generator")]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    root = tmp_path / "demo"
    root.mkdir()
    shutil.copy(REPO / "site_config.yml", root / "site_config.yml")
    for folder in ("catalog", "content"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    # The 权责清单 that §6 imports: the demo's own, as a province publishes it (already in the catalogue).
    cat, _ = load_project(root)
    write_published_powers(cat, root / "权责清单.xlsx")
    return root


def generator(root: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, capture_output=True, text=True,
                          timeout=300, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


def test_guide_shows_the_key_commands() -> None:
    joined = "\n".join(COMMANDS)
    for needed in ("new document", "new power", "new law", "export-xlsx", "import-xlsx", "check"):
        assert f"python -m generator {needed}" in joined


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_parses(command: str) -> None:
    build_parser().parse_args(shlex.split(command)[3:])


def test_commands_run_in_order_on_a_copy_of_the_demo(demo: Path) -> None:
    for command in COMMANDS:
        args = shlex.split(command)[3:]
        done = generator(demo, args)
        allowed = {0, 1} if args[0] == "check" else {0}  # check fails while placeholders are unfilled
        assert done.returncode in allowed, f"{command}\n{done.stdout}\n{done.stderr}"
    assert (demo / "清单.xlsx").is_file()


def test_filled_example_passes_check(demo: Path) -> None:
    done = generator(demo, ["new", "document", "--today", TODAY.isoformat()])
    path = demo / re.search(r"已新建 (\S+):\d+", done.stdout)[1]  # type: ignore[index]
    example = re.search(r"```yaml\n# 填好后的样子\n(.*?)```", GUIDE, re.S)
    assert example is not None
    text = path.read_text(encoding="utf-8")
    for line in example[1].splitlines():
        key, value = line.split(": ", 1)
        text, n = re.subn(rf'^(\s*(?:- )?){key}: ""', rf"\g<1>{key}: {value}", text, count=1, flags=re.M)
        if n == 0:
            text, n = re.subn(rf"^(\s*){key}: \[\"\"\]", rf"\g<1>{key}: {value}", text, count=1, flags=re.M)
        assert n == 1, key
    path.write_text(text, encoding="utf-8")
    rel = path.relative_to(demo).as_posix()
    assert [p.as_text() for p in check_project(demo, TODAY).problems if p.path == rel] == []


def test_retiring_a_power_as_the_guide_says(demo: Path) -> None:
    laws = demo / "catalog/legal_bases.yml"
    block = re.search(r"```yaml\n(- id: dzybtl\n.*?)```", GUIDE, re.S)
    assert block is not None
    text = laws.read_text(encoding="utf-8")
    old = re.search(r"^- id: dzybtl\n(?:  .*\n)*", text, re.M)
    assert old is not None
    laws.write_text(text.replace(old[0], block[1]), encoding="utf-8")
    found = [p for p in check_project(demo, TODAY).problems if p.code == "cites-repealed"]
    shown = re.search(r"(catalog/powers/\S+):(\d+):\d+: 错误 cites-repealed 权力事项 (\S+?)依据", GUIDE)
    assert shown is not None
    assert [(p.path, p.line) for p in found] == [(shown[1], int(shown[2]))]
    powers = demo / shown[1]
    lines = powers.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- code: {shown[3]}")
    status = next(i for i in range(start, len(lines)) if lines[i].strip() == "status: 有效")
    lines[status] = "  status: 已取消"
    powers.write_text("\n".join(lines), encoding="utf-8")
    assert [p for p in check_project(demo, TODAY).problems if p.code == "cites-repealed"] == []


def test_import_error_example_is_what_import_prints(demo: Path) -> None:
    import openpyxl

    assert generator(demo, ["export-xlsx", "--today", TODAY.isoformat()]).returncode == 0
    shown = re.findall(r"^清单\.xlsx!规范性文件!([A-Z]+)(\d+):.*$", GUIDE, re.M)
    lines = re.findall(r"^(清单\.xlsx!规范性文件!.*)$", GUIDE, re.M)
    wb = openpyxl.load_workbook(demo / "清单.xlsx")
    ws = wb["规范性文件"]
    ws[f"{shown[0][0]}{shown[0][1]}"] = "2030-02-30"
    ws[f"{shown[1][0]}{shown[1][1]}"] = "现行有效"
    wb.save(demo / "清单.xlsx")
    done = generator(demo, ["import-xlsx", "清单.xlsx"])
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == lines


def test_the_worked_import_list_example_is_what_it_does(demo: Path) -> None:
    """§6: the notes, the record and the error shown are what import-list prints and writes."""
    import openpyxl

    for f in (demo / "catalog/powers").glob("*.yml"):
        f.unlink()
    chapter = GUIDE[GUIDE.index("## 6. 从已有清单开始"):]
    done = generator(demo, ["import-list", "powers", "权责清单.xlsx", "--dry-run"])
    assert done.returncode == 0, done.stderr
    shown = [line for line in chapter.splitlines() if line.startswith(("说明：", "新增 ", "权责清单："))]
    assert shown and all(line in done.stdout.splitlines() for line in shown)
    assert generator(demo, ["import-list", "powers", "权责清单.xlsx"]).returncode == 0
    record = re.search(r"```yaml\n(- code: KJ-CF-001\n.*?)```", chapter, re.S)
    assert record is not None and record[1] in (demo / "catalog/powers/cf.yml").read_text(encoding="utf-8")
    error = re.search(r"^(权责清单\.xlsx!权责清单!([A-Z]+)(\d+):.*)$", chapter, re.M)
    assert error is not None
    wb = openpyxl.load_workbook(demo / "权责清单.xlsx")
    cell = wb["权责清单"][f"{error[2]}{error[3]}"]
    cell.value = f"{cell.value} 详见附件"
    wb.save(demo / "权责清单.xlsx")
    done = generator(demo, ["import-list", "powers", "权责清单.xlsx"])
    assert done.returncode == 1 and error[1] in done.stdout.splitlines()
