"""Highlighted passages: which words and facts get which style, text kept literal."""

from __future__ import annotations

from newsdiff.app.widgets.passage_text import MAX_SPANS, passage_content, relation_mark
from newsdiff.core.model import FactComparison, Pair, Sentence, SentenceRef, WordChange
from newsdiff.core.views.rows import flip_pair

STYLES = {
    kind: kind
    for kind in ("changed", "fact-same", "fact-differ", "fact-one-sided", "heading", "position")
}
LEFT = "Laut Seoul wurden 4000 Soldaten verletzt, sagte Lee."
RIGHT = "Seoul meldet rund 4700 verletzte Soldaten."


def styled(content) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for span in content.spans:
        out.setdefault(span.style, set()).add(content.plain[span.start : span.end])
    return out


def span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return (start, start + len(word))


PAIR = Pair(
    SentenceRef("a", 0),
    SentenceRef("b", 0),
    0.7,
    "facts-differ",
    (
        WordChange("delete", *span(LEFT, "Laut"), 0, 0),
        WordChange("equal", *span(LEFT, "Seoul"), *span(RIGHT, "Seoul")),
        WordChange("replace", *span(LEFT, "wurden"), *span(RIGHT, "meldet rund")),
        WordChange("insert", 0, 0, *span(RIGHT, "verletzte")),
    ),
    (
        FactComparison(
            "name", "same", "Seoul", "Seoul", None, None, span(LEFT, "Seoul"), span(RIGHT, "Seoul")
        ),
        FactComparison(
            "number", "differ", "4000", "4700", 4000, 4700, span(LEFT, "4000"), span(RIGHT, "4700")
        ),
        FactComparison("source", "left-only", "Lee", None, None, None, span(LEFT, "Lee"), None),
    ),
)


def test_left_side_marks_its_removed_words_and_its_facts():
    got = styled(passage_content(Sentence(0, LEFT, 0, len(LEFT)), PAIR, side="left", styles=STYLES))
    assert got["changed"] == {"Laut", "wurden"}
    assert got["fact-same"] == {"Seoul"}
    assert got["fact-differ"] == {"4000"}
    assert got["fact-one-sided"] == {"Lee"}


def test_right_side_marks_its_added_words_and_its_facts():
    sentence = Sentence(0, RIGHT, 0, len(RIGHT))
    got = styled(passage_content(sentence, PAIR, side="right", styles=STYLES))
    assert got["changed"] == {"meldet rund", "verletzte"}
    assert got["fact-differ"] == {"4700"}
    assert "fact-one-sided" not in got  # Lee is the left report's alone


def test_a_flipped_pair_highlights_the_same_words():
    sentence = Sentence(0, RIGHT, 0, len(RIGHT))
    right = styled(passage_content(sentence, PAIR, side="right", styles=STYLES))
    flipped = styled(passage_content(sentence, flip_pair(PAIR), side="left", styles=STYLES))
    assert right == flipped


def test_markup_and_escape_sequences_stay_literal():
    text = "[bold]Achtung[/bold] \x1b[31mrot\x1b[0m"
    content = passage_content(Sentence(0, text, 0, len(text)), None, styles=STYLES)
    assert content.plain == "[bold]Achtung[/bold] ␛[31mrot␛[0m"
    assert len(content.plain) == len(text)  # offsets from the core still line up
    assert not content.spans


def test_headings_are_styled_as_headings():
    heading = Sentence(0, "Nordkorea bestätigt", 0, 19, kind="heading")
    assert styled(passage_content(heading, None, styles=STYLES)) == {
        "heading": {"Nordkorea bestätigt"}
    }


def test_spans_outside_the_text_are_ignored():
    bad = Pair(
        SentenceRef("a", 0),
        SentenceRef("b", 0),
        0.5,
        "reworded",
        (WordChange("replace", 5, 999, 0, 3),),
    )
    content = passage_content(Sentence(0, "kurz", 0, 4), bad, styles=STYLES)
    assert not content.spans


def test_very_many_spans_fall_back_to_plain_text():
    # changed words each between two unchanged ones, so no two runs merge
    text = "x y " * (MAX_SPANS + 10)
    changes = tuple(WordChange("delete", i * 4, i * 4 + 1, 0, 0) for i in range(MAX_SPANS + 10))
    pair = Pair(SentenceRef("a", 0), SentenceRef("b", 0), 0.5, "reworded", changes)
    content = passage_content(Sentence(0, text, 0, len(text)), pair, styles=STYLES)
    assert not content.spans


def test_gutter_marks_tell_the_relation_without_colour():
    marks = {
        relation_mark(Pair(PAIR.left, PAIR.right, 1, rel))
        for rel in ("identical", "reworded", "facts-differ")
    }
    assert marks == {"≡", "≈", "≠"}
