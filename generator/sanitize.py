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
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

TAGS = frozenset({
    # text
    "p", "br", "hr", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
    "code", "kbd", "samp", "pre", "q", "abbr", "blockquote", "span", "div",
    # headings, lists, tables
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    # links, images, disclosure, structure
    "a", "img", "figure", "figcaption", "details", "summary", "section", "article", "aside", "time",
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
    )


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
