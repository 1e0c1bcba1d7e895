"""`make bench`: how fast check, build and search are at 1,000 and 10,000 documents (50,000 with --large).

For each size a synthetic project is generated (tests.tools.synthetic, fixed seed and date), then
timed in separate processes exactly as an editor runs it: `python -m generator check`, then
`python -m generator build`. The same documents are written as plain Markdown pages and built
with plain `mkdocs build` (Material, nav without the documents), once with Material's Chinese
search and once without, in the same run, so the ratios compare like with like on whatever
machine this is. Search is measured in Debian's Chromium (tests/bench/browser.py).

    .venv/bin/python tests/bench/run.py [--large] [--sizes 1000,10000] [--no-baseline] [--no-browser]
                                        [--json FILE] [--keep DIR]

Prints the machine, then one table per size; --json also writes every figure as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench import baseline, browser, incremental, serve_edit  # noqa: E402
from tests.bench.measure import Run, run, tree_size  # noqa: E402
from tests.tools.synthetic import TODAY, generate  # noqa: E402

PY = sys.executable
GOAL_BUILD_S = 20.0  # a clean build at 10,000 documents
GOAL_BUILD_RATIO = 0.5  # of plain Material with its Chinese search, same run
GOAL_CHECK_S = 3.0
GOAL_CHECK_WARM_S = 1.0
GOAL_EDIT_S = {10_000: 3.0, 50_000: 10.0}  # a rebuild after editing one document
GOAL_EDIT_RATIO = 0.1  # of the clean build of the same input, same run
GOAL_MEMORY = 1536 << 20  # peak PSS of the build's process tree at 50,000 documents
GOAL_SIZE = 10_000


@dataclass
class SiteFigures:
    seconds: float
    peak_rss: int
    site_bytes: int
    site_files: int
    peak_pss: int = 0
    search: browser.SearchFigures | None = None
    error: str | None = None
    search_error: str | None = None


@dataclass
class SizeFigures:
    docs: int
    counts: dict[str, int]
    generate_s: float
    check: SiteFigures
    ours: SiteFigures
    material_search: SiteFigures | None
    material_plain: SiteFigures | None
    serve: serve_edit.EditFigures | None = None
    serve_error: str | None = None
    incremental: incremental.IncrementalFigures | None = None


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    versions = []
    for pkg in ("mkdocs", "mkdocs-material", "Markdown", "Jinja2", "PyYAML", "jieba", "playwright"):
        try:
            versions.append(f"{pkg} {metadata.version(pkg)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{pkg} (未安装)")
    try:
        chromium = subprocess.run([browser.CHROMIUM, "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip()
    except OSError:
        chromium = "（未安装）"
    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "packages": ", ".join(versions),
        "chromium": chromium,
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _site(r: Run, out: Path) -> SiteFigures:
    if not r.ok():
        return SiteFigures(r.seconds, r.peak_rss, 0, 0, r.peak_pss, error=r.describe_failure())
    size, files = tree_size(out)
    return SiteFigures(r.seconds, r.peak_rss, size, files, r.peak_pss)


def _search(fig: SiteFigures, out: Path, enabled: bool) -> None:
    if not enabled or fig.error:
        return
    try:
        fig.search = browser.probe(out)
    except Exception as exc:  # a broken search UI is a figure to report, not a reason to lose the others
        fig.search_error = f"搜索测量失败：{type(exc).__name__}: {str(exc).splitlines()[0]}"


def bench_size(n: int, work: Path, args: argparse.Namespace) -> SizeFigures:
    today = TODAY.isoformat()
    project = work / f"project-{n}"
    log(f"[{n}] 生成合成项目 …")
    t = time.perf_counter()
    counts = generate(project, n, seed=args.seed)
    generate_s = time.perf_counter() - t

    log(f"[{n}] check …")
    r = run([PY, "-m", "generator", "check", "--project", str(project), "--today", today])
    check = SiteFigures(r.seconds, r.peak_rss, 0, 0, error=None if r.ok() else r.describe_failure())

    log(f"[{n}] build …")
    out = work / f"site-{n}"
    r = run([PY, "-m", "generator", "build", "--project", str(project), "--out", str(out), "--today", today])
    ours = _site(r, out)
    log(f"[{n}] build {ours.seconds:.1f} s；浏览器搜索 …")
    _search(ours, out, args.browser)

    material_search = material_plain = None
    if args.baseline:
        figs: list[SiteFigures] = []
        for with_search in (True, False):
            base = work / f"material-{n}-{'search' if with_search else 'plain'}"
            config = baseline.write_baseline(project, base, with_search)
            log(f"[{n}] mkdocs build（Material{'，中文搜索' if with_search else '，无搜索'}）…")
            r = run([PY, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(base / "site")], cwd=base)
            fig = _site(r, base / "site")
            if with_search:
                _search(fig, base / "site", args.browser)
            figs.append(fig)
            shutil.rmtree(base, ignore_errors=True)
        material_search, material_plain = figs
    figures = SizeFigures(n, counts, generate_s, check, ours, material_search, material_plain)
    if not ours.error:  # edits the project: after the baselines
        log(f"[{n}] check（缓存）；修改一件文件后 build，再与全新 build 逐字节比较 …")
        rounds = args.edit_rounds if args.edit_rounds else 3 if n <= 20_000 else 1
        figures.incremental = incremental.measure(project, out, today, rounds)
    if args.serve and not ours.error:  # last: it edits the project
        log(f"[{n}] serve：修改一件文件 …")
        try:
            figures.serve = serve_edit.measure(project, today)
        except Exception as exc:  # reported in the table, like a failed search measurement
            figures.serve_error = f"serve 测量失败：{type(exc).__name__}: {exc}"
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    return figures


# ---------------------------------------------------------------- report


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB" if n >= 10 * 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


def _kb(n: int) -> str:
    return f"{n / 1024:.0f} KB"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}×" if a is not None and b else "—"


def table(f: SizeFigures) -> str:
    ms, mp = f.material_search, f.material_plain
    o = f.ours

    def sec(x: SiteFigures | None) -> float | None:
        return x.seconds if x and not x.error else None

    def rss(x: SiteFigures | None) -> float | None:
        return x.peak_rss if x and not x.error else None

    def size(x: SiteFigures | None) -> float | None:
        return x.site_bytes if x and not x.error else None

    def s(x: float | None, unit: str = "s") -> str:
        return "—" if x is None else f"{x:.1f} {unit}" if x >= 10 else f"{x:.2f} {unit}"

    def m(x: float | None) -> str:
        return "—" if x is None else _mb(int(x))

    rows = [
        ("| | 本项目 | Material + 中文搜索 | 比值 | Material 无搜索 | 比值 |"),
        ("|---|---:|---:|---:|---:|---:|"),
        (f"| check | {s(None if f.check.error else f.check.seconds)} | | | | |"),
        (f"| check 峰值内存 | {m(None if f.check.error else f.check.peak_rss)} | | | | |"),
        (f"| build（含搜索索引） | {s(sec(o))} | {s(sec(ms))} | {_ratio(sec(o), sec(ms))} | {s(sec(mp))} "
         f"| {_ratio(sec(o), sec(mp))} |"),
        (f"| build 峰值内存 PSS | {m(o.peak_pss if not o.error else None)} | | | | |"),
        (f"| build 峰值内存 RSS 相加 | {m(rss(o))} | {m(rss(ms))} | {_ratio(rss(o), rss(ms))} | {m(rss(mp))} "
         f"| {_ratio(rss(o), rss(mp))} |"),
        (f"| 站点大小 | {m(size(o))} | {m(size(ms))} | {_ratio(size(o), size(ms))} | {m(size(mp))} "
         f"| {_ratio(size(o), size(mp))} |"),
        (f"| 站点文件数 | {o.site_files if not o.error else '—'} | {ms.site_files if ms and not ms.error else '—'} | "
         f"| {mp.site_files if mp and not mp.error else '—'} | |"),
    ]
    os_, ms_ = o.search, ms.search if ms else None
    if os_ or ms_:
        def pay(x: browser.SearchFigures | None) -> str:
            return "—" if x is None else f"{_kb(x.payload)}（gzip {_kb(x.payload_gzip)}）"

        def later(x: browser.SearchFigures | None) -> float | None:
            return statistics.median(x.later_query_s) if x and x.later_query_s else None

        rows += [
            (f"| 搜索传输量（{len(browser.QUERIES)} 次查询） | {pay(os_)} | {pay(ms_)} | "
             f"{_ratio(os_.payload if os_ else None, ms_.payload if ms_ else None)} | | |"),
            (f"| 首个结果用时（冷启动） | {s(os_.first_result_s if os_ else None)} | "
             f"{s(ms_.first_result_s if ms_ else None)} | "
             f"{_ratio(os_.first_result_s if os_ else None, ms_.first_result_s if ms_ else None)} | | |"),
            (f"| 后续查询用时（中位数） | {s(later(os_))} | {s(later(ms_))} | {_ratio(later(os_), later(ms_))} | | |"),
        ]
    inc = f.incremental
    if inc and not inc.error:
        same = "是" if inc.identical else "否：" + "、".join(inc.differing)
        median = f"，{len(inc.rounds)} 轮中位数" if len(inc.rounds) > 1 else ""
        each = "；".join(f"{r.edit_build_s:.2f} / {r.clean_build_s:.1f} s = {r.ratio:.3f}×" for r in inc.rounds)
        rows += [
            f"| check（缓存，无修改 / 修改一件后） | {s(inc.check_warm_s)} / {s(inc.check_edited_s)} | | | | |",
            f"| 修改一件文件后 build（沿用 {inc.reused:,} 项{median}） | {s(inc.edit_build_s)} | | | | |",
            f"| 同一输入全新 build（--no-cache{median}） | {s(inc.clean_build_s)} | | | | |",
            f"| 增量 / 全新{'（各轮之比的中位数）' if len(inc.rounds) > 1 else ''} | {inc.ratio:.3f}× | | | | |",
            *([f"| 各轮（增量 / 全新） | {each} | | | | |"] if len(inc.rounds) > 1 else []),
            f"| 增量与全新逐字节相同 | {same} | | | | |",
            f"| 峰值内存 PSS（全新 / 增量） | {m(inc.clean_build_pss)} / {m(inc.edit_build_pss)} | | | | |",
        ]
    if f.serve:
        rows += [
            f"| serve 首次生成 | {s(f.serve.first_build_s)} | | | | |",
            f"| serve 修改一件文件 → 页面更新 | {s(f.serve.edit_visible_s)}（再次：{s(f.serve.second_edit_visible_s)}）"
            " | | | | |",
        ]
    head = (f"### {f.docs:,} 件文件（规范性文件 {f.counts['normative']:,} 件，权力事项 {f.counts['powers']:,} 项，"
            f"执法依据 {f.counts['laws']} 部；生成 {f.generate_s:.1f} s）")
    named = (("check", f.check), ("本项目 build", o), ("Material + 搜索", ms), ("Material 无搜索", mp))
    errors = [f"- {name}：{x.error or x.search_error}" for name, x in named if x and (x.error or x.search_error)]
    if f.serve_error:
        errors.append(f"- {f.serve_error}")
    if f.incremental and f.incremental.error:
        errors.append(f"- 增量 build：{f.incremental.error}")
    return "\n".join([head, "", *rows, *([""] + errors if errors else [])])


def goals(results: list[SizeFigures]) -> str:
    lines = ["### 目标"]

    def verdict(ok: bool | None) -> str:
        return "未测" if ok is None else "达到" if ok else "未达到"

    f = next((r for r in results if r.docs == GOAL_SIZE), None)
    if f is not None:
        o, ms = f.ours, f.material_search
        build_ok = None if o.error else o.seconds <= GOAL_BUILD_S
        lines.append(f"- {GOAL_SIZE:,} 件全新 build ≤ {GOAL_BUILD_S:.0f} s：{verdict(build_ok)}（{o.seconds:.1f} s）")
        if ms and not ms.error and not o.error:
            r = o.seconds / ms.seconds
            lines.append(f"- build ≤ {GOAL_BUILD_RATIO}× Material + 中文搜索：{verdict(r <= GOAL_BUILD_RATIO)}"
                         f"（{r:.2f}×）")
        check_ok = None if f.check.error else f.check.seconds <= GOAL_CHECK_S
        lines.append(f"- check ≤ {GOAL_CHECK_S:.0f} s：{verdict(check_ok)}（{f.check.seconds:.2f} s）")
        inc = f.incremental
        if inc and not inc.error:
            lines.append(f"- check（缓存）≤ {GOAL_CHECK_WARM_S:.0f} s：{verdict(inc.check_warm_s <= GOAL_CHECK_WARM_S)}"
                         f"（{inc.check_warm_s:.2f} s；修改一件后 {inc.check_edited_s:.2f} s）")
        if f.serve:
            lines.append(f"- serve 修改一件文件 ≤ 2 s：{verdict(f.serve.second_edit_visible_s <= 2.0)}"
                         f"（{f.serve.edit_visible_s:.2f} s，再次 {f.serve.second_edit_visible_s:.2f} s）")
    for res in results:
        inc = res.incremental
        if res.docs in GOAL_EDIT_S and inc and not inc.error:
            limit = GOAL_EDIT_S[res.docs]
            ok = inc.edit_build_s <= limit and inc.ratio <= GOAL_EDIT_RATIO and inc.identical
            lines.append(f"- {res.docs:,} 件修改一件文件后 build ≤ {limit:.0f} s 且 ≤ {GOAL_EDIT_RATIO}× 全新 build、"
                         f"逐字节相同：{verdict(ok)}（{inc.edit_build_s:.2f} s，{inc.ratio:.3f}×，"
                         f"{'相同' if inc.identical else '不同'}）")
    big = next((r for r in results if r.docs == 50_000), None)
    if big is not None and not big.ours.error:
        pss = max(big.ours.peak_pss, big.incremental.clean_build_pss if big.incremental else 0)
        lines.append(f"- 50,000 件峰值内存（进程树 PSS）≤ {_mb(GOAL_MEMORY)}：{verdict(pss <= GOAL_MEMORY)}"
                     f"（{_mb(pss)}；按 RSS 相加 {_mb(big.ours.peak_rss)}）")
    return "\n".join(lines) if len(lines) > 1 else ""


def scaling(results: list[SizeFigures]) -> str:
    ok = [r for r in results if not r.ours.error]
    if len(ok) < 2:
        return ""
    lines = ["### 规模曲线（本项目 build，每千件用时；内存为进程树峰值 PSS / RSS 相加）", "",
             "| 文件数 | build | 每千件 | 峰值内存 | check | 修改一件后 build |", "|---:|---:|---:|---:|---:|---:|"]
    for r in ok:
        k = r.docs / 1000
        inc = r.incremental
        edit = f"{inc.edit_build_s:.2f} s" if inc and not inc.error else "—"
        lines.append(f"| {r.docs:,} | {r.ours.seconds:.1f} s | {r.ours.seconds / k:.2f} s | "
                     f"{_mb(r.ours.peak_pss)} / {_mb(r.ours.peak_rss)} | {r.check.seconds:.2f} s | {edit} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--large", action="store_true", help="也测 50,000 件")
    p.add_argument("--sizes", default="1000,10000", help="逗号分隔的文件件数（默认 1000,10000）")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--no-baseline", dest="baseline", action="store_false", help="不构建 Material 对照站点")
    p.add_argument("--no-browser", dest="browser", action="store_false", help="不在 Chromium 中测搜索")
    p.add_argument("--no-serve", dest="serve", action="store_false", help="不测 serve 下修改文件后的更新用时")
    p.add_argument("--edit-rounds", type=int, default=0,
                   help="修改一件文件后 build 与全新 build 各测几轮（默认：20,000 件以内 3 轮，更多 1 轮）")
    p.add_argument("--json", type=Path, help="把全部数字写入此 JSON 文件")
    p.add_argument("--keep", type=Path, help="保留生成的项目和站点于此目录（默认用完即删）")
    args = p.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if args.large and 50_000 not in sizes:
        sizes.append(50_000)
    if args.browser and not Path(browser.CHROMIUM).exists():
        log(f"找不到 {browser.CHROMIUM}：先运行 make browser，或加 --no-browser")
        return 2

    # A stopped benchmark (kill, Ctrl+C) still removes its temporary projects and sites.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    info = machine()
    started = dt.datetime.now().isoformat(timespec="seconds")  # a benchmark is about this machine, now
    work = args.keep or Path(tempfile.mkdtemp(prefix="gov-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list[SizeFigures] = []
    try:
        for n in sizes:
            results.append(bench_size(n, work, args))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    info["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())

    print(f"## 性能基准（{started}）\n")
    print(f"- 机器：{info['cpus']} 核 {info['cpu']}，内存 {info['memory']}；{info['os']}")
    print(f"- Python {info['python']}；{info['packages']}；{info['chromium']}")
    print(f"- 负载（1/5/15 分钟平均）：开始时 {info['load']}，结束时 {info['load_after']}\n")
    for r in results:
        print(table(r) + "\n")
    for block in (scaling(results), goals(results)):
        if block:
            print(block + "\n")
    if args.json:
        args.json.write_text(json.dumps({"started": started, "machine": info, "results": [asdict(r) for r in results]},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    failed = any(r.ours.error or r.check.error or (r.incremental and r.incremental.error) for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
