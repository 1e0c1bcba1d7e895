"""A small catalogue whose audit and 表二 numbers were counted by hand (see the tables below).

Overlaid on tests/minimal.py's project (which adds 2025-kjj-gfxwj-001 "H": self, published
2025-03-10, 有效, never reviewed). All documents are 规范性文件 of the bureau (owner self) unless
noted. Dates chosen for the edges of SPEC §7:

| doc | published  | ends                              | status | latest review               |
|-----|------------|-----------------------------------|--------|-----------------------------|
| A   | 2023-12-31 | repealed 2024-01-01 (by B)        | 废止   | —                           |
| B   | 2024-01-01 | expires 2029-01-01                | 有效   | 2026-06-01 继续有效 决定    |
| C   | 2020-03-01 | expires 2024-12-31, no repeal     | 失效   | 2022-05-01 继续有效 决定    |
| D   | 2021-06-01 | expires 2027-05-31; amended by E  | 已修改 | 2024-06-15 修改 决定        |
| E   | 2024-07-01 | expires 2029-06-30                | 有效   | —                           |
| F   | 2022-02-01 | expires 2025-01-31 (still 有效!)  | 有效   | —                           |
| G   | 2025-05-01 | drafted (市政府文件)              | 有效   | 2026-06-01 继续有效 建议    |
| I   | 2024-05-01 | 规章, no expiry                   | 有效   | —                           |
| J   | 2022-01-10 | expires 2027-01-09                | 有效   | 2024-12-01 废止 建议        |
| K   | 2021-09-01 | 宣布失效 2025-06-30               | 失效   | 2025-06-20 宣布失效 决定    |

Hand counts, audit as of 2026-11-26 (TODAY): self 有效 B E H I J = 5, 已修改 D = 1, 废止 A = 1,
失效 C F K = 3; drafted 有效 G = 1. 清理 (规范性文件 only): self reviewed B C D J K = 5 — decided
继续有效 2, 修改 1, 宣布失效 1; proposed 废止 1 (J); unreviewed A E F H = 4; drafted 1 proposed
继续有效. Lists: expired-but-valid F; expiring-soon J (44 days); review-overdue E F I;
review-pending G J; cites-repealed KJ-CF-002 (合同法); cites-amended B (科普法 已修改).
Powers 有效: 行政处罚 2, 行政确认 1 (KJ-JC-001 已取消 is not counted).

表二 (self): 2023 规范性文件 制发 A = 1, 废止 0, 现行 A C D F J K = 6 (上年 C D F J K = 5: balanced).
2024 规范性文件 制发 B E = 2, 废止 A = 1, 现行 B C D E F J K = 7 (6 + 2 − 1 = 7: balanced); 规章 1 0 1.
2025 规范性文件 制发 H = 1, 废止 C (expiry) K (宣布失效) = 2, 现行 B D E H J = 5 ≠ 7 + 1 − 2 = 6:
F ran past its expiry while still marked 有效, so it left 现行有效 without being counted as 废止.
"""

from __future__ import annotations

from pathlib import Path

from tests.minimal import make_project

CREDIT = "11350100MB0000001X"


def doc_text(doc_id: str, serial: int, published: str, *, kind: str = "规范性文件", owner: str = "self",
         expires: str | None = None, status: str = "有效", extra: str = "", title: str = "") -> str:
    year = published[:4]
    lines = [
        "---",
        f"id: {doc_id}",
        f"index_no: {CREDIT}/{year}-{serial:05d}",
        f"title: {title or '关于印发《某市' + doc_id + '办法》的通知'}",
        f"doc_no: {'某政办' if owner == 'drafted' else '某科'}〔{year}〕{serial}号",
        "category: gfxwj",
        f"issuer: {'某市人民政府办公室' if owner == 'drafted' else '某市科学技术局'}",
        "summary: 测试用文件。",
        f"written: {published}",
        f"published: {published}",
        f"kind: {kind}",
        f"owner: {owner}",
        f"effective: {published}",
    ]
    if expires:
        lines.append(f"expires: {expires}")
    lines.append(f"status: {status}")
    lines += [x for x in extra.strip("\n").split("\n") if x]
    lines += ["---", "正文。", ""]
    return "\n".join(lines)


