"""unpublishable-file: attachments and content/ files the site will not copy (type, content, links)."""

from __future__ import annotations

import os
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from generator.check import check_project
from tests.minimal import DOCUMENT, TODAY, make_project

CODE = "unpublishable-file"
DOC = "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md"
ATTACH_LINE = 16  # the `attachments:` line the helper inserts (before legality_review)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def _docx() -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    return buf.getvalue()


def _project(tmp_path: Path, attachments: dict[str, bytes], listed: list[str] | None = None) -> Path:
    names = listed if listed is not None else list(attachments)
    flow = ", ".join(repr(n) for n in names)
    text = DOCUMENT.replace("legality_review:", f"attachments: [{flow}]\nlegality_review:")
    root = make_project(tmp_path / "p", {DOC: text})
    for name, data in attachments.items():
        path = root / "catalog/attachments" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def _found(root: Path, code: str = CODE) -> list[tuple[str, int, str]]:
    return [(p.path, p.line, p.code) for p in check_project(root, TODAY).problems if p.code == code]


def _messages(root: Path) -> list[str]:
    return [p.message for p in check_project(root, TODAY).problems if p.code == CODE]


@pytest.mark.parametrize("name,data,says", [
    ("通知.html", b"<html><script>alert(1)</script></html>", "网页"),
    ("通知.HTM", b"<p>hi</p>", "网页"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "SVG"),
    ("data.xml", b'<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>', "XML"),
    ("run.js", b"alert(1)", "脚本"),
    ("a.pdf.html", b"<script>alert(1)</script>", "网页"),
    ("说明.foo", b"whatever", ".foo"),
    ("说明", b"%PDF-1.4", "没有扩展名"),
    ("page.pdf", b"<!doctype html><script>alert(1)</script>", "内容不是PDF"),
    ("img.png", b"<svg onload=alert(1)></svg>", "内容不是PNG"),
    ("readme.txt", b"  <!DOCTYPE html><html><script>alert(1)</script>", "内容不是纯文本"),
    ("table.csv", b"\xef\xbb\xbf<svg/onload=alert(1)>", "内容不是纯文本"),
    ("old.doc", b"PK\x03\x04 not an OLE file", "内容不是Word 97-2003"),
])
def test_active_or_mismatched_attachment_is_refused_at_its_line(tmp_path: Path, name: str, data: bytes,
                                                                says: str) -> None:
    root = _project(tmp_path, {name: data})
    assert _found(root) == [(DOC, ATTACH_LINE, CODE)]
    [message] = _messages(root)
    assert says in message and name in message, message


@pytest.mark.parametrize("name,data", [
    ("2025/申请表.pdf", PDF), ("申请表.PDF", PDF), ("通知.html.pdf", PDF), ("图.png", PNG),
    ("图.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 10), ("表.docx", _docx()),
    ("表.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
    ("说明.txt", "第一条 本办法自发布之日起施行。".encode()), ("包.zip", _docx()), ("版式.ofd", _docx()),
])
def test_documents_images_and_text_are_published(tmp_path: Path, name: str, data: bytes) -> None:
    assert _found(_project(tmp_path, {name: data})) == []


def test_symlink_out_of_the_project_is_refused_whatever_its_name(tmp_path: Path) -> None:
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(PDF)
    root = _project(tmp_path, {}, listed=["p.pdf"])
    (root / "catalog/attachments").mkdir(parents=True)
    (root / "catalog/attachments/p.pdf").symlink_to(secret)
    assert _found(root) == [(DOC, ATTACH_LINE, CODE)]
    assert "项目目录之外" in _messages(root)[0]


def test_symlink_inside_the_project_is_an_ordinary_file(tmp_path: Path) -> None:
    root = _project(tmp_path, {"real.pdf": PDF}, listed=["copy.pdf"])
    (root / "catalog/attachments/copy.pdf").symlink_to(root / "catalog/attachments/real.pdf")
    assert _found(root) == []


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    root = _project(tmp_path, {}, listed=["pipe.pdf"])
    (root / "catalog/attachments").mkdir(parents=True)
    os.mkfifo(root / "catalog/attachments/pipe.pdf")
    assert _found(root) == [(DOC, ATTACH_LINE, CODE)]


def test_an_unlisted_attachment_is_never_judged(tmp_path: Path) -> None:
    root = _project(tmp_path, {"unused.html": b"<script>alert(1)</script>"}, listed=[])
    assert _found(root) == []


@pytest.mark.parametrize("name,data", [
    ("notice.html", b"<script>alert(1)</script>"),
    ("img/logo.svg", b"<svg onload=alert(1)></svg>"),
    ("feed.atom", b"<feed/>"),
    ("style/site.css", b"body{}"),
    ("fake.png", b"<html><script>alert(1)</script></html>"),
])
def test_content_files_are_judged_by_the_same_list(tmp_path: Path, name: str, data: bytes) -> None:
    root = make_project(tmp_path / "p")
    (root / "content" / name).parent.mkdir(parents=True, exist_ok=True)
    (root / "content" / name).write_bytes(data)
    assert _found(root) == [(f"content/{name}", 1, CODE)]


def test_content_symlink_to_a_system_file_is_refused(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "content/img").mkdir(parents=True)
    (root / "content/img/p.png").symlink_to("/etc/passwd")
    assert _found(root) == [("content/img/p.png", 1, CODE)]


def test_hidden_content_files_are_neither_judged_nor_published(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "content").mkdir(exist_ok=True)
    (root / "content/.notes.html").write_bytes(b"<script>alert(1)</script>")
    assert _found(root) == []


def test_a_link_to_itself_is_refused_in_chinese(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    (root / "content").mkdir(exist_ok=True)
    (root / "content/loop.png").symlink_to("loop.png")
    [message] = _messages(root)
    assert _found(root) == [("content/loop.png", 1, CODE)] and "循环的符号链接" in message


def test_an_attachment_under_a_linked_folder_names_the_link(tmp_path: Path) -> None:
    root = _project(tmp_path, {}, listed=["etc/passwd"])
    (root / "catalog/attachments").mkdir(parents=True)
    (root / "catalog/attachments/etc").symlink_to("/etc")
    assert _found(root) == [(DOC, ATTACH_LINE, CODE)]
    assert _found(root, "unknown-reference") == []
    assert "指向文件夹的符号链接" in _messages(root)[0]
