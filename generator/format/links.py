"""The `[文字](doc:ID)`, `(law:ID)` and `(power:CODE)` links editors write in Markdown bodies, and
their plain relative links (`[指南](guide.md)`, `![图](img/a.png)`) to files of the site.

Links inside code (fenced blocks and `inline code`) are examples of the syntax, not references:
they are neither checked nor rewritten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

LINK = re.compile(r"\]\((?P<kind>doc|law|power):(?P<target>[^)\s#]*)(?P<anchor>#[^)\s]*)?\)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1|(`+)`?\2")


@dataclass(frozen=True)
class Link:
    kind: str
    target: str
    line: int  # 1-based line within the text
    column: int  # 1-based column of the `(`


def mask_code(text: str) -> str:
    """The text with every code block and code span blanked out (same length, same line breaks)."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        m = _FENCE.match(line)
        if fence is not None:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append(" " * len(line))
        elif m:
            fence = m.group(1)
            out.append(" " * len(line))
        elif "`" in line:
            out.append(_CODE_SPAN.sub(lambda s: " " * len(s.group()), line))
        else:
            out.append(line)
    return "\n".join(out)


def find_links(text: str) -> Iterator[Link]:
    if "](" not in text:
        return
    for i, line in enumerate(mask_code(text).split("\n")):
        if "](" not in line:
            continue
        for m in LINK.finditer(line):
            yield Link(m["kind"], m["target"], i + 1, m.start() + 2)


# `](target)` of a link or image, and `[label]: target` reference definitions; <…> targets too.
_RELATIVE = re.compile(r"\]\(\s*<?(?P<a>[^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)|^ {0,3}\[[^\]]+\]:\s*<?(?P<b>[^\s>]+)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def find_relative_links(text: str) -> Iterator[Link]:
    """Links to a file of the site by relative path (kind "file"): what the site engine resolves and
    warns about when the target does not exist. Web addresses, catalogue links, absolute paths,
    fragments and directory URLs (ending in /) are not file links."""
    if "](" not in text and "]:" not in text:
        return
    for i, line in enumerate(mask_code(text).split("\n")):
        if "](" not in line and "]:" not in line:
            continue
        for m in _RELATIVE.finditer(line):
            target = m["a"] or m["b"] or ""
            path = target.split("#", 1)[0].split("?", 1)[0]
            if not path or path.startswith(("/", "//")) or _SCHEME.match(target) or path.endswith("/"):
                continue
            yield Link("file", path, i + 1, m.start() + (2 if m["a"] else 1))


def sub_links(text: str, repl: Callable[[re.Match[str]], str]) -> str:
    """Replace every catalogue link outside code with `repl(match)`."""
    if "](" not in text:
        return text
    parts: list[str] = []
    last = 0
    for m in LINK.finditer(mask_code(text)):
        parts.append(text[last:m.start()])
        parts.append(repl(m))
        last = m.end()
    parts.append(text[last:])
    return "".join(parts)
