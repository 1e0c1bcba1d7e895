"""Tokenisation: what makes every substring findable and every hit exact."""

from __future__ import annotations

from generator.search.tokens import QueryToken, doc_tokens, fold, split_terms, term_tokens


def test_cjk_runs_give_every_bigram_and_the_last_character() -> None:
    assert list(doc_tokens("知识产权局")) == [("知识", 0), ("识产", 1), ("产权", 2), ("权局", 3), ("局", 4)]


def test_punctuation_breaks_runs_letters_and_digits_are_characters_too() -> None:
    assert list(doc_tokens("MBR技术，2012年")) == [
        ("mb", 0), ("br", 1), ("r技", 2), ("技术", 3), ("术", 4),
        ("20", 6), ("01", 7), ("12", 8), ("2年", 9), ("年", 10)]


def test_fold_is_one_to_one_so_positions_stay_valid() -> None:
    raw = "ＭＢＲ（Ａｂｃ）某科〔２０１２〕１２号\uf900"
    assert len(fold(raw)) == len(raw)
    assert fold("ＭＢＲ２０１２") == "mbr2012"
    assert fold("\uf900") == "\u5c82"  # compatibility ideograph → unified 豈 → simplified 岂
    assert fold("專利資助 臺灣") == "专利资助 台湾"  # traditional → simplified (OpenCC's table)
    assert fold(fold("專利資助")) == fold("專利資助")


def test_ideographic_zero_counts_as_chinese() -> None:
    assert [t for t, _ in doc_tokens("二〇一二年")] == ["二〇", "〇一", "一二", "二年", "年"]


def test_positions_are_code_points_beyond_the_bmp() -> None:
    assert list(doc_tokens("\U00020000中a")) == [("\U00020000中", 0), ("中a", 1), ("a", 2)]


def test_terms_split_on_whitespace_including_ideographic_space_and_trim_punctuation() -> None:
    assert split_terms("  科技\u3000培训  “产权”  科技 ") == ["科技", "培训", "产权"]
    assert split_terms("，。！") == []


def test_term_tokens_are_exact_bigrams_and_lone_characters_are_prefixes() -> None:
    assert term_tokens("产权") == [QueryToken("产权", 0, False)]
    assert term_tokens("防震减灾") == [QueryToken("防震", 0, False), QueryToken("震减", 1, False),
                                   QueryToken("减灾", 2, False)]
    assert term_tokens("局") == [QueryToken("局", 0, True)]
    assert term_tokens("MBR技") == [QueryToken("mb", 0, False), QueryToken("br", 1, False),
                                   QueryToken("r技", 2, False)]
    assert term_tokens("12 号") == [QueryToken("12", 0, False), QueryToken("号", 3, True)]
