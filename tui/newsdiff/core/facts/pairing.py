"""Pair the facts of one kind between two passages, one to one, best match first.

A passage holds a few facts of a kind and every pair is scored; an absurd one
(a 200,000-character line of figures) is matched in bounded work instead.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence

from newsdiff.core.model import Fact

# Fact pairs scored per kind for one passage pair. A real passage has a few facts of a kind
# (the seeds: at most 6 a side) and is matched on every pair; a passage with
# thousands (a 200,000-character line of figures) would take minutes, so beyond this its
# facts with equal values pair first and only the leftovers near each other are scored.
PAIR_LIMIT = 10_000


def match_facts(
    left: Sequence[Fact],
    right: Sequence[Fact],
    score: Callable[[Fact, Fact], float],
    *,
    key: Callable[[Fact], Hashable] | None = None,
    limit: int = PAIR_LIMIT,
) -> list[tuple[Fact | None, Fact | None]]:
    """Greedy one-to-one matching, best score first; unmatched facts stand alone.

    Up to ``limit`` pairs every pair is scored. Beyond it (an absurdly long
    passage; highlighting is capped there, as Toolong caps its highlighter)
    facts with an equal ``key`` pair first, in reading order, and each leftover
    is scored only against the leftovers at about its place on the other side,
    so the work stays near ``limit`` pairs however long the passage is.

    >>> from newsdiff.core.model import Fact
    >>> a, b = Fact("name", "Kim", 0, 3, "Kim"), Fact("name", "Kim", 5, 8, "Kim")
    >>> match_facts([a], [b], lambda x, y: 1.0) == [(a, b)]
    True
    """
    pairs: dict[int, int] = {}
    lefts: Sequence[int] = range(len(left))
    rights: Sequence[int] = range(len(right))
    if len(left) * len(right) > limit and key is not None:
        pairs = _equal_keys(left, right, key)
        matched = set(pairs.values())
        lefts = [i for i in lefts if i not in pairs]
        rights = [j for j in rights if j not in matched]
    candidates = sorted(
        (-s, i, j)
        for i, j in _pairs_to_score(lefts, rights, limit)
        if (s := score(left[i], right[j])) > 0
    )
    used_left: set[int] = set(pairs)
    used_right: set[int] = set(pairs.values())
    for _, i, j in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs[i] = j
    result: list[tuple[Fact | None, Fact | None]] = [
        (fact, right[pairs[i]] if i in pairs else None) for i, fact in enumerate(left)
    ]
    result += [(None, fact) for j, fact in enumerate(right) if j not in used_right]
    return result


def _equal_keys(
    left: Sequence[Fact], right: Sequence[Fact], key: Callable[[Fact], Hashable]
) -> dict[int, int]:
    """Each left fact with the first unpaired right fact of an equal key."""
    waiting: dict[Hashable, list[int]] = {}
    for j in reversed(range(len(right))):
        waiting.setdefault(key(right[j]), []).append(j)
    pairs = {}
    for i, fact in enumerate(left):
        if found := waiting.get(key(fact)):
            pairs[i] = found.pop()
    return pairs


def _pairs_to_score(
    lefts: Sequence[int], rights: Sequence[int], limit: int
) -> Iterator[tuple[int, int]]:
    """Every pair up to ``limit``; beyond, a band around the diagonal, as a near copy
    tells its facts in the same order."""
    if len(lefts) * len(rights) <= limit:
        yield from ((i, j) for i in lefts for j in rights)
        return
    width = max(1, limit // (2 * len(lefts)))
    for rank, i in enumerate(lefts):
        centre = rank * len(rights) // len(lefts)
        for j in rights[max(0, centre - width) : centre + width + 1]:
            yield i, j
