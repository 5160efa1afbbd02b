"""Names of people, organisations and places, and which spellings name one entity.

German capitalises every noun, so a capital letter says little. simplemma's
German dictionary lists proper nouns too, but a common noun has inflected forms
that point back to it (Soldat <- Soldaten, Amt <- Amtes) and a name has at most
a genitive -s. That test, plus acronyms, runs of capitalised words and cues
such as "Präsident X" or "sagte X", is what this module measures as best on the
seeds (see tests/fixtures/facts_gold.json).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz import fuzz

from newsdiff.core.facts.window import skip_blanks_back
from newsdiff.core.language.dictionaries import dictionary
from newsdiff.core.language.text import has_marks, marked
from newsdiff.core.language.words import month_numbers
from newsdiff.core.model import Fact

_INFLECTIONS = ("e", "en", "n", "er", "es", "ern", "ens", "se", "sen", "nen", "s")
_COMMON_SUFFIX = re.compile(
    r"(ung|ungen|heit|keit|schaft|ismus|tion|tionen|ität|nis|tum|chen|lein|ment|ie|ien|"
    r"ik|eur|ling|ler|sten|ster)$"
)
# "May" is a name as often as a month (Theresa May), "Jan" and "Jun" as their short
# forms; the other months are none ("Nov. 27", "3. Okt.")
_NOT_NAMES = set(month_numbers(abbreviated=True)) - {"may", "jan", "jun"} | {
    "montag", "dienstag", "mittwoch", "donnerstag",
    "freitag", "samstag", "sonntag", "uhr", "stand", "herr", "frau", "the", "a", "an",
    "on", "in", "at", "of", "and", "but", "this", "that", "it", "he", "she", "they", "we",
    "i", "if", "as", "for", "after", "before", "while", "when", "according", "mr", "mrs",
    "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "details", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat",  # not "Sun"
    "am", "pm", "et", "est", "edt", "pst", "pdt", "gmt", "utc", "cet", "cest", "mez", "mesz",
    "euro", "dollar", "pfund", "franken", "rubel", "yen", "cent", "prozent",
}  # fmt: skip
_PARTICLES = {"van", "de", "bin", "al", "da", "del", "of", "for", "and"}
_ARTICLES = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "the", "a", "an"}
_UMLAUT = {"a": "ä", "o": "ö", "u": "ü"}
# a title or a verb of saying right before capitalised words marks them as a name
_CUE = re.compile(
    r"(?:präsident|präsidentin|minister|ministerin|chef|chefin|machthaber|abgeordnete|"
    r"abgeordneten|sprecher|sprecherin|analyst|experte|expertin|diktator|kollegen|kollege|"
    r"rechtler|sagte|sagt|forderte|erklärte|betonte|schrieb|meldete|president|minister|"
    r"secretary|leader|spokesman|spokeswoman|lawmaker|official|said|says|told)$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*[\w]|[^\W\d_]")
# the same where a text holds combining marks or joiners: "Spin̈al Tap" is one name
_TOKEN_MARKED = r"[^\W\d_][<M>]*(?:[\w'’<M><J>-]*\w[<M>]*)?"


@lru_cache(maxsize=2)
def _dictionary(language: str) -> Mapping[str, str]:
    # the lemmatiser's own: one copy per process, a trie from the cache where there is one
    return dictionary(language)


@lru_cache(maxsize=20000)
def _is_common_noun(word: str) -> bool:
    """A known German noun that inflects, or a compound ending in one."""
    lexicon = _dictionary("de")
    lemma = lexicon.get(word)
    if lemma is not None and lemma != word:
        return not (word == lemma + "s" and not _is_common_noun(lemma))
    if lemma == word:
        if re.search(r"[^aeiouäöüy]en$|um$", word):
            return True  # Rahmen, Abkommen, Ministerium: names rarely end so
        plural = re.sub(r"([aou])([^aeiouäöü]*)$", lambda m: _UMLAUT[m[1]] + m[2], word)
        forms = [word + end for end in _INFLECTIONS[:-1]] + [plural + "e", plural + "er"]
        return any(lexicon.get(form) == word for form in forms)
    if _COMMON_SUFFIX.search(word):
        return True
    for cut in range(2, len(word) - 3):
        tail = word[cut:].capitalize()
        if lexicon.get(tail) and _is_common_noun(tail):
            return True
    return False


def is_common_noun(word: str) -> bool:
    """Whether a capitalised German word is a known noun rather than a name.

    >>> is_common_noun("Sicherheitsbedenken"), is_common_noun("KCNA")
    (True, False)
    """
    return _is_common_noun(word)


def is_inflected_noun(word: str) -> bool:
    """Whether a German word is a known noun in an inflected form ("Aufträge" of "Auftrag",
    not a genitive -s), which a surname hardly ever is ("Fischer", "Müller" are lemmas).

    >>> is_inflected_noun("Aufträge"), is_inflected_noun("Fischer"), is_inflected_noun("Kreß")
    (True, False, False)
    """
    lemma = _dictionary("de").get(word)
    if lemma is None or lemma.casefold() == word.casefold().replace("ß", "ss"):
        return False
    return len(word) > len(lemma) and word != lemma + "s" and _is_common_noun(word)


def is_name_word(word: str, language: str = "de") -> bool:
    """Whether one capitalised word reads as (part of) a name rather than a known word.

    >>> is_name_word("Filzmaier"), is_name_word("Aufträge")
    (True, False)
    """
    return _is_name_word(word, language)


@lru_cache(maxsize=50000)
def _is_name_word(word: str, language: str) -> bool:
    if word.lower() in _NOT_NAMES or not word[0].isupper() or len(word) < 2:
        return False
    if _CUE.search(word):
        return False  # a title is not the name it introduces
    if re.fullmatch(r"[A-ZÄÖÜ]{2,}s?", word):
        return True
    parts = word.split("-")
    if len(parts) > 1:
        return all(_is_name_word(part, language) for part in parts if part)
    if language == "en":  # English capitalises names only; a known word opens a sentence
        return _dictionary("en").get(word.lower()) is None
    lexicon = _dictionary("de")
    lemma = lexicon.get(word)
    lower = lexicon.get(word.lower())
    if (lemma is not None and lemma[0].islower()) or (lower and lower[0].islower()):
        return False  # an adverb, verb or adjective that opens a sentence
    return not _is_common_noun(word)


_OPENS = re.compile(r"(?:^|[.!?:„“\"»]|\n)\s*$")


def _title_case(tokens: list[re.Match[str]]) -> bool:
    """Whether a passage is a headline in title case ("Powerful Quake in Iran Kills 10"),
    where a capital tells no name."""
    long = [t.group() for t in tokens if len(t.group()) > 3]
    lower = sum(not w[0].isupper() for w in long)
    return len(long) >= 3 and (lower == 0 or (len(long) >= 6 and lower == 1))


def _sentence_start(text: str, start: int) -> bool:
    return _OPENS.search(text, max(0, start - 12), start) is not None


def extract_names(text: str, *, language: str = "de") -> tuple[Fact, ...]:
    """People, organisations and places, one fact per run of name words.

    >>> [f.text for f in extract_names("Dies meldete die Nachrichtenagentur KCNA mit Kim Jong Un.")]
    ['KCNA', 'Kim Jong Un']
    """
    lang = "en" if language == "en" else "de"
    tokens = list((marked(_TOKEN_MARKED) if has_marks(text) else _TOKEN).finditer(text))
    flags = []
    for index, token in enumerate(tokens):
        word = token.group()
        is_name = _is_name_word(word, lang)
        flags.append(is_name or (word[:1].isupper() and _cued(tokens, index, text, lang)))
    if "(" in text:
        _mark_defined_names(tokens, text, flags)
    if lang == "de":
        _mark_adjective_names(tokens, text, flags)
    if lang == "en" and not _title_case(tokens):
        # English capitalises inside a sentence only names (and titles, days, months):
        # "Gordon Brown", "The Sun", though "brown" and "sun" are words
        for index, token in enumerate(tokens):
            word = token.group()
            if (
                not flags[index]
                and word[:1].isupper()
                and len(word) > 1
                and word.lower() not in _NOT_NAMES
                and not _CUE.search(word)
                and not _sentence_start(text, token.start())
            ):
                flags[index] = True
    if lang == "en":  # "North Korea": a known word that leads a name belongs to it
        for index in range(len(tokens) - 2, -1, -1):
            word = tokens[index].group()
            gap = text[tokens[index].end() : tokens[index + 1].start()]
            lead = word[:1].isupper() and word.lower() not in _NOT_NAMES
            if lead and gap == " " and flags[index + 1] and not _CUE.search(word):
                flags[index] = True
    facts: list[Fact] = []
    index = 0
    while index < len(tokens):
        if not flags[index]:
            index += 1
            continue
        last = index
        while last + 1 < len(tokens):
            gap = text[tokens[last].end() : tokens[last + 1].start()]
            if gap != " " or normalise_name(tokens[last].group()) != tokens[last].group():
                break  # "Russlands Nationalem Sicherheitsrat": a genitive ends a name
            if flags[last + 1] or _particle(tokens, last, flags):
                last += 1
            else:
                break
        while tokens[last].group() in _PARTICLES:
            last -= 1
        start, end = tokens[index].start(), tokens[last].end()
        if text[end - 2 : end] in ("'s", "’s") and end - 2 > start:
            end -= 2  # "Kim Jong Un's regime": the name without the possessive
        facts.append(Fact("name", text[start:end], start, end, normalise_name(text[start:end])))
        index = last + 1
    return tuple(facts)


def _mark_defined_names(tokens: list[re.Match[str]], text: str, flags: list[bool]) -> None:
    """The capitalised words an acronym spells out: "National Intelligence Service (NIS)"."""
    walked = 0
    for index, token in enumerate(tokens):
        if not re.fullmatch(r"[A-ZÄÖÜ]{2,}", token.group()) or index == 0:
            continue
        opening = skip_blanks_back(text, token.start())
        if text[opening - 1 : opening] != "(":
            continue
        back, floor = index - 1, walked
        walked = index
        # past the previous acronym this walk would repeat that one's steps: stop there,
        # so a line of acronyms is walked once, not back to its start from every one
        while back >= floor:
            word = tokens[back].group()
            if word.lower() in _ARTICLES or "-" in word:
                break
            if word[:1].isupper():
                flags[back] = True
            elif word not in _PARTICLES:
                break
            back -= 1


def _mark_adjective_names(tokens: list[re.Match[str]], text: str, flags: list[bool]) -> None:
    """A capitalised adjective inside a sentence starts a name: "der Vereinten Nationen"."""
    lexicon = _dictionary("de")
    for index in range(len(tokens) - 1):
        word, following = tokens[index].group(), tokens[index + 1].group()
        if not (word[:1].isupper() and following[:1].isupper()):
            continue
        lemma = lexicon.get(word.lower()) or ""
        adjective = lemma[:1].islower() and re.search(r"(e|en|er|es|em)$", word) is not None
        # an inflected adjective or participle, not a noun that is also a verb ("Stunden")
        adjective = adjective and lemma != word.lower() and lexicon.get(word) != word
        gap = text[tokens[index].end() : tokens[index + 1].start()]
        if (
            adjective
            and word[:1].isupper()
            and following[:1].isupper()
            and gap == " "
            and not _sentence_start(text, tokens[index].start())
            and not _CUE.search(following)
        ):
            flags[index] = flags[index + 1] = True


def _particle(tokens: list[re.Match[str]], last: int, flags: list[bool]) -> bool:
    """A particle inside a name ("Ursula von der Leyen") continues it."""
    word = tokens[last + 1].group()
    return word in _PARTICLES and last + 2 < len(tokens) and flags[last + 2]


def _cued(tokens: list[re.Match[str]], index: int, text: str, language: str) -> bool:
    """Capitalised words right after a title or a verb of saying ("Analyst Nico Lange")."""
    back = index
    while back > 0 and index - back < 3:
        previous = tokens[back - 1]
        gap = text[previous.end() : tokens[back].start()]
        if gap.strip(" ,") or (not previous.group()[:1].isupper() and back != index):
            return False
        if _CUE.search(previous.group()) and not _CUE.fullmatch(tokens[index].group()):
            word = tokens[index].group()
            title = _CUE.search(word) is not None  # "sagt US-Verteidigungsminister ..."
            return word[:1].isupper() and word.lower() not in _NOT_NAMES and not title
        if not previous.group()[:1].isupper():
            return False
        back -= 1
    return False


def normalise_name(name: str) -> str:
    """The form names are compared on: a genitive -s of a known name dropped.

    >>> normalise_name("Russlands"), normalise_name("Pistorius"), normalise_name("Los")
    ('Russland', 'Pistorius', 'Los')
    """
    lexicon = _dictionary("de")
    if len(name) < 5 or not name.endswith("s") or name.endswith("ss"):
        return name
    stem = name[:-1]
    if lexicon.get(name) == stem or lexicon.get(stem) == stem:  # Nordkoreas, Russlands
        return stem
    return name


def fold_name(name: str) -> str:
    """Spelling folded for comparison across transliterations (w/v, j/y/i, umlauts).

    >>> fold_name("Wolodymyr Selenskyj") == fold_name("Volodimir Selenskii")
    True
    """
    plain = unicodedata.normalize("NFKD", name.casefold().replace("ß", "ss"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    for old, new in (("w", "v"), ("y", "i"), ("j", "i"), ("ph", "f"), ("ck", "k")):
        plain = plain.replace(old, new)
    return re.sub(r"[^a-z ]+", " ", plain).strip()


@lru_cache(maxsize=4096)
def _folded(name: str) -> str:
    # one name meets many partners; a long run of capitals is folded once, not per pair
    return fold_name(normalise_name(name))


def same_entity(a: str, b: str) -> bool:
    """Whether two written names name one entity: a spelling variant or a short form.

    German and English transcribe a foreign name apart ("Selenskyj" /
    "Zelensky", "Pjöngjang" / "Pyongyang"): both are compared in one
    romanisation too (``_romanised``).

    >>> same_entity("Gerassimow", "Gerasimov"), same_entity("Nordkorea", "Südkorea")
    (True, False)
    >>> same_entity("Selenskyj", "Zelensky"), same_entity("Schoigu", "Shoigu")
    (True, True)
    """
    x, y = _folded(a), _folded(b)
    if not x or not y:
        return False
    if x == y:
        return True
    if x[0] == y[0] and fuzz.ratio(x, y) >= 80:
        return True
    rx, ry = _romanised(x), _romanised(y)
    if rx[0] == ry[0] and fuzz.ratio(rx, ry) >= 80:
        return True
    short, long = sorted((x.split(), y.split()), key=len)
    if len(short) < len(long) and (short == long[: len(short)] or short == long[-len(short) :]):
        return True
    return len(short) == len(long) > 1 and fuzz.ratio(short[-1], long[-1]) >= 85


# German and English transcriptions of one sound, from the longest: "tsch" is
# English "ch", German "j" English "y", German "s" before a vowel English "z",
# German "w" English "v"; doubled letters fold to one.
_ROMAN = (("tsch", "ch"), ("sch", "sh"), ("z", "s"), ("j", "y"), ("w", "v"), ("yy", "y"))


def _romanised(folded: str) -> str:
    """One spelling for a name's German and English transcriptions.

    >>> _romanised("selenskyj"), _romanised("zelensky"), _romanised("pjongjang")
    ('selensky', 'selensky', 'pyongyang')
    """
    for german, english in _ROMAN:
        folded = folded.replace(german, english)
    return folded
