"""Building blocks for rule tests: the minimal project's document with a few fields changed in place.

`document(expires="2026-01-01")` returns tests.minimal.DOCUMENT with that one value replaced on
its own line, so the line numbers below stay true; a field the base lacks is added after
`legality_review` (line 17, 18, … in the order given); None removes a field (later lines move up).
Values are YAML source text, exactly as an editor would type them.
"""

from __future__ import annotations

from tests.minimal import DOCUMENT, LEGAL_BASES, SITE_CONFIG

DOC = "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md"
LAWS = "catalog/legal_bases.yml"
POWERS = "catalog/powers/cf.yml"
CONFIG = "site_config.yml"
CATEGORIES = "catalog/categories.yml"

# Line of each field in tests.minimal.DOCUMENT (line 1 is the opening ---).
LINE = {
    "id": 2, "index_no": 3, "title": 4, "doc_no": 5, "category": 6, "issuer": 7, "summary": 8,
    "written": 9, "published": 10, "kind": 11, "owner": 12, "effective": 13, "expires": 14,
    "status": 15, "legality_review": 16,
}
ADDED = 17  # the first field not in the base document lands here


def document(**fields: str | None) -> str:
    lines = DOCUMENT.rstrip("\n").split("\n")
    close = lines.index("---", 1)
    head, tail = lines[1:close], lines[close:]
    keys = [line.split(":", 1)[0] for line in head]
    extra: list[str] = []
    for key, value in fields.items():
        if key in keys:
            i = keys.index(key)
            head[i] = "" if value is None else f"{key}: {value}"
        elif value is not None:
            extra.append(f"{key}: {value}")
    head = [line for line in head if line]
    return "\n".join(["---", *head, *extra, *tail]) + "\n"


def second_document(**fields: str | None) -> str:
    """Another valid document (its own id, 索引号 and 文号), e.g. to be cited or duplicated."""
    base = {"id": "2025-kjj-gfxwj-002", "index_no": "11350100MB0000001X/2025-00002",
            "doc_no": "某科〔2025〕2号", "title": "某市科技成果登记办法"}
    return document(**{**base, **fields})


def laws(*extra: str) -> str:
    """legal_bases.yml: the minimal project's four laws (lines 1–26), then `extra` entries from line 27."""
    return LEGAL_BASES + "".join(extra)


def new_law(*lines: str, level: str = "法律") -> str:
    """legal_bases.yml plus law kjpjf: id on line 27, title 28, level 29, issuer 30, then `lines` from 31."""
    head = ["- id: kjpjf", "  title: 中华人民共和国科学技术普及法", f"  level: {level}",
            "  issuer: 全国人民代表大会常务委员会"]
    return laws("\n".join(head + [f"  {line}" for line in lines]) + "\n")


CLEANUPS = "catalog/cleanups.yml"


def config(*policy: str) -> str:
    """site_config.yml of the minimal project with these `policy:` lines."""
    return SITE_CONFIG + "policy:\n" + "".join(f"  {line}\n" for line in policy)


def cleanup(*lines: str, cid: str = "ql-2026", notice: str = "2026-05-12") -> str:
    """cleanups.yml with one campaign: id on line 1, title 2, notice 3, then `lines` from line 4."""
    head = [f"- id: {cid}", "  title: 2026年度规范性文件清理",
            f"  notice: {{doc_no: 某政办〔2026〕19号, date: {notice}}}"]
    return "\n".join(head + [f"  {line}" for line in lines]) + "\n"
