"""The similarity score: what a reader expects "says the same thing" to mean."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.language.lexicon import features, split_compound
from newsdiff.core.language.text import folded_text, normalize_number, tokenize
from newsdiff.core.matching.similarity import (
    Frequencies,
    measure_features,
    profile,
    score_profiles,
    similarity,
)
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths

_POOL = (
    "Nordkorea Russland Soldaten Truppen entsandt bestätigt 10.000 11.000 Kim Putin der die und "
    "Selenskyj Selenski Verluste erlitten Munition Waffen geliefert Kursk Befreiung"
)
WORDS = st.sampled_from(_POOL.split())
SENTENCES = st.lists(WORDS, min_size=0, max_size=12).map(" ".join)


@pytest.fixture(scope="module")
def seed_frequencies() -> Frequencies:
    """Document frequencies over every passage of the five seed reports."""
    corpus = read_articles(seed_paths())
    return Frequencies.from_profiles(
        profile(s.text, language=a.language) for a in corpus.articles for s in a.sentences
    )


@settings(max_examples=60, deadline=None)
@given(SENTENCES, SENTENCES)
def test_symmetric_and_bounded(a: str, b: str) -> None:
    score = similarity(a, b, language="de")
    assert score == similarity(b, a, language="de")
    assert 0.0 <= score <= 1.0


@settings(max_examples=30, deadline=None)
@given(SENTENCES)
def test_identical_text_scores_one(a: str) -> None:
    assert similarity(a, a, language="de") == 1.0


def test_unrelated_sentences_score_zero() -> None:
    assert similarity("Der Wetterbericht meldet Regen", "Kim besucht Putin in Pjöngjang") == 0.0


@pytest.mark.parametrize("written", ["10.000", "10,000", "10000", "10\u202f000", "10\u00a0000"])
def test_numbers_are_normalised(written: str) -> None:
    assert normalize_number(tokenize(written)[0].text) == "10000"
    assert similarity(f"{written} Soldaten", "10000 Soldaten") == 1.0


def test_decimal_comma_and_dates() -> None:
    assert normalize_number("3,5") == "3.5"
    assert normalize_number("28.04.2025") == "2025-04-28"
    assert folded_text("Stand: 28.04.2025") == folded_text("stand 28.04.2025")


def test_other_figure_in_the_same_slot_is_a_partial_match() -> None:
    same = similarity("rund 11.000 Soldaten entsandt", "rund 11.000 Soldaten entsandt")
    other = similarity("rund 11.000 Soldaten entsandt", "rund 3.000 Soldaten entsandt")
    none = similarity("rund 11.000 Soldaten entsandt", "Soldaten entsandt")
    assert same > other > 0.5
    assert other >= none


@pytest.mark.parametrize(
    ("a", "b"),
    [("Selenskyj", "Selenski"), ("Gerassimow", "Gerasimov"), ("Wolodymyr", "Wolodimir")],
)
def test_spelling_variants_of_names_match(a: str, b: str) -> None:
    variant = similarity(f"{a} fordert mehr Waffen", f"{b} fordert mehr Waffen")
    other_name = similarity(f"{a} fordert mehr Waffen", "Schoigu fordert mehr Waffen")
    assert variant > 0.9
    assert variant > other_name


def test_folding_case_and_diacritics() -> None:
    assert similarity("SÜDKOREA meldet", "Sudkorea meldet") == 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Band Spin\u0308al Tap", ["Die", "Band", "Spin\u0308al", "Tap"]),  # no precomposed n̈
        ("Cafe\u0301s und Ko\u0308ln", ["Cafe\u0301s", "und", "Ko\u0308ln"]),  # NFD as given
        ("Ma\u200dria und Ca\u200cfe", ["Ma\u200dria", "und", "Ca\u200cfe"]),
        ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),  # vowel signs and virama are marks
        ("Tap-Spin\u0308al, 10.000 Mann\u200d", ["Tap-Spin\u0308al", "10.000", "Mann"]),
    ],
)
def test_a_word_with_a_combining_mark_or_a_joiner_is_one_token(
    text: str, expected: list[str]
) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert [text[t.start : t.end] for t in tokens] == expected  # highlights keep the offsets


def test_a_joiner_or_a_decomposed_accent_does_not_change_the_words() -> None:
    assert folded_text("Ma\u200dria trinkt im Cafe\u0301") == folded_text("Maria trinkt im Café")
    assert similarity("Ma\u200dria kam nach Ko\u0308ln", "Maria kam nach Köln") == 1.0


def test_compound_equals_its_parts() -> None:
    assert split_compound("Truppenentsendung") == ("Truppe", "Entsendung")
    assert similarity(
        "Nordkorea bestätigt Truppenentsendung nach Russland",
        "Nordkorea bestätigt die Entsendung von Truppen nach Russland",
    ) == pytest.approx(1.0)


@pytest.mark.parametrize("name", ["Russland", "Nordkorea", "Soldat"])
def test_names_and_simple_words_stay_whole(name: str) -> None:
    assert split_compound(name) == (name,)


def test_figures_are_kept_apart_from_lemmas_not_marked() -> None:
    found = features("Nordkorea schickte 4.000 Soldaten und 2 Generäle", "de")
    assert found.numbers == ("4000", "2")
    assert "4000" not in found.lemmas and not any(f.startswith("#") for f in found.lemmas)
    assert "soldat" in found.lemmas


def test_function_words_do_not_count() -> None:
    assert features("Der Mann und die Frau", "de") == features("ein Mann, eine Frau", "de")


def test_rare_words_weigh_more_than_topic_words(seed_frequencies: Frequencies) -> None:
    assert seed_frequencies.weight("nordkorea") < seed_frequencies.weight("munition")
    assert seed_frequencies.weight("russland") < seed_frequencies.weight("verlust")


def _seed_score(a: str, b: str, frequencies: Frequencies) -> float:
    return score_profiles(profile(a, language="de"), profile(b, language="de"), frequencies)


def test_same_claim_with_other_numbers_beats_topic_words(seed_frequencies: Frequencies) -> None:
    claim = _seed_score(
        "Nordkorea hat etwa 10.000 bis 12.000 Soldaten nach Russland entsandt.",
        "Nordkorea hat rund 11.000 Soldaten nach Russland entsandt.",
        seed_frequencies,
    )
    topic = _seed_score(
        "Nordkorea hat etwa 10.000 bis 12.000 Soldaten nach Russland entsandt.",
        "Nordkoreanische Soldaten kämpften an der Seite der russischen Truppen in Kursk",
        seed_frequencies,
    )
    assert claim > 0.6
    assert topic < 0.2


def test_same_words_other_actor_is_weaker_than_a_true_pair(seed_frequencies: Frequencies) -> None:
    title = "Nordkorea bestätigt Truppenentsendung nach Russland"
    true_pair = _seed_score(
        title,
        "Nordkorea hat erstmals die Entsendung von Truppen nach Russland bestätigt.",
        seed_frequencies,
    )
    other_actor = _seed_score(
        title,
        "USA bestätigen Stationierung von nordkoreanischen Truppen in Russland",
        seed_frequencies,
    )
    assert other_actor < true_pair
    assert other_actor < 0.6


def test_topic_words_alone_score_low(seed_frequencies: Frequencies) -> None:
    score = _seed_score(
        "Nordkorea schickt Soldaten nach Russland in den Krieg gegen die Ukraine.",
        "In Kursk kämpfen Soldaten aus Nordkorea für Russland gegen die Ukraine.",
        seed_frequencies,
    )
    assert score < 0.2


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Nordkorea hat etwa 10.000 bis 12.000 Soldaten nach Russland entsandt.",
            "de",
            {"troops"},
        ),
        ("Bis zu 15.000 Mann könnten dort eingesetzt werden.", "de", {"troops"}),
        ("Nordkoreas Armee erlitt rund 4.000 Verluste.", "de", {"losses"}),
        ("Dabei wurden etwa 600 Soldaten getötet.", "de", {"losses"}),
        ("More than 3,000 troops were sent to Russia.", "en", {"troops"}),
        # no total: an additional figure, a figure per unit, a vague one, no measure
        ("Nordkorea schickt weitere 3.000 Soldaten.", "de", set()),
        ("zwei Brigaden mit jeweils 6.000 Mann", "de", set()),
        ("Tausende Soldaten kämpfen in Kursk.", "de", set()),
        ("Der Konzern verkaufte 4.000 Autos.", "de", set()),
        ("Soldaten kämpfen in Kursk.", "de", set()),
    ],
)
def test_measure_features_name_the_total_a_passage_gives(text, language, expected) -> None:  # type: ignore[no-untyped-def]
    assert measure_features(text, language=language) == expected
    assert expected == profile(text, language=language).measures


def test_a_shared_measure_counts_only_when_asked() -> None:
    # two lone passages are not known to be of one story: similarity ignores measures
    up_to, sent = "Bis zu 15.000 nordkoreanische Soldaten sind in Russland.", "Rund 11.000 Mann."
    left, right = profile(up_to, language="de"), profile(sent, language="de")
    plain = score_profiles(left, right)
    assert similarity(up_to, sent, language="de") == plain < 0.2
    # the aligner asks, between two reports of one story: a total of troops on each side
    assert score_profiles(left, right, measures=True) > plain + 0.3


def test_an_age_beside_a_death_still_tells_of_the_dead():
    # "16" is Kimani Gray's age, no death toll, yet the passage tells of one killed:
    # it answers the losses slot as the other reports of the shooting do
    from newsdiff.core.matching.similarity import measure_features

    text = "A vigil for Kimani (Kiki) Gray, 16, killed by police on Saturday."
    assert measure_features(text, language="en") == frozenset({"losses"})
