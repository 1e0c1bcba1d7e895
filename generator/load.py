"""Project files → a Catalog: read site_config, categories, legal bases, powers, documents, pages.

Reading never raises on bad input: undecodable bytes, YAML errors, front matter without its
closing `---` or a file of the wrong shape each become a Problem with a position. Nothing is
ever written here.
"""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.codes import Code
from generator.format.model import (
    Catalog,
    Category,
    Cleanup,
    Document,
    LegalBasis,
    Page,
    Power,
    SiteConfig,
    Source,
    StaticSource,
)
from generator.format.yamltree import Refused, YList, YMap, parse
from generator.parsecache import ParseCache
from generator.problems import Pos, Problem, UsageError
from generator.readfile import (
    Bytes,
    Text,
    decode,
    display_path,
    forget_folders,
    inside,
    read_bytes,
    read_text,
    split_front_matter,
)
from generator.readfile import err as _err
from generator.site.files import HEAD_BYTES


def parse_yaml(src: Text, problems: list[Problem], text: str | None = None, line_offset: int = 0,
               parses: ParseCache | None = None) -> Any:
    """The YAML value of `src` (or of its part `text`, `line_offset` lines in); `parses` may have it already."""
    text = src.text if text is None else text
    value, findings = parses.parse(src.path, src.digest, text, line_offset) if parses else parse(text, line_offset)
    problems.extend(_err(src.path, f.pos, Code.YAML_SYNTAX, f.message) for f in findings)
    return value


def _files(root: Path, folder: str, suffixes: tuple[str, ...], problems: list[Problem]) -> Iterator[str]:
    """Files under root/folder in a stable order (suffix in any case: WPS saves `.MD`), as paths in strings
    (10,000 Path objects cost more than reading the files' names).

    Symbolic links to folders are not followed, and said so: a catalogue never needs them and
    they could lead out of the project.
    """
    base = root / folder
    if not base.is_dir():
        return
    if not inside(root, base):
        problems.append(_err(folder, None, Code.YAML_SYNTAX,
                             f"{folder} 是指向项目目录之外的符号链接，不会被读取：请把文件本身复制到项目里"))
        return
    for dirpath, dirnames, filenames in os.walk(base):
        here = Path(dirpath)
        for d in sorted(dirnames):
            if not d.startswith(".") and (here / d).is_symlink():
                problems.append(_err(display_path((here / d).relative_to(root).as_posix()), None, Code.YAML_SYNTAX,
                                     "这是指向文件夹的符号链接，不会被读取：请把文件本身复制到这里"))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.lower().endswith(suffixes):
                continue
            yield os.path.join(dirpath, name)


def _static_sources(root: Path, folder: str, skip_suffix: str | None, folder_links: bool) -> list[StaticSource]:
    """Every file under root/folder that the site could copy as is, with what a judge needs to know.

    Hidden files and folders (`.DS_Store`, `.git`) are nobody's content: skipped, as the site
    engine skips them. Links are never followed into folders (with `folder_links` they are
    recorded, to be reported; content/'s are reported by `_files` already); a linked file is read
    only when it stays inside the project.
    """
    base = root / folder
    out: list[StaticSource] = []
    if not base.is_dir() or base.is_symlink():
        return out  # a linked content/ or attachments/ folder: _files reports it for content/
    for dirpath, dirnames, filenames in os.walk(base):
        here = Path(dirpath)
        links = sorted(d for d in dirnames if not d.startswith(".") and (here / d).is_symlink())
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in links)
        names = sorted(n for n in filenames if not n.startswith("."))
        for name in (links if folder_links else []) + names:
            file = here / name
            if skip_suffix and name.lower().endswith(skip_suffix):  # pages: read by _files
                continue
            rel = file.relative_to(base).as_posix()
            path = display_path(file.relative_to(root).as_posix())
            out.append(_static_source(root, file, rel, path, is_folder=name in links))
    return sorted(out, key=lambda s: s.name)


