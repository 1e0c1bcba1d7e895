"""The site's 清理结果 page and 年度报告 pages (generator/audit_pages.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.audit.annual_prose import mark
from generator.load import load_project
from generator.site.pages import PAGE_FAMILIES, build_pages
from generator.site.pages.annual import annual_pages, place_table
from generator.site.pages.audit import audit_pages
from tests.audit_fixture import doc_text, make_fixture
from tests.minimal import TODAY

PROSE_2025 = """\
---
title: 某市科学技术局2025年政府信息公开工作年度报告
---

## 一、总体情况

本年度……

## 二、主动公开政府信息情况

本局无行政许可事项。

### （一）说明

小节。

## 三、收到和处理政府信息公开申请情况

<!-- 表三 -->

## 四、政府信息公开行政复议、行政诉讼情况
"""

TABLE2_MARK = mark("表二")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_fixture(tmp_path_factory.mktemp("pages"), {
        "content/annual-reports/2025.md": PROSE_2025,
        "content/annual-reports/2024.md": "# 2024年报告\n\n## 二、主动公开政府信息情况\n\n正文。\n",
        "catalog/documents/gfxwj/f.md": None,
    })


def pages_of(project: Path) -> dict[str, str]:
    cat, _ = load_project(project)
    return {p.url: p.markdown for p in audit_pages(cat, TODAY) + annual_pages(cat, TODAY)}


def test_place_table() -> None:
    body = "## 一\n\na\n\n## 二、主动公开政府信息情况\n\nb\n\n### 小节\n\nc\n\n## 三\n\nd\n"
    placed = place_table(body, "<table>T</table>", TABLE2_MARK, "主动公开政府信息情况")
    assert placed.index("c\n\n<table>T</table>\n\n## 三") > 0  # after the subsection, before the next section
    assert place_table("x\n<!-- 表二 -->\ny", "<t/>", TABLE2_MARK, "主动") == "x\n\n\n<t/>\n\n\ny"
    assert place_table("no sections", "<t/>", TABLE2_MARK, "主动") == "no sections\n\n<t/>\n\n"


def test_registered_in_the_site() -> None:
    assert audit_pages in PAGE_FAMILIES and annual_pages in PAGE_FAMILIES


def test_audit_page(project: Path) -> None:
    md = pages_of(project)["audit/"]
    assert "本单位制发的规范性文件5件，已废止0件、已宣布失效1件、已修改1件、不修改2件" in md
    assert "行政处罚2项，行政确认1项，共3项。" in md
    assert '<a href="../documents/j/">' in md  # expiring soon, linked to its page
    assert '<a href="../powers/kj-cf-002/">' in md  # rests on the repealed 合同法
    assert "catalog/documents" not in md and "请把" not in md  # no file positions or editor instructions


def test_annual_page_places_table2_in_section_two(project: Path) -> None:
    md = pages_of(project)["annual-reports/2025/"]
    two, three = md.index("## 二、主动公开政府信息情况"), md.index("## 三、")
    table = md.index("表二 主动公开政府信息情况")
    assert two < md.index("### （一）说明") < table < three
    assert "<th scope=\"row\">行政规范性文件</th><td>1</td><td>2</td><td>5</td>" in md.replace("\n", "")
    assert "<th scope=\"row\">行政处罚</th><td colspan=\"3\">3</td>" in md  # from catalog/annual/2025.yml
    assert md.index("表三 收到和处理政府信息公开申请情况") > three  # at its mark
    assert "<!-- 表三 -->" not in md


def test_annual_index_and_years(project: Path) -> None:
    pages = pages_of(project)
    assert {"annual-reports/", "annual-reports/2024/", "annual-reports/2025/"} <= set(pages)
    index = pages["annual-reports/"]
    assert index.index("2025/") < index.index("2024/")  # newest first
    assert "<th scope=\"row\">行政许可</th><td colspan=\"3\">—</td>" in pages["annual-reports/2024/"]


def test_generated_report_replaces_the_content_page(project: Path) -> None:
    cat, _ = load_project(project)
    pages = [p for p in build_pages(cat, dt.date(2026, 11, 26)) if p.url == "annual-reports/2025/"]
    assert len(pages) == 1 and "表二" in pages[0].markdown


def test_titles_are_escaped(tmp_path: Path) -> None:
    evil = doc_text("x", 9, "2022-01-10", expires="2027-01-09", title="<script>alert(1)</script>办法")
    md = pages_of(make_fixture(tmp_path, {"catalog/documents/gfxwj/x.md": evil}))["audit/"]
    assert "<script>alert" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;办法" in md


# --- the built demo site (the session's one MkDocs build, tests/conftest.py) -------------------


def test_demo_site_audit_and_annual_pages(demo_site: Path) -> None:
    import re

    def text(rel: str) -> str:
        html = (demo_site / rel / "index.html").read_text(encoding="utf-8")
        html = html[html.index("<article"):html.index("</article>")]  # the page, not the nav or the TOC
        return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))

    audit = text("audit")
    assert "本单位制发的规范性文件12件，已废止2件、已宣布失效0件、已修改0件、不修改10件" in audit
    assert "行政处罚45项，行政强制1项，行政确认2项，其他行政权力9项，共57项" in audit
    report = text("annual-reports/2025")
    assert "表二主动公开政府信息情况" in report
    assert "行政规范性文件4012" in report  # 制发 4, 废止 0, 现行有效 12 on 2025-12-31 (2 repealed in 2026)
    assert report.index("表二主动公开政府信息情况") < report.index("三、收到和处理政府信息公开申请情况")
    assert "2024" in text("annual-reports")


def test_demo_site_annual_downloads_and_directories(demo_site: Path) -> None:
    import json

    from generator.site import urls

    page = (demo_site / "annual-reports/2025/index.html").read_text(encoding="utf-8")
    for table in ("table2", "table3", "table4"):
        assert f"gov-annual-table--{table}" in page
    assert "1.属于国家秘密" in page and "未经复议直接起诉" in page and "gov-scroll-hint" in page
    for ext in ("docx", "xlsx"):
        assert (demo_site / urls.annual_report_file(2025, ext)).read_bytes()[:2] == b"PK"
        assert f'href="../../annual-reports/2025/annual-report-2025.{ext}"' in page
    assert 'href="../../normative/in-force/2025/"' in page
    data = json.loads((demo_site / urls.directory_data(2025, False, "json")).read_text(encoding="utf-8"))
    counted = {g["title"]: g["count"] for g in data["groups"] if g["counted_in_table2"]}
    assert counted == {"规章": 0, "行政规范性文件": 12}  # 表二 2025: 现行有效件数
    listing = (demo_site / "normative/in-force/2025/index.html").read_text(encoding="utf-8")
    assert listing.count('data-label="序号"') == data["count"]
    for ext in ("csv", "xlsx"):
        assert (demo_site / urls.directory_data(2025, False, ext)).exists()
        assert (demo_site / urls.directory_data(None, True, ext)).exists()
    normative = (demo_site / "normative/index.html").read_text(encoding="utf-8")
    assert 'href="../normative/in-force/"' in normative and 'href="../normative/repealed/"' in normative
    document = (demo_site / "documents/2017-kjj-gfxwj-001/index.html").read_text(encoding="utf-8")
    assert "2017-07-01 起施行 → 2021-01-01 废止" in document
