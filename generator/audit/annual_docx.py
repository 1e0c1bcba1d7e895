"""`report annual --format docx`: the year's report as a Word document an office can send as it is.

Laid out like the published reports and GB/T 9704: A4, margins 37/35/28/26 mm; the title centred in
宋体 bold 二号; the six section headings in 黑体 三号; body 仿宋 三号, fixed 28 pt lines, the first line
indented two characters; the tables (grids of annual_grid.py, with the template's merged header cells)
in 仿宋 小五/五号, their header rows repeated on every page. Fonts are named, not embedded: Word and WPS
use them where installed (they are on every Chinese Windows) and a similar face elsewhere.

Same report, same bytes: python-docx writes the document, the core properties (author, title,
created, modified) are fixed to the agency, the title and 1 January of the year after the report's,
and the zip is rewritten with fixed times (spreadsheet/write.py's `reproducible_zip`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from generator.audit.annual import AnnualReport
from generator.audit.annual_grid import Grid, grids, placed
from generator.audit.annual_prose import SECTIONS, TABLES, Block, Prose, block_parts
from generator.spreadsheet.write import reproducible_zip

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体"
TITLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
LINE_PT = 28
_BOLD = re.compile(r"\*\*(.+?)\*\*")
# Characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF): lxml refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text a Word document can hold: characters XML cannot carry are dropped."""
    return _NOT_XML.sub("", text)


def moment(year: int) -> dt.datetime:
    """The date the document carries: 1 January after the report year (reports are due by 31 January)."""
    return dt.datetime(year + 1, 1, 1)


def _fonts(element: Any, east_asia: str) -> None:
    """Name the Chinese and the Latin face of a style or run; drop the theme fonts that would override them."""
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asia)


def _style(doc: Any, name: str, east_asia: str, size: int, bold: bool = False) -> Any:
    from docx.shared import Pt, RGBColor

    style = doc.styles[name]
    _fonts(style.element, east_asia)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    return style


def _setup(doc: Any) -> None:
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = _style(doc, "Normal", BODY_FONT, BODY_PT)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(LINE_PT)
    _style(doc, "Title", TITLE_FONT, TITLE_PT, bold=False)
    _style(doc, "Heading 1", HEADING_FONT, BODY_PT)
    _style(doc, "Heading 2", SUBHEADING_FONT, BODY_PT)
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].paragraph_format.keep_with_next = True
    # The template's Title has a rule under it: a report title has none.
    title = doc.styles["Title"].element.get_or_add_pPr()
    for border in title.findall(qn("w:pBdr")):
        title.remove(border)


def _runs(paragraph: Any, text: str) -> None:
    """Text with **bold** spans as runs."""
    for i, part in enumerate(_BOLD.split(xml_text(text))):
        if part:
            paragraph.add_run(part).bold = bool(i % 2) or None


def _body(doc: Any, text: str, indent: bool = True) -> None:
    from docx.shared import Pt

    p = doc.add_paragraph()
    if indent:
        p.paragraph_format.first_line_indent = Pt(BODY_PT * 2)
    _runs(p, text)


def _title(doc: Any, title: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph(style="Title")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.line_spacing = Pt(36)
    p.paragraph_format.space_after = Pt(LINE_PT)
    run = p.add_run(xml_text(title))
    run.bold = True


def _cell_text(cell: Any, text: str, size: float, bold: bool, center: bool) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    p = cell.paragraphs[0]
    fmt = p.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.space_before = fmt.space_after = Pt(1.5)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    run = p.add_run(xml_text(text))
    run.font.size = Pt(size)
    run.bold = bold or None


def _repeat_header(row: Any) -> None:
    """Mark a table row as a header row (Word repeats it on each page) that never splits across pages."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def add_grid(doc: Any, grid: Grid) -> None:
    """A table of the template, its merged cells merged, sized to the text width."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm

    table = doc.add_table(rows=len(grid.rows), cols=grid.columns)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    text_width = 210 - 28 - 26
    widths = [Mm(text_width * w / sum(grid.widths)) for w in grid.widths]
    for i, column in enumerate(table.columns):
        column.width = widths[i]
    for row in table.rows:
        for i, cell in enumerate(row.cells):
            cell.width = widths[i]
    size = 9 if grid.columns > 6 else 10.5
    for r, c, cell in placed(grid):
        target = table.cell(r, c)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        label = cell.header and cell.scope in ("row", "rowgroup")
        _cell_text(target, cell.text, size, cell.header and not label, not label or cell.rowspan > 1)
    for row in table.rows[:grid.head]:
        _repeat_header(row)
    doc.add_paragraph()  # a line between a table and what follows, as in the published reports


def _prose_table(doc: Any, block: Block) -> None:
    """A table the office typed into the prose, kept as a plain grid."""
    width = max(len(r) for r in block.rows)
    table = doc.add_table(rows=len(block.rows), cols=width)
    table.style = doc.styles["Table Grid"]
    for r, cells in enumerate(block.rows):
        for c, text in enumerate(cells):
            _cell_text(table.cell(r, c), text, 10.5, r == 0, True)


def _section(doc: Any, body: str | None, table: Grid | None, marked: set[str], tables: dict[str, Grid]) -> None:
    for block in block_parts(body or ""):
        if block.kind == "mark":
            if block.text in tables:
                add_grid(doc, tables[block.text])
        elif block.kind == "heading":
            doc.add_paragraph(xml_text(block.text), style="Heading 2")
        elif block.kind == "table":
            _prose_table(doc, block)
        else:
            _body(doc, block.text)
    if table is not None and table.title.split(" ")[0] not in marked:
        add_grid(doc, table)


def render_docx(report: AnnualReport, prose: Prose) -> bytes:
    """The whole report — title, preamble, the six sections with 表二/表三/表四 — as .docx bytes."""
    from docx import Document

    doc = Document()
    _setup(doc)
    t2, t3, t4 = grids(report)
    tables = {"表二": t2, "表三": t3, "表四": t4}
    marked = {b.text for body in (prose.preamble, *prose.sections) for b in block_parts(body or "")
              if b.kind == "mark"}
    _title(doc, prose.title)
    for block in block_parts(prose.preamble):
        _body(doc, block.text) if block.kind != "table" else _prose_table(doc, block)
    for i, heading in enumerate(SECTIONS):
        doc.add_paragraph(heading, style="Heading 1")
        _section(doc, prose.sections[i], tables.get(TABLES.get(i, "")), marked, tables)

    when = moment(report.year)
    props = doc.core_properties
    props.author = props.last_modified_by = xml_text(report.agency)
    props.title = xml_text(prose.title)
    props.subject = "政府信息公开工作年度报告"
    props.keywords = props.comments = props.category = ""
    props.revision = 1
    props.created = props.modified = props.last_printed = when
    raw = io.BytesIO()
    doc.save(raw)
    return reproducible_zip(raw.getvalue(), when)
