"""Passages of text without sentence punctuation (transcripts, captions, pasted posts)."""

from __future__ import annotations

import re
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.language.passages import MAX_WORDS, PIECE_WORDS, split_passages
from newsdiff.core.language.segment import split_sentences
from newsdiff.core.matching.align import align
from newsdiff.core.model import Article
from newsdiff.core.reading.article import build_article, fold_spaces
from newsdiff.core.reading.blocks import parse_text
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths

SEED = next(p for p in seed_paths() if p.name.startswith("000_"))
# The longest sentence of ECB+ tune (2_11ecbplus, 75 words): real news prose stays whole.
LONG_SENTENCE = (
    "Over the past few years, AMPAS has gone to great lengths to pick a host who'd make some "
    "noise: Whether it was the pairing of James Franco and Anne Hathaway in 2011, the aborted "
    "choice of Eddie Murphy as host for the 2012 Oscars, or Seth MacFarlane's pick last year, "
    "the Academy has seemed hell-bent on finding a host who could attract younger viewers, "
    "even at the risk of alienating its older, more traditional audience."
)


def _transcript(text: str) -> str:
    """The report as automatic captions give it: no full stops, all on one line."""
    return re.sub(r"\s+", " ", re.sub(r"[.!?]", "", text))


@pytest.fixture(scope="module")
def original_and_transcript(tmp_path_factory: pytest.TempPathFactory) -> tuple[Article, ...]:
    folder = tmp_path_factory.mktemp("transcript")
    text = SEED.read_text(encoding="utf-8")
    (folder / "original.txt").write_text(text, encoding="utf-8")
    (folder / "transcript.txt").write_text(_transcript(text), encoding="utf-8")
    return read_articles([folder / "original.txt", folder / "transcript.txt"]).articles


def test_an_unpunctuated_report_pairs_with_its_original(
    original_and_transcript: tuple[Article, ...],
) -> None:
    original, transcript = original_and_transcript
    pairs = [p for p in align(original_and_transcript).pairs if p.left.article != p.right.article]
    told = {
        (original.sentences[p.left.sentence].text, transcript.sentences[p.right.sentence].text)
        for p in pairs
        if p.left.article == original.id
    } | {
        (original.sentences[p.right.sentence].text, transcript.sentences[p.left.sentence].text)
        for p in pairs
        if p.right.article == original.id
    }
    assert len(told) >= 15  # one passage of 390 words paired with nothing before
    troops = "Nach Angaben von Geheimdienstmitarbeitern aus den USA, Südkorea und der Ukraine"
    assert any(left.startswith(troops) and right.startswith(troops) for left, right in told)
    assert any(
        left.startswith("Die Beteiligung der Soldaten") and right.startswith(left[:-1])
        for left, right in told
    )


def test_transcript_passages_point_at_their_text(
    original_and_transcript: tuple[Article, ...],
) -> None:
    transcript = original_and_transcript[1]
    assert len(transcript.sentences) > 10
    for passage in transcript.sentences:
        assert passage.text == fold_spaces(transcript.text[passage.start : passage.end])
        assert len(passage.text.split()) <= PIECE_WORDS


def test_real_sentences_stay_whole() -> None:
    assert len(LONG_SENTENCE.split()) == 75
    assert split_passages(LONG_SENTENCE, language="en") == ((0, len(LONG_SENTENCE)),)
    for path in seed_paths():
        # each paragraph, as reading splits it (seed 002's table rows are lines of no sentence)
        for block in parse_text(path.read_text(encoding="utf-8")).blocks:
            if block.kind == "paragraph":
                assert split_passages(block.text) == split_sentences(block.text), path.name


def test_cuts_prefer_soft_boundaries() -> None:
    text = " ".join(["eins zwei drei vier fünf sechs"] * 8) + "; und dann " + "wort " * 40
    spans = split_passages(text, max_words=20, piece_words=20)
    pieces = [text[start:end] for start, end in spans]
    # a cut at the semicolon, not in the middle of the 90 words (word 45)
    assert any(piece.endswith("sechs;") for piece in pieces)
    assert any(piece.startswith("und dann") for piece in pieces)
    assert all(len(piece.split()) <= 20 for piece in pieces)
    # a line break its writer chose (the next word would have fit) beats a comma
    lines = "a b c d e f, g h i j k\nL m n o p q r s t u v w x y"
    assert [lines[s:e] for s, e in split_passages(lines, max_words=10, piece_words=20)] == [
        "a b c d e f, g h i j k",
        "L m n o p q r s t u v w x y",
    ]


