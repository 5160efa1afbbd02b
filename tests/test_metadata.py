"""Metadata found in a report's own text: clean titles, dates, datelines, credits, source."""

from __future__ import annotations

import pytest

from newsdiff.core.reading.article import build_article
from newsdiff.core.reading.metadata import (
    clean_title,
    find_credit,
    find_dateline,
    normalise_date,
    pick_date,
)


def test_a_trailing_stamp_leaves_the_title_and_gives_the_date() -> None:
    line = (
        "Einsatz im Ukraine-Krieg Nordkorea bestätigt Truppenentsendung nach Russland "
        "Stand: 28.04.2025 03:32 Uhr"
    )
    title = clean_title(line)
    assert title.text == (
        "Einsatz im Ukraine-Krieg Nordkorea bestätigt Truppenentsendung nach Russland"
    )
    assert title.stamp == "2025-04-28T03:32"
    assert line[title.start : title.end] == title.text


def test_a_leading_tag_and_a_stamp_both_leave_the_title() -> None:
    line = (
        " date 2024-11 Krieg gegen die Ukraine Offenbar erste Gefechte mit Truppen Nordkoreas "
        "Stand: 06.11.2024 12:01 Uhr"
    )
    title = clean_title(line)
    assert title.text == "Krieg gegen die Ukraine Offenbar erste Gefechte mit Truppen Nordkoreas"
    assert (title.tag, title.stamp) == ("2024-11", "2024-11-06T12:01")


def test_a_title_without_metadata_is_left_alone() -> None:
    title = clean_title("Kim Jong Un bestätigt Einsatz!")
    assert (title.text, title.stamp, title.tag) == ("Kim Jong Un bestätigt Einsatz!", None, None)


def test_a_stamp_without_a_time_gives_a_day() -> None:
    assert clean_title("Lage in Kursk Stand: 06.11.2024").stamp == "2024-11-06"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-28", "2025-04-28"),
        ("2025-04", "2025-04"),
        ("2025-04-28 03:32", "2025-04-28T03:32"),
        ("2025-04-28T03:32:00+02:00", "2025-04-28T03:32:00+02:00"),
        ('"2025-04-28"', "2025-04-28"),
        ("28.04.2025", "2025-04-28"),
        ("28.04.2025 03:32 Uhr", "2025-04-28T03:32"),
        ("31.02.2025", None),
        ("2025-13", None),
        ("gestern", None),
        ("", None),
    ],
)
def test_dates_are_normalised_to_iso_8601_or_refused(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_the_more_precise_date_wins() -> None:
    assert pick_date("2024-11-06T12:01", "2024-11") == "2024-11-06T12:01"
    assert pick_date("2024-11", "2024-11-06") == "2024-11-06"
    assert pick_date(None, None) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Düsseldorf. Nordkoreanische Soldaten sind in Russland eingetroffen.", "Düsseldorf"),
        ("Berlin (dpa) – Die Bundesregierung hat den Geschäftsträger einbestellt.", "Berlin (dpa)"),
        ("Bad Homburg. Die Stadt meldet einen Rekord bei den Einnahmen.", "Bad Homburg"),
        (
            "LONDON, March 3 (Reuters) - Britain said on Monday it would send aid.",
            "LONDON, March 3 (Reuters)",
        ),
        (
            "KYIV, Ukraine (AP) — Russian forces struck the city overnight, officials said.",
            "KYIV, Ukraine (AP)",
        ),
        ("(CNN) — North Korea has sent troops to Russia, officials say.", "(CNN)"),
        ("Kursk, Russland - Nordkorea hat erstmals den Einsatz bestätigt.", None),
        ("(Nordkorea) ist ein Land, das selten etwas bestätigt.", None),
        ("Nordkoreanische Soldaten kämpfen - das ist jetzt offiziell.", None),
        ("Achtung. Stopp.", None),
        # a name with an age or a record in brackets opens a sentence, no dateline
        ("John Carter (33) has been charged with robbery after a raid.", None),
        ("Wladimir Klitschko (52-3, 46 KOs) blasted a sluggish Hasim Rahman.", None),
        ("Herbert Kickl (FPÖ) kündigte am Montag Neuwahlen an.", None),
        ("Es regnet. Morgen soll es schneien.", None),
    ],
)
def test_datelines_open_the_body(text: str, expected: str | None) -> None:
    found = find_dateline(text)
    assert (found[0] if found else None) == expected


def test_an_opening_sentence_keeps_the_person_and_age_it_opens_on() -> None:
    # "John Carter (33)" was taken for a dateline: the sentence lost its subject and age
    text = "Man charged\n\nJohn Carter (33) has been charged with robbery after a raid."
    article = build_article(text, id="x")
    assert article.dateline is None
    assert article.sentences[1].text.startswith("John Carter (33) has been charged")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im April bestätigte die Führung die Entsendung. (afp/red)", "afp/red"),
        ("Das berichtete Reuters. (dpa)", "dpa"),
        ("Das berichtete Reuters. (AFP)", "AFP"),
        ("Das Land schweigt. (APA, 3.4.2017)", "APA, 3.4.2017"),
        ("(dpa)", "dpa"),
        ("Er sprach mit Lee (Südkorea)", None),
        ("Der Geheimdienst (NIS) bestätigte das.", None),
        ("Es ist so (siehe oben).", None),
    ],
)
def test_agency_credits_close_the_body(text: str, expected: str | None) -> None:
    found = find_credit(text)
    assert (found[0] if found else None) == expected


def test_front_matter_date_beats_stamp_and_source_comes_only_from_front_matter() -> None:
    source = (
        "---\ntitle: Kim bestätigt Einsatz Stand: 01.01.2025 10:00 Uhr\n"
        "date: 2025-04-28\nsource: Tagesschau\nurl: https://example.org/a\n---\n"
        "# Kim bestätigt Einsatz\n\nLaut Reuters und dpa schickte Nordkorea Soldaten.\n"
    )
    article = build_article(source, id="a", markdown=True)
    assert article.title == "Kim bestätigt Einsatz"
    assert article.date == "2025-04-28"
    assert (article.source, article.url) == ("Tagesschau", "https://example.org/a")
    assert [s.kind for s in article.sentences] == ["heading", "sentence"]


def test_no_date_is_guessed_from_the_body_and_no_source_from_the_text() -> None:
    text = "Kim bestätigt Einsatz\n\nAm 28.04.2025 meldete KCNA (Reuters) den Einsatz.\n"
    article = build_article(text, id="a")
    assert article.date is None
    assert article.source is None


def test_dateline_and_credit_are_metadata_not_passages() -> None:
    text = (
        "Titel\n\nDüsseldorf. Soldaten sind eingetroffen. Das sagte Austin.\n\n"
        "Die Lage bleibt unklar. (afp/red)"
    )
    article = build_article(text, id="a")
    assert (article.dateline, article.credit) == ("Düsseldorf", "afp/red")
    assert [s.text for s in article.sentences] == [
        "Titel",
        "Soldaten sind eingetroffen.",
        "Das sagte Austin.",
        "Die Lage bleibt unklar.",
    ]
