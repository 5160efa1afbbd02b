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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from newsdiff.core.facts import Fact, extract_facts
from newsdiff.core.facts.dates import extract_dates
from newsdiff.core.facts.names import fold_name
from newsdiff.core.facts.numbers import format_quantity
from newsdiff.core.matching.unionfind import UnionFind
from newsdiff.core.model import Alignment, Article, SentenceRef

# Measured on the seeds and 200 gnad articles (unrelated stories): at 0.30 every
# troop figure of the seeds joins one claim while no gnad claim grows; at 0.25
# unrelated gnad figures start to join, at 0.40 the seeds lose "11.000 Mann".
ATTACH = 0.30
_SEEDS = 12  # passages of a claim a candidate is scored against, to bound the work
_BUDGET = 20000  # scorings at most per table; a large folder keeps its aligned claims
Numbers = Callable[[SentenceRef], tuple[Fact, ...]]


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
    credited: str | None = None  # whom the passage credits the figure to, as written


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


def claim_table(alignment: Alignment, *, attach: float = ATTACH) -> ClaimTable:
    """The figures each source gives for each claim cluster, sorted by publication date.

    Clusters counting the same measure whose passages name a common entity and
    score at least ``attach`` are one claim, and a passage left out of every
    cluster joins the closest such claim (``attach`` above 1 turns this off).

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
    same_claim = UnionFind()
    for pair in alignment.pairs:
        a, b = cluster_of.get(pair.left), cluster_of.get(pair.right)
        if a is None or b is None or same_claim.find(a) == same_claim.find(b):
            continue
        if {_measure(f) for f in numbers(pair.left)} & {_measure(f) for f in numbers(pair.right)}:
            same_claim.union(a, b)

    members: dict[tuple[int, str], list[SentenceRef]] = defaultdict(list)
    for k, cluster in enumerate(alignment.clusters):
        for ref in cluster:
            for measure in dict.fromkeys(_measure(fact) for fact in numbers(ref)):
                members[(same_claim.find(k), measure)].append(ref)
    groups = [(measure, refs) for (_, measure), refs in members.items()]
    if attach <= 1.0:
        groups = _gather(groups, alignment, numbers, articles, attach)

    floors = {a.id: mentioned_after(a) for a in alignment.articles if a.date is None}
    claims = []
    for measure, refs in groups:
        values = [
            _value(articles[ref.article], ref, fact, floors.get(ref.article))
            for ref in refs
            for fact in numbers(ref)
            if _measure(fact) == measure
        ]
        claims.append(Claim("number", measure, tuple(sorted(values, key=_date_key))))
    claims = [claim for claim in claims if claim.sources > 1]
    claims.sort(key=lambda claim: (-claim.sources, _date_key(claim.values[0])))
    return ClaimTable(tuple(claims))


def _gather(
    groups: list[tuple[str, list[SentenceRef]]],
    alignment: Alignment,
    numbers: Numbers,
    articles: dict[str, Article],
    attach: float,
) -> list[tuple[str, list[SentenceRef]]]:
    """Join groups of one measure whose passages score ``attach``, and add lone passages.

    The aligner pairs at its threshold; a figure reworded ("tausende weitere
    Soldaten" / "10.000 bis 12.000 Soldaten") scores lower, yet counting the
    same thing in passages this close makes it the same claim for the table.
    The two passages must also name one entity in common. Only passages the
    alignment clustered pull others in, so nothing chains, and a budget of
    scorings bounds the work on large folders.
    """
    from newsdiff.core.matching.similarity import similarity

    budget = [_BUDGET]
    entities: dict[SentenceRef, set[str]] = {}

    def names(ref: SentenceRef) -> set[str]:
        if ref not in entities:
            article = articles[ref.article]
            text = article.sentences[ref.sentence].text
            found = extract_facts(text, language=article.language, published=article.date)
            entities[ref] = {fold_name(str(f.value)) for f in found if f.kind == "name"}
        return entities[ref]

    def close(ref: SentenceRef, seeds: list[SentenceRef]) -> float:
        best = 0.0
        text = articles[ref.article].sentences[ref.sentence].text
        for seed in seeds[:_SEEDS]:
            # a shared name keeps "20 Euro" in one story from joining "100 Euro" in another
            if budget[0] <= 0 or seed.article == ref.article or not names(ref) & names(seed):
                continue
            budget[0] -= 1
            other = articles[seed.article].sentences[seed.sentence].text
            best = max(best, similarity(text, other, language=articles[ref.article].language))
        return best

    # (measure, the clustered passages that may pull others in, every member)
    merged: list[tuple[str, list[SentenceRef], list[SentenceRef]]] = []
    for measure, refs in groups:
        for other_measure, seeds, members in merged:
            if other_measure == measure and any(close(r, seeds) >= attach for r in refs[:_SEEDS]):
                seeds.extend(r for r in refs if r not in seeds)
                members.extend(r for r in refs if r not in members)
                break
        else:
            merged.append((measure, list(refs), list(refs)))
    clustered = {ref for cluster in alignment.clusters for ref in cluster}
    for article in alignment.articles:
        for passage in article.sentences:
            ref = SentenceRef(article.id, passage.index)
            if ref in clustered or not numbers(ref):
                continue
            measures = {_measure(fact) for fact in numbers(ref)}
            candidates = [
                (close(ref, seeds), members) for m, seeds, members in merged if m in measures
            ]
            if candidates:
                score, members = max(candidates, key=lambda found: found[0])  # first on ties
                if score >= attach:
                    members.append(ref)
    return [(measure, members) for measure, _, members in merged]


def _credit(article: Article, ref: SentenceRef) -> str | None:
    text = article.sentences[ref.sentence].text
    return _first_source(text, article.language, article.date)


@lru_cache(maxsize=4096)  # once per passage, not once per figure in it (quadratic before)
def _first_source(text: str, language: str, published: str | None) -> str | None:
    found = extract_facts(text, language=language, published=published)
    return next((fact.text for fact in found if fact.kind == "source"), None)


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
        credited=_credit(article, ref),
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
                        "credited": v.credited,
                    }
                    for v in claim.values
                ],
            }
            for claim in table.claims
        ]
    }
