"""The office's prose of a year's report (content/annual-reports/<year>.md), cut into the template's six sections.

国办公开办函〔2021〕30号 fixes the six section headings; the office writes 一、五、六 (and any words
around the tables of 二、三、四) in Markdown. A section is the text under the heading that names it
(“## 一、总体情况”, or any heading containing 总体情况), up to the next heading of the same or a higher
level; the text before the first section is the preamble (统计期限, where the report is published).
The tables go at a line `<!-- 表二 -->` (表三, 表四) in the prose, else at the end of their section.

`block_parts` reads a section as plain blocks (headings, paragraphs, list items, pipe tables, the
table marks) for the Word document; the site hands the Markdown to MkDocs instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.format.model import Catalog, Page

SECTIONS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)
# The table each section holds (by section index), and the line in the prose that places it.
TABLES = {1: "表二", 2: "表三", 3: "表四"}
TABLE_TITLES = {
    "表二": "表二 主动公开政府信息情况",
    "表三": "表三 收到和处理政府信息公开申请情况",
    "表四": "表四 政府信息公开行政复议、行政诉讼情况",
}


def mark(table: str) -> str:
    return f"<!-- {table} -->"


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
_REPORT_PAGE = re.compile(r"^annual-reports/(\d{4})\.md$")


@dataclass(frozen=True)
class Prose:
    """The prose of one year's report: title, preamble, and the body of each of the six sections."""

    title: str
    preamble: str
    sections: tuple[str | None, ...]  # Markdown under each heading of SECTIONS; None: the prose lacks it
    path: str | None  # content/annual-reports/<year>.md, when there is one


def report_page(cat: Catalog, year: int) -> Page | None:
    return next((p for p in cat.pages if (m := _REPORT_PAGE.match(p.url_path)) and int(m.group(1)) == year), None)


def _title_and_body(page: Page) -> tuple[str | None, str]:
    lines = page.body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and (m := _HEADING.match(lines[first].strip())) and len(m.group(1)) == 1:
        return page.title or m.group(2), "\n".join(lines[:first] + lines[first + 1:])
    return page.title, page.body


def section_of(heading: str) -> int | None:
    """Which of the six sections a heading names (by its words after 一、…), or None."""
    return next((i for i, s in enumerate(SECTIONS) if s.split("、", 1)[1] in heading), None)


def split_sections(body: str) -> tuple[str, tuple[str | None, ...]]:
    """The preamble and the Markdown of each of the six sections (None where the body has no such heading)."""
    lines = body.split("\n")
    found: dict[int, tuple[int, int, int]] = {}  # section → (heading line, level, end line)
    for i, line in enumerate(lines):
        m = _HEADING.match(line)
        if not m or (s := section_of(m.group(2))) is None or s in found:
            continue
        level = len(m.group(1))
        end = next((j for j in range(i + 1, len(lines))
                    if (n := _HEADING.match(lines[j])) and len(n.group(1)) <= level), len(lines))
        found[s] = (i, level, end)
    first = min((start for start, _, _ in found.values()), default=len(lines))
    preamble = "\n".join(lines[:first]).strip("\n")
    sections = tuple("\n".join(lines[found[s][0] + 1:found[s][2]]).strip("\n") if s in found else None
                     for s in range(len(SECTIONS)))
    return preamble, sections


def report_prose(cat: Catalog, year: int) -> Prose:
    agency = cat.config.agency.name
    default = f"{agency}{year}年政府信息公开工作年度报告"
    page = report_page(cat, year)
    if page is None:
        return Prose(default, "", (None,) * len(SECTIONS), None)
    title, body = _title_and_body(page)
    preamble, sections = split_sections(body)
    return Prose(title or default, preamble, sections, page.path)


# --- plain blocks, for the Word document ------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A block of prose: kind is heading | paragraph | item | table | mark; text keeps **bold** marks."""

    kind: str
    text: str = ""
    level: int = 0  # heading level
    rows: tuple[tuple[str, ...], ...] = ()  # table cells, the header row first


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def plain(text: str) -> str:
    """Inline Markdown to text: links keep their words, code and emphasis marks go (**bold** stays)."""
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return text.replace("\\|", "|").strip()


def _cells(line: str) -> tuple[str, ...]:
    inner = line.strip().strip("|")
    return tuple(plain(c) for c in re.split(r"(?<!\\)\|", inner))


def block_parts(markdown: str) -> list[Block]:
    """The blocks of a section's Markdown, in order."""
    out: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(Block("paragraph", plain(" ".join(s.strip() for s in para))))
            para.clear()

    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        table = next((t for t in TABLES.values() if stripped == mark(t)), None)
        if table is not None:
            flush()
            out.append(Block("mark", table))
        elif not stripped or stripped.startswith("<!--"):
            flush()
        elif m := _HEADING.match(stripped):
            flush()
            out.append(Block("heading", plain(m.group(2)), level=len(m.group(1))))
        elif stripped.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                if not _TABLE_RULE.match(lines[i].strip()):
                    rows.append(_cells(lines[i]))
                i += 1
            out.append(Block("table", rows=tuple(rows)))
            continue
        elif m := _ITEM.match(line):
            flush()
            out.append(Block("item", plain(m.group(1))))
        else:
            para.append(line)
        i += 1
    flush()
    return out
