"""Story profiles kept on disk, so a second look at a folder does not lemmatise it again.

Lemmatising every report is most of what story detection costs. A profile
depends only on the report's language, title and leading passages and on the
code of the stories and language stages (and simplemma's and wordfreq's
versions), so that is the key. Entries are JSON rows of one SQLite file,
checked on the way in; anything odd is recomputed. ``NEWSDIFF_NO_CACHE=1``
turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.model import Article
from newsdiff.core.storage.place import cache_dir, enabled, private_folders
from newsdiff.core.stories.profile import MAX_PASSAGES, StoryProfile, story_profile

_FORMAT = 2  # 2: one SQLite store per code version


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the stages that shape a profile and of the libraries they read.

    >>> len(code_version())
    16
    """
    core = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"profiles {_FORMAT}".encode())
    files = [*core.glob("stories/*.py"), *core.glob("language/*.py"), core / "model.py"]
    for path in sorted(files):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for library in ("simplemma", "wordfreq"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{library} {metadata.version(library)}".encode())
    return digest.hexdigest()[:16]


def profile_key(article: Article) -> str:
    """What a profile depends on: the language, the title and the leading passages, hashed."""
    digest = hashlib.sha256(f"{article.language}\0{article.title}".encode("utf-8", "surrogatepass"))
    for s in article.sentences[:MAX_PASSAGES]:
        digest.update(b"\1" + s.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def cached_profiles(articles: Sequence[Article]) -> list[StoryProfile]:
    """The story profile of each article, from the cache where it holds one."""
    if not enabled():
        return [story_profile(a) for a in articles]
    path = cache_dir() / "story-profiles" / f"{code_version()}.sqlite"
    keys = [profile_key(article) for article in articles]
    stored = _load(path, set(keys))
    out, new = [], {}
    for article, key in zip(articles, keys, strict=True):
        found = _profile(stored.get(key), article.id)
        if found is None:
            found = story_profile(article)
            new[key] = found
        out.append(found)
    if new:
        _store(path, new)
    return out


# One SQLite file per code version, not a JSON file per report: writing 1,033
# small files cost 0.77 s of CPU and 2.1 s of wall time under load (their
# compute with the lexicon warm: 0.67 s); one transaction costs milliseconds.
_TABLE = "create table if not exists profiles (key text primary key, record text not null)"
_CHUNK = 500  # keys per query, well under SQLite's limit on bound parameters


def _connect(path: Path) -> sqlite3.Connection | None:
    """The store, if ``path`` is absent or a plain file (never through a link)."""
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(os.lstat(path).st_mode):
            return None
    try:
        return sqlite3.connect(path, timeout=5, isolation_level=None)
    except (sqlite3.Error, OSError):
        return None


def _load(path: Path, keys: set[str]) -> dict[str, str]:
    """The stored records of ``keys`` (JSON text, checked later); {} when there is no store."""
    if not path.is_file():
        return {}
    connection = _connect(path)
    if connection is None:
        return {}
    found: dict[str, str] = {}
    ordered = sorted(keys)
    try:
        with contextlib.closing(connection):
            for at in range(0, len(ordered), _CHUNK):
                chunk = ordered[at : at + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"select key, record from profiles where key in ({marks})", chunk
                )
                found.update((str(k), str(r)) for k, r in rows)
    except sqlite3.Error:  # a damaged store reads as empty; entries are written anew
        return {}
    return found


def _profile(raw: str | None, article: str) -> StoryProfile | None:
    if raw is None:
        return None
    try:
        record = json.loads(raw)
        weights = tuple((str(f), float(w)) for f, w in record["weights"])
        surface = tuple((str(f), str(s)) for f, s in record["surface"])
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    return StoryProfile(article, weights, surface)


def _store(path: Path, profiles: dict[str, StoryProfile], *, again: bool = True) -> None:
    rows = [
        (key, json.dumps({"weights": p.weights, "surface": p.surface}, separators=(",", ":")))
        for key, p in sorted(profiles.items())
    ]
    try:
        private_folders(path.parent)
    except OSError:
        return
    connection = _connect(path)
    if connection is None:
        return
    try:
        with contextlib.closing(connection):
            connection.execute(_TABLE)
            connection.execute("begin")
            connection.executemany("insert or replace into profiles values (?, ?)", rows)
            connection.execute("commit")
    except sqlite3.OperationalError:  # another process holds it: not cached this time
        return
    except sqlite3.DatabaseError:  # not a store at all: started afresh
        with contextlib.suppress(OSError):
            path.unlink()
            if again:
                _store(path, profiles, again=False)
