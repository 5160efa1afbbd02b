"""The claim table: for each claim the reports share, the figure each source gives, by date.

An alignment pairs passages; a reader following a story wants the other view,
one row per source under each claim, oldest first, so "mehr als 3000" in
October turning into "10.000 bis 12.000" in April shows as a movement rather
than as scattered pair differences. Claims come from the alignment's clusters;
two clusters whose passages pair and count the same measure are one claim,
because the aligner keeps clusters tight and a figure's rewordings drift apart.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from dataclasses import dataclass

from newsdiff.core.facts.ages import AGE
from newsdiff.core.facts.measures import claim_measure
from newsdiff.core.facts.passages import PassageFacts
from newsdiff.core.matching.unionfind import UnionFind
from newsdiff.core.model import Alignment, Article, Fact, Quantity, SentenceRef
from newsdiff.core.views.age_people import AgeAt, age_people
from newsdiff.core.views.same_claim import is_weak

_RUNS = re.compile(r"\d+|\D+")

# Measured on the seeds and 200 gnad articles (unrelated stories): at 0.30 every
# troop figure of the seeds joins one claim while no gnad claim grows; at 0.25
# unrelated gnad figures start to join, at 0.40 the seeds lose "11.000 Mann".
ATTACH = 0.30
_SEEDS = 12  # passages of a claim a candidate is scored against, to bound the work
_BUDGET = 20000  # scorings at most per table; a large folder keeps its aligned claims


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """One source's figure for a claim: what it wrote, the value, where and when."""

    article: str
    title: str
    date: str | None
    sentence: int
    text: str
    value: Quantity
    display: str
    passage: str
    not_before: str | None = None  # undated report: the latest date it mentions
    credited: str | None = None  # whom the passage credits the figure to, as written
    path: str | None = None  # the report's file: ids of files sharing a name tell not which


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim several reports make, with each source's figures sorted by date."""

    kind: str
    measure: str
    values: tuple[ClaimValue, ...]
    earlier: str | None = None  # the years of an earlier event the passages recall: "2003"

    @property
    def sources(self) -> int:
        return len({value.article for value in self.values})


@dataclass(frozen=True, slots=True)
class ClaimTable:
    """Every claim that carries figures, those told by the most sources first.

    ``sources``: the reports' ids in the order each claim's figures are, oldest
    first (an undated report by the latest date it mentions), so a grid's
    columns put every claim's oldest figure, its reference, left of the rest.
    """

    claims: tuple[Claim, ...]
    sources: tuple[str, ...] = ()


def counted(text: str) -> tuple[tuple[int, int | str], ...]:
    """``text`` as runs of digits (their value) and of the rest, for a natural order.

    ECB+ files "1_3ecb", "1_10ecb" sort as a reader counts, not as strings.

    >>> sorted(["1_10ecb", "1_3ecb", "1_3ecbplus"], key=counted)
    ['1_3ecb', '1_3ecbplus', '1_10ecb']
    """
    return tuple((0, int(run)) if run.isdigit() else (1, run) for run in _RUNS.findall(text))


def _display(fact: Fact) -> str:
    value = fact.quantity
    shown = value.short()
    if value.additional:
        shown = f"+{shown} more"
    if value.per_unit:
        shown = f"{shown} each"
    return f"{shown} {fact.noun}" if fact.noun else shown


def _measure(fact: Fact) -> str:
    return claim_measure(fact.quantity)


def _dated(when: str | None, article: str) -> tuple[object, ...]:
    # an undated report sorts by the latest date it mentions; with none, it goes last
    return (when is None, when or "", counted(article))


def _date_key(value: ClaimValue) -> tuple[object, ...]:
    return (*_dated(value.date or value.not_before, value.article), value.sentence)


def mentioned_after(article: Article, *, facts: PassageFacts | None = None) -> str | None:
    """The latest absolute date an article mentions, a floor for its unknown publication date.

    >>> from newsdiff.core.model import Sentence
    >>> text = "Die Armee hatte im August 2024 eine Offensive gestartet."
    >>> a = Article("a", "a", text, text, None, "de", (Sentence(0, text, 0, len(text)),), 8)
    >>> mentioned_after(a)
    '2024-08'
    """
    facts = facts or PassageFacts([article])
    latest = None
    for passage in article.sentences:
        for fact in facts.dates(SentenceRef(article.id, passage.index)):
            found = re.match(r"\d{4}(?:-\d{2})?", str(fact.value))
            if found and (latest is None or found.group() > latest):
                latest = found.group()
    return latest


@dataclass(slots=True)
class _Group:
    """A claim being built: its measure, the clustered passages that may pull others in, all."""

    measure: str
    seeds: list[SentenceRef]
    members: list[SentenceRef]
    only: set[AgeAt] | None = None  # one person's ages: the figures it takes, else all


