"""Every public URL of the site, derived from record ids: the URL contract of SPEC §6 in one place.

URLs here are site-relative and directory-style ("documents/2024-kjj-gfxwj-001/"; the home page
is ""). They are a public contract: people and other sites deep-link them, so a URL never changes
once published. Links between pages are made relative (`relative`), so the site works under any
prefix and from a local folder; absolute URLs (`absolute`) only go into the feed, the sitemap,
JSON-LD and the exports.
"""

from __future__ import annotations

import functools

from slugify import slugify

HOME = ""
GUIDE = "guide/"
CATALOGUE = "catalogue/"
NORMATIVE = "normative/"
IN_FORCE = "normative/in-force/"  # 现行有效规章和规范性文件目录 (today; <year>/ as of 31 December)
REPEALED = "normative/repealed/"  # 废止和失效规章和规范性文件目录
POWERS = "powers/"
LAWS = "laws/"
AUDIT = "audit/"
ANNUAL_REPORTS = "annual-reports/"
SEARCH = "search/"
ACCESSIBILITY = "accessibility/"  # 无障碍与适老化说明
SITE_MAP = "site-map/"  # 网站地图 for people (sitemap.xml is for search engines)
APPLY = "guide/apply/"  # 依申请公开: how to apply, and the 申请表
APPLY_DOCX = "guide/apply.docx"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
DATA = "data/"
ATTACHMENTS = "attachments/"

# Path segments under powers/ that a power's slug must not take (they hold the per-type lists).
RESERVED_POWER_SLUGS = frozenset({"type", "page"})

# What the site generates, by top folder or file: content/ may put no page or file there (it would
# be dropped, or take the place of a generated one). The exceptions are content/index.md (the home
# page's introduction) and content/annual-reports/<year>.md (the prose of that year's report page).
GENERATED: dict[str, str] = {
    IN_FORCE: "现行有效规章和规范性文件目录", REPEALED: "废止和失效规章和规范性文件目录",
    CATALOGUE: "公开目录", "documents/": "文件页面", NORMATIVE: "规范性文件库", POWERS: "权力清单",
    LAWS: "执法依据", AUDIT: "清理结果", ANNUAL_REPORTS: "年度报告", SEARCH: "搜索", DATA: "数据下载",
    ATTACHMENTS: "附件", "assets/": "网站样式和脚本", FEED: "订阅源", SITEMAP: "网站地图",
    SITEMAP + ".gz": "网站地图", "404.html": "“页面不存在”页",
}


@functools.lru_cache(maxsize=65536)
def slug(text: str) -> str:
    """The URL slug of a free text (a power code, a status, a type): python-slugify, pinyin for Chinese.
    Remembered: the same few codes and types are slugged for every page that links them."""
    return slugify(text)


def _paged(base: str, page: int) -> str:
    return base if page <= 1 else f"{base}page/{page}/"


def document(doc_id: str) -> str:
    return f"documents/{doc_id}/"


def cleanup(cleanup_id: str) -> str:
    """audit/<id>/: one 清理 campaign's scope, progress and results."""
    return f"{AUDIT}{cleanup_id}/"


def law(law_id: str) -> str:
    return f"laws/{law_id}/"


def power(code: str) -> str:
    return f"powers/{slug(code)}/"


def category(code: str, page: int = 1) -> str:
    return _paged(f"catalogue/{code}/", page)


def normative(status: str | None = None, year: int | None = None, page: int = 1) -> str:
    """规范性文件库, optionally filtered by status and/or publication year; every filter state is a page."""
    base = NORMATIVE
    if status:
        base += f"status/{slug(status)}/"
    if year:
        base += f"year/{year}/"
    return _paged(base, page)


def in_force(year: int | None = None) -> str:
    """现行有效目录: today's, or as of 31 December of `year`."""
    return f"{IN_FORCE}{year}/" if year else IN_FORCE


def directory_data(year: int | None, repealed: bool, ext: str) -> str:
    """The 目录's data file: data/in-force.csv, data/in-force-2025.xlsx, data/repealed.json …"""
    name = "repealed" if repealed else "in-force" + (f"-{year}" if year else "")
    return data(name, ext)


def power_type(type_name: str, page: int = 1) -> str:
    return _paged(f"powers/type/{slug(type_name)}/", page)


def laws(page: int = 1) -> str:
    return _paged(LAWS, page)


def attachment(path: str) -> str:
    return ATTACHMENTS + path


def data(name: str, ext: str) -> str:
    return f"{DATA}{name}.{ext}"


def annual_report(year: int) -> str:
    return f"{ANNUAL_REPORTS}{year}/"


def annual_report_file(year: int, ext: str) -> str:
    """The year's report as an office file: annual-reports/2025/annual-report-2025.docx (.xlsx: the tables)."""
    return f"{annual_report(year)}annual-report-{year}.{ext}"


def content_page(url_path: str) -> str:
    """The URL of content/<url_path>: guide.md → guide/, a/index.md → a/, index.md → ""."""
    stem = url_path[:-3] if url_path.endswith(".md") else url_path
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def generated_owner(url: str, page: bool) -> str | None:
    """Which generated part of the site owns `url` (a content page's URL when `page`, else a file's),
    or None when content/ may use it."""
    if page and (url == HOME or (url.startswith(ANNUAL_REPORTS) and url[len(ANNUAL_REPORTS):-1].isdigit()
                                 and len(url) == len(ANNUAL_REPORTS) + 5)):
        return None
    # A generated file also owns the folder of the same name: content/feed.xml.md would be the page
    # feed.xml/, a folder where the feed must be a file.
    return next((name for prefix, name in GENERATED.items()
                 if url == prefix or url.startswith(prefix if prefix.endswith("/") else prefix + "/")), None)


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url` (both site-relative), e.g. "../../laws/zlf/"."""
    if "://" in to_url or to_url.startswith(("mailto:", "tel:")):
        return to_url
    if to_url.startswith("#"):
        return to_url
    # Each "/" in the page's URL is one directory level below the site root.
    return ("../" * from_url.count("/") + to_url) or "./"


def absolute(site_url: str, url: str) -> str:
    """The public address of a site-relative URL (site.url ends with "/")."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base + url