def _static_source(root: Path, file: Path, name: str, path: str, is_folder: bool) -> StaticSource:
    def refused(why: str) -> StaticSource:
        return StaticSource(name, path, file, b"", why)

    if is_folder:
        return refused("是指向文件夹的符号链接，不会发布：请把文件本身复制到这里")
    if path != file.relative_to(root).as_posix():
        return refused(f"的文件名不是 UTF-8 编码（看起来是 GBK：{path}）：请在本机重新命名这个文件")
    if not inside(root, file):
        # A link to /etc/passwd or to another project: never read, never published, whatever its name.
        return refused("是指向项目目录之外的符号链接，不会发布：请把文件本身复制到这里")
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            return refused("不是普通文件（管道、设备或失效的链接），不会发布：请从目录中移走它")
        with file.open("rb") as fh:
            return StaticSource(name, path, file, fh.read(HEAD_BYTES))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return refused("是循环的符号链接（链接指向自己），不会发布：请删除它，把文件本身放在这里")
        if exc.errno == errno.ENOENT:
            return refused("是失效的链接（指向的文件不存在），不会发布：请删除它，把文件本身放在这里")
        return refused(f"无法读取（{exc.strerror}），不会发布：请检查文件的权限")


def _record_list(src: Text, value: Any, what: str, problems: list[Problem]) -> list[YMap]:
    """A file that must hold a YAML list of mappings; anything else is reported, not raised."""
    if value is None:
        return []
    if isinstance(value, YMap):
        problems.append(_err(src.path, value.pos, Code.INVALID_VALUE,
                             f"{what}文件应是一个列表（每条以 '- ' 开头），这里是一个映射"))
        return []
    if not isinstance(value, YList):
        problems.append(_err(src.path, Pos(1, 1), Code.INVALID_VALUE, f"{what}文件应是一个列表（每条以 '- ' 开头）"))
        return []
    out: list[YMap] = []
    for i, item in enumerate(value):
        if isinstance(item, YMap):
            out.append(item)
        elif not isinstance(item, Refused):  # an alias or a tag: already a yaml-syntax problem
            problems.append(_err(src.path, value.at(i), Code.INVALID_VALUE,
                                 f"{what}列表的每一项都应是一组“键: 值”，这里是 '{item}'"))
    return out


def _load_categories(cat: Catalog, src: Text, problems: list[Problem], parses: ParseCache | None) -> None:
    items = _record_list(src, parse_yaml(src, problems, parses=parses), "分类", problems)
    _add_categories(cat, src.path, src.digest, items, None)


def _add_categories(cat: Catalog, path: str, digest: bytes, items: list[YMap], parent: str | None) -> None:
    # Not a closure calling itself: that reference cycle held the whole catalogue until a full collection.
    for raw in items:
        s = Source(path, raw, digest)
        cat.raw_records.append(("category", s))
        code = raw.get("code")
        code = str(code) if isinstance(code, (str, int)) else ""
        children = [c for c in raw.get("children") or [] if isinstance(c, YMap)] \
            if isinstance(raw.get("children"), list) else []
        c = Category(code, str(raw.get("name") or ""), raw.get("description") if isinstance(
            raw.get("description"), str) else None, parent, [], s)
        cat.all_categories.append(c)
        if code and code not in cat.categories:
            cat.categories[code] = c
            if parent and parent in cat.categories:
                cat.categories[parent].children.append(code)
        _add_categories(cat, path, digest, children, code or parent)


def _load_annual(cat: Catalog, root: Path, path: Path, problems: list[Problem], parses: ParseCache | None) -> None:
    """catalog/annual/<year>.yml: the annual-report numbers the catalogue cannot count (docs/audit.md)."""
    src = read_text(root, path, problems)
    if src is None:
        return
    value = parse_yaml(src, problems, parses=parses)
    if value is None:
        return
    if not isinstance(value, YMap):
        problems.append(_err(src.path, Pos(1, 1), Code.INVALID_VALUE,
                             "年度报告数据文件应是一组“键: 值”（active、applications），不是列表或单个值"))
        return
    if not (path.stem.isdigit() and len(path.stem) == 4):
        problems.append(_err(src.path, Pos(1, 1), Code.INVALID_VALUE,
                             f"年度报告数据文件名应是四位年份（例如 catalog/annual/2024.yml），这里是 '{path.name}'"))
        return
    s = Source(src.path, value, src.digest)
    cat.raw_records.append(("annual_report", s))
    if int(path.stem) in cat.annual:
        problems.append(_err(src.path, Pos(1, 1), Code.DUPLICATE_ID,
                             f"{path.stem} 年的数据已在 {cat.annual[int(path.stem)].path} 中：请合并为一个文件"))
        return
    cat.annual[int(path.stem)] = s


