"""Pages for people rather than records: 依申请公开 with its 申请表, the 无障碍 statement, the 网站地图."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.format.fields import POWER_TYPES
from generator.format.model import Catalog
from generator.format.status import DOC_STATUSES
from generator.site import urls
from generator.site.application import FORM
from generator.site.pages.base import Crumb, PageMeta, SitePage, html_page, site_name
from generator.site.pages.content import agency_block
from generator.templating import render


def service_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """guide/apply/ (how to apply, the 申请表 to print) and accessibility/ (无障碍与适老化说明)."""
    apply_html = render(
        "apply.html.j2", here=urls.APPLY, site_name=site_name(cat), agency=cat.config.agency, form=FORM,
        contacts=agency_block(cat), docx=urls.APPLY_DOCX,
        crumbs=[Crumb("首页", urls.HOME), Crumb("公开指南", urls.GUIDE), Crumb("依申请公开")],
    )
    statement = render("accessibility.html.j2", here=urls.ACCESSIBILITY, site_name=site_name(cat),
                       agency=cat.config.agency, crumbs=[Crumb("首页", urls.HOME), Crumb("无障碍说明")])
    return [
        html_page(urls.APPLY, "依申请公开", apply_html, PageMeta(
            description="向本机关申请公开政府信息：申请渠道、《政府信息公开申请表》（可打印、可下载 Word 文件）")),
        html_page(urls.ACCESSIBILITY, "无障碍说明", statement, PageMeta(
            description="本网站的无障碍与适老化设计：字号、高对比度、键盘操作、读屏软件")),
    ]


def site_map_page(cat: Catalog, sections: Sequence[tuple[str, str]], present: set[str]) -> SitePage:
    """site-map/: every section and its sub-lists, for people (sitemap.xml is for search engines)."""
    cats = sorted(cat.categories.values(), key=lambda c: c.code)
    html = render(
        "site_map.html.j2", here=urls.SITE_MAP, sections=sections, present=present,
        categories=[c for c in cats if urls.category(c.code) in present],
        statuses=[s for s in DOC_STATUSES if urls.normative(s) in present],
        power_types=[t for t in POWER_TYPES if urls.power_type(t) in present],
        annual=sorted((u for u in present if u.startswith(urls.ANNUAL_REPORTS) and u != urls.ANNUAL_REPORTS),
                      reverse=True),
        crumbs=[Crumb("首页", urls.HOME), Crumb("网站地图")],
    )
    return html_page(urls.SITE_MAP, "网站地图", html, PageMeta(description="本网站全部栏目和页面的索引"))
