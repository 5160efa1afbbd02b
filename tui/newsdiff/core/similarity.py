"""How much two passages say the same thing, as one number in [0, 1].

A weighted soft overlap of content lemmas (see ``newsdiff.core.lexicon``):
every content lemma of one passage looks for its twin in the other, exactly or
as a spelling variant (rapidfuzz ratio: Selenskyj / Selenski), and counts with
its rarity in the corpus being compared, so the topic words that stand in
every sentence of a story (Nordkorea, Russland, Soldaten) weigh little. The
constants below were fitted on the STS training files by
``tests/benchmarks/tune_sts.py``; ``bench_sts.py`` reports the dev files.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from newsdiff.core.language import detect_language
from newsdiff.core.lexicon import features
from newsdiff.core.text import folded_text

# Fitted on stsb-de-train / stsb-en-train (tests/benchmarks/tune_sts.py).
FUZZY_CUTOFF = 60.0  # rapidfuzz ratio from which two lemmas count as variants
FUZZY_FLOOR = 0.0  # credit grows linearly from this ratio (0) to 100 (1)
FUZZY_MIN_LENGTH = 3  # shorter lemmas only match exactly
FUZZY_PREFIX = 4  # variants must begin alike for this many letters
NUMBER_CREDIT = 0.5  # a number facing another number: same slot, other figure
NUMBER_WEIGHT = 1.0  # numbers weigh this share of a word of the same rarity


@dataclass(frozen=True, slots=True)
class Profile:
    """The content lemmas of one passage, ready to be compared many times."""

    features: frozenset[str]
    folded: str
    fuzzy: tuple[str, ...] = field(default=())


def profile(text: str, *, language: str | None = None) -> Profile:
    """The comparable form of ``text``.

    >>> sorted(profile("Nordkorea bestätigt Truppenentsendung").features)
    ['bestatigen', 'entsendung', 'nordkorea', 'truppe']
    """
    language = language or detect_language(text)
    feats = frozenset(features(text, language))
    fuzzy = tuple(sorted(f for f in feats if len(f) >= FUZZY_MIN_LENGTH and f[0] != "#"))
    return Profile(feats, folded_text(text), fuzzy)


@dataclass(frozen=True, slots=True)
class Frequencies:
    """Document frequencies of lemmas in the corpus being compared.

    Each passage is a document, so a word that stands in most passages of a
    story weighs almost nothing there, whatever it weighs in general.
    """

    documents: int
    counts: Mapping[str, int]

    @classmethod
    def from_profiles(cls, profiles: Iterable[Profile]) -> Frequencies:
        """Count, for every lemma, the passages that contain it.

        >>> f = Frequencies.from_profiles([profile("Nordkorea"), profile("Nordkorea Kim")])
        >>> f.weight("nordkorea") < f.weight("kim")
        True
        """
        counts: Counter[str] = Counter()
        documents = 0
        for p in profiles:
            counts.update(p.features)
            documents += 1
        return cls(documents, dict(counts))

    def weight(self, feature: str) -> float:
        """Inverse document frequency, always above zero."""
        return math.log((self.documents + 1) / (self.counts.get(feature, 0) + 0.5))


def _credits(own: Profile, other: Profile, common: frozenset[str]) -> dict[str, float]:
    """How well each lemma of ``own`` is matched in ``other`` (1 exact, less for a variant)."""
    credit = dict.fromkeys(common, 1.0)
    rest = [f for f in other.fuzzy if f not in common]
    numbers_other = {_is_year(f) for f in other.features if f[0] == "#" and f not in common}
    for f in own.features:
        if f in common:
            continue
        if f[0] == "#":
            if _is_year(f) in numbers_other:  # a count for a count, a year for a year
                credit[f] = NUMBER_CREDIT
        elif rest and len(f) >= FUZZY_MIN_LENGTH:
            head = f[:FUZZY_PREFIX]
            alike = [g for g in rest if g.startswith(head)] if FUZZY_PREFIX else rest
            best = process.extractOne(f, alike, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None:
                credit[f] = max(0.0, (best[1] - FUZZY_FLOOR) / (100.0 - FUZZY_FLOOR))
    return credit


def score_profiles(left: Profile, right: Profile, frequencies: Frequencies | None = None) -> float:
    """The similarity of two prepared passages (what ``similarity`` computes).

    >>> score_profiles(profile("Soldaten entsandt"), profile("Soldaten entsandt"))
    1.0
    """
    if left.folded == right.folded:
        return 1.0
    if not left.features or not right.features:
        return 0.0
    weight = frequencies.weight if frequencies is not None else _uniform
    common = left.features & right.features
    total = matched = 0.0
    for own, other in ((left, right), (right, left)):
        credit = _credits(own, other, common)
        for f in own.features:
            w = weight(f) * (NUMBER_WEIGHT if f[0] == "#" else 1.0)
            total += w
            matched += w * credit.get(f, 0.0)
    return min(1.0, matched / total) if total else 0.0


def _is_year(feature: str) -> bool:
    return len(feature) == 5 and feature[1:3] in ("19", "20") and feature[1:].isdigit()


def _uniform(feature: str) -> float:
    return 1.0


def similarity(
    a: str,
    b: str,
    *,
    language: str | None = None,
    frequencies: Frequencies | None = None,
) -> float:
    """How much ``a`` and ``b`` say the same thing: 1.0 identical, 0.0 nothing shared.

    Symmetric. ``frequencies`` (from ``Frequencies.from_profiles``) weighs rare
    lemmas above common ones, as the aligner does with its corpus; without it
    every content lemma weighs the same. ``language`` is guessed when omitted.

    >>> similarity("Nordkorea bestätigt Truppenentsendung nach Russland",
    ...            "Nordkorea hat die Entsendung von Truppen nach Russland bestätigt")
    1.0
    >>> similarity("Selenskyj fordert Druck", "Selenski fordert Druck") > 0.9
    True
    """
    language = language or detect_language(f"{a} {b}")
    return score_profiles(profile(a, language=language), profile(b, language=language), frequencies)
