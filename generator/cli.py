"""The command line: parse arguments, call one library function, map the result to an exit code.

Exit codes: 0 clean, 1 problems (errors; warnings too under --strict), 2 unusable input or usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from generator import argparse_zh
from generator.codes import Code
from generator.problems import Level, Problem, UsageError

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are Chinese and exit 2 without a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"用法错误：{argparse_zh.polish(message)}\n请运行 {self.prog} -h 查看用法\n")
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
        # GitHub workflow commands: '%', CR and LF are escaped everywhere, ',' and ':' in properties too.
        def data(s: str) -> str:
            return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def prop(s: str) -> str:
            return data(s).replace(":", "%3A").replace(",", "%2C")

        return "\n".join(
            f"::{p.level.value} file={prop(p.path)},line={p.line},col={p.column},title={prop(p.code)}"
            f"::{data(p.message)}"
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
    from generator.cache import cache_dir
    from generator.check import check_project

    cache = None if args.no_cache else cache_dir(args.project / "site")
    result = check_project(args.project, today_of(args), cache=cache)
    out = format_problems(result.problems, args.format)
    if out:
        print(out)
    return EXIT_PROBLEMS if result.failed(args.strict) else EXIT_OK


def _report_build(result: object) -> None:
    """Print a build's problems like `check` does, then MkDocs' warnings (content-page links …)."""
    from generator.build import BuildResult

    if isinstance(result, Exception):
        print(f"生成失败：{type(result).__name__}: {result}", file=sys.stderr)
        return
    assert isinstance(result, BuildResult)
    if result.problems:
        print(format_problems(result.problems, "text"))
    for message in result.warnings:
        print(f"站点警告：{message}")


# What a command made and leaves to the exit (`run`) to free at once.
_LEFT_FOR_EXIT: list[object] = []


def cmd_build(args: argparse.Namespace) -> int:
    from generator.build import build_site

    result = build_site(args.project, args.out, today_of(args), strict=args.strict, jobs=args.jobs, cache=args.cache,
                        keep=_LEFT_FOR_EXIT)
    _report_build(result)
    if not result.published:
        what = "错误" if any(p.level is Level.ERROR for p in result.problems) else "警告（--strict）"
        print(f"未发布：发现{what}，原有站点保持不变。请修改上面列出的问题后重新运行。", file=sys.stderr)
        return EXIT_PROBLEMS
    reused = f"，{result.reused} 项沿用上次生成的结果" if result.reused else ""
    print(f"已生成站点 {result.out}（{result.pages} 个页面{reused}，用时 {result.seconds:.1f} 秒）")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve_site

    # A port in use is said before the first build, not a minute later (the server binds after it).
    with socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET) as probe:
        probe.bind((args.host, args.port))

    print(f"预览地址：http://{args.host}:{args.port}/ "
          "（修改 content/、catalog/ 或 site_config.yml 后自动刷新；Ctrl+C 退出）")
    try:
        serve_site(args.project, today_of(args), args.host, args.port, _report_build)
    except KeyboardInterrupt:  # Ctrl+C is how a preview ends: not a failure
        print("预览已停止", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from generator.format.jsonschema import write_schemas

    out = args.out if args.out.is_absolute() else args.project / args.out
    for path in write_schemas(out):
        print(f"已写入 {path}")
    return EXIT_OK


def _emit(content: str | bytes, out: Path | None, default_name: str) -> None:
    """Print text, or write it (and binary output always) to a file; CSV files get a BOM for Excel/WPS."""
    if out is None and isinstance(content, str):
        sys.stdout.write(content)
        return
    path = out or Path(default_name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8-sig" if path.suffix == ".csv" else "utf-8")
    except OSError as exc:
        exc.filename = exc.filename or str(path)  # a full disk says so on close, without the name
        raise
    print(f"已写入 {path}", file=sys.stderr)


def cmd_audit(args: argparse.Namespace) -> int:
    from generator.audit.audit import run_audit
    from generator.audit.render import render
    from generator.check import check_project

    day = today_of(args)
    result = check_project(args.project, day)
    errors = result.count(Level.ERROR)
    if errors:
        print(f"注意：目录有 {errors} 个错误（运行 make check 查看），审计数字可能不完整", file=sys.stderr)
    if args.batch:
        from generator.audit.campaign import find_campaign, run_campaign_audit

        campaign = find_campaign(result.catalog, args.batch)
        audit = run_campaign_audit(result.catalog, campaign, day)
        _emit(render(audit, args.format), args.out, f"audit-{campaign.id}-{day}.{args.format}")
        return EXIT_OK
    _emit(render(run_audit(result.catalog, day), args.format), args.out, f"audit-{day}.{args.format}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from generator.audit.annual import annual_report
    from generator.audit.render import render_annual
    from generator.check import check_project

    today = today_of(args)
    result = check_project(args.project, today)
    report = annual_report(result.catalog, args.year)
    if args.year >= today.year:
        # The figures are those of the catalogue as it stands: for a year not yet over they are not the year's.
        print(f"警告：{args.year} 年尚未结束（今天是 {today}）：表中数字是截至今天的目录数字，不是全年数字，"
              "年度报告请在次年1月后生成", file=sys.stderr)
    source = result.catalog.annual.get(args.year)
    bad = [p for p in result.problems if p.level is Level.ERROR and source is not None and p.path == source.path]
    for p in bad:
        print(p.as_text(), file=sys.stderr)
    warnings = list(report.warnings)
    if args.format in ("docx", "xlsx"):
        from generator.audit.annual_office import render_office

        content: str | bytes
        content, missing = render_office(result.catalog, report, args.format)
        warnings += missing
    else:
        content = render_annual(report, args.format)
    for warning in warnings:
        print(f"警告：{warning}", file=sys.stderr)
    _emit(content, args.out, f"annual-{args.year}.{args.format}")
    return EXIT_PROBLEMS if bad else EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from generator.editing.scaffold import ScaffoldRefused, new_document, new_law, new_power

    try:
        if args.what == "document":
            made = new_document(args.project, args.kind, args.category, today_of(args))
        elif args.what == "power":
            if not args.type:
                raise UsageError("请用 --type 指定权力类型，例如 --type 行政处罚（可选：行政许可、行政处罚、"
                                 "行政强制、行政征收、行政给付、行政检查、行政确认、行政奖励、行政裁决、其他行政权力）")
            made = new_power(args.project, args.type, today_of(args))
        else:
            made = new_law(args.project, args.id, today_of(args))
    except ScaffoldRefused as refused:
        print(format_problems(refused.problems, "text"))
        print("目录中有无法读取的文件：请先修复上面的问题，再新建记录", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"已新建 {made.path}:{made.line}" + (f"（{made.key}）" if made.key else ""))
    if made.to_fill:
        print(f"请填写：{'、'.join(made.to_fill)}（值为 \"\" 的字段），然后运行 python -m generator check")
    return EXIT_OK


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from generator.editing.atomic import write_atomic
    from generator.editing.xlsx.export import export_workbook
    from generator.load import load_project

    catalog, problems = load_project(args.project)
    broken = [p for p in problems if p.code == Code.YAML_SYNTAX]
    if broken:
        print(format_problems(broken, "text"))
        print("目录中有无法读取的文件：导出的表格会缺记录，请先修复", file=sys.stderr)
        return EXIT_PROBLEMS
    write_atomic(args.out, export_workbook(catalog, today_of(args)))
    print(f"已写入 {args.out}（规范性文件、权力清单、执法依据；导入：python -m generator import-xlsx {args.out}）")
    return EXIT_OK


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    from generator.editing.xlsx.importer import apply_plan, plan_import

    plan = plan_import(args.project, args.file)
    if plan.problems:
        print(format_problems(plan.problems, "text"))
    if plan.failed:
        print("有错误，没有写入任何文件：请按上面的提示修改表格后重新导入", file=sys.stderr)
        return EXIT_PROBLEMS
    for change in plan.changes:
        print(f"{change.path}  {change.key}  {change.what}")
    if not plan.writes:
        print("表格与目录一致，没有需要修改的文件")
        return EXIT_OK
    if args.dry_run:
        print(f"预览：将修改 {len(plan.writes)} 个文件（去掉 --dry-run 才会写入）")
        return EXIT_OK
    apply_plan(args.project, plan)
    print(f"已更新 {len(plan.writes)} 个文件；请运行 python -m generator check 检查")
    return EXIT_OK


def cmd_import_list(args: argparse.Namespace) -> int:
    from generator.editing.importlist.plan import LISTS, apply_list_plan, plan_list_import

    plan = plan_list_import(args.project, args.file, args.what, args.sheet, args.map, today_of(args))
    if plan.problems:
        print(format_problems(plan.problems, "text"))
    if plan.failed:
        print("有错误，没有写入任何文件：请按上面的提示修改表格（或 --map 文件）后重新导入", file=sys.stderr)
        return EXIT_PROBLEMS
    for note in plan.notes:
        print(f"说明：{note.as_text()}")
    for existing in plan.existing:
        if existing.differences:
            print(f"已存在 {existing.key}（{existing.path}），未修改；表格与目录不同："
                  f"{'；'.join(existing.differences)}（要改目录请用 import-xlsx 或直接编辑该文件）")
    same = sum(1 for e in plan.existing if not e.differences)
    for path, key, name in plan.created:
        print(f"新增 {path}  {key}  {name}")
    if args.dry_run:
        for rel, text in sorted(plan.writes.items()):
            before = plan.before.get(rel, "")
            added = text[len(before):].lstrip("\n") if before and text.startswith(before) else text
            print(f"\n--- {'追加到' if before else '新建'} {rel} ---\n{added.rstrip()}")
    what = LISTS[args.what]
    summary = f"{what}：新增 {len(plan.created)} 项，已在目录中 {len(plan.existing)} 项（其中与目录一致 {same} 项）"
    if not plan.writes:
        print(f"{summary}；没有需要写入的文件")
        return EXIT_OK
    if args.dry_run:
        print(f"{summary}。预览：将写入 {len(plan.writes)} 个文件（去掉 --dry-run 才会写入）")
        return EXIT_OK
    apply_list_plan(args.project, plan)
    print(f"{summary}。已写入 {len(plan.writes)} 个文件；请运行 python -m generator check 检查")
    return EXIT_OK


def environment_message(exc: OSError, args: argparse.Namespace) -> str:
    """What went wrong on the machine, in Chinese, with the path or port and what to do."""
    where = f" {exc.filename}" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"磁盘空间不足，无法写入{where}：请清理磁盘空间后重新运行（原有站点和文件没有被改动）"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        what = "只读的" if exc.errno == errno.EROFS else "没有权限写入的"
        return (f"{where.strip() or '目标位置'} 是{what}位置（{exc.strerror}）：请检查这个目录的权限，"
                "或用 --out 指定一个可写的目录（原有站点和文件没有被改动）")
    if exc.errno == errno.EADDRINUSE:
        port = int(getattr(args, "port", 8000))
        return f"端口 {port} 已被其他程序占用：请用 --port 换一个端口（例如 --port {port + 1}），或先关闭那个程序"
    if exc.errno == errno.ENOENT:
        return f"找不到{where}：请确认这个目录存在，或用 --out 指定另一个目录"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"无法在地址 {getattr(args, 'host', '')} 上监听：请用 --host 127.0.0.1"
    return f"系统错误：{exc.strerror or exc}{where}：请检查磁盘、权限和网络后重新运行"


def _common(p: argparse.ArgumentParser, today: bool = True) -> None:
    p.add_argument("--project", type=Path, default=Path("."), help="项目目录（默认当前目录）")
    if today:
        p.add_argument("--today", type=iso_date, default=None, help="按此日期检查（YYYY-MM-DD，默认今天）")


def build_parser() -> argparse.ArgumentParser:
    argparse_zh.install()
    parser = _Parser(prog="python -m generator", description="政府信息公开站点生成器")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="命令", title="命令")

    p = sub.add_parser("check", help="检查目录数据，列出所有问题")
    _common(p)
    p.add_argument("--strict", action="store_true", help="警告也视为失败")
    p.add_argument("--format", choices=("text", "json", "github"), default="text",
                   help="输出格式：text 每行一条（默认），json 数组，github 为 GitHub Actions 注释")
    p.add_argument("--no-cache", action="store_true",
                   help="不使用也不写入解析缓存（.site-cache/parse/），每个文件都重新解析；结果完全相同")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("schema", help="生成目录文件的 JSON Schema（供编辑器自动补全）")
    _common(p, today=False)
    p.add_argument("--out", type=Path, default=Path("docs/schema"), help="输出目录（默认 docs/schema）")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("build", help="检查并生成公开网站（有错误时拒绝发布，原站点不变）")
    _common(p)
    p.add_argument("--strict", action="store_true", help="警告也视为失败")
    p.add_argument("--out", type=Path, default=Path("site"), help="输出目录（默认 site/，相对项目目录）")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="同时生成页面的进程数（默认按 CPU 核数，最多 4；内存紧张时用 1）；结果与进程数无关")
    p.add_argument("--no-cache", dest="cache", action="store_false",
                   help="不沿用上次生成的结果，全部重新生成（缓存在输出目录旁的隐藏目录 .<输出目录名>-cache/，"
                        "可随时删除；有无缓存生成的站点逐字节相同）")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="本地预览网站，修改后自动重新生成")
    _common(p)
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1）")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("audit", help="清理和状态审计：按状态、制发主体、清理结果计数，列出到期、逾期、依据已废止等清单")
    _common(p, today=False)
    p.add_argument("--as-of", "--today", dest="today", type=iso_date, default=None,
                   help="审计日期（YYYY-MM-DD，默认今天）：各文件在这一天的状态")
    p.add_argument("--format", choices=("table", "md", "csv", "xlsx", "json"), default="table")
    p.add_argument("--batch", default=None, metavar="ID|latest",
                   help="只审计一次清理活动（catalog/cleanups.yml 中的 id，latest 为通知日期最晚的一次）")
    p.add_argument("--out", type=Path, default=None, help="写入文件（xlsx 默认 audit-日期.xlsx）")
    p.set_defaults(func=cmd_audit)

    p = sub.add_parser("report", help="年度报告数据")
    reports = p.add_subparsers(dest="report", required=True, parser_class=_Parser, metavar="报告")
    p = reports.add_parser("annual", help="政府信息公开工作年度报告：表二（第二十条第（一）项由目录计算）、表三、表四")
    _common(p)
    p.add_argument("--year", type=int, required=True, help="报告年度，例如 2025")
    p.add_argument("--format", choices=("md", "json", "docx", "xlsx"), default="md",
                   help="md/json 数据和计数依据；docx 完整报告（Word）；xlsx 三张表（Excel）")
    p.add_argument("--out", type=Path, default=None,
                   help="写入文件（md/json 默认打印；docx/xlsx 默认 annual-年度.格式）")
    p.set_defaults(func=cmd_report)
    _add_editing_commands(sub)
    return parser

def _add_editing_commands(sub: argparse._SubParsersAction[_Parser]) -> None:
    """new / export-xlsx / import-xlsx: the only commands that write inside catalog/."""
    from generator.format.fields import DOC_KINDS, POWER_TYPES

    p = sub.add_parser("new", help="新建一条记录（文件、权力事项或执法依据），自动取下一个编号")
    _common(p)
    p.add_argument("what", choices=("document", "power", "law"), help="document 公开文件；power 权力事项；law 执法依据")
    p.add_argument("--kind", choices=DOC_KINDS, default="规范性文件", help="文件类别（document，默认 规范性文件）")
    p.add_argument("--category", default=None, help="分类代码（document，默认按文件类别选 规范性文件/其他文件）")
    p.add_argument("--type", choices=POWER_TYPES, default=None, help="权力类型（power，必填）")
    p.add_argument("--id", default=None, help="依据 id（law），例如 zlf；不填则留空待填写")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("export-xlsx", help="导出 规范性文件目录、权力清单、执法依据 为 Excel 表格")
    _common(p)
    p.add_argument("--out", type=Path, default=Path("清单.xlsx"), help="输出文件（默认 清单.xlsx）")
    p.set_defaults(func=cmd_export_xlsx)

    p = sub.add_parser("import-xlsx", help="把 Excel 表格中的修改写回目录（只改有变化的值，不丢任何内容）")
    _common(p, today=False)
    p.add_argument("file", type=Path, help="xlsx 文件，例如 清单.xlsx")
    p.add_argument("--dry-run", action="store_true", help="只列出将要做的修改，不写入")
    p.set_defaults(func=cmd_import_xlsx)

    p = sub.add_parser("import-list", help="从已发布的权责清单或规范性文件目录表格开始（新增记录，从不覆盖已有记录）")
    _common(p)
    p.add_argument("what", choices=("powers", "documents"), help="powers 权责清单；documents 规范性文件目录")
    p.add_argument("file", type=Path, help="表格文件：.xlsx、.xls、.et 或 .ods")
    p.add_argument("--sheet", default=None, help="只读这个工作表（默认读所有找得到表头的工作表）")
    p.add_argument("--map", type=Path, default=None, help="列对照文件（YAML，每行“表头: 字段”），用于不认识的列名")
    p.add_argument("--dry-run", action="store_true", help="只显示将要写入的内容，不写入")
    p.set_defaults(func=cmd_import_list)


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
    except OSError as exc:  # the machine, not the data: no space, no permission, a port in use
        print(f"错误：{environment_message(exc, args)}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug of ours: still no traceback for the editor, but a way to report it
        print(f"内部错误（这是程序的缺陷，不是您的数据问题，请把这段信息报告给维护者）：{type(exc).__name__}: {exc}",
              file=sys.stderr)
        return EXIT_USAGE


def run() -> NoReturn:
    """The command line's entry (`python -m generator`, `gov-disclosure`): `main`, then an exit that
    skips tearing down the heap object by object. A build of 10,000 documents leaves some hundred MB
    of records and trees that the interpreter would free one by one on its way out (half a second
    of a rebuild); every file is closed and every child waited for by then, so nothing is lost."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader stopped reading (`| head`): what it wanted it has
        pass
    os._exit(code)
