"""The home page and the top sections: the nav and the home page list the same ones.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.format.model import Catalog, Page
from generator.format.relations import relations
from generator.format.status import DocStatus
from generator.site import urls
from generator.site.pages.base import (
    BODY_SLOT,
    PageMeta,
    SitePage,
    site_name,
)
from generator.site.pages.content import agency_block, home_intro, title_and_body
from generator.templating import render

LATEST_ON_HOME = 10


@dataclass(frozen=True)
class Section:
    """One top-level section of the site: the nav and the home page list the same ones."""

    title: str
    url: str
    blurb: str


_MD_MARKUP = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`>#|]")


def _blurb(page: Page, limit: int = 48) -> str:
    """A content page's one-line description: its front matter `description`, else its first paragraph."""
    described = page.src.raw.get("description")
    if isinstance(described, str) and described.strip():
        return described.strip()
    for para in title_and_body(page)[1].split("\n\n"):
        text = _MD_MARKUP.sub(lambda m: m.group(1) or "", para).strip()
        if text and not para.lstrip().startswith(("#", "<", "|", "-", "!")):
            text = " ".join(text.split())
            return text if len(text) <= limit else text[: limit - 1] + "…"
    return ""


def sections(cat: Catalog, present: set[str]) -> list[Section]:
    """The top sections, in nav order; a section appears only when its page exists."""
    out = [
        Section("首页", urls.HOME, ""),
        Section("公开指南", urls.GUIDE, "如何获取政府信息：主动公开范围、依申请公开流程、工作机构联系方式"),
    ]
    for page in cat.pages:  # other top-level prose pages (公开制度, 机构职能 …), in file order
        url = urls.content_page(page.url_path)
        if url not in (urls.HOME, urls.GUIDE) and url.count("/") == 1 and url in present:
            out.append(Section(title_and_body(page)[0], url, _blurb(page)))
    out += [
        Section("公开目录", urls.CATALOGUE, "按主题分类浏览全部主动公开信息，每条列明索引号、名称、内容概述和生成日期"),
        Section("规范性文件库", urls.NORMATIVE, "规章和行政规范性文件，可按效力状态和年份筛选"),
        Section("权力清单", urls.POWERS, "行政权力事项及其实施依据、责任事项"),
        Section("执法依据", urls.LAWS, "行政执法所依据的法律、法规、规章及其时效性"),
        Section("清理结果", urls.AUDIT, "规范性文件清理和效力状态统计"),
    ]
    annual = sorted((u for u in present if u.startswith(urls.ANNUAL_REPORTS)), reverse=True)
    annual_url = urls.ANNUAL_REPORTS if urls.ANNUAL_REPORTS in present else (annual[0] if annual else "")
    out.append(Section("年度报告", annual_url or urls.ANNUAL_REPORTS, "政府信息公开工作年度报告"))
    return [s for s in out if s.url in present]


def home_page(cat: Catalog, today: dt.date, present: set[str]) -> SitePage:
    rel = relations(cat)
    normative = [d for d in rel.documents if d.normative]
    counts = {
        urls.CATALOGUE: (len(rel.documents), "条公开信息"),
        urls.NORMATIVE: (sum(1 for d in normative if d.status == DocStatus.VALID), "件现行有效"),
        urls.POWERS: (len(cat.powers), "项权力事项"),
        urls.LAWS: (len(cat.laws), "部执法依据"),
    }
    intro = home_intro(cat)
    html = render(
        "home.html.j2", here=urls.HOME, site_name=site_name(cat), description=cat.config.site.description,
        agency=agency_block(cat), sections=[s for s in sections(cat, present) if s.url != urls.HOME],
        counts=counts, latest=rel.documents[:LATEST_ON_HOME], intro=bool(intro), body_slot=BODY_SLOT,
        categories=cat.categories, feed=urls.FEED,
        exports=[(name, urls.data(name, "json"), urls.data(name, "csv")) for name in EXPORT_TITLES],
        export_titles=EXPORT_TITLES,
    )
    return SitePage(urls.HOME, site_name(cat) or "首页", intro,
                    PageMeta(description=cat.config.site.description or None), html)


# The exported lists (exports.py writes data/<name>.json|csv); the home page links them.
EXPORT_TITLES = {
    "documents": "公开信息目录",
    "normative": "规范性文件",
    "powers": "权力清单",
    "laws": "执法依据",
    "categories": "公开目录分类",
}
