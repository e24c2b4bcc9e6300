from hypothesis import given
from hypothesis import strategies as st

from nlp.sentences import MAX_SENTENCE_CHARS, split_sentences


def texts(spans, text):
    return [text[s:e] for s, e, _ in spans]


def test_splits_on_chinese_terminators_and_keeps_closing_quotes():
    text = "他说：“我们要加快发展。”随后离开。真的吗？是的！"
    assert texts(split_sentences(text), text) == [
        "他说：“我们要加快发展。”",
        "随后离开。",
        "真的吗？",
        "是的！",
    ]


def test_semicolon_ends_a_unit_and_brackets_stay():
    text = "到2025年，产值达到100亿元；企业超过50家（含新增）。"
    assert texts(split_sentences(text), text) == ["到2025年，产值达到100亿元；", "企业超过50家（含新增）。"]


def test_paragraph_breaks_are_boundaries_and_headings_are_recognised():
    text = "一、做强绿色石化产业集群\n力争到2027年，产值突破1万亿元。\n（二）提升创新能力。加快建设实验室。"
    spans = split_sentences(text)
    assert texts(spans, text) == [
        "一、做强绿色石化产业集群",
        "力争到2027年，产值突破1万亿元。",
        "（二）提升创新能力。",
        "加快建设实验室。",
    ]
    assert [h for _, _, h in spans] == [True, False, True, False]


def test_known_heading_spans_are_marked():
    text = "总体要求。\n正文第一句很长很长，这里有很多内容需要说明。"
    spans = split_sentences(text, headings=[(0, 5)])
    assert spans[0] == (0, 5, True)
    assert spans[1][2] is False


def test_decimal_points_and_ellipsis():
    text = "增长5.2%……继续努力。"
    assert texts(split_sentences(text), text) == ["增长5.2%……", "继续努力。"]


@given(st.text(alphabet="今年增长5%。！？；”）\n 产值亿元一、", max_size=80))
def test_spans_are_ordered_inside_and_cover_all_non_space_text(text):
    spans = split_sentences(text)
    pos = 0
    for start, end, _ in spans:
        assert pos <= start < end <= len(text)
        assert text[pos:start].strip() == ""
        pos = end
    assert text[pos:].strip() == ""


def test_a_run_without_full_stops_is_cut_after_commas_within_the_bound() -> None:
    clause = "到2027年，全市数字经济核心产业增加值突破3000亿元，"
    text = clause * 200  # 5,600 characters and no 。
    spans = split_sentences(text)
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end, _ in spans)
    assert all(text[end - 1] == "，" for _, end, _ in spans)  # cut after a comma, never inside a clause
    assert "".join(text[start:end] for start, end, _ in spans) == text  # nothing lost


def test_real_sentences_stay_whole() -> None:
    sentence = "加快建设现代化产业体系，" * 40 + "推动高质量发展。"  # 488 characters
    assert split_sentences(sentence) == [(0, len(sentence), False)]
