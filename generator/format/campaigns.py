"""清理 campaigns: which documents a campaign covers, and each document's review in it.

A campaign's scope is the documents of its kinds and owners published before `published_before`
(default: the notice date) that are in force on the notice date. A document repealed or expired before
the notice went out is not cleaned again: otherwise every later campaign would count it once more (the
demo's 2017 细则, repealed in 2021, is no part of the 2026 清理). A document in force on that day but not
yet effective is in scope: it is a current document of the agency.
"""

from __future__ import annotations

from generator.format.lifecycle import in_force_at, normative_documents
from generator.format.model import Catalog, Cleanup, Document, Review


def in_scope(cat: Catalog, campaign: Cleanup) -> list[Document]:
    """The documents `campaign` has to review, by id."""
    notice = campaign.notice_date
    if notice is None:
        return []
    before = campaign.published_before or notice
    return [d for d in normative_documents(cat)
            if d.kind in campaign.kinds and d.owner in campaign.owners
            and d.published is not None and d.published < before and in_force_at(cat, d, notice)]


def review_in(doc: Document, campaign: Cleanup) -> Review | None:
    """The document's last review recorded under this campaign (`batch` = its id), if any."""
    mine = [r for r in doc.reviews if r.batch == campaign.id]
    return mine[-1] if mine else None  # reviews are written oldest first


def latest(cat: Catalog) -> Cleanup | None:
    """The campaign with the latest notice date (file order breaks a tie)."""
    dated = [(c.notice_date, i, c) for i, c in enumerate(cat.cleanups.values()) if c.notice_date is not None]
    return max(dated, key=lambda t: (t[0], t[1]))[2] if dated else None
