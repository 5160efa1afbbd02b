"""Word lists per language that several stages read: one list of month names per language.

The sentence splitter (is "3." before a month a date?), the date extractor,
the number extractor (a figure before a month is a day, not a count) and the
name finder (a capitalised month is no name) and the dateline reader (with the
English short forms: "MAR. 14, 2013") all read these.
"""

from __future__ import annotations

# folded to lower case, with the Austrian forms ("Jänner", "Feber")
MONTHS: dict[str, dict[str, int]] = {
    "de": {
        "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "april": 4, "mai": 5,
        "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
        "dezember": 12,
    },
    "en": {
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    },
}  # fmt: skip


# The short forms English datelines write ("MAR. 14, 2013", "Sept 3"), folded;
# German reports spell their months out.
MONTH_ABBREVIATIONS: dict[str, dict[str, int]] = {
    "en": {
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    "de": {
        "jan": 1, "jän": 1, "feb": 2, "mär": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dez": 12,
    },
}  # fmt: skip


def month_numbers(*languages: str, abbreviated: bool = False) -> dict[str, int]:
    """Each month name of ``languages`` (all when none given) with its number.

    ``abbreviated`` adds the short forms after the full names, so the first
    name of a number is always the full one.

    >>> month_numbers("de")["jänner"], month_numbers()["may"]
    (1, 5)
    >>> month_numbers("en", abbreviated=True)["sept"]
    9
    """
    found: dict[str, int] = {}
    for language in languages or tuple(MONTHS):
        found.update(MONTHS[language])
    if abbreviated:
        for language in languages or tuple(MONTHS):
            found.update(MONTH_ABBREVIATIONS.get(language, {}))
    return found
