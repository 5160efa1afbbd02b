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
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial

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
STORY_OPTIONS = AlignOptions(lead=4, second_partner=True)


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
        from newsdiff.core.matching.story_cache import cached

        run = cached(
            lambda members: align_story(
                members, threshold=threshold, floor=floor, semantic=semantic
            ),
            ("align_story", threshold, floor, semantic),
        )
    else:
        run = aligner
    by_id = {a.id: a for a in articles}
    position = {a.id: k for k, a in enumerate(articles)}
    pairs: list[Pair] = []
    clusters: list[tuple[SentenceRef, ...]] = []
    facts: dict[SentenceRef, tuple[Fact, ...]] = {}
    for story in stories:
        if len(story.members) < 2:
            continue
        # the members in input order, so "left" is the earlier report as align() says
        members = sorted((by_id[m] for m in story.members), key=lambda a: position[a.id])
        members = [_without_timestamps(a) for a in members]
        part = run(members)
        pairs += part.pairs
        clusters += part.clusters
        facts.update(part.facts)
    pairs.sort(key=partial(pair_order, position))
    clusters.sort(key=lambda c: (position[c[0].article], c[0].sentence))
    return Alignment(
        tuple(articles),
        tuple(pairs),
        tuple(clusters),
        facts,
        stories=tuple(s.members for s in stories),
    )


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
