"""Dates and times in news text, absolute or relative to the day the report appeared.

"im vergangenen Oktober" in a report of June 2025 means 2024-10, and two
reports that say "im Oktober" and "im vergangenen Oktober" then agree. When the
publication date is unknown a relative date keeps its words, so nothing is
guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from newsdiff.core.facts.money import currency_after
from newsdiff.core.facts.window import search_before
from newsdiff.core.language.alternation import alternation
from newsdiff.core.language.words import month_numbers
from newsdiff.core.model import Fact

_MONTHS = month_numbers()
# a short month name only beside a day, and with its point where it could be a word or a
# name ("Jan", "Mar"): "Nov. 27", "Sept 8", "3. Okt. 2024"
_SHORT_MONTHS = {k: v for k, v in month_numbers(abbreviated=True).items() if k not in _MONTHS}
_BARE_SHORT = ("feb", "apr", "aug", "sep", "sept", "oct", "okt", "nov", "dec", "dez")
_WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonnabend": 5, "sonntag": 6, "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
# public: the aligner tells date and time lines by them (matching/timestamps.py)
MONTH_NAMES = frozenset(_MONTHS)
WEEKDAY_NAMES = frozenset(_WEEKDAYS)
_SEASONS = {
    "frühjahr": "spring", "frühling": "spring", "sommer": "summer", "herbst": "autumn",
    "winter": "winter", "spring": "spring", "summer": "summer", "autumn": "autumn",
    "fall": "autumn",
}  # fmt: skip
_PARTS = {
    "morgen": "morning", "vormittag": "morning", "mittag": "noon", "nachmittag": "afternoon",
    "abend": "evening", "nacht": "night", "morning": "morning", "afternoon": "afternoon",
    "evening": "evening", "night": "night",
}  # fmt: skip
_PREPOSITIONS = {
    "bis": "by", "by": "by", "until": "by", "seit": "since", "since": "since",
    "anfang": "early", "early": "early", "ende": "late", "late": "late", "mitte": "mid",
    "mid": "mid",
}  # fmt: skip
_PAST = r"vergangenen|vergangene|letzten|letzte|vorigen|voriges|last|past"
_NEXT = r"kommenden|kommende|nächsten|nächste|next|coming"

_M = alternation(_MONTHS)
_DAY_M = (  # a month beside a day: a full name, or a short one
    rf"(?:{_M})\b|(?:{alternation(_SHORT_MONTHS)})\.(?!\w)"
    rf"|(?:{alternation(_BARE_SHORT)})\b(?!\.\w)"
)
_W = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_S = "|".join(sorted(_SEASONS, key=len, reverse=True))
_P = "|".join(sorted(_PARTS, key=len, reverse=True))
_PREP = r"(?:(?P<prep>im|in|am|an|on|bis|seit|by|until|since|anfang|ende|mitte|early|late|mid)\s+)?"
_MOD = rf"(?:(?P<mod>{_PAST}|{_NEXT}|diesen|dieses|diesem|this)\s+)?"
# German writes a time with a colon or a point ("20:15 Uhr", "20.15 Uhr"); with a point
# only before "Uhr", as "20.15" alone may be a date or a figure
_TIME = (
    r"(?:,?\s+(?:um\s+|at\s+)?(?P<hh>\d{1,2})"
    r"(?::(?P<mm>\d{2})(?:\s*Uhr)?|\.(?P<mm_dot>\d{2})\s*Uhr\b))?"
)

_PATTERN = re.compile(
    rf"\b{_PREP}{_MOD}(?:"
    rf"(?P<d1>\d{{1,2}})\.(?P<m1>\d{{1,2}})\.(?P<y1>\d{{4}}|\d{{2}})\b{_TIME}"
    rf"|(?P<y2>\d{{4}})-(?P<m2>\d{{2}})(?:-(?P<d2>\d{{2}}))?\b"
    rf"|(?P<d3>\d{{1,2}})\.?\s+(?P<m3>{_DAY_M})(?:\s+(?P<y3>\d{{4}}))?"
    rf"|(?P<m4>{_DAY_M})\s*(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]\d)(?:,?\s+(?P<y4>\d{{4}}))?"
    rf"|[„“\"»]?(?P<m5>{_M})\b(?:\s+(?P<y5>\d{{4}}))?"
    rf"|(?P<s>{_S})\b(?:\s+(?P<y6>\d{{4}}))?"
    rf"|(?P<decade>(?:1[5-9]|20)\d0)['’]?s\b"
    # "im Jahr 2003", "seit dem Jahre 2003", "des Jahres 2003", "in the year 2003"
    rf"|(?:(?:(?:des|dem|the)\s+)?(?:jahres|jahre|jahr|year)\s+)?"
    rf"(?P<y7>(?:19|20)\d\d)\b(?!\s*(?:[-–]|bis))"
    rf"|(?P<unit>jahr|jahres|woche|monat|year|week|month)\b"
    rf"|(?P<wd>{_W})(?P<part>{_P})?\b(?:\s+(?P<part2>{_P}))?"
    rf"|(?P<rel>heute|gestern|vorgestern|today|yesterday)"
    rf"|(?P<hh2>\d{{1,2}})(?::(?P<mm2>\d{{2}})(?:\s*Uhr)?|\.(?P<mm2_dot>\d{{2}})\s*Uhr\b))",
    re.IGNORECASE,
)
_LIST = re.compile(r"\b(?:oder|und|bis|or|and|to)\s+[„“\"»]?$")
# a bare year needs a cue before it, or it is a count ("2000 Soldaten")
_YEAR_CUE = re.compile(
    r"\b(?:im|in|seit|bis|since|by|jahres|jahre|jahr|year|anfang|ende|mitte)\s*$", re.IGNORECASE
)


def parse_published(published: str | None) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of an ISO date such as Article.date; None where unknown.

    >>> parse_published("2024-11-06T12:01"), parse_published("2025-06")
    ((2024, 11, 6), (2025, 6, None))
    """
    found = re.match(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", published or "")
    if not found:
        return None, None, None
    year, month, day = found.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def _month(year: int | None, month: int) -> str:
    return f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"


def _relative_month(month: int, mod: str, pub: tuple[int | None, ...]) -> str:
    year, pub_month = pub[0], pub[1]
    if year is None or pub_month is None:
        return _month(None, month)
    if re.fullmatch(_PAST, mod, re.IGNORECASE):
        return _month(year if month < pub_month else year - 1, month)
    if re.fullmatch(_NEXT, mod, re.IGNORECASE):
        return _month(year if month > pub_month else year + 1, month)
    return _month(year, month)


def _value(m: re.Match[str], pub: tuple[int | None, int | None, int | None]) -> str | None:
    g = m.groupdict()
    year = pub[0]
    mod = (g.get("mod") or "").lower()
    if g["d1"]:
        y = int(g["y1"]) + (2000 if len(g["y1"]) == 2 else 0)
        day = f"{y:04d}-{int(g['m1']):02d}-{int(g['d1']):02d}"
        return f"{day}T{int(g['hh']):02d}:{g['mm'] or g['mm_dot']}" if g["hh"] else day
    if g["y2"]:
        return f"{g['y2']}-{g['m2']}" + (f"-{g['d2']}" if g["d2"] else "")
    for day_group, month_group, year_group in (("d3", "m3", "y3"), ("d4", "m4", "y4")):
        if g[day_group]:
            written = g[month_group].lower().rstrip(".")
            month = _MONTHS.get(written) or _SHORT_MONTHS[written]
            given = int(g[year_group]) if g[year_group] else year
            return f"{_month(given, month)}-{int(g[day_group]):02d}"
    if g["m5"]:
        month = _MONTHS[g["m5"].lower()]
        return _month(int(g["y5"]), month) if g["y5"] else _relative_month(month, mod, pub)
    if g["s"]:
        season = _SEASONS[g["s"].lower()]
        if g["y6"]:
            return f"{g['y6']}-{season}"
        if year is None:
            return None
        past = re.fullmatch(_PAST, mod)
        return f"{year - 1 if past and (pub[1] or 12) <= 9 else year}-{season}"
    if g["decade"]:
        return f"{g['decade']}s"  # no day: compared by its words, "1990s" / "1980s"
    if g["y7"]:
        return g["y7"]
    if g["unit"]:
        return _relative_unit(g["unit"].lower(), mod, pub)
    if g["wd"]:
        return _weekday(g, pub)
    if g["rel"]:
        return _relative_day(g["rel"].lower(), pub)
    return f"T{int(g['hh2']):02d}:{g['mm2'] or g['mm2_dot']}"


def _relative_unit(
    unit: str, mod: str, pub: tuple[int | None, int | None, int | None]
) -> str | None:
    step = -1 if re.fullmatch(_PAST, mod) else 1 if re.fullmatch(_NEXT, mod) else 0
    year, month, day = pub
    if unit.startswith(("jahr", "year")) and year:
        return f"{year + step:04d}"
    if unit.startswith(("monat", "month")) and year and month:
        index = year * 12 + month - 1 + step
        return _month(index // 12, index % 12 + 1)
    if unit.startswith(("woche", "week")) and year and month and day:
        week = _shifted(year, month, day, 7 * step)
        return f"{week.isocalendar()[0]}-W{week.isocalendar()[1]:02d}" if week else None
    return None


def _shifted(year: int, month: int, day: int, days: int) -> dt.date | None:
    """The day ``days`` after the given one; None past the calendar's ends.

    A report dated 0001-01-01 that says "on Tuesday" names a day before the
    first the calendar has: left as written, not an error.

    >>> _shifted(2024, 3, 1, -1), _shifted(1, 1, 1, -1), _shifted(9999, 12, 31, 7)
    (datetime.date(2024, 2, 29), None, None)
    """
    try:
        return dt.date(year, month, day) + dt.timedelta(days=days)
    except (OverflowError, ValueError):
        return None


def _weekday(
    g: dict[str, str | None], pub: tuple[int | None, int | None, int | None]
) -> str | None:
    part = _PARTS.get((g["part"] or g["part2"] or "").lower())
    year, month, day = pub
    if not (year and month and day):
        return None
    when = _shifted(year, month, day, 0)
    if when is None:
        return None
    # a report tells what happened: the named weekday on or before its day
    back = (when.weekday() - _WEEKDAYS[str(g["wd"]).lower()]) % 7
    found = _shifted(year, month, day, -back)
    if found is None:
        return None
    return f"{found.isoformat()} {part}" if part else found.isoformat()


def _relative_day(word: str, pub: tuple[int | None, int | None, int | None]) -> str | None:
    year, month, day = pub
    if not (year and month and day):
        return None
    back = {"heute": 0, "today": 0, "gestern": 1, "yesterday": 1, "vorgestern": 2}[word]
    found = _shifted(year, month, day, -back)
    return found.isoformat() if found else None


def extract_dates(
    text: str, *, language: str = "de", published: str | None = None
) -> tuple[Fact, ...]:
    """The dates and times in ``text``; relative ones resolved against ``published``.

    >>> [f.value for f in extract_dates("im vergangenen Oktober", published="2025-06")]
    ['2024-10']
    >>> [f.value for f in extract_dates("im vergangenen Oktober")]
    ['im vergangenen Oktober']
    """
    pub = parse_published(published)
    facts = []
    for match in _PATTERN.finditer(text):
        if match.group("y7") and not search_before(_YEAR_CUE, text, match.start("y7")):
            continue
        if match.group("y7") and currency_after(text, match.end("y7")):
            continue  # "in 2006 dollars", "paid in 2000 dollars": money, not the event's year
        if match.group("unit") and not match.group("mod"):
            continue
        bare = match.group("m5") and not (match.group("prep") or match.group("mod"))
        # a bare month name needs a cue; "Mai" or "August" alone may be a name
        if bare and not search_before(_LIST, text, match.start()):
            continue
        start, end = match.span()
        written = text[start:end]
        value = _value(match, pub) or written
        if "XXXX" in value and published is None and match.group("mod"):
            value = written
        prep = (match.group("prep") or "").lower()
        facts.append(Fact("date", written, start, end, value, qualifier=_PREPOSITIONS.get(prep)))
    return tuple(facts)
