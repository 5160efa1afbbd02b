"""Data built once per machine, kept as checked files: trusted only when they check out.

The dictionaries folder holds what newsdiff builds from the language packages
it ships with (simplemma's tries, wordfreq's folded table). Each file is a
magic line naming its kind, the sha256 of the payload and the payload; one
that is missing, damaged, a link, or far too large
reads as absent, and its builder makes it anew.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from newsdiff.core.storage.atomic import write_atomically
from newsdiff.core.storage.place import private_folder

_DIGEST = 32  # sha256 of the payload, after the magic line
_LIMIT = 256 * 2**20  # the German trie is 7 MB: far larger is not ours


def read_checked(path: Path, magic: bytes) -> bytes | None:
    """The payload ``write_checked`` stored at ``path``, or None when it does not check out.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "x.bin"
    >>> write_checked(path, b"kind\\n", b"payload")
    >>> read_checked(path, b"kind\\n"), read_checked(path, b"other\\n")
    (b'payload', None)
    """
    raw = _read_file(path)
    if raw is None or not raw.startswith(magic):
        return None
    digest, payload = raw[len(magic) : len(magic) + _DIGEST], raw[len(magic) + _DIGEST :]
    return payload if hashlib.sha256(payload).digest() == digest else None


def write_checked(path: Path, magic: bytes, payload: bytes) -> None:
    """Store ``payload`` at ``path`` whole or not at all; raises OSError when it cannot."""
    private_folder(path.parent)
    write_atomically(path, magic + hashlib.sha256(payload).digest() + payload)


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
