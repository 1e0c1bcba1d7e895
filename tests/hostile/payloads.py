"""A project whose every editor-typed field and body carries script payloads, and the HTML checks.

Each payload calls `xss(N)` with its own N, so a payload that survives as live markup names the
field it came from. The project is otherwise valid (build refuses projects with errors), so
payloads sit only in free-text fields and in Markdown bodies.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from tests.minimal import make_project


def p(n: int) -> str:
    """One field's payload: markup, attribute and script-block breakouts, a pre-escaped script."""
    return (f"XSS{n}<script>xss({n})</script><img src=x onerror=xss({n})>\"'><svg onload=xss({n})>"
            f"</script><script>xss({n})</script>&lt;script&gt;xss({n})&lt;/script&gt;]]>{{{{7*7}}}}")


def short(n: int) -> str:
    """A payload under 100 characters (内容概述 has a length rule)."""
    return f"XSS{n}<script>xss({n})</script>\"><img src=x onerror=xss({n})>"


def q(text: str) -> str:
    """As a single-quoted YAML scalar."""
    return "'" + text.replace("'", "''") + "'"


BODY = """\
正文 XSS-BODY

<script>xss(900)</script>
<img src="x" onerror="xss(901)">
<iframe src="https://evil.example/"></iframe>
<a href="#" onclick="xss(902)">点我</a>
<svg onload="xss(903)"><circle r="1"/></svg>
<details open ontoggle="xss(904)"><summary>s</summary>d</details>
<form action="javascript:xss(905)"><button>提交</button></form>
<object data="https://evil.example/x.swf"></object>
<embed src="https://evil.example/x.swf">
<meta http-equiv="refresh" content="0;url=javascript:xss(906)">
<base href="https://evil.example/">
<style>body { background: url("javascript:xss(907)") }</style>
<input autofocus onfocus="xss(908)">
<a href="&#106;avascript:xss(909)">实体编码</a>
<a href="java&#x09;script:xss(910)">Tab</a>
<p style="background:url(javascript:xss(911))">样式</p>
<math><mi xlink:href="javascript:xss(912)">m</mi></math>

[链接](javascript:xss(913)) [大小写](JaVaScRiPt:xss(914)) ![图](javascript:xss(915))
[数据](data:text/html;base64,PHNjcmlwdD54c3MoOTE2KTwvc2NyaXB0Pg==) <javascript:xss(917)>
[引用][r]

[r]: javascript:xss(918)

允许的写法：**加粗**、*斜体*、`代码`、[正常链接](https://www.gov.cn/)、[站内](doc:2025-kjj-gfxwj-001)

| 表头 | 表头 |
|---|---|
| <b>单元格</b> | <span onclick="xss(919)">x</span> |
"""

SITE_CONFIG = f"""\
site:
  name: {q(p(1))}
  url: 'https://kjj.example.gov.cn/xxgk&x=1/'  # markup here is refused by check (corpus: site-url-with-markup)
  description: {q(p(3))}
agency:
  name: {q(p(4))}
  credit_code: 11350100MB0000001X
  address: {q(p(5))}
  postcode: {q(p(6))}
  office_hours: {q(p(7))}
  phone: {q(p(8))}
  fax: {q(p(9))}
  email: kjj@example.gov.cn  # an address or nothing: check refuses payloads here (tests/rules/test_invalid_value.py)
  website: https://kjj.example.gov.cn/
  application_channels: [{q(p(12))}, 信函申请]
footer:
  sponsor: {q(p(13))}
  site_code: {q(p(14))}
  icp: {q(p(15))}
  police_filing: {q(p(16))}
  party_gov_badge: 'javascript:xss(17)'
"""

CATEGORIES = f"""\
- code: jgzn
  name: {q(p(20))}
  description: {q(p(21))}
- code: fgwj
  name: {q(p(22))}
  children:
    - code: gfxwj
      name: {q(p(23))}
    - code: qtwj
      name: 其他文件
"""

LEGAL_BASES = f"""\
- id: zlf
  title: {q(p(30))}
  level: 法律
  issuer: {q(p(31))}
  status: 现行有效
  status_checked: 2026-11-01
  url: 'javascript:xss(32)'
- id: htf
  title: {q(p(33))}
  level: 法律
  issuer: {q(p(34))}
  status: 已废止
  status_checked: 2026-11-01
  repealed: {{date: 2021-01-01, by: {q(p(35))}}}
"""

POWERS = f"""\
- code: {q("KJ-QT-001<script>xss(40)</script>")}
  name: {q(p(41))}
  type: 其他行政权力
  subtype: {q(p(42))}
  basis: [{{law: zlf, articles: [{q(p(43))}]}}]
  subject: {q(p(44))}
  department: {q(p(45))}
  level: [{q(p(46))}]
  responsibilities: [{q(p(47))}]
  accountability: {q(p(48))}
  status: 有效
"""

DOCUMENT = f"""\
---
id: 2025-kjj-gfxwj-001
index_no: 11350100MB0000001X/2025-00001
title: {q(p(50))}
doc_no: 某科〔2025〕1号
category: gfxwj
issuer: {q(p(51))}
genre: {q(p(52))}
summary: {q(short(53))}
written: 2025-03-03
published: 2025-03-10
kind: 规范性文件
owner: self
unified_no: {q(p(54))}
effective: 2025-04-10
expires: 2030-04-09
status: 有效
basis: [{{law: zlf, articles: [{q(p(55))}]}}]
reviews: [{{date: 2026-01-05, batch: {q(p(56))}, result: 继续有效, decided: true}}]
legality_review: {{date: 2025-03-05, by: {q(p(57))}, result: 通过, opinion_no: {q(p(58))}}}
attachments: ["x' onmouseover='xss(59)' & 附件.pdf"]
---
{BODY}
"""

