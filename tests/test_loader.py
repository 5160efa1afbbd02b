"""Reading reports from files and folders: the seeds, awkward files, folder walking."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.model import Article
from newsdiff.core.reading.article import build_article
from newsdiff.core.reading.loader import ReadError, read_article, read_articles
from newsdiff.core.reading.seeds import seed_paths

SEED_TITLES = {
    "000": "Einsatz im Ukraine-Krieg Nordkorea bestätigt Truppenentsendung nach Russland",
    "001": (
        "Nordkorea schickt nach südkoreanischen Angaben tausende weitere Soldaten zur "
        "Unterstützung Russlands in seinem Krieg gegen die Ukraine."
    ),
    "002": "Nordkorea schickt Soldaten in den Ukraine-Krieg: Kim Jong Un bestätigt Einsatz!",
    "003": (
        "Nordkorea im Ukraine-Krieg: USA bestätigen Stationierung von nordkoreanischen "
        "Truppen in Russland"
    ),
    "004": "Krieg gegen die Ukraine Offenbar erste Gefechte mit Truppen Nordkoreas",
}
SEED_DATES = {"000": "2025-04-28T03:32", "004": "2024-11-06T12:01"}
REPORT = "Kurzer Titel\n\nNordkorea hat Truppen nach Russland geschickt. Das bestätigte Kim.\n"


def seeds() -> dict[str, Article]:
    return {a.id[:3]: a for a in read_articles(seed_paths(), cache=False).articles}


def derivable(article: Article, passage_text: str, start: int, end: int, kind: str) -> bool:
    """Whether a passage's text follows from the decoded text it points at."""
    source = article.text[start:end]
    if kind == "table-row":
        cells = [cell.strip() for cell in source.split("|") if cell.strip()]
        key, _, value = passage_text.partition(": ")
        return cells == [key, *value.split(", ")] or cells == [key, value]
    return " ".join(source.split()) == passage_text


def test_the_seeds_read_with_clean_titles_dates_and_language() -> None:
    articles = seeds()
    assert sorted(articles) == ["000", "001", "002", "003", "004"]
    for number, article in articles.items():
        assert article.title == SEED_TITLES[number]
        assert "Stand:" not in article.title and not article.title.startswith("date ")
        assert article.date == SEED_DATES.get(number)
        assert article.language == "de"
        assert article.source is None
        assert article.id == Path(article.path).stem


def test_dateline_and_credit_of_the_seeds_are_metadata() -> None:
    articles = seeds()
    assert articles["003"].dateline == "Düsseldorf"
    assert articles["001"].credit == "afp/red"
    every_passage = [s.text for a in articles.values() for s in a.sentences]
    assert not any(text.startswith("Düsseldorf") for text in every_passage)
    assert not any("afp/red" in text for text in every_passage)
    assert articles["003"].sentences[1].text.startswith("Nordkoreanische Soldaten sind")


def test_every_seed_passage_is_derivable_from_its_offsets() -> None:
    for article in seeds().values():
        assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
        previous_end = 0
        for s in article.sentences:
            assert 0 <= s.start < s.end <= len(article.text)
            assert s.start >= previous_end, "passages are in reading order and do not overlap"
            previous_end = s.end
            assert derivable(article, s.text, s.start, s.end, s.kind), (article.id, s)


def test_the_title_is_passage_0_except_when_the_report_opens_with_its_lead() -> None:
    articles = seeds()
    for number, article in articles.items():
        first = article.sentences[0]
        if number == "001":
            assert first.kind == "sentence"  # no title line; the lead is not repeated
        else:
            assert (first.kind, first.text) == ("heading", article.title)


def test_table_rows_and_words() -> None:
    article = seeds()["002"]
    rows = [s.text for s in article.sentences if s.kind == "table-row"]
    assert rows == ["Vorfall: Krieg", "Ort: Kursk, Russland", "Verletzte: 4000"]
    words = sum(len(re.findall(r"[^\W_]+(?:[-'’.][^\W_]+)*", s.text)) for s in article.sentences)
    assert article.words == words > 300


