"""One union-find for every grouping in newsdiff: reports into stories, clusters into claims."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Disjoint sets of indices whose representative is their smallest member, so groups are stable.

    The representative does not depend on the order of the unions, which keeps
    every result built on it independent of input order.

    >>> groups = UnionFind([(3, 4), (0, 3), (7, 8)])
    >>> groups.find(4), groups.find(8), groups.find(5)
    (0, 7, 5)
    >>> groups.roots()
    {0: 0, 3: 0, 4: 0, 7: 7, 8: 7}
    """

    def __init__(self, links: Iterable[tuple[int, int]] = ()) -> None:
        self._parent: dict[int, int] = {}
        for a, b in links:
            self.union(a, b)

    def find(self, x: int) -> int:
        """The representative of ``x``'s set (``x`` itself when never linked)."""
        parent = self._parent
        while (up := parent.get(x, x)) != x:
            parent[x] = x = parent.get(up, up)  # path halving
        return x

    def union(self, a: int, b: int) -> None:
        """Join the sets of ``a`` and ``b``."""
        self._parent.setdefault(a, a)
        self._parent.setdefault(b, b)
        ra, rb = self.find(a), self.find(b)
        self._parent[max(ra, rb)] = min(ra, rb)

    def roots(self) -> dict[int, int]:
        """Every member met so far with its representative, in sorted order."""
        return {x: self.find(x) for x in sorted(self._parent)}
