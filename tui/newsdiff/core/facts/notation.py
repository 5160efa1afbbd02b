"""How a figure is written: which language's separators its digits use.

A report's language sets the default ("11.000" is eleven thousand in German, eleven
in English), but reports quote each other: an English report cites "11.000
Soldaten" or "2,5 Milliarden Euro" from a German source, a German one "$2.5bn"
from an English wire. So a phrase that tells its own notation, by a scale or
unit word of the other language or a shape only the other language writes, is
read that way; a phrase that tells nothing keeps the report's reading.
"""

from __future__ import annotations

import re

from newsdiff.core.facts.units import UNIT_PATTERN

# two or more groups of three after one separator are thousands in either language: a
# German quote's "1.500.000" in an English report is no 1.5, an English "1,500,000" in a
# German one no 1.5 either
OTHER_GROUPS = {
    "de": r"\d{1,3}(?:,\d{3}){2,}(?![,.]?\d)",
    "en": r"\d{1,3}(?:\.\d{3}){2,}(?![,.]?\d)",
}
# the cue may stand after a range's high end: "2,5 bis 3 Milliarden", "$2.5-3bn",
# "zwischen 1.5 und 2 Millionen"
_THEN_HIGH = r"(?:(?:\s*(?:bis|–|-|to)\s*|\s+(?:und|and)\s+)[$£€]?\s?\d[\d.,]*)?"
# German scale and unit words, capitalised as German writes them
_GERMAN_WORD = (
    r"\s+(?-i:Tausend|Millionen|Milliarden?|Mio\.|Mrd\.|Billionen|Bio\.|Prozent|Euro)(?!\w)"
)
# English scales: fused short ones ("bn", "m") or a lowercase word (German capitalises
# "Million", and its "Billion" is a million millions)
_ENGLISH_SCALE = r"(?:\s?(?-i:bn|mn|m|k)|\s+(?-i:million|billion|trillion))(?!\w)"
# a rate keeps three decimals in English ("4.125%"): no German thousands
_RATE = r"\s*(?:%|percent\b|per\s+cent\b)"
_AFTER_SIGN = r"(?:(?<=\$)|(?<=\$\s)|(?<=£)|(?<=£\s))"
# what a German figure with a point before one or two digits measures, which makes the
# point a decimal one: "2.5 Millionen", "3.5 Prozent", "13.30 Franken", "2.5 km" (German
# groups thousands by three: "1.500"; "20.15 Uhr" is a time, "3.5." a date)
_DECIMAL_CUE = (
    r"(?:\s?%|\s+(?-i:Prozent\w*|Punkte?|Tausend|Millionen|Milliarden?|Mio\.|Mrd\.|"
    r"Billionen|Bio\.|Euro|Dollar|Franken|Pfund)(?!\w)"
    rf"|{UNIT_PATTERN})"
)
# a figure written the other language's way, with what tells it
_FOREIGN = {
    # German in an English report: "11.000", as English drops a decimal's last zero
    # ("1.5", not "1.500"), unless an English scale or a rate follows; any "1.234"
    # or "2,5" before a German word ("6.168 against USD" is an exchange rate)
    "en": rf"[1-9]\d{{0,2}}(?:\.\d{{3}})*\.\d\d0(?:,\d+)?(?![.,]?\d)(?!{_ENGLISH_SCALE}|{_RATE})"
    rf"|(?:[1-9]\d{{0,2}}(?:\.\d{{3}})+(?:,\d+)?|\d+,\d+)(?![.,]?\d)"
    rf"(?={_THEN_HIGH}{_GERMAN_WORD})",
    # English in a German report: a point not before exactly three digits ("2.5",
    # not the "1.500" German writes for thousands) after "$" or before an English
    # scale; a whole figure before "billion" (a thousand millions)
    "de": rf"\d+(?:\.(?:\d{{1,2}}|\d{{4,}}))?(?![.,]?\d)(?={_THEN_HIGH}{_ENGLISH_SCALE})"
    rf"|{_AFTER_SIGN}\d+\.(?:\d{{1,2}}|\d{{4,}})(?![.,]?\d)"
    # a comma before groups of three after "$" or before "dollars": "$300,000", "1,200
    # dollars" (a German "1,125 Dollar" is a rate, "$1,5 Milliarden" a decimal)
    rf"|(?:{_AFTER_SIGN}|(?=\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?\s+(?-i:dollars|pounds)\b))"
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?![.,]?\d)"
    rf"|\d+\.\d{{1,2}}(?![.,]?\d)(?={_THEN_HIGH}{_DECIMAL_CUE})",
}
# the digits of a figure as its report's language writes them, a quoted one first
_OWN = {
    "de": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
}
# thousands grouped by an apostrophe (Swiss: "10'000") or a space (typeset "10 000", DIN
# 5008): the same in either language; the decimals then follow a point or a comma. A
# plain space groups only when no digits stand beside ("14 000 Menschen", not the phone
# numbers "059 133 60", "0845 125 222")
GAP_GROUPS = (
    r"[1-9]\d{0,2}(?:['’\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?(?![.,]?\d)"
    r"|(?<!\d\s)[1-9]\d{0,2}(?: \d{3})+(?:[.,]\d+)?(?![.,]?\d| \d)"
)
NUMBER = {lang: f"{GAP_GROUPS}|{_FOREIGN[lang]}|{OTHER_GROUPS[lang]}|{_OWN[lang]}" for lang in _OWN}
_FOREIGN_RE = {lang: re.compile(f"(?:{p})", re.IGNORECASE) for lang, p in _FOREIGN.items()}
_DIGITS = re.compile(r"\d(?:[.,]?\d)*")


def written_in(text: str, start: int, *, language: str) -> str:
    """The language whose separators the figure at ``start`` in ``text`` is written
    with: the report's ``language`` unless the phrase tells the other one.

    >>> written_in("about 11.000 Soldaten", 6, language="en")
    'de'
    >>> written_in("Es kostet $2.5bn.", 11, language="de")
    'en'
    >>> written_in("3.5 Prozent", 0, language="de")  # a point German would not group by
    'en'
    >>> written_in("1.500 Euro", 0, language="de")
    'de'
    >>> written_in("Er zahlte $300,000.", 11, language="de")
    'en'
    """
    lang = "en" if language == "en" else "de"
    digits = _DIGITS.match(text, start)
    foreign = _FOREIGN_RE[lang].match(text, start)
    if digits and foreign and foreign.end() == digits.end():
        return "de" if lang == "en" else "en"
    return lang
