"""依申请公开 (the 申请表 page and .docx), 【已废止】 marks in titles, lists and the feed, the 网站地图."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from generator.site import urls
from generator.site.application import FORM, application_docx
from tests.site.test_browser import repealed_document


def test_apply_page_and_docx_carry_every_article_29_field(demo_site: Path) -> None:
    page = (demo_site / urls.APPLY / "index.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(demo_site / urls.APPLY_DOCX) as z:
        assert z.testzip() is None
        word = z.read("word/document.xml").decode("utf-8")
    for needed in ("姓名", "证件号码", "联系电话", "名称", "文号", "特征性描述", "提供方式", "获取途径"):
        assert needed in page and needed in word, needed
    for part in FORM:
        for label, _ in part.rows:
            assert label in word
    assert "在线填写" not in (demo_site / urls.GUIDE / "index.html").read_text(encoding="utf-8")  # no such 栏目


def test_application_docx_is_the_same_bytes_every_time() -> None:
    assert application_docx("某局") == application_docx("某局")
    assert application_docx("某局") != application_docx("另一局")


def test_repealed_document_is_marked_in_title_lists_and_feed(demo_site: Path, demo_catalog: Any) -> None:
    doc = repealed_document(demo_catalog)
    page = (demo_site / urls.document(doc.id) / "index.html").read_text(encoding="utf-8")
    assert f"<title>【已废止】{doc.title} - " in page
    catalogue = (demo_site / urls.category(doc.category) / "index.html").read_text(encoding="utf-8")
    assert f"【已废止】{doc.title}</a>" in catalogue
    feed = (demo_site / urls.FEED).read_text(encoding="utf-8")
    for d in demo_catalog.documents.values():  # the feed holds the latest 50: check those it lists
        if d.status in ("废止", "失效") and f"{urls.document(d.id)}</id>" in feed:
            assert f"<title>【已{d.status}】{d.title}</title>" in feed


def test_document_not_yet_in_effect_shows_not_yet_in_force(tmp_path: Path) -> None:
    import datetime as dt

    from generator.format.status import marked_title, shown_status

    later = dt.date(2027, 1, 1)
    assert shown_status("有效", later, dt.date(2026, 11, 26)) == "尚未施行"
    assert shown_status("有效", later, later) == "有效"
    assert marked_title("办法", shown_status("有效", later, dt.date(2026, 11, 26))) == "【尚未施行】办法"
    assert marked_title("办法", "失效") == "【已失效】办法"


def test_site_map_links_every_section(demo_site: Path) -> None:
    page = (demo_site / urls.SITE_MAP / "index.html").read_text(encoding="utf-8")
    for name in ("公开指南", "公开目录", "规范性文件库", "权力清单", "执法依据", "年度报告", "依申请公开",
                 "无障碍说明"):
        assert f">{name}" in page, name


def test_a_typed_online_channel_is_linked_on_the_apply_page_and_named_in_the_guide(tmp_path: Path) -> None:
    from tests.rules.test_application_channels import TYPED, channels
    from tests.site.sitebuild import build, html

    result, site = build(tmp_path, {**channels(TYPED), "content/guide.md": "# 政府信息公开指南\n"})
    assert result.published, [p.as_text() for p in result.problems]
    page = html(site, urls.APPLY)
    assert '在线平台：<a href="https://zwfw.example.gov.cn/apply">https://zwfw.example.gov.cn/apply</a>' in page
    assert "信函：信封注明“政府信息公开申请”" in page and "当面申请：工作时间到本局办公室现场填写" in page
    assert "https://zwfw.example.gov.cn/apply" in html(site, urls.GUIDE)
