"""English datelines and bylines at the top of a text report are metadata, not passages.

The cases are the lines real English articles carry on their second line (ECB+); each
becomes the report's date or author and is gone from the passages, as "Stand: …" and
"(afp/red)" are for German reports."""

from __future__ import annotations

import pytest

from newsdiff.core.language.words import month_numbers
from newsdiff.core.reading.article import build_article
from newsdiff.core.reading.datelines import read_meta_line

BODY = (
    "Ellen DeGeneres will host the Academy Awards again next year, the academy said on Friday. "
    "She hosted the show once before, in 2007.\n"
)
TITLE = "Ellen DeGeneres to host the Oscars"


def report(*lines: str, body: str = BODY) -> str:
    return "\n\n".join([TITLE, *lines, body])


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published April 11, 2007", "2007-04-11"),
        ("May 03, 2013", "2013-05-03"),
        ("UPDATED 05/03/2013 10:10 AM PDT", "2013-05-03T10:10"),
        ("Posted: Friday, March 8, 2013 2:39 pm", "2013-03-08T14:39"),
        ("Posted August 2nd, 2013 at 5:19 pm", "2013-08-02T17:19"),
        ("12:52 p.m. EDT May 2, 2013", "2013-05-02T12:52"),
        ("PUBLISHED: 22:07 GMT, 7 July 2012", "2012-07-07T22:07"),
        ("Last Updated: Monday, 28 November 2005,02:24 GMT", "2005-11-28T02:24"),
        ("AUGUST 2, 2013 | 08: 06AM PT", "2013-08-02T08:06"),  # ECB+ spaces its colons
        ("04/28/09 07:35 PM ET", "2009-04-28T19:35"),
        ("2013-09-26", "2013-09-26"),
        ("08.04.2015 12:46", "2015-04-08T12:46"),
        ("Article posted on 08.07.2012", "2012-07-08"),  # ECB+ 7_7ecbplus: it was the title
        ("Published: 2012.08.08 09:01 AM", "2012-08-08T09:01"),  # ECB+ 13_13ecbplus
    ],
)
def test_a_dateline_dates_the_report_and_is_no_passage(line, date):
    article = build_article(report(line), id="x")
    assert article.date == date
    texts = [s.text for s in article.sentences]
    assert texts[0] == TITLE
    assert line not in texts and not any(line in t for t in texts)
    assert texts[1].startswith("Ellen DeGeneres will host")


def test_a_byline_names_the_author_and_is_no_passage():
    article = build_article(report("By Jane Doe, Associated Press", "May 03, 2013"), id="x")
    assert article.author == "Jane Doe, Associated Press"
    assert article.date == "2013-05-03"
    assert [s.text for s in article.sentences][1].startswith("Ellen DeGeneres will host")


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By JANE DOE", "JANE DOE"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Jane Doe | Reuters", "Jane Doe, Reuters"),
        ("by Mary-Ann O'Neil", "Mary-Ann O'Neil"),
    ],
)
def test_bylines(line, author):
    assert build_article(report(line), id="x").author == author


def test_an_updated_stamp_is_the_modified_date_and_a_published_one_the_date():
    article = build_article(report("Published May 2, 2013", "Updated May 3, 2013 9:56 AM"), id="x")
    assert article.date == "2013-05-02"
    assert article.modified == "2013-05-03T09:56"


def test_an_ambiguous_numeric_date_follows_english_and_says_so():
    article = build_article(report("UPDATED 05/03/2013 10:10 AM PDT"), id="x")
    assert article.date == "2013-05-03T10:10"  # US English: month first
    assert article.date_note == "05/03/2013 read month first (May 3), as US English writes dates"


def test_an_ambiguous_numeric_date_follows_a_british_locale_hint_and_says_so():
    text = "---\ntitle: Oscars\nlocale: en-GB\n---\n\n05/03/2013\n\n" + BODY
    article = build_article(text, id="x", markdown=True)
    assert article.date == "2013-03-05"
    assert (
        article.date_note
        == "05/03/2013 read day first (5 March), as the report's locale (en-GB) does"
    )


def test_a_german_report_reads_a_numeric_date_day_first():
    body = "Nordkorea hat nach Angaben aus Seoul Soldaten nach Russland geschickt, sagte er.\n"
    article = build_article("Kursk\n\n05/03/2013\n\n" + body, id="x")
    assert article.language == "de" and article.date == "2013-03-05"
    assert "day first" in (article.date_note or "")


def test_an_unambiguous_numeric_date_needs_no_note():
    article = build_article(report("Posted 11/27/2005 7:21 AM"), id="x")
    assert article.date == "2005-11-27T07:21" and article.date_note is None


@pytest.mark.parametrize(
    "line",
    [
        "By May 3, 2013 the troops had left the region.",
        "On April 11, 2007 the court found him guilty of murder.",
        "By Monday, the soldiers had reached the front.",
        "Updated 4:08 p.m. ET",  # a time without a day dates nothing
    ],
)
def test_a_sentence_with_a_date_is_no_dateline(line):
    assert read_meta_line(line) is None or read_meta_line(line).date is None  # type: ignore[union-attr]
    article = build_article(report(line), id="x")
    assert article.date is None
    assert any(line.rstrip(".") in s.text for s in article.sentences)


def test_a_date_line_deep_in_the_body_stays_a_passage():
    body = BODY + "\nMore follows.\n\nMay 03, 2013\n\nThe end of the report is here, said she.\n"
    article = build_article(report(body=body), id="x")
    assert article.date is None
    assert "May 03, 2013" in [s.text for s in article.sentences]


@pytest.mark.parametrize(
    ("line", "date", "modified"),
    [
        (  # ECB+ 20_7ecbplus (CBC) opens with it: it was the report's title everywhere
            "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET",
            "2005-11-27T08:20",
            "2005-11-27T20:10",
        ),
        (  # ECB+ 6_6ecbplus
            "Posted: 04/9/2012 8:33 am Updated: 04/9/2012 8:33 am",
            "2012-04-09T08:33",
            "2012-04-09T08:33",
        ),
    ],
)
def test_a_line_with_a_posted_and_an_updated_stamp_is_no_title(line, date, modified):
    lead = "An earthquake with a magnitude of at least 5.9 hit southern Iran on Sunday."
    article = build_article(f"{line}\n\n{lead} Ten people died.\n", id="x")
    assert article.title == lead
    assert (article.date, article.modified) == (date, modified)
    assert not any("Posted" in s.text for s in article.sentences)


def test_a_report_that_opens_with_its_dateline_keeps_its_title():
    article = build_article("Published April 11, 2007\n\n" + TITLE + "\n\n" + BODY, id="x")
    assert article.title == TITLE and article.date == "2007-04-11"


def test_the_german_stamp_still_works():
    text = (
        "Kursk Stand: 28.04.2025 03:32 Uhr\n\nDüsseldorf. Nordkorea hat Soldaten geschickt. (dpa)"
    )
    article = build_article(text, id="x")
    assert (article.title, article.date, article.credit) == ("Kursk", "2025-04-28T03:32", "dpa")


@pytest.mark.parametrize(("name", "number"), month_numbers("en", abbreviated=True).items())
def test_every_english_month_of_the_shared_word_list_dates_a_dateline(name, number):
    # one list of month names (language.words) serves the facts and the datelines
    meta = read_meta_line(f"Published {name.title()} 3, 2013")
    assert meta is not None and meta.date == f"2013-{number:02d}-03"
