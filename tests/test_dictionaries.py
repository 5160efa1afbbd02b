"""The lemmatiser's dictionaries kept as tries answer exactly as simplemma's own do.

A trie is built once from simplemma's shipped data and read back by every later
process; a stored file that does not check out is rebuilt, never trusted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import simplemma
from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY

import damaged
from newsdiff.core.language import dictionaries
from newsdiff.core.language.dictionaries import TrieDictionaries, dictionary, is_known, lemmatize
from newsdiff.core.language.text import words

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_every_english_form_has_simplemmas_lemma(tmp_path: Path) -> None:
    shipped = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    trie = TrieDictionaries(tmp_path).get_dictionary("en")
    assert len(trie) == len(shipped)
    assert all(trie.get(form) == lemma for form, lemma in shipped.items())
    assert trie.get("qwxzyv") is None and trie.get("Troops") == shipped.get("Troops")


def test_lemmas_of_the_seeds_are_simplemmas() -> None:
    seen = {w for path in sorted(SEEDS.glob("*.txt")) for w in words(path.read_text("utf-8"))}
    seen |= {w.lower() for w in seen} | {"Truppenentsendungen", "nordkoreanische", "x"}
    for word in sorted(seen):
        assert lemmatize(word, "de") == simplemma.lemmatize(word, lang="de"), word
        assert is_known(word, "de") == simplemma.is_known(word, lang="de"), word
        assert dictionary("de").get(word) == DEFAULT_DICTIONARY_FACTORY.get_dictionary("de").get(
            word
        )


def test_a_stored_trie_is_read_not_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    TrieDictionaries(tmp_path).get_dictionary("en")
    stored = tmp_path / "en.trie"
    assert stored.is_file()

    def refuse(self: TrieDictionaries, lang: str) -> None:
        raise AssertionError("rebuilt a stored trie")

    monkeypatch.setattr(TrieDictionaries, "_build", refuse)
    assert TrieDictionaries(tmp_path).get_dictionary("en").get("troops") == "troop"


@pytest.mark.parametrize("how", damaged.DAMAGES)
def test_a_damaged_trie_is_rebuilt(tmp_path: Path, how: str) -> None:
    TrieDictionaries(tmp_path).get_dictionary("en")
    stored = tmp_path / "en.trie"
    damaged.damage(stored, how)
    rebuilt = TrieDictionaries(tmp_path).get_dictionary("en")
    assert rebuilt.get("troops") == "troop" and rebuilt.get("said") == "say"


def test_an_unknown_language_is_refused_as_simplemma_refuses_it(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        TrieDictionaries(tmp_path).get_dictionary("../../etc")
    with pytest.raises(ValueError):
        TrieDictionaries(tmp_path).get_dictionary("xx")


def test_without_a_cache_simplemmas_own_dictionary_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDIFF_NO_CACHE", "1")
    assert dictionaries._factory.__wrapped__() is DEFAULT_DICTIONARY_FACTORY


def test_one_lookup_answers_as_simplemmas_pipeline_and_lookup() -> None:
    seeds = {w for path in sorted(SEEDS.glob("*.txt")) for w in words(path.read_text("utf-8"))}
    english = words(
        "Lindsay Lohan checked into the Betty Ford Center for a 90-day stay; she's "
        "said the court's order wasn't fair, and rock'n'roll DJs don’t agree."
    )
    odd = ["1000", "Ⅳ", "²", "٣", "x", "X", "’s", "l'", "Straße", "STRASSE", "Ölpreis", "e\u0301"]
    for language, forms in (("de", seeds), ("en", set(english))):
        forms |= {w.lower() for w in forms} | {w.upper() for w in forms} | set(odd)
        for word in sorted(forms):
            expected = (
                simplemma.lemmatize(word, lang=language),
                simplemma.is_known(word, lang=language),
            )
            assert dictionaries.lookup(word, language) == expected, (language, word)
            assert (lemmatize(word, language), is_known(word, language)) == expected, word
    with pytest.raises(ValueError):
        dictionaries.lookup("", "de")
