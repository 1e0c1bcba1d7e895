"""The allow-list for HTML that reaches the site from Markdown: what an editor may write, and nothing that runs.

Document bodies and content pages are Markdown, and Markdown passes raw HTML through. Whatever
Python-Markdown produces is cleaned here (nh3, the Rust `ammonia` sanitiser) before it goes into
a page: tags and attributes outside the lists below are dropped (their text is kept), `<script>`
and `<style>` are dropped with their content, links and images keep only http(s)/mailto/tel or
relative URLs, and inline `style` keeps only `text-align` (Markdown tables use it).

The lists are documented for editors in docs/security.md; change both together. They also cover
the markup of the site's own Markdown templates (the audit and annual-report pages: sections,
tables with captions and scopes, aria labels), so those pages pass through unchanged in meaning.
Only pages the site writes entirely itself (the search page, with its form) skip the cleaning.

Names are the other half: the theme and the site's scripts look elements up by id (Material reads
its configuration from `#__config`, its drawer from `#__drawer` …) and by class. So every id an
editor's HTML carries — raw `id=` attributes, heading anchors, footnotes — lives in its own
namespace, ID_PREFIX (as GitHub does with `user-content-`): ids, the attributes that refer to ids
(`headers`, `aria-labelledby` …) and the fragment of every relative link are prefixed alike, so
in-page links keep working and nothing can take a name the page's own markup uses. Classes are
kept only from CLASSES (what the Markdown extensions write) and the site's own `gov-` styling
vocabulary, which no script acts on.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3
from markdown.extensions.toc import slugify_unicode

TAGS = frozenset({
    # text
    "p", "br", "hr", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "code", "kbd", "samp", "pre", "q", "abbr", "blockquote", "span", "div",
    # headings, lists, tables
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    # links, images, disclosure, structure
    "a", "img", "figure", "figcaption", "details", "summary", "section", "article", "aside", "nav", "time",
})

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "role"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope", "headers", "style", "data-label"},
    "td": {"colspan", "rowspan", "headers", "style", "data-label"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
}

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

ID_PREFIX = "user-content-"
# Attributes whose value is one id or a space-separated list of ids.
ID_REFERENCES = frozenset({
    "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-activedescendant",
    "aria-details", "aria-errormessage", "aria-flowto",
})
# Classes the enabled Markdown extensions write (admonition, footnotes, the [TOC] marker); Material
# styles the admonition kinds. Anything else an editor writes (md-*, a script's hook) is dropped.
CLASSES = frozenset({
    "admonition", "admonition-title", "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint",
    "important", "success", "check", "done", "question", "help", "faq", "warning", "caution", "attention",
    "failure", "fail", "missing", "danger", "error", "bug", "example", "quote", "cite",
    "footnote", "footnote-ref", "footnote-backref", "toc",
})
OWN_CLASS_PREFIX = "gov-"
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def prefixed(name: str) -> str:
    """An editor's id (or id reference) in the editors' namespace."""
    return name if name.startswith(ID_PREFIX) else ID_PREFIX + name


def heading_id(value: str, separator: str) -> str:
    """The anchor of a heading in editors' Markdown: readable (Chinese kept), in the editors' namespace.

    Python-Markdown's toc extension calls this (its `slugify`), so the table of contents and the
    heading agree; unicode-aware, so that 申请方式 gives a readable fragment, not `_1`.
    """
    return ID_PREFIX + str(slugify_unicode(value, separator))


def _attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's attribute filter: ids and id references prefixed, classes kept from the allow-list."""
    if name == "id":
        return prefixed(value) if value else None
    if name in ID_REFERENCES:
        return " ".join(prefixed(v) for v in value.split()) or None
    if name == "class":
        kept = [c for c in value.split() if c in CLASSES or c.startswith(OWN_CLASS_PREFIX)]
        return " ".join(kept) or None
    if name == "href" and "#" in value and not value.startswith("//") and not _SCHEME.match(value):
        page, _, fragment = value.partition("#")
        return f"{page}#{prefixed(fragment)}" if fragment else value
    return value


