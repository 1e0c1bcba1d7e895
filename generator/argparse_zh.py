"""argparse in Chinese: its usage line, help headings and usage errors, for people who read no English.

argparse looks every message up through `gettext` at the moment it is shown; `install()` replaces
its lookup with the table below (the messages of Python 3.11–3.13's argparse). A message not in the
table is shown as argparse wrote it, so a newer Python degrades to English, never to an error.
"""

from __future__ import annotations

import argparse
import re

_MESSAGES = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选择 %(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的值 %(value)r",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "后面需要一个值",
    "expected at most one argument": "后面最多一个值",
    "expected at least one argument": "后面至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "忽略了多余的值 %r",
    "one of the arguments %s is required": "参数 %s 中必须指定一个",
    "unexpected option string: %s": "意外的选项：%s",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "can't open '%(filename)s': %(error)s": "无法打开 '%(filename)s'：%(error)s",
}
_PLURAL = {"expected %s argument": "后面需要 %s 个值", "expected %s arguments": "后面需要 %s 个值"}


def _gettext(message: str) -> str:
    return _MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _PLURAL.get(singular if n == 1 else plural, singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Chinese in this process (the CLI's only)."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


_TYPE_ERROR = re.compile(r"^参数 (\S+)：无效的值 ('.*')$")


def polish(message: str) -> str:
    """argparse's '无效的值' for a typed argument (`--port abc`) says which type it wanted: say it once."""
    m = _TYPE_ERROR.match(message)
    return f"参数 {m[1]} 的值 {m[2]} 格式不对" if m else message
