"""content/**/*.md as pages (公开指南, 公开制度, 机构职能 …), with doc:/law:/power: links resolved; the guide
gains the Art. 12 block generated from site_config.yml.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.format.model import Catalog, Page
from generator.format.relations import resolve_links
from generator.site import urls
from generator.site.pages.base import (
    BODY_SLOT,
    Crumb,
    PageMeta,
    SitePage,
)
from generator.templating import render

_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$")


def title_and_body(page: Page) -> tuple[str, str]:
    """A content page's title (front matter, else its first `# ` heading, removed) and body."""
    lines = page.body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and (m := _H1.match(lines[first].strip())):
        body = "\n".join(lines[:first] + lines[first + 1:])
        return page.title or m.group(1), body
    stem = page.url_path.rsplit("/", 1)[-1].removesuffix(".md")
    return page.title or stem, page.body


def agency_block(cat: Catalog) -> list[tuple[str, str | list[str]]]:
    """The Art. 12 contact fields of the 公开指南, in the order the 条例 names them."""
    if cat.config.src is None:
        return []
    a = cat.config.agency
    return [
        ("机构名称", a.name), ("统一社会信用代码", a.credit_code), ("办公地址", a.address),
        ("邮政编码", a.postcode), ("办公时间", a.office_hours), ("联系电话", a.phone), ("传真号码", a.fax),
        ("电子邮箱", a.email), ("互联网联系方式", a.website), ("申请渠道", list(a.application_channels)),
    ]


def content_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """content/**/*.md, with doc:/law:/power: links resolved; guide.md gains the Art. 12 block.

    content/index.md is not a page of its own: its prose introduces the home page.
    """
    out: list[SitePage] = []
    for page in cat.pages:
        url = urls.content_page(page.url_path)
        if url == urls.HOME:
            continue
        title, body = title_and_body(page)
        body = resolve_links(cat, body, url)
        is_guide = url == urls.GUIDE
        description = page.src.raw.get("description")
        html = render(
            "content.html.j2", here=url, title=title, body_slot=BODY_SLOT,
            crumbs=[Crumb("首页", urls.HOME), Crumb(title)],
            agency=agency_block(cat) if is_guide else None, catalogue_url=urls.CATALOGUE,
        )
        out.append(SitePage(url, title, body, PageMeta(
            description=description if isinstance(description, str) else None,
            toc="\n#" in "\n" + body, from_content=True,
        ), html))
    return out


def home_intro(cat: Catalog) -> str:
    page = next((p for p in cat.pages if urls.content_page(p.url_path) == urls.HOME), None)
    return resolve_links(cat, title_and_body(page)[1], urls.HOME) if page else ""
