"""What the index knows about words, built at index time and shipped in search/lex.json and
search/titles.json: the traditional → simplified table, the question and function words a query
drops, the synonym groups (the agency's automatic short name and site_config.yml `search.synonyms`)
and the title phrases that "您是不是要找" suggestions are taken from.

The dictionary that segments a query is the corpus itself: the gram postings already in the index
say, for any string, how often it occurs, so no word list has to be shipped for it (words.py).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.search.doc import SearchDoc
from generator.search.tokens import RUN_RE, fold, traditional_table

# Dropped from a query that falls back to words (怎么申请专利资助 → 申请 专利资助): question words,
# particles, verb endings (看到, 查得到) and function words that say nothing about which document is
# wanted. Only whole segments are dropped, so 有效, 目的, 查封, 到期 keep their characters.
STOP_WORDS = (
    "怎么", "怎样", "怎么样", "怎么办", "如何", "哪", "哪里", "哪儿", "哪些", "哪个", "在哪", "在哪里", "什么", "是否",
    "能否", "可否", "有没有", "是不是", "为什么", "为何", "多少", "多久", "何时", "几时", "谁", "请问", "吗", "呢",
    "吧", "啊", "呀", "的", "了", "和", "与", "及", "或", "在", "是", "有", "对", "把", "被", "从", "向", "给", "我",
    "我们", "你", "您", "要", "想", "能", "会", "可以", "需要", "应该", "去", "找", "查", "看", "查询", "查找", "一下",
    "到", "得", "着", "过", "看到", "查到", "找到", "得到",
)

# Usual short forms of the bodies of government departments' names (科学技术局 → 科技局 …).
ABBREVIATIONS = (
    ("科学技术", "科技"), ("人力资源和社会保障", "人社"), ("发展和改革", "发改"), ("住房和城乡建设", "住建"),
    ("工业和信息化", "工信"), ("市场监督管理", "市场监管"), ("文化和旅游", "文旅"), ("卫生健康", "卫健"),
    ("医疗保障", "医保"), ("农业农村", "农业"), ("交通运输", "交通"), ("退役军人事务", "退役军人"),
    ("应急管理", "应急"), ("自然资源和规划", "自然资源"), ("知识产权", "知识产权"),
)
SUFFIXES = (("委员会", "委"), ("办公室", "办"), ("局", "局"), ("厅", "厅"), ("委", "委"), ("部", "部"))

SUGGEST_TITLE_RUNS = 4000  # title phrases kept for suggestions (the most frequent, at 10,000 documents ~100 KB)


def agency_synonyms(name: str) -> list[tuple[str, str]]:
    """(full, short) department names derived from the agency's name: 某市科学技术局 → (科学技术局, 科技局);
    发展和改革委员会 → (发展和改革委员会, 发改委)."""
    out: list[tuple[str, str]] = []
    for long_body, short_body in ABBREVIATIONS:
        at = name.find(long_body)
        if at < 0:
            continue
        rest = name[at + len(long_body):]
        for suffix, short_suffix in SUFFIXES:
            if rest.startswith(suffix):
                full, short = long_body + suffix, short_body + short_suffix
                if full != short:
                    out.append((full, short))
                break
    return out


def synonym_groups(entries: Iterable[Sequence[str]]) -> list[list[str]]:
    """Folded groups of equal words; groups sharing a word are merged; sorted, so the order of the
    configuration does not change the index."""
    groups: list[set[str]] = []
    for entry in entries:
        words = {fold(w.strip()) for w in entry if RUN_RE.search(fold(w.strip()))}
        if len(words) < 2:
            continue
        joined = [g for g in groups if g & words]
        for g in joined:
            words |= g
            groups.remove(g)
        groups.append(words)
    return sorted(sorted(g) for g in groups)


@dataclass(frozen=True)
class Lexicon:
    synonyms: tuple[tuple[str, ...], ...] = ()

    def lex_json(self) -> bytes:
        trad = traditional_table()
        pairs = "".join(chr(k) + chr(trad[k]) for k in sorted(trad))
        data = {"fold": pairs, "stop": list(STOP_WORDS), "synonyms": [list(g) for g in self.synonyms]}
        return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode()


def title_counts(docs: Iterable[SearchDoc]) -> Counter[str]:
    """Title phrase → how many titles contain it: the runs of folded titles between punctuation."""
    counts: Counter[str] = Counter()
    for d in docs:
        counts.update(title_phrases(d.title))
    return counts


def title_phrases(title: str) -> set[str]:
    return {m.group() for m in RUN_RE.finditer(fold(title)) if len(m.group()) >= 2}


def titles_json(counts: Counter[str]) -> bytes:
    """titles.json: [[phrase, titles containing it], …], most frequent first, for suggestions by edit distance."""
    top = sorted(((k, n) for k, n in counts.items() if n > 0), key=lambda kv: (-kv[1], kv[0]))[:SUGGEST_TITLE_RUNS]
    return (json.dumps(top, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def title_runs(docs: Iterable[SearchDoc]) -> bytes:
    return titles_json(title_counts(docs))


def make_lexicon(synonyms: Iterable[Sequence[str]] = ()) -> Lexicon:
    return Lexicon(synonyms=tuple(tuple(g) for g in synonym_groups(synonyms)))
