"""The Content-Security-Policy of every page: a `<meta http-equiv>` the build writes into each page.

Static hosts (object storage, a plain nginx of the 信息中心) cannot be relied on to send headers,
so the policy travels inside the page. It allows scripts only from the site itself plus the
theme's own inline scripts, each by the SHA-256 of its text, computed at build time from the
page as written. Only inline scripts *outside* the page body count as the theme's: whatever
reaches the body comes from editors' Markdown (cleaned by sanitize.py, which never lets a script
through) and is never hashed, so even a sanitiser bug could not smuggle a runnable script past
the browser. No plugins (`object-src 'none'`), no `<base>` from elsewhere, forms post only to the
site, and nothing but the site and data: for fonts; images may come from https sites (editors
link pictures on other government sites).
"""

from __future__ import annotations

import base64
import hashlib
import re

# An executable inline script: no src, and a JavaScript type (or none). Data blocks — JSON-LD,
# Material's `__config` JSON — are never run by the browser, so the policy need not allow them.
_INLINE = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<text>.*?)</script>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_DATA_TYPE = re.compile(r"""\stype\s*=\s*["']?application/(?:ld\+)?json""", re.I)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)

DIRECTIVES = (
    "default-src 'self'",
    "script-src 'self'{hashes}",
    "style-src 'self' 'unsafe-inline'",  # inline style attributes only (table alignment); no script
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') of the executable inline scripts in `html`, sorted."""
    found = set()
    for m in _INLINE.finditer(html):
        attrs = m.group("attrs")
        if _SRC.search(attrs) or _DATA_TYPE.search(attrs):
            continue
        digest = hashlib.sha256(m.group("text").encode("utf-8")).digest()
        found.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(found)


def policy(hashes: list[str]) -> str:
    """The policy text for a page whose own inline scripts have these hashes."""
    joined = "".join(" " + h for h in hashes)
    return "; ".join(d.format(hashes=joined) for d in DIRECTIVES)


def with_policy(html: str, body: str = "") -> str:
    """`html` (a whole page) with its Content-Security-Policy `<meta>` first in `<head>`.

    `body` is the page's converted editor content, contained in `html`: scripts in it are not the
    theme's and are not allowed (there should be none).
    """
    theme_part = html.replace(body, "", 1) if body else html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(theme_part))}">'
    # A policy in a <meta> applies only to what follows it: right after the charset, before any script.
    m = _CHARSET.search(html)
    if m is None:
        head = html.lower().find("<head>")
        at = head + len("<head>") if head >= 0 else 0
    else:
        at = m.end()
    return html[:at] + "\n      " + meta + html[at:]