def clean_html(html: str) -> str:
    """`html` with everything outside the allow-list removed; text content is kept, escaped."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"aria-"},
        url_schemes=set(URL_SCHEMES),
        filter_style_properties={"text-align"},
        link_rel=None,  # no target=_blank is allowed, so rel=noopener would only change every link
        strip_comments=True,
        attribute_filter=_attribute,
    )


_HEADING_TAG = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)


def outline_headings(html: str) -> str:
    """`html` with no heading level skipped: the page's <h1> comes first, so a body that starts at
    `##` (or jumps from `##` to `####`) is moved up to follow on. Screen-reader users navigate by
    heading level, and a skipped level is an HTML conformance error."""
    open_levels = [(1, 1)]  # (level written, level published) of the headings enclosing this point
    level = 1

    def shift(m: re.Match[str]) -> str:
        nonlocal level
        if not m.group(1):
            written = int(m.group(2))
            while len(open_levels) > 1 and open_levels[-1][0] >= written:
                open_levels.pop()
            level = 1 if written == 1 else open_levels[-1][1] + 1
            open_levels.append((written, level))
        return f"<{m.group(1)}h{level}"

    return _HEADING_TAG.sub(shift, html)


# Python-Markdown's inline parser costs (brackets × length) per paragraph, list item or table row:
# for each '[' it scans ahead for the matching ']', and it rebuilds the text once per match.
# Measured: one paragraph of 3,000 '[' takes 7 s, of 8,000 takes 50 s, so a hostile 5 MB body could
# stall a build for days. A text unit whose estimated cost is over budget (about a second) is shown
# as escaped plain text instead: linear time, and every character is still on the page.
_WEIGHTS = (("[", 1.0), ("<", 0.2), ("`", 0.02), ("*", 0.02), ("_", 0.02), ("&", 0.02), ("\\", 0.02), ("!", 0.02))
_BUDGET = 1_500_000
_OWN_LINE = re.compile(r"\s*(?:[-*+]\s|\d+[.)]\s|\||#|>)")  # list item, table row, heading, quote
_BLOCK_TAGS = frozenset(markdown.Markdown().block_level_elements)
_RAW_BLOCK = re.compile(r"\s*<([a-zA-Z][a-zA-Z0-9]*)")


_LINK = re.compile(r"!?\[[^\[\]\n]{0,300}\]\([^()\s]{0,500}\)")  # a well-formed link: cheap to parse


def _cost(text: str) -> float:
    links = len(_LINK.findall(text)) if "](" in text else 0
    return (sum(text.count(c) * w for c, w in _WEIGHTS) - links * 0.98) * len(text)


def _plain(text: str) -> str:
    return "<p>" + html.escape(text.strip(), quote=False).replace("\n", "<br>\n") + "</p>"


def defuse_markdown(text: str) -> str:
    """`text` with every paragraph, list item or table row too costly for Python-Markdown made plain."""
    if len(text) * len(text) <= _BUDGET:  # cannot be over budget: nearly every page returns here
        return text
    out: list[str] = []
    para: list[str] = []
    raw_html = False

    def flush() -> None:
        if para:
            joined = "\n".join(para)
            out.append(_plain(joined) if _cost(joined) > _BUDGET else joined)
            para.clear()

    for line in text.split("\n"):
        if not line.strip():
            flush()
            raw_html = False
            out.append(line)
            continue
        if not para and not raw_html:
            m = _RAW_BLOCK.match(line)
            raw_html = bool(m and m.group(1).lower() in _BLOCK_TAGS)  # copied by Markdown as is
        if raw_html:
            out.append(line)
        elif _OWN_LINE.match(line):
            flush()
            out.append(line if _cost(line) <= _BUDGET else "\n" + _plain(line) + "\n")
        else:
            para.append(line)
    flush()
    return "\n".join(out)
