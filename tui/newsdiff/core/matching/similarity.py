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
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from newsdiff.core.language.detection import detect_language
from newsdiff.core.language.lexicon import features_of
from newsdiff.core.language.text import folded_words, words
from newsdiff.core.model import Fact

# Fitted on stsb-de-train / stsb-en-train (tests/benchmarks/tune_sts.py: the best
# setting there that keeps the seeds' "Russia confirms" / "North Korea confirms" apart).
FUZZY_CUTOFF = 60.0  # rapidfuzz ratio from which two lemmas count as variants
FUZZY_MIN_LENGTH = 3  # shorter lemmas only match exactly
FUZZY_PREFIX = 4  # variants must begin alike for this many letters
# Chosen on the seed fixture (tests/fixtures/seed_pairs.json): a story's reports
# differ in their figures, and such a pair is wanted ("facts differ").
NUMBER_CREDIT = 0.5  # a number facing another number: same slot, other figure
MEASURED_CREDIT = 1.0  # ... when both passages give a total of one measure (measure_features)
MEASURE_WEIGHT = 2.0  # a measure feature weighs this many times a lemma as rare
COMMON_SHARE = 0.22  # a lemma in this share of the passages or more weighs next to nothing
MIN_WEIGHT = 0.05
# A passage that states a total of a measure the facts module recognises
# ("etwa 10.000 bis 12.000 Soldaten", "bis zu 15.000 Mann": troops) gets that
# measure's claim slot (facts.measures.SLOTS) as a feature of its own, so two
# reports giving their figure for one count share that slot even when the rest
# is worded apart. Additional figures ("weitere 3.000"), figures per unit
# ("jeweils 6.000") and vague ones ("tausende") are no total.
# Only passages with a figure (a number, or one of these folded number words)
# and a word of a measure pay for the fact extractor: a quarter of news
# passages hold a figure, a sixteenth both (gnad-1028).
_NUMBER_WORDS = frozenset({
    "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
    "zwolf", "zwanzig", "dreissig", "vierzig", "funfzig", "hundert", "tausend", "million",
    "milliarde", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "billion",
})  # fmt: skip

_NONE: frozenset[str] = frozenset()  # shared by the many passages without figures
Kind = Literal["lemma", "number", "measure"]
KINDS: tuple[Kind, ...] = ("lemma", "number", "measure")


@dataclass(frozen=True, slots=True)
class Profile:
    """The content of one passage, ready to be compared many times, kept apart by kind.

    ``lemmas`` are its folded content lemmas, ``numbers`` its figures
    normalised ("4000"), ``measures`` the claim slots it gives a total for
    ("troops", "losses"). ``alike`` files the lemmas that may have spelling
    variants under their first letters, so a lemma looks for variants only
    among lemmas that begin alike ("selenskyj" meets "selenski", never "sanktion").
    """

    lemmas: frozenset[str]
    numbers: frozenset[str] = frozenset()
    measures: frozenset[str] = frozenset()
    folded: str = ""
    alike: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def of(self, kind: Kind) -> frozenset[str]:
        """The features of one kind."""
        return (
            self.lemmas if kind == "lemma" else self.numbers if kind == "number" else self.measures
        )

    @property
    def empty(self) -> bool:
        """No lemma, figure or measure: nothing to compare but the wording."""
        return not (self.lemmas or self.numbers or self.measures)


