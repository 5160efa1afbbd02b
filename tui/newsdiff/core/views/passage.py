"""The passage view as data: one passage and what every other report says about it.

Each other report gets its entries: the passages paired with this one
(best first), else the passages of the same claim cluster that are not
paired directly, else nothing at all, since an omission is a finding too.
The passage's own marks are the facts of all its pairs, a contradiction
winning where two overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsdiff.core.model import Alignment, Article, FactComparison, Pair, Sentence, SentenceRef
from newsdiff.core.views.marks import Mark, fact_marks
from newsdiff.core.views.rows import article_by_id, pairs_between

EntryKind = Literal["paired", "same-claim"]


@dataclass(frozen=True, slots=True)
class Entry:
    """A passage of another report shown under this one; ``pair`` is oriented from here."""

    kind: EntryKind
    passage: Sentence
    pair: Pair | None = None


@dataclass(frozen=True, slots=True)
class OtherReport:
    """What one other report says about the passage's claim (no entries: nothing)."""

    article: Article
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class PassageView:
    """Everything the passage screen shows, computed once per passage."""

    article: Article
    passage: Sentence
    claim: int | None  # 1-based among the report's shared claims; None: told nowhere else
    claims: int
    marks: tuple[Mark, ...]
    facts: tuple[FactComparison, ...]
    others: tuple[OtherReport, ...]


def claim_passages(alignment: Alignment, article_id: str) -> list[int]:
    """The passages of ``article_id`` that share a claim with another report, in order.

    >>> claim_passages(Alignment((), (), ()), "a")
    []
    """
    shared = {
        ref.sentence
        for cluster in alignment.clusters
        if len({r.article for r in cluster}) > 1
        for ref in cluster
        if ref.article == article_id
    }
    for pair in alignment.pairs:
        for ref in (pair.left, pair.right):
            if ref.article == article_id:
                shared.add(ref.sentence)
    return sorted(shared)


def _cluster(alignment: Alignment, me: SentenceRef) -> tuple[SentenceRef, ...]:
    return next((cluster for cluster in alignment.clusters if me in cluster), ())


def passage_view(
    alignment: Alignment, article_id: str, sentence: int, *, claims: list[int] | None = None
) -> PassageView:
    """The passage view of passage ``sentence`` of ``article_id``.

    ``claims`` (from ``claim_passages``) may be passed to save recomputing it.

    >>> s = Sentence(0, "4000 Soldaten.", 0, 14)
    >>> a = Article("a", "a", "", "A", None, "de", (s,), 2)
    >>> b = Article("b", "b", "", "B", None, "de", (s,), 2)
    >>> view = passage_view(Alignment((a, b), (), ()), "a", 0)
    >>> view.claim, [len(o.entries) for o in view.others]
    (None, [0])
    """
    article = article_by_id(alignment, article_id)
    passage = article.sentences[sentence]
    claims = claim_passages(alignment, article_id) if claims is None else claims
    cluster = _cluster(alignment, SentenceRef(article_id, sentence))
    others = []
    facts: list[FactComparison] = []
    for other in alignment.articles:
        if other.id == article_id:
            continue
        pairs = sorted(
            (
                p
                for p in pairs_between(alignment, article_id, other.id)
                if p.left.sentence == sentence
            ),
            key=lambda p: -p.score,
        )
        entries = [Entry("paired", other.sentences[p.right.sentence], p) for p in pairs]
        facts += [fact for p in pairs for fact in p.facts]
        if not pairs:
            entries = [
                Entry("same-claim", other.sentences[ref.sentence])
                for ref in cluster
                if ref.article == other.id
            ]
        others.append(OtherReport(other, tuple(entries)))
    return PassageView(
        article,
        passage,
        claims.index(sentence) + 1 if sentence in claims else None,
        len(claims),
        tuple(fact_marks(facts, "left", len(passage.text))),
        tuple(facts),
        tuple(others),
    )
