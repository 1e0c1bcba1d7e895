"""data/<list>.json|csv, feed.xml and sitemap.xml: what other systems and feed readers consume."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from generator.format.model import Catalog
from generator.format.siteconfig import SiteConfig, SiteInfo
from generator.site import urls
from generator.site.exports import Column, _csv_cell, sitemap, table_csv, table_json
from generator.site.pages.base import PageMeta, SitePage, html_page
from generator.spreadsheet.write import csv_text
from tests.site.sitebuild import build, doc

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EXTRA = {
    "catalog/documents/gfxwj/2025-kjj-gfxwj-002.md": doc(
        "2025-kjj-gfxwj-002", title="=HYPERLINK(\"http://evil\")", published="2025-06-01", written="2025-05-20",
        effective="2025-07-01", expires="2030-06-30",
        legality_review="{date: 2025-05-25, by: 某市科学技术局政策法规科, result: 通过}",
    ),
}


def test_every_list_is_exported_as_json_and_csv(tmp_path: Path) -> None:
    result, site = build(tmp_path, EXTRA)
    assert result.published
    for name in ("documents", "normative", "powers", "laws", "categories"):
        assert (site / f"data/{name}.json").is_file() and (site / f"data/{name}.csv").is_file(), name
    docs = json.loads((site / "data/documents.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in docs] == ["2025-kjj-gfxwj-002", "2025-kjj-gfxwj-001"]  # newest first
    first = docs[1]
    assert first["url"] == "https://kjj.example.gov.cn/documents/2025-kjj-gfxwj-001/"
    assert first["index_no"] == "11350100MB0000001X/2025-00001" and first["written"] == "2025-03-03"
    assert first["category_name"] == "规范性文件" and first["status"] == "有效"
    powers = json.loads((site / "data/powers.json").read_text(encoding="utf-8"))
    assert powers[0]["basis"] == [{"law": "zlf", "title": "中华人民共和国专利法", "articles": ["第六十八条"]}]
    laws = {x["id"]: x for x in json.loads((site / "data/laws.json").read_text(encoding="utf-8"))}
    assert laws["zlf"]["powers"] == 1 and laws["htf"]["status"] == "已废止"


def test_csv_opens_in_excel_and_never_runs_a_formula(tmp_path: Path) -> None:
    _, site = build(tmp_path, EXTRA)
    raw = (site / "data/documents.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # BOM: Excel reads UTF-8 Chinese correctly
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["文件ID", "网址", "索引号", "名称"]
    titles = [r[3] for r in rows[1:]]
    assert "'=HYPERLINK(\"http://evil\")" in titles


def test_feed_lists_newest_disclosures_with_absolute_links(tmp_path: Path) -> None:
    _, site = build(tmp_path, EXTRA)
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [
        "https://kjj.example.gov.cn/documents/2025-kjj-gfxwj-002/",
        "https://kjj.example.gov.cn/documents/2025-kjj-gfxwj-001/",
    ]
    assert feed.findtext(f"{ATOM}updated") == "2025-06-01T00:00:00+08:00"
    assert entries[1].findtext(f"{ATOM}summary") == "规范科技计划项目的申报、立项、实施和验收。"


def test_sitemap_lists_every_page_under_the_site_url(tmp_path: Path) -> None:
    _, site = build(tmp_path)
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    locs = [u.findtext(f"{SM}loc") for u in root.findall(f"{SM}url")]
    assert "https://kjj.example.gov.cn/" in locs
    assert "https://kjj.example.gov.cn/documents/2025-kjj-gfxwj-001/" in locs
    assert "https://kjj.example.gov.cn/powers/kj-cf-001/" in locs
    assert "https://kjj.example.gov.cn/laws/htf/" in locs
    assert all(loc and loc.startswith("https://kjj.example.gov.cn/") for loc in locs)
    for loc in locs:
        path = loc.removeprefix("https://kjj.example.gov.cn/")  # type: ignore[union-attr]
        assert (site / path / "index.html").is_file(), loc
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == (site / "sitemap.xml").read_bytes()


def _elementtree_sitemap(site_url: str, pages: list[SitePage]) -> bytes:
    """The sitemap as ElementTree writes it: what sitemap() writes as text."""
    ET.register_namespace("", SM[1:-1])
    root = ET.Element(f"{SM}urlset")
    for page in sorted(pages, key=lambda p: p.url):
        u = ET.SubElement(root, f"{SM}url")
        ET.SubElement(u, f"{SM}loc").text = urls.absolute(site_url, page.url)
        if page.meta.updated:
            ET.SubElement(u, f"{SM}lastmod").text = page.meta.updated.isoformat()
    ET.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"


def test_sitemap_text_is_what_elementtree_writes() -> None:
    site_url = "https://kjj.example.gov.cn/"
    cat = Catalog(root="x", config=SiteConfig(site=SiteInfo(url=site_url)))
    pages = [html_page("b/", "乙", "", PageMeta(updated=dt.date(2025, 1, 2))), html_page("", "首页", ""),
             html_page("a&b/<x>/\"q\"'/", "甲", "", PageMeta(updated=dt.date(2024, 12, 31))),
             html_page("文件/2025-1/", "丙", "")]
    for some in (pages, pages[:1], pages[1:2], []):
        assert sitemap(cat, some) == _elementtree_sitemap(site_url, some)


def test_lists_written_row_by_row_are_what_json_and_csv_write_whole() -> None:
    columns = [Column("a", "甲", lambda r: r[0]), Column("b", "乙", lambda r: r[1])]
    rows = [("x\n },\n {", ["1", {"k": "v", "l": []}]), (None, []), ("=1+1", "a\r\nb"), (3, {"n": None})]
    whole = json.dumps([{"a": a, "b": b} for a, b in rows], ensure_ascii=False, indent=1) + "\n"
    assert table_json(rows, columns) == whole.encode()
    assert table_json([], columns) == (json.dumps([], indent=1) + "\n").encode()
    text = csv_text(["甲", "乙"], ([_csv_cell(a), _csv_cell(b)] for a, b in rows), "\r\n")
    assert table_csv(rows, columns) == ("\ufeff" + text).encode()


def test_the_directory_workbook_prints_every_column_on_a4_landscape(demo_site: Path) -> None:
    """The 目录 an office prints: all columns across one landscape page, headings on every page."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    ws = openpyxl.load_workbook(demo_site / "data/in-force-2025.xlsx").active
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$2:$2" and ws["A2"].value == "分组"
    assert "&P" in ws.oddFooter.center.text
    # Each column as wide as what it holds, and no width past the last one (a printed grid of empty columns).
    for path in ("data/in-force-2025.xlsx", "data/repealed.xlsx"):
        sheet = openpyxl.load_workbook(demo_site / path).active
        heads = [c.value for c in sheet[2]]
        assert heads[-1] == "网址" and sheet.column_dimensions[get_column_letter(len(heads))].width == 50
        assert heads[2] == "名称" and sheet.column_dimensions["C"].width == 48
        assert not any(get_column_letter(n) in sheet.column_dimensions for n in range(len(heads) + 1, 14))
