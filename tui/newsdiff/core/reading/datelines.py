"""Lines at the top of a report that say when and by whom, not what: datelines and bylines.

English news saved as text opens with its title, then a line such as
"Published April 11, 2007", "UPDATED 05/03/2013 10:10 AM PDT" or "By Jane Doe,
Associated Press". Left in, such a line is a passage compared as if it were a
claim; taken out, it dates the report and names its author, as the German
"Stand: …" stamp does. A line counts only when nothing else is on it: a date
inside a sentence ("By May 3, 2013 the troops had left") is the body's.

A numeric date whose day and month could be swapped (05/03/2013) is read as
the report's locale writes dates (month first in US English, day first in
British English, German and the rest) and the reading says so in a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsdiff.core.language.words import month_numbers
from newsdiff.core.reading.metadata import iso_date

# English names and short forms only: the German date formats are numeric here
_MONTHS = month_numbers("en", abbreviated=True)
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"
_DATES = (
    # May 3, 2013 · MAR. 14, 2013 · August 2nd, 2013 · May 5 2010
    re.compile(
        rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})\b", re.I
    ),
    # 7 July 2012 · 22 Jul 2013 · Wednesday 05 May 2010
    re.compile(
        rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?P<month>{_MONTH})\.?,?\s+(?P<year>\d{{4}})\b", re.I
    ),
    # 2013-09-26 · 2012.08.08
    re.compile(r"\b(?P<year>\d{4})([-.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})\b"),
    # 08.04.2015 (German)
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),
    # 05/03/2013 · 6/6/2013: which number is the month depends on the locale
    re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})\b"),
)
# 7:15 a.m. · 08: 06AM (ECB+ spaces its colons) · 23:37:00 · 2:39 pm
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2}):\s?(?P<minute>\d{2})(?::\d{2})?\s*(?P<half>[ap]\.?\s?m\.?)?(?![\w])",
    re.I,
)
# what else a dateline may hold: its label, weekday, zone, separators
_FILLER = re.compile(
    rf"\b(?:first|last|originally|published|posted|updated|modified|created|edited|story|article|"
    rf"time|on|at|hrs|"
    rf"{_WEEKDAYS.replace(' ', '|')}|uhr|uk|gmt|utc|[A-Z]{{1,2}}[SD]?T|ET|CT|PT|MT|IST|BST|"
    rf"CET|CEST|MEZ|MESZ|AEST|AEDT|AKDT|AKST|HKT|JST)\b\.?"
    r"|[+-]\d{1,2}:?\s?\d{2}|[\s,.;:|@()/–—-]+",
    re.I,
)
_MODIFIED_LABEL = re.compile(r"^\s*(?:last\s+)?(?:updated|modified)\b", re.I)
# where a second stamp begins on a line that holds two ("Posted: … Last Updated: …")
_SECOND_LABEL = re.compile(r"\s(?=(?:last\s+)?(?:updated|modified)\b)", re.I)
_LINE_MAX = 90
_NAME = r"(?:[A-Z][\w'’.-]*|[A-Z]\.)"
_PERSON = rf"{_NAME}(?:\s+(?:(?:van|von|de|der|da|di|du|la|le|bin|al)\s+)?{_NAME}){{0,3}}"
# By Jane Doe · By JANE DOE and JOHN ROE · By Jane Doe, Associated Press · By Jane Doe | Reuters
_BYLINE = re.compile(
    rf"^\s*by:?\s+(?P<author>{_PERSON}(?:\s*(?:,|and|&)\s*{_PERSON})*?)"
    rf"(?:\s*(?:[,|/]|\s[-–—])\s*(?P<org>{_PERSON}))?\s*$",
    re.I,
)
_US_LOCALES = ("en", "en-us", "en-ph", "en-ca")


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What one dateline or byline says: a date (ISO, and whether it is the
    last change), an author, and a note on how an ambiguous date was read."""

    date: str | None = None
    modified: bool = False
    author: str | None = None
    note: str | None = None


