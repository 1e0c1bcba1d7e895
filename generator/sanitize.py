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
