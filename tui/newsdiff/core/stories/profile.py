"""What a report is about, as a weighted bag of telling words: the input of story detection.

A story is what several outlets report about one event; they share its rare
names, places, figures and content words, most of all in the title and the
lead. Each word weighs by how rare it is in the language at large
(``newsdiff.core.language.background``), never by the other reports in the
folder, so a report's profile is the same in any folder.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from newsdiff.core.language.background import background_weight, number_weight
from newsdiff.core.language.lexicon import word_features
from newsdiff.core.language.text import words
from newsdiff.core.model import Article

# Chosen on the ECB+ tuning topics mixed with gnad and the seeds
# (tests/benchmarks/bench_stories.py).
LEAD_SENTENCES = 3  # the title and this many passages after it are the lead
LEAD_BOOST = 2.0  # a word of the lead tells more about the event
MAX_FEATURES = 80  # a long report is known by its most telling words
MAX_PASSAGES = 12  # ... and by its title and first passages: the lead tells the event
MIN_WEIGHT = 1.0  # background weight below which a word tells no story ("sagen", "heute")
DATE_WEIGHT = 3.0  # the month the report is dated: two events of one kind rarely share it

# A profile is one sparse vector over a report's words and figures: a figure's
# key ("#4000") or a date's ("@2013-05") can never be a folded lemma, and labels
# leave such keys out.
_NUMBER_KEY = "#"
_DATE_KEY = "@"


def number_key(number: str) -> str:
    """The profile key of a figure, apart from every word's.

    >>> number_key("4000"), is_number_key("#4000"), is_number_key("kim")
    ('#4000', True, False)
    """
    return _NUMBER_KEY + number


def is_number_key(feature: str) -> bool:
    """Whether a profile key is a figure's (``number_key``)."""
    return feature.startswith(_NUMBER_KEY)


@dataclass(frozen=True, slots=True)
class StoryProfile:
    """A report's telling words with unit-length weights, and how each is written.

    ``weights`` are sorted by feature so that sums run in one order everywhere;
    ``surface`` keeps the most frequent written form for labels ("Lohan").
    """

    article: str
    weights: tuple[tuple[str, float], ...]
    surface: tuple[tuple[str, str], ...]

    def as_dict(self) -> dict[str, float]:
        return dict(self.weights)


@lru_cache(maxsize=131072)
def _keys(word: str, language: str) -> tuple[str, ...]:
    """The profile keys one written word stands for: worked out once per form, not per use."""
    found = word_features(word, language)
    return (*found.lemmas, *map(number_key, found.numbers))


def story_profile(article: Article) -> StoryProfile:
    """The weighted telling words of ``article``.

    >>> from newsdiff.core.model import Sentence
    >>> text = "Lindsay Lohan checks into Betty Ford Center. She said nothing."
    >>> a = Article("a", "a", text, text, None, "en", (Sentence(0, text, 0, len(text)),), 9)
    >>> [f for f, _ in sorted(story_profile(a).weights, key=lambda fw: -fw[1])][:3]
    ['lohan', 'lindsay', 'betty']
    """
    counts: Counter[str] = Counter()
    lead: set[str] = set()
    written: dict[str, Counter[str]] = {}
    language = article.language
    texts = [article.title, *(s.text for s in article.sentences[:MAX_PASSAGES])]
    for position, text in enumerate(texts):
        in_lead = position <= LEAD_SENTENCES
        for word in words(text):
            keys = _keys(word, language)
            if not keys:  # a function word: most words of a report
                continue
            capital = word[0].isupper()
            for feature in keys:
                counts[feature] += 1
                if in_lead:
                    lead.add(feature)
                if capital:
                    written.setdefault(feature, Counter())[word] += 1
    raw: dict[str, float] = {}
    for feature, n in counts.items():
        base = (
            number_weight(feature[1:])
            if is_number_key(feature)
            else background_weight(feature, language)
        )
        if base < MIN_WEIGHT:
            continue
        boost = LEAD_BOOST if feature in lead else 1.0
        raw[feature] = base * boost * (1.0 + math.log(n))
    if article.date and DATE_WEIGHT > 0:  # the dateline's month, as the lead tells it
        raw[_DATE_KEY + article.date[:7]] = DATE_WEIGHT * LEAD_BOOST
    kept = sorted(raw.items(), key=lambda fw: (-fw[1], fw[0]))[:MAX_FEATURES]
    norm = math.sqrt(sum(w * w for _, w in kept)) or 1.0
    weights = tuple(sorted((f, round(w / norm, 9)) for f, w in kept))
    surface = tuple((f, written[f].most_common(1)[0][0]) for f, _ in weights if f in written)
    return StoryProfile(article.id, weights, surface)
