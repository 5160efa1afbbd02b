"""An alignment narrowed to some of its reports, for a report of one comparison."""

from __future__ import annotations

from collections.abc import Iterable

from newsdiff.core.model import Alignment


def restrict(alignment: Alignment, article_ids: Iterable[str]) -> Alignment:
    """The part of ``alignment`` that involves only ``article_ids``.

    Articles keep their order, pairs keep their sides; a claim cluster keeps
    its members from those reports and stays only while two reports remain in it.

    >>> from newsdiff.core.model import Alignment
    >>> restrict(Alignment((), (), ()), ["a", "b"]).pairs
    ()
    """
    keep = set(article_ids)
    articles = tuple(a for a in alignment.articles if a.id in keep)
    pairs = tuple(p for p in alignment.pairs if p.left.article in keep and p.right.article in keep)
    clusters = []
    for cluster in alignment.clusters:
        members = tuple(ref for ref in cluster if ref.article in keep)
        if len({ref.article for ref in members}) >= 2:
            clusters.append(members)
    stories = tuple(
        kept
        for kept in (tuple(m for m in story if m in keep) for story in alignment.stories)
        if kept
    )
    facts = {ref: found for ref, found in alignment.facts.items() if ref.article in keep}
    return Alignment(articles, pairs, tuple(clusters), facts, stories)
