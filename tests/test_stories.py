"""Story detection: which reports tell one event (newsdiff.core.stories)."""

from __future__ import annotations

import doctest
import importlib
import random
from collections.abc import Sequence

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
     "newsdiff.core.stories.candidates", "newsdiff.core.storage.checked",
     "newsdiff.core.stories.split", "newsdiff.core.stories.graph",
     "newsdiff.core.language.background",
     "newsdiff.commands.stories"],
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


def _quake(id_: str, date: str, title: str, *texts: str) -> Article:
    return _article(id_, title, *texts, date=date)


def _two_quakes() -> list[Article]:
    """Two quakes on one island five weeks apart, three short reports each: they share the
    kind's words (quake, magnitude, Qeshm, island, Iran) and differ in the magnitude, the
    weekday, the village and the toll."""
    first = [
        (
            "Quake of magnitude 4.4 shakes Qeshm island",
            "A magnitude 4.4 earthquake struck Qeshm island off southern Iran on Sunday, "
            "damaging houses in Dargahan.",
            "Five people were hurt, the Red Crescent said.",
        ),
        (
            "Earthquake hits Qeshm, five injured",
            "An earthquake measuring 4.4 hit the island of Qeshm in the Gulf on Sunday.",
            "Houses in the town of Dargahan were damaged and five people were injured.",
        ),
        (
            "Five hurt as 4.4 quake jolts Iranian island",
            "Iranian state television said a 4.4 quake jolted Qeshm on Sunday afternoon.",
            "The tremor damaged buildings around Dargahan; five people were taken to hospital.",
        ),
    ]
    second = [
        ("Magnitude 4.6 earthquake rocks Qeshm island",
         "A 4.6 magnitude earthquake rocked Qeshm island in southern Iran on Thursday, "
         "cracking walls in Tabl.", "No one was killed, local officials said."),
        ("Quake hits Iran's Qeshm island again",
         "An earthquake of magnitude 4.6 struck Qeshm island on Thursday, the second in days.",
         "Walls cracked in the village of Tabl, officials said; nobody died."),
        ("Qeshm shaken by 4.6 tremor",
         "A tremor measuring 4.6 shook Qeshm island off Iran on Thursday morning.",
         "Villagers in Tabl fled their homes as walls cracked; no deaths were reported."),
    ]  # fmt: skip
    return [_quake(f"a{k}", "2025-03-02", *t) for k, t in enumerate(first)] + [
        _quake(f"b{k}", "2025-04-10", *t) for k, t in enumerate(second)
    ]


def test_two_quakes_on_one_island_on_different_days_are_two_stories() -> None:
    """A folder too small for the split's usual evidence (six reports) still comes apart
    when each side's words are as sure as six reports allow, in any order."""
    articles = _two_quakes()
    stories = detect_stories(articles)
    assert sorted(s.members for s in stories) == [("a0", "a1", "a2"), ("b0", "b1", "b2")]
    assert {s.first_date for s in stories} == {"2025-03-02", "2025-04-10"}
    shuffled = articles[::-1]
    assert detect_stories(shuffled) == stories


def test_one_quake_told_by_six_outlets_stays_one_story() -> None:
    """The small-group rule needs two sides with words of their own: six tellings of the
    first quake, each in its own words, are one story."""
    first = _two_quakes()[:3]
    more = [
        _quake("a3", "2025-03-02", "Qeshm quake: houses damaged in Dargahan",
               "Sunday's 4.4 earthquake damaged houses in Dargahan on Qeshm island.",
               "Five people were hurt."),
        _quake("a4", "2025-03-02", "Iran: 4.4 tremor on Qeshm",
               "A 4.4 tremor hit Qeshm island in the Gulf on Sunday, Iranian media said.",
               "Buildings in Dargahan were damaged; five were injured."),
        _quake("a5", "2025-03-03", "Five injured in Qeshm earthquake",
               "Five people were injured when a magnitude 4.4 earthquake struck Qeshm on Sunday.",
               "The Red Crescent sent tents to Dargahan."),
    ]  # fmt: skip
    (story,) = detect_stories(first + more)
    assert len(story.members) == 6


