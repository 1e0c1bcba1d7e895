"""Reading tables, step one: a workbook's size, parts and sheet extents checked by a streaming scan
against `LIMITS` before any parser sees it."""


from __future__ import annotations

import re
import struct
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.problems import UsageError


@dataclass(frozen=True)
class Limits:
    """What a workbook may hold before it is parsed (docs/security.md says why these numbers)."""

    file_bytes: int = 50 * 2**20
    zip_entries: int = 1000
    inflated_total: int = 512 * 2**20
    inflated_part: int = 256 * 2**20      # one sheet, the shared strings, or an ODS content.xml
    rows: int = 100_000
    columns: int = 1000
    cells: int = 2_000_000                # rows × columns of a sheet's used area


LIMITS = Limits()
_MiB = 2**20


def _mb(n: int) -> str:
    return f"{n / _MiB:.0f} MB" if n >= _MiB else f"{n} 字节"


class _Over(Exception):
    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass
class SheetScan:
    """What the guard learnt of one sheet while checking it: extent, merged ranges, formula cells."""

    name: str
    rows: int = 0
    columns: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)   # 1-based, inclusive
    formulas: set[tuple[int, int]] = field(default_factory=set)             # (row, column), 1-based


@dataclass
class Scan:
    """The guard's verdict on a readable file: its format and its sheets as far as scanned."""

    kind: str                     # "xlsx" | "ods" | "xls"
    sheets: list[SheetScan]


_ZIP, _CFB = b"PK\x03\x04", bytes.fromhex("D0CF11E0A1B11AE1")
_CHUNK = 1 << 20


def guard(path: Path, label: str | None = None, limits: Limits = LIMITS) -> Scan:
    """Check a workbook against `limits` without parsing it; a UsageError (Chinese) when it is over one."""
    name = label or path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise UsageError(f"{name} 不是普通文件：请指定一个表格文件")
        if size > limits.file_bytes:
            raise UsageError(f"{name} 有 {_mb(size)}，超过了表格文件的上限 {_mb(limits.file_bytes)}："
                             "请确认选对了文件，或把表格拆成几个文件分别导入")
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError:
        raise UsageError(f"找不到文件 {path}") from None
    except (IsADirectoryError, PermissionError) as exc:
        raise UsageError(f"无法读取 {name}（{type(exc).__name__}）：请检查路径和权限") from None
    try:
        if head.startswith(_ZIP):
            return _guard_zip(path, limits)
        if head == _CFB:
            return _guard_cfb(path, limits)
    except _Over as over:
        raise UsageError(f"{name} {over.what}：这不像一份正常的清单（可能是损坏或恶意构造的文件），没有读取；"
                         "如确实需要，请把表格拆成几个文件") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, struct.error) as exc:
        raise UsageError(f"{name} 已损坏，无法读取（{type(exc).__name__}）："
                         "请用 Excel/WPS 打开后重新“另存为 xlsx”") from None
    hint = "；它看起来是网页（HTML）另存的表格" if head.lstrip()[:1] == b"<" else ""
    raise UsageError(f"{name} 不是 Excel/WPS/ODS 表格文件{hint}：请用 Excel/WPS 打开后“另存为 xlsx”")


def _guard_zip(path: Path, limits: Limits) -> Scan:
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > limits.zip_entries:
            raise _Over(f"包含 {len(infos)} 个压缩条目，超过上限 {limits.zip_entries}")
        names = {i.filename for i in infos}
        total = sum(i.file_size for i in infos)
        if total > limits.inflated_total:
            raise _Over(f"解压后有 {_mb(total)}，超过上限 {_mb(limits.inflated_total)}")
        for info in infos:
            if info.file_size > limits.inflated_part:
                raise _Over(f"中的 {info.filename} 解压后有 {_mb(info.file_size)}，超过单个部分的上限 "
                            f"{_mb(limits.inflated_part)}")
        if "xl/workbook.xml" in names:
            kind = "xlsx"
        elif "content.xml" in names:
            kind = "ods"
        else:
            raise ValueError("no workbook part")
        sheet_names = _xlsx_sheet_names(zf) if kind == "xlsx" else {}
        sheets: list[SheetScan] = []
        for info in infos:
            # Every part is inflated once here, through zipfile, which stops at the declared size and
            # checks the CRC: a part that lies about its size is a damaged file, never a bigger one.
            if kind == "xlsx" and info.filename in sheet_names:
                scan = SheetScan(sheet_names[info.filename])
                _scan_stream(_chunks(zf, info), _XlsxSheet(scan, limits))
                sheets.append(scan)
            elif kind == "ods" and info.filename == "content.xml":
                ods = _OdsContent(limits)
                _scan_stream(_chunks(zf, info), ods)
                sheets.extend(ods.sheets)
            elif info.filename.endswith((".xml", ".rels")):
                _scan_stream(_chunks(zf, info), _Scanner())   # shared strings and the rest: no DTD
            else:
                for _ in _chunks(zf, info):
                    pass
    return Scan(kind, sheets)


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with zf.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            yield chunk


