"""Workbooks built to exhaust memory or time: refused before they are parsed, with a Chinese reason, exit 2.

The zips are built here with zipfile (a tiny file that inflates to a million rows, a sheet that
claims the whole grid, a part that lies about its size …). `import-xlsx` runs in a child process
that reports its peak memory, under a wall-clock bound of a few seconds.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

import openpyxl
import pytest

from generator.problems import UsageError
from generator.spreadsheet.guard import LIMITS, guard
from generator.spreadsheet.read import open_tables
from tests.hostile.project import PEAK_CHILD
from tests.minimal import make_project
from tests.office import convert

REPO = Path(__file__).resolve().parents[2]
SHEET = "xl/worksheets/sheet1.xml"
HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def base_workbook() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.title = "权力清单"
    wb.active["A1"] = "权力编码"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def with_parts(path: Path, parts: dict[str, Iterable[bytes]], extra: int = 0) -> Path:
    """A real openpyxl workbook with some parts replaced or added (streamed in) and `extra` empty entries."""
    with zipfile.ZipFile(io.BytesIO(base_workbook())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename not in parts:
                dst.writestr(info.filename, src.read(info.filename))
        for name, chunks in parts.items():
            with dst.open(name, "w", force_zip64=True) as fh:
                for chunk in chunks:
                    fh.write(chunk)
        for i in range(extra):
            dst.writestr(f"xl/media/pad{i}.bin", b"")
    return path


def million_rows() -> Iterable[bytes]:
    yield HEAD + b"<sheetData>"
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 1000
    for _ in range(1000):
        yield row
    yield b"</sheetData></worksheet>"


def run_import(root: Path, book: Path) -> tuple[int, str, float, float]:
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", PEAK_CHILD, "import-xlsx", str(book), "--project", str(root)],
                          cwd=REPO, capture_output=True, timeout=120)
    seconds = time.monotonic() - start
    err = proc.stderr.decode("utf-8")
    rss = next(int(x.split("=")[1]) for x in err.splitlines() if x.startswith("MAXRSS_KB="))
    return proc.returncode, err, seconds, rss / 1024


def assert_refused(root: Path, book: Path, says: str) -> None:
    code, err, seconds, mb = run_import(root, book)
    assert code == 2, err
    assert "Traceback" not in err and "内部错误" not in err, err
    assert book.name in err and says in err, err
    assert seconds < 8, f"{seconds:.1f} s"
    assert mb < 300, f"{mb:.0f} MB"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p")


def test_million_row_zip_bomb(root: Path, tmp_path: Path) -> None:
    book = with_parts(tmp_path / "炸弹.xlsx", {SHEET: million_rows()})
    assert book.stat().st_size < 400_000   # the attack: a small attachment
    assert_refused(root, book, f"超过 {LIMITS.rows} 行")


def test_sheet_claiming_the_whole_grid(root: Path, tmp_path: Path) -> None:
    # openpyxl's read-only reader trusts <dimension>: 16,384 columns × 1,048,576 empty cells a row.
    xml = HEAD + b'<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr">' \
        b"<is><t>code</t></is></c></row></sheetData></worksheet>"
    assert_refused(root, with_parts(tmp_path / "维度.xlsx", {SHEET: [xml]}), "超过")


def test_one_cell_in_the_far_corner(root: Path, tmp_path: Path) -> None:
    xml = HEAD + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>' \
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>z</t></is></c></row></sheetData></worksheet>'
    assert_refused(root, with_parts(tmp_path / "角落.xlsx", {SHEET: [xml]}), "超过")


def test_wide_rows_of_implied_cells(root: Path, tmp_path: Path) -> None:
    # No r= attributes anywhere: positions are implied by order, and still counted.
    rows = b"<row>" + b"<c/>" * 5000 + b"</row>"
    xml = [HEAD + b"<sheetData>", rows, b"</sheetData></worksheet>"]
    assert_refused(root, with_parts(tmp_path / "宽.xlsx", {SHEET: xml}), f"超过 {LIMITS.columns} 列")


def test_part_inflating_past_the_limit(root: Path, tmp_path: Path) -> None:
    blank = b" " * (1 << 20)
    over = LIMITS.inflated_part // len(blank) + 2
    parts = {"xl/sharedStrings.xml": [b'<?xml version="1.0"?>', *([blank] * over), b"<sst/>"]}
    assert_refused(root, with_parts(tmp_path / "膨胀.xlsx", parts), "解压后")


def test_too_many_entries(root: Path, tmp_path: Path) -> None:
    assert_refused(root, with_parts(tmp_path / "条目.xlsx", {}, extra=LIMITS.zip_entries + 10), "压缩条目")


def test_part_lying_about_its_size(root: Path, tmp_path: Path) -> None:
    """The directory says 1 KB, the data inflates to 20 MB: zipfile stops at 1 KB, the CRC gives it away."""
    book = with_parts(tmp_path / "说谎.xlsx", {SHEET: [HEAD + b"<sheetData>", b" " * (20 << 20),
                                                      b"</sheetData></worksheet>"]})
    data = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as zf:
        info = zf.getinfo(SHEET)
    central = name_len = 0
    pos = 0
    while (pos := data.find(b"PK\x01\x02", pos)) != -1:   # the central directory entry of the sheet
        name_len, = struct.unpack_from("<H", data, pos + 28)
        if bytes(data[pos + 46:pos + 46 + name_len]) == SHEET.encode():
            central = pos
            break
        pos += 4
    extra_len, = struct.unpack_from("<H", data, central + 30)
    if info.file_size >= 0xFFFFFFFF or extra_len:   # zip64: the true size lives in the extra field
        struct.pack_into("<Q", data, central + 46 + name_len + 4, 1024)
    struct.pack_into("<I", data, central + 24, 1024)
    book.write_bytes(bytes(data))
    assert_refused(root, book, "损坏")


def test_entity_expansion_in_shared_strings(root: Path, tmp_path: Path) -> None:
    lol = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "lollollollol">'
           + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10) for i in range(9))
           + b']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&j;</t></si></sst>')
    assert_refused(root, with_parts(tmp_path / "笑声.xlsx", {"xl/sharedStrings.xml": [lol]}), "XML 实体")


def test_not_a_zip_named_xlsx(root: Path, tmp_path: Path) -> None:
    book = tmp_path / "说明.xlsx"
    book.write_text("这是一段文字，不是表格", encoding="utf-8")
    assert_refused(root, book, "不是 Excel/WPS/ODS 表格文件")


def test_web_page_saved_as_xls(tmp_path: Path) -> None:
    page = tmp_path / "目录.xls"
    page.write_text("<html><body><table><tr><td>权力编码</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(UsageError, match="网页"):
        open_tables(page)


def test_truncated_workbook(root: Path, tmp_path: Path) -> None:
    book = tmp_path / "半个.xlsx"
    book.write_bytes(base_workbook()[:3000])
    assert_refused(root, book, "损坏")


def test_ods_value_repeated_a_million_rows(tmp_path: Path) -> None:
    content = (b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
               b'<table:table table:name="list"><table:table-row table:number-rows-repeated="1000000">'
               b'<table:table-cell office:value-type="string" table:number-columns-repeated="50"><text:p>x</text:p>'
               b"</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
               b"</office:document-content>")
    book = tmp_path / "重复.ods"
    with zipfile.ZipFile(book, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content)
    start = time.monotonic()
    with pytest.raises(UsageError, match=f"重复.ods 的工作表“list”超过 {LIMITS.rows} 行"):
        open_tables(book)
    assert time.monotonic() - start < 2


def test_xls_with_a_cell_in_the_far_corner(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["IV65536"] = "a", "z"   # the last cell an .xls can hold
    wb.save(tmp_path / "角落.xlsx")
    book = convert(tmp_path / "角落.xlsx", "xls", tmp_path)
    assert book.stat().st_size < 20_000   # calamine alone would take 1 GB for it
    with pytest.raises(UsageError, match="65536 行 × 256 列"):
        open_tables(book)
    shutil.copy(book, tmp_path / "角落.et")   # WPS's .et is the same container
    with pytest.raises(UsageError, match="角落.et"):
        open_tables(tmp_path / "角落.et")


def test_exported_workbook_passes_the_guard_quickly(tmp_path: Path) -> None:
    from generator.cli import main

    root = make_project(tmp_path / "p")
    out = tmp_path / "清单.xlsx"
    assert main(["export-xlsx", "--project", str(root), "--today", "2026-11-26", "--out", str(out)]) == 0
    start = time.monotonic()
    scan = guard(out)
    assert time.monotonic() - start < 1
    assert [s.name for s in scan.sheets] == ["规范性文件", "权力清单", "执法依据", "填写说明"]
    assert [s.name for s in open_tables(out)] == ["规范性文件", "权力清单", "执法依据", "填写说明"]