def load_project(root: Path, parses: ParseCache | None = None) -> tuple[Catalog, list[Problem]]:
    """Read every catalogue file of the project at `root`, taking the unchanged files' parses from `parses`
    when given. Raises UsageError only if it is no project."""
    root = root.resolve()
    forget_folders()
    config_path = root / "site_config.yml"
    if not config_path.is_file():
        raise UsageError(f"{root} 不是一个站点项目：找不到 site_config.yml（用 --project 指定项目目录）")
    problems: list[Problem] = []
    cat = Catalog(root=str(root))

    src = read_text(root, config_path, problems)
    if src is not None:
        value = parse_yaml(src, problems, parses=parses)
        if isinstance(value, YMap):
            s = Source(src.path, value, src.digest)
            cat.config = SiteConfig.build(s)
            cat.raw_records.append(("site_config", s))
        elif value is not None or not problems:
            problems.append(_err(src.path, Pos(1, 1), Code.INVALID_VALUE,
                                 "site_config.yml 应是一组“键: 值”（site、agency、footer、policy）"))

    for name, what in (("categories.yml", "分类"), ("legal_bases.yml", "执法依据")):
        if not (listed := root / "catalog" / name).is_file():
            problems.append(_err(f"catalog/{name}", None, Code.MISSING_FIELD,
                                 f"缺少文件 catalog/{name}：请创建它（见 docs/format.md）"))
            continue
        src = read_text(root, listed, problems)
        if src is None:
            continue
        if name == "categories.yml":
            _load_categories(cat, src, problems, parses)
            continue
        for raw in _record_list(src, parse_yaml(src, problems, parses=parses), what, problems):
            s = Source(src.path, raw, src.digest)
            cat.raw_records.append(("legal_basis", s))
            law = LegalBasis.build(s)
            cat.all_laws.append(law)
            if law.id:
                cat.laws.setdefault(law.id, law)

    cleanups = root / "catalog" / "cleanups.yml"
    if cleanups.is_file():  # optional: a project may keep no 清理 campaigns as records
        src = read_text(root, cleanups, problems)
        if src is not None:
            for raw in _record_list(src, parse_yaml(src, problems, parses=parses), "清理活动", problems):
                s = Source(src.path, raw, src.digest)
                cat.raw_records.append(("cleanup", s))
                campaign = Cleanup.build(s)
                cat.all_cleanups.append(campaign)
                if campaign.id:
                    cat.cleanups.setdefault(campaign.id, campaign)

    for path in _files(root, "catalog/powers", (".yml", ".yaml"), problems):
        src = read_text(root, path, problems)
        if src is None:
            continue
        for raw in _record_list(src, parse_yaml(src, problems, parses=parses), "权力清单", problems):
            s = Source(src.path, raw, src.digest)
            cat.raw_records.append(("power", s))
            power = Power.build(s)
            cat.all_powers.append(power)
            if power.code:
                cat.powers.setdefault(power.code, power)

    for path in _files(root, "catalog/documents", (".md", ".yml", ".yaml"), problems):
        read = read_bytes(root, path, problems)
        if read is None:
            continue
        doc = _document(read, problems, parses)
        if doc is not None:
            cat.raw_records.append(("document", doc.src))
            cat.all_documents.append(doc)
            if doc.id:
                cat.documents.setdefault(doc.id, doc)

    for path in _files(root, "content", (".md",), problems):
        src = read_text(root, path, problems)
        if src is None:
            continue
        fm, fm_line, body, body_line = split_front_matter(src, problems, required=False)
        front: Any = parse_yaml(src, problems, fm, fm_line - 1, parses) if fm is not None else None
        if isinstance(front, YMap):
            cat.raw_records.append(("page", Source(src.path, front, src.digest)))
        else:
            if front is not None:
                problems.append(_err(src.path, Pos(fm_line, 1), Code.INVALID_VALUE,
                                     "页面的 front matter 应是一组“键: 值”（title、description），不是列表或单个值"))
            front = YMap()
            front.pos, front.key_pos = Pos(1, 1), {}
        rel = Path(path).relative_to(root / "content").as_posix()
        title = front.get("title") if isinstance(front.get("title"), str) else None
        cat.pages.append(Page(src.path, rel, title, body, body_line, Source(src.path, front, src.digest)))

    for path in _files(root, "catalog/annual", (".yml", ".yaml"), problems):
        _load_annual(cat, root, Path(path), problems, parses)

    cat.attachments = {s.name: s for s in _static_sources(root, "catalog/attachments", None, folder_links=True)}
    cat.static_files = _static_sources(root, "content", ".md", folder_links=False)
    cat.unreadable = _unreadable_names(root, problems)
    return cat, problems