def profile(
    text: str,
    *,
    language: str | None = None,
    measures: bool = True,
    figures: Callable[[str], Sequence[Fact]] | None = None,
) -> Profile:
    """The comparable form of ``text``; ``measures=False`` leaves out the measure slots.

    ``figures``, when given, gives the number facts of a text (the aligner's
    are extracted once per passage and shared with its other stages).

    >>> p = profile("Nordkorea bestätigt Entsendung von 4.000 Truppen")
    >>> sorted(p.lemmas), sorted(p.numbers), sorted(p.measures)
    (['bestatigen', 'entsendung', 'nordkorea', 'truppe'], ['4000'], ['troops'])
    """
    language = language or detect_language(text)
    written = words(text)  # split once, for the lemmas and the folded wording alike
    found = features_of(written, language)
    lemmas = frozenset(found.lemmas)
    numbers = frozenset(found.numbers) if found.numbers else _NONE
    slots = _NONE
    if measures and (numbers or not _NUMBER_WORDS.isdisjoint(lemmas)):
        slots = measure_features(text, language=language, figures=figures)
    alike: dict[str, list[str]] = {}
    for f in sorted(lemmas):
        if len(f) >= FUZZY_MIN_LENGTH:
            alike.setdefault(f[:FUZZY_PREFIX], []).append(f)
    return Profile(
        lemmas,
        numbers,
        slots,
        folded_words(written),
        {k: tuple(v) for k, v in alike.items()},
    )


def measure_features(
    text: str, *, language: str = "de", figures: Callable[[str], Sequence[Fact]] | None = None
) -> frozenset[str]:
    """The claim slots ``text`` gives a total for ("troops", "losses").

    >>> sorted(measure_features("Bis zu 15.000 nordkoreanische Soldaten sind in Russland."))
    ['troops']
    >>> sorted(measure_features("Nordkorea schickte weitere 3.000 Soldaten."))
    []
    """
    from newsdiff.core.facts.measures import SLOTS, measure_hint  # loaded on the first figure

    if not measure_hint().search(text):
        return frozenset()
    from newsdiff.core.facts.numbers import extract_numbers, slot_measure

    if figures is None:
        found_figures: Sequence[Fact] = extract_numbers(text, language=language)
    else:
        found_figures = figures(text)
    found = set()
    for fact in found_figures:
        value = fact.quantity
        if value.additional or value.per_unit or value.vague:  # "tausende": no figure
            continue
        slot = SLOTS.get(slot_measure(fact, text, language=language) or "")
        if slot:
            found.add(slot)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Frequencies:
    """Document frequencies of lemmas, figures and measure slots in the corpus being compared.

    Each passage is a document, so a word that stands in most passages of a
    story weighs almost nothing there, whatever it weighs in general.
    ``counts`` are the lemmas', ``numbers`` and ``measures`` the other kinds'.
    """

    documents: int
    counts: Mapping[str, int]
    numbers: Mapping[str, int] = field(default_factory=dict)
    measures: Mapping[str, int] = field(default_factory=dict)
    _weights: dict[Kind, dict[str, float]] = field(
        default_factory=lambda: {kind: {} for kind in KINDS}, compare=False, repr=False
    )

    @classmethod
    def from_profiles(cls, profiles: Iterable[Profile]) -> Frequencies:
        """Count, for every lemma, figure and measure, the passages that contain it.

        >>> texts = ["Nordkorea"] * 5 + ["Nordkorea Kim", "Putin", "Wien"]
        >>> f = Frequencies.from_profiles(profile(t, language="de") for t in texts)
        >>> f.weight("nordkorea") < f.weight("kim")
        True
        """
        lemmas: Counter[str] = Counter()
        numbers: Counter[str] = Counter()
        measures: Counter[str] = Counter()
        documents = 0
        for p in profiles:
            lemmas.update(p.lemmas)
            if p.numbers:  # most passages have none: skip the call
                numbers.update(p.numbers)
            if p.measures:
                measures.update(p.measures)
            documents += 1
        return cls(documents, dict(lemmas), dict(numbers), dict(measures))

    def of(self, kind: Kind) -> Mapping[str, int]:
        """The counts of one kind."""
        return (
            self.counts if kind == "lemma" else self.numbers if kind == "number" else self.measures
        )

    def is_topic(self, feature: str, kind: Kind = "lemma") -> bool:
        """Whether ``feature`` stands in so many passages that it says nothing on its own.

        >>> f = Frequencies.from_profiles(profile(t) for t in ["Kim", "Kim", "Kim", "Putin"])
        >>> f.is_topic("kim"), f.is_topic("putin")
        (True, False)
        """
        return self.of(kind).get(feature, 0) >= max(3, COMMON_SHARE * self.documents)

    def weight(self, feature: str, kind: Kind = "lemma") -> float:
        """Inverse document frequency, less that of a word in ``COMMON_SHARE`` of the passages.

        The topic words of a story (in a fifth of its passages or more) then
        weigh almost nothing, so sharing them never makes two passages alike;
        in a corpus of a handful of passages every word weighs the same. A
        measure slot weighs ``MEASURE_WEIGHT`` times as much.
        """
        memo = self._weights[kind]
        found = memo.get(feature)
        if found is None:
            idf = math.log((self.documents + 1) / (self.of(kind).get(feature, 0) + 0.5))
            found = max(MIN_WEIGHT, idf + math.log(COMMON_SHARE))
            if kind == "measure":
                found *= MEASURE_WEIGHT
            memo[feature] = found
        return found


