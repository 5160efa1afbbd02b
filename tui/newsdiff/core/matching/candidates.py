"""Which passages are worth comparing at all: blocking on rare shared lemmas.

Scoring every passage against every other is quadratic: 20,000 sentences are
200 million comparisons. Two passages that tell the same claim share at least
one word that is rare in the corpus, so an inverted index over the rare lemmas
yields the few candidates, and the topic words that stand in a large share of
the passages (Nordkorea, Russland, Soldaten) never make a candidate alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsdiff.core.matching.options import PER_PASSAGE, AlignOptions
from newsdiff.core.matching.similarity import KINDS, Frequencies, Kind, Profile

TOPIC_SHARE = 0.1  # a lemma in more than this share of the passages is a topic word
MAX_POSTINGS = 50  # ... and so is one in more passages than this, however big the corpus
STEM = 5  # letters of a lemma that make its blocking key


def stem(feature: str, kind: Kind = "lemma") -> str:
    """The blocking key of a feature: a lemma's first letters, so spelling variants meet.

    >>> stem("verletzen"), stem("verletzt"), stem("kim"), stem("4000", "number")
    ('verle', 'verle', 'kim', '4000')
    """
    return feature[:STEM] if kind == "lemma" else feature


def block_keys(frequencies: Frequencies) -> dict[Kind, frozenset[str]]:
    """The keys of each kind rare enough to propose a candidate: shared, but not topic words.

    >>> from newsdiff.core.matching.similarity import profile
    >>> texts = ["Kim besucht Putin", "Kim trifft Putin", "Kim reist", "Kim spricht"]
    >>> sorted(block_keys(Frequencies.from_profiles(profile(t) for t in texts))["lemma"])
    ['putin']
    """
    limit = min(MAX_POSTINGS, max(2, int(TOPIC_SHARE * frequencies.documents)))
    return {
        kind: frozenset(f for f, n in frequencies.of(kind).items() if 2 <= n <= limit)
        for kind in KINDS
    }


def candidate_pairs(
    profiles: Sequence[Profile],
    groups: Sequence[int],
    *,
    per_passage: int = PER_PASSAGE,
    min_overlap: float = 0.0,
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of passages from different groups worth scoring.

    ``groups[i]`` is the article of passage ``i``; passages of one article are
    never paired. Lemmas are indexed by their first letters (``stem``), so
    "Selenskyj" finds "Selenski"; figures and measure slots whole. A pair is
    kept when the rare keys both passages share make at least ``min_overlap``
    of their weight (about the exact-match part of the similarity score); each
    passage keeps the ``per_passage`` partners it overlaps most, so the work
    grows with the corpus, not with its square.

    >>> from newsdiff.core.matching.similarity import profile
    >>> texts = ["Kim besucht Putin", "Kim trifft Putin", "Kim reist", "Kim spricht"]
    >>> candidate_pairs([profile(t) for t in texts], [0, 1, 1, 1])
    [(0, 1)]
    """
    stems = [
        {kind: frozenset(stem(f, kind) for f in p.of(kind)) for kind in KINDS} for p in profiles
    ]
    frequencies = Frequencies.from_profiles(
        Profile(keys["lemma"], keys["number"], keys["measure"]) for keys in stems
    )
    keys = block_keys(frequencies)
    postings: dict[Kind, dict[str, list[int]]] = {kind: defaultdict(list) for kind in KINDS}
    for i, passage in enumerate(stems):
        for kind in KINDS:
            rare, posting = keys[kind], postings[kind]
            for f in passage[kind]:
                if f in rare:
                    posting[f].append(i)
    weight = {kind: {f: frequencies.weight(f, kind) for f in postings[kind]} for kind in KINDS}
    mass = [
        sum(frequencies.weight(f, kind) for kind in KINDS for f in passage[kind])
        for passage in stems
    ]
    chosen: set[tuple[int, int]] = set()
    for i, passage in enumerate(stems):
        shared: dict[int, float] = defaultdict(float)
        group = groups[i]
        for kind in KINDS:
            weights, posting = weight[kind], postings[kind]
            for f in passage[kind]:
                if f in weights:
                    w = weights[f]
                    for j in posting[f]:
                        if groups[j] != group:
                            shared[j] += w
        # rounded: sums over sets may differ in the last bit between processes
        overlap = [(round(2 * w / (mass[i] + mass[j]), 9), j) for j, w in shared.items()]
        best = sorted((o for o in overlap if o[0] >= min_overlap), key=lambda o: (-o[0], o[1]))
        chosen.update((min(i, j), max(i, j)) for _, j in best[:per_passage])
    return sorted(chosen)


def identical_pairs(
    profiles: Sequence[Profile], groups: Sequence[int], *, max_repeats: int
) -> set[tuple[int, int]]:
    """Passages worded identically always pair, even when made of topic words only.

    Bucketed by article first, so a text that repeats one line thousands of
    times ("Ja.") costs nothing unless another report repeats it too; beyond
    ``max_repeats`` pairs the k-th copy meets the k-th copy.

    >>> from newsdiff.core.matching.similarity import profile
    >>> sorted(identical_pairs([profile("Ja.")] * 3, [0, 1, 1], max_repeats=100))
    [(0, 1), (0, 2)]
    """
    seen: dict[str, dict[int, list[int]]] = {}
    for i, p in enumerate(profiles):
        if p.folded:
            seen.setdefault(p.folded, {}).setdefault(groups[i], []).append(i)
    pairs: set[tuple[int, int]] = set()
    for by_group in seen.values():
        if len(by_group) < 2:
            continue
        owners = sorted(by_group)
        for x, g in enumerate(owners):
            for h in owners[x + 1 :]:
                left, right = by_group[g], by_group[h]
                if len(left) * len(right) <= max_repeats:
                    pairs.update((min(i, j), max(i, j)) for i in left for j in right)
                else:  # boilerplate repeated in both: the k-th copy meets the k-th copy
                    pairs.update((min(i, j), max(i, j)) for i, j in zip(left, right, strict=False))
    return pairs


def candidates(
    profiles: Sequence[Profile], groups: Sequence[int], *, options: AlignOptions
) -> tuple[tuple[int, int], ...]:
    """The candidate stage of the aligner: identical passages and rare-lemma overlaps, sorted.

    Identical passages always; words in most passages ("Kim", "Putin") never alone.

    >>> from newsdiff.core.matching.similarity import profile

    >>> texts = ["Kim besucht Putin", "Kim reist", "Kim besucht Putin", "Putin besucht Kim"]
    >>> candidates([profile(t) for t in texts], [0, 1, 1, 2], options=AlignOptions())
    ((0, 2),)
    """
    found = identical_pairs(profiles, groups, max_repeats=options.max_repeats)
    found.update(
        candidate_pairs(
            profiles,
            groups,
            per_passage=options.per_passage,
            min_overlap=options.min_overlap * options.cutoff,
        )
    )
    return tuple(sorted(found))
