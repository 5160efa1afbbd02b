"""Whose age a figure gives, so the claim table makes one claim of a person's age.

An age is a fact about a person, not about the sentence that tells it:
"the 33-year-old actress checked into rehab", "Reid, 33, was photographed" and
"Tara Reid (33)" stand in passages that tell other things, so they never pair,
yet the reports agree (or not) on one age. So ages are grouped by person
within a story: a name gives the person by its last word ("Tara Reid" and
"Reid" are one; "Tara" too where the report writes "Tara Reid"). A role noun
or none ("the actress", "Der 37-Jährige") is a named person only where that is
plain: it is the only age of its passage, no kin word ("his son, 16"), within
``NEAR`` years of that person's age as named, and its passage (else its report,
if the report tells no other's age) names one of the story's named people and
no other.
A role right before a name is that person ("the 36-year-old champion
Klitschko"). A passage naming several people gives a role's age to the one
whose age it is near and no other age of the passage gives ("Klitschko put
Thompson down, and the 40-year-old southpaw never recovered" is Thompson).
Ages of one surname with first names that differ are people of their own
("Jerry Ortiz, 35" and his son "Jeremy Ortiz", 17).
Any other age is left to the claim clusters, as the figures are: two named
people stay two claims ("Klitschko, 36" / "Thompson, 40").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from newsdiff.core.facts.names import is_common_noun, is_name_word
from newsdiff.core.language.dictionaries import dictionary
from newsdiff.core.model import Fact, SentenceRef

AgeAt = tuple[SentenceRef, int]  # an age figure: its passage and where it starts there

# a relative is someone else than the person the report names: "Russell's son, 16"
_KIN = re.compile(
    r"(?:sons?|daughters?|wife|husband|mother|father|brother|sister|child|children|"
    r"grand\w+|girlfriend|boyfriend|partner|friend|cousin|nephew|niece|uncle|aunt|"
    r"sohn|tochter|frau|ehefrau|ehemann|mutter|vater|bruder|schwester|kind|enkel\w*|"
    r"freundin|freund|partnerin|neffe|nichte|onkel|tante)",
    re.IGNORECASE,
)


# an English people's name is capitalised, yet no person's: "the 40-year-old American";
# the dictionary knows it ("American", "Canadian" as such, "pakistani" in lowercase)
_PEOPLES = re.compile(r"\w+(?:ese|ish|i)", re.IGNORECASE)


def _a_people(word: str) -> bool:
    lemma = dictionary("en").get(word.lower())
    return lemma is not None and (lemma[:1].isupper() or bool(_PEOPLES.fullmatch(word)))


def _named(noun: str | None, language: str) -> str | None:
    """The person a capitalised noun names: "Reid's" is Reid; "actress", "der 28-jährige
    Niederösterreicher" (German capitalises every noun), "American" name no one."""
    if not noun or not noun[:1].isupper() or noun.isupper() or _KIN.fullmatch(noun):
        return None
    name = re.sub(r"['’]s$", "", noun)
    if language == "de" and is_common_noun(name):
        return None  # a name that is a noun too ("Müller") is left to the clusters
    return None if language == "en" and _a_people(name) else name


def _name_after_role(passage: str, fact: Fact) -> str | None:
    """The capitalised word right after an age's role noun: "the 36-year-old champion
    Klitschko" gives Klitschko (None when the role is followed by no such word)."""
    noun = fact.noun
    if not noun or not noun[:1].islower():
        return None
    at = passage.find(noun, fact.end, fact.end + 40)
    follows = re.match(r"\s+([A-ZÄÖÜ][\w'’-]*)", passage[at + len(noun) :]) if at >= 0 else None
    return re.sub(r"['’]s$", "", follows.group(1)) if follows else None


# a first name written before a surname: "Deputy Jerry Ortiz", 'Luis "Jerry" Ortiz'
def _first_name(passage: str, surname: str, near: int) -> str | None:
    """The first name the passage writes before ``surname`` where it is closest to ``near``."""
    found = [
        m for m in re.finditer(rf"([A-ZÄÖÜ][\w'’-]*)[\"”’]?\s+{re.escape(surname)}\b", passage)
    ]
    if not found:
        return None
    first = min(found, key=lambda m: abs(m.end() - near)).group(1)
    return first if is_name_word(first, "en") else None


def _tell_apart_first_names(
    ages: Sequence[tuple[SentenceRef, Fact]],
    passages: Mapping[SentenceRef, str],
    people: dict[AgeAt, str],
) -> None:
    """Where the ages of one surname give first names that differ ("Jerry Ortiz, 35" and
    "17-year-old Jeremy Ortiz", his son), the first name most of them give keeps the
    surname and an age of another one more than ``NEAR`` years off is a person of its
    own, by full name ("Alexandros" and "Alexis Grigoropoulos", both 15, stay one)."""
    firsts: dict[AgeAt, tuple[str, Fact]] = {}
    for ref, fact in ages:
        at = (ref, fact.start)
        if at in people and (first := _first_name(passages[ref], people[at], fact.start)):
            firsts[at] = first, fact
    for surname in set(people.values()):
        told = Counter(first for at, (first, _) in firsts.items() if people[at] == surname)
        if len(told) < 2:
            continue
        kept = told.most_common(1)[0][0]
        kept_ages = [
            fact.quantity.low
            for first, fact in firsts.values()
            if first == kept and fact.quantity.low is not None
        ]
        for at, (first, fact) in firsts.items():
            if people[at] == surname and first != kept and not _near(fact, kept_ages):
                people[at] = f"{first} {surname}"


