"""清理结果 (audit/): the 清理 and status audit of generator/audit/ as of the build date, on a page;
and audit/<id>/ for each 清理 campaign of catalog/cleanups.yml (scope, progress, results)."""

from __future__ import annotations

import datetime as dt

from generator.audit.audit import COLUMNS, OWNER_LABELS, Audit, AuditList, AuditRow, run_audit
from generator.audit.campaign import run_campaign_audit
from generator.codes import Code
from generator.format.campaigns import latest
from generator.format.model import Catalog
from generator.format.status import DOC_STATUSES, REVIEW_RESULTS
from generator.site import urls
from generator.site.pages.base import Crumb, PageMeta, SitePage
from generator.templating import render

# Lists on the public page: never more rows than this (the full lists: `make audit`, 规范性文件库).
LIST_LIMIT = 100
# What the public page shows of each list (no file positions, no editor instructions).
SITE_COLUMNS: dict[str, tuple[str, ...]] = {
    Code.EXPIRED_BUT_VALID: ("title", "doc_no", "owner", "expires"),
    Code.EXPIRING_SOON: ("title", "doc_no", "owner", "expires"),
    Code.REVIEW_OVERDUE: ("title", "doc_no", "owner", "review"),
    Code.REVIEW_PENDING: ("title", "doc_no", "owner", "review"),
    Code.CITES_REPEALED: ("record", "title", "basis"),
    Code.CITES_AMENDED: ("record", "title", "basis"),
}
def row_url(row: AuditRow) -> str:
    return urls.power(row.id) if row.record == "权力事项" else urls.document(row.id)


def audit_pages(cat: Catalog, today: dt.date) -> list[SitePage]:
    """audit/: the 清理 and status audit as of the build date."""

    audit = run_audit(cat, today)
    campaigns = [(c, run_campaign_audit(cat, c, today)) for c in cat.cleanups.values()
                 if c.notice_date is not None and c.notice_date <= today]
    campaigns.sort(key=lambda t: (t[0].notice_date or today, t[0].id), reverse=True)
    newest = latest(cat)
    lead: Audit | None = next((a for c, a in campaigns if newest is not None and c.id == newest.id), None)
    lists: list[tuple[AuditList, tuple[str, ...]]] = [(x, SITE_COLUMNS[x.key]) for x in audit.lists
                                                       if x.key in SITE_COLUMNS]
    md = render(
        "audit.md.j2", here=urls.AUDIT, audit=audit, lists=lists, limit=LIST_LIMIT, statuses=DOC_STATUSES,
        results=REVIEW_RESULTS, owner_labels=OWNER_LABELS, row_url=row_url, headers=COLUMNS,
        crumbs=[Crumb("首页", urls.HOME), Crumb("清理结果")], campaigns=campaigns, lead=lead,
    )
    pages = [SitePage(urls.AUDIT, "规范性文件清理结果", md, PageMeta(
        description=f"{audit.agency}规范性文件清理结果和效力状态统计、行政权力事项统计（截至 {today}）。",
        updated=today,
    ))]
    for campaign, result in campaigns:
        url = urls.cleanup(campaign.id)
        md = render(
            "audit_campaign.md.j2", here=url, campaign=campaign, audit=result, results=REVIEW_RESULTS,
            owner_labels=OWNER_LABELS, row_url=row_url, headers=COLUMNS, limit=LIST_LIMIT,
            crumbs=[Crumb("首页", urls.HOME), Crumb("清理结果", urls.AUDIT), Crumb(campaign.title)],
        )
        pages.append(SitePage(url, campaign.title, md, PageMeta(
            description=f"{result.agency}{campaign.title}：清理范围、进度和结果（截至 {today}）。", updated=today,
        )))
    return pages
