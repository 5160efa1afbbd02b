"""Words with their character offsets, folded so that spelling noise does not count.

Alignment compares words, but the reader highlights characters; every token
therefore keeps its span in the passage. Folding (case, diacritics) and number
normalisation (10.000 = 10000 = 10,000) happen here once, so the similarity
score and the word-level diff agree on what "the same word" means.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsdiff.core.language.sanitize import is_clean

# A date like 28.04.2025 first, then a number with thousands groups or a decimal
# part, then a word (letters, inner apostrophes and hyphens: "Ukraine-Krieg").
_NUMBER = (
    r"\d{1,2}\.\d{1,2}\.\d{2,4}"
    r"|\d{1,3}(?:[.,\u202f\u00a0']\d{3})+(?:,\d+)?"
    r"|\d+(?:[.,]\d+)?"
)
_WORD = r"[^\W\d_](?:[\w'’]*[^\W_])?(?:-[^\W_]+)*"
_TOKEN = re.compile(_NUMBER + "|" + _WORD)
# the letters a figure is written with, "76ers", "49ers", "3D": the tokenizer reads a
# number and then a word of its own ("76", "ers"), which alone names nothing
_GLUED_TAIL = re.compile(r"(?<![\w.,'’])\d[\d.,]*(?<=\d)(" + _WORD + ")")
# Marks NFC leaves apart (n̈, Devanagari vowel signs) and the joiners ZWJ/ZWNJ belong to
# the word they sit in, yet \w has none of them: a text holding one is read with the same
# pattern where a letter may carry marks and joiners may sit inside a word (``marked``)
_TOKEN_MARKED = (
    _NUMBER
    + r"|[^\W\d_][<M>]*(?:[\w'’<M><J>]*[^\W_][<M>]*)?(?:-[^\W_][<M>]*(?:[<J>]?[^\W_][<M>]*)*)*"
)
_JOINERS = "\u200c\u200d"
# what may be a mark or a joiner: below U+0300, in General Punctuation (but ZWNJ, ZWJ) and
# among the currency signs there are none, so German quotes, dashes and € never ask
_MAYBE_MARK = re.compile(r"[^\w\s\x00-\u02ff\u2000-\u200b\u200e-\u206f\u20a0-\u20cf]")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,\u202f\u00a0']\d{3})+$")
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{2,4})$")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or number of a passage: its text as written and its span."""

    text: str
    start: int
    end: int
    number: bool = False


def tokenize(text: str) -> tuple[Token, ...]:
    """The words and numbers of ``text`` with their character spans.

    >>> [t.text for t in tokenize("Etwa 10.000 Soldaten im Ukraine-Krieg.")]
    ['Etwa', '10.000', 'Soldaten', 'im', 'Ukraine-Krieg']
    """
    pattern = marked(_TOKEN_MARKED) if has_marks(text) else _TOKEN
    return tuple(
        Token(m.group(), m.start(), m.end(), m.group()[0].isdigit()) for m in pattern.finditer(text)
    )


def words(text: str) -> list[str]:
    """The words and numbers of ``text`` without their spans (cheaper than ``tokenize``).

    >>> words("Kim, Putin: 10.000 Mann")
    ['Kim', 'Putin', '10.000', 'Mann']
    """
    return (marked(_TOKEN_MARKED) if has_marks(text) else _TOKEN).findall(text)


def glued_tails(text: str) -> Counter[str]:
    """How often each word of ``text`` is the letter tail of a figure ("76ers": "ers"),
    as ``words`` reads it: such a word is no word of its own to name a story by.

    >>> glued_tails("The 76ers and the 49ers, 3D, ers")
    Counter({'ers': 2, 'D': 1})
    """
    return Counter(m.group(1) for m in _GLUED_TAIL.finditer(text))


