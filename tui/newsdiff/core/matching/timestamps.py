"""Date and time lines: a report's metadata, never a claim to pair.

"Updated 4/9/2007 6:04 PM", "May 2, 2013,1:12 PM", "Stand: 28.04.2025 03:32
Uhr" say when a copy was filed. Paired, they join every report of a story as
"facts differ" (the times differ), and in a mixed folder they were most of the
pairs that joined two events. The aligner leaves them out.
"""

from __future__ import annotations

from newsdiff.core.facts.dates import MONTH_NAMES, WEEKDAY_NAMES
from newsdiff.core.language.text import fold, words

# words that stand in a filing stamp beside the date and the time (folded)
_STAMP_WORDS = frozenset(fold(w) for w in (
    "updated", "update", "posted", "published", "last", "modified", "on", "at", "am", "pm",
    "a.m", "p.m", "gmt", "utc", "est", "edt", "et", "pst", "pdt", "cet", "cest", "bst", "by",
    "stand", "aktualisiert", "veröffentlicht", "zuletzt", "erstellt", "um", "uhr", "mez",
    "mesz", "vom", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "jän", "mär", "okt", "dez", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "mo", "di", "mi", "do", "fr", "sa", "so",
))  # fmt: skip
_NAMES = frozenset(fold(w) for w in MONTH_NAMES | WEEKDAY_NAMES)


def is_timestamp(text: str) -> bool:
    """Whether ``text`` is only a date and time line (a number and stamp words, nothing else).

    >>> is_timestamp("Updated 4/9/2007 6:04 PM"), is_timestamp("May 2, 2013,1:12 PM")
    (True, True)
    >>> is_timestamp("Stand: 28.04.2025 03:32 Uhr"), is_timestamp("Lohan checked in on May 2")
    (True, False)
    """
    found = words(text)
    if not found or len(found) > 12:
        return False
    numbers = 0
    for word in found:
        if word[0].isdigit():
            numbers += 1
        elif fold(word).rstrip(".") not in _STAMP_WORDS | _NAMES:
            return False
    return numbers > 0
