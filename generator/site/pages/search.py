"""The search results page (search/); the index itself is written by generator/search/.
"""

from __future__ import annotations

import datetime as dt

from generator.format.model import Catalog
from generator.search import search_page_markdown
from generator.site import urls
from generator.site.pages.base import PageMeta, SitePage


def search_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    return [SitePage(urls.SEARCH, "搜索", search_page_markdown(), PageMeta(trusted=True))]
