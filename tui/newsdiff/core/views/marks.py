"""Which characters of a passage carry which mark, free of any terminal.

Every screen that shows a passage (comparison, passage view) paints the same
marks, so the decision lives here and the widgets only map a kind to a
theme style. Marks are ``(start, end, kind)`` spans in the passage text:

- ``changed``: words this side words differently from its partner. Runs
  separated only by spaces or punctuation are merged, so a clause rewritten
  word by word is one mark, not a row of fragments.
- ``fact-same`` / ``fact-differ`` / ``fact-one-sided``: a fact both passages
  state alike, state differently, or only this one states.

A pair whose wording differs throughout (``reworded_throughout``) gets no
word marks at all: underlining every word says nothing, and the gutter and
the legend already say "reworded".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsdiff.core.model import FactComparison, Pair

# Above this share of a passage's characters changed, the pair is "reworded
# throughout". On the seeds' pairs, 0.6 leaves every pair with a swapped figure
# or name marked (those change 5-40% of the text) and drops the marks of the
# loose paraphrases where 70-95% of the words were underlined.
REWORDED_SHARE = 0.6
_JOINERS = frozenset(" \t,.;:!?-–—„“”\"'()/")

KINDS = ("changed", "fact-same", "fact-differ", "fact-one-sided")


@dataclass(frozen=True, slots=True)
class Mark:
    """A marked stretch of passage text: ``text[start:end]`` is of ``kind``."""

    start: int
    end: int
    kind: str


def merge_runs(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans joined where only spaces or punctuation stand between them.

    >>> merge_runs("a b, c d", [(0, 1), (2, 3), (5, 6)])
    [(0, 6)]
    >>> merge_runs("ab cd ef", [(0, 2), (6, 8)])
    [(0, 2), (6, 8)]
    """
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and all(ch in _JOINERS for ch in text[merged[-1][1] : start]):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def changed_spans(pair: Pair, side: str, size: int) -> list[tuple[int, int]]:
    """The raw word-change spans of ``side`` ("left" or "right") of an oriented pair.

    >>> from newsdiff.core.model import SentenceRef, WordChange
    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 0), 0.8, "reworded",
    ...          (WordChange("replace", 0, 4, 0, 3),))
    >>> changed_spans(p, "right", 10)
    [(0, 3)]
    """
    own = ("replace", "delete") if side == "left" else ("replace", "insert")
    out = []
    for change in pair.changes:
        if change.tag not in own:
            continue
        if side == "left":
            start, end = change.left_start, change.left_end
        else:
            start, end = change.right_start, change.right_end
        if 0 <= start < end <= size:
            out.append((start, end))
    return out


def reworded_throughout(pair: Pair, left: str, right: str) -> bool:
    """Whether most of both passages changed: a paraphrase, not an edit.

    >>> from newsdiff.core.model import SentenceRef, WordChange
    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 0), 0.7, "reworded",
    ...          (WordChange("replace", 0, 9, 0, 9),))
    >>> reworded_throughout(p, "ganz neu.", "all new!!")
    True
    """
    if pair.relation == "identical" or not left or not right:
        return False
    shares = []
    for side, text in (("left", left), ("right", right)):
        spans = merge_runs(text, changed_spans(pair, side, len(text)))
        shares.append(sum(end - start for start, end in spans) / len(text))
    return min(shares) > REWORDED_SHARE


def fact_kind(fact: FactComparison, side: str) -> str | None:
    """The mark a fact puts on ``side``, None when that side does not state it.

    >>> fact_kind(FactComparison("number", "left-only", "3", None), "right") is None
    True
    """
    if fact.status == "same":
        return "fact-same"
    if fact.status == "differ":
        return "fact-differ"
    if fact.status == ("left-only" if side == "left" else "right-only"):
        return "fact-one-sided"
    return None


def fact_marks(facts: Iterable[FactComparison], side: str, size: int) -> list[Mark]:
    """The fact marks of one side; a differing fact wins where two overlap.

    >>> f = FactComparison("number", "differ", "3", "4", left_span=(0, 1), right_span=(2, 3))
    >>> fact_marks([f], "right", 5)
    [Mark(start=2, end=3, kind='fact-differ')]
    """
    marks = []
    for fact in facts:
        span = fact.left_span if side == "left" else fact.right_span
        kind = fact_kind(fact, side)
        if span is None or kind is None or not 0 <= span[0] < span[1] <= size:
            continue
        marks.append(Mark(span[0], span[1], kind))
    # painted in order: the contradiction last, so it shows where spans overlap
    return sorted(marks, key=lambda mark: (mark.kind == "fact-differ", mark.start))


def passage_marks(pair: Pair | None, side: str, text: str, other: str = "") -> list[Mark]:
    """Every mark of a passage in its pair, word marks first, facts painted over them.

    ``pair`` is oriented so ``side`` names this passage's end; ``other`` is
    the partner's text (to tell a paraphrase from an edit).

    >>> from newsdiff.core.model import SentenceRef, WordChange
    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 0), 0.9, "reworded",
    ...          (WordChange("replace", 7, 8, 7, 8), WordChange("replace", 10, 11, 10, 11)))
    >>> passage_marks(p, "left", "Es war a, b heute dort.", "Es war x, y heute dort.")
    [Mark(start=7, end=11, kind='changed')]
    """
    if pair is None:
        return []
    marks: list[Mark] = []
    left, right = (text, other) if side == "left" else (other, text)
    if not (other and reworded_throughout(pair, left, right)):
        spans = merge_runs(text, changed_spans(pair, side, len(text)))
        marks += [Mark(start, end, "changed") for start, end in spans]
    return marks + fact_marks(pair.facts, side, len(text))
