"""The annual report's tables (国办公开办函〔2021〕30号): 表二 computed from the catalogue, the rest read in.

表二 第二十条第（一）项 counts the agency's own (owner: self) 规章 and 规范性文件 for year Y:
- 本年制发件数: published in Y;
- 本年废止件数: repealed in Y (`repealed.date`), or — for a document recorded 失效 with no repeal
  record — whose `expires` + 1 day falls in Y;
- 现行有效件数: in force (有效 or 已修改) on 31 December Y, its status derived from its dates
  (lifecycle.py), so a document past `expires` no longer counts even if still marked 有效.

The cross-year check 现行有效(Y) = 现行有效(Y−1) + 制发(Y) − 废止(Y) is not an official rule, so a
failure is a warning that names the documents that account for the difference.

The other 表二 rows (许可, 处罚, 强制 decisions, 收费), 表三 and 表四 are not in the catalogue: they come from
catalog/annual/Y.yml, whose shape the schema rules check and whose arithmetic (annual_tables.py)
`annual_findings` checks for `check` (as invalid-value errors at the line of the number).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.audit.annual_tables import (
    AppealRow,
    ApplicationRow,
    blank_appeals,
    blank_applications,
    count,
    read_appeals,
    read_applications,
    table_findings,
)
from generator.format.lifecycle import DAY, ending, in_effect_at, normative_documents
from generator.format.model import Catalog, Document, Source
from generator.format.status import DocStatus
from generator.format.yamltree import YMap
from generator.problems import Pos

KINDS = ("规章", "规范性文件")
TABLE2_LABELS = {"规章": "规章", "规范性文件": "行政规范性文件"}


@dataclass(frozen=True)
class Entry:
    """A document behind a number (or behind a difference), with why, and where it is."""

    id: str
    title: str
    reason: str
    path: str
    line: int


@dataclass(frozen=True)
class NormativeRow:
    """One 表二 row of 第二十条第（一）项, with the documents behind each count."""

    kind: str
    issued: tuple[Entry, ...]
    repealed: tuple[Entry, ...]
    in_force: tuple[Entry, ...]
    in_force_before: int  # 现行有效 on 31 December of the year before
    differences: tuple[Entry, ...]  # the documents that break the cross-year check, if it fails

    @property
    def label(self) -> str:
        return TABLE2_LABELS[self.kind]

    @property
    def expected(self) -> int:
        return self.in_force_before + len(self.issued) - len(self.repealed)

    @property
    def balanced(self) -> bool:
        return self.expected == len(self.in_force)


@dataclass(frozen=True)
class Active:
    """表二 rows outside the catalogue, as typed in catalog/annual/Y.yml (None: not given)."""

    permit_decisions: int | None
    penalty_decisions: int | None
    coercion_decisions: int | None
    fee_amount: int | float | None


@dataclass(frozen=True)
class AnnualReport:
    year: int
    agency: str
    source: str | None  # catalog/annual/Y.yml, when there is one
    normative: tuple[NormativeRow, ...]
    active: Active | None
    applications: tuple[ApplicationRow, ...]  # 表三 as given; empty when the annual file has none
    appeals: tuple[AppealRow, ...]  # 表四 as given; empty when the annual file has none
    amended: tuple[Entry, ...]  # documents amended in Y: still 现行有效
    warnings: tuple[str, ...]

    def row(self, kind: str) -> NormativeRow:
        return next(r for r in self.normative if r.kind == kind)

    @property
    def table3(self) -> tuple[ApplicationRow, ...]:
        """Every row of 表三: as given, or the template's rows with “—” for every number."""
        return self.applications or blank_applications()

    @property
    def table4(self) -> tuple[AppealRow, ...]:
        return self.appeals or blank_appeals()


# --- reading catalog/annual/Y.yml ------------------------------------------------------------------


def _number(value: Any) -> int | float | None:
    if isinstance(value, float) and not isinstance(value, bool) and value >= 0 and value != float("inf"):
        return value
    return count(value)


def read_active(src: Source) -> Active | None:
    m = src.raw.get("active")
    if not isinstance(m, YMap):
        return None
    return Active(count(m.get("permit_decisions")), count(m.get("penalty_decisions")),
                  count(m.get("coercion_decisions")), _number(m.get("fee_amount")))


def annual_findings(cat: Catalog) -> Iterator[tuple[str, Pos, str]]:
    """Where 表三/表四 of a catalog/annual/Y.yml do not add up (annual_tables.py), for the invalid-value rule."""
    for year in sorted(cat.annual):
        yield from table_findings(cat.annual[year])


# --- 表二 from the catalogue -----------------------------------------------------------------------


