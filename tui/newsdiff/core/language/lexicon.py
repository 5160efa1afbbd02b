"""What a word means for matching: its lemma, its compound parts, whether it counts.

Reports say the same thing with other inflections ("bestätigt" / "bestätigen")
and, in German, other word formation ("Truppenentsendung" / "Entsendung von
Truppen"). This module maps each word of a passage to the folded lemmas that
carry its content, dropping function words, so two passages can be compared as
bags of content lemmas. simplemma ships its dictionaries; nothing is fetched
(``newsdiff.core.language.dictionaries`` keeps them as tries in the cache).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from newsdiff.core.language.dictionaries import is_known, lookup
from newsdiff.core.language.function_words import STOPWORDS
from newsdiff.core.language.text import fold, normalize_number, words

_V = TypeVar("_V")
_LINKS = ("", "s", "es", "n", "en", "e")  # German linking elements between compound parts
_MIN_PART = 4
_ENDINGS = ("en", "em", "er", "es", "e")


# Whether a form is listed, asked for every cut of every compound (95,000 times
# for 26,000 nouns of the 1,033 gnad + seed reports) and known already for
# every word lemma() looked up: answered once per form, wherever it was found.
# A dict of plain strings per language, as the lemmas' below: the garbage
# collector need not walk it (keyed by (word, language) tuples, the two memos
# were 106,000 of the entries each full collection walked; a cold detection
# of the 1,033 reports spent 0.28 of its 2.2 s of CPU in the collector, 0.19 s
# in 3 full collections).
# Kept per process only. A store of each form's content kept across runs (one
# SQLite record per language in the cache) was measured and not taken: on the
# gnad half B + seeds after half A had been read, stories + lexical alignment
# went 1.39 -> 1.31 s CPU in one 5-round run and 0.07-0.13 s slower in two
# others (the forms two folders share are the cheap ones: 14 us against 26.5
# for the rest), and a first run paid 0.25 s to write it.
_KNOWN: dict[str, dict[str, bool]] = {}
_LEMMAS: dict[str, dict[str, str]] = {}
_MEMO_LIMIT = 131_072  # forms per language, as the lru caches here; past it a memo starts again


def _memo(memos: dict[str, dict[str, _V]], language: str) -> dict[str, _V]:
    memo = memos.get(language)
    if memo is None or len(memo) >= _MEMO_LIMIT:
        memo = memos[language] = {}
    return memo


def _is_known(word: str, language: str) -> bool:
    memo = _KNOWN.get(language)
    found = None if memo is None else memo.get(word)
    if found is None:
        found = _remember(word, language, is_known(word, language))
    return found


def _remember(word: str, language: str, known: bool) -> bool:
    _memo(_KNOWN, language)[word] = known
    return known


def lemma(word: str, language: str) -> str:
    """The dictionary form of ``word`` as written (not folded).

    >>> lemma("Truppen", "de"), lemma("bestätigt", "de")
    ('Truppe', 'bestätigen')
    """
    memo = _LEMMAS.get(language)
    found = None if memo is None else memo.get(word)
    if found is None:
        found = _memo(_LEMMAS, language)[word] = _lemma(word, language)
    return found


def _lemma(word: str, language: str) -> str:
    try:
        found, known = lookup(word, language)  # one dictionary lookup for both answers
        if _remember(word, language, known) or found != word:
            return found
        # A capitalised adjective at the start of a sentence is unknown as written.
        lower, known = lookup(word.lower(), language)
        _remember(word.lower(), language, known)
        if word[0].isupper() and lower != word.lower():
            return lower
        if language == "de":  # inflected adjectives the dictionary lacks: "nordkoreanische"
            low = word.lower()
            for ending in _ENDINGS:
                if low.endswith(ending) and _is_known(low[: -len(ending)], "de"):
                    return low[: -len(ending)]
        return found
    except (ValueError, KeyError):  # a language simplemma does not know
        return word


def _known(word: str) -> bool:
    return _is_known(word, "de") or _is_known(word.capitalize(), "de")


@lru_cache(maxsize=131072)
def split_compound(noun: str) -> tuple[str, ...]:
    """The parts of a German compound noun, as lemmas; the noun alone if it is none.

    The longest known head wins and the modifier is split again, so
    "Geheimdienstmitarbeiter" gives the same parts as "Geheimdienst" plus
    "Mitarbeiter", whichever way a report writes it.

    >>> split_compound("Truppenentsendung")
    ('Truppe', 'Entsendung')
    >>> split_compound("Soldat")
    ('Soldat',)
    """
    if len(noun) < 2 * _MIN_PART or not noun[0].isupper():  # no parts, known or not
        return (noun,)
    # A word the dictionary knows whole needs longer parts, so that names
    # such as "Russland" or "Nordkorea" stay whole while "Geheimdienst" splits.
    shortest = _MIN_PART + 1 if _is_known(noun, "de") else _MIN_PART
    if len(noun) < 2 * shortest:
        return (noun,)
    for cut in range(shortest, len(noun) - shortest + 1):
        head = noun[cut].upper() + noun[cut + 1 :]
        if not _is_known(head, "de"):
            continue
        modifier = noun[:cut]
        for link in _LINKS:
            if link and not modifier.endswith(link):
                continue
            stem = modifier[: len(modifier) - len(link)]
            # "Unterstützung" is a prefixed word, not "unter" + "Stützung"
            if fold(stem) in STOPWORDS["de"]:
                continue
            if len(stem) >= shortest and _known(stem):
                return (*split_compound(lemma(stem.capitalize(), "de")), head)
    return (noun,)


@dataclass(frozen=True, slots=True)
class Features:
    """What some text carries for matching, kept apart by kind, in reading order.

    ``lemmas`` are folded content lemmas ("truppe"), ``numbers`` figures
    normalised as ``normalize_number`` writes them ("4000", "2025-04-28").
    """

    lemmas: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()


_NOTHING = Features()  # a function word: shared, as most words of a passage are one
_NO_STOPWORDS: frozenset[str] = frozenset()
Content = tuple[tuple[str, ...], tuple[str, ...]]  # a word's lemmas and figures
_EMPTY: Content = ((), ())


@lru_cache(maxsize=131072)
def word_features(word: str, language: str, *, compounds: bool = True) -> Features:
    """The folded content lemmas, or the figure, one written word stands for.

    >>> word_features("Truppenentsendungen", "de").lemmas
    ('truppe', 'entsendung')
    >>> word_features("4.000", "de")
    Features(lemmas=(), numbers=('4000',))
    >>> word_features("der", "de") == Features()
    True
    """
    found = word_content(word, language) if compounds else _content(word, language, False)
    return Features(*found) if found is not _EMPTY else _NOTHING


# Each form's content, asked 35,000 times by the story profiles of the 1,033
# gnad + seed reports and for every word of every passage aligned: as two
# tuples of strings in a dict of strings per language, which the garbage
# collector stops walking after its first look (a Features object per form
# and the lru_cache's tuple keys it walks in every full collection).
_CONTENT: dict[str, dict[str, Content]] = {}


def word_content(word: str, language: str) -> Content:
    """``word_features(word, language)`` as its two tuples, lemmas and figures.

    >>> word_content("Truppenentsendungen", "de"), word_content("4.000", "de")
    ((('truppe', 'entsendung'), ()), ((), ('4000',)))
    """
    memo = _CONTENT.get(language)
    found = None if memo is None else memo.get(word)
    if found is None:
        found = _memo(_CONTENT, language)[word] = _content(word, language, True)
    return found


def _content(word: str, language: str, compounds: bool) -> Content:
    if word[0].isdigit():
        return (), (normalize_number(word),)
    stop = STOPWORDS.get(language, _NO_STOPWORDS)
    split = compounds and language == "de"
    out: list[str] = []
    for part in word.split("-"):
        if not part or fold(part) in stop:
            continue
        base = lemma(part, language)
        for piece in split_compound(base) if split else (base,):
            folded = fold(piece)
            if len(folded) > 1 and folded not in stop:
                out.append(folded)
    return (tuple(out), ()) if out else _EMPTY


def features(text: str, language: str = "de", *, compounds: bool = True) -> Features:
    """The folded content lemmas and the figures of a passage, in reading order.

    >>> found = features("Nordkorea hat die Entsendung von 4.000 Truppen bestätigt")
    >>> found.lemmas, found.numbers
    (('nordkorea', 'entsendung', 'truppe', 'bestatigen'), ('4000',))
    """
    return features_of(words(text), language, compounds=compounds)


def features_of(written: list[str], language: str, *, compounds: bool = True) -> Features:
    """``features`` of a passage already split into ``words``, for a caller that needs both.

    >>> features_of(["Truppen", "und", "4.000", "Soldaten"], "de")
    Features(lemmas=('truppe', 'soldat'), numbers=('4000',))
    """
    lemmas: list[str] = []
    numbers: list[str] = []
    content = word_content if compounds else _whole
    for word in written:
        found = content(word, language)
        if found is not _EMPTY:
            lemmas += found[0]
            numbers += found[1]
    return Features(tuple(lemmas), tuple(numbers))


def _whole(word: str, language: str) -> Content:
    found = word_features(word, language, compounds=False)
    return (found.lemmas, found.numbers) if found is not _NOTHING else _EMPTY


def forget() -> None:
    """Drop what the lexicon remembers of each form, for a benchmark that swaps a stage.

    >>> forget(); word_content("Truppen", "de")
    (('truppe',), ())
    """
    for memo in (_KNOWN, _LEMMAS, _CONTENT):
        memo.clear()
    word_features.cache_clear()
