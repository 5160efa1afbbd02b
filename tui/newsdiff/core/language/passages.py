"""Passages: sentences, with an over-long stretch that has no sentence end cut at soft boundaries.

Speech transcripts, automatic captions, pasted social-media text and scraped
pages that lost their full stops have no sentence punctuation, so a whole line
or paragraph would be one passage that pairs with nothing.  A stretch longer
than any real sentence is cut where a reader would pause: ";", ":", a dash, a
capitalised function word (a sentence start once the full stop is gone), a
conjunction or function word after a comma, a line break, a comma, and as a
last resort between any two words near the middle.  Lines with no punctuation
(a comma aside) are cut sooner: past ``PIECE_WORDS`` words (a caption block),
and at every line break their writer chose (the items of a list), whatever
their length.  Cuts only fall between words, so every passage is a span of the
text and highlights keep their offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsdiff.core.language.function_words import STOPWORDS
from newsdiff.core.language.segment import split_sentences
from newsdiff.core.language.text import fold
from newsdiff.core.language.wrapping import chosen_ends

__all__ = ["split_passages"]

# Words (not characters): the longest passages split_sentences makes in real
# news are 85 words in gnad-1028 (a run-on review sentence), 75 in ECB+ tune and
# 56 in the seeds; only squad and fixture lists that lost their line breaks go
# past 90 (gnad 101 and 170 words, cut at their colons and dashes).
MAX_WORDS = 90
# A cut stretch is cut again until no piece is longer than this: two median
# sentences (15 words in gnad and the seeds, 18 in ECB+), short of the 99th
# percentile (gnad 45, ECB+ 48, seeds 37), so a piece holds a claim or two and
# can pair.  On seed 000 without ".!?" on one line: 25 pairs with its original.
PIECE_WORDS = 30
MIN_WORDS = 4  # no piece shorter, so a cut never leaves a stray word or two

_WORD = re.compile(r"\S+")
# punctuation a list or a caption block has none of (a comma aside): a sentence end,
# or a colon or semicolon; a dot inside a number ("28.04.2025") does not count
_PUNCTUATED = re.compile(r"[!?…;:]|\.(?!\d)")
_DASHES = frozenset(("-", "–", "—", "--"))


# Conjunctions that open a clause after a comma, folded.
_GERMAN_CONJUNCTIONS = (
    "und oder aber sondern denn doch weil dass da wenn als wahrend obwohl nachdem "
    "bevor damit sodass wobei"
)
_ENGLISH_CONJUNCTIONS = (
    "and or but because while although though since when after before whereas so"
)
_CONJUNCTIONS = {
    "de": frozenset(_GERMAN_CONJUNCTIONS.split()),
    "en": frozenset(_ENGLISH_CONJUNCTIONS.split()),
}
_OPENING_PUNCT = "\"'„“”‚‘’«»‹›([{"

# How good a place to cut each kind of gap is; higher first.  A line break
# counts only where the writer ended the line (core/language/wrapping.py: the
# next word would have fit), never where a width wrapped it: in text wrapped at
# 70 columns every tenth gap is a wrap, and the cut fell there mid-clause.
# Seed 000 without ".!?" wrapped at 42 columns pairs with its original at a mean
# score of 0.79 (14 of 26 pairs from 0.8); 0.81 (14 of 25) with every break
# ranked here, 0.69 (11 of 25) with breaks ranked first.
_SEMICOLON, _COLON, _DASH, _OPENER, _CLAUSE, _LINE_BREAK, _COMMA, _ANY = range(7, -1, -1)
_STRONGEST = _SEMICOLON
_PAUSES = {";": _SEMICOLON, ":": _COLON}  # the mark ending the word before the gap


def split_passages(
    text: str, *, language: str = "de", max_words: int = MAX_WORDS, piece_words: int = PIECE_WORDS
) -> tuple[tuple[int, int], ...]:
    """The passages of ``text`` as ``(start, end)`` spans: its sentences, with
    every sentence of more than ``max_words`` words cut into pieces of at most
    ``piece_words`` words at the best soft boundaries (see the module docstring).

    Deterministic; the spans are in order, stripped, and start and end at word
    boundaries, so they cover every non-space character as the sentences do.

    >>> text = "wir sind da und es regnet seit Stunden Die Straßen sind gesperrt"
    >>> [text[s:e] for s, e in split_passages(text, max_words=8, piece_words=8)]
    ['wir sind da und es regnet seit Stunden', 'Die Straßen sind gesperrt']
    """
    spans: list[tuple[int, int]] = []
    chosen = _chosen_breaks(text) if "\n" in text else frozenset()
    for start, end in split_sentences(text, language=language):
        # lines without punctuation: a list, or captions, whatever their length
        lines = "\n" in text[start:end] and not _PUNCTUATED.search(text, start, end)
        # a span of more than max_words words has at least 2 * max_words characters
        if end - start < 2 * max_words + 1 and not lines:
            spans.append((start, end))
            continue
        words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
        if len(words) <= (piece_words if lines else max_words):
            pieces = [(0, len(words))]
        else:
            strengths = _gap_strengths(text, words, language, chosen)
            pieces = _cut(strengths, 0, len(words), max(piece_words, 2 * MIN_WORDS))
        for first, last in pieces:
            if lines and chosen:  # and each line its writer ended is a passage of its own
                spans += _at_breaks(text, words[first:last], chosen)
            else:
                spans.append((words[first][0], words[last - 1][1]))
    return tuple(spans)


def _chosen_breaks(text: str) -> frozenset[int]:
    """The offsets of the newlines of ``text`` its writer chose, not its wrapping width."""
    lines = text.split("\n")
    chosen: set[int] = set()
    at = 0
    for line, ended in zip(lines, chosen_ends(lines), strict=False):
        at += len(line)
        if ended:
            chosen.add(at)
        at += 1
    return frozenset(chosen)


def _at_breaks(
    text: str, words: list[tuple[int, int]], chosen: frozenset[int]
) -> list[tuple[int, int]]:
    """``words`` as spans cut at every chosen line break between two of them."""
    spans: list[tuple[int, int]] = []
    first = 0
    for index in range(1, len(words)):
        gap = range(words[index - 1][1], words[index][0])
        if any(at in chosen for at in gap if text[at] == "\n"):
            spans.append((words[first][0], words[index - 1][1]))
            first = index
    spans.append((words[first][0], words[-1][1]))
    return spans


def _gap_strengths(
    text: str, words: list[tuple[int, int]], language: str, chosen: frozenset[int]
) -> list[int]:
    """``strengths[i]``: how good a cut before word ``i`` is (index 0 unused); a line
    break counts when its writer chose it (``chosen``), not where a width wrapped."""
    function_words = STOPWORDS.get(language, STOPWORDS["de"])
    conjunctions = _CONJUNCTIONS.get(language, _CONJUNCTIONS["de"])
    strengths = [_ANY] * len(words)
    for i in range(1, len(words)):
        before = text[words[i - 1][0] : words[i - 1][1]]
        if before[-1] in _PAUSES:
            strengths[i] = _PAUSES[before[-1]]
        elif before in _DASHES:
            strengths[i] = _DASH  # the dash closes the piece before it: "Ukraine - das ist"
        else:
            bare = text[words[i][0] : words[i][1]].lstrip(_OPENING_PUNCT)
            capital = bare[:1].isupper() and len(bare) > 1
            if before[-1] == ",":
                # a capital alone is no sign: German nouns and names in a list have one
                folded = fold(bare.rstrip(",;:"))
                opens = folded in conjunctions or (capital and folded in function_words)
                strengths[i] = _CLAUSE if opens else _COMMA
            elif capital and fold(bare.rstrip(",;:")) in function_words:
                strengths[i] = _OPENER  # "bestätigt Sie hätten": a sentence begins here
        if (
            strengths[i] < _LINE_BREAK
            and chosen
            and _breaks(text, words[i - 1][1], words[i][0], chosen)
        ):
            strengths[i] = _LINE_BREAK
    return strengths


def _breaks(text: str, start: int, end: int, chosen: frozenset[int]) -> bool:
    """Whether the gap ``start..end`` holds a line break its writer chose."""
    at = text.find("\n", start, end)
    while at >= 0:
        if at in chosen:
            return True
        at = text.find("\n", at + 1, end)
    return False


def _cut(strengths: list[int], first: int, stop: int, piece: int) -> list[tuple[int, int]]:
    """Words ``first..stop`` as pieces of at most ``piece`` words: cut at the best
    gap that leaves both sides ``MIN_WORDS`` long (the one nearest the middle
    among equals, the left one on a tie), then cut each side the same way.

    A comma is a weak sign (one in a list, "USA, Südkorea"): it counts only
    when it leaves both sides a third of a piece; otherwise any gap nearest the
    middle is as good.
    """
    gaps: list[list[int]] = [[] for _ in range(_STRONGEST + 1)]
    for index in range(first + 1, stop):
        gaps[strengths[index]].append(index)
    pieces: list[tuple[int, int]] = []
    pending = [(first, stop)]
    while pending:  # a stack, not recursion: a million-word line must not overflow
        low, high = pending.pop()
        if high - low <= piece:
            pieces.append((low, high))
            continue
        best = _best_gap(gaps, low, high, piece // 3)
        pending += [(best, high), (low, best)]
    return pieces


def _best_gap(gaps: list[list[int]], first: int, stop: int, balanced: int) -> int:
    """The gap to cut ``first..stop`` at: the strongest kind there is, nearest the middle."""
    middle = (first + stop) / 2
    for strength in range(_STRONGEST, _ANY, -1):
        margin = max(MIN_WORDS, balanced) if strength == _COMMA else MIN_WORDS
        found = _nearest(gaps[strength], middle, first + margin, stop - margin)
        if found is not None:
            return found
    return int(middle)  # the left of two gaps equally near


def _nearest(sorted_gaps: list[int], middle: float, low: int, high: int) -> int | None:
    """The gap in ``sorted_gaps`` within ``low..high`` nearest ``middle`` (the left on a tie)."""
    at = bisect_left(sorted_gaps, middle)
    left = sorted_gaps[at - 1] if at > 0 else None
    right = sorted_gaps[at] if at < len(sorted_gaps) else None
    if left is not None and left < low:
        left = None
    if right is not None and right > high:
        right = None
    if left is None or right is None:
        return right if left is None else left
    return left if middle - left <= right - middle else right