def has_marks(text: str) -> bool:
    """Whether ``text`` holds a combining mark or a joiner (ZWJ, ZWNJ), which ``\\w``
    does not match: then a word pattern needs its ``marked`` form to keep such a word whole.

    >>> has_marks("Spin\u0308al Tap"), has_marks("Ma\u200dria"), has_marks("Köln – „Café“ €")
    (True, True, False)
    """
    if text.isascii():
        return False
    category = unicodedata.category
    for match in _MAYBE_MARK.finditer(text):
        char = match.group()
        if char in _JOINERS or category(char)[0] == "M":
            return True
    return False


@lru_cache(maxsize=16)
def marked(source: str) -> re.Pattern[str]:
    """The pattern ``source`` with ``<M>`` in a class read as the combining marks, ``<J>``
    as the joiners.

    >>> marked(r"[^\\W\\d_][<M>]*(?:[<J>]?[^\\W\\d_][<M>]*)*").findall("Spin\u0308al Ma\u200dria")
    ['Spin̈al', 'Ma\u200dria']
    """
    return re.compile(source.replace("<M>", _marks()).replace("<J>", _JOINERS))


@lru_cache(maxsize=1)
def _marks() -> str:
    # the marks of this Python's Unicode as class ranges, found once (about 20 ms): none
    # lie in the CJK planes 2 and 3, and the variation selectors are in plane 14
    category = unicodedata.category
    ranges: list[list[int]] = []
    for code in (*range(0x300, 0x20000), *range(0xE0000, 0xE1000)):
        if category(chr(code))[0] == "M":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(chr(low) if low == high else f"{chr(low)}-{chr(high)}" for low, high in ranges)


def is_word(text: str) -> bool:
    """Whether ``text`` is one word as ``words`` reads it, and nothing the sanitiser
    would remove: what a story label or a profile's written form is made of.

    >>> is_word("Ukraine-Krieg"), is_word("Iran's"), is_word("[b]x"), is_word("x\u3164")
    (True, True, False, False)
    """
    return words(text) == [text] and is_clean(text)


def fold(word: str) -> str:
    """Case- and diacritic-folded form of ``word`` (ß becomes ss, é becomes e).

    >>> fold("Selenskyj"), fold("Südkorea"), fold("Straße")
    ('selenskyj', 'sudkorea', 'strasse')
    """
    # ASCII has no decomposition and no marks, and casefold is lower there:
    # 29,400 of the 35,100 forms of the 1,033 reports, at a quarter of the cost
    return word.lower() if word.isascii() else _fold(word)


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    combining = unicodedata.combining
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    # a joiner between letters paints nothing: "Ma\u200dria" is Maria
    return "".join([c for c in decomposed if not combining(c) and c not in _JOINERS])


def normalize_number(word: str) -> str:
    """A canonical spelling of a number token, so 10.000, 10,000 and 10000 agree.

    Groups of exactly three digits after a separator are thousands; a single
    comma or point before other digit counts is a decimal mark. Dates become
    ISO-like ``YYYY-MM-DD`` (two-digit years are left as written).

    >>> normalize_number("10.000"), normalize_number("10,000"), normalize_number("3,5")
    ('10000', '10000', '3.5')
    >>> normalize_number("28.04.2025")
    '2025-04-28'
    """
    date = _DATE.match(word)
    if date:
        day, month, year = date.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    if _THOUSANDS.match(word):
        return re.sub(r"\D", "", word)
    return word.replace(",", ".")


def folded_text(text: str) -> str:
    """The passage as a sequence of folded tokens, for "identical wording" tests.

    >>> folded_text("Nordkorea: 10.000 Soldaten!") == folded_text("nordkorea 10000 soldaten")
    True
    """
    return folded_words(words(text))


def folded_words(written: list[str]) -> str:
    """``folded_text`` of a passage already split into ``words``.

    >>> folded_words(["Nordkorea", "10.000", "Soldaten"])
    'nordkorea 10000 soldaten'
    """
    return " ".join([normalize_number(w) if w[0].isdigit() else fold(w) for w in written])
