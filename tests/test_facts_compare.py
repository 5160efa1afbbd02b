"""Comparing the facts of two passages: every outcome, on the seeds' own sentence pairs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.facts import compare_facts
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths


@pytest.fixture(scope="module")
def seeds():
    return read_articles(seed_paths(), cache=False).articles


def passage(seeds, snippet: str) -> str:
    found = [s.text for a in seeds for s in a.sentences if snippet in s.text]
    assert len(found) == 1, (snippet, found)
    return found[0]


def numbers(left: str, right: str, **kwargs):
    found = [c for c in compare_facts(left, right, **kwargs) if c.kind == "number"]
    for c in found:
        if c.left_span:
            assert left[c.left_span[0] : c.left_span[1]] == c.left
        if c.right_span:
            assert right[c.right_span[0] : c.right_span[1]] == c.right
    return [(c.status, c.left, c.right, c.note) for c in found]


def test_range_against_a_figure_inside_it(seeds):
    left = passage(seeds, "etwa 10.000 bis 12.000 Soldaten")
    right = passage(seeds, "rund 11.000 Soldaten")
    assert numbers(left, right) == [
        ("differ", "etwa 10.000 bis 12.000", "rund 11.000", "11000 inside 10000-12000")
    ]


def test_more_than_against_up_to(seeds):
    left = passage(seeds, "mehr als 3000 Soldaten")
    right = passage(seeds, "Bis zu 15.000 nordkoreanische Soldaten")
    assert numbers(left, right) == [("differ", "mehr als 3000", "Bis zu 15.000", None)]


def test_more_than_against_a_range(seeds):
    left = passage(seeds, "etwa 10.000 bis 12.000 Soldaten")
    right = passage(seeds, "mehr als 3000 Soldaten")
    # both can be true: the note says so, the figures still differ
    assert numbers(left, right) == [
        ("differ", "etwa 10.000 bis 12.000", "mehr als 3000", "~10000-12000 fits >3000")
    ]


def test_the_additional_troops_stand_alone(seeds):
    left = passage(seeds, "etwa 10.000 bis 12.000 Soldaten")
    right = passage(seeds, "bereits 11.000 Mann entsandt")
    found = numbers(left, right)
    assert found[0] == ("differ", "etwa 10.000 bis 12.000", "11.000", "11000 inside 10000-12000")
    assert ("right-only", None, "4000", None) in found


def test_casualties_against_killed_is_a_different_measure(seeds):
    left = passage(seeds, "rund 4.000 Verluste, was sowohl")
    right = passage(seeds, "etwa 600 nordkoreanische Soldaten getötet")
    found = numbers(left, right)
    status, left_text, right_text, note = found[0]
    assert (status, left_text, right_text) == ("differ", "rund 4.000", "etwa 600")
    assert note is not None and note.startswith("different measure")
    assert "Verluste" in note


def test_same_casualty_figure_in_other_words(seeds):
    left = passage(seeds, "rund 4.000 Verluste, was sowohl")
    right = passage(seeds, "bislang rund 4.000 Verluste erlitten")
    assert numbers(left, right) == [("same", "rund 4.000", "rund 4.000", None)]
    sources = [c for c in compare_facts(left, right) if c.kind == "source"]
    # "südkoreanischen Informationen" / "südkoreanischer Militärquellen": one origin
    assert [(c.status, c.note) for c in sources] == [("same", "worded differently")]


def test_approximate_on_one_side_is_the_same_figure():
    assert numbers("rund 4.000 Verluste", "4000 Verluste") == [
        ("same", "rund 4.000", "4000", "approximate on one side")
    ]


def test_left_only_and_right_only():
    assert numbers("Putins erste Reise seit 24 Jahren.", "3000 Soldaten kamen.") == [
        ("left-only", "24", None, None),
        ("right-only", None, "3000", None),
    ]


def test_name_spelling_variant_is_the_same_entity(seeds):
    left = passage(seeds, "Wolodymyr Selenskyj hatte Nordkorea")
    right = passage(seeds, "Wolodimir Selenski hat am Dienstagabend")
    names = [c for c in compare_facts(left, right) if c.kind == "name"]
    assert ("same", "Wolodymyr Selenskyj", "Wolodimir Selenski", "spelling variant") in [
        (c.status, c.left, c.right, c.note) for c in names
    ]
    assert not any(c.status == "differ" for c in names)


def test_changed_quote_shows_the_changed_words():
    left = '"Wir sind weiterhin besorgt über die Beteiligung", schrieb ein Sprecher.'
    right = "„Wir sind sehr besorgt über die Beteiligung“, schrieb ein Sprecher."
    quotes = [c for c in compare_facts(left, right) if c.kind == "quote"]
    assert [(c.status, c.note) for c in quotes] == [("differ", "changed: weiterhin → sehr")]


def test_same_quote_in_other_marks_is_same():
    left = '"Das müssen wir noch herausfinden", sagt Austin.'
    right = "„Das müssen wir noch herausfinden“, sagte Austin am Montag."
    quotes = [c for c in compare_facts(left, right) if c.kind == "quote"]
    assert [c.status for c in quotes] == ["same"]


def test_same_claim_credited_to_different_sources():
    left = "Nordkorea hat laut Lee rund 11.000 Soldaten entsandt."
    right = "Nordkorea hat nach Angaben der Ukraine rund 11.000 Soldaten entsandt."
    found = {c.kind: c for c in compare_facts(left, right)}
    assert found["number"].status == "same"
    assert (found["source"].status, found["source"].left, found["source"].right) == (
        "differ",
        "Lee",
        "Ukraine",
    )


def test_relative_date_matches_absolute_one():
    dates = [
        c
        for c in compare_facts(
            "Nordkorea hat im vergangenen Oktober Soldaten entsandt.",
            "Nordkorea hat im Oktober 2024 Soldaten entsandt.",
            left_published="2025-06-05",
        )
        if c.kind == "date"
    ]
    assert [(c.status, c.left_value, c.right_value) for c in dates] == [
        ("same", "2024-10", "2024-10")
    ]


def test_english_figures():
    assert numbers("more than 3,000 troops", "up to 15,000 troops", language="en") == [
        ("differ", "more than 3,000", "up to 15,000", None)
    ]


def test_values_are_json_friendly(seeds):
    import json

    left = passage(seeds, "etwa 10.000 bis 12.000 Soldaten")
    right = passage(seeds, "rund 11.000 Soldaten")
    for c in compare_facts(left, right, left_published="2025-04-28", right_published=None):
        json.dumps([c.left_value, c.right_value, c.left_span, c.note])


def test_inflected_name_is_the_same_without_a_note():
    names = [c for c in compare_facts("Russland liefert.", "Russlands Armee.") if c.kind == "name"]
    assert [(c.status, c.note) for c in names] == [("same", None)]


def test_month_without_year_matches_the_resolved_month():
    dates = [
        c
        for c in compare_facts(
            "Im Juni besuchte Putin Nordkorea.",
            "Putin war im Juni in Nordkorea.",
            right_published="2024-11-06",
        )
        if c.kind == "date"
    ]
    assert [(c.status, c.note) for c in dates] == [("same", "year not given on one side")]


def test_day_of_a_dated_report_lies_within_a_month_without_year():
    # seeds 000 / 001: "am Samstag" (2025-04-26) was shown as differing from "Im April"
    dates = [
        c
        for c in compare_facts(
            "Russland hatte am Samstag den Einsatz bestätigt.",
            "Im April bestätigte Nordkorea den Einsatz.",
            left_published="2025-04-28",
        )
        if c.kind == "date"
    ]
    assert [(c.status, c.note) for c in dates] == [("same", "year not given on one side")]


def test_unresolved_relative_dates_compare_by_their_words():
    def status(left: str, right: str) -> list[str]:
        return [c.status for c in compare_facts(left, right) if c.kind == "date"]

    assert status("Er sprach am Dienstagabend.", "Er sprach am Dienstagabend.") == ["same"]
    assert status("Er sprach am Dienstagabend.", "Er sprach am Montag.") == ["differ"]


def test_a_relative_date_an_undated_report_shares_word_for_word_agrees(tmp_path):
    # one saved page carries its date, its copy does not: "last week" is the
    # same words, not a contradiction, so the sentence is identical, not "≠"
    from newsdiff.core.matching.align import align

    body = (
        "I performed a simple five-minute browsing test last week that included visits to "
        "various sites, but not Facebook.\n\nThe profiles include fairly unique patterns.\n"
    )
    (tmp_path / "dated.md").write_text("---\ntitle: Tracked\ndate: 2018-04-05\n---\n" + body)
    (tmp_path / "undated.md").write_text("---\ntitle: Tracked too\n---\n" + body)
    articles = read_articles([tmp_path / "dated.md", tmp_path / "undated.md"]).articles
    pairs = align(articles).pairs
    assert len(pairs) == 2
    assert [p.relation for p in pairs] == ["identical", "identical"]
    (week,) = [f for p in pairs for f in p.facts if f.kind == "date"]
    assert (week.status, week.note) == ("same", "same words, one report undated")


def test_a_relative_date_against_other_words_still_differs_when_one_report_is_undated():
    found = compare_facts(
        "The test ran last week.",
        "The test ran on Monday.",
        language="en",
        right_published="2018-04-05",
    )
    assert [c.status for c in found if c.kind == "date"] == ["differ"]


def test_the_same_relative_date_in_reports_of_two_days_says_which_days():
    # "today" in reports of 1 and 3 January is two days: the "≠ date: today vs
    # today" of an identical sentence needs its reason beside it
    text = "We are having to put up with a lot of stuff today."
    (today,) = compare_facts(
        text, text, language="en", left_published="2019-01-01", right_published="2019-01-03"
    )
    assert (today.status, today.note) == (
        "differ",
        "2019-01-01 vs 2019-01-03: the reports' own dates differ",
    )
    from newsdiff.core.views.notes import fact_note

    assert fact_note(today) == (
        "≠ date: today (left) vs today (right): 2019-01-01 vs 2019-01-03: "
        "the reports' own dates differ"
    )


def test_a_decade_is_a_date_two_reports_can_disagree_on():
    def facts(left: str, right: str) -> list[tuple[str, str, str | None, str | None]]:
        found = compare_facts(left, right, language="en")
        return [(c.kind, c.status, c.left, c.right) for c in found if c.kind != "name"]

    assert facts("He met her in the early 1990s.", "He met her in the 1980s.") == [
        ("date", "differ", "early 1990s", "1980s")
    ]
    assert facts("He met her in the early 1990s.", "He met her in the 1990s.") == [
        ("date", "same", "early 1990s", "1990s")
    ]


# a passage compared with itself agrees on every fact, and every span points at its words
_WORDS = [
    "Nordkorea", "schickte", "etwa", "10.000", "bis", "12.000", "Soldaten", "„Wir", "sind",
    "besorgt“,", "sagte", "Lee", "im", "vergangenen", "Oktober", "laut", "KCNA", "mehr", "als",
    "3000", "Mann", "tausende", "28.04.2025", "Selenskyj", "zufolge", "\"", "»", "(NIS)", ".",
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.sampled_from([None, "2025-06-01"]))
def test_a_passage_agrees_with_itself(words, published):
    text = " ".join(words)
    found = compare_facts(text, text, left_published=published, right_published=published)
    assert all(c.status == "same" for c in found), found
    for c in found:
        assert text[c.left_span[0] : c.left_span[1]] == c.left
        assert text[c.right_span[0] : c.right_span[1]] == c.right


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=120), st.text(max_size=120))
def test_any_text_compares_without_error_and_deterministically(left, right):
    first = compare_facts(left, right)
    assert first == compare_facts(left, right)
    for c in first:
        if c.left_span:
            assert left[c.left_span[0] : c.left_span[1]] == c.left
        if c.right_span:
            assert right[c.right_span[0] : c.right_span[1]] == c.right


def test_names_that_look_alike_but_differ_are_not_paired():
    found = [c for c in compare_facts("Nordkorea schickt Soldaten.", "Südkorea schickt Soldaten.")]
    assert [(c.status, c.left, c.right) for c in found] == [
        ("left-only", "Nordkorea", None),
        ("right-only", None, "Südkorea"),
    ]


def test_short_form_of_a_name():
    found = [
        c for c in compare_facts("Kim Jong Un reiste ab.", "Kim reiste ab.") if c.kind == "name"
    ]
    assert [(c.status, c.note) for c in found] == [("same", "short form")]


@pytest.mark.parametrize(
    "module",
    [
        "newsdiff.core.facts",
        "newsdiff.core.facts.numbers",
        "newsdiff.core.facts.dates",
        "newsdiff.core.facts.names",
        "newsdiff.core.facts.quotes",
        "newsdiff.core.facts.attributions",
        "newsdiff.core.facts.phrases",
        "newsdiff.core.facts.compare",
        "newsdiff.core.views.claims",
        "newsdiff.core.views.age_people",
        "newsdiff.core.views.claim_grid",
        "newsdiff.core.facts.durations",
        "newsdiff.core.facts.measures",
        "newsdiff.commands.facts",
    ],
)
def test_docstring_examples_hold(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


def test_two_ages_of_one_person_differ_and_the_note_says_age():
    from newsdiff.core.views.notes import fact_notes

    left = "The 37-year-old will appear in court on Monday."
    right = "The 38-year-old will appear in court on Monday."
    assert numbers(left, right, language="en") == [("differ", "37", "38", None)]
    notes = fact_notes(compare_facts(left, right, language="en"))
    assert notes == ["≠ age: 37 (left) vs 38 (right)"]


def test_one_age_written_two_ways_agrees():
    left = "The actor, 37, was arrested on Monday."
    right = "The 37-year-old actor was arrested on Monday."
    assert numbers(left, right, language="en") == [("same", "37", "37", None)]


def test_an_age_in_german_against_english_is_one_age():
    left = "Der 37-jährige Schauspieler wurde am Montag festgenommen."
    right = "The 37-year-old actor was arrested on Monday."
    found = compare_facts(left, right, language="de", right_language="en")
    assert [(c.status, c.left, c.right) for c in found if c.kind == "number"] == [
        ("same", "37", "37")
    ]


def test_two_people_s_ages_are_no_contradiction():
    left = "Klitschko, 36, retained his titles in Berne on Saturday."
    right = "The 40-year-old Thompson lost his title fight in Berne on Saturday."
    assert numbers(left, right, language="en") == [
        ("left-only", "36", None, None),
        ("right-only", None, "40", None),
    ]
    # one person's ages do meet: "≠ age 37 vs 38" needs no name on either side
    assert numbers("Smith, 37, was held.", "The 38-year-old was held.", language="en") == [
        ("differ", "37", "38", None)
    ]


def test_figures_written_with_a_decimal_point_or_swiss_groups_compare_by_value():
    # "3.5 Prozent" and "3.7 Prozent" were both 3: the pair showed as reworded only;
    # Swiss "10'000" was 10 against a German report's "10.000"
    assert numbers("Die Inflation lag bei 3.5 Prozent.", "Die Inflation lag bei 3.7 Prozent.")[0][
        :3
    ] == ("differ", "3.5", "3.7")
    assert numbers("Es kamen 10'000 Menschen.", "Es kamen 10.000 Menschen.")[0][:3] == (
        "same",
        "10'000",
        "10.000",
    )


def test_two_times_written_with_a_point_differ_as_dates():
    found = [
        (c.kind, c.status, c.left, c.right)
        for c in compare_facts("Um 13.30 Uhr kamen die Retter.", "Um 14.30 Uhr kamen die Retter.")
    ]
    assert found == [("date", "differ", "13.30 Uhr", "14.30 Uhr")]


def test_the_dead_told_by_a_verb_and_by_a_noun_are_one_claim_that_differs():
    found = numbers("Die Polizei meldete 14 Tote.", "Dabei kamen 12 Menschen ums Leben.")
    assert found[0][:3] == ("differ", "14", "12")


def test_two_people_who_share_a_first_name_are_two_sources():
    # "laut John Smith" and "laut John Brown" shared the word "John" and showed as the
    # same source, worded differently
    found = [
        (c.status, c.left, c.right)
        for c in compare_facts(
            "Laut John Smith kamen 3 Menschen.", "Laut John Brown kamen 3 Menschen."
        )
        if c.kind == "source"
    ]
    assert found == [("differ", "John Smith", "John Brown")]
    same = [
        c.status
        for c in compare_facts("Laut Präsident Putin kamen 3.", "Laut Wladimir Putin kamen 3.")
        if c.kind == "source"
    ]
    assert same == ["same"]


@pytest.mark.parametrize(
    ("left", "right", "language", "note"),
    [
        ("At least 10 people were killed.", "10 people were killed.", "en", "at least on one side"),
        (
            "Mindestens 10 Menschen wurden getötet.",
            "10 Menschen wurden getötet.",
            "de",
            "at least on one side",
        ),
        (
            "Bis zu 15 Menschen wurden getötet.",
            "15 Menschen wurden getötet.",
            "de",
            "at most on one side",
        ),
    ],
)
def test_a_bound_with_the_exact_figure_as_its_end_agrees(left, right, language, note):
    # "at least 10" and "10" killed are both true of one toll: this was "differ, 10 fits >=10"
    for a, b in ((left, right), (right, left)):
        ((status, _, _, found),) = numbers(a, b, language=language)
        assert (status, found) == ("same", note)


@pytest.mark.parametrize(
    ("left", "right", "note"),
    [
        ("Mehr als 10 Menschen wurden getötet.", "10 Menschen wurden getötet.", None),
        ("Mindestens 10 Menschen wurden getötet.", "12 Menschen wurden getötet.", "12 fits >=10"),
        ("bis zu 15.000 Soldaten", "mehr als 3000 Soldaten", None),
    ],
)
def test_a_bound_the_figure_passes_or_misses_still_differs(left, right, note):
    # "10" does not fit "mehr als 10" (the note said it did); another toll is a difference
    ((status, _, _, found),) = numbers(left, right)
    assert (status, found) == ("differ", note)
