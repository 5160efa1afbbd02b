"""The claim table: for each claim the reports share, the figure each source gives, by date.

An alignment pairs passages; a reader following a story wants the other view,
one row per source under each claim, oldest first, so "mehr als 3000" in
October turning into "10.000 bis 12.000" in April shows as a movement rather
than as scattered pair differences. Claims come from the alignment's clusters;
two clusters whose passages pair and count the same measure are one claim,
because the aligner keeps clusters tight and a figure's rewordings drift apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from newsdiff.core.facts import Fact, extract_facts
from newsdiff.core.facts.dates import extract_dates
from newsdiff.core.facts.numbers import format_quantity
from newsdiff.core.model import Alignment, Article, SentenceRef


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """One source's figure for a claim: what it wrote, the value, where and when."""

    article: str
    title: str
    date: str | None
    sentence: int
    text: str
    value: object
    display: str
    passage: str
    not_before: str | None = None  # undated report: the latest date it mentions


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim several reports make, with each source's figures sorted by date."""

    kind: str
    measure: str
    values: tuple[ClaimValue, ...]

    @property
    def sources(self) -> int:
        return len({value.article for value in self.values})


@dataclass(frozen=True, slots=True)
class ClaimTable:
    """Every claim that carries figures, those told by the most sources first."""

    claims: tuple[Claim, ...]


def _display(fact: Fact) -> str:
    value = fact.value if isinstance(fact.value, dict) else {}
    shown = format_quantity(value)
    if value.get("additional"):
        shown = f"+{shown} more"
    if value.get("each"):
        shown = f"{shown} each"
    return f"{shown} {fact.noun}" if fact.noun else shown


def _measure(fact: Fact) -> str:
    value = fact.value if isinstance(fact.value, dict) else {}
    return str(value.get("measure") or fact.noun or "figure")


def _date_key(value: ClaimValue) -> tuple[int, str, str, int]:
    # an undated report sorts by the latest date it mentions; with none, it goes last
    when = value.date or value.not_before
    return (when is None, when or "", value.article, value.sentence)


def mentioned_after(article: Article) -> str | None:
    """The latest absolute date an article mentions, a floor for its unknown publication date.

    >>> from newsdiff.core.model import Sentence
    >>> text = "Die Armee hatte im August 2024 eine Offensive gestartet."
    >>> a = Article("a", "a", text, text, None, "de", (Sentence(0, text, 0, len(text)),), 8)
    >>> mentioned_after(a)
    '2024-08'
    """
    latest = None
    for passage in article.sentences:
        for fact in extract_dates(passage.text, language=article.language):
            found = re.match(r"\d{4}(?:-\d{2})?", str(fact.value))
            if found and (latest is None or found.group() > latest):
                latest = found.group()
    return latest


def claim_table(alignment: Alignment) -> ClaimTable:
    """The figures each source gives for each claim cluster, sorted by publication date.

    >>> from newsdiff.core.model import Article, Sentence, Pair, SentenceRef
    >>> def article(id_, date, text):
    ...     return Article(id_, id_, text, id_, date, "de", (Sentence(0, text, 0, len(text)),), 5)
    >>> a = article("a", "2025-04", "Nordkorea entsandte etwa 10.000 bis 12.000 Soldaten.")
    >>> b = article("b", "2024-10", "Nordkorea entsandte mehr als 3000 Soldaten.")
    >>> refs = (SentenceRef("a", 0), SentenceRef("b", 0))
    >>> table = claim_table(Alignment((a, b), (Pair(*refs, 0.8, "facts-differ"),), (refs,)))
    >>> [(v.date, v.display) for v in table.claims[0].values]
    [('2024-10', '>3000 Soldaten'), ('2025-04', '~10000-12000 Soldaten')]
    """
    articles = {article.id: article for article in alignment.articles}
    facts: dict[SentenceRef, tuple[Fact, ...]] = {}

    def numbers(ref: SentenceRef) -> tuple[Fact, ...]:
        if ref not in facts:
            article = articles[ref.article]
            text = article.sentences[ref.sentence].text
            found = extract_facts(text, language=article.language, published=article.date)
            facts[ref] = tuple(fact for fact in found if fact.kind == "number")
        return facts[ref]

    cluster_of = {ref: k for k, cluster in enumerate(alignment.clusters) for ref in cluster}
    parent = list(range(len(alignment.clusters)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for pair in alignment.pairs:
        a, b = cluster_of.get(pair.left), cluster_of.get(pair.right)
        if a is None or b is None or root(a) == root(b):
            continue
        if {_measure(f) for f in numbers(pair.left)} & {_measure(f) for f in numbers(pair.right)}:
            parent[root(a)] = root(b)

    floors = {a.id: mentioned_after(a) for a in alignment.articles if a.date is None}
    grouped: dict[tuple[int, str], list[ClaimValue]] = defaultdict(list)
    for k, cluster in enumerate(alignment.clusters):
        for ref in cluster:
            article = articles[ref.article]
            for fact in numbers(ref):
                value = _value(article, ref, fact, floors.get(article.id))
                grouped[(root(k), _measure(fact))].append(value)
    claims = [
        Claim("number", measure, tuple(sorted(values, key=_date_key)))
        for (_, measure), values in grouped.items()
    ]
    claims = [claim for claim in claims if claim.sources > 1]
    claims.sort(key=lambda claim: (-claim.sources, _date_key(claim.values[0])))
    return ClaimTable(tuple(claims))


def _value(article: Article, ref: SentenceRef, fact: Fact, floor: str | None) -> ClaimValue:
    return ClaimValue(
        article=article.id,
        title=article.title,
        date=article.date,
        sentence=ref.sentence,
        text=fact.text,
        value=fact.value,
        display=_display(fact),
        passage=article.sentences[ref.sentence].text,
        not_before=floor,
    )


def claim_table_to_dict(table: ClaimTable) -> dict[str, object]:
    """The claim table as JSON-ready data: ``{"claims": [{"measure", "values": [...]}]}``.

    >>> claim_table_to_dict(ClaimTable(()))
    {'claims': []}
    """
    return {
        "claims": [
            {
                "kind": claim.kind,
                "measure": claim.measure,
                "sources": claim.sources,
                "values": [
                    {
                        "article": v.article,
                        "title": v.title,
                        "date": v.date,
                        "sentence": v.sentence,
                        "text": v.text,
                        "value": v.value,
                        "display": v.display,
                        "passage": v.passage,
                        "not_before": v.not_before,
                    }
                    for v in claim.values
                ],
            }
            for claim in table.claims
        ]
    }
