"""English stories are the same alone and beside German reports (issue 10, parts 3 and 6).

In a folder of one language story detection uses shared words alone; once a
German report is beside them, the cross-language signal (mean passage
vectors, ``newsdiff.core.meaning.vectors.REPORT_COSINE``) is asked for every
German-English candidate pair, and the semantic pass compares reports of two
languages. Neither may change an English story or its pairs: ECB+ topics 1
(two rehab check-ins) and 12 (two pirate attacks) are detected and aligned
alone, and beside every 50th of the 1,028 German gnad articles.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import mix
from newsdiff.core.matching.by_story import align_stories, align_story, story_defaults
from newsdiff.core.model import Alignment, Article
from newsdiff.core.views.subset import restrict

pytestmark = pytest.mark.skipif(not mix.available(), reason="../shared/corpora not present")

TOPICS = ["1_ecb", "1_plus", "12_ecb", "12_plus"]


def _pairs(alignment: Alignment) -> list[tuple[str, int, str, int, float, str]]:
    return [
        (p.left.article, p.left.sentence, p.right.article, p.right.sentence, p.score, p.relation)
        for p in alignment.pairs
    ]


def test_english_stories_and_pairs_are_the_same_beside_german_reports() -> None:
    english = mix.ecb_articles(TOPICS)
    ids = {a.id for a in english}
    german = mix.gnad_articles(every=50)
    assert story_defaults(True, english).signal is None  # one language: words alone
    assert story_defaults(True, german + english).signal is not None  # the signal is asked

    def only_english(members: Sequence[Article]) -> Alignment:
        # the German stories are not looked at: aligning them would only cost time
        if ids & {a.id for a in members}:
            return align_story(members)
        return Alignment(tuple(members), (), ())

    alone = align_stories(english)
    among = align_stories(german + english, aligner=only_english)
    mine = [s for s in among.stories if ids & set(s)]
    assert mine == list(alone.stories)  # no German report joins an English story
    assert len([s for s in mine if len(s) > 1]) >= 4  # the four subtopics are there
    assert _pairs(restrict(among, ids)) == _pairs(alone)
    assert restrict(among, ids).clusters == alone.clusters


def test_a_report_linked_by_meaning_alone_does_not_join_a_story_of_another_language() -> None:
    """gnad-0601, a German NBA round-up, is close by meaning to ECB+ topic 5 (the 76ers fire
    their coach, Maurice Cheeks): the signal links it to those reports, and the cut of their
    group leaves it alone. It stays alone: a link by meaning alone does not bring a report a
    cut left alone into a story, so the English story and its pairs are as without it."""
    english = mix.ecb_articles(["5_ecb", "5_plus"])
    ids = {a.id for a in english}
    (nba,) = [a for a in mix.gnad_articles(602) if a.id == "gnad-0601"]
    alone = align_stories(english)
    among = align_stories([nba, *english])
    assert ("gnad-0601",) in among.stories
    assert [s for s in among.stories if ids & set(s)] == list(alone.stories)
    assert _pairs(restrict(among, ids)) == _pairs(alone)