class _Scanner:
    """Receives every start tag of one XML part (name without namespace prefix, attributes likewise)."""

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Nothing to learn from this part: it is parsed only to refuse a DTD."""

    def end(self, name: str) -> None:
        """An end tag (only the ODS scan needs them)."""


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1]


def _refuse_dtd(*_: Any) -> None:
    # No spreadsheet declares a DTD or entities; refusing them closes the entity-expansion attacks.
    raise _Over("声明了 XML 实体（DOCTYPE/ENTITY）")


def _scan_stream(chunks: Iterable[bytes], scanner: _Scanner) -> None:
    """Feed every start tag of a stream to `scanner` through expat: linear time, chunk by chunk."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_dtd
    parser.EntityDeclHandler = _refuse_dtd
    parser.StartElementHandler = lambda name, attrs: scanner.start(
        _local(name), {_local(k): v for k, v in attrs.items()})
    parser.EndElementHandler = lambda name: scanner.end(_local(name))
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except expat.ExpatError as exc:
        raise ValueError(f"XML: {exc}") from None


_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")


def _col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _ref(text: str) -> tuple[int, int] | None:
    m = _REF.match(text.strip())
    return (int(m[2]), _col_number(m[1])) if m else None


def _check_extent(scan: SheetScan, limits: Limits, rows: int, columns: int) -> None:
    scan.rows, scan.columns = max(scan.rows, rows), max(scan.columns, columns)
    if scan.rows > limits.rows:
        raise _Over(f"的工作表“{scan.name}”超过 {limits.rows} 行")
    if scan.columns > limits.columns:
        raise _Over(f"的工作表“{scan.name}”超过 {limits.columns} 列")
    if scan.rows * scan.columns > limits.cells:
        raise _Over(f"的工作表“{scan.name}”有 {scan.rows} 行 × {scan.columns} 列，超过 {limits.cells} 个单元格的上限")


class _XlsxSheet(_Scanner):
    """One xl/worksheets/*.xml: row and cell positions (given or implied), <dimension>, merges, <f>."""

    def __init__(self, scan: SheetScan, limits: Limits) -> None:
        self.scan, self.limits = scan, limits
        self.row = self.col = self.cells = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "c":
            self.cells += 1
            at = _ref(attrs.get("r", ""))
            self.row, self.col = at if at else (self.row, self.col + 1)
            _check_extent(self.scan, self.limits, self.row, self.col)
            if self.cells > self.limits.cells:
                raise _Over(f"的工作表“{self.scan.name}”超过 {self.limits.cells} 个单元格")
        elif name == "row":
            number = attrs.get("r", "")
            self.row = int(number) if number.isdigit() and len(number) < 9 else self.row + 1
            self.col = 0
            _check_extent(self.scan, self.limits, self.row, 0)
        elif name == "f":
            self.scan.formulas.add((self.row, self.col))
        elif name in ("dimension", "mergeCell"):
            found = [at for part in attrs.get("ref", "").split(":") if (at := _ref(part))]
            if found:
                _check_extent(self.scan, self.limits, max(r[0] for r in found), max(r[1] for r in found))
            if name == "mergeCell" and len(found) == 2:
                (r1, c1), (r2, c2) = found
                self.scan.merged.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))


def _count(attrs: dict[str, str], key: str) -> int:
    value = attrs.get(key, "1")
    return int(value) if value.isdigit() and len(value) < 9 else 1


