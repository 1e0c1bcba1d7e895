"""Catalogue links in Markdown: found and rewritten outside code, left alone inside it."""

from __future__ import annotations

from generator.format.links import find_links, sub_links

TEXT = """见[办法](doc:a-1)。
```
[示例](doc:not-a-ref)
```
写法是 `[文字](law:example)`，依据[专利法](law:zlf#art68)。
~~~
[x](power:KJ-X)
~~~
"""


def test_links_outside_code_are_found_with_positions() -> None:
    assert [(link.kind, link.target, link.line, link.column) for link in find_links(TEXT)] == [
        ("doc", "a-1", 1, 6),
        ("law", "zlf", 5, 32),
    ]


def test_only_links_outside_code_are_rewritten() -> None:
    out = sub_links(TEXT, lambda m: f"](/{m['kind']}/{m['target']}/)")
    assert "[办法](/doc/a-1/)" in out
    assert "[专利法](/law/zlf/)" in out
    assert "[示例](doc:not-a-ref)" in out
    assert "`[文字](law:example)`" in out
    assert "[x](power:KJ-X)" in out
