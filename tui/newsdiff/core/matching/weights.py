"""Word weights for aligning one story: the story's own frequencies plus the language's.

Within a story its topic words stand in many passages, so the story's own
document frequencies weigh them down to nothing and call them topic words;
in a small story of short reports every shared word is one ("Lohan has
checked into the Betty Ford Center ..." / "Lohan checked into the Betty Ford
Clinic ..." never paired). The background frequency of the language
(``newsdiff.core.language.background``) says that "Lohan" and "Betty Ford"
are rare words all the same: a word rare in the language is no topic word
in a story too small to tell (fewer than ``small`` passages), and it may keep
a share (``blend``) of its background weight (measured: no share is best for
the seeds, so the default is none; the Lohan pair above scores 0.05 -> 0.18
with a share of 0.5, still short of the threshold). Both parts come from
the story and the language only, never from the rest of the folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsdiff.core.language.background import background_weight
from newsdiff.core.matching.similarity import Frequencies, Kind, Profile

# Chosen on the seed fixture and the ECB+ tuning pairs (tests/benchmarks/bench_story_align.py,
# /tmp grid runs): no background blend (0.1 took the seeds' precision from 0.90 to 0.69 for
# ECB+ recall 0.062 -> 0.076; 0.03: 0.79); a word rare in the language is no topic word in a
# story under 400 passages (seeds recall 0.614 -> 0.636 at precision 0.90 -> 0.903; ECB+
# 298 -> 306 right pairs at precision 0.987; 60 passages changed nothing).
BLEND = 0.0  # share of the background weight a word keeps on top of the story's
RARE = 3.0  # background weight (7.5 - Zipf) from which a word is rare in the language
SMALL = 400  # passages below which a story is too small for its counts to name topic words


@dataclass(frozen=True, slots=True)
class StoryWeights(Frequencies):
    """``Frequencies`` of one story, each weight raised by the word's background weight.

    >>> from newsdiff.core.matching.similarity import profile
    >>> texts = ["Lohan checks into Betty Ford", "Lohan enters Betty Ford", "Lohan is in rehab"]
    >>> w = StoryWeights.from_story([profile(t, language="en") for t in texts], language="en")
    >>> w.is_topic("lohan"), Frequencies.from_profiles(
    ...     profile(t, language="en") for t in texts).is_topic("lohan")
    (False, True)
    >>> StoryWeights.from_story([profile(t, language="en") for t in texts], language="en",
    ...     blend=0.5).weight("lohan") > w.weight("lohan")
    True
    """

    language: str = "de"
    blend: float = BLEND
    rare: float = RARE
    small: int = SMALL

    @classmethod
    def from_story(
        cls,
        profiles: Iterable[Profile],
        *,
        language: str,
        blend: float = BLEND,
        rare: float = RARE,
        small: int = SMALL,
    ) -> StoryWeights:
        """Count the story's passages per lemma, figure and measure, as ``from_profiles`` does."""
        base = Frequencies.from_profiles(profiles)
        return cls(
            base.documents,
            base.counts,
            base.numbers,
            base.measures,
            language=language,
            blend=blend,
            rare=rare,
            small=small,
        )

    def blended(self, blend: float) -> StoryWeights:
        """The same counts with another share of the background weight (memo not shared)."""
        return StoryWeights(
            self.documents,
            self.counts,
            self.numbers,
            self.measures,
            language=self.language,
            blend=blend,
            rare=self.rare,
            small=self.small,
        )

    def is_topic(self, feature: str, kind: Kind = "lemma") -> bool:
        if not Frequencies.is_topic(self, feature, kind):
            return False
        if self.documents >= self.small or kind != "lemma":
            return True
        return background_weight(feature, self.language) < self.rare

    def weight(self, feature: str, kind: Kind = "lemma") -> float:
        own = Frequencies.weight(self, feature, kind)
        if kind != "lemma" or not self.blend:
            return own
        return own + self.blend * background_weight(feature, self.language)
