"""Sentence segmentation: awkward German and English prose, the seeds, and any text at all."""

from __future__ import annotations

import difflib
import importlib
import importlib.util
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.language.segment import split_sentences

FIXTURE = Path(__file__).parent / "fixtures" / "seed_sentences.json"

# (text, expected sentences); shared with tests/benchmarks/bench_segment.py.
AWKWARD_DE = [
    (
        "Nordkorea schickte 10.000 Soldaten. Später kamen 3.000 dazu.",
        ["Nordkorea schickte 10.000 Soldaten.", "Später kamen 3.000 dazu."],
    ),
    (
        "Am 28.04.2025 um 03:32 Uhr meldete KCNA den Einsatz. Um 12.30 Uhr folgte Moskau.",
        ["Am 28.04.2025 um 03:32 Uhr meldete KCNA den Einsatz.", "Um 12.30 Uhr folgte Moskau."],
    ),
    (
        "Am 3. Oktober wird gefeiert. Der 2. Weltkrieg endete 1945. Danach kam der Kalte Krieg.",
        [
            "Am 3. Oktober wird gefeiert.",
            "Der 2. Weltkrieg endete 1945.",
            "Danach kam der Kalte Krieg.",
        ],
    ),
    (
        "Er belegte zum 5. Mal den 3. Platz. Der Stand war 3. Fans jubelten.",
        ["Er belegte zum 5. Mal den 3. Platz.", "Der Stand war 3.", "Fans jubelten."],
    ),
    (
        "Sie kamen z. B. aus Kursk, u. a. aus Belgorod bzw. Brjansk. Dr. Kim und Prof. Lee "
        "trafen in St. Petersburg Nr. 5 der Liste.",
        [
            "Sie kamen z. B. aus Kursk, u. a. aus Belgorod bzw. Brjansk.",
            "Dr. Kim und Prof. Lee trafen in St. Petersburg Nr. 5 der Liste.",
        ],
    ),
    (
        "Der Autor J. R. R. Tolkien schrieb viel. Staatschef Kim J. Un schwieg. Es kostet 3 Mio. "
        "Euro.",
        [
            "Der Autor J. R. R. Tolkien schrieb viel.",
            "Staatschef Kim J. Un schwieg.",
            "Es kostet 3 Mio. Euro.",
        ],
    ),
    (
        "„Das müssen wir noch herausfinden“, sagt Austin. Dann ging er.",
        ["„Das müssen wir noch herausfinden“, sagt Austin.", "Dann ging er."],
    ),
    (
        "Er sagte: „Wir kommen.“ Dann ging er.",
        ["Er sagte: „Wir kommen.“", "Dann ging er."],
    ),
    (
        "Sie nannte es »einen Fehler«. »Wir bleiben!« Er nickte.",
        ["Sie nannte es »einen Fehler«.", "»Wir bleiben!«", "Er nickte."],
    ),
    (
        "Er sprach von einem ‚Erfolg‘. ‚Wirklich?‘ Sie lachte.",
        ["Er sprach von einem ‚Erfolg‘.", "‚Wirklich?‘", "Sie lachte."],
    ),
    (
        '"Wir sind besorgt. Das muss enden", schrieb ein Sprecher. "Sofort!"',
        ['"Wir sind besorgt.', 'Das muss enden", schrieb ein Sprecher.', '"Sofort!"'],
    ),
    (
        "„Wo bleibt die Hilfe?“, fragte Selenskyj. „Jetzt!“ riefen alle. Was nun? Keiner weiß es!",
        [
            "„Wo bleibt die Hilfe?“, fragte Selenskyj.",
            "„Jetzt!“ riefen alle.",
            "Was nun?",
            "Keiner weiß es!",
        ],
    ),
    (
        "Er zögerte … und sprach weiter. Sie wartete... Dann kam er. Das ist […] wichtig.",
        [
            "Er zögerte … und sprach weiter.",
            "Sie wartete...",
            "Dann kam er.",
            "Das ist […] wichtig.",
        ],
    ),
    (
        "(Die Angaben ließen sich nicht prüfen.) Moskau schwieg. Er nannte eine Zahl (rund 4.000). "
        "Danach ging er.",
        [
            "(Die Angaben ließen sich nicht prüfen.)",
            "Moskau schwieg.",
            "Er nannte eine Zahl (rund 4.000).",
            "Danach ging er.",
        ],
    ),
    (
        "Mehr unter www.allinrechner.at. Fragen an info@example.de beantwortet die Redaktion. "
        "Siehe https://example.com/a.b?x=1. Das schreibt das Ministerium auf X. „Sollten …“",
        [
            "Mehr unter www.allinrechner.at.",
            "Fragen an info@example.de beantwortet die Redaktion.",
            "Siehe https://example.com/a.b?x=1.",
            "Das schreibt das Ministerium auf X.",
            "„Sollten …“",
        ],
    ),
    (
        "Das geschah im Jahr 2024. Am 3. 10. 2024 begann es. Düsseldorf. Soldaten sind da.",
        [
            "Das geschah im Jahr 2024.",
            "Am 3. 10. 2024 begann es.",
            "Düsseldorf.",
            "Soldaten sind da.",
        ],
    ),
    (
        "Ein Titel ohne Punkt\n\nDer Text beginnt hier.\nEr läuft weiter.",
        ["Ein Titel ohne Punkt", "Der Text beginnt hier.", "Er läuft weiter."],
    ),
    (
        "Das Projekt war geboren.Noch vor 30 Jahren war es anders. Prof.Müller kam z.B. von "
        "www.example.Com her.",
        [
            "Das Projekt war geboren.",
            "Noch vor 30 Jahren war es anders.",
            "Prof.Müller kam z.B. von www.example.Com her.",
        ],
    ),
    (
        "Es stand 2:1. Danach fiel das 3:1. Tabelle: 1. Salzburg – 2. Linz. Sie kam im frühen "
        "20. Jahrhundert an.",
        [
            "Es stand 2:1.",
            "Danach fiel das 3:1.",
            "Tabelle: 1. Salzburg – 2. Linz.",
            "Sie kam im frühen 20. Jahrhundert an.",
        ],
    ),
]

