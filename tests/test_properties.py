"""Properties that hold for any input: the reader, segmenter, similarity, aligner and
fact extractor never raise on arbitrary text, and their results keep their promises
(offsets point into the source, similarity is symmetric, alignment is deterministic
and pairs an article with its copy)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdiff.core.facts import compare_facts, extract_facts
from newsdiff.core.segment import split_sentences
from newsdiff.core.similarity import similarity

FAST = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# news-like text: words, numbers, punctuation and quotes in any order, plus any Unicode
_NEWS = (
    "Nordkorea Soldaten Russland Kursk 3000 10.000 am 3. Oktober Dr. z.B. „Wir“ sagte Kim "
    "- ... ! ? ; : ( ) [link] [/] \n \n\n 11.000 rund mehr als etwa 2025 Prof. US-Regierung "
    "Mio. € % 28.04.2025 »Zitat« 'x' The troops said on Monday ."
)
WORDS = st.sampled_from(_NEWS.split(" "))
NEWSLIKE = st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=60).map(" ".join)
TEXT = st.one_of(st.text(max_size=300), NEWSLIKE)


@FAST
@given(TEXT, st.sampled_from(["de", "en"]))
def test_sentence_spans_map_back_into_the_source(text, language):
    spans = split_sentences(text, language=language)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        previous_end = end
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())  # no word is lost


@FAST
@given(TEXT, st.sampled_from(["de", "en"]))
def test_facts_lie_inside_the_text(text, language):
    for fact in extract_facts(text, language=language, published="2025-04-28"):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text


@FAST
@given(TEXT, TEXT)
def test_fact_comparison_spans_point_into_each_side(left, right):
    for found in compare_facts(left, right):
        for span, text, words in (
            (found.left_span, left, found.left),
            (found.right_span, right, found.right),
        ):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(text)
                assert text[span[0] : span[1]] == words
    mirrored = compare_facts(right, left)
    assert sorted(f.status for f in mirrored) == sorted(
        {"left-only": "right-only", "right-only": "left-only"}.get(f.status, f.status)
        for f in compare_facts(left, right)
    )


@FAST
@given(TEXT, TEXT, st.sampled_from([None, "de", "en"]))
def test_similarity_is_a_symmetric_deterministic_score(a, b, language):
    score = similarity(a, b, language=language)
    assert 0.0 <= score <= 1.0
    assert score == similarity(a, b, language=language)
    assert abs(score - similarity(b, a, language=language)) < 1e-9


@FAST
@given(NEWSLIKE)
def test_a_passage_is_fully_similar_to_itself(text):
    if any(ch.isalnum() for ch in text):
        assert similarity(text, text) == 1.0