def read_meta_line(line: str, *, locale: str = "en") -> MetaLine | None:
    """The date or author a line states, when the line states nothing else; else None.

    ``locale`` is the report's language or locale ("en", "en-GB", "de"): it
    decides which of day and month comes first in 05/03/2013.

    >>> read_meta_line("Published April 11, 2007").date
    '2007-04-11'
    >>> read_meta_line("Posted: Friday, March 8, 2013 2:39 pm").date
    '2013-03-08T14:39'
    >>> m = read_meta_line("UPDATED 05/03/2013 10:10 AM PDT")
    >>> m.date, m.modified, m.note
    ('2013-05-03T10:10', True, '05/03/2013 read month first (May 3), as US English writes dates')
    >>> read_meta_line("By Jane Doe, Associated Press").author
    'Jane Doe, Associated Press'
    >>> read_meta_line("By May 3, 2013 the troops had left.") is None
    True
    """
    line = " ".join(line.split())
    if not line or len(line) > _LINE_MAX or "\n" in line:
        return None
    byline = _BYLINE.match(line)
    if byline and not _is_date_word(byline.group("author").split()[0]):
        org = byline.group("org")
        author = byline.group("author")
        return MetaLine(author=f"{author}, {org}" if org else author)
    for pattern in _DATES:
        found = pattern.search(line)
        if found:
            return _date_line(line, found, locale)
    return None


def read_meta_lines(line: str, *, locale: str = "en") -> tuple[MetaLine, ...]:
    """What a dateline or byline states, as ``read_meta_line``; a line that holds a
    first and a last stamp ("Posted: … Last Updated: …") states both. Empty when
    the line states anything else.

    >>> line = "Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET"
    >>> [(m.date, m.modified) for m in read_meta_lines(line)]
    [('2005-11-27T08:20', False), ('2005-11-27T20:10', True)]
    >>> read_meta_lines("Posted: May 3, 2013, updated the rules on May 4, 2013")
    ()
    """
    whole = read_meta_line(line, locale=locale)
    if whole is not None:
        return (whole,)
    parts = _SECOND_LABEL.split(" ".join(line.split()), maxsplit=1)
    if len(parts) < 2:
        return ()
    found = [read_meta_line(part, locale=locale) for part in parts]
    stamps = tuple(m for m in found if m is not None and m.date)
    return stamps if len(stamps) == len(parts) else ()


def _date_line(line: str, found: re.Match[str], locale: str) -> MetaLine | None:
    rest = line[: found.start()] + " " + line[found.end() :]
    time = _TIME.search(rest)
    if time:
        rest = rest[: time.start()] + " " + rest[time.end() :]
    if _FILLER.sub("", rest):
        return None  # other words on the line: a sentence, not a dateline
    names = found.groupdict()
    year = int(found.group("year"))
    if year < 100:  # 04/28/09: a two-digit year of a news page is this century's
        year += 2000
    note = None
    if "first" in names:
        first, second = int(found.group("first")), int(found.group("second"))
        month_first = locale.lower() in _US_LOCALES or locale.lower().startswith("en-us")
        if first > 12 or (second <= 12 and not month_first):
            day, month = first, second
        else:
            month, day = first, second
        if first != second and first <= 12 and second <= 12:
            order = "month first" if month_first else "day first"
            how = (
                "US English writes dates" if month_first else f"the report's locale ({locale}) does"
            )
            spelled = (
                f"{_month_name(month)} {day}" if month_first else f"{day} {_month_name(month)}"
            )
            note = f"{found.group(0)} read {order} ({spelled}), as {how}"
    else:
        raw = found.group("month")
        month = int(raw) if raw.isdigit() else _MONTHS[raw.lower()]
        day = int(found.group("day"))
    hour = minute = None
    if time:
        hour, minute = int(time.group("hour")), int(time.group("minute"))
        half = (time.group("half") or "").lower().replace(".", "").replace(" ", "")
        if half == "pm" and hour < 12:
            hour += 12
        elif half == "am" and hour == 12:
            hour = 0
    try:
        moment = datetime(year, month, day, hour or 0, minute or 0)
    except ValueError:
        return None
    date = iso_date(moment, time=time is not None)
    return MetaLine(date=date, modified=bool(_MODIFIED_LABEL.match(line)), note=note)


def _month_name(month: int) -> str:
    return next(name.title() for name, number in _MONTHS.items() if number == month)


def _is_date_word(word: str) -> bool:
    folded = word.lower().rstrip(".,")
    return folded in _MONTHS or folded in _WEEKDAYS.split()
