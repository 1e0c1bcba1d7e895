"""data/<list>.json|csv, feed.xml and sitemap.xml: what other systems and feed readers consume."""

from __future__ import annotations

import csv
import gzip
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

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