def test_two_drunk_driving_arrests_of_two_players_are_two_stories() -> None:
    """Two football players arrested for drunk driving, three reports each, weeks apart."""
    arrests = [
        (f"m{k}", "2025-01-12", title, lead)
        for k, (title, lead) in enumerate([
            ("Vikings receiver Jalen Marsh arrested for drunk driving",
             "Minnesota receiver Jalen Marsh was arrested on suspicion of drunk driving "
             "in Eden Prairie early Saturday, police said."),
            ("Marsh held on DUI charge in Eden Prairie",
             "Police in Eden Prairie arrested Vikings wide receiver Jalen Marsh on a DUI "
             "charge on Saturday; his blood alcohol was 0.12."),
            ("Vikings' Marsh arrested, team 'aware of the situation'",
             "The Vikings said they were aware that Jalen Marsh had been arrested for "
             "drunk driving in Eden Prairie on Saturday."),
        ])
    ] + [
        (f"o{k}", "2025-02-20", title, lead)
        for k, (title, lead) in enumerate([
            ("Broncos linebacker Darius Okafor arrested for drunk driving",
             "Denver linebacker Darius Okafor was arrested on suspicion of drunk driving "
             "in Aurora on Wednesday night, police said."),
            ("Okafor held on DUI charge in Aurora",
             "Police in Aurora arrested Broncos linebacker Darius Okafor on a DUI charge "
             "on Wednesday; he was released on bond."),
            ("Broncos' Okafor arrested, team 'gathering information'",
             "The Broncos said they were gathering information after Darius Okafor was "
             "arrested for drunk driving in Aurora on Wednesday."),
        ])
    ]  # fmt: skip
    articles = [_article(i, title, lead, date=date) for i, date, title, lead in arrests]
    stories = detect_stories(articles)
    assert sorted(s.members for s in stories) == [("m0", "m1", "m2"), ("o0", "o1", "o2")]


@needs_corpora
def test_two_events_of_one_kind_are_two_stories() -> None:
    """ECB+ topics 1 (two rehab check-ins), 7 (two title defences of one boxer, against Rahman
    and against Thompson), 14 (two supermarket fires) and 21 (two hit-and-runs), each alone.

    No story holds reports of both subtopics; a subtopic may come out in more
    than one story (recall, not precision, is what a few outliers cost).
    """
    for topic in ("1", "7", "14", "21"):
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


@needs_corpora
def test_a_report_a_cut_left_alone_goes_with_the_story_its_links_are_in() -> None:
    """ECB+ topics 1, 16 and 19, each subtopic alone and all six together: the same stories.

    Together, a cut inside a cut left 1_8ecb (Tara Reid's rehab check-in, put with the
    Lohan reports by the first cut), 16_4ecbplus and 19_4ecb each a story of one beside the
    story all their links are in; "nothing related here" was wrong for them.
    """
    subtopics = [f"{t}_{s}" for t in ("1", "16", "19") for s in ("ecb", "plus")]
    together = {
        m: s.members for s in detect_stories(mix.ecb_articles(subtopics)) for m in s.members
    }
    assert "1_4ecb" in together["1_8ecb"]
    for subtopic in subtopics:
        articles = mix.ecb_articles([subtopic])
        mine = {a.id for a in articles}
        for story in detect_stories(articles):
            for member in story.members:
                assert set(together[member]) & mine == set(story.members), (subtopic, member)


@needs_corpora
def test_ecb_stories_are_the_same_alone_and_among_the_gnad_articles() -> None:
    """A report's story does not depend on unrelated files: ECB+ topics 7, 12 and 20 (the
    one whose subtopics, two quakes on one island, are hardest to tell) and the seeds, alone
    and among 300 gnad articles (all 1,028 with all 20 topics: bench_stories.py, which prints
    how many stories change; profiling the gnad articles is most of this test's time)."""
    labelled = mix.ecb_articles(["7_ecb", "7_plus", "12_ecb", "12_plus", "20_ecb", "20_plus"])
    labelled += mix.seed_articles()
    alone = {s.members for s in detect_stories(labelled)}
    ids = {a.id for a in labelled}
    among = detect_stories(mix.gnad_articles(300) + labelled)
    assert {s.members for s in among if ids & set(s.members)} == alone


