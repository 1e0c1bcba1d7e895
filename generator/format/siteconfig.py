"""site_config.yml, typed: the site, the agency (条例第十二条 facts), the footer filings, the review policy
and the search settings. Built leniently like every record (generator/format/raw.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from generator.format.fields import FILING_DAYS, POLICY_MAX_DAYS, POLICY_MAX_YEARS
from generator.format.raw import Source, date, integer, submap, text
from generator.format.yamltree import YMap


@dataclass(frozen=True)
class Policy:
    validity_years: int = 5
    provisional_validity_years: int = 2
    review_interval_years: int = 2
    expiry_warning_days: int = 180
    basis_check_interval_years: int = 1
    index_no_pattern: str = r"^{credit_code}/\d{4}-\d{5}$"
    filing_days: int = FILING_DAYS
    filing_required_from: dt.date | None = None
    unified_no_pattern: str | None = None
    unified_no_required_from: dt.date | None = None


def _shown(raw: YMap, key: str) -> str:
    """A config value as the site shows it: lists joined with 、; absent → "" (invalid-value reports
    a value of the wrong type; a run with errors publishes nothing)."""
    v = raw.get(key)
    if isinstance(v, list):
        return "、".join(str(x) for x in v)
    return str(v) if v is not None and v is not False else ""


@dataclass(frozen=True)
class SiteInfo:
    """site_config.yml `site:`."""

    name: str = ""
    url: str = ""
    description: str = ""


@dataclass(frozen=True)
class Channel:
    """One way to apply for information (申请渠道): a sentence as the agency wrote it, or a typed channel."""

    text: str            # what the guide says about it, the address included
    type: str = ""       # 在线平台 | 信函 | 当面 | 传真 | 电子邮件, "" for a sentence
    url: str = ""        # the online platform's address
    detail: str = ""     # its note or address


def _channel(item: object) -> Channel | None:
    if isinstance(item, YMap):
        kind, url = text(item, "type") or "", text(item, "url") or ""
        detail = text(item, "note") or text(item, "address") or ""
        said = "，".join(x for x in (detail, url) if x)
        return Channel(f"{kind}：{said}" if said else kind, kind, url, detail)
    if isinstance(item, str) and item.strip():
        return Channel(str(item))
    return None


@dataclass(frozen=True)
class Agency:
    """site_config.yml `agency:`: the Art. 12 facts of the 公开指南 (values stripped)."""

    name: str = ""
    credit_code: str = ""
    address: str = ""
    postcode: str = ""
    office_hours: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    application_channels: tuple[str, ...] = ()   # each channel as the guide states it
    channels: tuple[Channel, ...] = ()


@dataclass(frozen=True)
class Footer:
    """site_config.yml `footer:`: the 备案 facts every page carries."""

    sponsor: str = ""
    site_code: str = ""
    icp: str = ""
    police_filing: str = ""
    party_gov_badge: str = ""


@dataclass(frozen=True)
class SearchConfig:
    """site_config.yml `search:`: what the site search should know beyond the text."""

    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of equal words, from entries such as 年报=年度报告


@dataclass(frozen=True)
class SiteConfig:
    """site_config.yml, typed. `src` is None when the file is missing or unreadable (then every value is
    empty and the loader has reported why)."""

    site: SiteInfo = SiteInfo()
    agency: Agency = Agency()
    footer: Footer = Footer()
    policy: Policy = Policy()
    search: SearchConfig = SearchConfig()
    src: Source | None = None

    @classmethod
    def build(cls, src: Source) -> SiteConfig:
        r = src.raw
        p = submap(r, "policy") or YMap()
        policy = Policy(
            validity_years=integer(p, "validity_years", 5, POLICY_MAX_YEARS),
            provisional_validity_years=integer(p, "provisional_validity_years", 2, POLICY_MAX_YEARS),
            review_interval_years=integer(p, "review_interval_years", 2, POLICY_MAX_YEARS),
            expiry_warning_days=integer(p, "expiry_warning_days", 180, POLICY_MAX_DAYS),
            basis_check_interval_years=integer(p, "basis_check_interval_years", 1, POLICY_MAX_YEARS),
            index_no_pattern=text(p, "index_no_pattern") or Policy.index_no_pattern,
            filing_days=integer(p, "filing_days", FILING_DAYS, POLICY_MAX_DAYS),
            filing_required_from=date(p, "filing_required_from"),
            unified_no_pattern=text(p, "unified_no_pattern"),
            unified_no_required_from=date(p, "unified_no_required_from"),
        )
        site, agency, footer = (submap(r, k) or YMap() for k in ("site", "agency", "footer"))
        channels = agency.get("application_channels")
        typed = tuple(c for c in map(_channel, channels if isinstance(channels, list) else [channels]) if c)
        entries = (submap(r, "search") or YMap()).get("synonyms")
        entries = entries if isinstance(entries, list) else []
        synonyms = tuple(tuple(w.strip() for w in e.split("=") if w.strip()) for e in entries if isinstance(e, str))
        return cls(
            site=SiteInfo(*(_shown(site, f.name) for f in fields(SiteInfo))),
            agency=Agency(
                **{f.name: _shown(agency, f.name).strip() for f in fields(Agency)
                   if f.name not in ("application_channels", "channels")},
                application_channels=tuple(c.text for c in typed),
                channels=typed,
            ),
            footer=Footer(*(_shown(footer, f.name) for f in fields(Footer))),
            policy=policy, search=SearchConfig(synonyms=synonyms), src=src,
        )