def variants(f: str, other: Profile, common: frozenset[str] = frozenset()) -> list[str]:
    """The lemmas of ``other`` that may be spelling variants of ``f`` (not in ``common``).

    >>> variants("selenskyj", profile("Selenski fordert Sanktionen", language="de"))
    ['selenski']
    """
    return [g for g in other.alike.get(f[:FUZZY_PREFIX], ()) if g not in common]


def _variant_credit(f: str, other: Profile, common: frozenset[str]) -> float:
    """How well the unmatched lemma ``f`` finds a spelling variant in ``other``."""
    alike = variants(f, other, common)
    if not alike:
        return 0.0
    best = process.extractOne(f, alike, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return 0.0 if best is None else best[1] / 100.0


Weigh = Callable[[str, Kind], float]


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
    comes back as 0.0 before the costly variant search. The measure slots
    (``Profile.measures``) count only with ``measures``: two totals of one
    measure tell one claim only within one story, which the aligner knows and
    two lone passages do not ("71 Tote" in Syria and "145 Tote" in Paris;
    counting them there cost STS dev 0.005 Spearman).

    >>> score_profiles(profile("Soldaten entsandt"), profile("Soldaten entsandt"))
    1.0
    """
    if left.folded == right.folded:
        return 1.0
    if left.empty or right.empty:
        return 0.0
    weigh: Weigh = frequencies.weight if frequencies is not None else _uniform
    kinds = KINDS if measures else KINDS[:2]
    common = {kind: left.of(kind) & right.of(kind) for kind in kinds}
    matched = 2.0 * sum(weigh(f, kind) for kind in kinds for f in common[kind])
    total = matched
    open_lemmas: list[tuple[str, float, Profile]] = []  # unmatched lemma, weight, other side
    open_numbers: list[tuple[str, float, Profile]] = []
    possible = matched
    for own, other in ((left, right), (right, left)):
        numbers = bool(other.numbers - common["number"])
        for kind in kinds:
            for f in own.of(kind) - common[kind]:
                w = weigh(f, kind)
                total += w
                if kind == "lemma" and f[:FUZZY_PREFIX] in other.alike:
                    open_lemmas.append((f, w, other))
                    possible += w
                elif kind == "number" and numbers:
                    open_numbers.append((f, w, other))
                    possible += w
    if possible < cutoff * total:
        return 0.0
    years = {
        id(side): {_is_year(g) for g in side.numbers - common["number"]} for side in (left, right)
    }
    # two totals of one measure are one slot: their figures answer one question
    number = MEASURED_CREDIT if measures and common["measure"] else NUMBER_CREDIT
    for f, w, other in open_numbers:  # a count may face a count, a year a year
        matched += w * (number if _is_year(f) in years[id(other)] else 0.0)
    for f, w, other in open_lemmas:
        matched += w * _variant_credit(f, other, common["lemma"])
    # rounded so that summing in the other order cannot break symmetry
    return round(min(1.0, matched / total), 12)


def _is_year(number: str) -> bool:
    return len(number) == 4 and number[:2] in ("19", "20") and number.isdigit()


def _uniform(feature: str, kind: Kind = "lemma") -> float:
    return MEASURE_WEIGHT if kind == "measure" else 1.0


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
