"""How much two passages say the same thing, as one number in [0, 1].

A weighted soft overlap of content lemmas (see ``newsdiff.core.language.lexicon``):
every content lemma of one passage looks for its twin in the other, exactly or
as a spelling variant (rapidfuzz ratio: Selenskyj / Selenski), and counts with
its rarity in the corpus being compared, so the topic words that stand in
every sentence of a story (Nordkorea, Russland, Soldaten) weigh little. The
constants below were fitted on the STS training files by
``tests/benchmarks/tune_sts.py``; ``bench_sts.py`` reports the dev files.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from newsdiff.core.language.detection import detect_language
from newsdiff.core.language.lexicon import features
from newsdiff.core.language.text import folded_text

# Fitted on stsb-de-train / stsb-en-train (tests/benchmarks/tune_sts.py: the best
# setting there that keeps the seeds' "Russia confirms" / "North Korea confirms" apart).
FUZZY_CUTOFF = 60.0  # rapidfuzz ratio from which two lemmas count as variants
FUZZY_MIN_LENGTH = 3  # shorter lemmas only match exactly
FUZZY_PREFIX = 4  # variants must begin alike for this many letters
# Chosen on the seed fixture (tests/fixtures/seed_pairs.json): a story's reports
# differ in their figures, and such a pair is wanted ("facts differ").
NUMBER_CREDIT = 0.5  # a number facing another number: same slot, other figure
MEASURED_CREDIT = 1.0  # ... when both passages give a total of one measure (MEASURE_FEATURES)
MEASURE_WEIGHT = 2.0  # a measure feature weighs this many times a lemma as rare
COMMON_SHARE = 0.22  # a lemma in this share of the passages or more weighs next to nothing
MIN_WEIGHT = 0.05
# A passage that states a total of a measure the facts module recognises
# ("etwa 10.000 bis 12.000 Soldaten", "bis zu 15.000 Mann": troops) gets one
# synthetic feature for it, so two reports giving their figure for one count
# share that claim slot even when the rest is worded apart. Losses count as
# one measure: "rund 4.000 Verluste" and "600 getötet und tausende verletzt"
# are two answers to one question. Additional figures ("weitere 3.000"),
# figures per unit ("jeweils 6.000") and vague ones ("tausende") are no total.
MEASURE_FEATURES = {
    "troops": "@troops",
    "casualties": "@losses",
    "killed": "@losses",
    "wounded": "@losses",
}
# Only passages with a figure (a number, or one of these folded number words)
# and a word of a measure pay for the fact extractor: a quarter of news
# passages hold a figure, a sixteenth both (gnad-1028).
_NUMBER_WORDS = frozenset({
    "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
    "zwolf", "zwanzig", "dreissig", "vierzig", "funfzig", "hundert", "tausend", "million",
    "milliarde", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "billion",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Profile:
    """The content lemmas of one passage, ready to be compared many times.

    ``alike`` files the lemmas that may have spelling variants under their
    first letters, so a lemma looks for variants only among lemmas that begin
    alike ("selenskyj" meets "selenski", never "sanktion").
    """

    features: frozenset[str]
    folded: str
    alike: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def profile(text: str, *, language: str | None = None, measures: bool = True) -> Profile:
    """The comparable form of ``text``; ``measures=False`` leaves out the measure features.

    >>> sorted(profile("Nordkorea bestätigt Truppenentsendung").features)
    ['bestatigen', 'entsendung', 'nordkorea', 'truppe']
    """
    language = language or detect_language(text)
    feats = frozenset(features(text, language))
    if measures and any(f[0] == "#" or f in _NUMBER_WORDS for f in feats):
        feats |= measure_features(text, language=language)
    alike: dict[str, list[str]] = {}
    for f in sorted(feats):
        if len(f) >= FUZZY_MIN_LENGTH and f[0] not in "#@":
            alike.setdefault(f[:FUZZY_PREFIX], []).append(f)
    return Profile(feats, folded_text(text), {k: tuple(v) for k, v in alike.items()})


def measure_features(text: str, *, language: str = "de") -> frozenset[str]:
    """The measures ``text`` gives a total for, as features ("@troops", "@losses").

    >>> sorted(measure_features("Bis zu 15.000 nordkoreanische Soldaten sind in Russland."))
    ['@troops']
    >>> sorted(measure_features("Nordkorea schickte weitere 3.000 Soldaten."))
    []
    """
    if not _measure_hint().search(text):
        return frozenset()
    from newsdiff.core.facts.numbers import extract_numbers

    found = set()
    for fact in extract_numbers(text, language="en" if language == "en" else "de"):
        value = fact.value
        if not isinstance(value, dict) or value.get("additional") or value.get("each"):
            continue
        if value.get("qualifier") == "~>=":  # "tausende": no figure to compare
            continue
        feature = MEASURE_FEATURES.get(str(value.get("measure")))
        if feature:
            found.add(feature)
    return frozenset(found)


@lru_cache(maxsize=1)
def _measure_hint() -> re.Pattern[str]:
    """Any word the facts module reads as a measure, anywhere: a cheap superset test."""
    from newsdiff.core.facts.numbers import MEASURES  # loaded on the first figure

    return re.compile("|".join(MEASURES.values()), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Frequencies:
    """Document frequencies of lemmas in the corpus being compared.

    Each passage is a document, so a word that stands in most passages of a
    story weighs almost nothing there, whatever it weighs in general.
    """

    documents: int
    counts: Mapping[str, int]
    _weights: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_profiles(cls, profiles: Iterable[Profile]) -> Frequencies:
        """Count, for every lemma, the passages that contain it.

        >>> texts = ["Nordkorea"] * 5 + ["Nordkorea Kim", "Putin", "Wien"]
        >>> f = Frequencies.from_profiles(profile(t, language="de") for t in texts)
        >>> f.weight("nordkorea") < f.weight("kim")
        True
        """
        counts: Counter[str] = Counter()
        documents = 0
        for p in profiles:
            counts.update(p.features)
            documents += 1
        return cls(documents, dict(counts))

    def is_topic(self, feature: str) -> bool:
        """Whether ``feature`` stands in so many passages that it says nothing on its own.

        >>> f = Frequencies.from_profiles(profile(t) for t in ["Kim", "Kim", "Kim", "Putin"])
        >>> f.is_topic("kim"), f.is_topic("putin")
        (True, False)
        """
        return self.counts.get(feature, 0) >= max(3, COMMON_SHARE * self.documents)

    def weight(self, feature: str) -> float:
        """Inverse document frequency, less that of a word in ``COMMON_SHARE`` of the passages.

        The topic words of a story (in a fifth of its passages or more) then
        weigh almost nothing, so sharing them never makes two passages alike;
        in a corpus of a handful of passages every word weighs the same.
        """
        found = self._weights.get(feature)
        if found is None:
            idf = math.log((self.documents + 1) / (self.counts.get(feature, 0) + 0.5))
            found = max(MIN_WEIGHT, idf + math.log(COMMON_SHARE))
            if feature[0] == "@":
                found *= MEASURE_WEIGHT
            self._weights[feature] = found
        return found


def variants(f: str, other: Profile, common: frozenset[str] = frozenset()) -> list[str]:
    """The lemmas of ``other`` that may be spelling variants of ``f`` (not in ``common``).

    >>> variants("selenskyj", profile("Selenski fordert Sanktionen", language="de"))
    ['selenski']
    """
    return [g for g in other.alike.get(f[:FUZZY_PREFIX], ()) if g not in common]


def _credit(
    f: str, other: Profile, common: frozenset[str], years: set[bool], number: float
) -> float:
    """How well the unmatched lemma ``f`` finds a counterpart in ``other``."""
    if f[0] == "#":  # a count may face a count, a year a year
        return number if _is_year(f) in years else 0.0
    alike = variants(f, other, common)
    if not alike:
        return 0.0
    best = process.extractOne(f, alike, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return 0.0 if best is None else best[1] / 100.0


def score_profiles(
    left: Profile,
    right: Profile,
    frequencies: Frequencies | None = None,
    *,
    cutoff: float = 0.0,
    measures: bool = False,
) -> float:
    """The similarity of two prepared passages (what ``similarity`` computes).

    Like rapidfuzz's ``score_cutoff``, a score that cannot reach ``cutoff``
    comes back as 0.0 before the costly variant search. The measure features
    ("@troops", see ``MEASURE_FEATURES``) count only with ``measures``: two
    totals of one measure tell one claim only within one story, which the
    aligner knows and two lone passages do not ("71 Tote" in Syria and
    "145 Tote" in Paris; counting them there cost STS dev 0.005 Spearman).

    >>> score_profiles(profile("Soldaten entsandt"), profile("Soldaten entsandt"))
    1.0
    """
    if left.folded == right.folded:
        return 1.0
    if not left.features or not right.features:
        return 0.0
    weight = frequencies.weight if frequencies is not None else _uniform
    common = left.features & right.features
    skip = "" if measures else "@"  # the first letter of the features left out
    if skip and any(f[0] == "@" for f in common):
        common = frozenset(f for f in common if f[0] != "@")
    matched = 2.0 * sum(weight(f) for f in common)
    total = matched
    open_: list[tuple[str, float, Profile]] = []  # unmatched lemma, its weight, the other side
    possible = matched
    for own, other in ((left, right), (right, left)):
        numbers = any(g[0] == "#" for g in other.features - common)
        for f in own.features - common:
            if f[0] == skip:
                continue
            w = weight(f)
            total += w
            if numbers if f[0] == "#" else f[:FUZZY_PREFIX] in other.alike:
                open_.append((f, w, other))
                possible += w
    if possible < cutoff * total:
        return 0.0
    years = {
        id(side): {_is_year(g) for g in side.features - common if g[0] == "#"}
        for side in (left, right)
    }
    # two totals of one measure are one slot: their figures answer one question
    number = MEASURED_CREDIT if any(f[0] == "@" for f in common) else NUMBER_CREDIT
    for f, w, other in open_:
        matched += w * _credit(f, other, common, years[id(other)], number)
    # rounded so that summing in the other order cannot break symmetry
    return round(min(1.0, matched / total), 12)


def _is_year(feature: str) -> bool:
    return len(feature) == 5 and feature[1:3] in ("19", "20") and feature[1:].isdigit()


def _uniform(feature: str) -> float:
    return MEASURE_WEIGHT if feature[0] == "@" else 1.0


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
