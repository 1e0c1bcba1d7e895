"""A deterministic synthetic catalogue of any size: what `make bench` builds and scale tests check.

`python -m tests.tools.synthetic --docs N --out DIR [--seed S] [--today YYYY-MM-DD]` writes a
complete project (site_config.yml, catalog/, content/guide.md) with N documents, N/10 powers
spread over all ten power types and 100 legal bases. A tenth of the documents are 规范性文件
with 合法性审核 and 清理 records; some of those are 废止 (with `repealed`), 失效 or 已修改.
Bodies are 1–2 KB of real bureau prose (tests/tools/data/sentences.txt, sentences taken from
published 科技局 work reports), so Markdown conversion and Chinese search indexing see text of
a realistic shape and size.

The project passes `check` with no error and no warning for the `today` it was generated for
(dates are placed relative to it), so a benchmark measures the work of a clean catalogue.
Same seed, size and today → byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

TODAY = dt.date(2026, 11, 26)
CREDIT_CODE = "11350100MB0000001X"
AGENCY = "某市科学技术局"
N_LAWS = 100
N_REPEALED_LAWS = 5

_DATA = Path(__file__).parent / "data" / "sentences.txt"

# ---------------------------------------------------------------- vocabulary

TOPICS = (
    "科技计划项目", "科技特派员", "高新技术企业培育", "专利资助", "科技型中小企业", "新型研发机构",
    "科普基地", "防震减灾", "技术合同登记", "科技成果转化", "众创空间", "科技企业孵化器",
    "重点实验室", "工程技术研究中心", "产学研合作", "科技金融", "知识产权质押融资", "星火计划",
    "农业科技园区", "科技创新券", "研发费用补助", "国际科技合作", "科技人才引进", "科技服务业",
    "地震监测设施保护", "科学技术普及", "知识产权保护", "科技信用管理", "科研诚信", "科技伦理审查",
    "大型科学仪器共享", "科技查新", "技术转移机构", "院士专家工作站", "企业研发中心", "科技小巨人企业",
    "创新型企业", "科技型农业企业", "农村科技信息化", "科技统计", "科技评估", "科技项目验收",
    "科技经费监督", "专利导航", "商标品牌建设", "地理标志保护", "防震减灾示范社区", "地震安全性评价",
)
DOC_SUFFIXES = ("管理办法", "实施细则", "实施办法", "认定办法", "若干措施", "操作规程", "管理规定")
DEPARTMENTS = ("办公室", "政策法规科", "计划与资金管理科", "高新技术科", "农村科技科", "知识产权科",
               "科技合作与人才科", "防震减灾科", "机关党委")
ISSUERS = (AGENCY, AGENCY, AGENCY, "某市知识产权局", "某市地震局", "某市人民政府办公室")
DOC_NO_PREFIX = {AGENCY: "某科", "某市知识产权局": "某知", "某市地震局": "某震", "某市人民政府办公室": "某政办"}
GENRES = {
    "qtwj": "通知", "zcjd": "解读", "fzgh": "规划", "ndjh": "计划", "qlqd": "通知", "zfyj": "目录",
    "cljz": "基准", "kjxm": "通知", "zscq": "公示", "fzjz": "通知", "gzzj": "总结", "gzxx": "信息",
    "bmys": "预算", "bmjs": "决算", "xxgknb": "报告", "fzzfnb": "报告", "gkzn": "指南", "gkzd": "制度",
    "jgzn": "职能",
}
# Non-normative documents by category, weighted like a real 公开目录: mostly notices and news.
OTHER_CATEGORIES = (
    ("qtwj", 22), ("gzxx", 22), ("kjxm", 16), ("zscq", 8), ("fzjz", 6), ("zcjd", 5), ("ndjh", 3),
    ("fzgh", 2), ("gzzj", 3), ("bmys", 2), ("bmjs", 2), ("xxgknb", 2), ("fzzfnb", 2), ("qlqd", 1),
    ("zfyj", 1), ("cljz", 1), ("gkzn", 1), ("gkzd", 1), ("jgzn", 1),
)

REAL_LAWS = (
    ("中华人民共和国科学技术进步法", "法律", "全国人民代表大会常务委员会"),
    ("中华人民共和国促进科技成果转化法", "法律", "全国人民代表大会常务委员会"),
    ("中华人民共和国科学技术普及法", "法律", "全国人民代表大会常务委员会"),
    ("中华人民共和国专利法", "法律", "全国人民代表大会常务委员会"),
    ("中华人民共和国防震减灾法", "法律", "全国人民代表大会常务委员会"),
    ("中华人民共和国行政处罚法", "法律", "全国人民代表大会常务委员会"),
    ("中华人民共和国行政许可法", "法律", "全国人民代表大会常务委员会"),
    ("中华人民共和国行政强制法", "法律", "全国人民代表大会常务委员会"),
    ("中华人民共和国民法典", "法律", "全国人民代表大会"),
    ("中华人民共和国政府信息公开条例", "行政法规", "国务院"),
    ("中华人民共和国专利法实施细则", "行政法规", "国务院"),
    ("地震监测管理条例", "行政法规", "国务院"),
    ("国家科学技术奖励条例", "行政法规", "国务院"),
    ("中华人民共和国人类遗传资源管理条例", "行政法规", "国务院"),
    ("破坏性地震应急条例", "行政法规", "国务院"),
    ("地震安全性评价管理条例", "行政法规", "国务院"),
    ("专利代理条例", "行政法规", "国务院"),
    ("科学技术部行政处罚实施办法", "部门规章", "科学技术部"),
    ("科技计划项目评估评审行为准则与督查办法", "部门规章", "科学技术部"),
    ("技术合同认定登记管理办法", "部门规章", "科学技术部"),
)
LAW_FORMS = (("条例", "地方性法规", "某省人民代表大会常务委员会"),
             ("办法", "地方政府规章", "某省人民政府"),
             ("规定", "地方政府规章", "某市人民政府"),
             ("管理办法", "部门规章", "科学技术部"),
             ("实施办法", "地方性法规", "某市人民代表大会常务委员会"))
LAW_REGIONS = ("某省", "某市")

POWER_TYPES = (  # (type, file, code infix, name template, objects)
    ("行政处罚", "cf", "CF", "对{}的处罚", (
        "虚报、冒领科技经费行为", "假冒专利行为", "未按规定报送地震监测数据行为", "侵占地震观测环境行为",
        "科技计划项目承担单位违规使用资金行为", "技术合同登记中弄虚作假行为", "违反科研诚信规定行为",
        "危害地震监测设施行为", "未依法进行地震安全性评价行为", "科技中介机构出具虚假报告行为",
        "专利代理机构违规执业行为", "骗取科技奖励行为")),
    ("行政许可", "xk", "XK", "{}审批", (
        "新建、扩建、改建建设工程避开地震监测设施", "外国人来华工作", "人类遗传资源采集",
        "人类遗传资源国际合作科学研究", "实验动物生产", "实验动物使用", "地震监测台网建设")),
    ("行政强制", "qz", "QZ", "对{}相关财物的查封、扣押", (
        "违法使用科技经费", "假冒专利", "危害地震监测设施", "伪造技术合同登记证明")),
    ("行政征收", "zs", "ZS", "{}费用的征收", ("地震监测设施迁移", "地震观测环境保护补偿", "科技资源占用")),
    ("行政给付", "gf", "GF", "{}资金的给付", (
        "科技特派员补助", "专利资助", "研发费用补助", "科技创新券兑付", "孵化器运营补助", "科普基地运行补助")),
    ("行政检查", "jc", "JC", "对{}的监督检查", (
        "科技计划项目实施情况", "地震监测设施保护情况", "建设工程抗震设防要求落实情况", "技术合同登记机构",
        "科技企业孵化器运营情况", "专利代理机构执业情况", "实验动物生产使用单位", "科普基地建设情况")),
    ("行政确认", "qr", "QR", "{}的确认", (
        "技术合同认定登记", "高新技术企业培育库入库", "科技型中小企业评价入库", "新型研发机构认定",
        "众创空间备案登记", "科技成果登记")),
    ("行政奖励", "jl", "JL", "{}奖励", (
        "市科学技术进步", "市专利", "科普工作先进集体和个人", "防震减灾工作先进单位", "技术发明", "青年科技")),
    ("行政裁决", "cj", "CJ", "{}纠纷的裁决", ("专利侵权", "职务发明报酬", "技术合同", "科技成果权属")),
    ("其他行政权力", "qt", "QT", "{}备案", (
        "科技企业孵化器", "技术转移机构", "院士专家工作站", "科技中介服务机构", "地震监测专用设施",
        "企业研发中心")),
)
RESPONSIBILITIES = {
    "行政处罚": ("立案", "调查取证", "审理", "告知", "决定", "送达", "执行"),
    "行政许可": ("受理", "审查", "决定", "送达", "事后监管"),
}
DEFAULT_RESPONSIBILITIES = ("受理", "审查", "决定", "送达")

CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1..999 in Chinese numerals as used in article numbers (第一百零二条)."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += CN_DIGITS[hundreds] + "百"
        if tens == 0 and ones:
            return out + "零" + CN_DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else CN_DIGITS[tens]) + "十"
    if ones:
        out += CN_DIGITS[ones]
    return out


def add_years(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


def _sentences() -> list[str]:
    lines = _DATA.read_text(encoding="utf-8").splitlines()
    return [s for s in lines if s and not s.startswith("#")]


# ---------------------------------------------------------------- records


@dataclass
class _Law:
    id: str
    title: str
    level: str
    issuer: str
    promulgated: dt.date
    effective: dt.date
    repealed: tuple[dt.date, str] | None = None
    status_checked: dt.date | None = None


@dataclass
class _Doc:
    serial: int
    id: str
    category: str
    title: str
    issuer: str
    published: dt.date
    written: dt.date
    normative: bool
    status: str | None = None
    doc_no: str | None = None
    index_no: str = ""
    fields: list[str] = field(default_factory=list)  # extra front-matter lines, already formatted
    body: str = ""


class _Gen:
    def __init__(self, docs: int, seed: int, today: dt.date) -> None:
        self.n_docs = docs
        self.rng = random.Random(seed)
        self.today = today
        self.sentences = _sentences()
        self.doc_no_counter: dict[tuple[str, int], int] = {}
        self.index_counter: dict[int, int] = {}

    # -- helpers

    def day_between(self, start: dt.date, end: dt.date) -> dt.date:
        if end <= start:
            return start
        return start + dt.timedelta(days=self.rng.randint(0, (end - start).days))

    def next_doc_no(self, issuer: str, year: int) -> str:
        prefix = DOC_NO_PREFIX[issuer]
        key = (prefix, year)
        self.doc_no_counter[key] = self.doc_no_counter.get(key, 0) + 1
        return f"{prefix}〔{year}〕{self.doc_no_counter[key]}号"

    def next_index_no(self, year: int) -> str:
        self.index_counter[year] = self.index_counter.get(year, 0) + 1
        return f"{CREDIT_CODE}/{year}-{self.index_counter[year]:05d}"

    def articles(self, k: int) -> str:
        return ", ".join(f"第{cn_number(self.rng.randint(1, 120))}条" for _ in range(k))

    def paragraph(self, min_chars: int, max_chars: int) -> str:
        out: list[str] = []
        size = 0
        target = self.rng.randint(min_chars, max_chars)
        while size < target:
            s = self.rng.choice(self.sentences)
            out.append(s + "。")
            size += len(s) + 1
        return "".join(out)

    # -- laws

    def laws(self) -> list[_Law]:
        out: list[_Law] = []
        for i in range(N_LAWS):
            law_id = f"law-{i + 1:03d}"
            if i < len(REAL_LAWS):
                title, level, issuer = REAL_LAWS[i]
            else:
                suffix, level, issuer = LAW_FORMS[i % len(LAW_FORMS)]
                region = "某省" if issuer.startswith("某省") else ("" if issuer == "科学技术部" else "某市")
                title = f"{region}{TOPICS[i % len(TOPICS)]}{suffix}"
            promulgated = self.day_between(dt.date(1990, 1, 1), dt.date(2024, 6, 30))
            if i >= len(REAL_LAWS) + len(TOPICS):  # second round through the topics: name the revision
                title = f"{title}（{promulgated.year}年修订）"
            effective = promulgated + dt.timedelta(days=self.rng.choice((0, 30, 60, 90, 180)))
            out.append(_Law(law_id, title, level, issuer, promulgated, effective))
        # The last few are repealed, each by a law still in force (named by id: a catalogue record).
        for law in out[-N_REPEALED_LAWS:]:
            date = self.day_between(law.effective + dt.timedelta(days=365), dt.date(2025, 12, 31))
            law.repealed = (date, out[self.rng.randrange(0, N_LAWS - N_REPEALED_LAWS)].id)
        for law in out:
            if law.repealed is None:  # confirmed within the last year: basis-status-stale stays quiet
                law.status_checked = self.today - dt.timedelta(days=self.rng.randint(1, 300))
        return out

    # -- documents

    def documents(self, valid_laws: list[str], repealed_laws: list[str]) -> list[_Doc]:
        # Every tenth document is a 规范性文件; interleaving keeps each category's share at any size.
        docs = [self.normative_doc(i) if i % 10 == 0 else self.other_doc(i) for i in range(self.n_docs)]
        in_force = [d for d in docs if d.normative and d.status == "有效"]
        normative = [d for d in docs if d.normative]
        all_ids = [d.id for d in docs]
        for d in docs:
            self.finish(d, in_force, normative, all_ids, valid_laws, repealed_laws)
        return docs

    def normative_doc(self, i: int) -> _Doc:
        rng, today = self.rng, self.today
        r = rng.random()
        # The first one is always in force, so an 已修改 or 废止 document has something to point at.
        status = "有效" if r < 0.70 or i == 0 else "废止" if r < 0.85 else "失效" if r < 0.95 else "已修改"
        provisional = status == "有效" and rng.random() < 0.05
        topic = rng.choice(TOPICS)
        suffix = "暂行办法" if provisional else rng.choice(DOC_SUFFIXES)
        issuer = rng.choice(ISSUERS)
        if status == "有效":
            # expires = effective + validity − 1 day must stay beyond the expiry warning window.
            years = 2 if provisional else 5
            earliest = add_years(today + dt.timedelta(days=200), -years) - dt.timedelta(days=10)
            published = self.day_between(earliest, today - dt.timedelta(days=45))
        elif status == "已修改":
            published = self.day_between(dt.date(2015, 1, 1), dt.date(2024, 6, 30))
        else:
            published = self.day_between(dt.date(2008, 1, 1), dt.date(2020, 12, 31))
        written = published - dt.timedelta(days=rng.randint(3, 15))
        title = f"关于印发《某市{topic}{suffix}》的通知"
        d = _Doc(i + 1, f"{published.year}-kjj-gfxwj-{i + 1:05d}", "gfxwj", title, issuer, published, written,
                 True, status)
        d.doc_no = self.next_doc_no(issuer, written.year)
        return d

    def other_doc(self, i: int) -> _Doc:
        rng = self.rng
        cats = [c for c, _ in OTHER_CATEGORIES]
        weights = [w for _, w in OTHER_CATEGORIES]
        cat = rng.choices(cats, weights)[0]
        published = self.day_between(dt.date(2012, 1, 1), self.today - dt.timedelta(days=1))
        written = published - dt.timedelta(days=rng.randint(0, 15))
        y, topic = published.year, rng.choice(TOPICS)
        titles = {
            "qtwj": (f"关于开展{y}年度{topic}工作的通知", f"关于公布{y}年{topic}名单的公告",
                     f"关于进一步加强{topic}工作的意见"),
            "gzxx": (f"我局召开{topic}工作推进会", f"{topic}工作取得新进展", f"我局赴基层开展{topic}调研"),
            "kjxm": (f"关于组织申报{y}年度{topic}项目的通知", f"{y}年度{topic}项目立项公示"),
            "zscq": (f"{y}年度专利资助资金拨付公示", f"关于开展{y}年知识产权宣传周活动的通知"),
            "fzjz": (f"关于做好{y}年防震减灾宣传工作的通知", f"{y}年防震减灾工作要点"),
            "zcjd": (f"《某市{topic}管理办法》政策解读",),
            "ndjh": (f"{AGENCY}{y}年工作要点",),
            "fzgh": (f"某市“十四五”{topic}发展规划",),
            "gzzj": (f"{AGENCY}{y - 1}年工作总结",),
            "bmys": (f"{AGENCY}{y}年部门预算",),
            "bmjs": (f"{AGENCY}{y - 1}年部门决算",),
            "xxgknb": (f"{AGENCY}{y - 1}年政府信息公开工作年度报告",),
            "fzzfnb": (f"{AGENCY}{y - 1}年法治政府建设年度报告",),
            "qlqd": (f"关于调整{AGENCY}权责清单的通知",),
            "zfyj": (f"{AGENCY}行政执法依据目录（{y}年版）",),
            "cljz": (f"{AGENCY}行政处罚裁量基准（{y}年修订）",),
            "gkzn": (f"{AGENCY}政府信息公开指南（{y}年修订）",),
            "gkzd": (f"{AGENCY}政府信息公开{rng.choice(('保密审查', '依申请公开', '主动公开', '考核'))}制度",),
            "jgzn": (f"{AGENCY}{rng.choice(DEPARTMENTS)}主要职责",),
        }[cat]
        issuer = AGENCY if cat != "zscq" else rng.choice((AGENCY, "某市知识产权局"))
        d = _Doc(i + 1, f"{published.year}-kjj-{cat}-{i + 1:05d}", cat, rng.choice(titles), issuer, published,
                 written, False)
        if cat in ("qtwj", "kjxm", "fzjz", "qlqd", "zscq") and rng.random() < 0.6:
            d.doc_no = self.next_doc_no(issuer, written.year)
        return d

    def finish(self, d: _Doc, in_force: list[_Doc], normative: list[_Doc], all_ids: list[str],
               valid_laws: list[str], repealed_laws: list[str]) -> None:
        rng = self.rng
        d.index_no = self.next_index_no(d.published.year)
        f = d.fields
        if d.normative:
            f.append("kind: 规范性文件")
            f.append(f"owner: {'self' if rng.random() < 0.85 else 'drafted'}")
            if rng.random() < 0.6:
                f.append(f"unified_no: KJGS-{d.published.year}-{d.serial}")
            effective = d.published + dt.timedelta(days=rng.randint(10, 30))
            years = 2 if "暂行" in d.title else 5
            expires = add_years(effective, years) - dt.timedelta(days=1)
            f.append(f"effective: {effective}")
            f.append(f"expires: {expires}")
            f.append(f"status: {d.status}")
            # 有效 documents rest only on laws in force; the repealed ones may cite what was since repealed.
            pool = valid_laws + (repealed_laws if d.status == "废止" else [])
            f.append("basis:")
            for law in sorted(set(rng.sample(pool, rng.randint(1, 2)))):
                f.append(f"  - {{law: {law}, articles: [{self.articles(rng.randint(1, 2))}]}}")
            reviews = self.reviews(d, expires, in_force)
            if reviews:
                f.append("reviews:")
                f.extend(reviews)
            if d.published >= dt.date(2019, 1, 1) or rng.random() < 0.5:
                lr_date = self.day_between(d.written, d.published - dt.timedelta(days=1))
                result = "通过" if rng.random() < 0.8 else "修改后通过"
                f.append(f"legality_review: {{date: {lr_date}, by: {d.issuer.removesuffix('办公室')}政策法规科, "
                         f"result: {result}, opinion_no: 某科法审〔{lr_date.year}〕{d.serial}号}}")
            if d.status == "已修改":
                f.append(f"amended_by: [{rng.choice(in_force).id}]")
        else:
            f.append("kind: 其他")
            if d.category == "zcjd" and normative:
                f.append(f"interprets: {rng.choice(normative).id}")
        d.body = self.body(d, all_ids, valid_laws)

    def reviews(self, d: _Doc, expires: dt.date, in_force: list[_Doc]) -> list[str]:
        """清理 records: decided, oldest first; the last one fits the status and the 2-year cycle."""
        rng, today = self.rng, self.today
        out: list[tuple[dt.date, str, bool]] = []
        if d.status == "有效":
            window_start = add_years(today, -2) + dt.timedelta(days=1)
            if d.published < window_start:
                first = add_years(d.published, 1)
                if first < window_start:
                    out.append((first, "继续有效", True))
                out.append((self.day_between(max(window_start, first + dt.timedelta(days=30)),
                                             today - dt.timedelta(days=1)), "继续有效", True))
            if rng.random() < 0.02:  # a 清理 proposal still awaiting its decision (a notice, never a failure)
                out.append((today - dt.timedelta(days=rng.randint(1, 20)), "继续有效", False))
        elif d.status == "废止":
            end = min(expires, today - dt.timedelta(days=1))
            repeal = self.day_between(d.published + dt.timedelta(days=180), end)
            if repeal - d.published > dt.timedelta(days=400):
                out.append((add_years(d.published, 1), "继续有效", True))
            out.append((repeal, "废止", True))
            # Repealed either by a later catalogue document (an id) or by a 清理 decision outside it (a 文号).
            later = [x for x in in_force[:50] if x.published <= repeal]
            by = rng.choice(later).id if later and rng.random() < 0.5 else f"某科法〔{repeal.year}〕{d.serial}号"
            d.fields.append(f"repealed: {{date: {repeal}, by: {by}}}")
        elif d.status == "失效":
            if rng.random() < 0.6:
                out.append((self.day_between(d.published + dt.timedelta(days=200), expires - dt.timedelta(days=30)),
                            "继续有效", True))
        else:  # 已修改
            out.append((self.day_between(d.published + dt.timedelta(days=100), today - dt.timedelta(days=30)),
                        "修改", True))
        lines: list[str] = []
        for date, result, decided in sorted(out):
            lines.append(f"  - {{date: {date}, batch: 某科法〔{date.year}〕{d.serial % 97 + 1}号, "
                         f"result: {result}, decided: {'true' if decided else 'false'}}}")
        return lines

    def body(self, d: _Doc, all_ids: list[str], valid_laws: list[str]) -> str:
        """1–2 KB of Markdown: articles for 规范性文件, paragraphs, headings and lists otherwise."""
        rng = self.rng
        target = rng.randint(1024, 2048)
        parts: list[str] = []
        size = 0
        def room(most: int) -> int:  # characters left before the target (3 bytes a character), capped
            return max(20, min(most, (target - size) // 3))

        if d.normative:
            n = 1
            while size < target:
                text = self.paragraph(min(40, room(120)), room(120))
                parts.append(f"第{cn_number(n)}条 {text}")
                size += len(parts[-1].encode())
                n += 1
        else:
            heading = 1
            while size < target:
                r = rng.random()
                if r < 0.15:
                    parts.append(f"## {CN_DIGITS[heading] if heading < 10 else heading}、{rng.choice(TOPICS)}")
                    heading += 1
                elif r < 0.25:
                    items = min(rng.randint(2, 4), max(2, (target - size) // 150))  # one sentence each
                    parts.append("\n".join(f"{k + 1}. {self.paragraph(1, 1)}" for k in range(items)))
                else:
                    parts.append(self.paragraph(min(80, room(240)), room(240)))
                size += len(parts[-1].encode())
        if rng.random() < 0.1 and len(all_ids) > 1:
            other = rng.choice(all_ids)
            if other != d.id:
                parts.append(f"相关文件：[点击查看](doc:{other})。")
        if rng.random() < 0.05:
            parts.append(f"本文件依据[有关法律规定](law:{rng.choice(valid_laws)})制定。")
        return "\n\n".join(parts) + "\n"

    # -- powers

    def powers(self, valid_laws: list[str], discretion: list[str]) -> dict[str, list[str]]:
        """Power records as YAML text per file, N/10 in all, spread evenly over the ten types."""
        rng = self.rng
        total = max(len(POWER_TYPES), self.n_docs // 10)
        files: dict[str, list[str]] = {}
        for k in range(total):
            ptype, fname, infix, template, objects = POWER_TYPES[k % len(POWER_TYPES)]
            n = k // len(POWER_TYPES) + 1
            name = template.format(objects[(n - 1) % len(objects)])
            r = rng.random()
            status = "有效" if r < 0.92 else "已调整" if r < 0.97 else "已取消"
            lines = [f"- code: KJ-{infix}-{n:04d}", f"  name: {name}", f"  type: {ptype}"]
            if ptype == "其他行政权力":
                lines.append("  subtype: 备案")
            lines.append("  basis:")
            for law in sorted(set(rng.sample(valid_laws, rng.randint(1, 2)))):
                lines.append(f"    - law: {law}")
                lines.append(f"      articles: [{self.articles(rng.randint(1, 2))}]")
            lines.append(f"  subject: {AGENCY}")
            lines.append(f"  department: {rng.choice(DEPARTMENTS[1:8])}")
            lines.append("  level: [市]")
            lines.append(f"  responsibilities: [{', '.join(RESPONSIBILITIES.get(ptype, DEFAULT_RESPONSIBILITIES))}]")
            lines.append("  accountability: 《中华人民共和国行政处罚法》第七十六条" if ptype == "行政处罚"
                         else "  accountability: 《中华人民共和国行政许可法》第七十二条至第七十七条")
            if ptype == "行政处罚" and discretion:
                lines.append(f"  discretion: {rng.choice(discretion)}")
            lines.append(f"  status: {status}")
            files.setdefault(fname, []).append("\n".join(lines))
        return files


# ---------------------------------------------------------------- files

SITE_CONFIG = """\
# 合成基准项目（python -m tests.tools.synthetic 生成，{docs} 件文件）
site:
  name: 某市科学技术局政府信息公开
  url: https://bench.example.gov.cn/
  description: 合成的大规模目录，用于性能基准测试。