def _named_in(text: str, people: Sequence[str]) -> list[str]:
    """The persons of ``people`` that ``text`` names."""
    return [person for person in people if re.search(rf"\b{re.escape(person)}\b", text)]


# Years a role's age may lie from the named person's for the role to be that person: the
# reports of ECB+ tune that disagree on one person's age do so by one or two years
# ("37" / "38"), while the role ages that were someone else's lay 3 to 35 years off
# ("a 50-year-old man" in a report on LaCalamita, 38; "a 13-year-old girl" beside
# Cheeks, 48). A role further off is left to the clusters.
NEAR = 2


def _near(fact: Fact, named: Sequence[float]) -> bool:
    value = fact.quantity.low
    return value is not None and any(abs(value - other) <= NEAR for other in named)


def age_people(
    ages: Sequence[tuple[SentenceRef, Fact]],
    passages: Mapping[SentenceRef, str],
    reports: Mapping[str, str],
    *,
    languages: Mapping[str, str] | None = None,
) -> dict[AgeAt, str]:
    """The person each age of one story is of, where one is plain, by surname.

    ``passages`` holds the text of each age's passage, ``reports`` the whole
    text of each report and ``languages`` its language (English unless told), by
    article id.

    >>> from newsdiff.core.model import Quantity
    >>> def age(article, noun):
    ...     return SentenceRef(article, 0), Fact("number", "33", 0, 2, Quantity(33, 33), noun=noun)
    >>> ages = [age("a", "Reid"), age("b", "actress"), age("c", "Tara"), age("d", "son")]
    >>> texts = {"a": "Reid, 33,", "b": "Tara Reid ... the actress", "c": "Tara Reid", "d": "Reid"}
    >>> sorted(age_people(ages, {r: texts[r.article] for r, _ in ages}, texts).values())
    ['Reid', 'Reid', 'Reid']
    """
    language = languages or {}
    named = {
        (ref, fact.start): _named(fact.noun, language.get(ref.article, "en")) for ref, fact in ages
    }
    given = {name for name in named.values() if name}
    per_passage = Counter(ref for ref, _ in ages)
    in_report: dict[str, list[AgeAt]] = {}
    for ref, fact in ages:
        in_report.setdefault(ref.article, []).append((ref, fact.start))
    people: dict[AgeAt, str] = {}
    for ref, fact in ages:  # the named first: their surnames are what a role resolves to
        at, name = (ref, fact.start), named[(ref, fact.start)]
        if name:
            # "Tara" where the report writes "Tara Reid": the surname another report gives
            full = re.search(rf"\b{re.escape(name)}\s+([A-ZÄÖÜ][\w'-]*)", reports[ref.article])
            later = full.group(1) if full else None
            people[at] = later if later in given and later != name else name
    for ref, fact in ages:  # "the 36-year-old champion Klitschko": the role names him
        after = _name_after_role(passages[ref], fact)
        if (ref, fact.start) not in people and after in given:
            people[(ref, fact.start)] = after
    _tell_apart_first_names(ages, passages, people)
    surnames = sorted(set(people.values()))
    given_ages: dict[str, list[float]] = {}
    for ref, fact in ages:
        if (ref, fact.start) in people and fact.quantity.low is not None:
            given_ages.setdefault(people[(ref, fact.start)], []).append(fact.quantity.low)
    for ref, fact in ages:
        at = (ref, fact.start)
        if at in people or _KIN.fullmatch(fact.noun or ""):
            continue
        mates = [(ref, other.start) for other_ref, other in ages if other_ref == ref]
        taken = {people.get(mate) for mate in mates if mate != at}
        if per_passage[ref] > 1 and None in taken:
            continue  # another age of the passage is no one's yet: whose is whose is unclear
        # of the people the passage names, the one whose age this is near and no other age
        # of the passage gives: "Klitschko ... and the 40-year-old American" is Thompson
        named_here = [p for p in _named_in(passages[ref], surnames) if p not in taken]
        found = [p for p in named_here if _near(fact, given_ages[p])]
        if not named_here and per_passage[ref] == 1:  # the report's person, if it tells
            # no other's age ("the driver, 36")
            found = _named_in(reports[ref.article], surnames)
            others = {people.get(other) for other in in_report[ref.article] if other != at}
            found = found if others <= set(found[:1]) else []
            found = [p for p in found if _near(fact, given_ages[p])]
        if len(found) == 1:
            people[at] = found[0]
    return people
