"""The score stage of the aligner: candidate pairs in, scored pairs out.

A pair's score is the weighted lemma overlap of ``similarity`` with the
corpus's word weights; between reports of one story a shared total of one
measure counts as a claim slot too (``stories``). Both are fixed before any
score is computed, so a score never depends on when it was asked for; the
memo of a ``PairScorer`` only saves work.

This is the seam for a second signal: ``score_pairs`` maps candidate pairs to
``ScoredPair``s through a ``Signal`` (any ``(i, j) -> float``), and a signal
that blends the lexical score with another (a sentence embedding's cosine, for
example) can be passed in its place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Protocol

from rapidfuzz import fuzz, process

from newsdiff.core.matching.candidates import lead_passages
from newsdiff.core.matching.options import AlignOptions
from newsdiff.core.matching.similarity import (
    KINDS,
    Frequencies,
    Profile,
    score_profiles,
    variants,
)
from newsdiff.core.matching.weights import StoryWeights
from newsdiff.core.model import Article

if TYPE_CHECKING:
    from newsdiff.core.facts.passages import PassageFacts

Stories = Mapping[int, int]  # report (its position in the sorted order) -> its story


@dataclass(frozen=True, slots=True)
class Passages:
    """Every passage of the articles being aligned, in the order of the article ids.

    ``refs[i]`` is ``(position in the input, passage index)`` of passage ``i``,
    ``groups[i]`` its report (the same position), ``profiles[i]`` its lemmas.
    """

    refs: tuple[tuple[int, int], ...]
    texts: tuple[str, ...]
    profiles: tuple[Profile, ...]
    groups: tuple[int, ...]


def collect_passages(
    articles: Sequence[Article], *, options: AlignOptions, facts: PassageFacts | None = None
) -> Passages:
    """Profile every passage, articles in the order of their ids (input order must not matter).

    ``facts`` gives the figures of a passage that may state a total of a measure,
    extracted once and kept for the later stages.

    >>> from newsdiff.core.model import Sentence
    >>> def one(id_, text):
    ...     return Article(id_, id_, text, text, None, "de", (Sentence(0, text, 0, len(text)),), 2)
    >>> articles = [one("b", "Kim lacht."), one("a", "Kim weint.")]
    >>> collect_passages(articles, options=AlignOptions()).refs
    ((1, 0), (0, 0))
    """
    from newsdiff.core.matching.similarity import profile

    order = sorted(range(len(articles)), key=lambda k: (articles[k].id, articles[k].path))
    refs, texts, profiles = [], [], []
    for k in order:
        article = articles[k]
        figures = None if facts is None else partial(facts.figures, language=article.language)
        for sentence in article.sentences:
            refs.append((k, sentence.index))
            texts.append(sentence.text)
            profiles.append(
                profile(
                    sentence.text,
                    language=article.language,
                    measures=options.measures,
                    figures=figures,
                )
            )
    return Passages(tuple(refs), tuple(texts), tuple(profiles), tuple(k for k, _ in refs))


@dataclass(frozen=True, slots=True, order=True)
class ScoredPair:
    """Passages ``left < right`` (indices into ``Passages``) and how alike they are."""

    score: float
    left: int
    right: int


class Signal(Protocol):
    """How alike passages ``i`` and ``j`` are, in [0, 1]; symmetric."""

    def __call__(self, i: int, j: int) -> float: ...


@dataclass(frozen=True, slots=True)
class PairScorer:
    """The lexical signal and the shared-lemma evidence of any two passages.

    ``weights`` weigh the lemmas (by default the corpus's own frequencies);
    ``stories`` say which reports tell one story, between which a shared
    measure counts. Scores below ``options.cutoff`` come back as 0.0.
    """

    passages: Passages
    weights: Frequencies
    options: AlignOptions
    stories: Stories = field(default_factory=dict)
    _memo: dict[tuple[int, int], float] = field(default_factory=dict, compare=False, repr=False)
    _leads: tuple[frozenset[int], Frequencies | None] = field(
        default=(frozenset(), None), compare=False, repr=False
    )

    def __post_init__(self) -> None:
        options, weights = self.options, self.weights
        if options.lead and isinstance(weights, StoryWeights) and self._leads[1] is None:
            p = self.passages
            leads = lead_passages(p.profiles, p.groups, options.lead, *options.lead_story)
            object.__setattr__(self, "_leads", (leads, weights.blended(options.lead_blend)))

    @property
    def leads(self) -> frozenset[int]:
        """The passages scored as leads too (``options.lead``; none by default)."""
        return self._leads[0]

    def with_stories(self, stories: Stories) -> PairScorer:
        """The same scorer with ``stories`` known; scores the stories cannot change are kept."""
        kept = {key: s for key, s in self._memo.items() if not _measured(self, stories, *key)}
        return PairScorer(self.passages, self.weights, self.options, stories, kept, self._leads)

    def __call__(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = self._memo.get(key)
        if found is None:
            profiles = self.passages.profiles
            measured = self.measured(*key)
            found = score_profiles(
                profiles[key[0]],
                profiles[key[1]],
                self.weights,
                cutoff=self.options.cutoff,
                measures=measured,
            )
            leads, lead_weights = self._leads
            if lead_weights is not None and key[0] in leads and key[1] in leads:
                # two leads of one story tell its main event, in its topic words
                lead = score_profiles(
                    profiles[key[0]],
                    profiles[key[1]],
                    lead_weights,
                    measures=measured,  # no cutoff: a lead pair shows its own score
                )
                found = max(found, lead)
            self._memo[key] = found
        return found

    def measured(self, i: int, j: int) -> bool:
        """Whether the measure features count for ``i`` and ``j``: only within one story."""
        return _measured(self, self.stories, i, j)

    def evidence(self, i: int, j: int) -> int:
        """How many lemmas two passages share that are not the story's topic words.

        One shared word makes two short passages look alike ("Es ist eine super
        Sache." / "Die Sache wurde interessanter."); a claim repeated in another
        report shares more than that. Identically worded passages need no
        evidence. A shared measure (within one story) counts as
        ``options.measure_evidence`` lemmas.
        """
        left, right = self.passages.profiles[i], self.passages.profiles[j]
        options, frequencies = self.options, self.weights
        if left.folded == right.folded:
            return options.min_shared
        value = options.measure_evidence if self.measured(i, j) else 0
        shared = 0
        for kind in KINDS:
            for f in left.of(kind) & right.of(kind):
                if not frequencies.is_topic(f, kind):
                    shared += value if kind == "measure" else 1
        if shared >= options.min_shared:
            return shared
        # close spelling variants count too ("Verletzte" / "verletzt", "Tote" / "Toten")
        common = left.lemmas & right.lemmas
        for f in left.lemmas - common:
            if len(f) >= options.variant_min_length and not frequencies.is_topic(f):
                best = process.extractOne(
                    f,
                    variants(f, right, common),
                    scorer=fuzz.ratio,
                    score_cutoff=options.variant_evidence,
                )
                shared += best is not None
        return shared


def _measured(scorer: PairScorer, stories: Stories, i: int, j: int) -> bool:
    groups = scorer.passages.groups
    if stories.get(groups[i], -1) != stories.get(groups[j], -2):
        return False
    left, right = scorer.passages.profiles[i], scorer.passages.profiles[j]
    return not left.measures.isdisjoint(right.measures)


def score_pairs(candidates: Iterable[tuple[int, int]], signal: Signal) -> tuple[ScoredPair, ...]:
    """The score stage: each candidate pair ``(i, j)``, ``i < j``, with its score, in order.

    >>> score_pairs([(0, 1), (1, 2)], lambda i, j: 0.5)
    (ScoredPair(score=0.5, left=0, right=1), ScoredPair(score=0.5, left=1, right=2))
    """
    return tuple(ScoredPair(signal(i, j), i, j) for i, j in candidates)
