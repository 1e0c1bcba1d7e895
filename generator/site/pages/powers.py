"""权力清单: powers/ grouped by the ten types, powers/type/<slug>/ lists and powers/<slug>/ pages.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from generator.format.fields import POWER_TYPES
from generator.format.model import Catalog, Power
from generator.format.relations import relations
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

POWERS_PER_TYPE_ON_OVERVIEW = 20

def _power_type_page(type_name: str, page: int) -> str:
    return urls.power_type(type_name, page)


def _power_order(p: Power) -> tuple[str, str]:
    return (p.code, p.name)


def power_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """powers/ grouped by the 10 types with counts, powers/type/<slug>/ lists, powers/<slug>/ pages."""
    rel = relations(cat)
    fp = cat.fingerprint()
    by_type: dict[str, list[Power]] = {t: [] for t in POWER_TYPES}
    for p in sorted(cat.powers.values(), key=_power_order):
        by_type.setdefault(p.type or "其他行政权力", []).append(p)
    total = sum(len(v) for v in by_type.values())
    crumbs = [Crumb("首页", urls.HOME), Crumb("权力清单")]
    out = [drawn_page(urls.POWERS, "权力清单", "powers.html.j2", dict(
        here=urls.POWERS, by_type=by_type, total=total, crumbs=crumbs,
        shown=POWERS_PER_TYPE_ON_OVERVIEW, agency=agency_name(cat),
    ), PageMeta(description=f"{agency_name(cat)}行政权力清单（权责清单），按权力类型分类。"), fingerprint=fp)]
    for type_name, members in by_type.items():
        if not members:
            continue
        pages = chunks(members)
        for n, rows in enumerate(pages, start=1):
            url = urls.power_type(type_name, n)
            title = f"权力清单：{type_name}" + (f"（第{n}页）" if n > 1 else "")
            out.append(drawn_page(url, title, "power_type.html.j2", dict(
                here=url, title=title, type_name=type_name, rows=rows, total=len(members),
                crumbs=[Crumb("首页", urls.HOME), Crumb("权力清单", urls.POWERS), Crumb(type_name)],
                pager=Pager(n, len(pages), partial(_power_type_page, type_name)),
            ), fingerprint=fp))
    slugs: set[str] = set()
    for p in sorted(cat.powers.values(), key=_power_order):
        url = urls.power(p.code)
        slug = urls.slug(p.code)
        if not slug or slug in urls.RESERVED_POWER_SLUGS or slug in slugs:
            continue  # a check error (duplicate-id, invalid-value); serve previews the rest
        slugs.add(slug)
        out.append(drawn_page(url, p.name, "power.html.j2", dict(
            here=url, power=p,
            crumbs=[Crumb("首页", urls.HOME), Crumb("权力清单", urls.POWERS),
                    Crumb(p.type or "其他行政权力", urls.power_type(p.type or "其他行政权力")), Crumb(p.name)],
            basis=[(cat.laws.get(b.law or ""), b) for b in p.basis],
            discretion=cat.documents.get(p.discretion or ""),
            cited_by=rel.power_cited_by.get(p.code, []),
        ), PageMeta(description=f"{p.type or ''}：{p.name}（权力编码 {p.code}）"), fingerprint=fp))
    return out
