"""Walk every raw record against its declaration in fields.py.

missing-field, unknown-field, invalid-value and invalid-date all come from this one walk;
it runs once per catalogue and each of those four rules takes its own code's findings.
The walk looks at one record at a time and at nothing else (no other file, not the site's
configuration): `check` keeps each file's findings with its parse and walks only changed files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from generator.codes import Code
from generator.format import fields as F
from generator.format.model import ISO_DATE_RE, Catalog, as_date
from generator.format.patterns import refusal
from generator.format.yamltree import BadDate, Refused, YList, YMap
from generator.problems import Pos
from generator.rules._util import did_you_mean

SPECS: dict[str, F.RecordSpec] = {
    s.name: s for s in (F.SITE_CONFIG, F.CATEGORY, F.LEGAL_BASIS, F.POWER, F.DOCUMENT, F.CLEANUP, F.PAGE,
                        F.ANNUAL_REPORT)
}
_ID = re.compile(F.ID_PATTERN)
# guide-incomplete owns the Art. 12 fields: reporting them twice would only confuse.
_OWNED_ELSEWHERE = {"agency"}

SchemaFinding = tuple[Code, str, Pos, str]  # code, path, pos, message

# Characters that change how text is shown without being seen: bidi overrides and isolates (a title
# can be made to read backwards, 文号 to look like another), and zero-width characters (two ids or
# titles that look the same but differ). They come from pasting out of web pages and PDFs; YAML
# accepts them, so the walk refuses them in every text value.
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_INVISIBLE_NAMES = {
    "\u061c": "阿拉伯字母标记", "\u200b": "零宽空格", "\u200c": "零宽不连字", "\u200d": "零宽连字",
    "\u200e": "从左到右标记", "\u200f": "从右到左标记", "\u202a": "从左到右嵌入", "\u202b": "从右到左嵌入",
    "\u202c": "方向格式结束", "\u202d": "从左到右覆盖", "\u202e": "从右到左覆盖", "\u2060": "词连接符",
    "\u2066": "从左到右隔离", "\u2067": "从右到左隔离", "\u2068": "首字符隔离", "\u2069": "方向隔离结束",
    "\ufeff": "零宽不换行空格（BOM）",
}


def invisible(value: str) -> str | None:
    """' U+202E（从右到左覆盖）' for the first invisible formatting character of `value`, else None."""
    m = _INVISIBLE.search(value)
    if m is None:
        return None
    ch = m.group()
    return f"U+{ord(ch):04X}（{_INVISIBLE_NAMES.get(ch, '不可见字符')}）"


def _sub(spec: F.RecordSpec, parent: str, name: str) -> F.Field:
    outer = spec.get(parent)
    assert outer is not None
    return next(f for f in outer.fields if f.name == name)


# Text fields whose shape SPEC §3.1 fixes, keyed by id() of the Field (walked per record: keep it cheap).
_FORMATS: dict[int, tuple[re.Pattern[str], str]] = {
    id(_sub(F.SITE_CONFIG, "site", "url")): (
        # Only URL characters: the address is printed into pages, scripts and the feed (no " < > ' `).
        re.compile(r"^https://[\w.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&()*+,;=:@-]+)*/$"),
        "应以 https:// 开头、以 / 结尾，只含网址字符（不能有空格、引号、尖括号），例如 https://kjj.example.gov.cn/",
    ),
    id(_sub(F.SITE_CONFIG, "agency", "website")): (
        # Printed as a link on the guide and home pages: a web address and nothing else (no javascript:).
        re.compile(r"^https?://[\w.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&()*+,;=:@/-]*)?$"),
        "应是网址，以 http:// 或 https:// 开头，例如 https://kjj.example.gov.cn/",
    ),
    id(_sub(F.SITE_CONFIG, "agency", "email")): (
        re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$"),
        "应是电子邮箱地址，例如 kjj@example.gov.cn（不含空格、mailto: 或其他文字）",
    ),
    id(_sub(F.SITE_CONFIG, "agency", "credit_code")): (
        # GB 32100 统一社会信用代码 (no I O Z S V), or the older 9-character 组织机构代码.
        re.compile(r"^(?:[0-9A-HJ-NPQRTUWXY]{18}|[0-9A-Z]{8}[0-9X])$"),
        "应为 18 位统一社会信用代码或 9 位组织机构代码（数字和大写字母，不含空格）",
    ),
}


def schema_findings(cat: Catalog) -> list[SchemaFinding]:
    if cat.derived_schema is None:
        walk_files(cat, {})
    assert cat.derived_schema is not None
    return cat.derived_schema


def walk_files(cat: Catalog, known: Mapping[str, list[SchemaFinding]]) -> dict[str, list[SchemaFinding]]:
    """Walk the catalogue and keep the findings as its schema findings (what the four rules report);
    return them by file, for each file that holds records. A file in `known` is not walked again:
    its findings are taken from there."""
    out: dict[str, list[SchemaFinding]] = {}
    for spec_name, src in cat.raw_records:
        if src.path in known:
            out.setdefault(src.path, known[src.path])
            continue
        found = out.setdefault(src.path, [])
        spec = SPECS[spec_name]
        required_extra: tuple[str, ...] = ()
        kind = src.raw.get("kind")
        if isinstance(kind, str):
            required_extra = spec.required_by_kind.get(kind, ())
        _walk_map(found, src.path, src.raw, spec.fields, spec.title, required_extra, skip_missing=False)
    cat.derived_schema = [f for found in out.values() for f in found]
    return out


def _label(f: F.Field) -> str:
    return f"'{f.name}'（{f.title}）"


def _walk_map(out: list[SchemaFinding], path: str, raw: YMap, fields: tuple[F.Field, ...], where: str,
              required_extra: tuple[str, ...] = (), skip_missing: bool = False) -> None:
    known = _known(fields)
    for key in raw:
        if key not in known:
            out.append((Code.UNKNOWN_FIELD, path, raw.at(key),
                        f"{where}中有未知字段 '{key}'{did_you_mean(key, known) or '：请检查拼写，或删除它'}"))
    for f in fields:
        value = raw.get(f.name)
        if skip_missing and (value == [] or (isinstance(value, str) and not value.strip())):
            continue  # empty counts as missing, which the owner of these fields reports
        if f.name not in raw or value is None:
            # `status:` written with no value is pointed at where it is written, with what to fill in.
            present = f.name in raw
            fill = f"：请在 `{f.name}:` 后填写" if present else f"：请添加 `{f.name}: …`"
            choices = f"，可选值：{'、'.join(f.choices)}" if f.choices else ""
            if f.required and not skip_missing and f.name not in _OWNED_ELSEWHERE:
                hint = f"（{f.description}）" if f.description else ""
                out.append((Code.MISSING_FIELD, path, raw.at(f.name) if present else raw.pos,
                            f"缺少必填字段 {_label(f)}{fill}{choices}{hint}"))
            elif f.name in required_extra:
                # Required because of `kind`: point at the kind, which is what makes it required.
                out.append((Code.MISSING_FIELD, path, raw.at(f.name) if present else raw.at("kind"),
                            f"{raw.get('kind')}必须填写 {_label(f)}{fill}{choices}"))
            continue
        _check_value(out, path, raw, f, f.required or f.name in required_extra)


def _known(fields: tuple[F.Field, ...]) -> dict[str, F.Field]:
    # The field tuples are module constants: one name index each, not one per record walked.
    known = _KNOWN.get(id(fields))
    if known is None:
        known = _KNOWN[id(fields)] = {f.name: f for f in fields}
    return known


_KNOWN: dict[int, dict[str, F.Field]] = {}


def _check_value(out: list[SchemaFinding], path: str, raw: YMap, f: F.Field, required: bool = False) -> None:
    value: Any = raw[f.name]
    kind = f.kind
    # The valid common case first, cheaply: this runs for every field of every record.
    if type(value) is str:
        if value.strip() and ((kind == "text" and id(f) not in _FORMATS) or (kind == "enum" and value in f.choices)
                              or (kind == "id" and _ID.match(value))) and not _INVISIBLE.search(value):
            return
    elif kind == "date" and type(value) is dt.date:
        return
    if isinstance(value, Refused):
        return  # already a yaml-syntax problem
    pos = raw.at(f.name)

    def bad(msg: str, code: Code = Code.INVALID_VALUE) -> None:
        out.append((code, path, pos, f"{_label(f)} {msg}"))

    if kind == "date":
        if as_date(value) is not None:
            return
        if isinstance(value, BadDate) and not ISO_DATE_RE.match(value):
            bad(f"的值 '{value}' 带有时刻：只写日期 YYYY-MM-DD，例如 {value[:10]}", Code.INVALID_DATE)
        elif isinstance(value, str) and ISO_DATE_RE.match(value):
            bad(f"的值 '{value}' 不是真实存在的日期：请核对年月日", Code.INVALID_DATE)
        else:
            bad(f"的值 '{value}' 不是 YYYY-MM-DD 格式的日期（月、日要两位数，数字用半角），例如 2024-03-05",
                Code.INVALID_DATE)
        return
    if kind in ("text", "id", "enum", "regex"):
        if not isinstance(value, str):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                bad(f"应为文本，这里被读成了数字 {value}：请给值加上引号，例如 '{value}'")
            elif isinstance(value, dt.date):
                bad(f"应为文本，这里被读成了日期 {value}：请给值加上引号")
            else:
                bad("应为一段文本" + ("，这里是列表或映射" if isinstance(value, (list, dict)) else ""))
            return
        if not value.strip():
            choices = f"，可选值：{'、'.join(f.choices)}" if f.choices else ""
            bad(f"不能为空：请填写{choices}" if required
                else f"不能为空：请填写{choices}，或删除这一行（这一项可以不写）")
        elif (ch := invisible(value)) is not None:
            bad(f"里有看不见的排版字符 {ch}，它会改变文字的显示方向或让两个看起来相同的值不同：请删除它"
                "（常见于从网页或 PDF 复制粘贴；可在编辑器里删掉这一行后重新输入）")
        elif id(f) in _FORMATS and not _FORMATS[id(f)][0].match(value):
            bad(f"的值 '{value}' {_FORMATS[id(f)][1]}")
        elif kind == "id" and not _ID.match(value):
            bad(f"的值 '{value}' 只能由小写字母、数字和连字符组成（用于网址）")
        elif kind == "enum" and value not in f.choices:
            hint = did_you_mean(value, f.choices)
            bad(f"的值 '{value}' 无效{hint or '。'}可选值：{'、'.join(f.choices)}")
        elif kind == "regex" and (why := refusal(value)):
            bad(f"'{value}' 不能使用：{why}。本工具用 RE2 匹配正则表达式（任何写法都不会卡住），"
                "不支持前后查找和反向引用；或删除这一行，使用默认格式")
        return
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            bad(f"应为非负整数，这里是 '{value}'")
        elif f.maximum is not None and value > f.maximum:
            bad(f"不能超过 {f.maximum}，这里是 {value}：请核对数字")
        return
    if kind == "number":
        # .inf and .nan are YAML floats, but no amount: in JSON they would become invalid Infinity/NaN.
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not value >= 0 \
                or value == float("inf"):
            bad(f"应为非负数（可带小数，例如 12.5），这里是 '{value}'")
        return
    if kind == "bool":
        if not isinstance(value, bool):
            bad(f"应为 true 或 false，这里是 '{value}'")
        return
    if kind in ("texts", "ids"):
        for i, ipos, item in _items(value, bad):
            if not isinstance(item, str) or not item.strip():
                out.append((Code.INVALID_VALUE, path, ipos, f"{_label(f)} 的第 {i + 1} 项应为文本，这里是 '{item}'"))
            elif (ch := invisible(item)) is not None:
                out.append(_invisible_item(path, ipos, f, i, ch))
            elif kind == "ids" and not _ID.match(item):
                out.append((Code.INVALID_VALUE, path, ipos,
                            f"{_label(f)} 的第 {i + 1} 项 '{item}' 只能由小写字母、数字和连字符组成"))
        return
    if kind == "channels":
        _check_channels(out, path, value, f, bad)
        return
    if kind == "map":
        if not isinstance(value, YMap):
            bad("应为一组“键: 值”（缩进写在下一行）")
            return
        _walk_map(out, path, value, f.fields, f.title, skip_missing=f.name in _OWNED_ELSEWHERE)
        return
    if kind == "maps":
        if not isinstance(value, YList):
            bad("应为列表，每项以 '- ' 开头")
            return
        if len(value) < f.min_items:
            out.append((Code.MISSING_FIELD, path, pos, f"{_label(f)} 至少需要 {f.min_items} 项"))
        for i, item in enumerate(value):
            if isinstance(item, YMap):
                if f.name != "children":  # child categories are records of their own
                    _walk_map(out, path, item, f.fields, f.title)
            elif not isinstance(item, Refused):
                out.append((Code.INVALID_VALUE, path, value.at(i),
                            f"{_label(f)} 的第 {i + 1} 项应为一组“键: 值”，这里是 '{item}'"))


def _check_channels(out: list[SchemaFinding], path: str, value: Any, f: F.Field,
                    bad: Callable[[str], None]) -> None:
    """申请渠道: each item a sentence (as before) or a typed channel; an online one must say where it is."""
    for i, ipos, item in _items(value, bad):
        if isinstance(item, str) and item.strip():
            if (ch := invisible(item)) is not None:
                out.append(_invisible_item(path, ipos, f, i, ch))
            continue
        if not isinstance(item, YMap):
            out.append((Code.INVALID_VALUE, path, ipos,
                        f"{_label(f)} 的第 {i + 1} 项应为一段文字，或 {{type: 在线平台, url: https://…}}，"
                        f"这里是 '{item}'"))
            continue
        _walk_map(out, path, item, f.fields, f"申请渠道第 {i + 1} 项")
        url = item.get("url")
        if item.get("type") == "在线平台" and (not isinstance(url, str) or not url.strip()):
            out.append((Code.MISSING_FIELD, path, item.at("type"),
                        f"申请渠道第 {i + 1} 项是在线平台，但没有写 url：请写明在线申请的网址（https://…），"
                        "公开指南和申请页面会链接它；还没有在线平台时请删除这一项"))
        elif isinstance(url, str) and url.strip() and not re.match(r"^https?://[^\s<>\"']+$", url.strip()):
            out.append((Code.INVALID_VALUE, path, item.at("url"),
                        f"申请渠道第 {i + 1} 项的 url '{url}' 不是网址：请写 http:// 或 https:// 开头的完整地址"))


def _items(value: Any, bad: Callable[[str], None]) -> list[tuple[int, Pos, Any]]:
    """A list value's items with their positions (an alias or a tag is already a yaml-syntax problem and is
    skipped); no items, and a problem, when the value is not a list."""
    if not isinstance(value, YList):
        bad(f"应为列表，例如 [{value}]" if isinstance(value, str) else "应为列表")
        return []
    return [(i, value.at(i), item) for i, item in enumerate(value) if not isinstance(item, Refused)]


def _invisible_item(path: str, pos: Pos, f: F.Field, i: int, ch: str) -> SchemaFinding:
    return (Code.INVALID_VALUE, path, pos,
            f"{_label(f)} 的第 {i + 1} 项里有看不见的排版字符 {ch}：请删除它（常见于复制粘贴）")
