"""The pages of SPEC §6 on small catalogues: what a visitor must see on each page type."""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.site import urls
from generator.site.pages.base import PAGE_SIZE
from tests.site.sitebuild import build, doc, html

REPEALED = {
    "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": doc(
        "2025-kjj-gfxwj-001", index_no="11350100MB0000001X/2025-00001", doc_no="某科〔2025〕1号",
        title="某市科技计划项目管理办法", status="废止", repealed="{date: 2025-12-01, by: 2025-kjj-gfxwj-002}",
        basis="[{law: kjjbf, articles: [第十条, 第十一条]}]",
    ),
    "catalog/documents/gfxwj/2025-kjj-gfxwj-002.md": doc(
        "2025-kjj-gfxwj-002", title="某市科技计划项目管理办法（2025年修订）", published="2025-11-20",
        written="2025-11-10", effective="2025-12-01", expires="2030-11-30",
        legality_review="{date: 2025-11-12, by: 某市科学技术局政策法规科, result: 通过}",
        body="本办法自2025年12月1日起施行，[原办法](doc:2025-kjj-gfxwj-001#body)同时废止。",
    ),
    "catalog/documents/zcjd/2025-kjj-zcjd-001.md": """\
        ---
        id: 2025-kjj-zcjd-001
        index_no: 11350100MB0000001X/2025-00003
        title: 《某市科技计划项目管理办法（2025年修订）》政策解读
        category: gfxwj
        issuer: 某市科学技术局
        summary: 解读修订要点。
        written: 2025-11-20
        published: 2025-11-20
        kind: 其他
        interprets: 2025-kjj-gfxwj-002
        ---
        修订要点如下。
        """,
}


def test_repealed_document_keeps_its_url_and_names_the_repealing_document(tmp_path: Path) -> None:
    result, site = build(tmp_path, REPEALED)
    assert result.published, [p.as_text() for p in result.problems]
    page = html(site, "documents/2025-kjj-gfxwj-001/")
    banner = page.split('id="status-notice"', 1)[1].split("</div>", 1)[0]
    assert "本文件已废止" in banner
    assert "2025年12月1日" in banner
    assert 'href="../../documents/2025-kjj-gfxwj-002/"' in banner
    assert "某市科技计划项目管理办法（2025年修订）" in banner
    # 制定依据 links the law page with the articles relied on
    assert 'href="../../laws/kjjbf/"' in page and "第十条、第十一条" in page


def test_cited_by_lists_repeal_interpretation_and_body_links_both_ways(tmp_path: Path) -> None:
    _, site = build(tmp_path, REPEALED)
    new = html(site, "documents/2025-kjj-gfxwj-002/")
    cited = new.split('id="cited-by"', 1)[1]
    assert "被本文件废止" in cited and 'href="../../documents/2025-kjj-gfxwj-001/"' in cited
    assert "政策解读" in cited and 'href="../../documents/2025-kjj-zcjd-001/"' in cited
    # 政策解读 both ways: the interpreted document lists it, the interpretation names its object
    assert 'id="interpretation"' in new
    interp = html(site, "documents/2025-kjj-zcjd-001/")
    assert "本文是对" in interp and 'href="../../documents/2025-kjj-gfxwj-002/"' in interp
    # a doc: link in a body becomes a relative link, anchor kept
    assert 'href="../../documents/2025-kjj-gfxwj-001/#user-content-body"' in new
    old = html(site, "documents/2025-kjj-gfxwj-001/")
    assert "正文引用" in old.split('id="cited-by"', 1)[1]


def test_a_record_that_cites_a_document_two_ways_is_listed_once(tmp_path: Path) -> None:
    """A 政策解读 that also links the document it interprets is one line in 被引用, as 政策解读."""
    files = dict(REPEALED)
    key = "catalog/documents/zcjd/2025-kjj-zcjd-001.md"
    files[key] = files[key].replace("修订要点如下。", "[修订后的办法](doc:2025-kjj-gfxwj-002)的修订要点如下。")
    _, site = build(tmp_path, files)
    cited = html(site, "documents/2025-kjj-gfxwj-002/").split('id="cited-by"', 1)[1].split("</section>", 1)[0]
    assert cited.count('href="../../documents/2025-kjj-zcjd-001/"') == 1 and "政策解读" in cited


