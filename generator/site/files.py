"""The file types the site publishes as they are: attachments and static files under content/.

A file copied byte for byte into the site is served from the site's own origin: an `.html`, `.svg`,
`.xml` or `.js` file there runs script as if the site had written it, whatever the sanitiser does to
Markdown. So the site publishes only the kinds of file a disclosure needs — documents (PDF, OFD,
Office and WPS), archives, raster images, plain text, audio and video — and only when the file's
first bytes are what its extension says (a page renamed `通知.pdf` is refused as well). Everything
else is an `unpublishable-file` problem with the fix: convert it (to PDF) or publish it as a page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Enough of a file to tell its type by its signature (and to see markup at the start of a text file).
HEAD_BYTES = 512


def _starts(*magics: bytes) -> Callable[[bytes], bool]:
    return lambda head: head.startswith(magics)


_ZIP = _starts(b"PK\x03\x04", b"PK\x05\x06")  # OOXML, ODF, OFD, WPS (new) and plain zip archives
_OLE = _starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # .doc .xls .ppt and WPS's older .wps .et .dps
_MARKUP = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"<body", b"<iframe", b"<head")


def _text(head: bytes) -> bool:
    """Plain text that no browser could take for a page: no NUL, no markup at its start."""
    if b"\x00" in head:
        return False
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not start.startswith(_MARKUP)


def _webp(head: bytes) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


def _mp4(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


@dataclass(frozen=True)
class FileType:
    label: str
    extensions: tuple[str, ...]
    signature: Callable[[bytes], bool]


PUBLISHED: tuple[FileType, ...] = (
    FileType("PDF 文档", ("pdf",), _starts(b"%PDF-")),
    FileType("OFD 版式文档", ("ofd",), _ZIP),
    FileType("Word 文档", ("docx",), _ZIP),
    FileType("Word 97-2003 文档", ("doc",), _OLE),
    FileType("Excel 工作簿", ("xlsx",), _ZIP),
    FileType("Excel 97-2003 工作簿", ("xls",), _OLE),
    FileType("PowerPoint 演示文稿", ("pptx",), _ZIP),
    FileType("PowerPoint 97-2003 演示文稿", ("ppt",), _OLE),
    FileType("WPS 文档", ("wps", "et", "dps"), lambda h: _OLE(h) or _ZIP(h)),
    FileType("OpenDocument 文档", ("odt", "ods", "odp"), _ZIP),
    FileType("RTF 文档", ("rtf",), _starts(b"{\\rtf")),
    FileType("压缩包", ("zip",), _ZIP),
    FileType("RAR 压缩包", ("rar",), _starts(b"Rar!\x1a\x07")),
    FileType("7z 压缩包", ("7z",), _starts(b"7z\xbc\xaf\x27\x1c")),
    FileType("PNG 图片", ("png",), _starts(b"\x89PNG\r\n\x1a\n")),
    FileType("JPEG 图片", ("jpg", "jpeg"), _starts(b"\xff\xd8\xff")),
    FileType("GIF 图片", ("gif",), _starts(b"GIF87a", b"GIF89a")),
    FileType("WebP 图片", ("webp",), _webp),
    FileType("纯文本", ("txt", "csv"), _text),
    FileType("MP4 视频", ("mp4",), _mp4),
    FileType("MP3 音频", ("mp3",), lambda h: h.startswith(b"ID3") or h[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2")),
)
_BY_EXTENSION = {ext: t for t in PUBLISHED for ext in t.extensions}

# Active content: named, because the fix differs from "an unknown type".
_ACTIVE = {
    "html": "网页", "htm": "网页", "xhtml": "网页", "shtml": "网页", "mht": "网页", "mhtml": "网页",
    "svg": "SVG 矢量图", "svgz": "SVG 矢量图",
    "xml": "XML 文件", "xsl": "XML 样式表", "xslt": "XML 样式表",
    "js": "脚本", "mjs": "脚本", "css": "样式表", "swf": "Flash 文件", "wasm": "WebAssembly 程序",
    "php": "服务器脚本", "asp": "服务器脚本", "aspx": "服务器脚本", "jsp": "服务器脚本",
    "exe": "可执行程序", "bat": "可执行程序", "cmd": "可执行程序", "sh": "脚本", "ps1": "脚本",
    "vbs": "脚本", "jar": "Java 程序", "apk": "安装包", "msi": "安装包",
}

ALLOWED_EXTENSIONS = ", ".join(sorted(_BY_EXTENSION))


def extension(name: str) -> str:
    """The lower-case extension of a file name, without the dot ("" for none)."""
    base = name.rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base.lstrip(".") else ""


def refusal(name: str, head: bytes) -> str | None:
    """Why the site will not publish a file called `name` starting with `head` (None: it will)."""
    ext = extension(name)
    kind = _BY_EXTENSION.get(ext)
    if kind is None:
        if ext in _ACTIVE:
            return (f"是{_ACTIVE[ext]}（.{ext}），放到网站上会以本站名义运行，不能作为文件发布：请转换为 PDF 后附上，"
                    "或把内容写成页面")
        what = f"的扩展名 .{ext} 不在网站可发布的文件类型之内" if ext else "没有扩展名，无法确定是什么文件"
        return f"{what}：请转换为 PDF 等常见格式（可发布：{ALLOWED_EXTENSIONS}）"
    if not kind.signature(head):
        return (f"的扩展名是 .{ext}，但内容不是{kind.label}（可能是改了扩展名的网页或其他文件）："
                "请用原程序重新导出或另存为正确的格式")
    return None
