"""The audit in every output form: Markdown (template), terminal table, CSV, XLSX and JSON.

Every form shows the same rows in the same order; only the layout differs.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from generator.audit.annual import AnnualReport
from generator.audit.annual import as_json as annual_json
from generator.audit.annual_grid import num
from generator.audit.annual_tables import APPEAL_KEYS, APPEAL_LABELS, COLUMN_KEYS, COLUMN_LABELS, TABLE3_CHECK
from generator.audit.audit import COLUMNS, OWNER_LABELS, Audit, AuditRow, as_json, left_out_note
from generator.audit.workbook import render_xlsx
from generator.format.status import DOC_STATUSES, REVIEW_RESULTS
from generator.spreadsheet.write import csv_text, text_width
from generator.templating import report_environment

FORMATS = ("table", "md", "csv", "xlsx", "json")


def md_cell(text: object) -> str:
    """A value safe inside a Markdown table cell: pipes escaped, line breaks flattened."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").strip()


def render_markdown(audit: Audit) -> str:
    def cell(row: AuditRow, column: str) -> str:
        text = md_cell(row.value(column))
        return f"`{text}`" if column == "location" else text or "—"

    def cells(row: AuditRow, columns: Sequence[str]) -> list[str]:
        return [cell(row, c) for c in columns]

    return report_environment().get_template("report_audit.md.j2").render(
        audit=audit, results=REVIEW_RESULTS, owner_labels=OWNER_LABELS, cells=cells,
    )


def render_json(audit: Audit) -> str:
    return json.dumps(as_json(audit), ensure_ascii=False, indent=2) + "\n"


# --- terminal table --------------------------------------------------------------------------------


def text_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    cells = [[str(c) for c in headers], *[[str(c) for c in r] for r in rows]]
    widths = [max(text_width(r[i]) for r in cells) for i in range(len(headers))]

    def line(r: list[str]) -> str:
        parts = []
        for i, c in enumerate(r):
            pad = " " * (widths[i] - text_width(c))
            parts.append(pad + c if c.isdigit() else c + pad)  # numbers right-aligned
        return "  ".join(parts).rstrip()

    return [line(cells[0]), "  ".join("-" * w for w in widths), *(line(r) for r in cells[1:])]


def render_table(audit: Audit) -> str:
    lines = [f"{audit.agency} 规范性文件清理和权力清单审计（截至 {audit.as_of}）", ""]
    if audit.scope:
        lines += [f"{audit.scope}。", ""]
    note = left_out_note(audit.agency, audit.reviews)
    lines += [f"{audit.documents_sentence}。", *([f"（{note}）"] if note else []), f"{audit.powers_sentence}。", ""]
    keys = (*DOC_STATUSES, "total")
    headers = (*DOC_STATUSES, "合计")
    lines += ["规章和规范性文件：按制发主体和状态（状态按日期推算）"]
    lines += text_table(("制发主体", *headers),
                        [(OWNER_LABELS[o], *(r[k] for k in keys)) for o, r in audit.by_owner.items()])
    lines += ["", "规章和规范性文件：按类别和状态"]
    lines += text_table(("类别", *headers), [(k, *(r[s] for s in keys)) for k, r in audit.by_kind.items()])
    lines += ["", "规范性文件本次清理结果" if audit.campaign else "规范性文件最近一次清理结果"]
    lines += text_table(("制发主体", "清理结果", "已决定", "建议（待决定）"), [
        (OWNER_LABELS[o], r, t.decided[r], t.proposed[r]) for o, t in audit.reviews.items() for r in REVIEW_RESULTS
    ] + [(OWNER_LABELS[o], "未清理", t.unreviewed, "") for o, t in audit.reviews.items()])
    lines += ["", "行政权力（有效事项）"]
    lines += text_table(("权力类型", "事项数"), [*audit.powers_by_type.items(), ("合计", audit.powers_total)])
    for lst in audit.lists:
        lines += ["", f"{lst.title}（{len(lst.rows)}）" + (f"  [{lst.code}]" if lst.code else "")]
        if lst.rows:
            lines += text_table(lst.headers, [[r.value(c) for c in lst.columns] for r in lst.rows])
        else:
            lines.append("无")
    return "\n".join(lines) + "\n"


# --- CSV -------------------------------------------------------------------------------------------


def render_csv(audit: Audit) -> str:
    """Every list in one table: a 清单 column, then every column any list has (blank where not used)."""
    rows = ([lst.title, audit.as_of.isoformat(), *(row.value(c) for c in COLUMNS)]
            for lst in audit.lists for row in lst.rows)
    return csv_text(["清单", "截至", *COLUMNS.values()], rows)


# --- XLSX ------------------------------------------------------------------------------------------


def render(audit: Audit, fmt: str) -> str | bytes:
    """The audit in `fmt` (one of FORMATS): bytes for xlsx, text otherwise."""
    renderers: dict[str, Callable[[Audit], str | bytes]] = {
        "table": render_table, "md": render_markdown, "csv": render_csv, "xlsx": render_xlsx, "json": render_json,
    }
    return renderers[fmt](audit)


# --- the annual report (表二 / 表三) ----------------------------------------------------------------


def table3_lines(report: AnnualReport) -> list[tuple[str, list[str]]]:
    """表三 as Markdown rows: a group label (三、本年度办理结果, （三）不予公开 …) on a row of its own, indented."""
    out: list[tuple[str, list[str]]] = []
    shown: tuple[str, ...] = ()
    for row in report.table3:
        for depth, label in enumerate(row.labels[:-1]):
            if shown[:depth + 1] != row.labels[:depth + 1]:
                out.append(("　" * depth + label, [""] * len(COLUMN_KEYS)))
        shown = row.labels[:-1]
        out.append(("　" * (len(row.labels) - 1) + row.label, [num(row.values[c]) for c in COLUMN_KEYS]))
    return out


def _annual_context(report: AnnualReport) -> dict[str, Any]:
    return {
        "report": report, "num": num, "check": TABLE3_CHECK,
        "column_labels": [COLUMN_LABELS[c] for c in COLUMN_KEYS],
        "appeal_labels": [APPEAL_LABELS[c] for c in APPEAL_KEYS],
        "rows3": table3_lines(report),
        "cells4": lambda row: [num(row.values[c]) for c in APPEAL_KEYS],
    }


def render_table2(report: AnnualReport) -> str:
    """表二 alone, as a Markdown table (the site's annual-report page embeds it)."""
    return report_environment().get_template("report_table2.md.j2").render(**_annual_context(report))


def render_table3(report: AnnualReport) -> str:
    """表三, every row of the template, as a Markdown table (“—” where the annual file gives no number)."""
    return report_environment().get_template("report_table3.md.j2").render(**_annual_context(report))


def render_table4(report: AnnualReport) -> str:
    return report_environment().get_template("report_table4.md.j2").render(**_annual_context(report))


def render_annual(report: AnnualReport, fmt: str) -> str:
    """`report annual` data as md (the three tables, warnings, the documents behind each count) or json."""
    if fmt == "json":
        return json.dumps(annual_json(report), ensure_ascii=False, indent=2) + "\n"
    return report_environment().get_template("report_annual.md.j2").render(**_annual_context(report))
