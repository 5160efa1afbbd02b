"""The similarity of two passages from shared words and from meaning, as one number.

The lexical score (``similarity.py``) is precise but blind to rewording; the
sentence embedding's cosine (``newsdiff.core.meaning``) sees rewording and
other languages but is high for anything on one topic. For a lone pair:

    combined = LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * semantic
    semantic = clip((cosine - UNRELATED_COSINE) / (1 - UNRELATED_COSINE), 0, 1)

and, for two passages in different languages, where shared lemmas are only
names and figures, the semantic score alone. Fitted on the STS train files
(tests/benchmarks/tune_meaning.py): Spearman de-train lexical 0.662, semantic
0.732, combined 0.740; de-en train semantic 0.690, with a quarter lexical
0.672. Inside the aligner the topic of the story is taken out first
(``align_semantic.py``).
"""

from __future__ import annotations

from newsdiff.core.language.detection import detect_language
from newsdiff.core.language.text import folded_text
from newsdiff.core.matching.similarity import profile, score_profiles

LEXICAL_SHARE = 0.25  # best on stsb-de-train and stsb-en-train (0.2-0.3 within 0.001)
UNRELATED_COSINE = 0.2  # the 90th percentile cosine of shuffled STS train pairs


def semantic_score(cosine: float) -> float:
    """The cosine of two passage vectors on [0, 1]: unrelated passages near 0.

    >>> semantic_score(1.0), semantic_score(0.1)
    (1.0, 0.0)
    """
    return min(1.0, max(0.0, (cosine - UNRELATED_COSINE) / (1.0 - UNRELATED_COSINE)))


def combine(lexical: float, cosine: float, *, cross_language: bool = False) -> float:
    """The combined score of a lone pair from its two signals (see the module docstring).

    >>> combine(0.5, 0.6)
    0.5
    >>> combine(0.0, 0.6, cross_language=True)
    0.5
    """
    semantic = semantic_score(cosine)
    if cross_language:
        return round(semantic, 6)
    return round(LEXICAL_SHARE * lexical + (1.0 - LEXICAL_SHARE) * semantic, 6)


def similarity(
    a: str,
    b: str,
    *,
    lexical: bool = False,
    language: str | None = None,
) -> float:
    """How much ``a`` and ``b`` say the same thing, in either language: 1.0 the same.

    A quarter the weighted overlap of their content lemmas (``lexical=True``
    gives that alone, with every lemma weighing the same), three quarters the
    cosine of their USE multilingual v3 embeddings rescaled so that unrelated
    passages score about 0 (``combine``); for passages in two languages the
    embedding alone. Without the model installed, the lexical score.
    ``language`` (guessed per passage when omitted) is the language of both.

    >>> import newsdiff
    >>> newsdiff.similarity("Nordkorea schickt Truppen.", "North Korea sends troops.") > 0.6
    True
    >>> newsdiff.similarity("Nordkorea schickt Truppen.", "North Korea sends troops.", lexical=True)
    0.0
    """
    left_language = language or detect_language(a)
    right_language = language or detect_language(b)
    words = score_profiles(profile(a, language=left_language), profile(b, language=right_language))
    if lexical or folded_text(a) == folded_text(b):
        return words
    from newsdiff.core.meaning.embedder import available

    if not available():
        return words
    from newsdiff.core.meaning.vectors import embed

    left, right = embed([a, b])
    return combine(words, float(left @ right), cross_language=left_language != right_language)
