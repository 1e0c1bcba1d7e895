"""One catalogue, dozens of planted mistakes, every rule code: all found in ONE run, each at its line.

Every planted mistake is marked on its own line with `# ← code` (`<!-- ← code -->` in Markdown
bodies); the expected problems are read from those markers, so the test shows where each one is.
Everything not marked is valid: a problem anywhere else fails the test.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from generator.check import check_project
from generator.rules import rules
from tests.minimal import LEGAL_BASES, TODAY, make_project

ROOT = Path(__file__).resolve().parent.parent
MARK = re.compile(r"(?:#|<!--) ← (?P<codes>[a-z, -]+?)(?: -->)?$")


def normative(id_: str, n: int, *, title: str = "某市科技项目管理办法", written: str = "2025-03-03",
              published: str = "2025-03-10", effective: str = "2025-04-10", expires: str = "2030-04-09",
              extra: str = "", legality: str = "2025-03-05", status: str = "有效") -> str:
    """A valid 规范性文件 front matter; lines: id 2 … status 15, legality_review 16, `extra` from 17."""
    return (
        f"---\nid: {id_}\nindex_no: 11350100MB0000001X/2025-{n:05d}\ntitle: {title}\ndoc_no: 某科〔2025〕{n}号\n"
        f"category: gfxwj\nissuer: 某市科学技术局\nsummary: 规范科技项目管理。\nwritten: {written}\n"
        f"published: {published}\nkind: 规范性文件\nowner: self\neffective: {effective}\nexpires: {expires}\n"
        f"status: {status}\n"
        + (f"legality_review: {{date: {legality}, by: 某市科学技术局政策法规科, result: 通过}}\n" if legality else "")
        + extra + "---\n正文。\n"
    )


D = "catalog/documents/gfxwj/"

FILES: dict[str, str] = {
    "site_config.yml": """\
site:
  name: 某市科学技术局政府信息公开
  url: http://kjj.example.gov.cn/  # ← invalid-value
agency:
  name: 某市科学技术局
  credit_code: 11350100MB0000001X
  address: 某市某区某路1号
  postcode: "350000"
  office_hours: 工作日 8:00—12:00，14:30—17:30
  phone: 0591-00000000
  fax: ''  # ← guide-incomplete
  email: kjj@example.gov.cn
  website: https://kjj.example.gov.cn/
  application_channels: [网上申请, 信函申请, 当面申请]
footer:
  sponsor: 某市科学技术局
  site_code: "3501000000"
  icp: 闽ICP备00000000号-1
  police_filing: 闽公网安备 35010000000000号
policy:
  expiry_warning_day: 90  # ← unknown-field
  filing_required_from: 2025-11-01
  unified_no_required_from: 2025-11-01
""",
    "catalog/cleanups.yml": """\
- id: ql-2026
  title: 2026年度规范性文件清理
  notice: {doc_no: 某政办〔2026〕19号, date: 2026-05-12}
  scope: {published_before: 2021-12-01}
  deadline: 2026-06-30
""",
    "catalog/categories.yml": """\
- code: jgzn
  name: 机构职能
- code: fgwj
  name: 法规文件
  children:
    - code: gfxwj
      name: 规范性文件
    - code: qtwj
      name: 其他文件
- code: gzdt
  name: 工作动态
- code: gzdt  # ← duplicate-id
  name: 工作总结
- code: czzj  # ← missing-field
""",
    "catalog/legal_bases.yml": LEGAL_BASES + """\
- id: kjpjf
  title: 中华人民共和国科学技术普及法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2024-01-01  # ← basis-status-stale
- id: zcf
  title: 中华人民共和国促进科技成果转化法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  promulgated: 2015-02-30  # ← invalid-date
  status: 现行有效
  status_checked: 2026-11-01
- id: jsht
  title: 技术合同认定登记管理办法
  level: 部门规章
  issuer: 科学技术部
  status: 已废止  # ← status-inconsistent
- id: kjcgdj
  title: 科技成果登记办法
  level: 部门规章
  issuer: 科学技术部
  promulgated: 2000-12-07
  effective: 2000-12-01  # ← date-order
  status: 现行有效
  status_checked: 2026-11-01
