"""Keyed records in one SQLite file: the one store behind every cache of many small entries.

Parsed articles, story profiles and passage embeddings are thousands of small
records each, read and written by the folder. A file per record cost a new
folder more than parsing it (1,033 reports: 3,099 opens and 5,165 mkdirs, 1.5 s
on top of 0.9 s of reading); one file per (purpose, code version) is read with
a query per 500 keys and written in one transaction.

A store is data, not trust: the file is connected only when it is absent or a
plain file (never through a link), in private folders (0700); each record
carries the sha256 of its payload and is size-capped (a record over the cap is
neither written nor read). A store that is locked past the timeout (another
process writing) or cannot be written is skipped quietly; one SQLite cannot
read (damaged, not a database) is removed and started afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.storage.place import private_folder

_FORMAT = 0x6E64_0001  # PRAGMA user_version: "nd", format 1 of the records table
_DIGEST = 32  # sha256 of the payload, before it
_CHUNK = 500  # keys per query: under SQLite's oldest limit of 999 bound variables
_TABLE = "create table records (key text primary key, record blob not null)"
PRUNE_AFTER = 24 * 3600  # seconds: two installed versions may take turns for a day


@dataclass(frozen=True)
class RecordStore:
    """The records of one purpose and code version, in the SQLite file at ``path``.

    >>> import tempfile
    >>> store = RecordStore(Path(tempfile.mkdtemp()) / "v1.sqlite", limit=100)
    >>> store.store({"a": b"one", "b": b"x" * 101})  # b is over the cap: not kept
    >>> store.load(["a", "b", "c"])
    {'a': b'one'}
    """

    path: Path
    limit: int  # bytes of one payload
    timeout: float = 5.0  # seconds another process may hold the file
    prune: bool = False  # when the file is made: remove other versions left unused a day

    def load(self, keys: Iterable[str], *, limit: int | None = None) -> dict[str, bytes]:
        """The sound payloads of those ``keys`` that have one (at most ``limit`` bytes each).

        {} when there is no store, it is locked, of another format or damaged
        (then it is removed, and the next ``store`` starts it afresh).
        """
        cap = self.limit if limit is None else min(limit, self.limit)
        wanted = sorted(set(keys))
        if not wanted or not _plain_file(self.path):
            return {}
        found: dict[str, bytes] = {}
        try:
            with self._connection() as db:
                if db.execute("pragma user_version").fetchone()[0] != _FORMAT:
                    return {}  # empty, or another format: the next store makes it anew
                for at in range(0, len(wanted), _CHUNK):
                    chunk = wanted[at : at + _CHUNK]
                    rows = db.execute(
                        "select key, record from records where key in "
                        f"({','.join('?' * len(chunk))}) and length(record) <= ?",
                        [*chunk, cap + _DIGEST],
                    )
                    for key, record in rows:
                        payload = _checked(record)
                        if payload is not None:
                            found[key] = payload
        except sqlite3.OperationalError:
            return {}  # locked past the timeout, or unreadable: computed again
        except sqlite3.DatabaseError:
            self._discard()
            return {}
        return found

    def store(self, records: Mapping[str, bytes]) -> None:
        """Keep ``records`` (key -> payload) in one transaction; failures are skipped."""
        rows = [
            (key, hashlib.sha256(payload).digest() + payload)
            for key, payload in sorted(records.items())
            if len(payload) <= self.limit
        ]
        if not rows:
            return
        for _ in range(2):  # once more after a damaged file is removed
            try:
                private_folder(self.path.parent)
                fresh = not os.path.lexists(self.path)
                if not fresh and not _plain_file(self.path):
                    return  # never written through a link
                with self._connection() as db:
                    db.execute("begin immediate")
                    try:
                        if db.execute("pragma user_version").fetchone()[0] != _FORMAT:
                            db.execute("drop table if exists records")
                            db.execute(_TABLE)
                            db.execute(f"pragma user_version = {_FORMAT}")
                        db.executemany("insert or replace into records values (?, ?)", rows)
                        db.execute("commit")
                    except BaseException:
                        with contextlib.suppress(sqlite3.Error):
                            db.execute("rollback")
                        raise
                if fresh and self.prune:
                    prune_others(self.path)
                return
            except sqlite3.OperationalError:
                return  # locked past the timeout, read-only or full: run without it
            except sqlite3.DatabaseError:
                self._discard()
            except (OSError, ValueError):
                return  # a folder that cannot be made: run without the cache

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """The open file, closed on leaving: a connection per call, so any thread may call."""
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            # a cache: a crash of the machine may lose the last rows, which are made again
            db.execute("pragma synchronous = off")
            yield db
        finally:
            db.close()

    def _discard(self) -> None:
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")


def prune_others(keep: Path, *, after: float = PRUNE_AFTER) -> None:
    """Remove what else lies beside ``keep`` (other versions' stores or folders) unused ``after``.

    Each code change starts a new version; without this, a developer's cache
    would grow with every edit.
    """
    cutoff = time.time() - after
    try:
        siblings = [p for p in keep.parent.iterdir() if not p.name.startswith(keep.name)]
    except OSError:
        return
    for sibling in siblings:
        with contextlib.suppress(OSError):
            info = os.lstat(sibling)
            if info.st_mtime >= cutoff:
                continue
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(sibling, ignore_errors=True)
            else:
                os.unlink(sibling)  # a former store, its journal, or a stray link


def _plain_file(path: Path) -> bool:
    """True when ``path`` is a regular file itself, not a link to one."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _checked(record: object) -> bytes | None:
    """The payload of a stored record whose digest matches, else None."""
    if not isinstance(record, bytes) or len(record) < _DIGEST:
        return None
    payload = record[_DIGEST:]
    return payload if hashlib.sha256(payload).digest() == record[:_DIGEST] else None
