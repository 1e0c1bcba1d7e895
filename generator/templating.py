"""The Jinja2 environments, defined once: the site's pages (autoescaping everything) and the CLI's
Markdown reports (plain text, no HTML escaping). Both are compiled once per process.

Page templates (generator/templates/*.html.j2) render ready HTML; templates that produce Markdown
for the site engine (*.md.j2) are autoescaped too, and Python-Markdown passes their HTML blocks
through untouched. Editors' text must never become live HTML: every catalogue value is escaped
here; editors' Markdown bodies are never run through a template, they reach the page at
pages.BODY_SLOT after the site engine converted them.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup

__all__ = ["Markup", "environment", "render", "report_environment"]

from generator.format.status import NOT_YET_IN_FORCE, DocStatus, LawStatus, PowerStatus, marked_title, shown_status
from generator.site import urls

# CSS class of each status badge: the colour tells 有效 from 已修改 from 废止/失效 at a glance,
# and the text says it too (colour is never the only signal).
STATUS_CLASS: dict[str, str] = {
    DocStatus.VALID: "ok", LawStatus.IN_FORCE: "ok", PowerStatus.VALID: "ok",
    DocStatus.AMENDED: "amended", LawStatus.AMENDED: "amended", PowerStatus.ADJUSTED: "amended",
    DocStatus.REPEALED: "repealed", LawStatus.REPEALED: "repealed", PowerStatus.CANCELLED: "repealed",
    DocStatus.EXPIRED: "expired",
    LawStatus.NOT_YET_EFFECTIVE: "pending", NOT_YET_IN_FORCE: "pending",
}


def date_cn(value: dt.date | None) -> str:
    """2020-01-01 → 2020年1月1日 (for prose); "" for no date."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def date_iso(value: dt.date | None) -> str:
    """2020-01-01 (for tables); "—" for no date, so an empty cell never looks like a rendering bug."""
    return value.isoformat() if value else "—"


@pass_context
def rel(context: Context, url: str) -> str:
    """A site-relative URL as a link from the page being rendered (its URL is `here`)."""
    return urls.relative(context["here"], url)


@pass_context
def shown(context: Context, doc: Any) -> str | None:
    """A document's status as readers see it on the build date (`today` in the context): 尚未施行 or its own."""
    return shown_status(doc.status, doc.effective, context.get("today"))


@pass_context
def marked(context: Context, doc: Any) -> str:
    """A document's title with 【已废止】/【已失效】/【尚未施行】 before it, as lists show it."""
    return marked_title(doc.title, shown(context, doc))


def status_class(status: str | None) -> str:
    return STATUS_CLASS.get(status or "", "none")


def _environment(package: str, autoescape: bool) -> Environment:
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(enabled_extensions=("j2", "html", "md"), default=True) if autoescape else False,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,  # a typo in a template fails the build instead of printing nothing
        keep_trailing_newline=True,
        auto_reload=False,  # templates are files of the installed package: never re-stat them per page
    )


@lru_cache(maxsize=1)
def report_environment() -> Environment:
    """The CLI reports (generator/audit/templates/report_*.md.j2): Markdown for a terminal or a file,
    so values are not HTML-escaped (`md_cell` escapes what a table cell needs)."""
    return _environment("generator.audit", autoescape=False)


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The site's page templates (generator/site/templates/): every value escaped."""
    env = _environment("generator.site", autoescape=True)
    env.filters.update(date_cn=date_cn, date_iso=date_iso, rel=rel, status_class=status_class, shown=shown,
                       marked=marked)
    env.globals.update(urls=urls)
    return env


def render(template: str, **context: Any) -> str:
    """Render one template; `here` (the page's own URL) must be in the context for links."""
    return environment().get_template(template).render(**context)