- id: rlyc
  title: 中华人民共和国人类遗传资源管理条例
  level: 行政法规
  issuer: 国务院
  status: 已修改
  status_checked: 2026-11-01
- id: kjjd2027
  title: 某省科学技术奖励办法
  level: 地方政府规章
  issuer: 某省人民政府
  effective: 2027-01-01
  status: 尚未生效
  status_checked: 2026-11-01
""",
    "catalog/powers/cf.yml": """\
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
- code: KJ-CF-002
  name: 对专利代理违法行为的处罚
  type: 行政处罚
  basis:
    - law: zlff  # ← unknown-reference
  subject: 某市科学技术局
  status: 有效
- code: KJ-CF-003
  name: 对技术合同违法行为的处罚
  type: 行政处罚
  basis:
    - law: htf  # ← cites-repealed
  subject: 某市科学技术局
  status: 有效
- code: KJ-CF-004
  name: 对违规采集人类遗传资源的处罚
  type: 行政处罚
  basis:
    - law: rlyc  # ← cites-amended
      articles: [第三十六条]
  subject: 某市科学技术局
  status: 有效
- code: KJ-JC-001
  name: 对执行科学技术普及法等有关规定的检查
  type: 行政强制  # ← power-type-suspect
  basis: [{law: kjpjf}]
  subject: 某市科学技术局
  status: 已调整
- code: KJ-CF-001  # ← duplicate-id
  name: 对冒充专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf}]
  subject: 某市科学技术局
  status: 已取消
""",
    "catalog/powers/qt.yml": """\
- code: KJ-QT-001
  name: 科技成果登记
  type: 其他行政权力
  basis: [{law: kjjbf}]
  subject: 某市科学技术局
  status: 有效
  status: 已调整  # ← yaml-syntax
