"""The 清理/status audit (SPEC §7): counts and the lists behind them, as of one date.

The numbers come from the same catalogue the site is built from, and the problem lists come
from running the very rule modules `check` runs (expired-but-valid, expiring-soon,
review-overdue, review-pending, cites-repealed, cites-amended) with `today` = the audit date,
so the audit, `check` and the site can never disagree. Statuses on the audit date are derived
from the documents' dates (see lifecycle.py); the 清理 figures from the latest review on or
before that date. Rendering lives in audit_render.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from generator.codes import Code
from generator.format.fields import POWER_TYPES
from generator.format.lifecycle import latest_review, normative_documents, status_at
from generator.format.model import Catalog, Document, Power, Review
from generator.format.status import DOC_STATUSES, POWER_STATUSES, REVIEW_RESULTS, DocStatus, PowerStatus
from generator.problems import Pos
from generator.rules import (
    cites_amended,
    cites_repealed,
    expired_but_valid,
    expiring_soon,
    filing_late,
    filing_missing,
    review_overdue,
    review_pending,
)

OWNERS = ("self", "drafted")
OWNER_LABELS = {"self": "本单位制发", "drafted": "由本单位草拟或负责实施", "unknown": "未注明制发主体", "total": "合计"}
# How the 法治政府建设 report words a 清理 result: a decision (本单位制发) or a proposal (草拟/负责实施).
DECIDED_WORDS = {"废止": "已废止", "宣布失效": "已宣布失效", "修改": "已修改", "继续有效": "不修改"}
PROPOSED_WORDS = {"废止": "建议废止", "宣布失效": "建议宣布失效", "修改": "建议修改", "继续有效": "建议不修改"}

# Every column any list can show: key → Chinese header.
COLUMNS: dict[str, str] = {
    "record": "类型",
    "id": "编号",
    "title": "名称",
    "doc_no": "文号",
    "kind": "类别",
    "owner": "制发主体",
    "published": "发布日期",
    "expires": "有效期至",
    "status": "状态",
    "recorded_status": "记录状态",
    "review": "最近清理",
    "filing": "备案",
    "unified_no": "统一编号",
    "effective": "施行日期",
    "repealed": "废止日期",
    "repealed_by": "废止依据",
    "legality": "合法性审核",
    "basis": "依据",
    "note": "说明",
    "location": "位置",
}


@dataclass(frozen=True)
class AuditRow:
    """One document or power in a list, with every field a list may show."""

    record: str  # 规范性文件 / 规章 / 权力事项
    id: str
    title: str
    path: str
    line: int
    doc_no: str = ""
    kind: str = ""
    owner: str = ""
    published: str = ""
    expires: str = ""
    status: str = ""
    recorded_status: str = ""
    review: str = ""
    filing: str = ""
    basis: str = ""
    note: str = ""
    unified_no: str = ""
    effective: str = ""
    repealed: str = ""
    repealed_by: str = ""
    legality: str = ""

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"

    def value(self, column: str) -> str:
        return self.location if column == "location" else str(getattr(self, column))


@dataclass(frozen=True)
class AuditList:
    """A named list of rows; `code` names the rule it comes from, if any."""

    key: str
    title: str
    code: str | None
    columns: tuple[str, ...]
    rows: tuple[AuditRow, ...]

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(COLUMNS[c] for c in self.columns)


@dataclass(frozen=True)
class ReviewTally:
    """规范性文件 of one owner by the result of their latest 清理 on the audit date."""

    owner: str
    reviewed: int
    decided: dict[str, int]  # result → count, results with decided: true
    proposed: dict[str, int]  # result → count, results still a 建议 (decided: false)
    unreviewed: int
    # The documents left out of the sentence because they have no 清理 result yet, as "title（文号）".
    left_out: tuple[str, ...] = ()

    @property
    def decided_total(self) -> int:
        return sum(self.decided.values())

    @property
    def proposed_total(self) -> int:
        return sum(self.proposed.values())


@dataclass(frozen=True)
class Audit:
    as_of: dt.date
    agency: str
    by_owner: dict[str, dict[str, int]]  # self / drafted / (unknown) / total → status → count, plus total
    by_kind: dict[str, dict[str, int]]  # 规章 / 规范性文件 → status → count, plus total
    reviews: dict[str, ReviewTally]  # self / drafted
    powers_by_type: dict[str, int]  # the 10 types, 有效 powers
    powers_by_status: dict[str, int]
    documents_sentence: str
    powers_sentence: str
    lists: tuple[AuditList, ...]
    # What a campaign audit (`audit --batch`) covers, one line; "" for the audit of the whole catalogue.
    scope: str = ""
    campaign: str = ""  # the campaign's id

    def list(self, key: str) -> AuditList:
        return next(x for x in self.lists if x.key == key)

    @property
    def powers_total(self) -> int:
        return sum(self.powers_by_type.values())


# --- helpers ---------------------------------------------------------------------------------------


def we(agency: str) -> str:
    """How the agency names itself in its reports: 某市科学技术局 → 我局, …委 → 我委; else 本单位."""
    for suffix in ("局", "委", "厅", "办", "院", "署", "部", "府", "室", "中心"):
        if agency.endswith(suffix):
            return "我" + suffix
    return "本单位"


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def review_text(review: Review | None) -> str:
    if review is None:
        return "未清理"
    return f"{_iso(review.date)} {review.result or '?'}（{'决定' if review.decided else '建议'}）"


def filing_text(doc: Document) -> str:
    f = doc.filing
    if f is None:
        return "未记录"
    return "，".join(x for x in (_iso(f.date), f.to, f.no) if x)


def doc_row(cat: Catalog, doc: Document, day: dt.date, pos: Pos | None = None, note: str = "",
            basis: str = "", review: Review | None = None) -> AuditRow:
    """A document's row; `review` replaces its latest review on `day` (a campaign's own review)."""
    p = pos or doc.src.raw.pos
    return AuditRow(
        record=doc.kind or "文件", id=doc.id, title=doc.title, path=doc.src.path, line=p.line,
        doc_no=doc.doc_no or "", kind=doc.kind or "", owner=OWNER_LABELS.get(doc.owner or "unknown", doc.owner or ""),
        published=_iso(doc.published), expires=_iso(doc.expires), status=status_at(cat, doc, day) or "",
        recorded_status=doc.status or "", review=review_text(review or latest_review(doc, day)),
        filing=filing_text(doc) if doc.normative else "", basis=basis, note=note,
        unified_no=doc.unified_no or "", effective=_iso(doc.effective),
        repealed=_iso(doc.repealed.date) if doc.repealed else "",
        repealed_by=(doc.repealed.by or "") if doc.repealed else "", legality=_legality(doc),
    )


def _legality(doc: Document) -> str:
    """合法性审核 as an auditor reads it: the date, the result and the opinion's number."""
    review = doc.legality_review
    if review is None:
        return ""
    parts = [_iso(review.date) if review.date else "", review.result or "",
             f"（{review.opinion_no}）" if review.opinion_no else ""]
    return " ".join(p for p in parts[:2] if p) + parts[2]


