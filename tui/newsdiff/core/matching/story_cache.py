"""Each story's alignment kept on disk, so opening the same folder again skips the aligner.

A story's pairs depend only on its members (``by_story``), so an entry is keyed
by the members' content (ids, languages, dates, passages, in order), the knobs
and the code of the whole core and of the libraries it scores with: editing a
report, adding one to the story or upgrading newsdiff makes old entries
unreachable. Entries are pickles read back by an unpickler that builds only
newsdiff's own frozen result types (a planted file cannot run code); anything
corrupt, stale or odd is ignored and recomputed. Writes are atomic; a cache
that cannot be written is skipped quietly. ``NEWSDIFF_NO_CACHE=1`` turns it off
(``newsdiff.core.reading.cache.enabled``).
"""

from __future__ import annotations

import hashlib
import io
import pickle
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.model import Alignment, Article
from newsdiff.core.reading.atomic import write_atomically
from newsdiff.core.reading.cache import cache_dir, enabled

_FORMAT = 1
_LIBRARIES = ("rapidfuzz", "simplemma", "wordfreq")
_MODEL = "newsdiff.core.model"
_BUILTINS = frozenset({"frozenset", "set", "tuple", "list", "dict"})


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
        head = f"\1{article.id}\0{article.language}\0{article.date}"
        digest.update(head.encode("utf-8", "surrogatepass"))  # a file name need not be UTF-8
        for s in article.sentences:
            digest.update(
                f"\2{s.index}\0{s.kind}\0".encode() + s.text.encode("utf-8", "surrogatepass")
            )
    return digest.hexdigest()


def cached(
    run: Callable[[Sequence[Article]], Alignment], knobs: object
) -> Callable[[Sequence[Article]], Alignment]:
    """``run`` with its results kept per story (when the cache is enabled)."""
    if not enabled():
        return run

    def aligned(members: Sequence[Article]) -> Alignment:
        key = story_key(members, knobs)
        found = load(key, members)
        if found is None:
            found = run(members)
            store(key, found)
        return found

    return aligned


def _path(key: str) -> Path:
    return cache_dir() / "stories" / code_version() / key[:2] / f"{key}.pickle"


class _ModelOnly(pickle.Unpickler):
    """Builds newsdiff's model types and plain containers, and nothing else."""

    def find_class(self, module: str, name: str) -> object:
        if module == _MODEL or (module == "builtins" and name in _BUILTINS):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a newsdiff result")


def load(key: str, members: Sequence[Article]) -> Alignment | None:
    """The cached alignment of the story ``key`` (with ``members`` as its articles), or None."""
    try:
        data = _path(key).read_bytes()
        record = _ModelOnly(io.BytesIO(data)).load()
    except Exception:
        return None
    if not (isinstance(record, tuple) and len(record) == 4 and record[0] == key):
        return None
    _, pairs, clusters, facts = record
    if not (isinstance(pairs, tuple) and isinstance(clusters, tuple) and isinstance(facts, dict)):
        return None
    return Alignment(tuple(members), pairs, clusters, facts)


def store(key: str, alignment: Alignment) -> None:
    """Write the entry for ``key`` atomically; quietly do nothing if that fails."""
    path = _path(key)
    record = (key, alignment.pairs, alignment.clusters, dict(alignment.facts))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
