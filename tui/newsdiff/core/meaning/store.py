"""Embeddings kept on disk, one small file per passage text and model version.

Opening the same reports again then costs a file read per passage instead of
a forward pass. An entry is named by a hash of the text under a folder named
by the model's version, so another model never reads this one's vectors. It
holds a magic line and raw float16 values (enough for a cosine): anything of
the wrong length, magic or with a non-finite value is ignored and embedded
again. Writes are atomic; a folder that cannot be written is skipped quietly.
``NEWSDIFF_NO_CACHE=1`` switches it off, as for the reading cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_MAGIC = b"newsdiff-embedding 1\n"


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/newsdiff/embeddings``, else ``~/.cache/newsdiff/embeddings``.

    >>> cache_root().name
    'embeddings'
    """
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "newsdiff" / "embeddings"


def enabled() -> bool:
    """Whether vectors are kept: not switched off, and there is an absolute home for them."""
    flag = os.environ.get("NEWSDIFF_NO_CACHE", "").strip().lower()
    return flag in ("", "0", "false", "no") and cache_root().is_absolute()


def _path(root: Path, version: str, text: str) -> Path:
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    safe = "".join(c if c.isalnum() or c in "-._" else "_" for c in version)
    return root / safe / digest[:2] / digest


def load(
    texts: Sequence[str], version: str, dimension: int, *, root: Path | None = None
) -> dict[str, np.ndarray]:
    """The stored vectors of those ``texts`` that have a sound entry.

    >>> load(["never embedded"], "none", 4, root=Path("/nonexistent"))
    {}
    """
    import numpy as np

    root = cache_root() if root is None else root
    found: dict[str, np.ndarray] = {}
    size = len(_MAGIC) + 2 * dimension
    for text in texts:
        try:
            data = _path(root, version, text).read_bytes()
        except OSError:
            continue
        if len(data) != size or not data.startswith(_MAGIC):
            continue  # corrupt or from another format: embedded again
        vector = np.frombuffer(data, dtype="<f2", offset=len(_MAGIC)).astype(np.float32)
        if np.isfinite(vector).all():
            found[text] = vector
    return found


def store(vectors: dict[str, np.ndarray], version: str, *, root: Path | None = None) -> None:
    """Keep ``vectors`` (text -> vector), each written atomically; failures are skipped."""
    import numpy as np

    root = cache_root() if root is None else root
    for text, vector in vectors.items():
        path = _path(root, version, text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_MAGIC + np.asarray(vector, dtype="<f2").tobytes())
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return  # a read-only or full disk: run without the cache