def repeal_year(doc: Document) -> int | None:
    """The year `doc` counts as 本年废止: its repeal record's date, else the day after it expired —
    whether the record says 失效 or, not yet updated, still 有效/已修改 (it lapsed all the same)."""
    if doc.repealed is not None and doc.repealed.date is not None:
        return doc.repealed.date.year
    if doc.expires is not None and doc.status != DocStatus.REPEALED:
        return (doc.expires + DAY).year
    return None


def _entry(doc: Document, reason: str = "") -> Entry:
    return Entry(doc.id, doc.title, reason, doc.src.path, doc.src.raw.pos.line)


def _why_left(doc: Document, year: int) -> str:
    """Why a document in force at the start of `year` (or published in it) left force without a counted repeal."""
    end = ending(doc)
    if doc.effective is not None and doc.effective > dt.date(year, 12, 31) and doc.published is not None \
            and doc.published.year == year:
        return f"尚未施行：{doc.published} 发布，{doc.effective} 起施行，本年末尚未施行，不计入本年现行有效件数"
    if end is not None and end.date is None:
        return f"废止日期不明：记录为 {doc.status}，但没有 repealed.date，未计入任何一年的废止件数：请补写 repealed"
    if end is not None and end.by_expiry and doc.expires is not None:
        if doc.repealed is not None and doc.repealed.date is not None:
            return (f"到期：有效期至 {doc.expires}，{year} 年已到期失效，不再计入现行有效；"
                    f"但废止记录日期为 {doc.repealed.date}，计入 {doc.repealed.date.year} 年废止件数")
        return (f"到期：有效期至 {doc.expires} 已届满，不再计入现行有效；但记录仍为 {doc.status}、"
                f"没有废止记录，未计入本年废止件数：请把 status 改为 失效（或记录重新评估后的新有效期）")
    return f"本年不再有效，但未计入本年废止件数（记录为 {doc.status}）"


def _why_counted(doc: Document, year: int) -> str:
    """Why a document counted as 废止 in `year` was not in force at its start nor published in it."""
    end = ending(doc)
    if doc.published is not None and doc.repealed is not None and doc.repealed.date is not None \
            and doc.repealed.date < doc.published:
        return f"废止日期 {doc.repealed.date} 早于发布日期 {doc.published}：请核对日期"
    if end is not None and end.by_expiry and end.date is not None and end.date.year < year:
        return (f"到期：有效期至 {doc.expires}，{end.date.year} 年已到期失效、当年起不计入现行有效，"
                f"但废止记录日期为 {doc.repealed.date if doc.repealed else '?'}，计入本年废止件数")
    return "计入本年废止件数，但上年末并不在现行有效之列"


def normative_row(cat: Catalog, kind: str, year: int) -> NormativeRow:
    docs = [d for d in normative_documents(cat) if d.kind == kind and d.owner == "self"]
    start, end = dt.date(year - 1, 12, 31), dt.date(year, 12, 31)
    issued = [d for d in docs if d.published is not None and d.published.year == year]
    repealed = [d for d in docs if repeal_year(d) == year]
    before = [d for d in docs if in_effect_at(cat, d, start)]
    after = [d for d in docs if in_effect_at(cat, d, end)]

    differences: list[Entry] = []
    if len(before) + len(issued) - len(repealed) != len(after):
        flow = {d.id for d in before} | {d.id for d in issued}
        gone, kept = {d.id for d in repealed}, {d.id for d in after}
        for d in docs:
            if d.id in flow and d.id not in gone and d.id not in kept:
                differences.append(_entry(d, _why_left(d, year)))
            elif d.id in gone and d.id not in flow:
                differences.append(_entry(d, _why_counted(d, year)))
            elif d.id in kept and d.id not in flow:
                if d.effective is not None and d.effective.year == year and d.published is not None \
                        and d.published.year < year:
                    why = f"{d.published} 发布、{d.effective} 起施行：上年末尚未施行，本年起计入现行有效件数"
                else:
                    why = "本年末现行有效，但上年末不在现行有效之列，本年也未制发：请核对日期"
                differences.append(_entry(d, why))
    return NormativeRow(
        kind=kind,
        issued=tuple(_entry(d, f"发布于 {d.published}") for d in issued),
        repealed=tuple(_entry(d, _repeal_reason(d)) for d in repealed),
        in_force=tuple(_entry(d) for d in after),
        in_force_before=len(before),
        differences=tuple(differences),
    )


