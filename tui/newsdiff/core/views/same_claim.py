"""One rule for a pair too weak to stand by itself, for every view and export.

The aligner pairs every two passages of a claim cluster; two that share few
words are in it only through the others (a lead cluster merges on the average
of its links). Such a pair reads as the same claim, not paired directly: its
score is shown, its words and facts are not marked and its facts not counted,
in the passage view, the comparison and the reports alike.
"""

from __future__ import annotations

from newsdiff.core.matching.options import AlignOptions
from newsdiff.core.model import Pair

# The lowest score the aligner lets a pair stand on by itself (a mutual best
# match, THRESHOLD - MUTUAL_MARGIN); below it a pair is only the clustering's
# (on the seeds no pair scores below it; 0.10 pairs come from merged leads).
WEAK = AlignOptions().cutoff
SAME_CLAIM = "same claim, not paired directly"


def is_weak(pair: Pair | None, *, weak: float = WEAK) -> bool:
    """Whether ``pair`` scores below ``weak``: the same claim, not paired directly.

    >>> from newsdiff.core.model import SentenceRef
    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 0), 0.10, "reworded")
    >>> is_weak(p), is_weak(None)
    (True, False)
    """
    return pair is not None and pair.score < weak