def test_crlf_utf16_and_cp1252_files_read_like_utf8(tmp_path: Path) -> None:
    text = "Köln im „Krieg“\r\n\r\nNordkorea hat 10.000 Soldaten geschickt. Das bestätigte Kim.\r\n"
    files = {
        "utf8.txt": text.replace("\r\n", "\n").encode("utf-8"),
        "crlf.txt": text.encode("utf-8"),
        "bom.txt": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16.txt": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "cp1252.txt": text.encode("cp1252"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    corpus = read_articles([tmp_path], cache=False)
    assert corpus.problems == ()
    passages = {a.id: [(s.kind, s.text) for s in a.sentences] for a in corpus.articles}
    assert passages["utf8"][0] == ("heading", "Köln im „Krieg“")
    assert all(value == passages["utf8"] for value in passages.values())


def test_an_english_report_is_english(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(
        "North Korea confirms troops\n\nNorth Korea has confirmed for the first time that its "
        "soldiers are fighting in Russia. The state news agency said the operation was over.\n",
        encoding="utf-8",
    )
    article = read_article(path, cache=False)
    assert article.language == "en"
    assert [s.text for s in article.sentences][1:] == [
        "North Korea has confirmed for the first time that its soldiers are fighting in Russia.",
        "The state news agency said the operation was over.",
    ]


def test_markdown_passages_point_into_the_markdown(tmp_path: Path) -> None:
    path = tmp_path / "bericht.md"
    path.write_text(
        "---\ntitle: Kim bestätigt Einsatz\ndate: 2025-04-28T03:32\n---\n"
        "# Kim bestätigt Einsatz\n\nNordkorea hat **erstmals** Soldaten geschickt. Das "
        "meldete [KCNA](https://kcna.kp).\n\n- Erster Punkt der Liste.\n\n"
        "| Zahl | Wert |\n|---|---|\n| Verletzte | 4000 |\n",
        encoding="utf-8",
    )
    article = read_article(path, cache=False)
    assert article.date == "2025-04-28T03:32"
    assert [(s.kind, s.text) for s in article.sentences] == [
        ("heading", "Kim bestätigt Einsatz"),
        ("sentence", "Nordkorea hat erstmals Soldaten geschickt."),
        ("sentence", "Das meldete KCNA."),
        ("list-item", "Erster Punkt der Liste."),
        ("table-row", "Verletzte: 4000"),
    ]
    for s in article.sentences:
        source = article.text[s.start : s.end]
        plain = re.sub(r"\*\*|\[|\]\([^)]*\)", "", source)
        assert derivable(article, s.text, s.start, s.end, s.kind) or plain == s.text, source


def test_a_folder_gives_txt_and_md_in_name_order_recursively(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.md", "a/c.txt", "c.txt", "notes.pdf", "d.csv", ".hidden.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT, encoding="utf-8")
    corpus = read_articles([tmp_path], cache=False)
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in corpus.articles] == [
        "a/c.txt",
        "a/z.md",
        "b.txt",
        "c.txt",
    ]
    assert [a.id for a in corpus.articles] == ["c", "z", "b", "c-2"]


def test_a_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(REPORT, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    corpus = read_articles([tmp_path], cache=False)
    assert [a.id for a in corpus.articles] == ["a"]


def test_binary_empty_and_vanished_files_are_problems_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "c.txt").write_bytes(b"  \n\n")
    os.symlink(tmp_path / "gone.txt", tmp_path / "d.txt")
    (tmp_path / "e.md").write_text(REPORT, encoding="utf-8")
    corpus = read_articles([tmp_path], cache=False)
    assert [a.id for a in corpus.articles] == ["a", "e"]
    problems = {Path(p.path).name: p.message for p in corpus.problems}
    assert problems == {
        "b.txt": "binary file, not text",
        "c.txt": "empty file",
        "d.txt": "no such file or folder",
    }


def test_a_fifo_in_a_folder_is_skipped_without_blocking(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    corpus = read_articles([tmp_path], cache=False)
    assert [a.id for a in corpus.articles] == ["a"]
    assert [(Path(p.path).name, p.message) for p in corpus.problems] == [
        ("b.txt", "not a regular file (a named pipe)")
    ]


def test_a_missing_path_is_a_problem_naming_it(tmp_path: Path) -> None:
    corpus = read_articles([tmp_path / "nope.txt"], cache=False)
    assert corpus.articles == ()
    assert [(Path(p.path).name, p.message) for p in corpus.problems] == [
        ("nope.txt", "no such file or folder")
    ]


def test_read_article_raises_read_error_with_path_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "bild.txt"
    path.write_bytes(b"%PDF-1.7\n")
    with pytest.raises(ReadError) as caught:
        read_article(path)
    assert caught.value.path == str(path)
    assert caught.value.message == "binary file, not text"


def test_a_file_named_directly_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "meldung.text"
    path.write_text(REPORT, encoding="utf-8")
    assert read_articles([path], cache=False).articles[0].title == "Kurzer Titel"


def test_the_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert len(read_articles([path, tmp_path, str(path)], cache=False).articles) == 1


_PIECES = st.sampled_from(
    [
        "Kursk",
        "Düsseldorf.",
        "Stand: 28.04.2025 03:32 Uhr",
        " date 2024-11",
        "(afp/red)",
        "„Wir kommen.“",
        "10.000 Soldaten.",
        "am 3. Oktober",
        "Verletzte | 4000 |",
        "---|---|",
        "|",
        "Er sagte:",
        "Es regnet.",
        "Zwischentitel",
        " ",
        "\n",
        "\n\n",
        "\t",
        "z. B.",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join), st.booleans())
@settings(max_examples=150, deadline=None)
def test_any_text_reads_into_passages_derivable_from_their_offsets(text: str, md: bool) -> None:
    article = build_article(text, id="x", markdown=md)
    assert [s.index for s in article.sentences] == list(range(len(article.sentences)))
    for s in article.sentences:
        assert s.text and s.text == " ".join(s.text.split())
        assert 0 <= s.start < s.end <= len(text)
        if not md:
            assert derivable(article, s.text, s.start, s.end, s.kind), (text, s)