def _repeal_reason(doc: Document) -> str:
    if doc.repealed is not None and doc.repealed.date is not None:
        by = f"，依据 {doc.repealed.by}" if doc.repealed.by else ""
        return f"{doc.status if doc.status in ('废止', '失效') else '废止'}于 {doc.repealed.date}{by}"
    if doc.status not in (DocStatus.EXPIRED, DocStatus.REPEALED):
        return f"有效期至 {doc.expires}，到期失效（记录仍为 {doc.status}：请把 status 改为 失效）"
    return f"有效期至 {doc.expires}，到期失效"


def _amended_in(cat: Catalog, year: int) -> list[Entry]:
    out = []
    for doc in normative_documents(cat):
        if doc.owner != "self" or doc.status != DocStatus.AMENDED:
            continue
        for aid in doc.amended_by:
            a = cat.documents.get(aid)
            if a is not None and a.published is not None and a.published.year == year:
                out.append(_entry(doc, f"修改：{a.published} 被《{a.title}》（{a.id}）修改，仍计入现行有效件数"))
                break
    return out


def annual_report(cat: Catalog, year: int) -> AnnualReport:
    """表二 for `year` (and 表三 when catalog/annual/<year>.yml gives it), with warnings."""
    agency = cat.config.agency.name
    rows = tuple(normative_row(cat, kind, year) for kind in KINDS)
    src = cat.annual.get(year)
    active = read_active(src) if src is not None else None
    warnings: list[str] = []
    for r in rows:
        if not r.balanced:
            warnings.append(
                f"{r.label}：本年现行有效 {len(r.in_force)} 件，不等于 上年现行有效 {r.in_force_before} + "
                f"本年制发 {len(r.issued)} − 本年废止 {len(r.repealed)} = {r.expected} 件；"
                f"差异来自：" + "；".join(f"{e.id}（{e.reason}）" for e in r.differences)
            )
    if src is None:
        warnings.append(f"没有 catalog/annual/{year}.yml：表二中行政许可、行政处罚、行政强制和行政事业性收费各行空缺，"
                        "请按 docs/audit.md 的格式填写")
    elif active is None:
        warnings.append(f"{src.path} 中没有 active：表二中行政许可、行政处罚、行政强制和行政事业性收费各行空缺")
    if src is not None and not has(src, "applications"):
        warnings.append(f"{src.path} 中没有 applications：表三各数空缺")
    if src is not None and not has(src, "appeals"):
        warnings.append(f"{src.path} 中没有 appeals：表四各数空缺")
    return AnnualReport(
        year=year, agency=agency, source=src.path if src is not None else None, normative=rows, active=active,
        applications=read_applications(src), appeals=read_appeals(src), amended=tuple(_amended_in(cat, year)),
        warnings=tuple(warnings),
    )


def has(src: Source, key: str) -> bool:
    return isinstance(src.raw.get(key), YMap)


def report_years(cat: Catalog) -> list[int]:
    """Years that have an annual report: a content/annual-reports/<year>.md page or a catalog/annual/<year>.yml."""
    years = set(cat.annual)
    for page in cat.pages:
        m = _REPORT_PAGE.match(page.url_path)
        if m:
            years.add(int(m.group(1)))
    return sorted(years)


_REPORT_PAGE = re.compile(r"^annual-reports/(\d{4})\.md$")


def as_json(report: AnnualReport) -> dict[str, Any]:
    """The report as plain data (what `report annual --format json` prints)."""

    def entries(xs: tuple[Entry, ...]) -> list[dict[str, Any]]:
        return [{"id": e.id, "title": e.title, "reason": e.reason, "path": e.path, "line": e.line} for e in xs]

    active = report.active
    return {
        "year": report.year,
        "agency": report.agency,
        "source": report.source,
        "table2": {
            "article_20_1": [
                {"kind": r.kind, "label": r.label, "issued": len(r.issued), "repealed": len(r.repealed),
                 "in_force": len(r.in_force), "in_force_previous_year": r.in_force_before, "balanced": r.balanced,
                 "documents": {"issued": entries(r.issued), "repealed": entries(r.repealed),
                               "in_force": [e.id for e in r.in_force]},
                 "differences": entries(r.differences)}
                for r in report.normative
            ],
            "article_20_5": {"permit_decisions": active.permit_decisions if active else None},
            "article_20_6": {"penalty_decisions": active.penalty_decisions if active else None,
                             "coercion_decisions": active.coercion_decisions if active else None},
            "article_20_8": {"fee_amount": active.fee_amount if active else None},
        },
        "table3": [{"key": r.key, "labels": list(r.labels), **r.values} for r in report.applications] or None,
        "table4": [{"key": r.key, "label": r.label, **r.values} for r in report.appeals] or None,
        "amended": entries(report.amended),
        "warnings": list(report.warnings),
    }
