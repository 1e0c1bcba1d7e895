"""The annual report as office files (Word, Excel), the 目录 on a date, and the documents' status history.

The Word file is read back with python-docx: every label of the template is there, with the demo's
numbers; the same input gives the same bytes. The 目录 of each demo year lists exactly what 表二
counts as 现行有效件数.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

from generator.audit.annual import annual_report
from generator.audit.annual_docx import render_docx
from generator.audit.annual_office import prose_warnings, render_xlsx
from generator.audit.annual_prose import SECTIONS, block_parts, report_prose, split_sections
from generator.audit.annual_tables import APPEAL_LABELS, COLUMN_LABELS, TABLE3_CHECK, TABLE3_ROWS
from generator.audit.directory import directory_years, history, in_force, repealed
from generator.cli import main
from generator.format.model import Catalog
from generator.load import load_project

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo() -> Catalog:
    cat, _ = load_project(ROOT)
    return cat


@pytest.fixture(scope="module")
def docx_2025(demo: Catalog) -> bytes:
    return render_docx(annual_report(demo, 2025), report_prose(demo, 2025))


def _document(data: bytes) -> Any:
    from docx import Document

    return Document(io.BytesIO(data))


def _cells(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_word_report_has_every_label_of_the_template(docx_2025: bytes) -> None:
    doc = _document(docx_2025)
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "某市科学技术局2025年政府信息公开工作年度报告"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == list(SECTIONS)
    text = {c for t in doc.tables for row in _cells(t) for c in row}
    labels = {label for _, path in TABLE3_ROWS for label in path}
    labels |= {TABLE3_CHECK, "申请人情况", "法人或其他组织", *COLUMN_LABELS.values()}
    labels |= {"第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "信息内容",
               "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）",
               "规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"}
    labels |= {"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", *APPEAL_LABELS.values()}
    assert labels - text == set()
    assert "一、总体情况" in paragraphs and any("依申请公开" in p for p in paragraphs)  # the prose of section 一
    assert any(p.startswith("（三）本年度本局落实") for p in paragraphs)  # and of section 六


def test_word_report_has_the_demo_numbers(demo: Catalog, docx_2025: bytes) -> None:
    t2, t3, t4 = _document(docx_2025).tables
    rows2 = {r[0]: r[1:] for r in _cells(t2)}
    report = annual_report(demo, 2025)
    normative = report.row("规范性文件")
    assert rows2["行政规范性文件"] == [str(len(normative.issued)), str(len(normative.repealed)),
                                 str(len(normative.in_force))] == ["4", "0", "12"]
    assert rows2["行政处罚"] == ["0", "0", "0"]  # one number merged over three columns
    rows3 = {r[2]: r[3:] for r in _cells(t3)}
    assert rows3["一、本年新收政府信息公开申请数量"] == ["6", "2", "1", "0", "0", "0", "9"]
    assert rows3["4.保护第三方合法权益"] == ["0", "1", "0", "0", "0", "0", "1"]
    assert rows3["（七）总计"] == ["5", "2", "1", "0", "0", "0", "8"]
    assert rows3["四、结转下年度继续办理"] == ["1", "0", "0", "0", "0", "0", "1"]
    assert _cells(t4)[-1] == ["0"] * 15


def test_word_report_layout(docx_2025: bytes) -> None:
    doc = _document(docx_2025)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    xml = zipfile.ZipFile(io.BytesIO(docx_2025)).read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="仿宋"' in xml and 'w:eastAsia="黑体"' in xml
    body = zipfile.ZipFile(io.BytesIO(docx_2025)).read("word/document.xml").decode("utf-8")
    assert "<w:gridSpan " in body and '<w:vMerge w:val="restart"/>' in body and "<w:tblHeader" in body
    props = doc.core_properties
    assert props.author == "某市科学技术局"
    assert props.created.date() == props.modified.date() == dt.date(2026, 1, 1)


def test_same_report_same_bytes(tmp_path: Path, docx_2025: bytes, demo: Catalog) -> None:
    assert render_docx(annual_report(demo, 2025), report_prose(demo, 2025)) == docx_2025
    for info in zipfile.ZipFile(io.BytesIO(docx_2025)).infolist():
        assert info.date_time == (2026, 1, 1, 0, 0, 0)
    for fmt in ("docx", "xlsx"):
        outs = [tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"]
        for out in outs:
            assert main(["report", "annual", "--project", str(ROOT), "--year", "2025", "--today", "2026-11-26",
                         "--format", fmt, "--out", str(out)]) == 0
        assert outs[0].read_bytes() == outs[1].read_bytes()


def test_excel_tables_keep_numbers_as_numbers(demo: Catalog) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(render_xlsx(annual_report(demo, 2025))))
    assert wb.sheetnames == ["表二", "表三", "表四"]
    t3 = wb["表三"]
    row = next(r for r in t3.iter_rows(values_only=True) if r[0] == "一、本年新收政府信息公开申请数量")
    assert list(row[3:]) == [6, 2, 1, 0, 0, 0, 9] and all(isinstance(v, int) for v in row[3:])
    assert "A2:C4" in {str(m) for m in t3.merged_cells.ranges}  # the check text over three label columns
    t2 = wb["表二"]
    assert any(r[:4] == ("行政规范性文件", 4, 0, 12) for r in t2.iter_rows(values_only=True))


def test_excel_tables_print_every_column_across_the_page(demo: Catalog) -> None:
    """Printed as an office prints a table: landscape A4, all columns on one page width (表三's 14 too),
    the heading rows on every page."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(render_xlsx(annual_report(demo, 2025))))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        first, last = ws.print_title_rows.replace("$", "").split(":")
        assert int(first) == 2 and ws.freeze_panes == f"A{int(last) + 1}"


def test_prose_sections_and_blocks() -> None:
    text = "前言。\n\n## 一、总体情况\n\n甲。\n\n### 小节\n\n乙。\n\n# 五、存在的主要问题及改进情况\n\n丙。\n"
    preamble, sections = split_sections(text)
    assert preamble == "前言。" and sections[0] == "甲。\n\n### 小节\n\n乙。" and sections[4] == "丙。"
    assert sections[1] is None
    blocks = block_parts("**一是**见[办法](doc:x)。\n\n<!-- 表三 -->\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- 条目\n")
    assert [(b.kind, b.text) for b in blocks] == [("paragraph", "**一是**见办法。"), ("mark", "表三"),
                                                  ("table", ""), ("item", "条目")]
    assert blocks[2].rows == (("a", "b"), ("1", "2"))


def test_missing_prose_is_a_warning_and_the_report_still_complete(tmp_path: Path) -> None:
    from tests.audit_fixture import make_fixture

    root = make_fixture(tmp_path, {"content/annual-reports/2025.md": "# 报告\n\n## 一、总体情况\n\n好。\n"})
    cat, _ = load_project(root)
    prose = report_prose(cat, 2025)
    warnings = prose_warnings(prose, 2025)
    assert len(warnings) == 2 and "五、存在的主要问题及改进情况" in warnings[0]
    doc = _document(render_docx(annual_report(cat, 2025), prose))
    assert len(doc.tables) == 3 and [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == list(SECTIONS)


# --- 目录 on a date -----------------------------------------------------------------------------------


def test_each_years_directory_counts_equal_table2(demo: Catalog) -> None:
    years = directory_years(demo, TODAY)
    assert years == list(range(2017, 2026))
    for year in years:
        d = in_force(demo, dt.date(year, 12, 31), year)
        report = annual_report(demo, year)
        for kind in ("规章", "规范性文件"):
            assert d.counted(kind) == len(report.row(kind).in_force), (year, kind)
            ids = [x.doc.id for g in d.groups if g.counted and g.title == report.row(kind).label for x in g.rows]
            assert sorted(ids) == sorted(e.id for e in report.row(kind).in_force)


def test_repealed_directory_names_date_and_instrument(demo: Catalog) -> None:
    d = repealed(demo, TODAY)
    rows = {x.doc.id: x for g in d.groups for x in g.rows}
    assert rows["2017-kjj-gfxwj-001"].ended == dt.date(2021, 1, 1) and rows["2017-kjj-gfxwj-001"].by
    assert all(x.status in ("废止", "失效") for x in rows.values())


def test_status_history(demo: Catalog) -> None:
    assert history(demo, demo.documents["2017-kjj-gfxwj-001"]) == [
        (dt.date(2017, 7, 1), "起施行"), (dt.date(2021, 1, 1), "废止")]
    valid = next(d for d in demo.documents.values() if d.normative and d.status == "有效" and d.expires)
    assert history(demo, valid)[-1] == (valid.expires, "有效期至")
    other = next(d for d in demo.documents.values() if not d.normative)
    assert history(demo, other) == []


def test_characters_xml_cannot_hold_are_dropped_from_the_word_file(tmp_path: Path) -> None:
    from tests.audit_fixture import make_fixture

    root = make_fixture(tmp_path, {"content/annual-reports/2025.md": "# 报告\n\n## 一、总体情况\n\n好\x0b。\n"})
    cat, _ = load_project(root)
    doc = _document(render_docx(annual_report(cat, 2025), report_prose(cat, 2025)))
    assert "好。" in [p.text for p in doc.paragraphs]