def _review(date: str, result: str, decided: bool) -> str:
    flag = "true" if decided else "false"
    return f"reviews: [{{date: {date}, batch: 某科〔{date[:4]}〕99号, result: {result}, decided: {flag}}}]"


LEGAL_BASES_EXTRA = """\
- id: kpf
  title: 中华人民共和国科学技术普及法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  status: 已修改
  status_checked: 2026-11-01
"""

POWERS = """\
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
- code: KJ-CF-002
  name: 对技术合同登记违规行为的处罚
  type: 行政处罚
  basis: [{law: htf, articles: [第三百二十二条]}]
  subject: 某市科学技术局
  status: 有效
- code: KJ-QR-001
  name: 技术合同认定登记
  type: 行政确认
  basis: [{law: mfd, articles: [第八百四十三条]}]
  subject: 某市科学技术局
  status: 有效
- code: KJ-JC-001
  name: 对科技计划项目的检查
  type: 行政检查
  basis: [{law: kjjbf, articles: [第十条]}]
  subject: 某市科学技术局
  status: 已取消
"""

ANNUAL_2025 = """\
# 2025 年度报告中目录之外的数字
active:
  permit_decisions: 0
  penalty_decisions: 3
  coercion_decisions: 1
  fee_amount: 12.5
applications:
  received: {natural_person: 5, commercial: 1, research: 0, public_interest: 0, legal_service: 0, other: 0, total: 6}
  carried_over: {natural_person: 1, total: 1}
  results:
    disclosed: {natural_person: 3, commercial: 1, total: 4}
    partly_disclosed: {natural_person: 1, total: 1}
    unavailable:
      not_held: {natural_person: 1, total: 1}
    total: {natural_person: 5, commercial: 1, total: 6}
  carried_forward: {natural_person: 1, total: 1}
appeals:
  review: {upheld: 1, total: 1}
  suit_direct: {total: 0}
  suit_after_review: {total: 0}
"""


def files() -> dict[str, str | None]:
    from tests.minimal import LEGAL_BASES

    d = "catalog/documents/gfxwj/"
    return {
        "catalog/legal_bases.yml": LEGAL_BASES + LEGAL_BASES_EXTRA,
        "catalog/powers/cf.yml": POWERS,
        d + "a.md": doc_text("a", 1, "2023-12-31", expires="2028-12-30", status="废止",
                         extra="repealed: {date: 2024-01-01, by: b}"),
        d + "b.md": doc_text("b", 1, "2024-01-01", expires="2029-01-01",
                         extra="basis: [{law: kpf, articles: [第十条]}]\n" + _review("2026-06-01", "继续有效", True)),
        d + "c.md": doc_text("c", 1, "2020-03-01", expires="2024-12-31", status="失效",
                         extra=_review("2022-05-01", "继续有效", True)),
        d + "d.md": doc_text("d", 2, "2021-06-01", expires="2027-05-31", status="已修改",
                         extra="amended_by: [e]\n" + _review("2024-06-15", "修改", True)),
        d + "e.md": doc_text("e", 2, "2024-07-01", expires="2029-06-30"),
        d + "f.md": doc_text("f", 1, "2022-02-01", expires="2025-01-31"),
        d + "g.md": doc_text("g", 3, "2025-05-01", owner="drafted", expires="2030-04-30",
                         extra=_review("2026-06-01", "继续有效", False)),
        d + "i.md": doc_text("i", 3, "2024-05-01", kind="规章", title="某市科技成果登记办法"),
        d + "j.md": doc_text("j", 2, "2022-01-10", expires="2027-01-09", extra=_review("2024-12-01", "废止", False)),
        d + "k.md": doc_text("k", 3, "2021-09-01", expires="2026-12-31", status="失效",
                         extra="repealed: {date: 2025-06-30, by: 某科〔2025〕9号}\n"
                               + _review("2025-06-20", "宣布失效", True)),
        "catalog/annual/2025.yml": ANNUAL_2025,
    }


def make_fixture(root: Path, overrides: dict[str, str | None] | None = None) -> Path:
    return make_project(root, {**files(), **(overrides or {})})
