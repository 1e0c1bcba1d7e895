"""Regular expressions that editors write (site_config.yml `policy.*_pattern`), compiled with RE2.

Python's `re` backtracks: `^(a+)+$` against thirty a's and a b takes longer than the universe,
and every command checks every 索引号 against the pattern. RE2 (google-re2) matches in time linear
in the text, whatever the pattern. The price is a smaller language: no look-around, no
back-references, no possessive or atomic groups, repetition counts up to 1000. A pattern RE2
cannot compile is refused with a Chinese reason (`refusal`), which the invalid-value rule reports
at the pattern's line; every other caller gets None from `compile_user_pattern` and skips.

`\\d`, `\\w` and `\\s` are ASCII-only in RE2, as they were under `re.ASCII`: full-width digits
(２０２５) never pass as digits.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

MAX_LENGTH = 1000   # a 索引号 format is a line; a pattern of pages is a mistake or an attack
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# RE2's English reason (its start) → what to change, in the editor's words.
_REASONS = (
    (("invalid perl operator: (?=", "invalid perl operator: (?!", "invalid perl operator: (?<"),
     "不支持前后查找 (?=…)、(?!…)、(?<=…)、(?<!…)：请改写成不用它们的写法"),
    (("invalid perl operator: (?P=", "invalid perl operator: (?P>"),
     "不支持反向引用 (?P=名称)：请把要重复的部分直接再写一遍"),
    (("invalid perl operator: (?>",), "不支持原子分组 (?>…)：去掉 ?> 写成普通分组 (…) 即可"),
    (("invalid escape sequence: \\1", "invalid escape sequence: \\2", "invalid escape sequence: \\3",
      "invalid escape sequence: \\4", "invalid escape sequence: \\5", "invalid escape sequence: \\6",
      "invalid escape sequence: \\7", "invalid escape sequence: \\8", "invalid escape sequence: \\9"),
     "不支持反向引用 \\1、\\2……：请把要重复的部分直接再写一遍"),
    (("invalid escape sequence: \\Z",), "不支持 \\Z：行尾请写 $"),
    (("bad repetition operator: ++", "bad repetition operator: *+", "bad repetition operator: ?+"),
     "不支持占有量词 ++、*+、?+：去掉后一个 +"),
    (("invalid repetition size",), "重复次数 {n} 最多 1000（嵌套的重复按乘积计算）"),
    (("pattern too large",), "表达式展开后太大：请减少重复次数或嵌套"),
    (("missing )", "unexpected )"), "括号 ( ) 不配对"),
    (("missing ]",), "方括号 [ ] 不配对"),
    (("bad repetition operator", "missing argument to repetition operator"),
     "重复符号 * + ? {n} 前面缺少要重复的内容，或连用了两个"),
)


def _options() -> Any:
    import re2

    options = re2.Options()
    options.log_errors = False   # RE2 would print its own English message to stderr
    return options


def _fill(source: str, values: Mapping[str, str] | None) -> str:
    """`{credit_code}` and other placeholders replaced by their values, escaped (a sample when unknown)."""
    return _PLACEHOLDER.sub(lambda m: re.escape(values[m[1]]) if values and m[1] in values else "X", source)


def refusal(source: str) -> str | None:
    """Why RE2 cannot use this pattern (Chinese, says what to change), or None when it can."""
    import re2

    if len(source) > MAX_LENGTH:
        return f"太长（{len(source)} 个字符，最多 {MAX_LENGTH}）"
    try:
        re2.compile(_fill(source, None), options=_options())
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) \
            else str(exc)
        for starts, advice in _REASONS:
            if reason.startswith(starts):
                return advice
        return f"无法编译（{reason}）：请改写"
    return None


def compile_user_pattern(source: str, values: Mapping[str, str] | None = None) -> Any | None:
    """The pattern compiled with RE2 (placeholders filled in), or None when `refusal` says why not.

    The result has `match`, `fullmatch` and `search` like a `re.Pattern`, in linear time.
    """
    import re2

    if refusal(source) is not None:
        return None
    return re2.compile(_fill(source, values), options=_options())