def test_a_capitalised_function_word_opens_a_passage() -> None:
    text = (
        "die Soldaten kämpften in der Region Kursk gegen die ukrainischen Einheiten "
        "Sie wurden schließlich zum Rückzug gezwungen und verloren viele Männer"
    )
    pieces = [text[s:e] for s, e in split_passages(text, max_words=15, piece_words=15)]
    assert pieces[1].startswith("Sie wurden")
    # captions wrap where the line is full, not where a sentence ends
    wrapped = "\n".join(textwrap.wrap(text, 64))
    assert "ukrainischen\nEinheiten Sie" in wrapped
    pieces = [wrapped[s:e] for s, e in split_passages(wrapped, max_words=15, piece_words=15)]
    assert pieces[1].startswith("Sie wurden")


def test_wrapped_captions_pair_with_the_sentences_they_came_from(
    original_and_transcript: tuple[Article, ...], tmp_path: Path
) -> None:
    original = original_and_transcript[0]
    captions = "\n".join(textwrap.wrap(_transcript(SEED.read_text(encoding="utf-8")), 42))
    (tmp_path / "captions.txt").write_text(captions + "\n", encoding="utf-8")
    (wrapped,) = read_articles([tmp_path / "captions.txt"]).articles
    alignment = align((original, wrapped))
    told = {
        original.sentences[p.left.sentence].text: wrapped.sentences[p.right.sentence].text
        for p in alignment.pairs
        if p.left.article == original.id and p.right.article == wrapped.id
    } | {
        original.sentences[p.right.sentence].text: wrapped.sentences[p.left.sentence].text
        for p in alignment.pairs
        if p.right.article == original.id and p.left.article == wrapped.id
    }
    # the passage starts where the sentence does, not at the wrap before it
    sentence = next(s for s in told if s.startswith("Dies meldete die staatliche"))
    assert told[sentence].startswith("Dies meldete die staatliche")


@pytest.mark.parametrize(
    "text", ["wort " * 40_000, "x" * 200_000, "Die " * 40_000, ", " * 50_000 + "a b"]
)
def test_long_lines_take_little_time(text: str) -> None:
    began = time.perf_counter()
    spans = split_passages(text)
    assert time.perf_counter() - began < 3.0
    words = len(text.split())
    assert sum(len(text[s:e].split()) for s, e in spans) == words


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("aZ3 ßÄ.,;:–-\n\t")), max_size=400),
    st.sampled_from(["de", "en"]),
    st.integers(min_value=8, max_value=MAX_WORDS),
)
def test_passages_are_word_spans_covering_the_text(text: str, language: str, limit: int) -> None:
    spans = split_passages(text, language=language, max_words=limit, piece_words=limit)
    assert spans == split_passages(text, language=language, max_words=limit, piece_words=limit)
    previous_end = 0
    covered: set[int] = set()
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        # never inside a word: whitespace or the text's edge on both sides
        assert start == 0 or text[start - 1].isspace() or start == previous_end
        assert end == len(text) or text[end].isspace() or text[end - 1] in ".;:"
        assert len(text[start:end].split()) <= limit
        covered.update(range(start, end))
        previous_end = end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_an_article_of_one_unpunctuated_line_has_a_short_title() -> None:
    text = _transcript(SEED.read_text(encoding="utf-8"))
    article = build_article(text, id="captions")
    assert len(article.title.split()) <= PIECE_WORDS


def _rewrapped(text: str, width: int, *, hyphens: bool = False) -> str:
    """``text`` hard-wrapped at ``width`` columns inside its paragraphs, as e-mail is."""
    between = "\n\n" if "\n\n" in text else "\n"
    paragraphs = text.split(between)
    wrap = [textwrap.wrap(p, width, break_on_hyphens=hyphens) for p in paragraphs]
    return between.join("\n".join(lines) for lines in wrap)


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_a_seed_hard_wrapped_at_70_columns_has_the_same_passages(path: Path) -> None:
    # wrapped inside its paragraphs, a report lost its title and subheadings (a heading
    # too long for a line became a sentence, one above a paragraph joined it): 130 of
    # the seeds' 143 passages were the same, now all are
    text = path.read_text(encoding="utf-8")
    original = build_article(text, id="a")
    wrapped = build_article(_rewrapped(text, 70), id="a")
    assert [(s.kind, s.text) for s in wrapped.sentences] == [
        (s.kind, s.text) for s in original.sentences
    ]
    assert (wrapped.title, wrapped.date) == (original.title, original.date)


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_a_seed_wrapped_at_its_hyphens_has_the_same_passages(path: Path) -> None:
    # textwrap also breaks after a compound's hyphen: "US-" / "Regierung" read as
    # "US- Regierung", 140 of the seeds' 143 passages were the same, now all are
    text = path.read_text(encoding="utf-8")
    original = build_article(text, id="a")
    wrapped = build_article(_rewrapped(text, 70, hyphens=True), id="a")
    assert [(s.kind, s.text) for s in wrapped.sentences] == [
        (s.kind, s.text) for s in original.sentences
    ]
    assert (wrapped.title, wrapped.date) == (original.title, original.date)