agency:
  name: {agency}
  credit_code: {credit}
  address: 某市某区行政服务中心路1号市行政中心3号楼6层
  postcode: "350000"
  office_hours: 工作日上午8:30—12:00，下午14:30—17:30（法定节假日除外）
  phone: 0591-00000000
  fax: 0591-00000001
  email: kjjxxgk@example.gov.cn
  website: https://bench.example.gov.cn/
  application_channels:
    - 网上申请：登录本平台“依申请公开”栏目在线填写申请表并提交
    - 信函申请：填写《政府信息公开申请表》后邮寄至本局办公室
    - 当面申请：工作时间到本局办公室现场填写申请表提交

footer:
  sponsor: {agency}
  site_code: "3501000000"
  icp: 闽ICP备00000000号-1
  police_filing: 闽公网安备35010000000000号

policy:
  validity_years: 5
  provisional_validity_years: 2
  review_interval_years: 2
  expiry_warning_days: 180
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
    - code: zcjd
      name: 政策解读
- code: ghjh
  name: 规划计划
  children:
    - code: fzgh
      name: 发展规划
    - code: ndjh
      name: 年度计划
- code: xzzf
  name: 行政执法
  children:
    - code: qlqd
      name: 权力清单
    - code: zfyj
      name: 执法依据
    - code: cljz
      name: 裁量基准