AWKWARD_EN = [
    (
        "Mr. Smith met Mrs. Jones and Dr. Brown in St. Louis. They talked.",
        ["Mr. Smith met Mrs. Jones and Dr. Brown in St. Louis.", "They talked."],
    ),
    (
        "The U.S. military confirmed it, e.g. in a statement. Officials declined to comment.",
        ["The U.S. military confirmed it, e.g. in a statement.", "Officials declined to comment."],
    ),
    (
        '"We will find out," Austin said. He said: "We are coming." Then he left.',
        ['"We will find out," Austin said.', 'He said: "We are coming."', "Then he left."],
    ),
    (
        'She asked, "Why now?" and left. "Stop!" he shouted. “Really?” Nobody knew.',
        ['She asked, "Why now?" and left.', '"Stop!" he shouted.', "“Really?”", "Nobody knew."],
    ),
    (
        "The author J. R. R. Tolkien wrote it. Kim J. Un agreed. About 10,000 troops arrived at "
        "03:32 on 28.04.2025. More followed.",
        [
            "The author J. R. R. Tolkien wrote it.",
            "Kim J. Un agreed.",
            "About 10,000 troops arrived at 03:32 on 28.04.2025.",
            "More followed.",
        ],
    ),
    (
        "The score was 3. Fans cheered. He hesitated... Then he spoke (briefly.) It ended.",
        [
            "The score was 3.",
            "Fans cheered.",
            "He hesitated...",
            "Then he spoke (briefly.)",
            "It ended.",
        ],
    ),
    (
        "Visit https://example.com/page.html. Or mail press@example.org today.",
        ["Visit https://example.com/page.html.", "Or mail press@example.org today."],
    ),
]


def _sentences(text: str, language: str = "de") -> list[str]:
    return [text[start:end] for start, end in split_sentences(text, language=language)]


