"""The one way newsdiff writes a file: whole or not at all, never through what is there.

A new file (a report the reader saves) is first claimed, created empty with
O_EXCL, so two saves at once get two names, never one file written twice.
A temporary file in the target's folder is written and renamed over the
target, so a crash or a full disk leaves the old file, never half a new one.
A replaced file keeps its mode (and owner, where allowed); a new one gets the
mode the user's umask gives, applied by the kernel at creation: reading the
umask with ``os.umask`` would change process-wide state, even if only for an
instant, under every other thread.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

_ATTEMPTS = 16
_NUMBERS = 10_000  # "r-10000.md": far past any folder of saved reports


def numbered(target: Path) -> Iterator[Path]:
    """``target``, then ``target`` with -2, -3 ... before its suffix.

    >>> [p.name for p, _ in zip(numbered(Path("r.md")), range(3))]
    ['r.md', 'r-2.md', 'r-3.md']
    """
    yield target
    for number in range(2, _NUMBERS + 1):
        yield target.with_name(f"{target.stem}-{number}{target.suffix}")


def claim_new(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` empty, or the first free name of ``numbered(path)``; returns it.

    The name is taken in one step (O_CREAT|O_EXCL): of two writers asking at
    once each gets a file of its own, and a link, even one to nowhere, is
    never written through. Fill it with ``write_atomically``; ``release`` it
    when that fails. Raises OSError when no file can be made there.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> claim_new(folder / "r.md").name, claim_new(folder / "r.md").name
    ('r.md', 'r-2.md')
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for candidate in numbered(Path(path)):
        try:
            os.close(os.open(candidate, flags, 0o666))  # the umask applies, as to any new file
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free name for {Path(path).name} in {Path(path).parent}")


def release(path: str | os.PathLike[str]) -> None:
    """Remove a file ``claim_new`` made that is still empty (its writing failed).

    >>> import tempfile, pathlib
    >>> claimed = claim_new(pathlib.Path(tempfile.mkdtemp()) / "r.md")
    >>> release(claimed); claimed.exists()
    False
    """
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode) and info.st_size == 0:
            os.unlink(path)


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all; raises OSError on failure.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "r.md"
    >>> write_atomically(target, b"# r\\n"); target.read_bytes()
    b'# r\\n'
    """
    write_atomically_with(path, lambda out: out.write(data))


def write_atomically_with(
    path: str | os.PathLike[str], write: Callable[[BinaryIO], object]
) -> None:
    """``write_atomically`` for what is written in pieces: ``write`` fills the open file.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "r.md"
    >>> write_atomically_with(target, lambda out: out.writelines([b"# ", b"r"]))
    >>> target.read_bytes()
    b'# r'
    """
    target = Path(path)
    try:
        existing: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        existing = None
    descriptor, temporary = _create(target.parent, 0o600 if existing else 0o666)
    try:
        with os.fdopen(descriptor, "wb") as out:
            write(out)
            if existing is not None:
                os.fchmod(out.fileno(), stat.S_IMODE(existing.st_mode))
                with contextlib.suppress(OSError):  # only root may give a file away
                    os.fchown(out.fileno(), existing.st_uid, existing.st_gid)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _create(folder: Path, mode: int) -> tuple[int, Path]:
    # a short name of its own: ".<target>.<random>" would not fit beside a 250-char target
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for _ in range(_ATTEMPTS):
        temporary = folder / f".newsdiff-{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temporary, flags, mode), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")
