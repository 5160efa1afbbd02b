"""The passage view as data: one passage and what every other report says about it.

Each other report gets its entries: the passages paired with this one
(best first), else the passages of the same claim cluster that are not
paired directly, else nothing at all, since an omission is a finding too.
A pair scoring below ``WEAK`` is one of the latter: the aligner pairs every
two passages of a claim cluster, and two that share few words are in it only
through the others (a lead cluster merges on the average of its links), so
it is shown as the same claim with its score, its facts not counted here.
The reports that tell the passage come first; the silent ones after them,
named together in one line (``silent_line``), so the tellings are not
scattered among "says nothing" lines.
The passage's own marks are the facts of all its pairs, a contradiction
winning where two overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from newsdiff.core.model import Alignment, Article, FactComparison, Pair, Sentence, SentenceRef
from newsdiff.core.views.header import shown_date
from newsdiff.core.views.marks import Mark, fact_marks
from newsdiff.core.views.rows import article_by_id, pairs_between
from newsdiff.core.views.same_claim import WEAK

EntryKind = Literal["paired", "same-claim"]


@dataclass(frozen=True, slots=True)
class Entry:
    """A passage of another report shown under this one; ``pair`` is oriented from here."""

    kind: EntryKind
    passage: Sentence
    pair: Pair | None = None  # also on a same-claim entry that scores below ``WEAK``


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
    """Every other report: those that tell the passage, then the silent ones (each
    group in the alignment's order)."""

    @property
    def telling(self) -> tuple[OtherReport, ...]:
        """The other reports with something to show for the passage."""
        return tuple(other for other in self.others if other.entries)

    @property
    def silent(self) -> tuple[Article, ...]:
        """The other reports that say nothing about the passage."""
        return tuple(other.article for other in self.others if not other.entries)


SILENT_NAMES = 12  # names the silent line gives before "and N more"; more wrap to a wall


def silent_line(silent: Sequence[Article], *, names: int = SILENT_NAMES) -> str:
    """The one line for the reports that say nothing about a passage ("" for none): each
    named by its source (its id without one), with its date where two share a name.
    Plain text from the files: the screen shows it as data, never markup.

    >>> a = Article("a", "a", "", "A", "2025-04-27", "de", (), 0, source="dlf.de")
    >>> silent_line([a])
    '1 report says nothing about this: dlf.de'
    >>> from dataclasses import replace
    >>> silent_line([a, replace(a, id="b", date="2025-04-28"), replace(a, id="c", source="")])
    '3 reports say nothing about this: dlf.de 2025-04-27, dlf.de 2025-04-28, c'
    """
    if not silent:
        return ""
    labels = [article.source or article.id for article in silent]
    twice = {label for label in labels if labels.count(label) > 1}
    shown = [
        f"{label} {shown_date(article.date)}" if label in twice and article.date else label
        for label, article in zip(labels, silent, strict=True)
    ]
    if len(shown) > names:
        shown = [*shown[: names - 1], f"and {len(shown) - names + 1} more"]
    count = len(silent)
    says = "report says" if count == 1 else "reports say"
    return f"{count} {says} nothing about this: {', '.join(shown)}"


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
    alignment: Alignment,
    article_id: str,
    sentence: int,
    *,
    claims: list[int] | None = None,
    weak: float = WEAK,
) -> PassageView:
    """The passage view of passage ``sentence`` of ``article_id``.

    ``claims`` (from ``claim_passages``) may be passed to save recomputing it;
    a pair scoring below ``weak`` is shown as the same claim, not as paired.

    >>> s = Sentence(0, "4000 Soldaten.", 0, 14)
    >>> a = Article("a", "a", "", "A", None, "de", (s,), 2)
    >>> b = Article("b", "b", "", "B", None, "de", (s,), 2)
    >>> view = passage_view(Alignment((a, b), (), ()), "a", 0)
    >>> view.claim, [len(o.entries) for o in view.others], [o.id for o in view.silent]
    (None, [0], ['b'])
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
        strong = [p for p in pairs if p.score >= weak]
        entries = [Entry("paired", other.sentences[p.right.sentence], p) for p in strong]
        facts += [fact for p in strong for fact in p.facts]
        if not strong:
            weakly = {p.right.sentence: p for p in pairs}
            entries = [
                Entry("same-claim", other.sentences[ref.sentence], weakly.get(ref.sentence))
                for ref in cluster
                if ref.article == other.id
            ]
            # a weak pair of a passage telling two claims, from the other cluster
            entries += [
                Entry("same-claim", other.sentences[p.right.sentence], p)
                for p in pairs
                if SentenceRef(other.id, p.right.sentence) not in cluster
            ]
        others.append(OtherReport(other, tuple(entries)))
    others.sort(key=lambda other: not other.entries)  # stable: the tellers first
    return PassageView(
        article,
        passage,
        claims.index(sentence) + 1 if sentence in claims else None,
        len(claims),
        tuple(fact_marks(facts, "left", len(passage.text))),
        tuple(facts),
        tuple(others),
    )
