"""The link graph of a folder's reports: who is linked to whom, and the linked groups.

Story detection links reports and takes the linked groups as stories before
the split; the split groups near copies the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

Adjacency = Mapping[int, Sequence[int]]


def adjacency(links: Sequence[tuple[int, int]]) -> Adjacency:
    """Each index's linked indexes, so that a group's own links are found from its members.

    >>> adjacency([(0, 2), (1, 2)])
    {0: [2], 2: [0, 1], 1: [2]}
    """
    out: dict[int, list[int]] = defaultdict(list)
    for i, j in links:
        out[i].append(j)
        out[j].append(i)
    return dict(out)


def connected(members: Sequence[int], links: Adjacency) -> list[list[int]]:
    """The groups of ``members`` connected by links among themselves, each in member order,
    ordered by their first member (for sorted ``members``: by the smallest).

    The work grows with the members' links, not with all the links there are.

    >>> connected([0, 1, 2, 3], {0: [2], 2: [0], 1: [3, 5], 3: [1]})
    [[0, 2], [1, 3]]
    """
    inside = set(members)
    parent = {k: k for k in members}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i in members:
        for j in links.get(i, ()):
            if j in inside:
                ri, rj = root(i), root(j)
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for k in members:
        groups[root(k)].append(k)
    return list(groups.values())
