"""The aligner's stages one by one: each a function whose result depends only on its inputs."""

from __future__ import annotations

import doctest
import importlib

import pytest

from newsdiff.core.matching.align import AlignOptions, align
from newsdiff.core.matching.clusters import cluster
from newsdiff.core.matching.scoring import PairScorer, ScoredPair, collect_passages, score_pairs
from newsdiff.core.matching.similarity import Frequencies, profile
from newsdiff.core.matching.unionfind import UnionFind
from newsdiff.core.model import Article, Sentence

STAGES = ["options", "candidates", "scoring", "linking", "clusters", "annotate", "unionfind"]


def _article(id_: str, texts: list[str]) -> Article:
    sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
    return Article(id_, id_, " ".join(texts), texts[0], None, "de", sentences, 0)


@pytest.mark.parametrize("name", STAGES)
def test_the_examples_in_each_stage_hold(name: str) -> None:
    module = importlib.import_module(f"newsdiff.core.matching.{name}")
    assert doctest.testmod(module).failed == 0


def test_a_score_does_not_depend_on_when_it_was_asked_for() -> None:
    texts = ["Mexiko schickt 10.000 Soldaten.", "Bis zu 12.000 Mann sollen dort stehen."]
    articles = [_article("a", texts[:1]), _article("b", texts[1:])]
    passages = collect_passages(articles, options=AlignOptions())
    weights = Frequencies.from_profiles(passages.profiles)
    one_story = {0: 0, 1: 0}
    plain = PairScorer(passages, weights, AlignOptions())
    before = plain(0, 1)  # cached without the story ...
    late = plain.with_stories(one_story)(0, 1)
    fresh = PairScorer(passages, weights, AlignOptions(), one_story)(0, 1)
    assert late == fresh  # ... and never reused once the story makes the measures count
    assert fresh > before


def test_the_score_stage_takes_any_signal() -> None:
    # the seam for a second signal (meaning): the stage maps candidates through it
    scored = score_pairs([(0, 1), (0, 2)], lambda i, j: 0.1 * j)
    assert scored == (ScoredPair(0.1, 0, 1), ScoredPair(0.2, 0, 2))


def test_a_cluster_grows_only_while_every_cross_pair_keeps_the_floor() -> None:
    links = [ScoredPair(0.9, 0, 1), ScoredPair(0.8, 1, 2)]
    loose = {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.1}
    assert cluster(links, lambda i, j: loose[i, j], [0, 1, 2], floor=0.25) == ((0, 1),)
    assert cluster(links, lambda i, j: loose[i, j], [0, 1, 2], floor=0.05) == ((0, 1, 2),)
    # passages of one report need no score between them
    assert cluster(links, lambda i, j: loose[i, j], [0, 1, 0], floor=0.25) == ((0, 1, 2),)


def test_union_find_names_a_group_by_its_smallest_member_in_any_order() -> None:
    links = [(5, 2), (9, 5), (7, 8)]
    assert UnionFind(links).roots() == UnionFind(reversed(links)).roots()
    assert UnionFind(links).roots() == {2: 2, 5: 2, 7: 7, 8: 7, 9: 2}


def test_weights_from_outside_weigh_the_lemmas() -> None:
    a = _article("a", ["Die Panzerhaubitzen aus Pjöngjang erreichten Kursk.", "Es regnet."])
    b = _article("b", ["Pjöngjang lieferte Panzerhaubitzen nach Kursk.", "Die Börse schloss."])
    own = Frequencies.from_profiles(profile(s.text) for x in (a, b) for s in x.sentences)
    assert align([a, b], weights=own) == align([a, b])
    assert [(p.left.sentence, p.right.sentence) for p in align([a, b]).pairs] == [(0, 0)]
    # a background where these words stand everywhere: they say nothing, nothing pairs
    background = Frequencies(1000, {f: 900 for f in own.counts})
    assert not align([a, b], weights=background).pairs


def test_options_are_keyword_only_and_frozen() -> None:
    options = AlignOptions(threshold=0.5)
    with pytest.raises(AttributeError):
        options.threshold = 0.1  # type: ignore[misc]
    with pytest.raises(TypeError):
        AlignOptions(0.5)  # type: ignore[misc]
    assert align([], options=options).pairs == ()