- code: kjxm
  name: 科技项目
- code: zscq
  name: 知识产权
- code: fzjz
  name: 防震减灾
- code: gzdt
  name: 工作动态
  children:
    - code: gzzj
      name: 工作总结
    - code: gzxx
      name: 工作信息
- code: czzj
  name: 财政资金
  children:
    - code: bmys
      name: 部门预算
    - code: bmjs
      name: 部门决算
- code: ndbg
  name: 年度报告
  children:
    - code: xxgknb
      name: 政府信息公开年度报告
    - code: fzzfnb
      name: 法治政府建设年度报告
- code: zwgk
  name: 政务公开
  children:
    - code: gkzn
      name: 公开指南
    - code: gkzd
      name: 公开制度
"""

GUIDE = """\
---
title: 政府信息公开指南
---
为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》，编制本指南。

## 一、主动公开

{p1}

## 二、依申请公开

{p2}

## 三、收费标准

{p3}

## 四、监督和救济

{p4}
"""


def _law_yaml(law: _Law) -> str:
    lines = [f"- id: {law.id}", f"  title: {law.title}", f"  level: {law.level}", f"  issuer: {law.issuer}",
             f"  promulgated: {law.promulgated}", f"  effective: {law.effective}"]
    if law.repealed:
        lines += ["  status: 已废止", f"  repealed: {{date: {law.repealed[0]}, by: {law.repealed[1]}}}"]
    else:
        lines += ["  status: 现行有效", f"  status_checked: {law.status_checked}"]
    return "\n".join(lines)


def _summary(d: _Doc) -> str:
    """The first sentence of the first prose paragraph, cut to fit the 100-字 limit."""
    for para in d.body.split("\n\n"):
        if para.startswith(("#", "1. ")):
            continue
        text = para.split(" ", 1)[-1] if d.normative else para
        return text.split("。")[0][:90] + "。"
    return "本文件的内容概述。"


def _doc_md(d: _Doc) -> str:
    lines = ["---", f"id: {d.id}", f"index_no: {d.index_no}", f"title: {d.title}"]
    if d.doc_no:
        lines.append(f"doc_no: {d.doc_no}")
    lines += [f"category: {d.category}", f"issuer: {d.issuer}", f"genre: {GENRES.get(d.category, '通知')}",
              f"summary: {_summary(d)}", f"written: {d.written}", f"published: {d.published}"]
    lines += d.fields
    lines.append("---")
    return "\n".join(lines) + "\n" + d.body


def generate(out: Path, docs: int, seed: int = 1, today: dt.date = TODAY) -> dict[str, int]:
    """Write a complete project with `docs` documents under `out`; return what was written, by kind."""
    if docs < 10:
        raise ValueError("at least 10 documents")
    g = _Gen(docs, seed, today)
    laws = g.laws()
    valid = [law.id for law in laws if law.repealed is None]
    repealed = [law.id for law in laws if law.repealed is not None]
    documents = g.documents(valid, repealed)
    discretion = [d.id for d in documents if d.category == "cljz"]
    powers = g.powers(valid, discretion)
    sg = random.Random(seed + 1)

    def para() -> str:
        return "".join(sg.choice(g.sentences) + "。" for _ in range(6))

    files: dict[str, str] = {
        "site_config.yml": SITE_CONFIG.format(docs=docs, agency=AGENCY, credit=CREDIT_CODE),
        "catalog/categories.yml": CATEGORIES,
        "catalog/legal_bases.yml": "\n\n".join(_law_yaml(law) for law in laws) + "\n",
        "content/guide.md": GUIDE.format(p1=para(), p2=para(), p3=para(), p4=para()),
    }
    for fname, records in powers.items():
        files[f"catalog/powers/{fname}.yml"] = "\n\n".join(records) + "\n"
    for d in documents:
        files[f"catalog/documents/{d.category}/{d.id}.md"] = _doc_md(d)
    for rel, text in sorted(files.items()):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {"documents": len(documents), "normative": sum(d.normative for d in documents),
            "powers": sum(len(v) for v in powers.values()), "laws": len(laws)}


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.tools.synthetic",
                                description="生成合成的大规模目录项目（性能基准用）")
    p.add_argument("--docs", type=int, required=True, help="文件件数（≥ 10）")
    p.add_argument("--out", type=Path, required=True, help="输出目录（不存在或为空）")
    p.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
    p.add_argument("--today", type=dt.date.fromisoformat, default=TODAY, help="按此日期安排各项日期（默认 2026-11-26）")
    args = p.parse_args(argv)
    if args.docs < 10:
        p.error("--docs 至少为 10")
    if args.out.exists() and any(args.out.iterdir()):
        print(f"错误：输出目录 {args.out} 不为空：请指定一个新目录", file=sys.stderr)
        return 2
    counts = generate(args.out, args.docs, args.seed, args.today)
    print(f"已生成 {args.out}：文件 {counts['documents']} 件（规范性文件 {counts['normative']} 件），"
          f"权力事项 {counts['powers']} 项，执法依据 {counts['laws']} 部")
    return 0


if __name__ == "__main__":
    sys.exit(main())
