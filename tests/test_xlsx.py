"""export-xlsx / import-xlsx: byte-identical round trip, targeted edits, hand-typed sheets, cell-level problems."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.check import check_project
from generator.cli import main
from generator.editing.xlsx.export import export_workbook
from generator.editing.xlsx.importer import plan_import
from generator.load import load_project
from tests.minimal import TODAY, make_project

REPO = Path(__file__).resolve().parent.parent


def tree(root: Path) -> dict[str, str]:
    """Every catalogue/content file's hash: what a round trip must leave alone."""
    out = {}
    for base in ("site_config.yml", "catalog", "content"):
        p = root / base
        files = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.is_file())
        for f in files:
            out[f.relative_to(root).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    """A copy of the demo project: tests never write into the real catalog/."""
    root = tmp_path / "demo"
    root.mkdir()
    shutil.copy(REPO / "site_config.yml", root / "site_config.yml")
    for folder in ("catalog", "content"):
        if (REPO / folder).is_dir():
            shutil.copytree(REPO / folder, root / folder)
    return root


def run(root: Path, *args: str) -> int:
    return main([*args, "--project", str(root)])


def export(root: Path, name: str = "清单.xlsx") -> Path:
    out = root.parent / name
    assert main(["export-xlsx", "--project", str(root), "--today", TODAY.isoformat(), "--out", str(out)]) == 0
    return out


def edit(path: Path, sheet: str, key: str, values: dict[str, Any], out: Path | None = None) -> Path:
    """Change cells of the row whose first column is `key` (a new row if there is none)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    headers = {c.value: c.column for c in ws[1]}
    row = next((c.row for c in ws["A"][1:] if c.value == key), None)
    if row is None:
        row = ws.max_row + 1
        ws.cell(row, 1, key)
    for header, value in values.items():
        ws.cell(row, headers[header]).value = value
    target = out or path
    wb.save(target)
    return target


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def errors(root: Path) -> list[str]:
    return [p.as_text() for p in check_project(root, TODAY).problems if p.level.value == "error"]


def test_demo_round_trip_changes_no_byte(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(demo)
    book = export(demo)
    cat, _ = load_project(demo)
    wb = openpyxl.load_workbook(book)
    normative = [d for d in cat.all_documents if d.kind in ("规章", "规范性文件")]
    assert wb["规范性文件"].max_row == len(normative) + 1
    assert wb["权力清单"].max_row == len(cat.all_powers) + 1
    assert wb["执法依据"].max_row == len(cat.all_laws) + 1
    assert run(demo, "import-xlsx", str(book)) == 0
    assert "没有需要修改" in capsys.readouterr().out
    assert tree(demo) == before


def test_round_trip_through_a_resave_changes_no_byte(demo: Path) -> None:
    """Opening the sheet and saving it (as Excel/WPS do) turns dates into datetimes: still no change."""
    before = tree(demo)
    book = export(demo)
    openpyxl.load_workbook(book).save(book)
    plan = plan_import(demo, book)
    assert plan.problems == [] and plan.writes == {}
    assert tree(demo) == before


def test_export_is_deterministic(demo: Path) -> None:
    cat, _ = load_project(demo)
    assert export_workbook(cat, TODAY) == export_workbook(cat, TODAY)


def test_headers_are_chinese_and_declared_once(demo: Path) -> None:
    ws = openpyxl.load_workbook(export(demo))["规范性文件"]
    headers = [c.value for c in ws[1]]
    for header in ("发文字号", "标题", "发布日期", "施行日期", "有效期至", "有效性", "最近清理结果"):
        assert header in headers


def test_one_changed_cell_changes_one_line(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p", {"catalog/powers/cf.yml": """\
        # 行政处罚（注释要保留）
        - code: KJ-CF-001
          name: 对假冒专利行为的处罚   # 名称来自 2024 年版清单
          type: 行政处罚
          basis: [{law: zlf, articles: [第六十八条]}]
          subject: 某市科学技术局
          status: 有效
        """})
    before = (root / "catalog/powers/cf.yml").read_text(encoding="utf-8")
    book = edit(export(root), "权力清单", "KJ-CF-001", {"状态": "已调整"})
    assert run(root, "import-xlsx", str(book)) == 0
    after = (root / "catalog/powers/cf.yml").read_text(encoding="utf-8")
    assert changed_lines(before, after) == ["-  status: 有效", "+  status: 已调整"]


def test_recording_a_review_and_a_repeal_keeps_the_body_and_untouched_fields(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    doc = root / "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md"
    before = doc.read_text(encoding="utf-8")
    book = edit(export(root), "规范性文件", "2025-kjj-gfxwj-001", {
        "最近清理日期": dt.date(2026, 11, 20), "最近清理通知或决定文号": "某科〔2026〕9号",
        "最近清理结果": "废止", "最近清理是否已决定": "是",
        "有效性": "废止", "废止日期": "2026-11-25", "废止依据": "某科〔2026〕9号",
    })
    assert run(root, "import-xlsx", str(book)) == 0
    after = doc.read_text(encoding="utf-8")
    assert after.endswith("---\n第一条 为规范科技计划项目管理，制定本办法。\n")
    assert changed_lines(before, after) == [
        "-status: 有效", "+status: 废止",
        "+reviews:", "+  - date: 2026-11-20", "+    batch: 某科〔2026〕9号", "+    result: 废止", "+    decided: true",
        "+repealed:", "+  date: 2026-11-25", "+  by: 某科〔2026〕9号",
    ]
    assert errors(root) == []
    # A later 清理 adds a second entry; the first one stays as it is.
    book = edit(book, "规范性文件", "2025-kjj-gfxwj-001", {"最近清理日期": "2026-12-01", "最近清理结果": "宣布失效"})
    assert run(root, "import-xlsx", str(book)) == 0
    text = doc.read_text(encoding="utf-8")
    assert text.count("- date:") == 2 and "result: 宣布失效" in text


def test_retiring_a_power_when_its_law_is_repealed(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    book = edit(export(root), "执法依据", "zlf", {"时效性": "已废止", "废止日期": "2026-10-01",
                                                  "废止依据": "中华人民共和国专利法（2026年修订）"})
    assert run(root, "import-xlsx", str(book)) == 0
    assert any("cites-repealed" in e for e in errors(root))
    book = edit(book, "权力清单", "KJ-CF-001", {"状态": "已取消"})
    assert run(root, "import-xlsx", str(book)) == 0
    assert errors(root) == []
    assert "status: 已取消" in (root / "catalog/powers/cf.yml").read_text(encoding="utf-8")


def test_basis_cell_takes_titles_or_ids(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    book = edit(export(root), "权力清单", "KJ-CF-001",
                {"实施依据": "《中华人民共和国专利法》第六十八条\nkjjbf 第十条、第十一条"})
    assert run(root, "import-xlsx", str(book)) == 0
    power = load_project(root)[0].powers["KJ-CF-001"]
    assert [(b.law, b.articles) for b in power.basis] == [("zlf", ("第六十八条",)), ("kjjbf", ("第十条", "第十一条"))]


def test_clearing_cells(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p")
    book = edit(export(root), "执法依据", "kjjbf", {"施行日期": None})
    assert run(root, "import-xlsx", str(book)) == 0
    assert load_project(root)[0].laws["kjjbf"].effective is None
    book = edit(book, "执法依据", "kjjbf", {"名称": None})
    before = tree(root)
    assert run(root, "import-xlsx", str(book)) == 1
    assert "清单.xlsx!执法依据!B2:2:2: 错误 missing-field" in capsys.readouterr().out
    assert tree(root) == before


def test_bad_cells_name_sheet_row_and_column_and_nothing_is_written(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    book = export(root)
    edit(book, "规范性文件", "2025-kjj-gfxwj-001", {"有效期至": "2030-02-30", "有效性": "现行有效"})
    edit(book, "权力清单", "KJ-CF-001", {"实施依据": "《中华人民共和国专利发》第六十八条", "事项名称": "改了名字"})
    before = tree(root)
    plan = plan_import(root, book)
    found = {(p.path, p.line, p.column, p.code) for p in plan.problems}
    assert found == {
        ("清单.xlsx!规范性文件!N2", 2, 14, "invalid-date"),
        ("清单.xlsx!规范性文件!O2", 2, 15, "invalid-value"),
        ("清单.xlsx!权力清单!E2", 2, 5, "unknown-reference"),
    }
    messages = " ".join(p.message for p in plan.problems)
    assert "是否指 '中华人民共和国专利法'" in messages and "可选值：有效" in messages
    assert plan.writes == {}
    assert run(root, "import-xlsx", str(book)) == 1
    assert tree(root) == before


def test_hand_typed_sheet_becomes_records_that_pass_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet typed in WPS: a title row, 序号, its own column order, 文号 for 发文字号, dates as text."""
    root = make_project(tmp_path / "p")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "规范性文件目录"
    ws.append(["某市科学技术局规范性文件目录（2026年）"])
    ws.append(["序号", "文件 id", "标题", "文号", "索引号", "文件类别", "制发主体", "主题分类", "发布机构", "内容概述",
               "成文日期", "发布日期", "施行日期", "有效期至（YYYY-MM-DD）", "有效性", "合法性审核日期",
               "合法性审核机构", "合法性审核结果"])
    ws.append([1, "2026-kjj-gfxwj-001", "某市科技创新券管理办法", "某科〔2026〕5号", "11350100MB0000001X/2026-00001",
               "规范性文件", "本单位制发", "gfxwj", "某市科学技术局", "规范科技创新券的申领、使用和兑付。",
               "2026/11/2", "2026年11月9日", dt.datetime(2026, 12, 9), "2031-12-08", "有效", "2026-11-04",
               "某市科学技术局政策法规科", "通过"])
    ws = wb.create_sheet("权责清单")
    ws.append(["事项编码", "事项名称", "权力类型", "实施依据", "实施主体", "行使层级", "状态"])
    ws.append(["KJ-JC-001", "对科技计划项目实施情况的检查", "行政检查", "《中华人民共和国科学技术进步法》第十条",
               "某市科学技术局", "市、县", "有效"])
    ws = wb.create_sheet("执法依据")
    ws.append(["依据 id", "名称", "效力层级", "制定机关", "时效性", "状态核对日期"])
    ws.append(["xzqzf", "中华人民共和国行政强制法", "法律", "全国人民代表大会常务委员会", "现行有效", "2026-11-20"])
    book = tmp_path / "手工录入.xlsx"
    wb.save(book)
    assert run(root, "import-xlsx", str(book)) == 0
    out = capsys.readouterr().out
    assert "新增" in out
    assert [p.as_text() for p in check_project(root, TODAY).problems] == []
    cat, _ = load_project(root)
    assert cat.documents["2026-kjj-gfxwj-001"].expires == dt.date(2031, 12, 8)
    assert cat.powers["KJ-JC-001"].level == ["市", "县"]
    assert (root / "catalog/powers/jc.yml").read_text(encoding="utf-8").startswith("# yaml-language-server:")
    assert cat.laws["xzqzf"].status_checked == dt.date(2026, 11, 20)
    # …and the new records survive a round trip too.
    before = tree(root)
    assert plan_import(root, export(root, "again.xlsx")).writes == {}
    assert tree(root) == before


def test_new_row_missing_required_cells(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    book = edit(export(root), "权力清单", "KJ-CF-009", {"事项名称": "新的处罚", "权力类型": "行政处罚"})
    plan = plan_import(root, book)
    assert {(p.path, p.code) for p in plan.problems} == {
        ("清单.xlsx!权力清单!E3", "missing-field"),   # 实施依据
        ("清单.xlsx!权力清单!F3", "missing-field"),   # 实施主体
        ("清单.xlsx!权力清单!L3", "missing-field"),   # 状态
    }


def test_duplicate_rows_and_unknown_columns(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "执法依据"
    ws.append(["依据 id", "名称", "批注"])
    ws.append(["zlf", "中华人民共和国专利法"])
    ws.append(["zlf", "中华人民共和国专利法"])
    book = tmp_path / "dup.xlsx"
    wb.save(book)
    found = {(p.path, p.level.value, p.code) for p in plan_import(root, book).problems}
    assert found == {("dup.xlsx!执法依据!C1", "warning", "unknown-field"),
                     ("dup.xlsx!执法依据!A3", "error", "duplicate-id")}


def test_crlf_file_keeps_its_line_ends(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    laws = root / "catalog/legal_bases.yml"
    laws.write_bytes(laws.read_bytes().replace(b"\n", b"\r\n"))
    book = edit(export(root), "执法依据", "zlf", {"状态核对日期": "2026-11-25"})
    assert run(root, "import-xlsx", str(book)) == 0
    data = laws.read_bytes()
    assert b"status_checked: 2026-11-25\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_dry_run_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p")
    book = edit(export(root), "执法依据", "zlf", {"状态核对日期": "2026-11-25"})
    before = tree(root)
    assert run(root, "import-xlsx", str(book), "--dry-run") == 0
    assert "预览" in capsys.readouterr().out
    assert tree(root) == before


def _another(column: Any, value: Any, laws: list[str], ids: list[str], names: Any) -> Any:
    """A different valid value for a cell, of the column's kind, written as a person would: documents by
    文号, categories by name."""
    from generator.editing.xlsx.sheets import OWNER_LABELS

    kind = column.kind
    if kind == "date":
        base = value if isinstance(value, dt.datetime) else dt.datetime(2020, 1, 1)
        return base + dt.timedelta(days=1)
    if kind == "bool":
        return "否" if value == "是" else "是"
    if kind == "owner":
        return next(v for v in OWNER_LABELS.values() if v != value)
    if kind == "enum":
        return next(c for c in column.field.choices if c != value)
    if kind == "basis":
        return f"《{laws[0]}》第一条、第二条\n《{laws[1]}》第三条"
    if kind == "ids" or column.path == ("discretion",):
        labels = [names.document(i) for i in ids]
        return labels[0] if kind == "id" else f"{labels[0]}、{labels[1]}"
    if kind == "texts":
        return f"{value or '市'}、县"
    if kind == "id":
        return names.category("jgzn") if column.path == ("category",) else ids[0]
    return f"{value or ''}（改）"


def test_every_column_can_be_changed_and_reads_back(demo: Path) -> None:
    """Change every non-key cell of a few rows of each sheet; the catalogue then exports exactly those values."""
    from generator.editing.xlsx.sheets import SHEETS, Names, canon

    book = export(demo)
    cat, _ = load_project(demo)
    names = Names.of(cat)
    laws = [law.title for law in cat.all_laws[3:5]]  # laws whose own rows stay unchanged below
    ids = [d.id for d in cat.all_documents[:2]]
    wb = openpyxl.load_workbook(book)
    wanted: dict[tuple[str, str, str], str] = {}
    for sheet in SHEETS:
        ws = wb[sheet.name]
        for row in (2, 3, ws.max_row):
            key = ws.cell(row, 1).value
            for c, column in enumerate(sheet.columns[1:], 2):
                value = _another(column, ws.cell(row, c).value, laws, ids, names)
                ws.cell(row, c).value = value
                wanted[(sheet.name, key, column.header)] = canon(value)
    wb.save(book)
    assert run(demo, "import-xlsx", str(book)) == 0
    again = openpyxl.load_workbook(export(demo, "again.xlsx"))
    got = {}
    for sheet in SHEETS:
        ws = again[sheet.name]
        headers = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2, values_only=True):
            for header, value in zip(headers, row, strict=True):
                if (sheet.name, row[0], header) in wanted:
                    got[(sheet.name, row[0], header)] = canon(value)
    assert got == wanted
    before = tree(demo)
    assert plan_import(demo, demo.parent / "again.xlsx").writes == {}
    assert tree(demo) == before


def test_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path / "p")
    assert run(root, "import-xlsx", str(tmp_path / "nope.xlsx")) == 2
    (tmp_path / "notes.xlsx").write_text("这不是表格", encoding="utf-8")
    assert run(root, "import-xlsx", str(tmp_path / "notes.xlsx")) == 2
    assert "另存为 xlsx" in capsys.readouterr().err
    book = export(root)
    (root / "catalog/powers/cf.yml").write_text("- code: [\n", encoding="utf-8")
    before = tree(root)
    assert run(root, "import-xlsx", str(book)) == 1
    assert run(root, "export-xlsx", "--out", str(tmp_path / "x.xlsx")) == 1
    assert tree(root) == before


def test_a_renamed_sheet_is_recognised_by_its_columns_and_named_as_the_office_named_it(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    book = export(root)
    wb = openpyxl.load_workbook(book)
    wb["权力清单"].title = "我局2025年版"
    wb["规范性文件"].title = "Sheet1"
    wb.save(book)
    edit(book, "我局2025年版", "KJ-CF-001", {"实施依据": "《中华人民共和国专利发》第六十八条"})
    edit(book, "Sheet1", "2025-kjj-gfxwj-001", {"有效性": "现行有效"})
    found = {(p.path, p.line, p.column, p.code) for p in plan_import(root, book).problems}
    assert found == {("清单.xlsx!我局2025年版!E2", 2, 5, "unknown-reference"),
                     ("清单.xlsx!Sheet1!O2", 2, 15, "invalid-value")}


def test_a_formula_cell_is_reported_as_a_formula_and_nothing_is_written(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    book = export(root)
    wb = openpyxl.load_workbook(book)
    ws = wb["规范性文件"]
    ws["N2"] = "=DATE(2030,1,1)"   # a real formula cell, as Excel stores one (no cached value)
    wb.save(book)
    before = tree(root)
    plan = plan_import(root, book)
    [(path, line, column, code, message)] = [(p.path, p.line, p.column, p.code, p.message) for p in plan.problems]
    assert (path, line, column, code) == ("清单.xlsx!规范性文件!N2", 2, 14, "invalid-value")
    assert "公式" in message and "不能清空" not in message
    assert plan.writes == {} and tree(root) == before


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods_saved_by_an_office_suite_import_like_the_xlsx(tmp_path: Path, fmt: str) -> None:
    from tests.office import convert

    root = make_project(tmp_path / "p")
    book = edit(export(root), "规范性文件", "2025-kjj-gfxwj-001", {"有效期至": dt.date(2030, 2, 28)})
    other = convert(book, fmt, tmp_path / fmt)
    before = (root / "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md").read_text(encoding="utf-8")
    assert run(root, "import-xlsx", str(other)) == 0
    after = (root / "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md").read_text(encoding="utf-8")
    assert [line for line in changed_lines(before, after) if line.startswith("+")] == ["+expires: 2030-02-28"]
    assert errors(root) == []


def test_names_are_shown_and_read_and_ids_and_short_law_names_still_read(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    book = export(root)
    wb = openpyxl.load_workbook(book)
    headers = {c.value: c.column for c in wb["规范性文件"][1]}
    assert wb["规范性文件"].cell(2, headers["主题分类"]).value == "规范性文件"   # the name, not gfxwj
    validations = [dv for dv in wb["规范性文件"].data_validations.dataValidation if "其他文件" in str(dv.formula1)]
    assert validations, "主题分类 has a drop-down of category names"
    edit(book, "权力清单", "KJ-CF-001", {"实施依据": "《专利法》第六十五条"})
    doc = root / "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md"
    before = doc.read_text(encoding="utf-8")
    edit(book, "规范性文件", "2025-kjj-gfxwj-001", {"主题分类": "qtwj"})
    assert run(root, "import-xlsx", str(book)) == 0
    assert [line for line in changed_lines(before, doc.read_text(encoding="utf-8")) if line[0] == "+"] == \
        ["+category: qtwj"]
    assert "第六十五条" in (root / "catalog/powers/cf.yml").read_text(encoding="utf-8")
    assert errors(root) == []
