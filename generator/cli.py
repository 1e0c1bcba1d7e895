"""The command line: parse arguments, call one library function, map the result to an exit code.

Exit codes: 0 clean, 1 problems (errors; warnings too under --strict), 2 unusable input or usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .problems import Level, Problem, UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are Chinese and exit 2 without a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"用法错误：{message}\n")
        raise SystemExit(EXIT_USAGE)


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' 不是 YYYY-MM-DD 格式的日期") from None


def today_of(args: argparse.Namespace) -> dt.date:
    """The date every time-dependent rule uses: --today, or the clock (read here and only here)."""
    return args.today or dt.date.today()


def format_problems(problems: Sequence[Problem], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)
    if fmt == "github":
        kind = {Level.ERROR: "error", Level.WARNING: "warning", Level.NOTICE: "notice"}
        return "\n".join(
            f"::{kind[p.level]} file={p.path},line={p.line},col={p.column},title={p.code}::{p.message}"
            for p in problems
        )
    lines = [p.as_text() for p in problems]
    counts = {lvl: sum(1 for p in problems if p.level is lvl) for lvl in Level}
    lines.append(
        f"共 {counts[Level.ERROR]} 个错误，{counts[Level.WARNING]} 个警告，{counts[Level.NOTICE]} 个提示"
        if problems else "检查通过：没有发现问题"
    )
    return "\n".join(lines)


def cmd_check(args: argparse.Namespace) -> int:
    from .check import check_project

    result = check_project(args.project, today_of(args))
    out = format_problems(result.problems, args.format)
    if out:
        print(out)
    return EXIT_PROBLEMS if result.failed(args.strict) else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import write_schemas

    out = args.out if args.out.is_absolute() else args.project / args.out
    for path in write_schemas(out):
        print(f"已写入 {path}")
    return EXIT_OK


def _common(p: argparse.ArgumentParser, today: bool = True) -> None:
    p.add_argument("--project", type=Path, default=Path("."), help="项目目录（默认当前目录）")
    if today:
        p.add_argument("--today", type=iso_date, default=None, help="按此日期检查（YYYY-MM-DD，默认今天）")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m generator", description="政府信息公开站点生成器")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("check", help="检查目录数据，列出所有问题")
    _common(p)
    p.add_argument("--strict", action="store_true", help="警告也视为失败")
    p.add_argument("--format", choices=("text", "json", "github"), default="text")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("schema", help="生成目录文件的 JSON Schema（供编辑器自动补全）")
    _common(p, today=False)
    p.add_argument("--out", type=Path, default=Path("docs/schema"), help="输出目录（默认 docs/schema）")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UsageError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug of ours: still no traceback for the editor, but a way to report it
        print(f"内部错误（这是程序的缺陷，不是您的数据问题，请把这段信息报告给维护者）：{type(exc).__name__}: {exc}",
              file=sys.stderr)
        return EXIT_USAGE
