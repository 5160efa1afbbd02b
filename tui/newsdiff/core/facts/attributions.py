"""Who a claim is credited to: "laut Lee", "nach Angaben von ...", "meldete KCNA".

The same figure credited to the South Korean secret service in one report and
to Kyiv in another is a difference a reader must see, so each credit is a fact
of kind "source" whose value is the credited phrase without its articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newsdiff.core.facts.credit_cues import (
    FILED,
    explains,
    german_credits,
    lower_case_speakers,
    opening_subject,
    teller_after,
)
from newsdiff.core.facts.phrases import phrase_after, tidy
from newsdiff.core.facts.window import search_before, skip_blanks_back
from newsdiff.core.model import Fact

_VERBS = (
    r"meldete|meldet|berichtete|berichtet|sagte|sagt|schrieb|schreibt|erklärte|erklärt|"
    r"reported|said|says|told|wrote|announced|stated"
)
# "officials said Saturday they …": a day after the verb is when, not who
_DAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
)
# a cue and the place where the credited phrase starts: after it, or before it
_AFTER = re.compile(
    rf"\b(?:laut|gemäß|according\s+to|citing|nach\s+(?:\w+\s+)?(?:Angaben|Einschätzung|"
    rf"Informationen|Berichten|Worten|Darstellung)\s+(?:von|des|der|vom)|"
    rf"(?:beruft|berief|bezog|bezieht)\s+sich\s+(?:\w+\s+)?auf|(?:{_VERBS})(?!\s+(?:{_DAYS})\b)"
    rf"(?=\s+(?-i:[A-ZÄÖÜ])|\s+(?:der|die|das|ein|eine|the)\s))\s+",
    re.IGNORECASE,
)
# English puts the speaker first: "The NIS said", "South Korea's spy agency reported";
# at most nine capitalised words, so a long run of them is not rescanned from every word
_SAID = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w'’-]*+\s+){0,8}[A-Z][\w'’-]*+(?:\s+[a-z]+){0,2}?)\s+"
    r"(said|says|reported|told|announced|stated)\b"
)
_VERB = re.compile(rf"{_VERBS}|sprach", re.IGNORECASE)
# English names the speaker after the verb only after a quote or a clause: '"…," said
# Lee', '…, said the spokesman'; "Police said John Smith was arrested" tells what
_AFTER_QUOTE = re.compile(r"[\"”’'],?\s*$|[,.]\s*[\"”’']\s*$|,\s*$")
# a pronoun names no source: "He told reporters 41 died"
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "er", "sie", "es", "wir", "ich", "man"}
_ZUFOLGE = re.compile(r"\bzufolge\b", re.IGNORECASE)
# the words before "zufolge"; possessive, as a word is never followed by another word's letters
_BEFORE_ZUFOLGE = re.compile(r"((?:\b(?:dem|der|den|des)\s+)?(?:[\w-]++\s+){0,3}[\w-]++)$")
_NACH_ADJ = re.compile(
    r"\bnach\s+(\w+(?:ischen|anischen))\s+Angaben\b(?!\s+(?:von|des|der|vom)\b)", re.IGNORECASE
)
_SUBJECT = re.compile(
    rf"(?:^|[.!?]\s+)((?:Der|Die|Das|The)\s+[^,.;]{{2,60}}?"
    rf"|[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){{0,2}})"
    rf"\s+(?:{_VERBS}|erwartet|expects|führte\s+aus|fügte\s+hinzu)"
    rf"\s*(?:,\s*(?:dass|that)\b|,|\s(?:that|dass)\b)"
)


class _Covered:
    """The union of the spans found so far, to ask in log time whether a position
    lies inside one (asking every fact found made a long passage quadratic)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def __contains__(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]

    def add(self, start: int, end: int) -> None:
        if start >= end:
            return
        first = bisect_left(self.ends, start)  # the spans it touches merge into one
        last = bisect_right(self.starts, end)
        if first < last:
            start, end = min(start, self.starts[first]), max(end, self.ends[last - 1])
        self.starts[first:last] = [start]
        self.ends[first:last] = [end]


def _fact(text: str, start: int, end: int, cue: str) -> Fact:
    phrase = text[start:end]
    return Fact("source", phrase, start, end, tidy(phrase), qualifier=cue)


def extract_attributions(text: str, *, language: str = "de") -> tuple[Fact, ...]:
    """The sources ``text`` credits its claims to, with the cue that names them.

    >>> [f.value for f in extract_attributions("Dies meldete die Nachrichtenagentur KCNA.")]
    ['nachrichtenagentur kcna']
    >>> [f.value for f in extract_attributions("Das sagte er dem Generalstab zufolge.")]
    ['generalstab']
    """
    facts: list[Fact] = []
    covered = _Covered()

    def found(fact: Fact) -> None:
        facts.append(fact)
        covered.add(fact.start, fact.end)

    for match in _NACH_ADJ.finditer(text):
        found(_fact(text, match.start(1), match.end(), "nach Angaben"))
    for match in _AFTER.finditer(text):
        cue = re.sub(r"\s+", " ", match.group().strip()).split(" ")[0].lower()
        if _VERB.fullmatch(cue):
            if language == "en" and not _AFTER_QUOTE.search(text, 0, match.start()):
                continue  # "Police said John Smith was arrested": what was said
            if language != "en" and FILED.match(text, match.end()):
                continue  # "Die Regierung sagt Kooperation zu": a promise
            # "Albtraum II schrieb die Sportzeitung Ole": the paper after the verb wrote it
            teller = language != "en" and teller_after(text, match.end())
            if (
                not teller
                and language != "en"
                and (subject := opening_subject(text, match.start()))
            ):
                if explains(cue, text, match.end()):
                    continue  # "Filzmaier erklärt die Welt der Politik": no credit
                # "Der Minister sagte der Zeitung": the opener spoke, not the paper
                if subject[0] not in covered:
                    found(_fact(text, subject[0], subject[1], cue))
                continue
        span = phrase_after(text, match.end(), language=language)
        if span and span[0] not in covered:
            found(_fact(text, span[0], span[1], cue))
    for match in _ZUFOLGE.finditer(text):
        end = skip_blanks_back(text, match.start())
        phrase = search_before(_BEFORE_ZUFOLGE, text, end)
        if phrase:
            words = phrase.group(1)
            article = re.search(r"\b(?:dem|der|den|des)\s", words, re.IGNORECASE)
            start = phrase.start(1) + (
                article.start() if article else len(words) - len(words.split()[-1])
            )
            found(_fact(text, start, end, "zufolge"))
    for match in _SAID.finditer(text):
        if match.start(1) not in covered:
            found(_fact(text, match.start(1), match.end(1), match.group(2).lower()))
    extra = lower_case_speakers(text) if language == "en" else german_credits(text)
    for start, end, cue in sorted(extra):
        if start not in covered:
            found(_fact(text, start, end, cue))
    for match in _SUBJECT.finditer(text):
        if match.start(1) not in covered:  # "Die Polizei berichtet, dass": found once
            found(_fact(text, match.start(1), match.end(1), "berichtet"))
    kept = (fact for fact in facts if str(fact.value) not in _PRONOUNS)
    return tuple(sorted(kept, key=lambda fact: fact.start))
