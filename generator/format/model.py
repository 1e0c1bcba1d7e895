"""The catalogue's record types, built leniently from positioned YAML.

Building never fails: a value of the wrong type becomes None here and the schema rules
report it from the raw tree. Every record keeps its source, so any rule can point at the
exact key that causes a problem.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import Fingerprinter
from generator.format.fields import NORMATIVE_KINDS
from generator.format.raw import ISO_DATE_RE as ISO_DATE_RE
from generator.format.raw import Source as Source
from generator.format.raw import as_date as as_date
from generator.format.raw import date as date
from generator.format.raw import integer as integer
from generator.format.raw import maps as maps
from generator.format.raw import submap as submap
from generator.format.raw import text as text
from generator.format.raw import texts as texts
from generator.format.siteconfig import Agency as Agency
from generator.format.siteconfig import Channel as Channel
from generator.format.siteconfig import Footer as Footer
from generator.format.siteconfig import Policy as Policy
from generator.format.siteconfig import SearchConfig as SearchConfig
from generator.format.siteconfig import SiteConfig as SiteConfig
from generator.format.siteconfig import SiteInfo as SiteInfo
from generator.format.yamltree import YMap
from generator.problems import Code, Pos

if TYPE_CHECKING:  # derived data, built by the modules that own it (no import at run time)
    from generator.format.relations import Relations

# The record getters and the source type (raw.py) and site_config.yml's types (siteconfig.py) are
# imported above `as` themselves: re-exported, so the rules keep importing every record type from here.
ID_RE = re.compile(r"^[a-z0-9-]+$")


@dataclass(frozen=True)
class BasisRef:
    """One 依据 entry: a law id and the articles relied on, with the position of the entry."""

    law: str | None
    articles: tuple[str, ...]
    index: int


def basis_refs(raw: YMap) -> list[BasisRef]:
    return [BasisRef(text(m, "law"), tuple(texts(m, "articles")), i) for i, m in maps(raw, "basis")]


@dataclass(frozen=True)
class Repeal:
    """废止: when, and by what (a catalogue id or an outside 文号/title)."""

    date: dt.date | None
    by: str | None

    @property
    def by_is_id(self) -> bool:
        return self.by is not None and bool(ID_RE.match(self.by))


def repeal(raw: YMap) -> Repeal | None:
    m = submap(raw, "repealed")
    return Repeal(date(m, "date"), text(m, "by")) if m is not None else None


@dataclass
class Category:
    code: str
    name: str
    description: str | None
    parent: str | None
    children: list[str]
    src: Source


@dataclass
class LegalBasis:
    id: str
    title: str
    level: str | None
    issuer: str | None
    promulgated: dt.date | None
    effective: dt.date | None
    status: str | None
    status_checked: dt.date | None
    repealed: Repeal | None
    url: str | None
    src: Source

    @classmethod
    def build(cls, src: Source) -> LegalBasis:
        r = src.raw
        return cls(
            id=text(r, "id") or "", title=text(r, "title") or "", level=text(r, "level"),
            issuer=text(r, "issuer"), promulgated=date(r, "promulgated"), effective=date(r, "effective"),
            status=text(r, "status"), status_checked=date(r, "status_checked"), repealed=repeal(r),
            url=text(r, "url"), src=src,
        )


@dataclass(frozen=True)
class PowerChange:
    """One 动态调整 of a power (its `changes:` entry): when, what kind, on which decision."""

    date: dt.date | None
    kind: str | None
    doc_no: str | None
    note: str | None
    index: int


@dataclass
class Power:
    code: str
    name: str
    type: str | None
    subtype: str | None
    basis: list[BasisRef]
    subject: str | None
    department: str | None
    level: list[str]
    responsibilities: list[str]
    accountability: str | None
    discretion: str | None
    status: str | None
    changes: list[PowerChange]
    src: Source

    @classmethod
    def build(cls, src: Source) -> Power:
        r = src.raw
        return cls(
            code=text(r, "code") or (str(r["code"]) if isinstance(r.get("code"), int) else ""),
            name=text(r, "name") or "", type=text(r, "type"), subtype=text(r, "subtype"),
            basis=basis_refs(r), subject=text(r, "subject"), department=text(r, "department"),
            level=texts(r, "level"), responsibilities=texts(r, "responsibilities"),
            accountability=text(r, "accountability"), discretion=text(r, "discretion"),
            status=text(r, "status"),
            changes=[PowerChange(date(m, "date"), text(m, "kind"), text(m, "doc_no"), text(m, "note"), i)
                     for i, m in maps(r, "changes")],
            src=src,
        )


@dataclass(frozen=True)
class Review:
    """One 清理 record."""

    date: dt.date | None
    batch: str | None
    result: str | None
    decided: bool
    index: int


@dataclass(frozen=True)
class LegalityReview:
    date: dt.date | None
    by: str | None
    result: str | None
    opinion_no: str | None


@dataclass(frozen=True)
class Filing:
    """备案: when the document was filed, with whom, and the registration number."""

    date: dt.date | None
    to: str | None
    no: str | None


@dataclass
class Document:
    id: str
    index_no: str | None
    title: str
    doc_no: str | None
    category: str | None
    issuer: str | None
    genre: str | None
    summary: str | None
    written: dt.date | None
    published: dt.date | None
    kind: str | None
    owner: str | None
    unified_no: str | None
    effective: dt.date | None
    expires: dt.date | None
    status: str | None
    basis: list[BasisRef]
    reviews: list[Review]
    legality_review: LegalityReview | None
    filing: Filing | None
    repealed: Repeal | None
    amended_by: list[str]
    interprets: str | None
    attachments: list[str]
    body: str
    body_line: int
    src: Source

    @functools.cached_property
    def normative(self) -> bool:
        """规章 and 规范性文件 carry a legal status; other disclosures do not. (Asked some twenty times of
        every document per build: kept once known; a record's fields are not changed once it is built.)"""
        return self.kind in NORMATIVE_KINDS

    @property
    def last_review(self) -> Review | None:
        dated = [r for r in self.reviews if r.date is not None]
        return max(dated, key=lambda r: (r.date, r.index)) if dated else None

    @property
    def last_decided_review(self) -> Review | None:
        dated = [r for r in self.reviews if r.date is not None and r.decided]
        return max(dated, key=lambda r: (r.date, r.index)) if dated else None

    @classmethod
    def build(cls, src: Source, body: str, body_line: int) -> Document:
        r = src.raw
        lr = submap(r, "legality_review")
        fl = submap(r, "filing")
        return cls(
            id=text(r, "id") or "", index_no=text(r, "index_no"), title=text(r, "title") or "",
            doc_no=text(r, "doc_no"), category=text(r, "category"), issuer=text(r, "issuer"),
            genre=text(r, "genre"), summary=text(r, "summary"), written=date(r, "written"),
            published=date(r, "published"), kind=text(r, "kind"), owner=text(r, "owner"),
            unified_no=text(r, "unified_no"), effective=date(r, "effective"), expires=date(r, "expires"),
            status=text(r, "status"), basis=basis_refs(r),
            reviews=[
                Review(date(m, "date"), text(m, "batch"), text(m, "result"), m.get("decided") is True, i)
                for i, m in maps(r, "reviews")
            ],
            legality_review=(
                LegalityReview(date(lr, "date"), text(lr, "by"), text(lr, "result"), text(lr, "opinion_no"))
                if lr is not None else None
            ),
            filing=Filing(date(fl, "date"), text(fl, "to"), text(fl, "no")) if fl is not None else None,
            repealed=repeal(r), amended_by=texts(r, "amended_by"), interprets=text(r, "interprets"),
            attachments=texts(r, "attachments"), body=body, body_line=body_line, src=src,
        )


@dataclass
class Cleanup:
    """A 清理 campaign (catalog/cleanups.yml): its notice, scope, deadline and closing decision.

    Scope: the documents of `kinds` (default 规范性文件) and `owners` (default both) published before
    `published_before` (default the notice date) and in force on the notice date — a document already
    repealed or expired when the notice went out is not cleaned again (format/campaigns.py).
    """

    id: str
    title: str
    notice_no: str | None
    notice_date: dt.date | None
    kinds: tuple[str, ...]
    owners: tuple[str, ...]
    published_before: dt.date | None
    deadline: dt.date | None
    decision_no: str | None
    decision_date: dt.date | None
    src: Source

    @classmethod
    def build(cls, src: Source) -> Cleanup:
        r = src.raw
        notice, scope, decision = (submap(r, k) or YMap() for k in ("notice", "scope", "decision"))
        return cls(
            id=text(r, "id") or "", title=text(r, "title") or "",
            notice_no=text(notice, "doc_no"), notice_date=date(notice, "date"),
            kinds=tuple(texts(scope, "kinds")) or ("规范性文件",),
            owners=tuple(texts(scope, "owners")) or ("self", "drafted"),
            published_before=date(scope, "published_before") or date(notice, "date"),
            deadline=date(r, "deadline"), decision_no=text(decision, "doc_no"),
            decision_date=date(decision, "date"), src=src,
        )


@dataclass
class Page:
    """A content page (content/**/*.md): prose written by the office."""

    path: str
    url_path: str
    title: str | None
    body: str
    body_line: int
    src: Source


@dataclass(frozen=True)
class StaticSource:
    """A file the site would copy as it is: an attachment, or a non-Markdown file under content/.

    `name` is its path inside its folder (catalog/attachments/ or content/), `path` the path relative
    to the project (where problems point). The loader records what it saw — the first bytes, or why
    the file cannot be read at all — and the unpublishable-file rule judges it (filetypes.py).
    """

    name: str
    path: str
    file: Path  # on disk (the name may not be printable as is: see load._display_path)
    head: bytes
    unreadable: str | None = None  # a Chinese reason: a link out of the project, not a regular file …


@dataclass
class Catalog:
    """Everything loaded from one project, plus the raw records the schema rules inspect."""

    root: str
    config: SiteConfig = field(default_factory=SiteConfig)
    categories: dict[str, Category] = field(default_factory=dict)
    laws: dict[str, LegalBasis] = field(default_factory=dict)
    powers: dict[str, Power] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    # catalog/cleanups.yml: the 清理 campaigns by id, in file order (all_cleanups keeps duplicates).
    cleanups: dict[str, Cleanup] = field(default_factory=dict)
    all_cleanups: list[Cleanup] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    # Every record in file order, including duplicates that lost the dict slot.
    all_laws: list[LegalBasis] = field(default_factory=list)
    all_powers: list[Power] = field(default_factory=list)
    all_documents: list[Document] = field(default_factory=list)
    all_categories: list[Category] = field(default_factory=list)
    # (spec name, source) for every raw record the schema rules check.
    raw_records: list[tuple[str, Source]] = field(default_factory=list)
    # catalog/attachments/: every file found there, by its path inside that folder.
    attachments: dict[str, StaticSource] = field(default_factory=dict)
    # content/: the files that are not Markdown pages (images of a page …), in path order.
    static_files: list[StaticSource] = field(default_factory=list)
    # catalog/annual/<year>.yml: the annual-report figures that are not in the catalogue, by year.
    annual: dict[int, Source] = field(default_factory=dict)
    # Derived data, each built on first use by the module that owns it and shared by every rule and
    # page of a run: the cross-references (format/relations.py) and the schema walk's findings
    # (rules/_schema.py: code, path, position, message). `forget_derived` drops them when a record
    # changes in place (serve's quick path).
    # Ids and codes named in files that could not be read, by kind ("law", "category", "power",
    # "doc"): references to them are not reported again (load._unreadable_names).
    # (None: every name of that kind, when its one file could not be read as text at all).
    unreadable: dict[str, frozenset[str] | None] = field(default_factory=dict)
    derived_relations: Relations | None = field(default=None, repr=False, compare=False)
    derived_schema: list[tuple[Code, str, Pos, str]] | None = field(default=None, repr=False, compare=False)
    # One for every page family of a build: a record many pages show is fingerprinted once.
    derived_fingerprint: Fingerprinter | None = field(default=None, repr=False, compare=False)

    def forget_derived(self) -> None:
        self.derived_relations = None
        self.derived_schema = None
        self.derived_fingerprint = None

    def fingerprint(self) -> Fingerprinter:
        """The build's fingerprinter (cache.py), made on first use."""
        if self.derived_fingerprint is None:
            self.derived_fingerprint = Fingerprinter()
        return self.derived_fingerprint

    @property
    def policy(self) -> Policy:
        return self.config.policy
