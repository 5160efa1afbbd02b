"""Each story's alignment kept on disk, so opening the same folder again skips the aligner.

A story's pairs depend only on its members (``by_story``), so an entry is keyed
by the members' content (ids, languages, dates, passages, in order), the knobs
and the code of the whole core and of the libraries it scores with: editing a
report, adding one to the story or upgrading newsdiff makes old entries
unreachable. Entries are ``story_format`` records (JSON tables and integer
rows under a digest: data that builds data, never code; read back about ten
times faster than the pickles of format 1); anything corrupt, stale, of
another format or odd is ignored and recomputed. Writes are atomic, into
private folders; a cache that cannot be written is skipped quietly.
``NEWSDIFF_NO_CACHE=1`` turns it off (``newsdiff.core.storage.place.enabled``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.matching.story_format import Shared, decode, encode
from newsdiff.core.matching.story_rows import Unfit
from newsdiff.core.model import Alignment, Article
from newsdiff.core.storage.atomic import write_atomically
from newsdiff.core.storage.place import cache_dir, enabled, private_folders

_FORMAT = 2  # 1: pickles of the result objects; 2: story_format's compact records
_LIBRARIES = ("rapidfuzz", "simplemma", "wordfreq")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of every module of the core and the libraries' versions.

    >>> len(code_version())
    16
    """
    digest = hashlib.sha256(f"stories format {_FORMAT}".encode())
    core = Path(__file__).resolve().parent.parent
    for path in sorted(core.rglob("*.py")):
        digest.update(str(path.relative_to(core)).encode() + b"\0" + path.read_bytes())
    for library in _LIBRARIES:
        try:
            digest.update(f"{library} {metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()[:16]


def story_key(members: Sequence[Article], knobs: object) -> str:
    """The key of one story's alignment: its members' content, in order, and the knobs.

    >>> from newsdiff.core.model import Sentence
    >>> a = Article("a", "a", "x", "x", None, "de", (Sentence(0, "x", 0, 1),), 1)
    >>> story_key([a], 0.35) != story_key([a], 0.4)
    True
    """
    digest = hashlib.sha256(f"{code_version()}\0{knobs!r}".encode())
    for article in members:
        # one string per report, each passage with its length (a text may hold any character)
        passages = "".join(
            [f"\2{s.index}\0{s.kind}\0{len(s.text)}\0{s.text}" for s in article.sentences]
        )
        head = f"\1{article.id}\0{article.language}\0{article.date}"
        # a file name need not be UTF-8
        digest.update((head + passages).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def cached(
    run: Callable[[Sequence[Article]], Alignment], knobs: object
) -> Callable[[Sequence[Article]], Alignment]:
    """``run`` with its results kept per story (when the cache is enabled), compact either way."""

    def aligned(members: Sequence[Article]) -> Alignment:
        return through(members, knobs, lambda: run(members))

    return aligned


def through(
    members: Sequence[Article],
    knobs: object,
    compute: Callable[[], Alignment],
    *,
    shared: Shared | None = None,
) -> Alignment:
    """The story's alignment: read back if kept, else ``compute()``d, compacted and kept.

    The result of ``compute`` is encoded and decoded again (``story_format``)
    whether or not the cache is on: the decoded form shares every repeated
    value, and it is kept only if it equals what was computed.
    """
    key = story_key(members, knobs) if enabled() else None
    if key is not None:
        found = load(key, members, shared)
        if found is not None:
            return found
    made = compute()
    try:
        record = encode(key or "", made, members)
        compact = decode(key or "", record, members, shared)
    except (Unfit, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return made  # a value the record cannot hold: kept as made, never cached
    same = (compact.pairs, compact.clusters) == (made.pairs, made.clusters)
    if not (same and dict(compact.facts) == dict(made.facts)):
        return made
    if key is not None:
        _write(key, record)
    return compact


def _path(key: str) -> Path:
    return cache_dir() / "stories" / code_version() / key[:2] / f"{key}.story"


def load(key: str, members: Sequence[Article], shared: Shared | None = None) -> Alignment | None:
    """The cached alignment of the story ``key`` (with ``members`` as its articles), or None.

    Anything amiss (no entry, another format, a damaged or foreign record) is None.
    """
    try:
        return decode(key, _path(key).read_bytes(), members, shared)
    except Exception:
        return None


def store(key: str, alignment: Alignment, members: Sequence[Article]) -> None:
    """Write the entry for ``key`` atomically; quietly do nothing if that fails."""
    try:
        record = encode(key, alignment, members)
    except (Unfit, ValueError, TypeError, KeyError, AttributeError):
        return
    _write(key, record)


def _write(key: str, record: bytes) -> None:
    path = _path(key)
    try:
        private_folders(path.parent)
        write_atomically(path, record)
    except OSError:
        return