def _power_row(power: Power, pos: Pos | None = None, note: str = "", basis: str = "") -> AuditRow:
    p = pos or power.src.raw.pos
    return AuditRow(
        record="权力事项", id=power.code, title=power.name, path=power.src.path, line=p.line,
        kind=power.type or "", status=power.status or "", basis=basis, note=note,
    )


class _Locator:
    """Finds the record a rule finding points into: documents are one per file, powers many."""

    def __init__(self, cat: Catalog) -> None:
        self.docs = {d.src.path: d for d in cat.all_documents}
        self.powers: dict[str, list[Power]] = {}
        for p in cat.all_powers:
            self.powers.setdefault(p.src.path, []).append(p)

    def find(self, path: str, pos: Pos) -> Document | Power | None:
        if path in self.docs:
            return self.docs[path]
        before = [p for p in self.powers.get(path, []) if p.src.raw.pos <= pos]
        return max(before, key=lambda p: p.src.raw.pos) if before else None


def _basis_at(cat: Catalog, record: Document | Power, pos: Pos) -> str:
    """The law (or 裁量基准 document) a cites-* finding at `pos` points to, as '《title》（id，status）'."""
    for ref in record.basis:
        if record.src.at("basis", ref.index, "law") == pos and ref.law in cat.laws:
            law = cat.laws[ref.law]
            return f"《{law.title}》（{law.id}，{law.status}）"
    if isinstance(record, Power) and record.discretion and record.src.at("discretion") == pos:
        doc = cat.documents.get(record.discretion)
        if doc is not None:
            return f"《{doc.title}》（{doc.id}，{doc.status}）"
    return ""


def _rule_list(cat: Catalog, day: dt.date, locate: _Locator, rule: ModuleType, key: str, title: str,
               columns: tuple[str, ...]) -> AuditList:
    """Run one rule as `check --today day` would, keeping findings on records that existed on `day`."""
    rows: list[AuditRow] = []
    for path, pos, message, *_ in rule.check(cat, day):
        record = locate.find(path, pos)
        if isinstance(record, Document):
            if record.published is None or record.published > day:
                continue
            if rule is review_pending:  # a proposal dated after the audit date did not exist yet
                review = next((r for r in record.reviews if record.src.at("reviews", r.index) == pos), None)
                if review is not None and review.date is not None and review.date > day:
                    continue
            rows.append(doc_row(cat, record, day, pos, message, _basis_at(cat, record, pos)))
        elif isinstance(record, Power):
            rows.append(_power_row(record, pos, message, _basis_at(cat, record, pos)))
    rows.sort(key=lambda r: (r.path, r.line, r.id))
    return AuditList(key, title, rule.CODE, columns, tuple(rows))


