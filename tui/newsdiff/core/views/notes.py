"""Why a pair differs, in words: the fact notes a detail line shows.

The engine knows which figure, name, quote word or source two passages
disagree on and how ("11000 inside 10000-12000", "different measure"); this
turns a pair's fact comparisons into short lines, contradictions first, so
the comparison and the passage view can say why a row is marked ``≠``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsdiff.core.facts.ages import AGE
from newsdiff.core.model import Article, FactComparison

if TYPE_CHECKING:
    from newsdiff.core.views.rows import Row

KIND_NAMES = {
    "number": "figure",
    "date": "date",
    "name": "name",
    "quote": "quote",
    "source": "source",
}
_ORDER = {"differ": 0, "left-only": 1, "right-only": 1, "same": 2}


def side_names(left: Article, right: Article) -> tuple[str, str]:
    """What a side-by-side note calls its two reports: their outlets, else left and right.

    An outlet names a side only when both have one and they differ: "(left) vs
    (ACLU)" mixes two ways of pointing, and "(Reuters) vs (Reuters)" points at neither.

    >>> def at(source): return Article("a", "a.txt", "", "T", None, "en", (), 0, source=source)
    >>> side_names(at("ARD"), at("ZDF")), side_names(at(None), at("ZDF"))
    (('ARD', 'ZDF'), ('left', 'right'))
    >>> side_names(at("Reuters"), at("Reuters"))
    ('left', 'right')
    """
    if left.source and right.source and left.source != right.source:
        return left.source, right.source
    return "left", "right"


def fact_note(fact: FactComparison, *, left: str = "left", right: str = "right") -> str | None:
    """One line for a fact; None for a fact both sides state alike with nothing to add.

    ``left`` and ``right`` name the two sides (report names, or "here"/"there").

    >>> f = FactComparison("number", "differ", "11.000", "10.000 bis 12.000",
    ...                    note="11000 inside 10000-12000")
    >>> fact_note(f)
    '≠ figure: 11.000 (left) vs 10.000 bis 12.000 (right): 11000 inside 10000-12000'
    >>> fact_note(FactComparison("name", "left-only", "Kim", None), left="ARD")
    'only ARD names: Kim'
    >>> age = {"low": 37, "high": 37, "measure": "age"}
    >>> fact_note(FactComparison("number", "differ", "37", "38", age, {**age, "low": 38}))
    '≠ age: 37 (left) vs 38 (right)'
    """
    kind = KIND_NAMES.get(fact.kind, fact.kind)
    if fact.kind == "number" and _measure(fact.left_value) == _measure(fact.right_value) == AGE:
        kind = AGE  # "≠ age: 37 (left) vs 38 (right)", not a bare "figure"
    verb = {"name": "names", "quote": "quotes", "source": "credits"}.get(fact.kind, "gives")
    if fact.status == "differ":
        line = f"≠ {kind}: {fact.left} ({left}) vs {fact.right} ({right})"
    elif fact.status == "left-only":
        line = f"only {left} {verb}: {fact.left}"
    elif fact.status == "right-only":
        line = f"only {right} {verb}: {fact.right}"
    elif fact.note:
        line = f"= {kind}: {fact.left} / {fact.right}"
    else:
        return None
    return f"{line}: {fact.note}" if fact.note else line


def _measure(value: object) -> object:
    """The measure of a figure's JSON value; None for a side without the figure."""
    return value.get("measure") if isinstance(value, dict) else None


def fact_notes(
    facts: Iterable[FactComparison], *, left: str = "left", right: str = "right"
) -> list[str]:
    """The notes of a pair's facts: contradictions, then one-sided facts, then variants.

    >>> fact_notes([FactComparison("number", "same", "3", "3")])
    []
    """
    ordered = sorted(facts, key=lambda fact: _ORDER.get(fact.status, 3))
    notes = (fact_note(fact, left=left, right=right) for fact in ordered)
    return list(dict.fromkeys(note for note in notes if note))


def row_note(row: Row | None, *, left: str = "left", right: str = "right") -> str:
    """The comparison's detail line for ``row``: its first fact note (and how many
    more the passage view has), else why it has no word marks, else where its
    other partners are (with the first fact those pairs disagree on); empty when there
    is nothing to say.

    >>> row_note(None)
    ''
    """
    from newsdiff.core.views.marks import reworded_throughout
    from newsdiff.core.views.same_claim import SAME_CLAIM, is_weak

    if row is None:
        return ""
    if row.same_claim and row.pair is not None:  # as the passage view says it
        return f"~ {row.pair.score:.2f} {SAME_CLAIM}: its words and facts are not compared"
    notes = fact_notes(row.pair.facts, left=left, right=right) if row.pair else []
    pair, old, new = row.pair, row.left, row.right
    if pair and old and new and not notes and reworded_throughout(pair, old.text, new.text):
        notes = ["≈ reworded throughout: the same claim in other words (no word marks)"]
    if row.others and not notes:
        count = len(row.others)
        where = "a passage on another row" if count == 1 else f"{count} passages on other rows"
        # d stops here for a ↔ pair's differing facts, so say which they are
        linked = fact_notes(
            (
                fact
                for link in row.others
                if not is_weak(link)
                for fact in link.facts
                if fact.status == "differ"
            ),
            left=left,
            right=right,
        )
        if linked:
            # where first: a long fact note is cut at the screen's edge, the key hint is not
            place = "another row" if count == 1 else f"{count} other rows"
            notes = [f"↔ on {place}, p jumps there · {linked[0]}", *linked[1:]]
        else:
            notes = [f"↔ paired with {where} · p jumps there"]
    more = f"  (+{len(notes) - 1} more in the passage view)" if len(notes) > 1 else ""
    return notes[0] + more if notes else ""
