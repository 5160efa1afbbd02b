"""Within a known story the aligner pairs what its stricter rules refused (issue 10, part 2).

A passage that tells two claims joins two claim clusters; the leads of a story of
short reports pair although every word they share is a topic word of the story.
"""

from __future__ import annotations

import pytest

import mix
import newsdiff
from newsdiff.core.model import Alignment, Article, Pair
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths


@pytest.fixture(scope="module")
def seeds() -> tuple[Article, ...]:
    return read_articles(seed_paths()).articles


@pytest.fixture(scope="module")
def aligned(seeds: tuple[Article, ...]) -> Alignment:
    return newsdiff.align(seeds)


def _ref(articles: tuple[Article, ...] | list[Article], prefix: str, text: str) -> tuple[str, int]:
    found = [
        (a.id, s.index)
        for a in articles
        if a.id.startswith(prefix)
        for s in a.sentences
        if s.text.startswith(text)
    ]
    assert len(found) == 1, (prefix, text, found)
    return found[0]


def _pair(alignment: Alignment, left: tuple[str, int], right: tuple[str, int]) -> Pair | None:
    for p in alignment.pairs:
        ends = {(p.left.article, p.left.sentence), (p.right.article, p.right.sentence)}
        if ends == {left, right}:
            return p
    return None


def test_a_passage_telling_two_claims_pairs_with_both(
    seeds: tuple[Article, ...], aligned: Alignment
) -> None:
    """001's "11.000 Mann entsandt ..., 4000 weitere zugesagt" keeps its troop-total partner
    and also meets 002's "weitere 3.000 Soldaten": 4000 more against 3,000 more."""
    two_claims = _ref(seeds, "001", "Lee führte aus, nachdem Nordkorea")
    more = _ref(seeds, "002", "Zu Beginn des Jahres 2025 berichtet der ZDF")
    total = _ref(seeds, "002", "Der südkoreanische Geheimdienst berichtet, dass Nordkorea im")
    second = _pair(aligned, two_claims, more)
    assert second is not None
    assert second.relation == "facts-differ"
    assert any(
        f.kind == "number" and f.status == "differ" and {f.left, f.right} == {"4000", "3.000"}
        for f in second.facts
    ), second.facts
    assert _pair(aligned, two_claims, total) is not None  # the first claim stays
    holding = [c for c in aligned.clusters if any((r.article, r.sentence) == two_claims for r in c)]
    assert len(holding) == 2


def test_a_second_partner_needs_a_figure_of_its_own(aligned: Alignment) -> None:
    """Only a passage whose figures split across two claims gets a second cluster: on the
    seeds that is 001's passage alone, so no other passage stands in two clusters."""
    seen: dict[tuple[str, int], int] = {}
    for cluster in aligned.clusters:
        for ref in cluster:
            seen[ref.article, ref.sentence] = seen.get((ref.article, ref.sentence), 0) + 1
    assert [ref[0][:3] for ref, n in seen.items() if n > 1] == ["001"]


@pytest.mark.skipif(not mix.available(), reason="../shared/corpora not present")
def test_the_rehab_check_in_leads_pair() -> None:
    """Two short reports of one check-in: every word the two leads share (Lohan, Betty
    Ford, checked into, stay) is a topic word of the story, and they pair all the same."""
    articles = [a for a in mix.ecb_articles(["1_plus"]) if a.id in ("1_10ecbplus", "1_14ecbplus")]
    court = _ref(articles, "1_10ecbplus", "After skipping out on entering a Newport Beach")
    clinic = _ref(articles, "1_14ecbplus", "Lindsay Lohan checked into the Betty Ford Clinic")
    aligned = newsdiff.align(articles)
    assert aligned.stories == (("1_10ecbplus", "1_14ecbplus"),)
    found = _pair(aligned, court, clinic)
    assert found is not None
    assert "90-day court-mandated stay" in articles[0].sentences[court[1]].text
    assert "three-month stay" in articles[1].sentences[clinic[1]].text


def test_the_comparison_shows_both_partners_once_each(
    seeds: tuple[Article, ...], aligned: Alignment
) -> None:
    """Beside 002, 001's two-claim passage shares a row with one partner and links (↔) the
    other; every passage of both reports stands on exactly one row."""
    from newsdiff.core.views.rows import side_by_side

    left, right = seeds[1], seeds[2]
    two_claims = _ref(seeds, "001", "Lee führte aus, nachdem Nordkorea")[1]
    rows = side_by_side(aligned, left.id, right.id)
    mine = [r for r in rows if r.left is not None and r.left.index == two_claims]
    assert len(mine) == 1
    partners = {p.right.sentence for p in mine[0].left_links}
    if mine[0].pair is not None:
        partners.add(mine[0].pair.right.sentence)
    assert partners == {
        _ref(seeds, "002", "Zu Beginn des Jahres 2025")[1],
        _ref(seeds, "002", "Der südkoreanische Geheimdienst berichtet, dass Nordkorea im")[1],
    }
    assert mine[0].pair is not None and len(mine[0].left_links) == 1
    assert sorted(r.left.index for r in rows if r.left) == [s.index for s in left.sentences]
    assert sorted(r.right.index for r in rows if r.right) == [s.index for s in right.sentences]


def test_two_reports_compared_alone_pair_as_they_do_in_their_story(
    seeds: tuple[Article, ...],
) -> None:
    """`newsdiff align 004 003`: alone, the two share one strong pair, too few to count as a
    story by their own scores, so the troop totals and the near misses went unpaired (1 pair).
    They are one story, as among the other seeds, and their troop figures now meet."""
    two = [a for a in seeds if a.id.startswith(("004", "003"))]
    alone = newsdiff.align(two)
    assert len(alone.pairs) >= 10
    troops = _pair(
        alone,
        _ref(two, "004", "Bis zu 15.000 nordkoreanische Soldaten"),
        _ref(two, "003", "Der südkoreanische Geheimdienst berichtet, dass Nordkorea bereits"),
    )
    assert troops is not None and troops.relation == "facts-differ"
    totals = {"Bis zu 15.000", "mehr als 3000"}
    assert any(
        f.kind == "number" and f.status == "differ" and {f.left, f.right} == totals
        for f in troops.facts
    )
    among = newsdiff.align(seeds)
    in_story = {
        (p.left.sentence, p.right.sentence)
        for p in among.pairs
        if {p.left.article[:3], p.right.article[:3]} == {"003", "004"}
    }
    shared = in_story & {(p.left.sentence, p.right.sentence) for p in alone.pairs}
    assert len(shared) >= 8
