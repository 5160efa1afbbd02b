"""Quantities in news text: the figure, its qualifier, its range and what it counts.

Reports rarely disagree on a bare number; they disagree on "etwa 10.000 bis
12.000 Soldaten" against "rund 11.000 Mann". So a figure is kept with its
qualifier (about, more than, up to), its range and the noun it counts, and
dates, times and years are left to the date extractor.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from newsdiff.core.facts.ages import AGE, age_of
from newsdiff.core.facts.durations import DURATION_AFTER, FUSED, duration_after
from newsdiff.core.facts.measures import (
    MEASURE_WORDS,
    PARTICIPLES,
    VERB_BEFORE,
    is_person_word,
    measure_of_verb,
    measure_of_word,
    names_things,
)
from newsdiff.core.facts.money import (
    CURRENCY_AFTER,
    SIGN_PATTERN,
    SIGNS,
    currency_after,
    year_of_money,
)
from newsdiff.core.facts.names import is_common_noun
from newsdiff.core.facts.notation import NUMBER, OTHER_GROUPS, written_in
from newsdiff.core.facts.units import unit_after
from newsdiff.core.facts.window import search_before
from newsdiff.core.language.alternation import alternation
from newsdiff.core.language.words import month_numbers
from newsdiff.core.model import Fact, Quantity

_UNITS_DE = {
    "ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9,
}  # fmt: skip
_TENS_DE = {
    "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60,
    "siebzig": 70, "achtzig": 80, "neunzig": 90,
}  # fmt: skip
_UNITS_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_TENS_EN = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_COMPOUNDS = {
    **{u + "und" + t: uv + tv for u, uv in _UNITS_DE.items() for t, tv in _TENS_DE.items()},
    **{t + "-" + u: tv + uv for u, uv in _UNITS_EN.items() for t, tv in _TENS_EN.items()},
}
# number words; "ein", "one" alone are articles as often as figures, so only in
# compounds ("einundzwanzig", "twenty-one") or before a scale ("one million")
_WORDS: dict[str, float] = {
    **{w: v for w, v in _UNITS_DE.items() if w != "ein"},
    **{w: v for w, v in _UNITS_EN.items() if w != "one"},
    **_TENS_DE, **_TENS_EN,
    "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "hundert": 100,
    "tausend": 1000, "eineinhalb": 1.5, "anderthalb": 1.5, "zweieinhalb": 2.5,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "hundred": 100,
    "thousand": 1000,
    **_COMPOUNDS,
}  # fmt: skip
_SCALES = {
    "tausend": 10**3, "thousand": 10**3, "million": 10**6, "millionen": 10**6, "mio.": 10**6,
    "mio": 10**6, "milliarde": 10**9, "milliarden": 10**9, "mrd.": 10**9, "mrd": 10**9,
    "billion": 10**9, "trillion": 10**12, "billionen": 10**12, "bio.": 10**12,
    "hundert": 10**2, "hundred": 10**2, "dozen": 12, "dutzend": 12,
}  # fmt: skip
# "half a million", "eine halbe Million": half the scale
_HALF = ("half", "halbe", "halben")
# German counts long: "eine Billion" is a million millions, an English "trillion"
_SCALES_DE = {"billion": 10**12, "trillion": 10**18}
# no report states a figure past this as a fact (the world's yearly output is about
# 10**14 dollars); a longer one is a typo or a test string and makes no claim. Below
# it, whole numbers are read exactly: a float turns 999,999,999,999,999,999 into 10**18
_LARGEST = 10**18
# scales written short and fused to the figure, read only beside a currency: "$1m",
# "£2.5bn", "2.5m Dollar" (a bare "5m" is five metres)
_SHORT_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9}
# an apostrophe or space between thousands: "10'000", "14 000"
_GAP = re.compile(r"(?<=\d)['’\u00a0\u202f\u2009 ](?=\d{3}(?!\d))")
_SHORT = re.compile(r"(?P<figure>.*?\d)\s?(?P<scale>bn|mn|m|k)", re.IGNORECASE)
# plural "thousands" words: a lower bound, always approximate
_VAGUE = {
    "dutzende": 12, "hunderte": 100, "tausende": 1000, "zehntausende": 10000,
    "hunderttausende": 100000, "millionen": 1e6, "dozens": 12, "hundreds": 100,
    "thousands": 1000, "millions": 1e6,
}  # fmt: skip
_SOME_WORDS = ("einige", "mehrere", "several", "some", "few")
# before a bare scale word: "mehrere hundert Rebellen", "several hundred protesters" are
# some hundreds, no hundred ("some hundred" is about a hundred)
_SEVERAL = re.compile(
    r"\b(?:einige|mehrere|wenige|ein\s+paar|several|a\s+few|few)\s+$", re.IGNORECASE
)
_SOME = r"einige|mehrere|several|some|a\s+few"
_QUALIFIERS = {
    "mehr als": ">", "über": ">", "mindestens": ">=", "wenigstens": ">=", "gut": ">",
    "bis zu": "<=", "höchstens": "<=", "maximal": "<=", "weniger als": "<", "unter": "<",
    "knapp": "~", "fast": "~", "beinahe": "~", "etwa": "~", "rund": "~", "ungefähr": "~",
    "circa": "~", "ca.": "~", "schätzungsweise": "~", "annähernd": "~",
    "more than": ">", "over": ">", "at least": ">=", "up to": "<=", "as many as": "<=",
    "fewer than": "<", "less than": "<", "under": "<", "about": "~", "around": "~",
    "roughly": "~", "approximately": "~", "nearly": "~", "almost": "~",
    "an estimated": "~", "some": "~",
}  # fmt: skip
_MONTHS = alternation(month_numbers())
_DAY_MONTHS = alternation(month_numbers(abbreviated=True))  # "Nov. 27", "3. Okt. 2024"
_DATE_LIKE = re.compile(
    r"\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}:\d{2}|\d{1,2}\.\d{2}\s*Uhr\b|\d{4}-\d{2}(?:-\d{2})?|\d{1,2}\.\s?\d{1,2}\."
    rf"|\b\d{{1,2}}\.?\s+(?:{_DAY_MONTHS})\b"
    rf"|\b(?:{_DAY_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,\s*\d{{4}})?"
    # a decade counts nothing: "the 1990s" was 1990 of a noun "s"
    r"|\b(?:1[5-9]|20)\d0['’]?s\b|(?<!\w)['‘’]\d0s\b",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    rf"(?:\b(?:{_MONTHS}|jahr|jahre|jahres|jahren|frühjahr|sommer|herbst|winter|im|seit|bis|von|"
    rf"anfang|ende|mitte|in|since|by|of|from|until|spring|summer|autumn|fall|year)\s+)$",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\.(?: (?=\S)|\)|,)")
_LABEL = re.compile(
    r"\b(?:Artikel|Paragraf|Paragraph|§|Nr\.|Nummer|Platz|Seite|Punkt|Absatz|Kapitel|Linie|"
    r"Zimmer|User|Article|No\.|Section|Room|Page)\s*$"
)
# a table row's label: "Verletzte: 4000"
_ROW_LABEL = re.compile(r"(?:^|\n)\s*([A-ZÄÖÜ][\w-]*)\s*[:|]\s*$")
_TOKEN = re.compile(r"[\w][\w-]*")
_ABBREVIATED = ("mio.", "mrd.", "bio.")  # a point that is the scale's, not the sentence's
_MORE_AFTER = re.compile(r"\s+(?:more|additional)\b", re.IGNORECASE)
_STOP = {
    "und", "oder", "in", "im", "nach", "von", "vom", "zu", "zum", "zur", "an", "am", "auf",
    "aus", "bei", "mit", "für", "gegen", "the", "and", "or", "to", "of", "from", "at",
    "on", "for", "with", "by", "were", "was", "are", "is", "have", "had", "has", "der",
    "die", "das", "den", "dem", "des", "sei", "seien", "wurden", "waren", "sind",
}  # fmt: skip


# "one" counts where a person follows: "killing one person and injuring two" (not "one
# of them", "one day")
_ONE_OF = (
    r"\s+(?:more\s+)?(?:person|man|woman|child|boy|girl|soldier|officer|worker|employee|"
    r"civilian|passenger|crew\s+member|dead|killed|injured|wounded|hurt)\b"
)
# German writes a figure's number word in lowercase: capitalised after the sentence's
# first word, it is a noun ("Die Elf siegte", "die Zwölf", "eine Zwei in Mathe") unless
# a noun follows for it to count ("Die Elf Toten", "Fünf-Sterne-Hotel" as "5-Sterne"), not
# a name ("Die Elf Salzburgs");
# "Hundert", "Tausend" are scales. An English one there is a title ("Top Ten")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]|\s[–—-])[\s\"'„“”‚‘’»«(]*$")
_COUNTED_AFTER = re.compile(
    r"-\w|\s+(?:[a-zäöüß]\w*(?:e|en|er|es|em)\s+)?(?P<noun>[A-ZÄÖÜ][\w'’-]*)"
)
_SCALE_WORDS = ("hundert", "tausend")


def _is_number_noun(match: re.Match[str], text: str, start: int, end: int) -> bool:
    """Whether a German capitalised number word names a team or a mark, no figure."""
    first = match.group("low") or ""
    if match.group("high") or match.group("qual") or not first[:1].isupper():
        return False
    if first.lower() not in _WORDS or first.lower() in _SCALE_WORDS:
        return False
    if DURATION_AFTER.match(text, end):
        return False  # "Der Zehnjährige", "Dreitägige Feiern": an age, a span of time
    if search_before(_SENTENCE_START, text, start):
        return False  # "Elf Menschen starben": a sentence opens on it
    counted = _COUNTED_AFTER.match(text, end)
    # "Die Elf Salzburgs siegte", "die Elf Bayern Münchens": a name after it is whose team
    return counted is None or (counted["noun"] is not None and not is_common_noun(counted["noun"]))


# "the nineteen sixties" is a decade, no count of nineteen
_DECADES = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"


# the number words as one pattern that branches letter by letter (alternation.py)
_WORDS_PATTERN = (
    rf"(?:{alternation(_UNITS_DE)})und(?:{alternation(_TENS_DE)})"
    rf"|(?:{alternation(_TENS_EN)})-(?:{alternation(_UNITS_EN)})"
    rf"|{alternation(w for w in _WORDS if w not in _COMPOUNDS)}"
)


def _atom(language: str) -> str:
    words = _WORDS_PATTERN
    scales = "|".join(re.escape(s) for s in sorted(_SCALES, key=len, reverse=True))
    vague = "|".join(sorted(_VAGUE, key=len, reverse=True))
    # (?!\w), not \b, after a scale: "1 Mio. Dollar" ends in a point
    return (
        rf"(?:(?:{NUMBER[language]})(?:\s+(?:{scales})(?!\w))?"
        rf"|\b(?:{words}|ein){FUSED}"  # "dreitägig", "einjährig" (durations.py)
        rf"|\b(?:{words})\b(?!\s+{_DECADES})(?:\s+(?:{scales})(?!\w))?"
        rf"|\bone\b(?={_ONE_OF})"
        rf"|\b(?:half\s+a|a\s+half|eine[rn]?\s+halben?|eine?|one|a)\s+"
        rf"(?:million|millionen|milliarde|billion|dozen|dutzend)\b"
        rf"|\b(?:(?:{_SOME})\s+)?(?:{vague})\b)"
    )


def _pattern(language: str) -> re.Pattern[str]:
    quals = alternation(_QUALIFIERS)
    atom = _atom(language)
    short = rf"(?:{NUMBER[language]})\s?(?:bn|mn|m|k)(?!\w)"
    # a short scale needs money around it: "$2.5bn", "2.5m Dollar" (a bare "5m" is metres)
    bare = rf"(?:{short}(?={CURRENCY_AFTER})|{atom})"
    return re.compile(
        rf"(?<![\w.,:/-])"
        # "zwischen $300,000 und $400,000": a sign before each end, or before the first only
        rf"(?:(?P<between>zwischen|between)\s+(?:(?P<bsign1>{SIGN_PATTERN})\s?)?"
        rf"(?P<b1>(?(bsign1)(?:{short}|{atom})|{atom}))\s+(?:und|and)\s+"
        rf"(?:(?P<bsign2>{SIGN_PATTERN})\s?)?(?P<b2>(?(bsign2)(?:{short}|{atom})|{atom}))"
        rf"|(?:(?P<qual>{quals})\s+)?(?:(?P<sign>{SIGN_PATTERN})\s?)?"
        rf"(?P<low>(?(sign)(?:{short}|{atom})|{bare}))"
        rf"(?:\s*(?:bis|–|-|to)\s*(?:(?P<sign2>{SIGN_PATTERN})\s?)?"
        rf"(?P<high>(?(sign2)(?:{short}|{atom})|(?(sign)(?:{short}|{atom})|{bare}))))?)"
        rf"(?![\w,]*\d|\.\d)",  # nor part of a figure: "2" of "Windows 8.1", "2.1"
        re.IGNORECASE,
    )


@lru_cache(maxsize=2)
def _compiled(language: str) -> re.Pattern[str]:
    """A language's figure pattern, compiled when a report of it is first read (each takes
    about 60 ms: a German folder need not pay for the English one)."""
    return _pattern(language)


def parse_number(text: str, *, language: str = "de") -> float | None:
    """The value of one written number: digits in the language's format, or number words;
    None for a figure no report states as a fact (past 10**18).

    >>> parse_number("10.000"), parse_number("10,000", language="en"), parse_number("zwei")
    (10000, 10000, 2)
    >>> parse_number("5 trillion", language="en"), parse_number("5 Billionen")
    (5000000000000, 5000000000000)
    >>> parse_number("999999999999999999"), parse_number("9" * 400)
    (999999999999999999, None)
    """
    grouped = _GAP.search(text) is not None
    words = _GAP.sub("", text).lower().split()
    if not words:
        return None
    if words[-1] in _VAGUE and (
        len(words) == 1 or words[-1] not in _SCALES or words[0] in _SOME_WORDS
    ):
        return _clean(_VAGUE[words[-1]])
    scale = 1
    if len(words) > 1 and words[-1] in _SCALES:
        scale = _scale(words[-1], language)
        words = words[:-1]
    head = words[-1]
    if head in _WORDS:
        return _clean(_WORDS[head] * scale)
    if head in ("ein", "eine", "einer", "einen", "one", "a") or head in _HALF:
        return _clean(scale / 2 if any(w in _HALF for w in words) else scale)
    separators = (",", "") if language == "en" else (".", "")
    if grouped:  # "10'000", "1'234.50", "14 000": what separator is left is a decimal one
        separators = (",", ".")
    elif re.fullmatch(OTHER_GROUPS["en" if language == "en" else "de"], head):
        separators = (".", "") if language == "en" else (",", "")  # "1.500.000", "1,500,000"
    digits = head.replace(*separators)
    if language != "en":
        digits = digits.replace(",", ".")
    if len(digits.partition(".")[0].lstrip("0")) > len(str(_LARGEST)):
        return None  # past any figure, and int() of thousands of digits is refused
    try:
        return _bounded((int(digits) if digits.isdecimal() else float(digits)) * scale)
    except ValueError:
        return None


def _scale(word: str, language: str) -> int:
    return _SCALES_DE.get(word, _SCALES[word]) if language != "en" else _SCALES[word]


def _bounded(value: float | int) -> float | int | None:
    """``value`` as a figure, or None past the largest a report states (or not finite)."""
    if not math.isfinite(value) or abs(value) > _LARGEST:
        return None
    return _clean(value)


def _figure(written: str, language: str, *, signed: bool) -> float | None:
    """``parse_number``, and as money a short scale too ("$1m", "£2.5bn", "2.5m Dollar")."""
    short = _SHORT.fullmatch(written) if signed else None
    if short is None:
        return parse_number(written, language=language)
    value = parse_number(short.group("figure"), language=language)
    return None if value is None else _bounded(value * _SHORT_SCALES[short.group("scale").lower()])


def _short_scale(first: str, second: str, language: str, low: float | int) -> int | None:
    """The short scale ("bn", "m") of a range's high end that binds its bare low end too:
    "$5-7bn" is five to seven billion, "$500 to $2m" five hundred to two million.

    >>> _short_scale("5", "7bn", "en", 5), _short_scale("500", "2m", "en", 500)
    (1000000000, None)
    """
    high, bare = _SHORT.fullmatch(second), _SHORT.fullmatch(first)
    if high is None or bare is not None:
        return None
    value = parse_number(high.group("figure"), language=language)
    if value is None or low >= value:
        return None
    return _SHORT_SCALES[high.group("scale").lower()]


def _money_at(match: re.Match[str], group: str) -> bool:
    """Whether a currency follows the figure in ``group``, so a short scale is one."""
    return (
        match.group(group) is not None
        and currency_after(match.string, match.end(group)) is not None
    )


def _clean(value: float | int) -> float | int:
    return int(value) if float(value).is_integer() else value


# English groups a count of thousands ("2,000 homes"), so "the 2009 season", "a 2013
# Toyota", "the 1967 slayings" are years, unless the figure counts people ("2000 troops")
# German writes "2000 Stellen" but dates a participle: "der 1972 geborene Bürgermeister",
# "die 2017 stattfindende Wahl", "die 2015 eingeleiteten Verfahren"
_DETERMINER_BEFORE_EN = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|this|that|whose|our|my|your)|['’]s)\s+$", re.I
)
_DETERMINER_BEFORE_DE = re.compile(
    r"\b(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|sein|seine|seines|seiner|"
    r"ihr|ihre|ihres|ihrer)\s+$",
    re.IGNORECASE,
)
# plurals a year dates after a determiner: events ("slayings", "elections", "riots") and a
# year's results ("figures"); any other plural counts ("the 2000 homes", "the 1500 cars").
# In ECB+ every "the YYYY <plural>" is one of these (slayings 3, killings 1, regulations 1)
_EVENTS_EN = re.compile(
    r"(?!(?:build|dwell|paint|belong|hold|draw|sav)ings)[a-z-]+(?:ings|tions|sions)"
    r"|attacks|riots|protests|games|floods|talks|finals|playoffs|championships|tournaments|"
    r"awards|midterms|primaries|polls|agreements|accords|amendments|rules|laws|reforms|"
    r"figures|results|numbers|statistics|accounts|budgets|models|olympics|events|strikes",
    re.IGNORECASE,
)
_PARTICIPLE_AFTER_DE = re.compile(r"\s+(?-i:[a-zäöüß]\w*(?:t|en|end)(?:e|en|er|es|em))\b")


def _is_year(match: re.Match[str], text: str, noun: str | None, language: str = "de") -> bool:
    low = match.group("low") or ""
    if match.group("high") or match.group("between") or match.group("qual"):
        return False
    if not re.fullmatch(r"1[5-9]\d\d|20\d\d", low):
        return False
    if noun is None or search_before(_YEAR_BEFORE, text, match.start()):
        return True
    if language == "en":
        if is_person_word(noun) or measure_of_word(noun) is not None:
            return False
        # a plural with nothing to date: "1500 homes were destroyed" (but "the 1967 slayings",
        # "host 2014 Oscars": an event's name)
        plural = noun[:1].islower() and re.search(r"[^s']s$", noun) is not None
        if not plural:
            return True
        # "the 1967 slayings", "the 2012 elections": a dated plural names events; "the 2000
        # homes of the village" counts things
        dated = search_before(_DETERMINER_BEFORE_EN, text, match.start()) is not None
        return dated and _EVENTS_EN.fullmatch(noun) is not None
    participle = _PARTICIPLE_AFTER_DE.match(text, match.end())
    return (
        participle is not None
        and measure_of_verb(participle.group().strip()) is None  # "die 2000 verletzten"
        and search_before(_DETERMINER_BEFORE_DE, text, match.start()) is not None
    )


def _is_price_base(match: re.Match[str], text: str) -> bool:
    """Whether a year-like figure before a currency word says what year's money the
    amounts are in ("in 2006 dollars", "in constant 2010 euros"), so counts nothing."""
    if match.group("high") or match.group("between") or match.group("qual"):
        return False
    return year_of_money(text, *match.span("low"))


_OF_WHOLE = re.compile(r"\s+of\s+(?:whom|which|them)\b", re.IGNORECASE)


# "I dated a million guys", "launched a thousand girls": in ECB+ every "a million" or "a
# thousand" with no qualifier and no currency is a figure of speech (4 of 4), every one
# with a currency a claim (2 of 2: "a million dollars damage"), as are the qualified
# ones ("more than a hundred schools", "about a million people")
_A_SCALE = re.compile(r"(?:a\s+)?(?:million|thousand)", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\ba\s+$", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(rf"\b(?:{alternation(_QUALIFIERS)})\s+$", re.IGNORECASE)


def _figure_of_speech(match: re.Match[str], text: str) -> bool:
    """Whether an English figure is "a million" or "a thousand" said loosely: unqualified."""
    if match.group("qual") or match.group("high") or match.group("between"):
        return False
    written, start = match.group("low") or "", match.start("low")
    if not _A_SCALE.fullmatch(written):
        return False
    if written[:1].lower() != "a":  # "thousand": its article stands before the match
        article = search_before(_ARTICLE_BEFORE, text, start)
        if article is None:
            return False  # "a few thousand", "two thousand", "thousand-year"
        start = article.start()
    return search_before(_QUALIFIER_BEFORE, text, start) is None  # "more than a hundred"


def _noun_after(text: str, end: int, language: str) -> tuple[str | None, int]:
    """The noun a figure counts, skipping the adjectives in between."""
    if language == "en" and _OF_WHOLE.match(text, end):
        return None, end  # "800 of whom died": a part of the whole told before, no noun
    first: tuple[str, int] | None = None  # English: the next word, unless a measure follows
    for index, token in enumerate(_TOKEN.finditer(text, end)):
        if index > 3 or re.search(r"[.;:!?|\n]", text[end : token.start()]):
            return first or (None, end)
        word = token.group()
        if language == "en" and index == 0 and word.lower() in ("of", "more", "additional"):
            continue  # "thousands of troops", "20 more people": the people are counted
        if word.lower() in _STOP:
            return first or (None, end)
        if language == "de":
            if word[0].isupper() and not word.isupper():
                return word, token.end()
            if not re.search(r"(e|en|er|es|em)$", word):
                return None, end
        else:
            if any(pattern.search(word.lower()) for pattern in MEASURE_WORDS.values()):
                return word, token.end()
            if first is None and word.isalpha():
                first = (word, token.end())
    return first or (None, end)


# a verb after a figure tells what it counts up to the end of its clause: "father of two
# sons — died after a shooting" tells of the father
_CLAUSE_END = re.compile(r"[;:]|\s[—–]\s")
# a part of the whole named after it has its own verb: in "1000 infiziert, von denen 800
# starben" and "1000 infected, of whom 800 died" the dead are the 800, not the 1000
_PART_OF = re.compile(
    r",\s*(?:von\s+denen|davon|darunter|unter\s+ihnen|of\s+whom|of\s+which|among\s+them|"
    r"including)\b[^,;:]*",
    re.IGNORECASE,
)
# "the mother of two died": the children did not
_CHILDREN_OF = re.compile(r"\b(?:mother|father|parent|mutter|vater)\s+(?:of|to|von)\s+$", re.I)
_SPAN_OF_TIME = re.compile(
    r"(?i:tagen?|wochen?|monate?n?|jahre?n?|jahrzehnte?n?|stunden?|minuten?|"
    r"days?|weeks?|months?|years?|decades?|hours?|minutes?)$"
)


# the words after an English figure that name what it counts, up to a verb or a stop
_PHRASE_AFTER = re.compile(r"\s+(?:(?:of|more|additional)\s+)?((?:[\w'-]+\s+){0,2}[\w'-]+)")


def _counts_things(noun: str | None, tail: str, language: str) -> bool:
    """Whether a figure counts things named right after it ("two helicopters were
    evacuating injured", "aus fünf Ländern ... infiziert"), so a later verb of harm
    tells of others, not of them."""
    if language != "en":
        return bool(noun) and names_things(noun or "") and not PARTICIPLES.fullmatch(noun or "")
    phrase = _PHRASE_AFTER.match(tail) if noun else None
    if phrase is None or not phrase.group(1).startswith(noun or ""):
        return False  # no noun right after: "12 died", "Smith, 51, died"
    if PARTICIPLES.fullmatch(noun or "") or measure_of_word(noun or ""):
        return False  # "2 hurt", "20 dead": the figure's own word says it
    words = []
    for word in phrase.group(1).split():
        if word.lower() in _STOP or PARTICIPLES.fullmatch(word):
            break
        words.append(word)
    return all(names_things(word, language="en") for word in words)


def _measure(noun: str | None, tail: str, language: str = "de", head: str = "") -> str | None:
    """What a figure counts: the verb right before it ("the quake killed 12 people") or
    after it ("12 Menschen kamen ums Leben"), else its noun."""
    participle = VERB_BEFORE.search(head)
    if participle is None and not _counts_things(noun, tail, language):
        participle = PARTICIPLES.search(_PART_OF.sub("", _CLAUSE_END.split(tail)[0]))
    if (noun and _SPAN_OF_TIME.match(noun)) or _CHILDREN_OF.search(head):
        participle = None  # "mit 83 Jahren gestorben", "five days of rioting ... died"
    measure = measure_of_verb(participle.group(1)) if participle else None
    if measure is None and noun:
        measure = measure_of_word(noun)
    if measure:
        return measure
    if not noun:
        return None
    from newsdiff.core.language.dictionaries import lemmatize  # "Jahren" = "Jahre"

    return lemmatize(noun, language).lower()


def slot_measure(fact: Fact, text: str, *, language: str = "de") -> str | None:
    """The measure a figure answers a claim slot with: its own, but for an age that of
    the person it is of, so "Kimani Gray, 16, killed by police" still tells of the dead.

    >>> text = "Kimani Gray, 16, killed by police"
    >>> [slot_measure(f, text, language="en") for f in extract_numbers(text, language="en")]
    ['killed']
    """
    value = fact.quantity
    if value.measure != AGE:
        return value.measure
    return _measure(fact.noun, text[fact.end : fact.end + 80].split(".")[0], language)


def _quantity(
    match: re.Match[str],
    text: str,
    span: tuple[int, int, int],
    bounds: tuple[float | int, float | int],
    noun: str | None,
    lang: str,
) -> Quantity:
    """The value of one figure: its qualifier opens a bound ("mehr als"), and the words
    around it say whether it adds to another ("weitere") or counts per unit ("jeweils")."""
    (start, end, noun_end), (low, high) = span, bounds
    first = match.group("b1") or match.group("low")
    qualifier = _QUALIFIERS.get(re.sub(r"\s+", " ", (match.group("qual") or "").lower()))
    words = first.lower().split()
    if words[-1] in _VAGUE and (len(words) == 1 or words[-2] in _SOME_WORDS):
        qualifier = qualifier or "~>="  # "tausende": at least a thousand, roughly
    elif words == [words[-1]] and words[-1] in _SCALES and search_before(_SEVERAL, text, start):
        qualifier = qualifier or "~>="  # "mehrere hundert", "a few thousand": as "hunderte"
    lowest: float | int | None = low
    highest: float | int | None = high
    if qualifier in (">", ">=", "~>=") and high == low:
        highest = None
    if qualifier in ("<=", "<") and high == low:
        lowest = None
    before = text[max(0, start - 12) : start].lower()
    after = text[end : noun_end if noun else end].lower()
    additional = bool(re.search(r"weitere\w*\s*$|more\s*$|additional\s*$", before))
    additional = additional or bool(re.search(r"\bweitere|\bmore\b|additional", after))
    additional = additional or bool(_MORE_AFTER.match(text, end))  # "three more", no noun
    return Quantity(
        low=lowest,
        high=highest,
        qualifier=qualifier,
        noun=noun,
        measure=_measure(
            noun, text[end : end + 80].split(".")[0], lang, text[max(0, start - 20) : start]
        ),
        additional=additional,
        per_unit=bool(re.search(r"(jeweils|je|each)\s*$", before)),
    )


def extract_numbers(text: str, *, language: str = "de") -> tuple[Fact, ...]:
    """The quantities in ``text`` with their qualifier, range and counted noun.

    >>> [f.quantity.low for f in extract_numbers("etwa 10.000 bis 12.000 Soldaten")]
    [10000]
    >>> extract_numbers("mehr als 3000 Soldaten")[0].qualifier
    '>'
    """
    pattern = _compiled("en" if language == "en" else "de")
    lang = "en" if language == "en" else "de"
    blocked = [m.span() for m in _DATE_LIKE.finditer(text)]  # in order, not overlapping
    blocked_starts = [s for s, _ in blocked]
    facts: list[Fact] = []
    for match in pattern.finditer(text):
        start, end = match.span()
        while (
            end > start
            and text[end - 1] in ".,"
            and text[end - 4 : end].lower() not in _ABBREVIATED
        ):
            end -= 1
        before_end = bisect_left(blocked_starts, end)  # the last date-like span starting before
        if before_end and blocked[before_end - 1][1] > start:
            continue
        if re.fullmatch(r"\d{1,3}", match.group("low") or "") and _ORDINAL.match(text, end):
            continue  # an ordinal ("3. Weltkrieg", "(76.)"), not a count
        if not match.group("qual") and search_before(_LABEL, text, start):
            continue  # a number that names, not counts: "Artikel 50", "Platz 3"
        if lang == "de" and _is_number_noun(match, text, start, end):
            continue  # "Die Elf siegte": the team
        low_at, high_at = ("b1", "b2") if match.group("between") else ("low", "high")
        first, second = match.group(low_at), match.group(high_at)
        signs = (match.group(g) for g in ("sign", "sign2", "bsign1", "bsign2"))
        sign = next((s for s in signs if s), None)
        # each figure read as its phrase writes it: "11.000 Soldaten" in an English report
        low_lang = written_in(text, match.start(low_at), language=lang)
        high_lang = written_in(text, match.start(high_at), language=lang) if second else low_lang
        low_sign = match.group("sign") or match.group("bsign1")
        low = _figure(first, low_lang, signed=bool(low_sign) or _money_at(match, low_at))
        # "$5-7bn": the sign before the range is the high end's too
        high_sign = match.group("sign2") or match.group("bsign2") or low_sign
        signed = bool(high_sign) or _money_at(match, high_at)
        high = _figure(second, high_lang, signed=signed) if second else low
        if low is None or high is None:
            continue
        scale = second.lower().split()[-1] if second else ""
        if scale in _SCALES and first.lower().split()[-1] not in _SCALES and low < high:
            # "2 bis 3 Millionen": the scale binds both
            low = _bounded(low * _scale(scale, high_lang))
        elif second and signed and (short := _short_scale(first, second, high_lang, low)):
            low = _bounded(low * short)  # "$5-7bn", "£2-3m": five to seven billion
        if low is None:
            continue
        # "the 37-year-old actor": an age, and the person it is of
        age = None if sign or low != high else age_of(text, start, end, low, language=lang)
        # "die dreitägige Konferenz", "zehnjährige Haft": days, years, as "drei Tage" counts
        fused = lang == "de" and age is None and not sign and low == high
        duration = duration_after(text, end) if fused else None
        # a currency word after the figure, else its sign before, names what it counts
        money = None if age is not None or duration else currency_after(text, end)
        currency = money[0] if money else SIGNS.get(sign or "")
        unit = None if currency or age is not None or duration else unit_after(text, end)
        # a unit is the figure's noun, as written ("km / h"); its dimension is the measure
        noun: str | None
        stop = money[1] if money else unit[1] if unit else None
        if age is not None:
            noun, noun_end = age
        elif duration is not None:
            noun, noun_end = duration
        elif stop is not None:
            noun, noun_end = text[end:stop].strip(), stop
        elif sign:
            noun, noun_end = sign, end  # "$1 million": the sign says what it counts
        else:
            noun, noun_end = _noun_after(text, end, lang)
        if noun is None and age is None:
            label = search_before(_ROW_LABEL, text, start)
            noun = label.group(1) if label else None
        if unit is None and currency is None and _is_year(match, text, noun, lang):
            continue  # "2000 Kilogramm", "$2000" are no year
        if money and not sign and _is_price_base(match, text):
            continue  # "in 2006 dollars": the year the amounts are valued in
        if lang == "en" and unit is None and currency is None and _figure_of_speech(match, text):
            continue  # "I dated a million guys"
        value = _quantity(match, text, (start, end, noun_end), (low, high), noun, lang)
        if age is not None:
            value = replace(value, measure=AGE)
        elif unit:
            value = replace(value, measure=unit[0].dimension)
        elif currency:
            value = replace(value, measure=currency)
        end = noun_end if duration else end  # the figure is the whole word: "dreitägige"
        facts.append(
            Fact("number", text[start:end], start, end, value, qualifier=value.qualifier, noun=noun)
        )
    return _parts_of_wholes(text, facts)


# a part before its whole: "vier von insgesamt fünf Ländern", "Zwölf der 16 Arten",
# "four of the five countries"
_PART_BEFORE_WHOLE = re.compile(
    r"\s+(?:von|der|of(?:\s+the)?)\s+(?:insgesamt\s+|all\s+)?", re.IGNORECASE
)


def _parts_of_wholes(text: str, facts: list[Fact]) -> tuple[Fact, ...]:
    """Each figure without a noun that is a part of the whole right after it counts the
    whole's noun: in "aus vier von insgesamt fünf Ländern" the four are countries too."""
    for index in range(len(facts) - 2, -1, -1):  # from the end: "2 von 3 von 4 Ländern"
        part, whole = facts[index], facts[index + 1]
        if part.noun is not None or whole.noun is None or part.quantity.measure == AGE:
            continue
        if _PART_BEFORE_WHOLE.fullmatch(text, part.end, whole.start) is None:
            continue
        value = replace(part.quantity, noun=whole.noun, measure=whole.quantity.measure)
        facts[index] = replace(part, value=value, noun=whole.noun)
    return tuple(facts)
