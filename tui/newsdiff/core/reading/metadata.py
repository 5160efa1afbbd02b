"""Metadata a report carries in its own text: title stamps, dates, datelines, credits.

Scraped reports glue metadata to the text: a title ends in "Stand: 28.04.2025
03:32 Uhr", starts with "date 2024-11", the body opens with "Düsseldorf." and
ends with "(afp/red)". Left in, these would be compared as if they were
claims; taken out, they tell when and where a report was written.

Dates come only from the file's metadata (front matter, stamp, tag), never
from the body: "am Samstag" in a sentence says nothing about publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

_STAMP = re.compile(
    r"\s*\bStand:\s*(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"
    r"(?:,?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?:Uhr)?)?\s*$"
)
_TAG = re.compile(r"^\s*date\s+(?P<date>\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\b\s*")
_GERMAN_DATE = re.compile(
    r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"
    r"(?:,?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*Uhr)?)?$"
)
_ISO_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?$")
_CREDIT_TAIL = 80
_PLACE = r"[A-ZÄÖÜ][\w'’-]+(?:[ -][A-ZÄÖÜ][\w'’-]+)?"
# "Düsseldorf. …", "Berlin (dpa) – …", "LONDON, March 3 (Reuters) - …", "(CNN) — …";
# the agency's brackets end the line only with a stop or dash after them: without one a
# name with brackets opens a sentence ("John Carter (33) has been charged", "Klitschko
# (52-3, 46 KOs) retained": 6 ECB+ paragraphs open so, none a dateline; its one dateline
# with brackets, "Mannheim, Germany (Sports Network) - ", has its dash)
_DATELINE = re.compile(
    rf"^(?P<line>{_PLACE})\.[ \t]+(?=[A-ZÄÖÜ„\"»“])"
    rf"|^(?P<agency_line>{_PLACE}(?:,\s*{_PLACE})?(?:,?\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?"
    r"\s*\([^()\n]{1,30}\))\s*[-–—:.][ \t]+"
    r"|^(?P<agency>\([^()\n]{1,30}\))\s*[-–—][ \t]+"
)
# "(afp/red)", "(dpa)", "(AFP)", "(APA, 3.4.2017)" closing the body
_CREDIT = re.compile(
    r"(?:(?<=[.!?“”\"»])|^)\s*\((?P<credit>[A-Za-z][A-Za-z]{1,9}"
    r"(?:\s*[/,;]\s*[\w.][\w. ]{0,16})*)\)\s*$"
)


@dataclass(frozen=True, slots=True)
class Title:
    """A cleaned title and the span it keeps of the line it came from."""

    text: str
    start: int
    end: int
    stamp: str | None = None
    tag: str | None = None


def clean_title(line: str) -> Title:
    """Take a trailing "Stand: …" stamp and a leading "date …" tag out of a title line.

    >>> t = clean_title(" date 2024-11 Offenbar erste Gefechte Stand: 06.11.2024 12:01 Uhr")
    >>> t.text, t.stamp, t.tag
    ('Offenbar erste Gefechte', '2024-11-06T12:01', '2024-11')
    """
    start, end = 0, len(line)
    stamp = tag = None
    found = _STAMP.search(line)
    if found and found.start() > 0:
        stamp = _from_parts(found)
        end = found.start()
    found = _TAG.match(line, 0, end)
    if found and found.end() < end:
        tag = normalise_date(found.group("date"))
        start = found.end()
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return Title(" ".join(line[start:end].split()), start, end, stamp, tag)


def pick_date(*candidates: str | None) -> str | None:
    """The most precise of the dates found; the earlier one wins a tie.

    >>> pick_date(None, "2024-11", "2024-11-06T12:01")
    '2024-11-06T12:01'
    """
    best: str | None = None
    for candidate in candidates:
        if candidate and (best is None or len(candidate) > len(best)):
            best = candidate
    return best


def normalise_date(value: str) -> str | None:
    """ISO 8601 for a date as metadata writes it; None when it is no date.

    >>> normalise_date("28.04.2025 03:32 Uhr"), normalise_date("2025-04-28T03:32:00+02:00")
    ('2025-04-28T03:32', '2025-04-28T03:32:00+02:00')
    >>> normalise_date("2024-11"), normalise_date("gestern")
    ('2024-11', None)
    """
    value = value.strip().strip("\"'")
    found = _GERMAN_DATE.match(value)
    if found:
        return _from_parts(found)
    found = _ISO_PARTIAL.match(value)
    if found:
        year, month, day = found.group("year", "month", "day")
        return _checked(int(year), int(month or 1), int(day or 1), None, None, found)
    spelled = value.replace(" ", "T", 1)
    try:
        datetime.fromisoformat(spelled.replace("Z", "+00:00"))
    except ValueError:
        return None
    return spelled  # what the file says (seconds, zone), in the ISO spelling


def find_dateline(text: str) -> tuple[str, int] | None:
    """The dateline opening a body paragraph and how many characters it takes.

    >>> find_dateline("Düsseldorf. Nordkoreanische Soldaten sind eingetroffen.")
    ('Düsseldorf', 12)
    >>> find_dateline("Berlin (dpa) – Die Regierung schweigt.")
    ('Berlin (dpa)', 15)
    >>> find_dateline("Kursk, Russland - Nordkorea hat erstmals bestätigt.") is None
    True
    """
    found = _DATELINE.match(text)
    if not found:
        return None
    place = found.group("line") or found.group("agency_line") or found.group("agency")
    rest = text[found.end() :]
    # a one-word "sentence" only counts as a dateline when real prose follows it
    if not rest or len(rest.split()) < 3:
        return None
    return place, found.end()


def find_credit(text: str) -> tuple[str, int] | None:
    """The agency credit closing a body paragraph and where it starts (with its space).

    >>> find_credit("Das Abkommen gilt. (afp/red)")
    ('afp/red', 18)
    >>> find_credit("Er sprach mit Lee (Südkorea)") is None
    True
    """
    # the credit is at the very end; searching only the tail keeps long texts cheap
    # (a search from a position still sees the characters before it)
    found = _CREDIT.search(text, max(0, len(text) - _CREDIT_TAIL))
    if not found:
        return None
    return found.group("credit"), found.start()


def _from_parts(found: re.Match[str]) -> str | None:
    day, month, year = (int(found.group(name)) for name in ("day", "month", "year"))
    hour, minute = found.group("hour"), found.group("minute")
    return _checked(year, month, day, hour, minute, found)


def _checked(
    year: int, month: int, day: int, hour: str | None, minute: str | None, found: re.Match[str]
) -> str | None:
    try:
        moment = datetime(year, month, day, int(hour or 0), int(minute or 0))
    except ValueError:
        return None
    if hour is not None:
        return iso_date(moment, time=True)
    names = found.groupdict()
    if "day" in names and found.group("day"):
        return iso_date(moment)
    if "month" in names and found.group("month"):
        return iso_date(moment)[:7]
    return iso_date(moment)[:4]


def iso_date(moment: datetime, *, time: bool = False) -> str:
    """``moment`` as ISO writes it, to the day or (``time``) to the minute.

    The year always has four digits, so dates sort as text: ``strftime("%Y")``
    writes the year 999 as "999" on Linux, which sorts after "2024".

    >>> iso_date(datetime(999, 5, 1)), iso_date(datetime(2024, 5, 2, 9, 5), time=True)
    ('0999-05-01', '2024-05-02T09:05')
    """
    return moment.isoformat(timespec="minutes")[: 16 if time else 10]
