"""执法依据: laws/ (paginated, with status and "as of" date) and laws/<id>/ with what cites each law.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from generator.format.fields import LAW_LEVELS
from generator.format.model import Catalog, LegalBasis
from generator.format.relations import CITES_BASIS, CITES_POWER_BASIS, relations
from generator.format.status import LAW_STATUSES
from generator.site import urls
from generator.site.pages.base import (
    Crumb,
    PageMeta,
    Pager,
    SitePage,
    agency_name,
    chunks,
    drawn_page,
)


def _law_order(law: LegalBasis) -> tuple[int, str, str]:
    level = LAW_LEVELS.index(law.level) if law.level in LAW_LEVELS else len(LAW_LEVELS)
    return (level, law.title, law.id)


def law_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """laws/ (+ page/N/) with status and "as of" date, and laws/<id>/ with what cites each law."""
    rel = relations(cat)
    fp = cat.fingerprint()
    laws = sorted(cat.laws.values(), key=_law_order)
    status_counts = Counter(law.status for law in laws)
    pages = chunks(laws)
    out: list[SitePage] = []
    for n, rows in enumerate(pages, start=1):
        url = urls.laws(n)
        title = "执法依据" + (f"（第{n}页）" if n > 1 else "")
        out.append(drawn_page(url, title, "laws.html.j2", dict(
            here=url, title=title, rows=rows, total=len(laws), crumbs=[Crumb("首页", urls.HOME), Crumb(title)],
            statuses=[(s, status_counts.get(s, 0)) for s in LAW_STATUSES],
            pager=Pager(n, len(pages), urls.laws), cited_counts={law.id: len(rel.law_cited_by.get(law.id, []))
                                                                 for law in rows},
        ), PageMeta(description=f"{agency_name(cat)}实施行政执法所依据的法律、法规、规章，标注时效性和核对日期。"),
            fingerprint=fp))
    for law in laws:
        url = urls.law(law.id)
        cited = rel.law_cited_by.get(law.id, [])
        out.append(drawn_page(url, law.title, "law.html.j2", dict(
            here=url, law=law,
            crumbs=[Crumb("首页", urls.HOME), Crumb("执法依据", urls.LAWS), Crumb(law.title)],
            repealer=rel.target(cat, law.repealed.by) if law.repealed else None,
            powers=[c for c in cited if c.relation == CITES_POWER_BASIS],
            documents=[c for c in cited if c.relation == CITES_BASIS],
            others=[c for c in cited if c.relation not in (CITES_POWER_BASIS, CITES_BASIS)],
        ), PageMeta(description=f"{law.level or ''}：{law.title}"), fingerprint=fp))
    return out