def tally(docs: list[Document], owner: str, day: dt.date,
          review_of: Callable[[Document], Review | None] | None = None) -> ReviewTally:
    """The owner's 规范性文件 by the result of their latest review on `day` (or of `review_of(doc)`)."""
    decided = dict.fromkeys(REVIEW_RESULTS, 0)
    proposed = dict.fromkeys(REVIEW_RESULTS, 0)
    reviewed = unreviewed = 0
    left_out: list[str] = []
    for doc in docs:
        if doc.owner != owner or doc.kind != "规范性文件":
            continue
        last = review_of(doc) if review_of is not None else latest_review(doc, day)
        if last is None or last.result not in REVIEW_RESULTS:
            unreviewed += 1
            left_out.append(f"{doc.title}（{doc.doc_no}）" if doc.doc_no else doc.title)
            continue
        reviewed += 1
        (decided if last.decided else proposed)[last.result] += 1
    return ReviewTally(owner, reviewed, decided, proposed, unreviewed, tuple(left_out))


def left_out_note(agency: str, reviews: dict[str, ReviewTally]) -> str:
    """Who the sentence does not count and why: the documents with no 清理 result yet ('' when none)."""
    parts = [f"{OWNER_LABELS[o]}的{'、'.join(t.left_out)}" for o, t in reviews.items() if t.left_out]
    if not parts:
        return ""
    total = sum(len(t.left_out) for t in reviews.values())
    return f"未计入上句的规范性文件{total}件（尚无清理结果）：{'；'.join(parts)}"


def _counts(words: dict[str, str], counts: dict[str, int]) -> str:
    return "、".join(f"{words[r]}{counts[r]}件" for r in ("废止", "宣布失效", "修改", "继续有效"))


def documents_sentence(agency: str, reviews: dict[str, ReviewTally]) -> str:
    """The 清理 sentence of the 法治政府建设 report.

    Documents the agency drafted or implements for the government are reported as its proposals
    (建议…), its own documents as decisions (已…); a document whose latest review is of the other
    kind is added in a clause of its own, so every reviewed document is counted exactly once.
    """
    d, s = reviews["drafted"], reviews["self"]
    drafted = f"由{we(agency)}草拟或负责实施的规范性文件{d.reviewed}件，{_counts(PROPOSED_WORDS, d.proposed)}"
    if d.decided_total:
        drafted += f"，另有已作决定的{d.decided_total}件（{_counts(DECIDED_WORDS, d.decided)}）"
    own = f"本单位制发的规范性文件{s.reviewed}件，{_counts(DECIDED_WORDS, s.decided)}"
    if s.proposed_total:
        own += f"，另有清理建议尚待决定的{s.proposed_total}件（{_counts(PROPOSED_WORDS, s.proposed)}）"
    return f"{drafted}；{own}"


def powers_sentence(by_type: dict[str, int]) -> str:
    """'行政处罚45项，行政强制1项，…，共57项': the types that have powers, in the order of the 10 types."""
    parts = [f"{t}{n}项" for t, n in by_type.items() if n]
    return "，".join([*parts, f"共{sum(by_type.values())}项"])


# --- the audit -------------------------------------------------------------------------------------


DOC_COLUMNS = ("id", "title", "doc_no", "owner", "expires", "note", "location")
CITE_COLUMNS = ("record", "id", "title", "basis", "note", "location")