REPEALED = f"""\
---
id: 2024-kjj-qtwj-001
index_no: 11350100MB0000001X/2024-00001
title: {q(p(60))}
category: qtwj
issuer: {q(p(61))}
summary: {q(short(62))}
written: 2024-03-03
published: 2024-03-05
kind: 其他
interprets: 2025-kjj-gfxwj-001
---
{BODY.replace("XSS-BODY", "XSS-BODY2")}
"""

FORMULA = "=HYPERLINK(\"https://evil.example/\",\"点我\")"
FORMULA_DOC = f"""\
---
id: 2024-kjj-qtwj-002
index_no: 11350100MB0000001X/2024-00002
title: {q(FORMULA)}
category: qtwj
issuer: '+cmd|'' /C calc''!A0'
summary: '-2+3+cmd|'' /C calc''!A0'
genre: '@SUM(1+1)*cmd|'' /C calc''!A0'
written: 2024-03-03
published: 2024-03-05
kind: 其他
---
正文
"""

GUIDE = f"""\
---
title: {q(p(70))}
description: {q(p(71))}
---
{BODY.replace("XSS-BODY", "XSS-GUIDE")}
"""

FILES: dict[str, str | None] = {
    "site_config.yml": SITE_CONFIG,
    "catalog/categories.yml": CATEGORIES,
    "catalog/legal_bases.yml": LEGAL_BASES,
    "catalog/powers/cf.yml": POWERS,
    "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": DOCUMENT,
    "catalog/documents/qtwj/2024-kjj-qtwj-001.md": REPEALED,
    "catalog/documents/qtwj/2024-kjj-qtwj-002.md": FORMULA_DOC,
    "content/guide.md": GUIDE,
    "content/about.md": f"# {p(80)}\n\n{BODY.replace('XSS-BODY', 'XSS-ABOUT')}",
}


def make_payload_project(root: Path) -> Path:
    make_project(root, FILES)
    att = root / "catalog/attachments"
    att.mkdir(parents=True, exist_ok=True)
    (att / "x' onmouseover='xss(59)' & 附件.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    return root


# ---------------------------------------------------------------------------------------------- the checks

DANGEROUS_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "form", "base", "style", "math", "svg",
                  "input", "button", "textarea", "select", "link", "meta"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background", "srcset",
             "cite", "longdesc", "manifest", "content"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application", "data:image/svg")


@dataclass
class Found:
    tags: set[str] = field(default_factory=set)
    handlers: list[str] = field(default_factory=list)
    bad_urls: list[str] = field(default_factory=list)
    scripts: list[tuple[str, str]] = field(default_factory=list)  # (type, text)
    styles: list[str] = field(default_factory=list)
    elements: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = Found()
        self._in: str | None = None
        self._type = ""
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        f = self.found
        f.tags.add(tag)
        clean = tuple((k, v or "") for k, v in attrs)
        f.elements.append((tag, clean))
        for k, v in clean:
            if k.startswith("on"):
                f.handlers.append(f"<{tag} {k}={v!r}>")
            if k in URL_ATTRS and scheme_is_bad(v):
                f.bad_urls.append(f"<{tag} {k}={v!r}>")
            if k == "style" and "javascript:" in v.lower().replace(" ", ""):
                f.bad_urls.append(f"<{tag} style={v!r}>")
        if tag in ("script", "style"):
            self._in, self._type, self._buf = tag, dict(clean).get("type", ""), []

    def handle_data(self, data: str) -> None:
        if self._in:
            self._buf.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in == tag:
            text = "".join(self._buf)
            if tag == "script":
                self.found.scripts.append((self._type, text))
            else:
                self.found.styles.append(text)
            self._in = None


def scheme_is_bad(value: str) -> bool:
    # Browsers drop ASCII whitespace and control characters inside a scheme.
    squeezed = re.sub(r"[\x00-\x20]", "", value).lower()
    return squeezed.startswith(BAD_SCHEMES)


def scan(html: str) -> Found:
    parser = _Scan()
    parser.feed(html)
    parser.close()
    return parser.found


def live_markup(html: str, baseline: Found) -> list[str]:
    """Everything in `html` that would run editor input or load editor-chosen frames and forms."""
    f = scan(html)
    bad: list[str] = []
    bad += [h for h in f.handlers if "xss(" in h or h not in baseline.handlers]
    bad += f.bad_urls
    for kind, text in f.scripts:
        if kind == "application/ld+json":
            try:
                json.loads(text)
            except ValueError:
                bad.append(f"JSON-LD broken out of: {text[:120]!r}")
        elif "xss(" in text or "XSS" in text:
            bad.append(f"<script> with editor text: {text[:120]!r}")
    bad += [f"<style> with editor text: {s[:80]!r}" for s in f.styles if "xss(" in s]
    bad += [f"<{t}> from editor input" for t in sorted(f.tags & DANGEROUS_TAGS - baseline.tags)]
    for tag, attrs in f.elements:
        a = dict(attrs)
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            bad.append(f"<meta http-equiv=refresh content={a.get('content')!r}>")
        if tag == "base":
            bad.append(f"<base href={a.get('href')!r}>")
    # Nothing typed by an editor may survive as raw markup in the source either.
    for needle in ("<script>xss(", "<img src=x onerror=xss(", "<svg onload=xss(", "<iframe src=\"https://evil"):
        if needle in html:
            bad.append(f"raw {needle!r} in the page source")
    return bad
