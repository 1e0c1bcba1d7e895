"""引用的对象不存在：法律、文件、分类、权力事项、附件或链接。

检查范围：权力事项和文件的 `basis[].law`；文件的 `category`、`amended_by`、`interprets`，
以及写成 id 形式的 `repealed.by`；清理记录中写成 id 形式的 `batch`（须是 catalog/cleanups.yml 中的清理活动，
写成文号的照原样显示）；权力事项的 `discretion`；法律法规中写成 id 形式的 `repealed.by`；
`attachments`（catalog/attachments/ 下的文件，写成规范的相对路径：不能指向这个文件夹以外，
不能有 `./`、`//`、以点开头的隐藏文件名、Windows 保留名（CON、NUL……）或过长的文件名）；
以及文件和页面正文中的 `[文字](doc:ID)`、`(law:ID)`、`(power:CODE)` 链接，和按相对路径链接的页面或文件
（`[指南](guide.md)`、`![图](img/a.png)`：必须是 content/ 中存在的页面或文件）。
问题指向写引用的那一行，并给出最接近的现有 id。

通过：
```yaml
# catalog/powers/cf.yml
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
```

不通过：
```yaml
# catalog/powers/cf.yml
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlff, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
```
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping

from generator.codes import Code
from generator.format.links import find_links, find_relative_links
from generator.format.model import ID_RE, BasisRef, Catalog, Source
from generator.problems import Pos
from generator.rules._util import Findings, did_you_mean
from generator.site import urls

CODE = Code.UNKNOWN_REFERENCE
LEVEL = CODE.level


def _basis(src: Source, refs: Iterable[BasisRef], laws: Mapping[str, object], what: str) -> Findings:
    for ref in refs:
        if ref.law and ref.law not in laws:
            yield src.path, src.at("basis", ref.index, "law"), \
                f"{what} '{ref.law}' 不存在{did_you_mean(ref.law, laws) or '：请先在 catalog/legal_bases.yml 中添加它'}"


# Names Windows will not create (with any extension): an office on Windows could never check it out.
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.I)
_BAD_CHARS = re.compile(r'[#?%<>"|*\x00-\x1f\x7f]')
MAX_NAME, MAX_PATH = 100, 200


def attachment_path_problem(path: str) -> str | None:
    """Why `path` is not a canonical attachment path inside catalog/attachments/ (None when it is).

    The path becomes a URL (attachments/<path>) and a file on every editor's disk, so it is written
    one way only: relative, with no `.`/`..`/empty segments, no hidden or Windows-reserved names,
    no characters a URL or Windows cannot hold, and of a length every file system takes.
    """
    if not path or path.startswith(("/", "\\")) or "\\" in path or ":" in path:
        return "不能离开 catalog/attachments/ 目录（不能用绝对路径、盘符或反斜杠）：请写成相对路径，例如 2024/通知.pdf"
    parts = path.split("/")
    if ".." in parts:
        return "不能离开 catalog/attachments/ 目录（不能用 ..）：请写成 catalog/attachments/ 下的相对路径"
    if any(p in ("", ".") for p in parts):
        canon = "/".join(p for p in parts if p not in ("", "."))
        return f"写法不规范（有 ./ 或 //）：请写成 '{canon}'"
    for p in parts:
        if p.startswith("."):
            return f"中的 '{p}' 以点开头（隐藏文件），网站不会发布：请去掉开头的点并给文件改名"
        if _RESERVED.match(p):
            return f"中的 '{p}' 是 Windows 的保留名，在 Windows 电脑上无法保存：请给文件改名"
        if p != p.rstrip(" ."):
            return f"中的 '{p}' 以空格或点结尾，在 Windows 电脑上会被改名：请给文件改名"
        if bad := _BAD_CHARS.search(p):
            return f"中的 '{p}' 含有字符 '{bad.group()}'，不能用在网址或 Windows 文件名中：请给文件改名"
        if len(p) > MAX_NAME:
            return f"中的文件名有 {len(p)} 个字符，超过 {MAX_NAME} 个：请改用短一些的文件名"
    if len(path) > MAX_PATH:
        return f"有 {len(path)} 个字符，超过 {MAX_PATH} 个：请减少文件夹层级或缩短文件名"
    return None


def _under_folder_link(cat: Catalog, path: str) -> bool:
    """Whether `path` lies under a folder link of catalog/attachments/ (unpublishable-file says so)."""
    parts = path.split("/")
    return any("/".join(parts[:i]) in cat.attachments for i in range(1, len(parts)))


def _site_files(cat: Catalog) -> set[str]:
    """The site's files by their source path (as the site engine resolves a relative link): content
    pages and files, attachments, and the Markdown source of each generated record page."""
    out = {p.url_path for p in cat.pages} | {f.name for f in cat.static_files}
    out |= {urls.attachment(a) for a in cat.attachments}
    out |= {urls.document(d).rstrip("/") + ".md" for d in cat.documents}
    out |= {urls.law(law).rstrip("/") + ".md" for law in cat.laws}
    out |= {urls.power(p).rstrip("/") + ".md" for p in cat.powers}
    return out


def _file_links(path: str, body: str, first_line: int, folder: str, files: set[str]) -> Findings:
    for link in find_relative_links(body):
        target = posixpath.normpath(posixpath.join(folder, link.target))
        if target not in files:
            hint = did_you_mean(target, files) or \
                "：请检查路径（相对于这个页面所在的文件夹），或改用 doc:、law:、power: 链接"
            yield path, Pos(first_line + link.line - 1, link.column), \
                f"链接 '{link.target}' 指向的页面或文件不存在{hint}"


class _Known(Mapping[str, object]):
    """The records loaded, plus the names in files that could not be read: a reference to one of
    those is not unknown (the file's syntax error is the problem to fix). Only loaded records are
    iterated, so a did-you-mean never points at an id merely similar to an unreadable one."""

    def __init__(self, loaded: Mapping[str, object], unreadable: frozenset[str] | None) -> None:
        self.loaded, self.unreadable = loaded, unreadable

    def __contains__(self, key: object) -> bool:
        return key in self.loaded or self.unreadable is None or key in self.unreadable

    def __getitem__(self, key: str) -> object:
        return self.loaded[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.loaded)

    def __len__(self) -> int:
        return len(self.loaded)


def check(cat: Catalog, today: dt.date) -> Findings:
    gone = {kind: cat.unreadable.get(kind, frozenset()) for kind in ("doc", "law", "power", "category")}
    docs, laws = _Known(cat.documents, gone["doc"]), _Known(cat.laws, gone["law"])
    powers, categories = _Known(cat.powers, gone["power"]), _Known(cat.categories, gone["category"])
    either = None if gone["law"] is None or gone["doc"] is None else gone["law"] | gone["doc"]
    records = _Known({**cat.laws, **cat.documents}, either)
    for power in cat.all_powers:
        yield from _basis(power.src, power.basis, laws, "实施依据")
        if power.discretion and power.discretion not in docs:
            yield power.src.path, power.src.at("discretion"), \
                f"裁量基准文件 '{power.discretion}' 不存在{did_you_mean(power.discretion, docs)}"
    for law in cat.all_laws:
        rep = law.repealed
        if rep and rep.by_is_id and rep.by not in records:
            yield law.src.path, law.src.at("repealed", "by"), \
                f"废止依据 '{rep.by}' 像是一个 id，但目录中没有它" \
                f"{did_you_mean(rep.by or '', records, '；目录外的文件请写标题或文号')}"
    for doc in cat.all_documents:
        s = doc.src
        yield from _basis(s, doc.basis, laws, "制定依据")
        if doc.category and doc.category not in categories:
            hint = did_you_mean(doc.category, categories) or "：请在 catalog/categories.yml 中添加"
            yield s.path, s.at("category"), f"分类 '{doc.category}' 不存在{hint}"
        for i, target in enumerate(doc.amended_by):
            if target not in docs:
                yield s.path, s.at("amended_by", i), f"修改文件 '{target}' 不存在{did_you_mean(target, docs)}"
        if doc.interprets and doc.interprets not in docs:
            yield s.path, s.at("interprets"), \
                f"被解读文件 '{doc.interprets}' 不存在{did_you_mean(doc.interprets, docs)}"
        for r in doc.reviews:
            if r.batch and ID_RE.match(r.batch) and r.batch not in cat.cleanups:
                hint = did_you_mean(r.batch, cat.cleanups) or "：请先在 catalog/cleanups.yml 中添加这次清理"
                yield s.path, s.at("reviews", r.index, "batch"), \
                    f"清理活动 '{r.batch}' 不存在{hint}；清理通知的文号可以照原样写"
        rep = doc.repealed
        if rep and rep.by_is_id and rep.by not in records:
            yield s.path, s.at("repealed", "by"), \
                f"废止依据 '{rep.by}' 像是一个 id，但目录中没有它" \
                f"{did_you_mean(rep.by or '', records, '；目录外的文件请写文号或标题')}"
        for i, att in enumerate(doc.attachments):
            if (why := attachment_path_problem(att)) is not None:
                yield s.path, s.at("attachments", i), f"附件路径 '{att}' {why}"
            elif att not in cat.attachments and not _under_folder_link(cat, att):
                hint = did_you_mean(att, cat.attachments) or f"：请把文件放到 catalog/attachments/{att}"
                yield s.path, s.at("attachments", i), f"附件 '{att}' 不存在{hint}"
    targets: dict[str, Mapping[str, object]] = {"doc": docs, "law": laws, "power": powers}
    names = {"doc": "文件", "law": "执法依据", "power": "权力事项"}
    bodies = [(d.src.path, d.body, d.body_line) for d in cat.all_documents]
    bodies += [(p.path, p.body, p.body_line) for p in cat.pages]
    files = _site_files(cat)
    for doc in cat.all_documents:
        yield from _file_links(doc.src.path, doc.body, doc.body_line, "documents", files)
    for page in cat.pages:
        yield from _file_links(page.path, page.body, page.body_line, posixpath.dirname(page.url_path), files)
    for path, body, first_line in bodies:
        for link in find_links(body):
            pool = targets[link.kind]
            if link.target not in pool:
                yield path, Pos(first_line + link.line - 1, link.column), \
                    f"链接 {link.kind}:{link.target} 指向的{names[link.kind]}不存在{did_you_mean(link.target, pool)}"
