"""Sentence segmentation for German and English news text.

Chosen by measurement over pysbd, syntok, SoMaJo, blingfire and simplemma
(see ``tests/benchmarks/bench_segment.py``): news prose needs German
abbreviations, ordinals ("am 3. Oktober") and quotes that close a sentence
(„…“, "…", »…«) handled, and the aligner needs tens of thousands of sentences
in seconds, so this is a small rule set over compiled regexes, linear in the
length of the text.

A boundary is a run of terminal punctuation (. ! ? …), any closing quotes or
brackets glued to it, then whitespace; a blank line is always a boundary.  A
candidate is dropped when the next word starts in lower case or with
continuing punctuation, or when the dot belongs to an abbreviation, an
initial, a number or an ordinal.
"""

from __future__ import annotations

import re

from newsdiff.core.language.words import MONTHS

__all__ = ["split_sentences"]

_TERMINAL = ".!?…‼⁇⁈⁉"
# Glued after the terminal mark they close the sentence with it: „Wir kommen.“
_CLOSERS = "\"'”’“‘«»›‹)]}"
_MARK = re.compile(rf"[{re.escape(_TERMINAL)}]+[{re.escape(_CLOSERS)}]*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SPACE = re.compile(r"\s+")
# A word with inner dots ("z.B", "U.S"); matched backwards from a dot, on the
# reversed text, because an end-anchored search retries at every position.
_WORD_DOTTED = re.compile(r"\w+(?:\.\w+)*")
_WORD_AFTER = re.compile(r"\w+")
_NUMBER = re.compile(r"\d{1,3}")
_DOTTED_SHORT = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# How far to look back for the word before a dot; bounds the work per candidate.
_LOOKBACK = 48


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``, for the word lists below."""
    return frozenset(text.split())


# Abbreviations that stand before a name, a number or a noun and so never end
# a sentence in news prose (German and English; English titles turn up in
# German text too).  Matched as written, or capitalised at a sentence start.
_NEVER_FINAL = _words(
    """
    Dr Prof Nr St Hr Hrn Fr Mag Ing Dipl Abg Bgm Univ Doz Dir Präs Hl Sr Jr med jur phil rer
    nat oec pol dent vet habil bzw vgl ca ggf ggfs evtl inkl exkl zzgl sog gem bspw bzgl
    insb allg einschl Mio Mrd Tsd Str Jh Jhd Tel Bez jr sen Hrsg Hg Aufl Ziff Abs Co vs Mr Mrs Ms
    Messrs Sen Gen Gov Rep Lt Col Sgt Capt Cmdr Adm Maj Rev Hon Supt Mt Ft approx
    """
)
# Abbreviations that are also words or may end a sentence; they hold only
# before a number ("No. 5", "Art. 3", "Jan. 2024").
_BEFORE_NUMBER = _words(
    """
    No Nos Art Bd Vol pp Fig Kap S Jan Feb Mar Mär Apr Jun Jul Aug Sep Sept Oct Okt Nov Dec
    Dez
    """
)
# Dotted abbreviations that often end a sentence: split when a capital follows.
_DOTTED_FINAL = _words("a.m p.m o.ä u.ä etc usw")
_MONTHS = frozenset(month.capitalize() for month in MONTHS["de"])  # as written in German
# German words after which "3." is an ordinal: "am 3. Oktober", "der 2. Weltkrieg".
_ORDINAL_BEFORE = _words(
    """
    am im vom zum zur beim bis ab seit vor nach für zu um an in der die das den dem des ein
    eine einen einem einer eines sein seine seinem seinen seiner seines ihr ihre ihrem ihren
    ihrer ihres jeder jede jedes jedem jeden dieser diese dieses diesem diesen unser unsere
    unserem unseren unserer euer eure als
    """
)
# Nouns an ordinal typically counts, even without an article before it.
_ORDINAL_NOUNS = _words(
    """
    Mal Jahrhundert Jahrtausend Jahrestag Geburtstag Todestag Platz Rang Runde Spieltag
    Stock Etage Klasse Liga Weltkrieg Quartal Halbjahr Lebensjahr Bezirk Sitzung Amtszeit
    Legislaturperiode Auflage Tag Woche Monat
    """
)
_CONTINUING = ",;:)]}"
_SCORE_GLUE = ":,/-"
_LIST_OPENERS = "–—-:(."


def split_sentences(text: str, *, language: str = "de") -> tuple[tuple[int, int], ...]:
    """Split ``text`` into sentences, as ``(start, end)`` character spans.

    The spans are in order, stripped of surrounding whitespace, and together
    cover every non-space character.  ``language`` ("de" or "en") only
    changes how a number followed by a dot is read: German writes ordinals
    that way ("am 3. Oktober"), English does not.

    >>> text = "Am 3. Oktober kamen 10.000 Soldaten, z. B. aus Kursk. „Wir kommen.“ Dann ging er."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Am 3. Oktober kamen 10.000 Soldaten, z. B. aus Kursk.', '„Wir kommen.“', 'Dann ging er.']
    """
    german = language != "en"
    spans: list[tuple[int, int]] = []
    start = 0
    for blank in _BLANK_LINE.finditer(text):
        _split_block(text, start, blank.start(), german, spans)
        start = blank.end()
    _split_block(text, start, len(text), german, spans)
    return tuple(spans)


def _split_block(
    text: str, begin: int, stop: int, german: bool, spans: list[tuple[int, int]]
) -> None:
    """Append the sentences of ``text[begin:stop]``, a block without blank lines."""
    start = begin
    for match in _MARK.finditer(text, begin, stop):
        end = match.end()
        space = _SPACE.match(text, end, stop)
        if space is None:
            if not _glued(text, match.start(), end, stop):
                continue
        elif space.end() == stop or not _is_boundary(text, match.start(), end, space.end(), german):
            continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, stop, spans)


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append ``text[start:end]`` stripped of whitespace, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _is_boundary(text: str, mark: int, mark_end: int, following: int, german: bool) -> bool:
    """Whether the punctuation at ``text[mark:mark_end]`` ends a sentence.

    ``following`` is where the next word begins, after the whitespace.
    """
    nxt = text[following]
    if nxt.islower() or nxt in _CONTINUING:
        return False
    punct = text[mark:mark_end].rstrip(_CLOSERS)
    if punct != "." or mark_end - mark != 1:
        # "?", "!", an ellipsis or a quote/bracket: only "[…]" marks an omission.
        return not (punct in ("…", "...") and text[mark - 1 : mark] in ("[", "("))
    word = _word_before(text, mark)
    if not word:
        return True
    next_word = _WORD_AFTER.match(text, following)
    after = next_word.group() if next_word else ""
    if word.isdigit():
        return _number_ends(text, mark - len(word), word, after, german)
    if len(word) == 1 and word.isalpha():
        # An initial ("J. R. R. Tolkien") or part of "z. B." runs on into a
        # word; before a quote ("auf X. „Sollten …") the letter ends a sentence.
        return not nxt.isalnum()
    if _abbreviation(word, _NEVER_FINAL):
        return False
    if after[:1].isdigit() and _abbreviation(word, _BEFORE_NUMBER):
        return False
    if "." in word and _DOTTED_SHORT.fullmatch(word):
        return word.lower() in _DOTTED_FINAL  # "U.S.", "e.g." hold; "a.m." may end
    return True


def _word_before(text: str, end: int) -> str:
    """The word (inner dots allowed) that ends at ``text[end]``, or ""."""
    found = _WORD_DOTTED.match(text[max(0, end - _LOOKBACK) : end][::-1])
    return found.group()[::-1] if found else ""


def _glued(text: str, mark: int, end: int, stop: int) -> bool:
    """A sentence end with its space missing: "war geboren.Noch vor 30 Jahren".

    Only a word of three letters or more before a single mark and a
    capitalised word after it, so URLs, "z.B." and "Prof.Müller" stay whole.
    """
    if end + 1 >= stop or not (text[end].isupper() and text[end + 1].islower()):
        return False
    if text[mark:end].rstrip(_CLOSERS) not in (".", "!", "?"):
        return False
    word = _word_before(text, mark)
    return len(word) >= 3 and word.isalpha() and not _abbreviation(word, _NEVER_FINAL)


def _abbreviation(word: str, known: frozenset[str]) -> bool:
    """``word`` is in ``known`` as written, or capitalised at a sentence start."""
    return word in known or (word[:1].isupper() and word[:1].lower() + word[1:] in known)


def _number_ends(text: str, start: int, number: str, after: str, german: bool) -> bool:
    """Whether a dot after ``number`` (at ``text[start:]``) ends the sentence."""
    if not _NUMBER.fullmatch(number):
        return True  # a year or an amount: "im Jahr 2024. Danach"
    if after[:1].isdigit() or after in _MONTHS:
        return False  # a date written with spaces, "3. 10. 2024", "3. Oktober"
    window = text[max(0, start - _LOOKBACK) : start]
    if window and window[-1] in _SCORE_GLUE:
        return True  # the end of a score or ratio: "2:1. Danach"
    before = window.rstrip()
    if (before and before[-1] in _LIST_OPENERS) or (not before and start <= _LOOKBACK):
        return False  # a numbered item: "Tabelle: 1. Salzburg – 2. Linz", "(84. Sollbauer)"
    if not german:
        return True
    if after in _ORDINAL_NOUNS or after[:-1] in _ORDINAL_NOUNS or after[:-2] in _ORDINAL_NOUNS:
        return False  # "zum 5. Mal", "des 20. Jahrhunderts"
    return _word_before(before, len(before)).lower() not in _ORDINAL_BEFORE