""",
    D + "a.md": normative("2025-kjj-gfxwj-001", 1).replace(
        "doc_no: 某科〔2025〕1号", "doc_no: 某科[2025]1号  # ← invalid-doc-no").replace(
        "index_no: 11350100MB0000001X/2025-00001", "index_no: 11350100MB0000001X/2025-1  # ← invalid-index-no").replace(
        "summary: 规范科技项目管理。", "summary: " + "规" * 101 + "  # ← summary-too-long"),
    D + "b.md": normative("2021-kjj-gfxwj-002", 2, written="2021-11-01", published="2021-11-08",
                          effective="2021-12-01", expires="2026-11-01  # ← expired-but-valid", legality="2021-11-02",
                          extra="reviews: [{date: 2025-12-01, result: 继续有效, decided: true}]"
                                "  # ← cleanup-incomplete\n"),
    D + "c.md": normative("2022-kjj-gfxwj-003", 3, written="2022-02-20", published="2022-02-25",
                          effective="2022-03-02", expires="2027-03-01  # ← expiring-soon", legality="2022-02-21",
                          extra="reviews: [{date: 2025-06-01, result: 继续有效, decided: true}]\n"),
    D + "d.md": normative("2025-kjj-gfxwj-004", 4, title="某市科技项目管理暂行办法",
                          expires="2028-04-09  # ← validity-too-long"),
    D + "e.md": normative("2023-kjj-gfxwj-005", 5, written="2023-03-03", published="2023-03-10",
                          effective="2023-04-10", expires="2028-04-09", legality="2023-03-05",
                          extra="reviews:\n"
                                "  - {date: 2024-06-01, result: 继续有效, decided: true}  # ← review-overdue\n"),
    D + "f.md": normative("2025-kjj-gfxwj-006", 6,
                          extra="reviews:\n  - {date: 2026-06-01, result: 修改, decided: false}  # ← review-pending\n"),
    D + "g.md": normative("2025-kjj-gfxwj-007", 7, legality="").replace(
        "status: 有效\n", "status: 有效\nlegality_review:\n  date: 2025-03-05\n  by: 某市科学技术局政策法规科\n"
        "  result: 不通过  # ← legality-review-failed\n"),
    D + "h.md": normative("2025-kjj-gfxwj-008", 8, legality="").replace(
        "published: 2025-03-10", "published: 2025-03-10  # ← legality-review-missing"),
    D + "i.md": normative("2025-kjj-gfxwj-009", 9, written="2025-09-19", effective="2025-11-01",
                          expires="2030-10-31", legality="2025-09-20",
                          published="2025-10-24  # ← publication-late"),
    D + "j.md": normative("2025-kjj-gfxwj-010", 10, written="2025-03-12",
                          published="2025-03-10  # ← date-order"),
    D + "k.md": normative("2025-kjj-gfxwj-011", 11, status="废止  # ← status-inconsistent"),
    D + "l.md": normative("2025-kjj-gfxwj-012", 12, status="有郊  # ← invalid-value"),
    D + "m.md": normative("2025-kjj-gfxwj-013", 13, extra="genra: 通知  # ← unknown-field\n"),
    D + "n.md": normative("2025-kjj-gfxwj-014", 14).replace(
        "id: 2025-kjj-gfxwj-014", "id: 2025-kjj-gfxwj-014  # ← missing-field").replace(
        "summary: 规范科技项目管理。\n", ""),
    D + "o.md": normative("2025-kjj-gfxwj-015", 15, written="2025-02-30  # ← invalid-date"),
    D + "p.md": normative("2025-kjj-gfxwj-001", 16).replace(
        "id: 2025-kjj-gfxwj-001", "id: 2025-kjj-gfxwj-001  # ← duplicate-id"),
    D + "q.md": normative("2025-kjj-gfxwj-017", 17, extra="basis:\n  - law: kjjd2027  # ← cites-not-yet-effective\n"),
    D + "r.md": normative("2025-kjj-gfxwj-018", 18, extra="attachments: [通知.html]  # ← unpublishable-file\n"),
    D + "s.md": normative("2025-kjj-gfxwj-019", 19,
                          extra="filing: {date: 2025-06-01, to: 某市司法局}  # ← filing-late\n"
                                "reviews: [{date: 2026-12-01, result: 继续有效, decided: true}]  # ← date-in-future\n"),
    D + "t.md": normative("2025-kjj-gfxwj-020", 20, written="2025-11-05", published="2025-11-10",
                          effective="2025-12-10", expires="2030-12-09", legality="2025-11-06").replace(
        "kind: 规范性文件", "kind: 规范性文件  # ← filing-missing, unified-no-missing"),
    "catalog/attachments/通知.html": "<html><body><script>alert(document.cookie)</script></body></html>\n",
    "content/guide.md": (
        "---\ntitle: 政府信息公开指南\n---\n# 政府信息公开指南\n\n"
        "规范性文件见[《管理办法》](doc:2025-kjj-gfxwj-001)。\n"
        "旧文件见[《旧办法》](doc:2012-kjj-gfxwj-003)。 <!-- ← unknown-reference -->\n"
    ),
}


def planted() -> set[tuple[str, int, str]]:
    out = set()
    for path, text in FILES.items():
        for i, line in enumerate(text.split("\n"), start=1):
            m = MARK.search(line)
            if m:
                out |= {(path, i, code.strip()) for code in m["codes"].split(",")}
    return out


def project(tmp_path: Path) -> Path:
    files: dict[str, str | None] = {"catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": None, **FILES}
    return make_project(tmp_path, files)


def test_the_plant_covers_every_rule_and_two_dozen_mistakes() -> None:
    expected = planted()
    assert len(expected) >= 24
    assert {code for _p, _l, code in expected} == {r.CODE for r in rules()}


def test_every_mistake_in_one_run_at_its_line(tmp_path: Path) -> None:
    result = check_project(project(tmp_path), TODAY)
    found = [(p.path, p.line, p.code) for p in result.problems]
    assert sorted(set(found)) == sorted(planted())
    assert len(found) == len(planted()), "a mistake was reported more than once"
    assert result.failed(strict=False)


def test_cli_exit_1_and_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--project", str(project(tmp_path)),
         "--today", TODAY.isoformat(), "--format", "json"],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert r.returncode == 1
    assert r.stderr == ""
    assert {(d["path"], d["line"], d["code"]) for d in json.loads(r.stdout)} == planted()
