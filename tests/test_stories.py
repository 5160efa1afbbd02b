"""Story detection: which reports tell one event (newsdiff.core.stories)."""

from __future__ import annotations

import doctest
import importlib
import random

import pytest

import mix
from newsdiff.core.model import Article, Sentence
from newsdiff.core.stories.detect import StoryOptions, detect_stories

needs_corpora = pytest.mark.skipif(not mix.available(), reason="../shared/corpora not present")


def _article(id_: str, *texts: str, date: str | None = None, language: str = "en") -> Article:
    sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
    return Article(id_, id_, " ".join(texts), texts[0], date, language, sentences, 9)


@pytest.mark.parametrize(
    "module",
    ["newsdiff.core.stories.detect", "newsdiff.core.stories.profile",
     "newsdiff.core.language.background", "newsdiff.commands.stories"],
)  # fmt: skip
def test_examples_in_docstrings(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0


def test_every_report_in_exactly_one_story_and_order_does_not_matter() -> None:
    articles = [
        _article("a", "Lindsay Lohan checks into Betty Ford Center for rehab."),
        _article("b", "Tara Reid checked into Promises Treatment Center in Malibu."),
        _article("c", "Lohan enters the Betty Ford clinic for a 90-day rehab stay."),
        _article("d", "A magnitude 4.6 earthquake shook Qeshm island on Sunday."),
        _article("e", "Tara Reid has entered Promises rehab center, her publicist said."),
    ]
    stories = detect_stories(articles)
    members = sorted(m for s in stories for m in s.members)
    assert members == ["a", "b", "c", "d", "e"]
    assert {s.members for s in stories} == {("a", "c"), ("b", "e"), ("d",)}
    shuffled = articles[:]
    random.Random(4).shuffle(shuffled)
    assert detect_stories(shuffled) == stories


def test_a_lone_report_is_a_story_of_one_with_its_date_range() -> None:
    x = _article("x", "Nordkorea schickt Soldaten nach Russland.", date="2024-11-06", language="de")
    y = _article(
        "y", "Nordkorea hat Soldaten nach Russland geschickt.", date="2025-04-28", language="de"
    )
    z = _article("z", "Das Wetter in Wien bleibt trüb.", date="2025-01-01", language="de")
    stories = detect_stories([x, y, z])
    first, lone = stories
    assert first.members == ("x", "y")
    assert (first.first_date, first.last_date) == ("2024-11-06", "2025-04-28")
    assert "Nordkorea" in first.label
    assert lone.alone and lone.members == ("z",)


def test_the_signal_seam_links_what_shares_no_word() -> None:
    de = _article("de", "Erdbeben erschüttert die Insel.", language="de")
    en = _article("en", "Earthquake rattles the island.")
    assert len(detect_stories([de, en])) == 2
    # the seam only scores candidates the words propose, so share one name
    de = _article("de", "Erdbeben erschüttert Qeshm.", language="de")
    en = _article("en", "Earthquake rattles Qeshm.")
    options = StoryOptions(signal=lambda a, b: 0.9)
    assert len(detect_stories([de, en], options=options)) == 1


@needs_corpora
def test_two_events_of_one_kind_are_two_stories() -> None:
    """ECB+ topics 1 (two rehab check-ins) and 14 (two supermarket fires), each alone.

    No story holds reports of both subtopics; a subtopic may come out in more
    than one story (recall, not precision, is what a few outliers cost).
    """
    for topic in ("1", "14"):
        articles = mix.ecb_articles([f"{topic}_ecb", f"{topic}_plus"])
        stories = detect_stories(articles)
        gold = mix.gold_stories(articles)
        assert all(len({gold[m] for m in s.members}) == 1 for s in stories)
        predicted = {m: s.members[0] for s in stories for m in s.members}
        precision, recall, f1 = mix.bcubed(predicted, gold)
        assert precision == 1.0 and f1 >= 0.8, (topic, precision, recall, f1)
        assert max(len(s.members) for s in stories) >= 10


@needs_corpora
def test_a_story_detected_alone_comes_back_unchanged() -> None:
    """What makes a story's alignment the same in any folder: detecting its members alone
    gives the story itself (here the stories of ECB+ topics 1 and 9, 9 being the topic whose
    subtopics are hardest to keep apart)."""
    articles = mix.ecb_articles(["1_ecb", "1_plus", "9_ecb", "9_plus"])
    by_id = {a.id: a for a in articles}
    for story in detect_stories(articles):
        alone = detect_stories([by_id[m] for m in story.members])
        assert [s.members for s in alone] == [story.members]