def _jsonld(page: str) -> dict[str, object]:
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert m
    data = json.loads(m.group(1))
    assert isinstance(data, dict)
    return data


def test_json_ld_states_legal_force(tmp_path: Path) -> None:
    _, site = build(tmp_path, REPEALED)
    old = _jsonld(html(site, "documents/2025-kjj-gfxwj-001/"))
    new = _jsonld(html(site, "documents/2025-kjj-gfxwj-002/"))
    assert old["@type"] == "Legislation"
    assert old["legislationLegalForce"] == "https://schema.org/NotInForce"
    assert new["legislationLegalForce"] == "https://schema.org/InForce"
    assert old["legislationIdentifier"] == "某科〔2025〕1号"
    assert old["legislationDate"] == "2025-03-03"
    assert old["url"] == "https://kjj.example.gov.cn/documents/2025-kjj-gfxwj-001/"


HOSTILE_TITLE = "<script>alert(1)</script>[点我](javascript:alert(2))"


def test_catalogue_text_never_becomes_html(tmp_path: Path) -> None:
    files = {
        "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": doc(
            "2025-kjj-gfxwj-001", index_no="11350100MB0000001X/2025-00001", doc_no="某科〔2025〕1号",
            title=json.dumps(HOSTILE_TITLE, ensure_ascii=False),
            summary='"<img src=x onerror=alert(3)>&lt;/title&gt;"',
        ),
        "catalog/powers/cf.yml": """\
            - code: KJ-CF-001
              name: "<b onmouseover=alert(4)>处罚</b>"
              type: 行政处罚
              basis: [{law: zlf, articles: ["<i>第六十八条</i>"]}]
              subject: 某市科学技术局
              status: 有效
            """,
    }
    result, site = build(tmp_path, files)
    assert result.published
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    everything = "\n".join(pages)
    for live in ("<script>alert(1)", "<img src=x", "<b onmouseover", 'href="javascript:', "<i>第六十八条",
                 "</title><"):
        assert live not in everything, live
    page = html(site, "documents/2025-kjj-gfxwj-001/")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and "&lt;script&gt;" in title.group(1)


def _rows(page: str) -> int:
    return sum(body.count("<tr") for body in re.findall(r"<tbody>(.*?)</tbody>", page, re.S))


def test_long_lists_are_paginated(tmp_path: Path) -> None:
    n = PAGE_SIZE * 2 + 7
    files: dict[str, str | None] = {}
    for i in range(1, n + 1):
        files[f"catalog/documents/qtwj/2024-kjj-qtwj-{i:03d}.md"] = f"""\
            ---
            id: 2024-kjj-qtwj-{i:03d}
            index_no: 11350100MB0000001X/2024-{i:05d}
            title: 某市科学技术局工作通知第{i}号
            category: qtwj
            issuer: 某市科学技术局
            summary: 第{i}号通知。
            written: 2024-05-06
            published: 2024-05-08
            kind: 其他
            ---
            正文。
            """
    result, site = build(tmp_path, files)
    assert result.published
    assert _rows(html(site, "catalogue/qtwj/")) == PAGE_SIZE
    assert _rows(html(site, "catalogue/qtwj/page/2/")) == PAGE_SIZE
    assert _rows(html(site, "catalogue/qtwj/page/3/")) == 7
    assert not (site / "catalogue/qtwj/page/4").exists()
    assert not (site / "catalogue/qtwj/page/1").exists()  # page 1 is the list's own URL
    # the parent category lists its children's items, paginated too
    assert (site / "catalogue/fgwj/page/3/index.html").is_file()
    last = html(site, "catalogue/qtwj/page/3/")
    assert 'href="../../../../catalogue/qtwj/page/2/"' in last and 'rel="prev"' in last
    # no list page anywhere is longer than PAGE_SIZE rows (+ small summary tables)
    for path in site.rglob("index.html"):
        assert _rows(path.read_text(encoding="utf-8")) <= PAGE_SIZE + 12, path


