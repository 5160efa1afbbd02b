"""Line breaks of hard-wrapped text: where the writer ended a line, and where the width did.

Text wrapped at a width (e-mail at 72 columns, ``textwrap`` at 70, captions at 32
to 42) breaks a line only when the next word would not fit on it. A break before
a word that would have fit was the writer's: a heading, an item of a list, a
caption's pause. The width is the widest line's; lines narrower than a caption
row (32 columns, CEA-608) were not wrapped by a width, so they are the writer's.
A word hyphenated at a line's end ("US-" / "Regierung") is one word again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdiff.core.language.text import fold

__all__ = ["chosen_ends", "closes", "runs_on", "splits_a_word", "unwrapped"]

NARROWEST = 32  # no text is wrapped narrower than a caption row
_GOES_ON = (",", "-", "–", "—")  # a line ending so is continued ("US-" / "Regierung")
_MARKS = "•·*►▶■"  # a bullet opens an item
_OPENING = "\"'„“”‚‘’«»‹›([{"
# a hyphen ending a line after a letter or digit, the next line opening with a letter
_HYPHEN_WRAP = re.compile(r"(?<=[^\W_])-[ \t]*\n[ \t]*(?=[^\W\d_])")
_WORD_BEFORE = re.compile(r"[^\W_]+$")
_WORD_AFTER = re.compile(r"[^\W_]+")
# a line of a page's paragraph broken by <br>: over this many words it is prose, not an item
_PROSE_WORDS = 6
_CLOSING = ".!?:;…"
_CLOSING_QUOTES = "\"'“”«»‹›)]’"
# a sentence ends inside the line ("Verlusten. Es seien"): the line is prose
_INNER_END = re.compile(r"[^\W\d_]{2}[.!?][\"”»’]?\s")
# a numbered or bulleted line opens an item: "2. Norway", "• Seoul"
_ITEM = re.compile(r"^\s*(?:[•·*►▶■–—-]|\d{1,3}[.)])\s")
# no item or sentence ends on an article, a preposition or a conjunction (folded)
_BINDING_WORDS = (
    "der die das den dem des ein eine einen einem einer eines und oder aber dass "
    "in im an am auf aus bei beim mit nach von vom zu zum zur fur uber unter vor "
    "durch gegen um ohne seit the a an of to in on at for with by from and or but "
    "that into"
)
_BINDING = frozenset(_BINDING_WORDS.split())
# after these the hyphen stands for a word's end left out: "Nord- und Südkorea"
_SUSPENDING = frozenset(
    {"und", "oder", "bis", "sowie", "wie", "als", "noch", "and", "or", "to", "nor"}
)


def chosen_ends(lines: Sequence[str], *, wrapped: bool = True) -> list[bool]:
    """For each line but the last: whether its writer ended it (True) or the width did.

    A line its writer ended is one the next word would have fit on, and the next
    line begins anew, with a capital or a digit. ``wrapped=False``: no width
    broke the lines (a page's ``<br>``), so every line the next begins anew
    after is ended, however long.

    Linear in the lines.

    >>> chosen_ends(["Die Lage in Kursk", "Truppen aus Nordkorea", "Verluste"])
    [True, True]
    >>> chosen_ends(["Nordkorea hat erstmals die Entsendung von", "Truppen nach Russland"])
    [False]
    >>> chosen_ends(["Zweiter Absatz, der", "über zwei Zeilen geht."])
    [False]
    """
    widths = [len(line.rstrip()) for line in lines]
    width = max([NARROWEST, *widths])
    ends: list[bool] = []
    for number in range(len(lines) - 1):
        line, following = lines[number].rstrip(), lines[number + 1].split(maxsplit=1)
        if not line or not following:  # an empty line, or one of blanks, ends a line
            ends.append(True)
            continue
        fits = not wrapped or widths[number] + 1 + len(following[0]) <= width
        # and the writer began anew: "Zweiter Absatz, der / über zwei Zeilen" goes on
        ends.append(fits and not line.endswith(_GOES_ON) and _begins(following[0]))
    return ends


def runs_on(line: str, following: str) -> bool:
    """Whether a sentence runs on over a line break a page made (``<br>``).

    A line runs on when it has no sentence end, opens no item (nor does the
    next line) and is no short line of a list: it ends on an article, a
    preposition or a conjunction ("hat die" / "Regierung"), a sentence ends
    inside it, or it has more than ``_PROSE_WORDS`` words. A capital after
    the break says nothing in German.

    >>> runs_on("Nach Angaben aus Seoul hat die", "Regierung in Pjöngjang")
    True
    >>> runs_on("Die Lage in Kursk", "Truppen aus Nordkorea"), runs_on("Er sagte:", "Wir")
    (False, False)
    """
    bare = line.rstrip().rstrip(_CLOSING_QUOTES)
    if not bare or bare[-1] in _CLOSING or _ITEM.match(line) or _ITEM.match(following):
        return False
    words = bare.split()
    if fold(words[-1]) in _BINDING or len(words) > _PROSE_WORDS:
        return True
    return _INNER_END.search(bare) is not None


def closes(line: str) -> bool:
    """Whether ``line`` ends a sentence (closing quotes and brackets aside).

    >>> closes('sagte er."'), closes("Die Lage in Kursk"), closes("im Überblick:")
    (True, False, False)
    """
    bare = line.rstrip().rstrip(_CLOSING_QUOTES)
    return bool(bare) and bare[-1] in ".!?…"


def _begins(word: str) -> bool:
    """Whether ``word`` begins anew: a capital or a digit, after any opening quote."""
    bare = word.lstrip(_OPENING)
    if not bare:  # a mark standing alone: "»", a bullet
        return True
    return bare[0].isupper() or bare[0].isdigit() or bare[0] in _MARKS


def splits_a_word(line: str, following: str) -> bool:
    """Whether the break between ``line`` and ``following`` falls inside a hyphenated word.

    >>> splits_a_word("die US-", "Regierung"), splits_a_word("Ost -", "West")
    (True, False)
    """
    return _HYPHEN_WRAP.search(f"{line.rstrip()}\n{following.lstrip()[:1]}") is not None


def unwrapped(text: str, language: str) -> str:
    """``text`` as a reader sees it: whitespace folded, a word wrapped at a hyphen whole.

    Before a capital the hyphen is the word's ("US-" / "Regierung"); before a
    small letter it is kept too ("29-" / "jährige", "so-" / "called"), unless
    the word joined without it is one the lemmatiser's dictionary knows and its
    hyphenated form is not, or for German a noun compound of such words
    ("Truppen-" / "entsendung"). Before "und", "oder",
    "and" … it stands for a word's end left out and the space stays ("Nord- und
    Südkorea"). Only the text changes: a passage keeps the offsets of its span.

    >>> unwrapped("die US-\\nRegierung", "de"), unwrapped("die Truppen-\\nentsendung", "de")
    ('die US-Regierung', 'die Truppenentsendung')
    >>> unwrapped("der 29-\\njährige  Soldat", "de"), unwrapped("Nord-\\nund Südkorea", "de")
    ('der 29-jährige Soldat', 'Nord- und Südkorea')
    """
    if "-" in text and "\n" in text:
        text = _HYPHEN_WRAP.sub(lambda found: _joined(found, language), text)
    return " ".join(text.split())


def _joined(found: re.Match[str], language: str) -> str:
    text = found.string
    before = _WORD_BEFORE.search(text, 0, found.start())
    after = _WORD_AFTER.match(text, found.end())
    if before is None or after is None:  # cannot be: the pattern looks at both
        return found.group()
    head, tail = before.group(), after.group()
    if tail[0].isupper():
        return "-"
    if tail in _SUSPENDING:
        return "- "
    return "" if _one_word(head, tail, language) else "-"


def _one_word(head: str, tail: str, language: str) -> bool:
    """Whether ``head`` and ``tail`` are one word cut by the wrap, not a hyphenated one.

    Known written with its hyphen ("so-called", "US-amerikanische"), it keeps it;
    else joined, when listed so ("government") or, for German, when a noun that
    is a compound of listed words ("Truppenentsendung").
    """
    if language not in ("de", "en") or any(c.isdigit() for c in head + tail):
        return False
    # imported here: reading needs the dictionaries only for such a wrap
    from newsdiff.core.language.dictionaries import is_known
    from newsdiff.core.language.lexicon import split_compound

    if is_known(f"{head}-{tail}", language):
        return False
    if is_known(head + tail, language):
        return True
    return language == "de" and head[0].isupper() and len(split_compound(head + tail)) > 1
