"""A catalogue's 权责清单 written the way a province publishes it, for import-list to read back.

Not the export-xlsx layout: a merged title row, headers named 职权名称/职权类型/责任科室…, a group row
"一、行政处罚（45项）" before each type with 序号 restarting under it, equal neighbouring values merged
down (设定依据, 实施主体, 责任科室, 行使层级, 责任事项, 追责), short types (处罚, 其他权力), 设定依据 as
free text with short names (《专利法》, 《专利法实施细则》) and 责任事项 as numbered lines.

    python -m tests.tools.published_list OUT.xlsx [--project DIR]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment

from generator.format.fields import POWER_TYPES
from generator.format.model import Catalog, Power
from generator.load import load_project

HEADERS = ("序号", "权力编码", "职权名称", "职权类型", "设定依据", "实施主体", "责任科室", "行使层级",
           "责任事项", "追责情形及依据", "备注")
SHORT_TYPES = {"行政处罚": "处罚", "其他行政权力": "其他权力", "行政强制": "行政强制", "行政确认": "确认"}
GROUP_NUMBERS = "一二三四五六七八九十"
MERGED = ("设定依据", "实施主体", "责任科室", "行使层级", "责任事项", "追责情形及依据")


def short_name(title: str) -> str:
    return title.removeprefix("中华人民共和国")


def basis_text(cat: Catalog, power: Power, index: int) -> str:
    """Short names; articles joined by 、 or ，; laws by ； or a line break (varied on purpose)."""
    parts = []
    for ref in power.basis:
        law = cat.laws[ref.law or ""]
        title = short_name(law.title) if index % 3 else law.title
        joiner = "、" if index % 2 else "，"
        parts.append(f"《{title}》{joiner.join(ref.articles)}")
    return ("；" if index % 2 else "\n").join(parts)


def duties(power: Power) -> str:
    return "\n".join(f"{n}.{item}责任" for n, item in enumerate(power.responsibilities, 1))


def row_values(cat: Catalog, power: Power, seq: int, index: int) -> dict[str, Any]:
    kind = SHORT_TYPES.get(power.type or "", power.type)
    if power.subtype:
        kind = f"{power.type}-{power.subtype}"
    return {"序号": seq, "权力编码": power.code, "职权名称": power.name, "职权类型": kind,
            "设定依据": basis_text(cat, power, index), "实施主体": power.subject, "责任科室": power.department,
            "行使层级": "、".join(power.level), "责任事项": duties(power), "追责情形及依据": power.accountability,
            "备注": None}


def write_published_powers(cat: Catalog, out: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "权责清单"
    width = len(HEADERS)
    ws.cell(1, 1, f"{cat.config.agency.name}权责清单（2024年版）")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for c, header in enumerate(HEADERS, 1):
        ws.cell(2, c, header)
    r = 3
    index = 0
    for g, kind in enumerate(t for t in POWER_TYPES if any(p.type == t for p in cat.all_powers)):
        powers = [p for p in cat.all_powers if p.type == kind]
        ws.cell(r, 1, f"{GROUP_NUMBERS[g]}、{kind}（{len(powers)}项）")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=width)
        r += 1
        first = r
        for seq, power in enumerate(powers, 1):
            for c, value in enumerate(row_values(cat, power, seq, index).values(), 1):
                ws.cell(r, c, value).alignment = Alignment(wrap_text=True, vertical="center")
            r += 1
            index += 1
        for header in MERGED:
            _merge_runs(ws, HEADERS.index(header) + 1, first, r - 1)
    ws.cell(r + 1, 1, "注：本清单所列事项依据截至2024年6月的法律法规。")
    wb.save(out)
    return out


def _merge_runs(ws: Any, column: int, first: int, last: int) -> None:
    """Merge each run of equal neighbouring values in one column (the top cell keeps the value)."""
    start = first
    for r in range(first + 1, last + 2):
        if r <= last and ws.cell(r, column).value == ws.cell(start, column).value:
            continue
        if r - 1 > start and ws.cell(start, column).value:
            for x in range(start + 1, r):
                ws.cell(x, column).value = None
            ws.merge_cells(start_row=start, start_column=column, end_row=r - 1, end_column=column)
        start = r


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--project", type=Path, default=Path("."))
    args = parser.parse_args()
    cat, _ = load_project(args.project)
    print(write_published_powers(cat, args.out))


if __name__ == "__main__":
    main()
