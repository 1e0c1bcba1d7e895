"""The audit as a workbook an auditor can use without explanation: one 概况 sheet and one sheet per list.

Made for reading and printing, not for editing the catalogue: dates are real date cells, every
document sheet carries 施行日期, 废止日期, 废止依据, 统一编号 and 合法性审核 beside the 文号, header rows
are frozen and filtered, and each sheet prints on A4 landscape, fitted to the page width, with its
header row repeated and page numbers in the footer. Where a record sits in the catalogue (file:line)
and how an editor fixes it stay in the JSON and the terminal output; the notes here keep the finding
and drop the instruction to the editor. Every cell is written through generator/spreadsheet/ (text is
never a formula) and the workbook's bytes are fixed by the audit date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from generator.audit.audit import COLUMNS, OWNER_LABELS, Audit, AuditList, AuditRow, left_out_note
from generator.format.status import REVIEW_RESULTS
from generator.spreadsheet.write import append, print_setup, text_width, workbook_bytes

# The columns a document row adds for an auditor, after the 文号 (lists of powers have none of them).
DOCUMENT_EXTRA = ("unified_no", "effective", "repealed", "repealed_by", "legality")
DATE_COLUMNS = frozenset({"published", "expires", "effective", "repealed"})
WIDEST = 24  # characters of the widest column (CJK counts double)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# An editor's instruction at the end of a finding ("：请把 decided 改为 true", "：请补写 …"): not an auditor's.
_FIX = re.compile(r"[：:；;]\s*(请|决定后|可在|删掉|改为).*$")


def columns_of(lst: AuditList) -> tuple[str, ...]:
    """A list's columns in the workbook: no 位置, and the auditor's document columns after the 文号."""
    cols = [c for c in lst.columns if c != "location"]
    if "doc_no" in cols and any(r.record != "权力事项" for r in lst.rows):
        at = cols.index("doc_no") + 1
        cols[at:at] = [c for c in DOCUMENT_EXTRA if c not in cols]
    return tuple(cols)


def cell_value(row: AuditRow, column: str) -> object:
    value = row.value(column)
    if column in DATE_COLUMNS and _ISO.match(value):
        return dt.date.fromisoformat(value)
    if column == "note":
        return _FIX.sub("", value)
    return value


def summary_rows(audit: Audit) -> list[tuple[str, str | int]]:
    """The 概况 sheet: every count of the audit as (项目, 数值)."""
    rows: list[tuple[str, str | int]] = [
        ("机构", audit.agency), ("截至", audit.as_of.isoformat()),
        *([("清理活动", audit.scope)] if audit.scope else []),
        ("清理情况（法治政府建设报告用语）", audit.documents_sentence),
        *([("未计入上句的文件", note)] if (note := left_out_note(audit.agency, audit.reviews)) else []),
        ("行政权力（法治政府建设报告用语）", audit.powers_sentence),
    ]
    label = {**OWNER_LABELS, "total": "合计"}
    rows += [(f"规章和规范性文件/{OWNER_LABELS[o]}/{label.get(s, s)}", n)
             for o, r in audit.by_owner.items() for s, n in r.items()]
    rows += [(f"规章和规范性文件/{k}/{label.get(s, s)}", n) for k, r in audit.by_kind.items() for s, n in r.items()]
    for o, t in audit.reviews.items():
        rows += [(f"清理结果/{OWNER_LABELS[o]}/{r}/已决定", t.decided[r]) for r in REVIEW_RESULTS]
        rows += [(f"清理结果/{OWNER_LABELS[o]}/{r}/建议", t.proposed[r]) for r in REVIEW_RESULTS]
        rows.append((f"清理结果/{OWNER_LABELS[o]}/未清理", t.unreviewed))
    rows += [(f"行政权力/{t}", n) for t, n in audit.powers_by_type.items()]
    rows.append(("行政权力/合计", audit.powers_total))
    rows += [(f"行政权力/状态/{s}", n) for s, n in audit.powers_by_status.items()]
    rows += [(f"清单/{lst.title}", len(lst.rows)) for lst in audit.lists]
    return rows


def sheet_name(lst: AuditList) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    return "".join(ch for ch in lst.title if ch not in "[]:*?/\\")[:31]


def _fill(ws: Any, headers: Sequence[str], rows: Sequence[Sequence[object]], title: str) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    append(ws, list(headers))
    for r in rows:
        append(ws, list(r))
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = ws.dimensions
    for i, h in enumerate(headers, start=1):
        letter = get_column_letter(i)
        texts = [str(h), *("0000-00-00" if isinstance(r[i - 1], dt.date) else str(r[i - 1]) for r in rows)]
        longest = max(text_width(t) for t in texts)
        # Narrow enough that a landscape page holds every column at a readable size: long text wraps.
        ws.column_dimensions[letter].width = min(max(longest + 2, 6), WIDEST)
        for cell in ws[letter]:
            if isinstance(cell.value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = Alignment(wrap_text=longest > WIDEST or cell.row == 1, vertical="top")
    print_setup(ws, title)


def render_xlsx(audit: Audit) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = audit.agency or "政府信息公开站点生成器"
    title = f"{audit.agency}规范性文件清理和权力清单审计（截至 {audit.as_of}）"
    wb.properties.title = title
    ws = wb.active
    ws.title = "概况"
    _fill(ws, ("项目", "数值"), summary_rows(audit), title)
    for lst in audit.lists:
        cols = columns_of(lst)
        _fill(wb.create_sheet(sheet_name(lst)), [COLUMNS[c] for c in cols],
              [[cell_value(r, c) for c in cols] for r in lst.rows], f"{title} · {lst.title}")
    return workbook_bytes(wb, dt.datetime.combine(audit.as_of, dt.time()))