class _OdsContent(_Scanner):
    """content.xml of an .ods: every table's used extent, counting repeated rows and cells; spans; formulas."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.sheets: list[SheetScan] = []
        self.row = self.col = self.repeat = 0
        self.open_cell: tuple[int, int] | None = None   # (first, last column) of a cell not yet counted

    def _count_cell(self, first: int, last: int) -> None:
        _check_extent(self.sheets[-1], self.limits, self.row + self.repeat, last)
        self.open_cell = None

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == "table":
            self.sheets.append(SheetScan(attrs.get("name", "")))
            self.row = self.col = self.repeat = 0
            return
        if not self.sheets:
            return
        if name == "table-row":
            self.row += self.repeat
            self.repeat = _count(attrs, "number-rows-repeated")
            self.col = 0
            self.open_cell = None
        elif name in ("table-cell", "covered-table-cell"):
            first = self.col + 1
            self.col += _count(attrs, "number-columns-repeated")
            # Empty cells repeated to the sheet's edge are how LibreOffice pads every row: not data.
            self.open_cell = (first, self.col)
            if "value-type" in attrs or "formula" in attrs:
                self._count_cell(first, self.col)
            if "formula" in attrs:
                self.sheets[-1].formulas.add((self.row + 1, first))
            down, across = _count(attrs, "number-rows-spanned"), _count(attrs, "number-columns-spanned")
            if (down, across) != (1, 1) and name == "table-cell":
                _check_extent(self.sheets[-1], self.limits, self.row + down, first + across - 1)
                self.sheets[-1].merged.append((self.row + 1, first, self.row + down, first + across - 1))
        elif self.open_cell is not None:   # text inside a cell: it holds something
            self._count_cell(*self.open_cell)

    def end(self, name: str) -> None:
        if name in ("table-cell", "covered-table-cell"):
            self.open_cell = None


_CELL_RECORDS = {0x00FD, 0x0204, 0x0203, 0x027E, 0x0201, 0x0205, 0x0006, 0x00D6}  # LABELSST … FORMULA, RSTRING
_MULTI_RECORDS = {0x00BD, 0x00BE}                                                  # MULRK, MULBLANK


def _guard_cfb(path: Path, limits: Limits) -> Scan:
    """An .xls/.et (BIFF8 in an OLE2 file): every cell record's row and column, before calamine sees it."""
    import olefile

    with olefile.OleFileIO(str(path)) as ole:
        if ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"):
            raise ValueError("encrypted")
        stream = next((s for s in ("Workbook", "Book") if ole.exists(s)), None)
        if stream is None:
            raise ValueError("no workbook stream")
        data = ole.openstream(stream).read()
    names: dict[int, str] = {}
    sheets: list[SheetScan] = []
    current: SheetScan | None = None
    pos = 0
    while pos + 4 <= len(data):
        kind, size = struct.unpack_from("<HH", data, pos)
        body = pos + 4
        if kind == 0x0085 and size >= 8:   # BOUNDSHEET: where a sheet's BOF is, and its name
            offset, = struct.unpack_from("<I", data, body)
            names[offset] = _biff_name(data[body + 6:body + size])
        elif kind == 0x0809 and size >= 4:   # BOF
            sub, = struct.unpack_from("<H", data, body + 2)
            current = SheetScan(names.get(pos, f"Sheet{len(sheets) + 1}")) if sub == 0x0010 else None
            if current is not None:
                sheets.append(current)
        elif current is not None and size >= 4:
            if kind in _CELL_RECORDS:
                row, col = struct.unpack_from("<HH", data, body)
                _check_extent(current, limits, row + 1, col + 1)
                if kind == 0x0006:
                    current.formulas.add((row + 1, col + 1))
            elif kind in _MULTI_RECORDS and size >= 6:
                row, = struct.unpack_from("<H", data, body)
                last, = struct.unpack_from("<H", data, body + size - 2)
                _check_extent(current, limits, row + 1, last + 1)
            elif kind == 0x0200 and size >= 12:   # DIMENSIONS: first row, last row + 1, first col, last col + 1
                _, last_row, _, last_col = struct.unpack_from("<IIHH", data, body)
                _check_extent(current, limits, last_row, last_col)
        pos = body + size
    return Scan("xls", sheets)


def _biff_name(raw: bytes) -> str:
    if len(raw) < 2:
        return ""
    n, flags = raw[0], raw[1]
    text = raw[2:2 + n * 2] if flags & 1 else raw[2:2 + n]
    return text.decode("utf-16-le" if flags & 1 else "latin-1", "replace")


class _Collect(_Scanner):
    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.found: list[dict[str, str]] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if name == self.tag:
            self.found.append(attrs)


def _xlsx_sheet_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name, from workbook.xml and its relationships."""
    rels = _Collect("Relationship")
    if "xl/_rels/workbook.xml.rels" in zf.namelist():
        _scan_stream(_chunks(zf, zf.getinfo("xl/_rels/workbook.xml.rels")), rels)
    targets = {a.get("Id", ""): a.get("Target", "") for a in rels.found}
    sheets = _Collect("sheet")
    _scan_stream(_chunks(zf, zf.getinfo("xl/workbook.xml")), sheets)
    out: dict[str, str] = {}
    for a in sheets.found:
        target = targets.get(a.get("id", ""), "").lstrip("/")
        out[target if target.startswith("xl/") else "xl/" + target] = a.get("name", "")
    for name in zf.namelist():   # a worksheet no relationship names is scanned all the same
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            out.setdefault(name, name.rsplit("/", 1)[-1][:-4])
    return out