def _wire(text: str, copy: int) -> str:
    """A wire copy: the agency text with the outlet's own closing line."""
    return f"{text} Outlet {copy} reported this on its sports page."


def _event(prefix: str, tellings: Sequence[tuple[str, str]], copies: int) -> list[Article]:
    return [
        _article(f"{prefix}{t}-{k:02d}", title, _wire(lead, k))
        for t, (title, lead) in enumerate(tellings)
        for k in range(copies)
    ]


def test_two_events_of_hundreds_of_wire_copies_each_are_two_stories() -> None:
    """Groups far larger than a cubic split could take (240 reports: each event told four
    ways, each telling run by 30 outlets) are still cut in two events; a story of copies is
    not cut by the copies' own closing lines."""
    rahman = [
        (f"Klitschko stops Hasim Rahman in Mannheim. {detail}", "Klitschko keeps his titles.")
        for detail in (
            "The crowd of 40,000 cheered as the challenger sagged against the ropes.",
            "His trainer said the jab had decided the fight from the opening bell.",
            "The referee waved it off after a left hook and a straight right.",
            "Promoters expect a rematch to draw even more viewers next spring.",
        )
    ]
    thompson = [
        (f"Klitschko stops Tony Thompson in Bern. {detail}", "Klitschko keeps his titles.")
        for detail in (
            "Swiss fans filled the stadium despite heavy rain over the city.",
            "The American had trained for months in the mountains of Colorado.",
            "A cut above the eye forced the doctor to stop the bout.",
            "Television ratings in Germany reached a record for a summer night.",
        )
    ]
    articles = _event("r", rahman, 30) + _event("t", thompson, 30)
    stories = detect_stories(articles)
    assert sorted({m[0] for m in s.members} for s in stories) == [{"r"}, {"t"}]
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    assert detect_stories(shuffled) == stories
    (one,) = detect_stories(articles[:120])
    assert len(one.members) == 120


def test_a_label_names_no_written_word_twice() -> None:
    """A hyphenated name is two lemmas with one written form: it names the story once."""
    x = _article(
        "x", "Innenministerin Mikl-Leitner will den Grenzzaun in Spielfeld.", language="de"
    )
    y = _article("y", "Mikl-Leitner verteidigt den Grenzzaun bei Spielfeld.", language="de")
    (story,) = detect_stories([x, y])
    words = story.label.split(" · ")
    assert "Mikl-Leitner" in words and len(words) == len(set(words))


def test_a_label_never_shows_the_letters_of_a_figure_alone() -> None:
    """ "76ers" reads as "76" and "ers": the story is no more named "coach · ers"."""
    x = _article("x", "The Philadelphia 76ers fired coach Maurice Cheeks.", "The 76ers lost.")
    y = _article("y", "Maurice Cheeks is out as Philadelphia 76ers coach.", "The 76ers won.")
    for story in (detect_stories([x, y])[0], detect_stories([x])[0]):
        words = story.label.split(" · ")
        assert "ers" not in words and any("Cheeks" in w for w in words)


def test_a_label_writes_a_lower_case_word_as_the_reports_do() -> None:
    """A word no report capitalises is shown as written, never as its lemma ("injure")."""
    x = _article(
        "x", "A quake on Qeshm left dozens injured.", "Rescuers reached injured villagers."
    )
    y = _article("y", "Dozens injured as quake strikes Qeshm.", "Many were injured on Qeshm.")
    for story in (detect_stories([x, y])[0], detect_stories([x])[0]):
        words = story.label.split(" · ")
        assert "injured" in words and "injure" not in words
