"""Dates: absolute ones normalised, relative ones resolved against the publication date."""

from __future__ import annotations

import pytest

from newsdiff.core.facts import extract_facts
from newsdiff.core.facts.dates import extract_dates, parse_published


def values(text: str, published: str | None = None, language: str = "de") -> list[object]:
    facts = extract_dates(text, language=language, published=published)
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return [fact.value for fact in facts]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Stand: 28.04.2025 03:32 Uhr", None, ["2025-04-28T03:32"]),
        ("Stand: 28.04.2025, 13.30 Uhr", None, ["2025-04-28T13:30"]),  # a point, as Austria
        ("Am 3. Okt. 2024 kam er an.", None, ["2024-10-03"]),
        ("Am 12. Dez. reiste er ab.", "2024-12-20", ["2024-12-12"]),
        ("Die Sitzung begann um 20.15 Uhr.", None, ["T20:15"]),
        (
            "nachdem Nordkorea im vergangenen Oktober 11.000 Mann entsandt habe",
            "2025-06",
            ["2024-10"],
        ),
        ("im vergangenen Oktober", "2024-11-06", ["2024-10"]),
        ("Im Juni besuchte Putin Pjöngjang", "2024-10", ["2024-06"]),
        ("bis Dezember insgesamt 10.000 Soldaten", "2024-10", ["2024-12"]),
        ("im August 2024 dort eine Offensive", None, ["2024-08"]),
        (
            "Die New York Times hatte am Dienstagabend berichtet",
            "2024-11-06T12:01",
            ["2024-11-05 evening"],
        ),
        ("im vergangenen Jahr", "2025-04-28", ["2024"]),
        ("Zu Beginn des Jahres 2025 berichtet der ZDF", None, ["2025"]),
        ("im vergangenen Herbst", "2025-04-28", ["2024-autumn"]),
        ("im „Juli oder August“ erfolgen", "2025-06", ["2025-07", "2025-08"]),
    ],
)
def test_german_dates(text, published, expected):
    assert values(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Tuesday evening", ["2025-06-10 evening"]),
        ("last October", ["2024-10"]),
        ("by December", ["2025-12"]),
        ("on April 28, 2025", ["2025-04-28"]),
        ("last year", ["2024"]),
        ("in June 2024", ["2024-06"]),
        # the wires shorten a month beside a day (AP style): these were no dates, and
        # "Nov", "Dec" were names, "27" a figure
        ("The quake struck on Nov. 27, 2005.", ["2005-11-27"]),
        ("It happened Sept. 12.", ["2025-09-12"]),
        ("Trading resumes Sep 10, 2010.", ["2010-09-10"]),
        ("the Dec. 6 killing", ["2025-12-06"]),
    ],
)
def test_english_dates(text, expected):
    assert values(text, "2025-06-11", "en") == expected


def test_relative_dates_stay_as_written_without_a_publication_date():
    assert values("im vergangenen Oktober") == ["im vergangenen Oktober"]
    assert values("am Dienstagabend") == ["am Dienstagabend"]
    assert values("im Juni") == ["XXXX-06"]


def test_bis_is_kept_as_a_qualifier():
    (fact,) = extract_dates("bis Dezember", published="2024-10")
    assert fact.qualifier == "by"


@pytest.mark.parametrize(
    "text",
    [
        "2000 Soldaten wurden entsandt",
        "Kaiser August der Starke",
        "troops may march",
        "Mann",
        "Jan 5 goals",  # "Jan" is a name as often: a short month needs its point
    ],
)
def test_not_dates(text):
    assert values(text, "2025-01-01") == []


def test_parse_published():
    assert parse_published("2024-11-06T12:01") == (2024, 11, 6)
    assert parse_published(None) == (None, None, None)


@pytest.mark.parametrize(
    ("text", "language", "written", "qualifier"),
    [
        ("Im Jahr 2003 kamen 5 Menschen ums Leben.", "de", "Im Jahr 2003", None),
        ("Seit dem Jahr 2003 wohnt er in Wien.", "de", "Seit dem Jahr 2003", "since"),
        ("Im Jahre 2003 Menschen", "de", "Im Jahre 2003", None),
        ("In the year 2003 Smith moved to Ohio.", "en", "In the year 2003", None),
    ],
)
def test_a_year_said_with_jahr_is_a_date_not_a_figure(text, language, written, qualifier):
    # "Im Jahr 2003" was neither: the year was dropped as a figure and read as no date;
    # "in the year 2003 Smith" was a figure 2003 counting "Smith"
    facts = extract_facts(text, language=language)
    dates = [(f.text, f.value, f.qualifier) for f in facts if f.kind == "date"]
    assert dates == [(written, "2003", qualifier)]
    assert not [f for f in facts if f.kind == "number" and f.quantity.low == 2003]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The storm cost $5 billion in 2006 dollars.", "en"),
        ("He was paid in 2000 dollars.", "en"),
        ("Etwa 1500 bis 2000 Euro pro Jahr müsse man ausgeben.", "de"),  # gnad line 888
        ("Der Schaden betrug 5 Millionen in 2010 Dollar.", "de"),
        ("Der Schaden betrug 5 Millionen in 2010-Dollar.", "de"),
    ],
)
def test_a_year_before_a_currency_is_no_date(text: str, language: str) -> None:
    # "in 2006 dollars" gave a date "in 2006" the event never happened on
    assert values(text, language=language) == []
