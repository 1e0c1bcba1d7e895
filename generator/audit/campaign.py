"""The audit of one 清理 campaign (`audit --batch ID|latest`): its scope, progress and results alone.

A real 法治政府建设 report states the result of one 清理, not each document's latest review ever: the
counts here are of the documents in the campaign's scope (format/campaigns.py) by their review in this
campaign, so a document repealed in an earlier 清理 is never counted again.
"""

from __future__ import annotations

import datetime as dt

from generator.audit.audit import (
    OWNER_LABELS,
    OWNERS,
    Audit,
    AuditList,
    doc_row,
    documents_sentence,
    powers_sentence,
    tally,
)
from generator.codes import Code
from generator.format.campaigns import in_scope, latest, review_in
from generator.format.fields import POWER_TYPES
from generator.format.lifecycle import status_at
from generator.format.model import Catalog, Cleanup, Document, Review
from generator.format.status import DOC_STATUSES, POWER_STATUSES, DocStatus, PowerStatus
from generator.problems import UsageError
from generator.rules._util import did_you_mean

COLUMNS = ("id", "title", "doc_no", "owner", "published", "status", "review", "location")


def find_campaign(cat: Catalog, key: str) -> Cleanup:
    """The campaign named on the command line: an id, or `latest` (the latest notice date)."""
    if key == "latest":
        found = latest(cat)
        if found is None:
            raise UsageError("catalog/cleanups.yml 中没有清理活动：请先记录清理活动（见 docs/format.md）")
        return found
    if key not in cat.cleanups:
        hint = did_you_mean(key, cat.cleanups) or f"；现有：{'、'.join(cat.cleanups) or '无'}"
        raise UsageError(f"清理活动 '{key}' 不存在{hint}")
    return cat.cleanups[key]


def scope_text(campaign: Cleanup) -> str:
    """The campaign in one line: notice, scope, deadline, decision."""
    owners = "、".join(OWNER_LABELS.get(o, o) for o in campaign.owners)
    parts = [f"清理活动 {campaign.id}《{campaign.title}》",
             f"通知 {campaign.notice_no or '（未记文号）'}（{campaign.notice_date}）",
             f"范围：{'、'.join(campaign.kinds)}，{owners}，{campaign.published_before} 以前发布、通知当日有效",
             f"期限 {campaign.deadline}" if campaign.deadline else "未定期限",
             f"结果决定 {campaign.decision_no}（{campaign.decision_date}）" if campaign.decision_no
             else "尚未作出结果决定"]
    return "；".join(parts)


def run_campaign_audit(cat: Catalog, campaign: Cleanup, day: dt.date) -> Audit:
    """The counts, lists and sentence of `campaign` as of `day` (reviews dated after `day` not yet made)."""
    docs = in_scope(cat, campaign)

    def review(doc: Document) -> Review | None:
        r = review_in(doc, campaign)
        return r if r is not None and (r.date is None or r.date <= day) else None

    def by(key: str, values: tuple[str, ...]) -> dict[str, dict[str, int]]:
        out = {}
        for v in values:
            row = dict.fromkeys(DOC_STATUSES, 0)
            for d in docs:
                if getattr(d, key) == v:
                    row[status_at(cat, d, day) or DocStatus.VALID.value] += 1
            out[v] = {**row, "total": sum(row.values())}
        return out

    by_owner = by("owner", OWNERS)
    by_owner["total"] = {s: sum(r[s] for r in by_owner.values()) for s in (*DOC_STATUSES, "total")}
    reviews = {owner: tally(docs, owner, day, review) for owner in OWNERS}
    powers = list(cat.powers.values())
    by_type = {t: sum(1 for p in powers if p.type == t and p.status == PowerStatus.VALID) for t in POWER_TYPES}
    rows = [doc_row(cat, d, day, review=review(d)) for d in docs]
    missing = tuple(r for r, d in zip(rows, docs, strict=True) if review(d) is None)
    pending = tuple(r for r, d in zip(rows, docs, strict=True) if (x := review(d)) is not None and not x.decided)
    ended = tuple(r for r, d in zip(rows, docs, strict=True)
                  if (x := review(d)) is not None and x.decided and x.result in ("废止", "宣布失效"))
    agency = cat.config.agency.name
    return Audit(
        as_of=day, agency=agency, by_owner=by_owner, by_kind=by("kind", ("规章", "规范性文件")), reviews=reviews,
        powers_by_type=by_type, powers_by_status={s: sum(1 for p in powers if p.status == s) for s in POWER_STATUSES},
        documents_sentence=documents_sentence(agency, reviews), powers_sentence=powers_sentence(by_type),
        lists=(
            AuditList("scope", "清理范围内的文件及本次清理结果", None, COLUMNS, tuple(rows)),
            AuditList("ended", "本次清理废止或宣布失效的文件", None, COLUMNS, ended),
            AuditList("pending", "本次清理建议待决定", None, COLUMNS, pending),
            AuditList("missing", "尚未清理", Code.CLEANUP_INCOMPLETE, COLUMNS, missing),
        ),
        scope=scope_text(campaign), campaign=campaign.id,
    )

