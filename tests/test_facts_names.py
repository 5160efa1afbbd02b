"""Names: people, organisations and places in German text, and one entity spelled two ways."""

from __future__ import annotations

import pytest

from newsdiff.core.facts.names import extract_names, same_entity


def names(text: str, language: str = "de") -> list[str]:
    facts = extract_names(text, language=language)
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return [fact.text for fact in facts]


def test_seed_sentence_people_organisations_places():
    text = (
        "Dies meldete die staatliche nordkoreanische Nachrichtenagentur KCNA, die sich auf "
        "Staatschef Kim Jong Un bezog."
    )
    assert names(text) == ["KCNA", "Kim Jong Un"]


def test_a_name_with_a_mark_nfc_leaves_apart_is_one_name():
    # n̈ has no precomposed form, so reading (NFC) keeps the mark apart from the n
    assert names("Die Band Spin\u0308al spielte in Berlin.") == ["Spin\u0308al", "Berlin"]
    assert names("Die Sängerin Ma\u200dria Callas sang in Wien.") == [
        "Ma\u200dria Callas",
        "Wien",
    ]


def test_capitalised_common_nouns_are_not_names():
    text = "Die Soldaten haben Russland demnach dabei unterstützt, Gebiete zurückzuerobern."
    assert names(text) == ["Russland"]


def test_sentence_opening_adverbs_are_not_names():
    assert names("Außerdem hat Russland die Ukraine angegriffen.") == ["Russland", "Ukraine"]


def test_title_cue_marks_a_name_made_of_common_words():
    assert names("Der Sicherheitsanalyst Nico Lange warnt.") == ["Nico Lange"]


def test_speech_verb_cue():
    assert "Healey" in names("„Wir verurteilen das“, sagte Healey.")


def test_unknown_words_and_acronyms():
    text = "Der National Intelligence Service (NIS) meldete, Gerassimow sei in Kursk."
    found = names(text)
    assert {"NIS", "Gerassimow", "Kursk"} <= set(found)


def test_english_names():
    text = "North Korea sent troops to Kursk, Defense Secretary Lloyd Austin said."
    found = names(text, "en")
    assert "Lloyd Austin" in found and "Kursk" in found
    assert "North Korea" in found


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Selenskyj", "Selenski"),
        ("Selenskyj", "Seleskyj"),
        ("Wladimir Putin", "Vladimir Putin"),
        ("Healy", "Healey"),
        ("Gerassimow", "Gerasimov"),
        ("Wolodymyr Selenskyj", "Wolodimir Selenski"),
        ("Kim", "Kim Jong Un"),
        ("Nordkoreas", "Nordkorea"),
    ],
)
def test_spelling_variants_are_one_entity(a, b):
    assert same_entity(a, b)


@pytest.mark.parametrize(("a", "b"), [("Nordkorea", "Südkorea"), ("Kursk", "Kiew"), ("Lee", "Kim")])
def test_different_entities(a, b):
    assert not same_entity(a, b)


def test_capitalised_adjective_starts_an_organisation_name():
    assert names("Sanktionen der Vereinten Nationen") == ["Vereinten Nationen"]
    assert names("Das Auswärtige Amt reagiert.") == ["Auswärtige Amt"]
    # a noun that is also a verb ("stunden") is no adjective
    assert names("nach fast 48 Stunden Sperre") == []


def test_acronym_definition_names_the_words_before_it():
    found = names("Der National Intelligence Service (NIS) hat die Zahlen vorgelegt.")
    assert found == ["National Intelligence Service", "NIS"]


def test_currencies_are_not_names():
    assert names("rund 16 Millionen Euro") == []


def test_english_possessive_is_not_part_of_the_name():
    assert names("Kim Jong Un's regime confirmed it.", "en") == ["Kim Jong Un"]


def test_a_genitive_name_ends_the_run():
    text = "der Sekretär von Russlands Nationalem Sicherheitsrat"
    assert names(text) == ["Russlands", "Nationalem Sicherheitsrat"]


def test_place_names_ending_in_en_are_names():
    assert names("Die Strafe in Wien steigt.") == ["Wien"]
    assert names("Die Strafe im Rahmen des Abkommen steigt.") == []


def test_a_short_month_is_no_name():
    # "Nov" of "Nov. 27" was a name in the facts, and "Sat Nov" one name of a dateline
    assert names("The quake struck on Nov. 27, near Qeshm.", "en") == ["Qeshm"]
    assert names("Er kam am 3. Okt. in Wien an.") == ["Wien"]


def test_an_english_name_made_of_known_words_is_a_name_inside_a_sentence():
    # "Brown", "Smith", "Sun" are English words: "Gordon Brown" was "Gordon", and a
    # report naming John Brown where another names John Smith showed one name, the same
    assert names("The Sun reported that Gordon Brown left.", "en") == ["Sun", "Gordon Brown"]
    assert names("Police said John Smith, 45, was arrested in Dallas.", "en") == [
        "John Smith",
        "Dallas",
    ]


def test_a_headline_in_title_case_names_only_what_the_words_tell():
    assert names("Powerful Quake in Iran Kills 10; 80 Hurt and 7 Villages Damaged", "en") == [
        "Iran"
    ]
