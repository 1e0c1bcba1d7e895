"""The columns a published list may have, each known by the header names provinces give it.

A header is compared without spaces, line breaks, a leading * or 序号-like numbering and a trailing
（…） note, so "事项名称（全称）" is 事项名称. Any other header can be named in a small YAML file passed
with --map, one line per column: `职权名称全称: name`, `办理处室: 承办机构`, `咨询电话: 忽略` (the value
is a field key, one of its header names, or 忽略). docs/cli.md lists this table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.format import fields as F
from generator.problems import UsageError

IGNORE = "忽略"
MAP_MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class ListColumn:
    """One column of a published list: the record value it gives and the headers it goes by."""

    key: str
    title: str
    synonyms: tuple[str, ...]
    many: bool = False   # several columns may give it; their texts are joined (追责情形 + 追责依据)


def _p(name: str, *synonyms: str, many: bool = False) -> ListColumn:
    f = F.POWER.get(name)
    assert f is not None
    return ListColumn(name, f.title, (f.title, *synonyms), many)


def _d(name: str, *synonyms: str, title: str = "") -> ListColumn:
    f = F.DOCUMENT.get(name.split(".")[0])
    assert f is not None
    return ListColumn(name, title or f.title, (title or f.title, *synonyms))


SEQ = ListColumn("seq", "序号", ("序号", "编号", "序列号", "项目序号"))

POWER_COLUMNS: tuple[ListColumn, ...] = (
    SEQ,
    _p("code", "事项编码", "权力编码", "职权编码", "权责事项编码", "事项代码", "基本编码", "编码", "权力事项编码"),
    _p("name", "事项名称", "职权名称", "权力名称", "权力事项名称", "权责事项名称", "权责事项", "主项名称",
       "项目名称", "事项", "职权事项", "权力事项"),
    ListColumn("subitem", "子项名称", ("子项名称", "子项", "子项事项名称")),
    _p("type", "事项类型", "职权类型", "权力类型", "权责类型", "类型", "类别", "权力类别", "职权类别", "事项类别"),
    _p("subtype", "子类型", "权力子类型"),
    _p("basis", "设定依据", "实施依据", "法律依据", "依据", "设定和实施依据", "设定依据及实施依据", "职权依据",
       "法定依据", "设定依据和实施依据", "执法依据"),
    _p("subject", "实施主体", "行使主体", "实施机关", "责任主体", "实施部门", "执法主体", "行使部门"),
    _p("department", "承办机构", "责任科室", "内设机构", "承办科室", "承办处室", "责任处室", "承办部门",
       "责任部门", "具体承办机构"),
    _p("level", "行使层级", "层级", "实施层级"),
    _p("responsibilities", "责任事项", "责任事项内容"),
    _p("accountability", "追责情形", "追责依据", "追责情形及依据", "追责情形和依据", "责任追究", "问责依据",
       "追责对象范围", "问责情形", many=True),
    _p("status", "状态", "事项状态"),
)

DOCUMENT_COLUMNS: tuple[ListColumn, ...] = (
    SEQ,
    _d("title", "文件名称", "名称", "文件标题", "规范性文件名称", "标题"),
    _d("doc_no", "文号", "发文字号", "发文文号", "文件编号"),
    _d("unified_no", "统一编号", "登记编号", "统一登记号", "登记号"),
    _d("issuer", "制定机关", "发布机构", "发文机关", "制发机关", "发布机关", "制定单位", "发文单位"),
    _d("written", "印发日期", "成文日期", "制发日期", "签发日期"),
    _d("published", "发布日期", "公布日期", "发布时间", "公开日期"),
    _d("effective", "施行日期", "生效日期", "实施日期", "施行时间"),
    _d("expires", "有效期至", "有效期", "失效日期", "有效期限", "截止日期"),
    _d("status", "有效性", "状态", "效力状态", "有效性状态", "现行状态", "时效性", "效力"),
    _d("summary", "内容概述", "摘要", "主要内容", "内容摘要"),
    _d("index_no", "索引号"),
    _d("kind", "文件类别", "类别", "文件类型"),
    _d("genre", "体裁", "文种"),
    _d("repealed.date", "废止日期", "废止时间", title="废止日期"),
    _d("repealed.by", "废止依据", "废止文件", "废止文号", title="废止依据"),
)

# Known headers this format does not carry: read past without a warning.
IGNORED_HEADERS = frozenset({"备注", "说明", "附注", "咨询电话", "监督电话", "联系电话", "办理时限", "法定时限",
                             "承诺时限", "收费依据", "收费标准", "是否收费", "流程图", "运行流程图", "办事指南"})


def norm_header(text: object) -> str:
    """A header as compared: no spaces or line breaks, no leading * or numbering, no trailing （…）."""
    s = re.sub(r"\s+", "", str(text or ""))
    s = s.replace("(", "（").replace(")", "）")
    s = re.sub(r"（[^（）]*）$", "", s) or s
    return s.strip("*＊:：").lower()


def synonym_table(columns: tuple[ListColumn, ...]) -> dict[str, ListColumn]:
    table: dict[str, ListColumn] = {}
    for column in columns:
        for name in (column.key, *column.synonyms):
            table.setdefault(norm_header(name), column)
    return table


def load_map(path: Path, columns: tuple[ListColumn, ...]) -> dict[str, ListColumn | None]:
    """A --map file → normalised header → column (None: ignore it). Unusable input is a UsageError."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"无法读取列对照文件 {path}（{exc.strerror}）：请确认文件存在") from None
    if len(raw) > MAP_MAX_BYTES:
        raise UsageError(f"列对照文件 {path.name} 超过 64 KB：它只需要每列一行")
    try:
        data = yaml.safe_load(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        where = getattr(exc, "problem_mark", None)
        line = f"第 {where.line + 1} 行" if where is not None else ""
        raise UsageError(f"列对照文件 {path.name}{line}无法读取：请写成每行“表头: 字段”，例如 职权名称全称: name，"
                         "文件用 UTF-8 保存") from None
    if not isinstance(data, dict):
        raise UsageError(f"列对照文件 {path.name} 应是“表头: 字段”的列表，例如 职权名称全称: name")
    table = synonym_table(columns)
    out: dict[str, ListColumn | None] = {}
    for header, target in data.items():
        name = norm_header(str(target))
        if name in (IGNORE, "ignore"):
            out[norm_header(header)] = None
            continue
        column = table.get(name)
        if column is None:
            keys = "、".join(c.key for c in columns)
            raise UsageError(f"列对照文件 {path.name}：'{header}: {target}' 中的 '{target}' 不是可导入的字段："
                             f"请写 {keys} 之一（或它们的中文列名），不导入的列写 {IGNORE}")
        out[norm_header(header)] = column
    return out