def test_normative_library_has_a_static_page_per_filter_with_counts(tmp_path: Path) -> None:
    files = dict(REPEALED)
    files["catalog/documents/gfxwj/2024-kjj-gfxwj-001.md"] = doc(
        "2024-kjj-gfxwj-001", index_no="11350100MB0000001X/2024-00001", doc_no="某科〔2024〕1号",
        written="2024-03-03", published="2024-03-10", effective="2024-04-10", expires="2029-04-09",
        legality_review="{date: 2024-03-05, by: 某市科学技术局政策法规科, result: 通过}",
    )
    result, site = build(tmp_path, files)
    assert result.published
    root = html(site, "normative/")
    assert "全部 <span class=\"gov-chip__n\">3</span>" in root
    assert 'href="../normative/status/you-xiao/">有效 <span class="gov-chip__n">2</span>' in root
    assert 'href="../normative/status/fei-zhi/">废止 <span class="gov-chip__n">1</span>' in root
    assert 'gov-chip--off">失效 <span class="gov-chip__n">0</span>' in root  # no page, so no link
    assert not (site / "normative/status/shi-xiao").exists()
    valid = html(site, "normative/status/you-xiao/")
    assert "2025-kjj-gfxwj-002" in valid and "2024-kjj-gfxwj-001" in valid and "2025-kjj-gfxwj-001/" not in valid
    year = html(site, "normative/year/2024/")
    assert "2024-kjj-gfxwj-001" in year and "2025-kjj-gfxwj-002" not in year
    both = html(site, "normative/status/fei-zhi/year/2025/")
    assert "2025-kjj-gfxwj-001/" in both and "2025-kjj-gfxwj-002" not in both
    # the JS form only offers pairs that have a page
    combos = json.loads(re.search(r"data-combos='([^']*)'", root).group(1))  # type: ignore[union-attr]
    assert combos["you-xiao|2024"] == "normative/status/you-xiao/year/2024/"
    assert "shi-xiao|" not in combos
    for target in combos.values():
        assert (site / target / "index.html").is_file()


def test_power_page_links_each_basis_to_its_law_page(tmp_path: Path) -> None:
    files = {"catalog/powers/cf.yml": """\
        - code: KJ-CF-001
          name: 对假冒专利行为的处罚
          type: 行政处罚
          basis: [{law: zlf, articles: [第六十八条]}, {law: kjjbf, articles: [第一百一十条]}]
          subject: 某市科学技术局
          responsibilities: [立案, 调查取证]
          discretion: 2025-kjj-gfxwj-001
          status: 有效
        - code: KJ-QT-001
          name: 科技成果登记
          type: 其他行政权力
          basis: [{law: kjjbf}]
          subject: 某市科学技术局
          status: 有效
        """}
    result, site = build(tmp_path, files)
    assert result.published
    page = html(site, urls.power("KJ-CF-001"))
    assert urls.power("KJ-CF-001") == "powers/kj-cf-001/"
    basis = page.split('id="basis"', 1)[1].split("</section>", 1)[0]
    assert 'href="../../laws/zlf/">中华人民共和国专利法</a>' in basis and "第六十八条" in basis
    assert 'href="../../laws/kjjbf/"' in basis
    assert 'href="../../documents/2025-kjj-gfxwj-001/"' in page  # 裁量基准
    law = html(site, "laws/zlf/")
    assert 'href="../../powers/kj-cf-001/"' in law.split('id="powers"', 1)[1]
    # the discretion standard lists the power among what cites it
    assert 'href="../../powers/kj-cf-001/"' in html(site, "documents/2025-kjj-gfxwj-001/")
    overview = html(site, "powers/")
    assert "行政处罚" in overview and 'href="#xing-zheng-chu-fa"' in overview
    assert 'id="xing-zheng-chu-fa"' in overview
    assert (site / "powers/type/qi-ta-xing-zheng-quan-li/index.html").is_file()


def test_law_page_shows_status_as_of_and_repeal(tmp_path: Path) -> None:
    _, site = build(tmp_path)
    page = html(site, "laws/htf/")
    assert "本依据已废止" in page and "2021年1月1日" in page
    assert 'href="../../laws/mfd/">《中华人民共和国民法典》</a>' in page
    ok = html(site, "laws/kjjbf/")
    assert "截至2026年11月1日核对" in ok
    listing = html(site, "laws/")
    assert "2026-11-01" in listing and "已废止" in listing


