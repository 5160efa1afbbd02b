"""Pair the passages that tell the same claim across reports, and group them into claims.

Reports reorder facts and split or merge sentences, so alignment is neither
monotonic nor one-to-one: any passage may pair with any passage of another
report. ``align`` is a sequence of stages, each a function of its own module:

1. candidates (``candidates.py``): identical passages and pairs sharing rare lemmas;
2. score (``scoring.py``): each candidate's similarity (``similarity.py``);
3. link (``linking.py``): which reports tell one story, and the pairs that stand:
   above the threshold, or mutual best matches somewhat below it within a story;
   then the pairs that tell one claim in other words or another language, by
   meaning (``meaning_links.py``: sentence embeddings, the story's topic taken out);
4. cluster (``clusters.py``): pairs that stand grow into tight claim clusters;
5. annotate (``annotate.py``): word changes, facts and relation of every pair.

Between reports of one story, two passages giving a total of one measure
("etwa 10.000 bis 12.000 Soldaten" / "bis zu 15.000 Mann") share that claim
slot; the stories are found from scores without it, then the pairs are
scored with it. A caller who knows the reports tell one story (``one_story``,
as ``by_story`` does) has them scored with it from the start. Everything is
computed in the order of the article ids, so the result does not depend on the
order the reports were given in, and every score is fixed before it is first
asked for, so nor on the order of the stages' questions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from newsdiff.core.matching.annotate import annotate, word_changes
from newsdiff.core.matching.candidates import candidates
from newsdiff.core.matching.clusters import cluster, facing, second_partners
from newsdiff.core.matching.linking import find_stories, link
from newsdiff.core.matching.meaning_links import MAX_PASSAGES, meaning_links, stand
from newsdiff.core.matching.options import CLUSTER_FLOOR, THRESHOLD, AlignOptions
from newsdiff.core.matching.scoring import PairScorer, Passages, collect_passages, score_pairs
from newsdiff.core.matching.similarity import Frequencies, Profile
from newsdiff.core.model import Alignment, Article

__all__ = ["CLUSTER_FLOOR", "THRESHOLD", "AlignOptions", "align", "word_changes"]


def align(
    articles: Sequence[Article],
    *,
    options: AlignOptions | None = None,
    threshold: float | None = None,
    floor: float | None = None,
    weights: Frequencies | Callable[[Sequence[Profile]], Frequencies] | None = None,
) -> Alignment:
    """The pairs of passages that tell the same claim, between every two articles.

    ``options`` holds every knob (``AlignOptions``); ``threshold`` and
    ``floor``, when given, replace its score from which two passages pair and
    the score every pair inside a claim cluster must keep (never above the
    threshold). ``weights`` weigh the lemmas (by default the frequencies in the
    passages being aligned; a caller may pass a story's own plus a background,
    or a function that makes them from the passages' profiles, profiled once).
    In each pair, ``left`` is the passage of the article that comes first in
    ``articles``.

    >>> from newsdiff.core.model import Sentence
    >>> def article(id_, *texts):
    ...     sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
    ...     return Article(id_, id_, " ".join(texts), texts[0], None, "de", sentences, 9)
    >>> a = article("a", "Nordkorea bestätigt Truppenentsendung nach Russland.", "Kim lacht.")
    >>> b = article("b", "Wetter heute.", "Nordkorea hat die Entsendung von Truppen bestätigt.")
    >>> [(p.left.sentence, p.right.sentence, p.relation) for p in align([a, b]).pairs]
    [(0, 1, 'reworded')]
    """
    options = options or AlignOptions()
    if threshold is not None:
        options = dataclasses.replace(options, threshold=threshold)
    if floor is not None:
        options = dataclasses.replace(options, floor=floor)
    from newsdiff.core.facts.passages import PassageFacts  # loaded on first use, not at import

    facts = PassageFacts(articles)  # each passage's facts extracted once, for every stage
    passages = collect_passages(articles, options=options, facts=facts)
    if weights is None:
        weights = Frequencies.from_profiles(passages.profiles)
    elif not isinstance(weights, Frequencies):
        weights = weights(passages.profiles)
    pairs = candidates(passages.profiles, passages.groups, options=options)
    plain = PairScorer(passages, weights, options)  # no story known: no measures
    if options.one_story:  # known to be one story: measures count from the start
        scorer = plain.with_stories(find_stories((), plain, options=options).stories)
        scored = score_pairs(pairs, scorer)
        stories = find_stories(scored, scorer, options=options)
    else:
        stories = find_stories(score_pairs(pairs, plain), plain, options=options)
        scorer = plain.with_stories(stories.stories)
        scored = score_pairs(pairs, scorer)
    links = link(scored, scorer, stories, options=options)
    languages = [a.language for a in articles]
    components = _components(passages, stories.stories, languages)
    found = meaning_links(
        passages, components, languages, options=options, lexical=links, shared=stories.shared
    )
    extra = stand(found, links, stories.shared, passages, languages, options=options)
    clusters = cluster(
        links + extra,
        scorer,
        passages.groups,
        floor=options.cluster_floor,
        leads=scorer.leads,
        lead_floor=options.lead_floor,
    )
    if options.second_partner:
        faced = facing(articles, passages, facts)
        clusters = second_partners(clusters, scored, scorer, faced, options=options)
    by_meaning = {(p.left, p.right): p.score for p in extra}

    def shown(i: int, j: int) -> float:
        """A pair made by meaning shows its centred cosine; the others their lexical score."""
        return by_meaning.get((min(i, j), max(i, j))) or scorer(i, j)

    return annotate(articles, passages, clusters, shown, facts=facts)


def _components(
    passages: Passages, stories: Mapping[int, int], languages: Sequence[str]
) -> list[list[int]]:
    """The reports compared by meaning together: each lexical story of 2+ reports.

    Reports of one language pair by meaning only inside a lexical story (see
    ``meaning_links.stand``), so no other passage is embedded. Reports of two
    languages share no words and form no lexical story: up to
    ``MAX_PASSAGES`` passages they are all compared at once.

    >>> p = Passages((), (), (), (0, 0, 1, 2))
    >>> _components(p, {0: 0, 1: 0}, ["de", "de", "de"]), _components(p, {}, ["de", "en", "de"])
    ([[0, 1]], [[0, 1, 2]])
    """
    reports = sorted(set(passages.groups))
    if len({languages[g] for g in reports}) > 1 and len(passages.groups) <= MAX_PASSAGES:
        return [reports]
    by_story: dict[int, list[int]] = {}
    for report, story in stories.items():
        by_story.setdefault(story, []).append(report)
    return [sorted(m) for _, m in sorted(by_story.items()) if len(m) > 1]