def run_audit(cat: Catalog, day: dt.date) -> Audit:
    """The audit of `cat` as of `day`."""
    agency = cat.config.agency.name
    docs = [d for d in normative_documents(cat) if d.published is not None and d.published <= day]

    by_owner: dict[str, dict[str, int]] = {}
    for owner in (*OWNERS, "unknown"):
        row = dict.fromkeys(DOC_STATUSES, 0)
        for doc in docs:
            if doc.owner == owner or (owner == "unknown" and doc.owner not in OWNERS):
                row[status_at(cat, doc, day) or DocStatus.VALID.value] += 1
        if owner != "unknown" or any(row.values()):
            by_owner[owner] = {**row, "total": sum(row.values())}
    by_owner["total"] = {s: sum(r[s] for r in by_owner.values()) for s in (*DOC_STATUSES, "total")}

    by_kind: dict[str, dict[str, int]] = {}
    for kind in ("规章", "规范性文件"):
        row = dict.fromkeys(DOC_STATUSES, 0)
        for doc in docs:
            if doc.kind == kind:
                row[status_at(cat, doc, day) or DocStatus.VALID.value] += 1
        by_kind[kind] = {**row, "total": sum(row.values())}

    reviews = {owner: tally(docs, owner, day) for owner in OWNERS}

    powers = sorted(cat.powers.values(), key=lambda p: p.code)
    by_type = {t: sum(1 for p in powers if p.type == t and p.status == PowerStatus.VALID) for t in POWER_TYPES}
    by_status = {s: sum(1 for p in powers if p.status == s) for s in POWER_STATUSES}

    locate = _Locator(cat)
    lists = (
        AuditList("documents", "规章和规范性文件一览", None,
                  ("id", "title", "doc_no", "kind", "owner", "published", "expires", "status", "recorded_status",
                   "review", "filing"),
                  tuple(doc_row(cat, d, day) for d in docs)),
        _rule_list(cat, day, locate, expired_but_valid, Code.EXPIRED_BUT_VALID, "已过有效期仍标为有效", DOC_COLUMNS),
        _rule_list(cat, day, locate, expiring_soon, Code.EXPIRING_SOON, "即将到期", DOC_COLUMNS),
        _rule_list(cat, day, locate, review_overdue, Code.REVIEW_OVERDUE, "清理逾期",
                   ("id", "title", "doc_no", "owner", "review", "note", "location")),
        _rule_list(cat, day, locate, review_pending, Code.REVIEW_PENDING, "清理建议待决定",
                   ("id", "title", "doc_no", "owner", "review", "note", "location")),
        _rule_list(cat, day, locate, cites_repealed, Code.CITES_REPEALED, "依据已废止的权力事项和文件", CITE_COLUMNS),
        _rule_list(cat, day, locate, cites_amended, Code.CITES_AMENDED, "依据已修改的权力事项和文件", CITE_COLUMNS),
        _rule_list(cat, day, locate, filing_missing, Code.FILING_MISSING, "未备案", DOC_COLUMNS),
        _rule_list(cat, day, locate, filing_late, Code.FILING_LATE, "备案逾期",
                   ("id", "title", "doc_no", "published", "filing", "note", "location")),
        AuditList("changes", f"权责清单动态调整（{day.year}年）", None, ("id", "title", "kind", "note", "location"),
                  adjustments(cat, day.year, day)),
        AuditList("powers", "行政权力事项一览", None, ("id", "title", "kind", "status", "location"),
                  tuple(_power_row(p) for p in sorted(powers, key=_power_order))),
    )
    return Audit(
        as_of=day, agency=agency, by_owner=by_owner, by_kind=by_kind, reviews=reviews,
        powers_by_type=by_type, powers_by_status=by_status,
        documents_sentence=documents_sentence(agency, reviews), powers_sentence=powers_sentence(by_type),
        lists=lists,
    )


def adjustments(cat: Catalog, year: int, day: dt.date) -> tuple[AuditRow, ...]:
    """The 权责清单 adjustments (a power's `changes:`) dated in `year` and on or before `day`."""
    rows = []
    for p in cat.all_powers:
        for c in p.changes:
            if c.date is not None and c.date.year == year and c.date <= day:
                note = "，".join(x for x in (c.date.isoformat(), c.doc_no, c.note) if x)
                row = AuditRow(record="权力事项", id=p.code, title=p.name, path=p.src.path,
                               line=p.src.at("changes", c.index).line, kind=c.kind or "", status=p.status or "",
                               note=note)
                rows.append((c.date, p.code, row))
    rows.sort(key=lambda t: (t[0], t[1]))
    return tuple(r for _, _, r in rows)


def _power_order(p: Power) -> tuple[int, str]:
    return (POWER_TYPES.index(p.type) if p.type in POWER_TYPES else len(POWER_TYPES), p.code)


def as_json(audit: Audit) -> dict[str, Any]:
    """The audit as plain data (what `audit --format json` prints)."""
    return {
        "as_of": audit.as_of.isoformat(),
        "agency": audit.agency,
        **({"campaign": audit.campaign, "scope": audit.scope} if audit.campaign else {}),
        "sentences": {"documents": audit.documents_sentence, "powers": audit.powers_sentence},
        "documents": {"by_owner": audit.by_owner, "by_kind": audit.by_kind},
        "reviews": {
            owner: {"reviewed": t.reviewed, "decided": t.decided, "proposed": t.proposed, "unreviewed": t.unreviewed,
                    "left_out": list(t.left_out)}
            for owner, t in audit.reviews.items()
        },
        "powers": {"by_type": audit.powers_by_type, "total": audit.powers_total, "by_status": audit.powers_by_status},
        "lists": [
            {"key": x.key, "title": x.title, "code": x.code, "count": len(x.rows),
             "rows": [{c: r.value(c) for c in x.columns} for r in x.rows]}
            for x in audit.lists
        ],
    }
