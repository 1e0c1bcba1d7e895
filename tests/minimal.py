"""A tiny, valid project that rule tests overlay with the few lines they are about."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from generator.check import check_project
from generator.problems import Problem

TODAY = dt.date(2026, 11, 26)

SITE_CONFIG = """\
site:
  name: 某市科学技术局政府信息公开
  url: https://kjj.example.gov.cn/
  description: 测试站点
agency:
  name: 某市科学技术局
  credit_code: 11350100MB0000001X
  address: 某市某区某路1号
  postcode: "350000"
  office_hours: 工作日 8:00—12:00，14:30—17:30
  phone: 0591-00000000
  fax: 0591-00000001
  email: kjj@example.gov.cn
  website: https://kjj.example.gov.cn/
  application_channels: [网上申请, 信函申请, 当面申请]
footer:
  sponsor: 某市科学技术局
  site_code: "3501000000"
  icp: 闽ICP备00000000号-1
  police_filing: 闽公网安备 35010000000000号
"""

CATEGORIES = """\
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
"""

LEGAL_BASES = """\
- id: kjjbf
  title: 中华人民共和国科学技术进步法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  promulgated: 2021-12-24
  effective: 2022-01-01
  status: 现行有效
  status_checked: 2026-11-01
- id: zlf
  title: 中华人民共和国专利法
  level: 法律
  issuer: 全国人民代表大会常务委员会
  status: 现行有效
  status_checked: 2026-11-01
- id: mfd
  title: 中华人民共和国民法典
  level: 法律
  issuer: 全国人民代表大会
  status: 现行有效
  status_checked: 2026-11-01
- id: htf
  title: 中华人民共和国合同法
  level: 法律
  issuer: 全国人民代表大会
  status: 已废止
  repealed: {date: 2021-01-01, by: mfd}
"""

POWERS = """\
- code: KJ-CF-001
  name: 对假冒专利行为的处罚
  type: 行政处罚
  basis: [{law: zlf, articles: [第六十八条]}]
  subject: 某市科学技术局
  status: 有效
"""

DOCUMENT = """\
---
id: 2025-kjj-gfxwj-001
index_no: 11350100MB0000001X/2025-00001
title: 某市科技计划项目管理办法
doc_no: 某科〔2025〕1号
category: gfxwj
issuer: 某市科学技术局
summary: 规范科技计划项目的申报、立项、实施和验收。
written: 2025-03-03
published: 2025-03-10
kind: 规范性文件
owner: self
effective: 2025-04-10
expires: 2030-04-09
status: 有效
legality_review: {date: 2025-03-05, by: 某市科学技术局政策法规科, result: 通过}
---
第一条 为规范科技计划项目管理，制定本办法。
"""

BASE: dict[str, str] = {
    "site_config.yml": SITE_CONFIG,
    "catalog/categories.yml": CATEGORIES,
    "catalog/legal_bases.yml": LEGAL_BASES,
    "catalog/powers/cf.yml": POWERS,
    "catalog/documents/gfxwj/2025-kjj-gfxwj-001.md": DOCUMENT,
}


def make_project(root: Path, files: dict[str, str | None] | None = None) -> Path:
    """Write the base project under `root`, then each override (dedented); None deletes a file."""
    merged: dict[str, str | None] = {**BASE, **(files or {})}
    for rel, text in merged.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def problems_of(root: Path, files: dict[str, str | None] | None = None,
                today: dt.date = TODAY) -> list[Problem]:
    make_project(root, files)
    return check_project(root, today).problems


def found(root: Path, code: str, files: dict[str, str | None] | None = None,
          today: dt.date = TODAY) -> list[tuple[str, int, str]]:
    """(path, line, code) of every problem with `code`: what rule tests assert on."""
    return [(p.path, p.line, p.code) for p in problems_of(root, files, today) if p.code == code]
