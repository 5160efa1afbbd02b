"""Passages as vectors, through the on-disk store, and a story's topic taken out.

Within one story nearly every passage is about the same topic, so raw cosines
are high for almost every pair (on the seeds, cosine >= 0.6 picks 328
cross-report pairs of which 31 are right). Subtracting the story's mean vector
before the cosine leaves what a passage says beyond the topic; that centred
cosine is what the aligner combines with the lexical score.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newsdiff.core.meaning import store
from newsdiff.core.meaning.embedder import Embedder, default_embedder
from newsdiff.core.model import Article

if TYPE_CHECKING:
    import numpy as np


def embed(
    texts: Sequence[str], *, embedder: Embedder | None = None, cache: bool = True
) -> np.ndarray:
    """One unit vector per text, read from the store where it holds them.

    >>> embed(["Kim trifft Putin.", "Kim trifft Putin."], cache=False).shape
    (2, 512)
    """
    import numpy as np

    model = embedder or default_embedder()
    unique = sorted(set(texts))
    keep = cache and store.enabled()
    known = store.load(unique, model.version, model.dimension) if keep else {}
    missing = [t for t in unique if t not in known]
    if missing:
        # rounded as the store keeps them, so a result never depends on what was cached
        rounded = model.embed(missing).astype("<f2").astype(np.float32)
        fresh = dict(zip(missing, rounded, strict=True))
        if keep:
            store.store(fresh, model.version)
        known.update(fresh)
    if not texts:
        return np.zeros((0, model.dimension), dtype=np.float32)
    return np.stack([known[t] for t in texts]).astype(np.float32)


def centred(vectors: np.ndarray) -> np.ndarray:
    """``vectors`` minus their mean, each scaled back to unit length.

    The mean of a story's passages is its topic; what is left of a passage is
    what it says about it. Two passages alone are never centred (their
    centred vectors would point apart by construction).

    >>> import numpy as np
    >>> centred(np.array([[1.0, 1.0], [1.0, -1.0], [1.0, 0.0]])).round(2).tolist()
    [[0.0, 1.0], [0.0, -1.0], [0.0, 0.0]]
    """
    import numpy as np

    rest = vectors - vectors.mean(axis=0, keepdims=True)
    norms = np.linalg.norm(rest, axis=1, keepdims=True)
    return rest / np.where(norms > 1e-6, norms, 1.0)


# Two reports of two languages tell one story from this cosine of their mean
# passage vectors: 225 unrelated German gnad / English ECB+ report pairs have a
# median of 0.124 and a maximum of 0.518; a translated report 0.875. Below it
# the signal says 0.0. At 0.6, the whole 1,028 gnad articles beside the 462 ECB+
# tuning reports joined two stories of one topic years apart (Obama overturning
# a Bush ruling / a German "Sieg für Sicherheit" report on Obama: 0.623; two
# Klitschko title fights, 2008 and 2015: 0.668), so the ECB+ stories changed
# with the German files beside them; 0.7 keeps them apart and a translation in.
REPORT_COSINE = 0.7


def across_languages(left: Article, right: Article) -> float:
    """How alike two reports of two languages are: the cosine of their mean passage vectors.

    A German and an English report of one story share no words, so story
    detection asks this for them (``StoryOptions.signal``); within one
    language, and below ``REPORT_COSINE``, it is 0.0 and the story's words
    decide. The 30 STS dev sentences of tests/test_cross_language.py, German
    against their English originals reordered: 0.875.
    """
    if left.language == right.language or not left.sentences or not right.sentences:
        return 0.0
    import numpy as np

    means = [_mean(tuple(s.text for s in a.sentences)) for a in (left, right)]
    norms = float(np.linalg.norm(means[0]) * np.linalg.norm(means[1]))
    cosine = float(means[0] @ means[1]) / norms if norms > 0 else 0.0
    return cosine if cosine >= REPORT_COSINE else 0.0


# A report meets many of the other language's as a candidate (30 each): its mean
# is made once, not once per pair (on 2,484 reports of gnad, ECB+ and copies,
# 30,552 calls had embedded 883 reports' passages again and again: 15 s). Keyed
# by the passages' texts, so the value never depends on what was asked first;
# 2 KB each, so at most 16 MB.
@lru_cache(maxsize=8192)
def _mean(texts: tuple[str, ...]) -> np.ndarray:
    return embed(texts).mean(axis=0)
