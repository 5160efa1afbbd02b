"""Align a folder story by story, so a story's pairs never depend on the rest of the folder.

Word weights counted over a whole folder change with whatever else it holds:
among 1,028 unrelated articles the seeds' topic words turn rare and heavy and
their pairs change. Each story (``newsdiff.core.stories``) is aligned on its
own, with its own weights; no pair and no claim cluster crosses two stories,
and a report alone in its story pairs with nothing.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial
from itertools import chain, groupby, pairwise
from operator import attrgetter, itemgetter

from newsdiff.core.matching.align import align
from newsdiff.core.matching.annotate import pair_order
from newsdiff.core.matching.options import THRESHOLD, AlignOptions
from newsdiff.core.matching.timestamps import is_timestamp
from newsdiff.core.matching.weights import StoryWeights
from newsdiff.core.model import Alignment, Article, Fact, Pair, SentenceRef
from newsdiff.core.stories.detect import Story, StoryOptions, detect_stories

Aligner = Callable[[Sequence[Article]], Alignment]

# Within a known story (issue 10): the leads of a story of short reports pair
# generously (options.py, LEAD_*), and a passage whose figures split across two
# claims joins both clusters (clusters.second_partners). bench_story_align.py on
# the ECB+ tuning subtopics (tuned there: no held-out figures): as detected P
# 0.956 R 0.081 F1 0.150 -> P 0.686 R 0.528 F1 0.597; within the gold
# subtopics 0.966/0.082/0.151 -> 0.825/0.588/0.687 (char TF-IDF baseline
# 0.587/0.749/0.659). Most of the wrong pairs as detected (654 of 1,152 in a
# lexical run) join the two subtopics of the six detected stories that merge
# them: two events of one kind have leads alike. Seeds unchanged (0.882/0.682).
# The story is known, so its reports are one story however few strong pairs two
# of them share (one_story): "newsdiff align 004 003" paired 1 passage, where
# the same two reports among the other seeds paired 12.
STORY_OPTIONS = AlignOptions(lead=4, second_partner=True, one_story=True)


def align_stories(
    articles: Sequence[Article],
    *,
    threshold: float | None = None,
    floor: float | None = None,
    stories: Sequence[Story] | None = None,
    story_options: StoryOptions | None = None,
    aligner: Aligner | None = None,
    semantic: bool = True,
) -> Alignment:
    """The alignment of ``articles``, made within each story and put together.

    ``stories`` (default: ``detect_stories``) says which reports belong
    together; ``Alignment.stories`` keeps them, as article ids. Pairs and
    clusters are ordered as ``align`` orders them, by the input order.
    ``aligner`` replaces the per-story alignment (a cache, or a test's engine);
    ``semantic=False`` pairs by shared words alone (``AlignOptions.semantic``).

    >>> from newsdiff.core.model import Sentence
    >>> def article(id_, *texts):
    ...     sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
    ...     return Article(id_, id_, " ".join(texts), texts[0], None, "de", sentences, 9)
    >>> a = article("a", "Nordkorea bestätigt Truppenentsendung nach Russland.", "Kim lacht.")
    >>> b = article("b", "Wetter heute.", "Nordkorea hat die Entsendung von Truppen bestätigt.")
    >>> c = article("c", "Das Urteil gegen den Wiener Bürgermeister ist rechtskräftig.")
    >>> result = align_stories([a, b, c])
    >>> result.stories
    (('a', 'b'), ('c',))
    >>> [(p.left.article, p.right.article) for p in result.pairs]
    [('a', 'b')]
    """
    if stories is None:
        stories = detect_stories(
            articles, options=story_options or story_defaults(semantic, articles)
        )
    if aligner is None:
        run, raw = _cached_runner(threshold, floor, semantic), True
    else:
        run, raw = aligner, False
    by_id = {a.id: a for a in articles}
    position = {a.id: k for k, a in enumerate(articles)}
    parts: list[tuple[Pair, ...]] = []
    clusters: list[tuple[SentenceRef, ...]] = []
    facts: dict[SentenceRef, tuple[Fact, ...]] = {}
    # one story at a time: two at once on two threads (the forward passes are numpy's and
    # let go of the interpreter) made align_stories 1.00-1.29x slower on the 1,033 gnad +
    # seed reports and 1.07-1.19x on 1,015 of the scale mix (bench_semantic_cold.py): the
    # model's small array steps and the other story's Python wait for each other. So a
    # thread embedding every story's passages beside the shared-words work of all of
    # them (the most a story pipeline could overlap) gained only 0.96-1.14x, median
    # 1.05x (bench_embed_overlap.py): not worth a second thread to stop at exit
    for story in stories:
        if len(story.members) < 2:
            continue
        # the members in input order, so "left" is the earlier report as align() says
        members = sorted((by_id[m] for m in story.members), key=lambda a: position[a.id])
        part = run(members if raw else [_without_timestamps(a) for a in members])
        parts.append(part.pairs)
        clusters += part.clusters
        facts.update(part.facts)
    # our own runner gives each story's pairs in input order: putting them
    # together only orders the runs of one left report (80,000 pairs: 0.17 s
    # of sorting); another aligner's pairs are sorted whole
    pairs = _in_order(parts, position) if raw else None
    if pairs is None:
        pairs = tuple(sorted(chain.from_iterable(parts), key=partial(pair_order, position)))
    del parts
    clusters.sort(key=lambda c: (position[c[0].article], c[0].sentence))
    return Alignment(
        tuple(articles),
        pairs,
        tuple(clusters),
        facts,
        stories=tuple(s.members for s in stories),
    )


def _cached_runner(threshold: float | None, floor: float | None, semantic: bool) -> Aligner:
    """``align_story`` through the per-story cache, keyed by the members as read.

    The date and time lines are blanked only when a story is aligned: they are
    a function of the texts the key already covers, and a story read back
    need not look at its passages (21,000 of them: 0.6 s at 1,000 reports).
    """
    from newsdiff.core.matching import story_cache
    from newsdiff.core.matching.story_format import Shared

    knobs = ("align_story", threshold, floor, semantic)
    shared = Shared()  # one score, one edit script for every story of this run

    def run(members: Sequence[Article]) -> Alignment:
        def compute() -> Alignment:
            blanked = [_without_timestamps(a) for a in members]
            return align_story(blanked, threshold=threshold, floor=floor, semantic=semantic)

        return story_cache.through(members, knobs, compute, shared=shared)

    return run


def _in_order(
    parts: Sequence[Sequence[Pair]], position: Mapping[str, int]
) -> tuple[Pair, ...] | None:
    """The pairs of all stories in ``pair_order``, each story's pairs being in it already.

    A report is in one story, so the pairs of one left report are one run of
    one story; ordering the runs orders the pairs. Within a story the order is
    ``annotate``'s, kept by the record (``story_format``, under a digest); a
    left report met in two runs means it was not, and gives None (the caller
    sorts the pairs whole).

    >>> from newsdiff.core.model import SentenceRef as R
    >>> def pair(a, b): return Pair(R(a, 0), R(b, 0), 1.0, "identical")
    >>> position = dict(a=0, b=1, c=2, d=3, e=4)
    >>> out = _in_order([[pair("b", "d")], [pair("a", "c"), pair("c", "e")]], position)
    >>> [(p.left.article, p.right.article) for p in out]
    [('a', 'c'), ('b', 'd'), ('c', 'e')]
    """
    runs: list[tuple[int, Sequence[Pair], int, int]] = []  # left report, story, its slice
    for part in parts:
        at = 0
        for article, run in groupby(part, key=_left_article):
            size = len(list(run))
            runs.append((position[article], part, at, at + size))
            at += size
    runs.sort(key=itemgetter(0))
    if any(a[0] == b[0] for a, b in pairwise(runs)):
        return None  # one left report in two runs: not grouped as assumed
    return tuple(chain.from_iterable(part[a:b] for _, part, a, b in runs))


_left_article = attrgetter("left.article")


def story_defaults(semantic: bool = True, articles: Sequence[Article] = ()) -> StoryOptions:
    """Story detection's options: with the semantic signal, reports of two languages can meet.

    The signal (``across_languages``) is 0.0 for two reports of one language,
    so for ``articles`` all of one language it is left out: the same stories,
    and a signal-free search is kept in the stories cache (with it, none is:
    on the 1,033 gnad + seed files that was the whole search again each time).

    >>> story_defaults(False).signal is None
    True
    """
    from newsdiff.core.meaning.embedder import available

    if not semantic or not available() or len({a.language for a in articles}) == 1:
        return StoryOptions()
    from newsdiff.core.meaning.embedder import default_embedder
    from newsdiff.core.meaning.vectors import REPORT_COSINE, across_languages

    # the model's version and the threshold are all the signal's answers depend on
    named = f"{default_embedder().version} {REPORT_COSINE}"
    return StoryOptions(signal=across_languages, signal_key=named)


def align_story(
    members: Sequence[Article],
    *,
    threshold: float | None = None,
    floor: float | None = None,
    semantic: bool = True,
) -> Alignment:
    """Align the reports of one story with its own weights and the language's (``weights``).

    >>> from newsdiff.core.model import Sentence
    >>> def article(id_, text):
    ...     return Article(id_, id_, text, text, None, "en", (Sentence(0, text, 0, len(text)),), 9)
    >>> a = article("a", "Lindsay Lohan has checked into the Betty Ford Center to begin a stay.")
    >>> b = article("b", "Lohan checked into the Betty Ford Clinic for a three-month stay.")
    >>> len(align_story([a, b]).pairs)
    1
    """
    options = dataclasses.replace(STORY_OPTIONS, semantic=semantic)
    if threshold is not None:  # the leads stay as far below the threshold as by default
        shift = threshold - THRESHOLD
        options = dataclasses.replace(
            options,
            threshold=threshold,
            lead_threshold=max(0.0, options.lead_threshold + shift),
            lead_floor=max(0.0, options.lead_floor + shift),
        )
    languages = Counter(a.language for a in members)
    language = min(languages, key=lambda lang: (-languages[lang], lang))
    # the weights come from the aligner's own passage profiles: the story is profiled once
    weights = partial(StoryWeights.from_story, language=language)
    return align(members, options=options, floor=floor, weights=weights)


def _without_timestamps(article: Article) -> Article:
    """``article`` with its date and time lines blanked: nothing to pair, indices kept."""
    if not any(is_timestamp(s.text) for s in article.sentences):
        return article
    sentences = tuple(replace(s, text="") if is_timestamp(s.text) else s for s in article.sentences)
    return replace(article, sentences=sentences)
