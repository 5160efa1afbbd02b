"""The noun phrase that follows a cue word: who said it, whom a claim is credited to.

Quotes and attributions both need "the words naming someone, up to where the
clause goes on"; this keeps that one rule in one place.
"""

from __future__ import annotations

import itertools
import re

from newsdiff.core.facts.names import is_inflected_noun, is_name_word

# words that end a naming phrase: verbs, prepositions that start a new part, numbers
_STOP = {
    "hat", "haben", "habe", "hätten", "hatte", "sei", "seien", "ist", "sind", "war", "waren",
    "wurde", "wurden", "wird", "werden", "könnte", "könne", "soll", "sollen", "im", "in",
    "am", "an", "auf", "bei", "nach", "vor", "zu", "zum", "zur", "etwa", "rund", "mehr",
    "bis", "bereits", "nun", "noch", "auch", "dass", "wonach", "unter", "gegenüber",
    "seit", "als", "und", "oder", "sowie", "weiter", "demnach", "damit", "nicht", "mit",
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "on", "at", "to",
    "that", "and", "or", "after", "before", "during", "about", "more", "than", "told",
    "last", "this", "up", "as",
}  # fmt: skip
_CONNECTORS = {"des", "der", "den", "dem", "von", "vom", "für", "aus", "of", "the", "for", "from"}
_WORD = re.compile(r"[\w][\w'’.-]*")


def phrase_after(
    text: str, start: int, *, language: str = "de", max_words: int = 7
) -> tuple[int, int] | None:
    """The span of the naming phrase starting at ``start`` (None when there is none).

    >>> text = "meldete die staatliche Nachrichtenagentur KCNA weiter."
    >>> span = phrase_after(text, 8)
    >>> text[span[0]:span[1]]
    'die staatliche Nachrichtenagentur KCNA'
    """
    end = None
    begin = None
    named = False
    position = start
    words = list(itertools.islice(_WORD.finditer(text, start), max_words + 1))
    for count, word in enumerate(words):
        between = text[position : word.start()]
        if count >= max_words or re.search(r"[,;:!?()„“\"»«”\n]", between):
            break
        token = word.group().rstrip(".")
        if token.lower() in _STOP or token[:1].isdigit():
            break
        if language != "en" and named and token[:1].islower() and token not in _CONNECTORS:
            break  # "Claus Kreß zwei Bedingungen": the phrase ended at the name
        # "laut Filzmaier Aufträge von Parteien": an inflected noun right after a one-word
        # name starts the clause's object ("Christian Drosten", "Le Monde" stay whole)
        if (
            language != "en"
            and count == 1
            and is_name_word(words[0].group().rstrip("."))
            and is_inflected_noun(token)
            and _goes_on(text, word, words[2:3])
        ):
            break
        named = (named or token[:1].isupper()) and token not in _CONNECTORS
        begin = word.start() if begin is None else begin
        end = word.start() + len(token)
        position = word.end()
        if word.group().endswith(".") and not re.fullmatch(r"[A-ZÄÖÜ][a-z]?\.", word.group()):
            break
    if begin is None or end is None:
        return None
    while True:  # "der Chef des" without its genitive is cut back to "der Chef"
        head = text[begin:end].rsplit(" ", 1)
        if len(head) == 1 or head[1] not in _CONNECTORS:
            return begin, end
        end = begin + len(head[0])


def _goes_on(text: str, word: re.Match[str], following: list[re.Match[str]]) -> bool:
    """Whether another word follows ``word`` in the same clause ("Aufträge von ...")."""
    return bool(following) and not re.search(
        r"[,;:!?()„“\"»«”\n.]", text[word.end() : following[0].start()]
    )


def tidy(phrase: str) -> str:
    """A naming phrase without leading articles, for comparing two reports' sources.

    >>> tidy("dem südkoreanischen Generalstab")
    'südkoreanischen generalstab'
    """
    words = phrase.split()
    articles = {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einer",
                "eines", "the", "a", "an"}  # fmt: skip
    while words and words[0].lower() in articles:
        words = words[1:]
    return " ".join(words).casefold()
