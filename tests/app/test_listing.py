"""The list's rules without a terminal: fuzzy filter, sort order, per-report figures."""

from __future__ import annotations

import pytest

from newsdiff.core.model import (
    Alignment,
    Article,
    FactComparison,
    Pair,
    Sentence,
    SentenceRef,
)
from newsdiff.core.views.listing import arrange, printable, title_matches
from newsdiff.core.views.overview import overview


def article(id_: str, title: str, date: str | None, passages: int = 2) -> Article:
    sentences = tuple(Sentence(i, f"Satz {i}.", 0, 1) for i in range(passages))
    return Article(id_, f"{id_}.txt", "", title, date, "de", sentences, passages)


def pair(left: str, i: int, right: str, j: int, differ: int = 0) -> Pair:
    facts = tuple(FactComparison("number", "differ", "1", "2") for _ in range(differ))
    return Pair(SentenceRef(left, i), SentenceRef(right, j), 0.9, "reworded", facts=facts)


A = article("a", "Nordkorea schickt Soldaten", "2025-01-02")
B = article("b", "Flut im Tal", None)
C = article("c", "Kim Jong Un bestätigt Einsatz", "2024-05-01", passages=4)


@pytest.mark.parametrize("query", ["nordkora", "NORDKOREA", "schickt soldaten", "  "])
def test_the_filter_forgives_case_and_a_typo(query):
    assert title_matches(query, A.title)


def test_the_filter_drops_unrelated_titles():
    assert not title_matches("Erdbeben", A.title)


@pytest.mark.parametrize("reverse", [False, True])
def test_missing_dates_go_last_in_either_direction(reverse):
    ids = [x.id for x in arrange([A, B, C], {}, key="date", reverse=reverse)]
    assert ids == (["a", "c", "b"] if reverse else ["c", "a", "b"])


def test_figures_sort_after_the_alignment_and_unknown_before_it():
    alignment = Alignment((A, B, C), (pair("a", 0, "c", 1, differ=2), pair("a", 1, "c", 2)), ())
    views = overview(alignment)
    assert [x.id for x in arrange([A, B, C], views, key="paired", reverse=True)] == ["a", "c", "b"]
    assert [x.id for x in arrange([A, B, C], {}, key="paired")] == ["a", "b", "c"]


def test_overview_counts_paired_passages_differences_and_the_closest_report():
    alignment = Alignment(
        (A, B, C),
        (pair("a", 0, "c", 1, differ=2), pair("a", 1, "c", 1), pair("a", 0, "b", 0)),
        (),
    )
    views = overview(alignment)
    assert (views["a"].paired, views["a"].share) == (2, 1.0)
    assert views["c"].paired == 1  # one passage paired twice counts once
    assert views["c"].fact_differences == 2
    assert views["a"].best_partner == "c"  # two pairs with c, one with b
    assert views["b"].best_partner == "a"


def test_a_report_without_pairs_has_no_partner():
    views = overview(Alignment((A, B), (), ()))
    assert views["a"].best_partner is None
    assert views["a"].share == 0.0


def test_control_characters_become_visible_pictures():
    assert printable("a\x1b[31mb\x07c\x7f\x9b") == "a␛[31mb␇c␡\ufffd"
    assert printable("Grüße „ok“ – [bold]") == "Grüße „ok“ – [bold]"