def claim_table(alignment: Alignment, *, attach: float = ATTACH) -> ClaimTable:
    """The figures each source gives for each claim cluster, sorted by publication date.

    Clusters counting the same measure whose passages name a common entity and
    score at least ``attach`` are one claim, and a passage left out of every
    cluster joins the closest such claim (``attach`` above 1 turns this off).
    The stages: merge paired clusters, group by measure, join close groups,
    attach lone passages, read each passage's figures, rank.

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
    alignment = paired_directly(alignment)
    facts = PassageFacts(alignment.articles, alignment.facts)
    people = age_groups(alignment, facts, everywhere=attach <= 1.0)
    personal = frozenset(at for group in people for at in group.only or ())
    same_claim = merge_paired_clusters(alignment, facts, personal=personal)
    groups = group_by_measure(alignment, same_claim, facts, personal=personal)
    if attach <= 1.0:
        close = _Closeness(facts, alignment)
        groups = join_close_groups(groups, close, attach=attach)
        groups = attach_lone_passages(
            groups, alignment, facts, close, attach=attach, personal=personal
        )
    groups += people
    floors = {a.id: mentioned_after(a, facts=facts) for a in alignment.articles if a.date is None}
    begun = story_began(alignment.articles, floors)
    claims = [
        claim
        for group in groups
        for claim in _claims(group, alignment, facts, floors, begun, personal)
    ]
    # the sources in the order _date_key gives each claim's figures
    order = tuple(
        a.id
        for a in sorted(alignment.articles, key=lambda a: _dated(a.date or floors.get(a.id), a.id))
    )
    return ClaimTable(rank(claims), order)


def paired_directly(alignment: Alignment) -> Alignment:
    """The alignment's clusters without the passages they hold only through weak pairs
    (``is_weak``); ``merge_paired_clusters`` skips those pairs too.

    The comparison and the passage view show a weak pair as the same claim, not
    paired directly, its facts neither marked nor counted; in the table its figure
    stood in the claim as a differing one. Such a passage may still join a claim
    as a lone passage does, by closeness and a shared name; one with no pair in
    its cluster at all (a hand-made cluster) stays.

    >>> from newsdiff.core.model import Pair, SentenceRef
    >>> a, b, c = (SentenceRef(x, 0) for x in "abc")
    >>> weak = (Pair(a, b, 0.9, "same"), Pair(a, c, 0.1, "reworded"), Pair(b, c, 0.1, "reworded"))
    >>> paired_directly(Alignment((), weak, ((a, b, c),))).clusters
    ((SentenceRef(article='a', sentence=0), SentenceRef(article='b', sentence=0)),)
    """
    strong: dict[SentenceRef, set[SentenceRef]] = defaultdict(set)
    paired: dict[SentenceRef, set[SentenceRef]] = defaultdict(set)
    for pair in alignment.pairs:
        for one, other in ((pair.left, pair.right), (pair.right, pair.left)):
            paired[one].add(other)
            if not is_weak(pair):
                strong[one].add(other)
    clusters = []
    for cluster in alignment.clusters:
        members = set(cluster)
        kept = tuple(ref for ref in cluster if strong[ref] & members or not paired[ref] & members)
        if len(kept) > 1 or kept == cluster:
            clusters.append(kept)
    return dataclasses.replace(alignment, clusters=tuple(clusters))


def merge_paired_clusters(
    alignment: Alignment, facts: PassageFacts, *, personal: frozenset[AgeAt] = frozenset()
) -> UnionFind:
    """Clusters are one claim when a pair links them and both passages count one measure
    (a person's age, ``personal``, is told by person, not by cluster)."""
    cluster_of = {ref: k for k, cluster in enumerate(alignment.clusters) for ref in cluster}
    same_claim = UnionFind()
    for pair in alignment.pairs:
        if is_weak(pair):
            continue  # the same claim only through the clustering, as every view shows it
        a, b = cluster_of.get(pair.left), cluster_of.get(pair.right)
        if a is None or b is None or same_claim.find(a) == same_claim.find(b):
            continue
        left = _measures(facts, pair.left, personal)
        if left.keys() & _measures(facts, pair.right, personal).keys():
            same_claim.union(a, b)
    return same_claim


def _figures(facts: PassageFacts, ref: SentenceRef, personal: frozenset[AgeAt]) -> list[Fact]:
    """A passage's figures but the ages told by person (``age_groups``)."""
    return [fact for fact in facts.numbers(ref) if (ref, fact.start) not in personal]


def _measures(facts: PassageFacts, ref: SentenceRef, personal: frozenset[AgeAt]) -> dict[str, None]:
    """The measures a passage's figures count, in order, but the ages told by person."""
    return dict.fromkeys(map(_measure, _figures(facts, ref, personal)))


def age_groups(alignment: Alignment, facts: PassageFacts, *, everywhere: bool) -> list[_Group]:
    """One group per person whose age the reports of a story give (``age_people``), read
    from every passage, or with ``everywhere`` off from the clustered ones only. A story
    here is the reports linked by pairs; an age no person is found for is left to the
    clusters, as other figures are."""
    clustered = {ref for cluster in alignment.clusters for ref in cluster}
    index = {article.id: k for k, article in enumerate(alignment.articles)}
    story = UnionFind((index[p.left.article], index[p.right.article]) for p in alignment.pairs)
    ages: dict[int, list[tuple[SentenceRef, Fact]]] = defaultdict(list)
    for article in alignment.articles:
        for passage in article.sentences:
            ref = SentenceRef(article.id, passage.index)
            if everywhere or ref in clustered:
                found = [(ref, f) for f in facts.numbers(ref) if f.quantity.measure == AGE]
                ages[story.find(index[article.id])].extend(found)
    reports = {article.id: article.text for article in alignment.articles}
    languages = {article.id: article.language for article in alignment.articles}
    groups = []
    for told in ages.values():
        passages = {ref: facts.text(ref) for ref, _ in told}
        people = age_people(told, passages, reports, languages=languages)
        by_person: dict[str, dict[AgeAt, None]] = defaultdict(dict)
        for at, person in people.items():
            by_person[person][at] = None
        for figures in by_person.values():
            refs = list(dict.fromkeys(ref for ref, _ in figures))
            groups.append(_Group(AGE, refs, list(refs), set(figures)))
    return groups


def group_by_measure(
    alignment: Alignment,
    same_claim: UnionFind,
    facts: PassageFacts,
    *,
    personal: frozenset[AgeAt] = frozenset(),
) -> list[_Group]:
    """One group per claim and measure, its passages in cluster order, each once.

    A passage that tells two claims sits in two clusters; when they are one
    claim it still gives its figures once.
    """
    members: dict[tuple[int, str], dict[SentenceRef, None]] = defaultdict(dict)
    for k, cluster in enumerate(alignment.clusters):
        for ref in cluster:
            for measure in _measures(facts, ref, personal):
                members[(same_claim.find(k), measure)][ref] = None
    return [_Group(measure, list(refs), list(refs)) for (_, measure), refs in members.items()]


class _Closeness:
    """How close a passage is to a claim's seed passages, within a budget of scorings.

    The aligner pairs at its threshold; a figure reworded ("tausende weitere
    Soldaten" / "10.000 bis 12.000 Soldaten") scores lower, yet counting the
    same thing in passages this close makes it the same claim for the table.
    The two passages must also name one entity in common, and a budget of
    scorings bounds the work on large folders.

    It scores with ``similarity`` (every lemma weighed alike) rather than
    reading the aligner's scores: those are corpus-weighted and exist only for
    the aligner's candidates. On the seeds, 3 of the 8 passage-seed scorings
    that reach ``ATTACH`` are no candidate pair of the aligner and the other 5
    score 0.0-0.35 there; read from the aligner's scores at any floor from
    0.20 to 0.35, the seeds' claim table changes.
    """

    def __init__(self, facts: PassageFacts, alignment: Alignment) -> None:
        self.facts = facts
        self.budget = _BUDGET
        self.language = {article.id: article.language for article in alignment.articles}

    def __call__(self, ref: SentenceRef, seeds: list[SentenceRef]) -> float:
        from newsdiff.core.matching.similarity import similarity

        best = 0.0
        text = self.facts.text(ref)
        for seed in seeds[:_SEEDS]:
            # a shared name keeps "20 Euro" in one story from joining "100 Euro" in another
            if (
                self.budget <= 0
                or seed.article == ref.article
                or not self.facts.names(ref) & self.facts.names(seed)
            ):
                continue
            self.budget -= 1
            other = self.facts.text(seed)
            best = max(best, similarity(text, other, language=self.language[ref.article]))
        return best


def join_close_groups(groups: list[_Group], close: _Closeness, *, attach: float) -> list[_Group]:
    """Join each group to the first earlier one of its measure that a passage is close to."""
    merged: list[_Group] = []
    for group in groups:
        for other in merged:
            if other.measure == group.measure and any(
                close(r, other.seeds) >= attach for r in group.seeds[:_SEEDS]
            ):
                other.seeds.extend(r for r in group.seeds if r not in other.seeds)
                other.members.extend(r for r in group.members if r not in other.members)
                break
        else:
            merged.append(_Group(group.measure, list(group.seeds), list(group.members)))
    return merged


def attach_lone_passages(
    groups: list[_Group],
    alignment: Alignment,
    facts: PassageFacts,
    close: _Closeness,
    *,
    attach: float,
    personal: frozenset[AgeAt] = frozenset(),
) -> list[_Group]:
    """A passage with figures in no cluster joins the closest group of its measure.

    Only clustered passages (the seeds) pull others in, so nothing chains.
    """
    clustered = {ref for cluster in alignment.clusters for ref in cluster}
    for article in alignment.articles:
        for passage in article.sentences:
            ref = SentenceRef(article.id, passage.index)
            if ref in clustered or not facts.numbers(ref):
                continue
            measures = _measures(facts, ref, personal)
            candidates = [(close(ref, g.seeds), g) for g in groups if g.measure in measures]
            if candidates:
                score, group = max(candidates, key=lambda found: found[0])  # first on ties
                if score >= attach:
                    group.members.append(ref)
    return groups


# a date that closes or opens a span to now ("since 2011 the war has killed 230,000",
# "until last December") dates no earlier event: the figure is the story's own count;
# nor does an era ("the 1950s pinup")
_SPAN_WORD = re.compile(r"\b(?:since|seit|bis|until|till|by)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SPAN_OPENS = re.compile(r"(?:since|seit|bis|until|till|by)\b", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}(?!\d|s)")


def story_began(articles: tuple[Article, ...], floors: dict[str, str | None]) -> str | None:
    """The year of the earliest report, the dated ones first: a story's event may have
    begun a year before a later report ("im vergangenen Oktober 11.000 Mann entsandt"),
    and an undated report's floor is only the latest date it mentions."""
    dated = [article.date[:4] for article in articles if article.date]
    years = dated or [floor[:4] for floor in floors.values() if floor]
    return min(years, default=None)


def earlier_event(ref: SentenceRef, facts: PassageFacts, began: str | None) -> str | None:
    """The year of an earlier event a passage tells, if its dates all lie before the
    story's first report ("In 2003 the Bam earthquake killed 31,000" in the reports of a
    2005 quake): its figures count that event, not this story's."""
    text = facts.text(ref)
    years = [
        found.group()
        for fact in facts.dates(ref)
        if not _SPAN_OPENS.match(fact.text)
        and not _SPAN_WORD.search(text, max(0, fact.start - 24), fact.start)
        and (found := _YEAR.match(str(fact.value))) is not None
    ]
    if began is None or not began.isdigit() or not years or max(years) >= began:
        return None
    return max(years)


def _claims(
    group: _Group,
    alignment: Alignment,
    facts: PassageFacts,
    floors: dict[str, str | None],
    began: str | None,
    personal: frozenset[AgeAt] = frozenset(),
) -> list[Claim]:
    """The group's claim, and apart from it the claim its passages of earlier events make:
    two reports may date that event apart ("in 2009", "in 2010"), still one claim."""
    articles = {article.id: article for article in alignment.articles}
    values: dict[bool, list[ClaimValue]] = defaultdict(list)
    years: set[str] = set()
    for ref in group.members:
        article, floor = articles[ref.article], floors.get(ref.article)
        earlier = earlier_event(ref, facts, began)
        years.update([earlier] if earlier else [])
        for fact in facts.numbers(ref):
            at = (ref, fact.start)
            mine = at in group.only if group.only is not None else at not in personal
            if not mine:
                continue  # a person's age goes in that person's claim only
            if _measure(fact) == group.measure:
                value = _value(article, ref, fact, floor, facts.source(ref))
                values[earlier is not None].append(value)
    told = ", ".join(sorted(years))
    return [
        Claim("number", group.measure, tuple(sorted(found, key=_date_key)), told if past else None)
        for past, found in values.items()
    ]


def rank(claims: list[Claim]) -> tuple[Claim, ...]:
    """Claims told by more than one source, those told by the most first, then the oldest."""
    shared = [claim for claim in claims if claim.sources > 1]
    shared.sort(key=lambda claim: (-claim.sources, _date_key(claim.values[0])))
    return tuple(shared)


def _value(
    article: Article, ref: SentenceRef, fact: Fact, floor: str | None, credited: str | None
) -> ClaimValue:
    return ClaimValue(
        article=article.id,
        title=article.title,
        date=article.date,
        sentence=ref.sentence,
        text=fact.text,
        value=fact.quantity,
        display=_display(fact),
        passage=article.sentences[ref.sentence].text,
        not_before=floor,
        credited=credited,
        path=article.path,
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
                "earlier": claim.earlier,
                "sources": claim.sources,
                "values": [
                    {
                        "article": v.article,
                        "path": v.path,
                        "title": v.title,
                        "date": v.date,
                        "sentence": v.sentence,
                        "text": v.text,
                        "value": v.value.to_json(),
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