def _document(raw: Bytes, problems: list[Problem], parses: ParseCache | None) -> Document | None:
    """The document a file under catalog/documents/ holds, its problems added to `problems`. A document
    is made from its file alone, so what a file of the same path and bytes gave is taken from `parses`."""
    kept = parses.record(raw.path, raw.digest) if parses is not None else None
    if kept is not None:
        doc, body, kept_problems = kept
        problems.extend(kept_problems)
        if isinstance(doc, Document):
            doc.body = raw.data[body:].decode("utf-8") if isinstance(body, int) else body
            return doc
        return None
    found: list[Problem] = []
    doc = _make_document(raw, found)
    problems.extend(found)
    if parses is not None:
        if doc is None:
            parses.keep_record(raw.path, raw.digest, (None, "", found))
        else:  # the body is kept as where it starts in the bytes (half the entry's size), unless CRs moved it
            tail = doc.body.encode("utf-8")
            body = len(raw.data) - len(tail) if raw.data.endswith(tail) else doc.body
            parses.keep_record(raw.path, raw.digest, (dataclasses.replace(doc, body=""), body, found))
    return doc


def _make_document(raw: Bytes, problems: list[Problem]) -> Document | None:
    """The document of a file under catalog/documents/ (.md: front matter and body; .yml: the record alone)."""
    src = decode(raw, problems)
    if src is None:
        return None
    if src.path.lower().endswith(".md"):
        fm, fm_line, body, body_line = split_front_matter(src, problems, required=True)
        if fm is None:
            return None
        before = len(problems)
        value = parse_yaml(src, problems, fm, fm_line - 1)
    else:  # a bare YAML record: front matter only, no body
        fm, fm_line, rest, rest_line = split_front_matter(src, [], required=False)
        if fm is not None and rest.strip():
            # Front matter and a Markdown body saved as .yml: the body would be lost.
            problems.append(_err(src.path, Pos(rest_line, 1), Code.YAML_SYNTAX,
                                 "这个 .yml 文件在 '---' 之后还有 Markdown 正文：请把扩展名改为 .md"))
            return None
        before = len(problems)
        # `---` fences around the record, as in a .md file, or none
        value = parse_yaml(src, problems, fm, fm_line - 1) if fm is not None else parse_yaml(src, problems)
        body, body_line = "", 1
    if value is None:
        if len(problems) > before:
            return None  # unreadable: the syntax error is reported
        # Empty front matter: an empty record, so missing-field names every required field.
        value = YMap()
        value.pos, value.key_pos = Pos(1, 1), {}
    if not isinstance(value, YMap):
        problems.append(_err(src.path, Pos(2, 1), Code.INVALID_VALUE,
                             "文件的 front matter 应是一组“键: 值”，不是列表或单个值"))
        return None
    return Document.build(Source(src.path, value, src.digest), body, body_line)


# The kind of record each catalogue file holds, by where it is.
_KINDS = (("catalog/legal_bases.yml", "law"), ("catalog/categories.yml", "category"),
          ("catalog/powers/", "power"), ("catalog/documents/", "doc"))
# `id: x` / `- code: X` lines, read from a file the parser gave up on.
_NAME_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?(?:id|code)[ \t]*[:：][ \t]*['\"]?([^'\"#\s]+)", re.M)


def _unreadable_names(root: Path, problems: list[Problem]) -> dict[str, frozenset[str] | None]:
    """The ids and codes named in catalogue files that could not be read, by kind of record.

    A file with a syntax error yields no records, so every reference into it would also be an
    unknown-reference, each with a confident and wrong did-you-mean: one typo, dozens of errors.
    The rules skip references to these names; the syntax error is the one problem to fix. The file
    is read again as `read_text` reads it (its problems already reported) and scanned line by line
    (no parser); a document's file name counts as its id. When the one file of its kind cannot be
    read as text at all (legal_bases.yml saved as GBK), every name of that kind is unknown: None.
    """
    found: dict[str, set[str] | None] = {}
    for path in sorted({p.path for p in problems if p.code is Code.YAML_SYNTAX}):
        kind = next((k for prefix, k in _KINDS if path == prefix or path.startswith(prefix) and prefix.endswith("/")),
                    None)
        if kind is None:
            continue
        src = read_text(root, root / path, [])
        names = found.setdefault(kind, set())
        if src is None and kind in ("law", "category"):
            found[kind] = None
        if names is None or found[kind] is None:
            continue
        names.update(_NAME_LINE.findall(src.text if src else ""))
        if kind == "doc":
            names.add(Path(path).stem)
    return {kind: None if names is None else frozenset(names) for kind, names in found.items()}