@pytest.mark.parametrize(("text", "expected"), AWKWARD_DE)
def test_awkward_german(text: str, expected: list[str]) -> None:
    assert _sentences(text, "de") == expected


@pytest.mark.parametrize(("text", "expected"), AWKWARD_EN)
def test_awkward_english(text: str, expected: list[str]) -> None:
    assert _sentences(text, "en") == expected


def test_ordinals_are_german_only() -> None:
    text = "Er kam als 3. Sieger ins Ziel."
    assert _sentences(text, "de") == [text]
    assert _sentences("They came 3. Sieger was last.", "en") == ["They came 3.", "Sieger was last."]


def test_spans_point_into_the_text_and_skip_surrounding_space() -> None:
    text = "  Erster Satz.   Zweiter Satz!  \n"
    assert split_sentences(text) == ((2, 14), (17, 30))
    assert split_sentences("") == ()
    assert split_sentences(" \n\t ") == ()


@pytest.mark.parametrize(
    "text",
    [
        "wort " * 40_000,  # a 200,000-character line without punctuation
        "." * 200_000,
        "a. " * 70_000,
        "A. " * 70_000,
        "3. " * 70_000,
        "\n " * 100_000,
        "x" * 200_000 + ". Y",
    ],
    ids=[
        "no-punctuation",
        "dots",
        "initials-lower",
        "initials-upper",
        "ordinals",
        "newlines",
        "long-word",
    ],
)
def test_long_lines_take_linear_time(text: str) -> None:
    began = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - began < 2.0
    assert all(not text[start].isspace() and not text[end - 1].isspace() for start, end in spans)


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from(list("aZ3 .!?…„“\"'»«‚‘()[]:,\n\t\u00a0")),
            st.characters(),
        ),
        max_size=200,
    ),
    st.sampled_from(["de", "en"]),
)
def test_spans_cover_every_visible_character(text: str, language: str) -> None:
    spans = split_sentences(text, language=language)
    assert spans == split_sentences(text, language=language)
    covered = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


# --- the loader on the seeds ------------------------------------------------------------

# Per-seed accuracy the loader reached when measured; it must not fall below.
MEASURED = {
    "000_27ce5f7eeda19fb8": 1.0,
    "001_2cc7b7632708e469": 1.0,
    "002_344335e8705db148": 1.0,
    "003_d87d1dec9f2629ca": 1.0,
    "004_6345d31efac55afa": 1.0,
}


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _accuracy(expected: list[tuple[str, str]], got: list[tuple[str, str]]) -> float:
    """Passages found exactly and in order, as an F1 over the two lists."""
    matcher = difflib.SequenceMatcher(a=expected, b=got, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * matched / (len(expected) + len(got)) if expected or got else 1.0


def test_loader_reads_the_seeds_as_the_fixture_says() -> None:
    if importlib.util.find_spec("newsdiff.core.reading.loader") is None:
        pytest.skip("newsdiff.core.reading.loader is not written yet")
    loader = importlib.import_module("newsdiff.core.reading.loader")
    from newsdiff.core.reading.seeds import seed_paths

    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert sorted(fixture) == sorted(path.stem for path in seed_paths())
    report, worse = [], []
    for path in seed_paths():
        article = loader.read_article(path, cache=False)
        got = [(s.kind, _fold(s.text)) for s in article.sentences]
        expected = [(p["kind"], p["text"]) for p in fixture[path.stem]]
        score = _accuracy(expected, got)
        report.append(f"{path.stem}: {score:.3f} ({len(got)} passages, {len(expected)} expected)")
        if score < MEASURED[path.stem]:
            diff = difflib.unified_diff(
                [f"{k}: {t}" for k, t in expected], [f"{k}: {t}" for k, t in got], lineterm=""
            )
            worse.append(f"{path.stem} fell below {MEASURED[path.stem]}:\n" + "\n".join(diff))
        for sentence in article.sentences:
            assert _fold(article.text[sentence.start : sentence.end]) != ""
    print("\n".join(report))
    assert not worse, "\n".join(report + worse)
