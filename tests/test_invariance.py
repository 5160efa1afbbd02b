"""A story's pairs do not depend on the rest of the folder (issue 10, part 3).

Word weights counted over a whole folder made the seeds' pairs change when
the 1,028 gnad articles were beside them (4 pairs with the troop figures ->
5 other pairs). Aligned story by story, the pairs of the seeds are the same
alone and among the gnad articles, and so are those of the ECB+ stories aligned
one at a time and all together.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import mix
from newsdiff.core.matching.by_story import align_stories, align_story
from newsdiff.core.model import Alignment, Article
from newsdiff.core.views.subset import restrict

pytestmark = pytest.mark.skipif(not mix.available(), reason="../shared/corpora not present")


def _pairs(alignment: Alignment) -> list[tuple[str, int, str, int, float, str]]:
    return [
        (p.left.article, p.left.sentence, p.right.article, p.right.sentence, p.score, p.relation)
        for p in alignment.pairs
    ]


def test_each_story_is_aligned_from_its_own_members_only() -> None:
    """What lets the tests below skip aligning the stories they do not look at."""
    seen: list[tuple[str, ...]] = []

    def recording(members: Sequence[Article]) -> Alignment:
        seen.append(tuple(a.id for a in members))
        return align_story(members)

    articles = mix.ecb_articles(["1_ecb", "1_plus"]) + mix.seed_articles()
    result = align_stories(articles, aligner=recording)
    assert sorted(seen) == sorted(s for s in result.stories if len(s) > 1)
    assert sorted(m for s in result.stories for m in s) == sorted(a.id for a in articles)


def test_seed_pairs_are_the_same_alone_and_among_the_gnad_articles() -> None:
    """Stories are detected over all 1,033 reports; only the story holding the seeds is
    aligned (each story is aligned from its own members, see the test above), which keeps
    this test at a few seconds instead of aligning every gnad story."""
    seeds = mix.seed_articles()
    ids = {a.id for a in seeds}
    alone = align_stories(seeds)
    assert alone.stories == (tuple(sorted(ids)),)

    def only_the_seeds(members: Sequence[Article]) -> Alignment:
        if ids & {a.id for a in members}:
            return align_story(members)
        return Alignment(tuple(members), (), ())

    among = align_stories(mix.gnad_articles() + seeds, aligner=only_the_seeds)
    assert [s for s in among.stories if ids & set(s)] == [tuple(sorted(ids))]
    assert _pairs(restrict(among, ids)) == _pairs(alone)
    assert restrict(among, ids).clusters == alone.clusters
    # the central troop-figure pair of 004 and 003 is among them
    assert any(
        p.relation == "facts-differ" and {p.left.article[:3], p.right.article[:3]} == {"003", "004"}
        for p in alone.pairs
    )


def test_ecb_stories_pair_the_same_one_at_a_time_and_all_together() -> None:
    """ECB+ topics 1 (two rehab check-ins), 9 (the topic whose two subtopics are hardest to
    keep apart) and 12 (two pirate attacks): 90 reports, every story aligned (a few
    seconds; all 20 topics take about 12 s and give the same result, see bench_stories)."""
    articles = mix.ecb_articles(["1_ecb", "1_plus", "9_ecb", "9_plus", "12_ecb", "12_plus"])
    together = align_stories(articles)
    for story in together.stories:
        if len(story) < 2:
            continue
        one = align_stories([a for a in articles if a.id in story])  # in the same order
        assert one.stories == (story,)
        assert _pairs(one) == _pairs(restrict(together, story)), story
    # and no pair joins two stories
    story_of = {m: k for k, s in enumerate(together.stories) for m in s}
    assert all(story_of[p.left.article] == story_of[p.right.article] for p in together.pairs)
