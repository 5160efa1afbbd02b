"""Which passages are worth comparing at all: blocking on rare shared lemmas.

Scoring every passage against every other is quadratic: 20,000 sentences are
200 million comparisons. Two passages that tell the same claim share at least
one word that is rare in the corpus, so an inverted index over the rare lemmas
yields the few candidates, and the topic words that stand in a large share of
the passages (Nordkorea, Russland, Soldaten) never make a candidate alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

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
    index = _Index.build(profiles)
    mass = index.mass
    chosen: set[tuple[int, int]] = set()
    for i in range(len(profiles)):
        shared: dict[int, float] = defaultdict(float)
        group = groups[i]
        for kind in index.present[i]:
            weights, posting = index.weight[kind], index.postings[kind]
            for f in index.keys_of(i, kind):
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


@dataclass(frozen=True, slots=True)
class _Index:
    """The inverted index of the rare blocking keys, and each passage's key weights."""

    stems: list[frozenset[str]]  # a lemma's key is its first letters
    profiles: Sequence[Profile]  # figures and measure slots are their own keys
    present: list[tuple[Kind, ...]]  # the kinds a passage has (most: lemmas only)
    postings: dict[Kind, dict[str, list[int]]]
    weight: dict[Kind, dict[str, float]]
    mass: list[float]

    def keys_of(self, i: int, kind: Kind) -> frozenset[str]:
        return self.stems[i] if kind == "lemma" else self.profiles[i].of(kind)

    @classmethod
    def build(cls, profiles: Sequence[Profile]) -> _Index:
        stems = [frozenset([f[:STEM] for f in p.lemmas]) for p in profiles]
        lemma_counts: Counter[str] = Counter()
        for passage in stems:
            lemma_counts.update(passage)
        whole = Frequencies.from_profiles(profiles)
        frequencies = Frequencies(len(stems), dict(lemma_counts), whole.numbers, whole.measures)
        keys = block_keys(frequencies)
        present = [_kinds(p) for p in profiles]
        postings: dict[Kind, dict[str, list[int]]] = {kind: defaultdict(list) for kind in KINDS}
        index = cls(stems, profiles, present, postings, {}, [])
        for i in range(len(stems)):
            for kind in present[i]:
                rare, posting = keys[kind], postings[kind]
                for f in index.keys_of(i, kind):
                    if f in rare:
                        posting[f].append(i)
        for kind in KINDS:
            index.weight[kind] = {f: frequencies.weight(f, kind) for f in postings[kind]}
        index.mass.extend(
            sum(frequencies.weight(f, kind) for kind in present[i] for f in index.keys_of(i, kind))
            for i in range(len(stems))
        )
        return index


_LEMMAS: tuple[Kind, ...] = ("lemma",)


def _kinds(passage: Profile) -> tuple[Kind, ...]:
    if not passage.numbers and not passage.measures:
        return _LEMMAS
    return tuple(kind for kind in KINDS if passage.of(kind))


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


def lead_passages(
    profiles: Sequence[Profile],
    groups: Sequence[int],
    n: int,
    longest: int | None = None,
    most: int | None = None,
) -> frozenset[int]:
    """The first ``n`` passages of each report that have words: its headline and lead.

    Only a small story of short reports has leads (at most ``most`` reports,
    its median report at most ``longest`` passages with words): a short report
    tells one event in its lead, a long one is written from an angle of its
    own; and every two leads are compared, which must stay cheap.

    >>> from newsdiff.core.matching.similarity import profile
    >>> texts, groups = [profile(t) for t in ["", "Kim", "Putin", "Wien"]], [0, 0, 0, 1]
    >>> sorted(lead_passages(texts, groups, 1)), sorted(lead_passages(texts, groups, 1, 1))
    ([1, 3], [])
    """
    sizes = Counter(groups[i] for i, p in enumerate(profiles) if not p.empty)
    if most is not None and len(sizes) > most:
        return frozenset()
    if longest is not None and sizes and median(sizes.values()) > longest:
        return frozenset()
    seen: Counter[int] = Counter()
    out = []
    for i, p in enumerate(profiles):
        g = groups[i]
        if not p.empty and seen[g] < n:
            seen[g] += 1
            out.append(i)
    return frozenset(out)


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
    if options.lead:  # every two leads of a story of short reports are compared
        leads = sorted(lead_passages(profiles, groups, options.lead, *options.lead_story))
        found.update(
            (i, j) for x, i in enumerate(leads) for j in leads[x + 1 :] if groups[i] != groups[j]
        )
    found.update(
        candidate_pairs(
            profiles,
            groups,
            per_passage=options.per_passage,
            min_overlap=options.min_overlap * options.cutoff,
        )
    )
    return tuple(sorted(found))
