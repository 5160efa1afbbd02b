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

from newsdiff.core.language.background import background_weight, number_weight
from newsdiff.core.language.lexicon import word_content
from newsdiff.core.language.text import glued_tails, words
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


# Each written form's profile keys, worked out once per form and language: a
# report has 140 forms, 35,000 in the 1,033 gnad + seed reports; a plain dict
# per language answers the 140,000 asks at a third of an lru_cache's cost.
_FORMS: dict[str, dict[str, tuple[tuple[str, float], ...]]] = {}
_FORMS_LIMIT = 131_072  # forms per language, as the lexicon's caches; past it the memo starts again


def _keys(word: str, language: str) -> tuple[tuple[str, float], ...]:
    """The profile keys one written word stands for, each with its weight in the language.

    A key below ``MIN_WEIGHT`` is left out here, as it would be from every
    profile ("sagen" in any report).
    """
    lemmas, numbers = word_content(word, language)
    out = [(lemma, background_weight(lemma, language)) for lemma in lemmas]
    out += [(number_key(n), number_weight(n)) for n in numbers]
    return tuple((key, base) for key, base in out if base >= MIN_WEIGHT)


def _memo(language: str) -> dict[str, tuple[tuple[str, float], ...]]:
    memo = _FORMS.get(language)
    if memo is None or len(memo) >= _FORMS_LIMIT:
        memo = _FORMS[language] = {}
    return memo


def story_profile(article: Article) -> StoryProfile:
    """The weighted telling words of ``article``.

    >>> from newsdiff.core.model import Sentence
    >>> text = "Lindsay Lohan checks into Betty Ford Center. She said nothing."
    >>> a = Article("a", "a", text, text, None, "en", (Sentence(0, text, 0, len(text)),), 9)
    >>> [f for f, _ in sorted(story_profile(a).weights, key=lambda fw: -fw[1])][:3]
    ['lohan', 'lindsay', 'betty']
    """
    language = article.language
    texts = [article.title, *(s.text for s in article.sentences[:MAX_PASSAGES])]
    # one tokeniser call for the lead and one for the rest: no token spans a line break
    lead_words = words("\n".join(texts[: LEAD_SENTENCES + 1]))
    # each written form once, with its count (205,000 words of the 1,033 reports
    # are 140,000 forms of their own report), first seen first as label ties go
    seen = Counter(lead_words)
    seen.update(words("\n".join(texts[LEAD_SENTENCES + 1 :])))
    in_lead = set(lead_words)
    # "ers" of "76ers" weighs as a word, but a label never shows it alone
    tails = glued_tails("\n".join(texts))
    memo = _memo(language)
    counts: dict[str, int] = {}
    base: dict[str, float] = {}
    lead: set[str] = set()
    written: dict[str, dict[str, int]] = {}
    lower: dict[str, dict[str, int]] = {}  # a key no report writes capitalised: "injured"
    for word, n in seen.items():
        keys = memo.get(word)
        if keys is None:
            keys = memo[word] = _keys(word, language)
        if not keys:  # a function word, or one too common to tell a story
            continue
        capital = word[0].isupper()
        lead_word = word in in_lead
        for feature, weight in keys:
            counts[feature] = counts.get(feature, 0) + n
            base[feature] = weight
            if lead_word:
                lead.add(feature)
            if tails and tails[word] >= n:
                continue  # written only after a figure's digits
            bucket = written if capital else lower
            forms = bucket.get(feature)
            if forms is None:
                forms = bucket[feature] = {}
            forms[word] = forms.get(word, 0) + n
    raw = {
        f: base[f] * (LEAD_BOOST if f in lead else 1.0) * (1.0 + math.log(n))
        for f, n in counts.items()
    }
    if article.date and DATE_WEIGHT > 0:  # the dateline's month, as the lead tells it
        raw[_DATE_KEY + article.date[:7]] = DATE_WEIGHT * LEAD_BOOST
    # heaviest first, equals by name: a stable sort of the names, by weight
    kept = sorted(sorted(raw), key=raw.__getitem__, reverse=True)[:MAX_FEATURES]
    norm = math.sqrt(sum([raw[f] * raw[f] for f in kept])) or 1.0
    names = sorted(kept)
    weights = tuple(zip(names, _rounded([raw[f] / norm for f in names]), strict=True))
    # a label shows a word as a report writes it, never the key ("injure", "growe"):
    # the capitalised form when there is one ("Lohan", "Pirates"), else the lower-case one
    surface = tuple(
        (f, _commonest(written[f] if f in written else lower[f]))
        for f in names
        if f in written or f in lower
    )
    return StoryProfile(article.id, weights, surface)


def _rounded(values: list[float]) -> list[float]:
    """``round(v, 9)`` of each of ``values`` (all in [0, 1]), exactly, at half the cost.

    ``k / 1e9`` is the double nearest ``k`` billionths, as ``round`` gives it;
    ``k`` is ``v * 1e9`` rounded to even, unless that product lies so near a
    half that its own rounding may have moved it across (then ``round`` decides).

    >>> _rounded([0.1234567895, 1 / 3, 1.0, 0.0]) == [round(v, 9) for v in
    ...     [0.1234567895, 1 / 3, 1.0, 0.0]]
    True
    """
    out = []
    for v in values:
        scaled = v * 1e9
        k = round(scaled)
        # below 8.0 the scaled product is within 1e-6 of the exact one
        out.append(k / 1e9 if abs(scaled - k) < 0.49999 else round(v, 9))
    return out


def _commonest(forms: dict[str, int]) -> str:
    """The most frequent written form, the first seen of equals (as ``Counter.most_common``)."""
    return next(iter(forms)) if len(forms) == 1 else max(forms, key=forms.__getitem__)