def test_a_word_wrapped_at_a_hyphen_is_one_word_at_its_offsets() -> None:
    lines = [
        "Nach Angaben der neuen US-",
        "Regierung beginnt die Truppen-",
        "entsendung. Ein 29-",
        "jähriger Soldat aus Nord- und Süd-",
        "korea nennt sie so-called.",
        "Er lobt nun die deutsch-",
        "russische Lage, ein Trup-",
        "penteil für das Nord-",
        "und Südkorea.",
    ]
    text = "Kursk\n\n" + "\n".join(lines)
    article = build_article(text, id="k")
    assert [s.text for s in article.sentences] == [
        "Kursk",
        "Nach Angaben der neuen US-Regierung beginnt die Truppenentsendung.",
        # the hyphen stays before a small letter unless the joined word is known
        "Ein 29-jähriger Soldat aus Nord- und Südkorea nennt sie so-called.",
        "Er lobt nun die deutsch-russische Lage, ein Truppenteil für das Nord- und Südkorea.",
    ]
    # each passage's span is still the text it was read from, hyphen and line break
    spans = [text[s.start : s.end] for s in article.sentences]
    assert spans[1] == "\n".join(lines[:3])[: len(spans[1])]
    assert spans[1].endswith("Truppen-\nentsendung.")
    assert spans[3].endswith("Trup-\npenteil für das Nord-\nund Südkorea.")


def test_a_cut_in_hard_wrapped_text_ignores_where_the_width_wrapped() -> None:
    # a line break outranked a comma: in text wrapped at 70 columns every tenth gap is
    # one, and the cut fell there, mid-clause, wherever the width ran out
    line = _transcript(SEED.read_text(encoding="utf-8"))
    wrapped = "\n".join(textwrap.wrap(line, 70, break_on_hyphens=False))
    assert [fold_spaces(wrapped[s:e]) for s, e in split_passages(wrapped)] == [
        line[s:e] for s, e in split_passages(line)
    ]


def test_a_list_of_short_lines_is_a_passage_a_line() -> None:
    # under 90 words, the lines of a list (a paragraph to Markdown) were one passage
    items = ["Die Lage in Kursk", "Truppen aus Nordkorea", "Verluste auf beiden Seiten", "Seoul"]
    text = "\n".join(items)
    assert [text[s:e] for s, e in split_passages(text)] == items
    for markdown in (False, True):
        report = f"Kursk\n\nEs wird gekämpft.\n\n{text}\n"
        article = build_article(report, id="k", markdown=markdown)
        assert [s.text for s in article.sentences][-4:] == items


def test_an_unpunctuated_caption_block_under_90_words_is_cut() -> None:
    # automatic captions: no punctuation at all, wrapped at 42 columns
    words = re.sub(r"[.!?:;,]", "", SEED.read_text(encoding="utf-8")).split()[:70]
    captions = "\n".join(textwrap.wrap(" ".join(words), 42))
    spans = split_passages(captions)
    assert len(spans) >= 3  # one passage of 70 words before
    assert all(len(captions[s:e].split()) <= PIECE_WORDS for s, e in spans)
    assert sum(len(captions[s:e].split()) for s, e in spans) == 70
    # a sentence that ends stays whole, however many lines it takes
    prose = "\n".join(textwrap.wrap(LONG_SENTENCE, 42))
    assert split_passages(prose, language="en") == ((0, len(prose)),)


# what writers put between sections or leave behind: no letter or digit, nothing to pair
_SEPARATORS = ("***", "]", "...", "—", "* * *", "“”", "!!!")


@pytest.mark.parametrize("markdown", [False, True], ids=["text", "markdown"])
def test_a_separator_line_is_no_passage(markdown: bool) -> None:
    # "***", "]", "—" stood as passages ("N passages" counted them; nothing paired on them)
    text = SEED.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    mixed = ["***"]  # even before the title
    for number, paragraph in enumerate(paragraphs):
        mixed += [paragraph, _SEPARATORS[number % len(_SEPARATORS)]]
    changed = "\n\n".join(mixed)
    original = build_article(text, id="a", markdown=markdown)
    separated = build_article(changed, id="a", markdown=markdown)
    assert [(s.kind, s.text) for s in separated.sentences] == [
        (s.kind, s.text) for s in original.sentences
    ]
    assert (separated.title, separated.date) == (original.title, original.date)
    assert all(fold_spaces(changed[s.start : s.end]) == s.text for s in separated.sentences)
    assert separated.text == changed  # the separators stay in the article's text


def test_a_stray_closing_quote_is_no_passage() -> None:
    # ECB+ tune: 'we will see them in court. "' left a passage of one '"' (35 such)
    said = "We will look at the final language when it is published tomorrow, but I think"
    text = f'Lawsuit planned\n\n"{said} we will see them in court. "\n\nDefenders spoke.'
    article = build_article(text, id="q", markdown=False)
    assert [s.text for s in article.sentences] == [
        "Lawsuit planned",
        f'"{said} we will see them in court.',
        "Defenders spoke.",
    ]
