"""规范性文件库: normative/ with a static page per filter (status, year, both), each paginated.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import partial

from generator.format.model import Catalog, Document
from generator.format.relations import relations
from generator.format.status import DOC_STATUSES
from generator.site import urls
from generator.site.pages.base import (
    Crumb,
    PageMeta,
    Pager,
    Shared,
    SitePage,
    chunks,
    drawn_page,
)


def _normative_page(status: str | None, year: int | None, page: int) -> str:
    return urls.normative(status, year, page)


def _year(doc: Document) -> int | None:
    d = doc.published or doc.written
    return d.year if d else None


def normative_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """normative/ with static filter pages: status/<slug>/, year/<yyyy>/, both, each paginated."""
    rel = relations(cat)
    docs = [d for d in rel.documents if d.normative]
    statuses = list(DOC_STATUSES)
    years = sorted({y for d in docs if (y := _year(d)) is not None}, reverse=True)
    groups: dict[tuple[str | None, int | None], list[Document]] = defaultdict(list)
    for d in docs:
        s = d.status if d.status in statuses else None
        y = _year(d)
        for key in {(None, None), (s, None), (None, y), (s, y)}:
            groups[key].append(d)
    # In a fixed order (the pairs came out of sets): the pages' fingerprints see the order of a dict.
    groups = dict(sorted(groups.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or 0)))
    counts = {k: len(v) for k, v in groups.items()}
    # The JS enhancement jumps to the static page of a (status, year) pair: only pairs that exist.
    combos = {f"{urls.slug(s) if s else ''}|{y or ''}": urls.normative(s, y) for (s, y) in groups}
    fingerprint = cat.fingerprint()
    shared = Shared.of(fingerprint, statuses=statuses, years=years, counts=counts, combos=combos, all_count=len(docs))
    out: list[SitePage] = []
    for (status, year), members in groups.items():
        pages = chunks(members)
        label = "、".join(x for x in (status, f"{year}年" if year else None) if x)
        for n, rows in enumerate(pages, start=1):
            url = urls.normative(status, year, n)
            title = "规范性文件库" + (f"：{label}" if label else "") + (f"（第{n}页）" if n > 1 else "")
            crumbs = [Crumb("首页", urls.HOME)]
            crumbs += [Crumb("规范性文件库", urls.NORMATIVE), Crumb(label or title)] if label else [Crumb(title)]
            out.append(drawn_page(url, title, "normative.html.j2", dict(
                here=url, title=title, rows=rows, status=status, year=year, total=len(members), crumbs=crumbs,
                pager=Pager(n, len(pages), partial(_normative_page, status, year)),
            ), PageMeta(description="本单位制发及负责实施的规章和行政规范性文件，可按效力状态和发布年份筛选。"),
                fingerprint=fingerprint, shared=shared))
    return out