def test_guide_renders_the_art12_block_from_site_config(tmp_path: Path) -> None:
    files = {"content/guide.md": """\
        ---
        title: 政府信息公开指南
        ---
        依据[专利法](law:zlf)和[管理办法](doc:2025-kjj-gfxwj-001)编制。
        """}
    result, site = build(tmp_path, files)
    assert result.published
    page = html(site, "guide/")
    block = page.split('id="agency"', 1)[1]
    for value in ("某市某区某路1号", "350000", "0591-00000000", "0591-00000001", "kjj@example.gov.cn",
                  "工作日 8:00—12:00，14:30—17:30", "信函申请"):
        assert value in block, value
    assert 'href="../laws/zlf/"' in page and 'href="../documents/2025-kjj-gfxwj-001/"' in page
    home = html(site, "")
    assert 'href="guide/"' in home


def test_power_codes_with_colliding_slugs_are_refused(tmp_path: Path) -> None:
    files = {"catalog/powers/cf.yml": """\
        - code: KJ-CF-001
          name: 处罚一
          type: 行政处罚
          basis: [{law: zlf}]
          subject: 某市科学技术局
          status: 有效
        - code: kj cf 001
          name: 处罚二
          type: 行政处罚
          basis: [{law: zlf}]
          subject: 某市科学技术局
          status: 有效
        """}
    result, site = build(tmp_path, files)
    assert not result.published and not site.exists()
    assert [(p.path, p.line, p.code) for p in result.problems if p.code == "duplicate-id"] == [
        ("catalog/powers/cf.yml", 7, "duplicate-id")]


def test_attachments_are_published_and_linked(tmp_path: Path) -> None:
    (tmp_path / "catalog/attachments/2025").mkdir(parents=True)
    (tmp_path / "catalog/attachments/2025/申报表.docx").write_bytes(b"PK\x03\x04 test")
    (tmp_path / "catalog/attachments/unused.pdf").write_bytes(b"%PDF")
    files = {"catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": doc(
        "2025-kjj-gfxwj-001", index_no="11350100MB0000001X/2025-00001", doc_no="某科〔2025〕1号",
        attachments="[2025/申报表.docx]",
    )}
    result, site = build(tmp_path, files)
    assert result.published, [p.as_text() for p in result.problems]
    assert (site / "attachments/2025/申报表.docx").read_bytes() == b"PK\x03\x04 test"
    assert not (site / "attachments/unused.pdf").exists()  # only what a document discloses
    page = html(site, "documents/2025-kjj-gfxwj-001/")
    assert 'href="../../attachments/2025/%E7%94%B3%E6%8A%A5%E8%A1%A8.docx"' in page or \
        'href="../../attachments/2025/申报表.docx"' in page


def test_a_repeal_named_by_title_links_the_law_and_body_links_are_not_basis(tmp_path: Path) -> None:
    from tests.minimal import LEGAL_BASES

    files = {
        "catalog/legal_bases.yml": LEGAL_BASES.replace("repealed: {date: 2021-01-01, by: mfd}",
                                                       "repealed: {date: 2021-01-01, by: 《中华人民共和国民法典》}"),
        "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": doc(
            "2025-kjj-gfxwj-001", index_no="11350100MB0000001X/2025-00001", doc_no="某科〔2025〕1号",
            basis="[{law: kjjbf, articles: [第十条]}]", body="参照[专利法](law:zlf)执行。",
        ),
    }
    result, site = build(tmp_path, files)
    assert result.published, [p.as_text() for p in result.problems]
    assert 'href="../../laws/mfd/">《中华人民共和国民法典》</a>' in html(site, "laws/htf/")
    assert "被本法废止" in html(site, "laws/mfd/")
    zlf = html(site, "laws/zlf/")
    assert "2025-kjj-gfxwj-001" not in zlf.split('id="documents"', 1)[1].split("</section>", 1)[0]
    assert "2025-kjj-gfxwj-001" in zlf.split('id="cited-by"', 1)[1]
    assert "2025-kjj-gfxwj-001" in html(site, "laws/kjjbf/").split('id="documents"', 1)[1]
