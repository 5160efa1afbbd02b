"""Amounts of money: which currency a figure is in, however the report writes it.

"$1 million", "a million dollars", "1 million dollars", "$1m", "1 Million
Dollar", "eine Million US-Dollar" and "1 Mio. Dollar" are one amount. The
figure's value comes from the number extractor (which reads "m" and "bn" as
scales only beside a currency: "5m" alone is five metres); this module
names its currency, from a sign before it or a currency word or sign after it, so
that every spelling of one currency is one measure and the claim table puts
the reports' amounts side by side.
"""

from __future__ import annotations

import re

# a sign written before the figure -> its currency ("US$1 million", "€5 Mio.")
SIGNS = {"US$": "dollar", "$": "dollar", "€": "euro", "£": "pound", "¥": "yen"}
# currency words written after the figure, any case -> the currency; longest first, so
# "US-Dollar" is read whole, and "Pfund" or "pounds" alone stay weights (units.py)
_WORDS = {
    "dollar": "dollar", "dollars": "dollar", "us-dollar": "dollar", "us dollar": "dollar",
    "us dollars": "dollar", "u.s. dollars": "dollar", "u.s. dollar": "dollar",
    "usd": "dollar", "us$": "dollar",
    "euro": "euro", "euros": "euro", "eur": "euro",
    "pfund sterling": "pound", "pounds sterling": "pound", "pound sterling": "pound",
    "britische pfund": "pound", "britischen pfund": "pound", "british pounds": "pound",
    "gbp": "pound",
    "yen": "yen", "jpy": "yen",
    "franken": "franc", "schweizer franken": "franc", "swiss francs": "franc", "chf": "franc",
    "rubel": "rouble", "roubles": "rouble", "rubles": "rouble", "rouble": "rouble",
    "ruble": "rouble",
    "yuan": "yuan", "renminbi": "yuan",
}  # fmt: skip
SIGN_PATTERN = "|".join(re.escape(s) for s in sorted(SIGNS, key=len, reverse=True))
_WORD_PATTERN = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_WORDS, key=len, reverse=True)
)
# a sign may follow the figure too, German style: "500 €", "1,5 Mio. €"
_AFTER = re.compile(rf"\s?(?P<sign>[€$£¥])|\s(?i:(?P<word>{_WORD_PATTERN}))(?![\w-])")
# the same, without groups, for a pattern to look ahead with: "2.5m Dollar" is money
CURRENCY_AFTER = rf"\s?[€$£¥]|\s(?i:{_WORD_PATTERN})(?![\w-])"


# the year whose money the amounts are in: "in 2006 dollars", "in constant 2010 euros" -- but
# after a verb of paying "paid in 2000 dollars" is the amount paid
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_IN_BEFORE = re.compile(
    r"(?P<verb>\b(?:paid|pay|pays|paying|spent|spend|spends|spending|charged|donated|raised|"
    r"received|earned|owed)\s+)?\bin\s+(?:(?:constant|real|today's|today’s)\s+)?$",
    re.IGNORECASE,
)


def year_of_money(text: str, start: int, end: int) -> bool:
    """Whether the year-like figure ``text[start:end]`` names the year a currency after it
    is valued in ("in 2006 dollars"), so is neither an amount nor a date of the event.

    >>> year_of_money("$5 billion in 2006 dollars", 14, 18)
    True
    >>> year_of_money("He was paid in 2000 dollars", 15, 19)
    False
    """
    if not _YEAR.fullmatch(text, start, end) or currency_after(text, end) is None:
        return False
    cue = _IN_BEFORE.search(text, max(0, start - 40), start)
    return cue is not None and cue.group("verb") is None


def currency_after(text: str, end: int) -> tuple[str, int] | None:
    """The currency a word right after a figure ending at ``end`` names, and where it ends.

    >>> currency_after("eine Million US-Dollar gespendet", 12)
    ('dollar', 22)
    >>> currency_after("1.5 billion U.S. dollars", 11), currency_after("5 Pfund Mehl", 1)
    (('dollar', 24), None)
    >>> currency_after("500 € Strafe", 3)
    ('euro', 5)
    """
    found = _AFTER.match(text, end)
    if found is None:
        return None
    if found.group("sign"):
        return SIGNS[found.group("sign")], found.end()
    return _WORDS[" ".join(found.group("word").lower().split())], found.end()
