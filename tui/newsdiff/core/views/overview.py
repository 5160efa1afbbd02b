"""What the article list says about each report, computed from an Alignment.

Kept apart from the screens (and free of Textual) so the figures the list
shows can be tested without a terminal and reused by other views.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the list paints before the core model is needed
    from newsdiff.core.model import Alignment


@dataclass(frozen=True, slots=True)
class ArticleOverview:
    """One report's standing in the corpus.

    ``paired`` counts its passages paired with at least one other report;
    ``fact_differences`` counts the facts its pairs disagree on;
    ``partners`` lists the other reports by shared pairs, most first.
    """

    article: str
    passages: int
    paired: int
    fact_differences: int
    partners: tuple[tuple[str, int], ...] = ()

    @property
    def share(self) -> float:
        """The share of its passages paired with other reports, 0..1."""
        return self.paired / self.passages if self.passages else 0.0

    @property
    def best_partner(self) -> str | None:
        """The report it shares most pairs with, or None when it shares none."""
        return self.partners[0][0] if self.partners else None


def overview(alignment: Alignment) -> dict[str, ArticleOverview]:
    """Each article's overview, keyed by article id, in the alignment's order.

    Ties between partners go to the report that comes first in the alignment.

    >>> from newsdiff.core.model import Alignment, Article, Pair, Sentence, SentenceRef
    >>> def art(id_):
    ...     s = tuple(Sentence(i, t, 0, 1) for i, t in enumerate(["A.", "B."]))
    ...     return Article(id_, id_, "", id_, None, "de", s, 2)
    >>> pair = Pair(SentenceRef("x", 0), SentenceRef("y", 1), 0.9, "reworded")
    >>> view = overview(Alignment((art("x"), art("y"), art("z")), (pair,), ()))
    >>> view["x"].share, view["x"].best_partner, view["z"].best_partner
    (0.5, 'y', None)
    """
    from newsdiff.core.views.same_claim import is_weak

    order = {article.id: number for number, article in enumerate(alignment.articles)}
    paired: dict[str, set[int]] = {article.id: set() for article in alignment.articles}
    differences: Counter[str] = Counter()
    shared: dict[str, Counter[str]] = {article.id: Counter() for article in alignment.articles}
    for pair in alignment.pairs:
        if is_weak(pair):  # the same claim, not paired directly: as the comparison counts
            continue
        left, right = pair.left.article, pair.right.article
        paired.setdefault(left, set()).add(pair.left.sentence)
        paired.setdefault(right, set()).add(pair.right.sentence)
        differing = sum(1 for fact in pair.facts if fact.status == "differ")
        differences[left] += differing
        differences[right] += differing
        shared.setdefault(left, Counter())[right] += 1
        shared.setdefault(right, Counter())[left] += 1
    result = {}
    for article in alignment.articles:
        partners = sorted(
            shared[article.id].items(), key=lambda item: (-item[1], order.get(item[0], 0))
        )
        result[article.id] = ArticleOverview(
            article=article.id,
            passages=len(article.sentences),
            paired=len(paired[article.id]),
            fact_differences=differences[article.id],
            partners=tuple(partners),
        )
    return result
