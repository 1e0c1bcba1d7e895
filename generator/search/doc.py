"""What the site build hands to the search index: one record per searchable page."""

from __future__ import annotations

from dataclasses import dataclass

KINDS = ("文件", "权力", "依据", "页面")


@dataclass(frozen=True)
class SearchDoc:
    url: str  # site-relative, e.g. "documents/2024-kjj-gfxwj-001/"
    title: str
    text: str  # plain text: summary + body + key metadata such as 文号/索引号
    kind: str  # "文件" | "权力" | "依据" | "页面"
    status: str | None  # 有效/已修改/废止/失效 for documents; law status for laws; None otherwise
    year: int | None
    category: str | None  # category name
    valid: bool  # False for 废止/失效 documents and 已废止 laws: ranked after valid ones
    # What `text` is made from, when that is known more cheaply than the text (a document's file: its
    # path and bytes' fingerprint): the index keys the record by it instead of hashing the text. Empty:
    # the text itself.
    source: bytes = b""
