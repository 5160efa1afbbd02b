"""The one way newsdiff writes a file: whole or not at all, never through what is there.

A new file (a report the reader saves) is first claimed, created empty with
O_EXCL, so two saves at once get two names, never one file written twice.
A temporary file in the target's folder is written and renamed over the
target, so a crash or a full disk leaves the old file, never half a new one.
A replaced file keeps its mode (and owner, where allowed); a new one gets the
mode the user's umask gives, applied by the kernel at creation: reading the
umask with ``os.umask`` would change process-wide state, even if only for an
instant, under every other thread.

Between the check that a target may be written (it is ours, empty, or absent)
and the rename, another program may put a file of the user's there: a writer
given what it ``Checked`` renames only over that very file (its device, inode,
size and mtime, looked at again just before), and puts a new file in place only
where still nothing is (a hard link, which fails on any file), else it raises
``TargetChanged`` and the user's file stays.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_ATTEMPTS = 16
_NUMBERS = 10_000  # "r-10000.md": far past any folder of saved reports


class TargetChanged(FileExistsError):
    """The target is no longer what was checked: another program put a file there."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        reason = "was changed by another program meanwhile; not overwriting it"
        super().__init__(errno.EEXIST, reason, os.fspath(path))


@dataclass(frozen=True, slots=True)
class Checked:
    """What stood at ``path`` when it was checked: a file (device, inode, size,
    mtime), or nothing (``None``)."""

    path: Path
    identity: tuple[int, int, int, int] | None

    @classmethod
    def now(cls, path: str | os.PathLike[str]) -> Checked:
        """What stands at ``path`` now (a link itself, not what it points to).

        >>> import tempfile, pathlib
        >>> Checked.now(pathlib.Path(tempfile.mkdtemp()) / "r.md").identity is None
        True
        """
        try:
            return cls(Path(path), _identity(os.lstat(path)))
        except FileNotFoundError:
            return cls(Path(path), None)

    def holds(self) -> bool:
        """Whether ``path`` still holds what was checked, unchanged."""
        return Checked.now(self.path).identity == self.identity


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns


def numbered(target: Path) -> Iterator[Path]:
    """``target``, then ``target`` with -2, -3 ... before its suffix.

    >>> [p.name for p, _ in zip(numbered(Path("r.md")), range(3))]
    ['r.md', 'r-2.md', 'r-3.md']
    """
    yield target
    for number in range(2, _NUMBERS + 1):
        yield target.with_name(f"{target.stem}-{number}{target.suffix}")


def claim_new(path: str | os.PathLike[str]) -> Checked:
    """Create ``path`` empty, or the first free name of ``numbered(path)``; returns it.

    The name is taken in one step (O_CREAT|O_EXCL): of two writers asking at
    once each gets a file of its own, and a link, even one to nowhere, is
    never written through. Fill it with ``write_atomically(…, checked=…)``,
    which renames over this empty file only; ``release`` it when that fails.
    Raises OSError when no file can be made there.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> claim_new(folder / "r.md").path.name, claim_new(folder / "r.md").path.name
    ('r.md', 'r-2.md')
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    for candidate in numbered(Path(path)):
        try:
            descriptor = os.open(candidate, flags, 0o666)  # the umask applies, as to any new file
        except FileExistsError:
            continue
        try:  # the file made, not whatever has the name by the time it is looked at
            return Checked(candidate, _identity(os.fstat(descriptor)))
        finally:
            os.close(descriptor)
    raise FileExistsError(f"no free name for {Path(path).name} in {Path(path).parent}")


def release(claimed: Checked) -> None:
    """Remove the file ``claim_new`` made if it is still there, empty (its writing failed).

    Another file put under its name meanwhile, even an empty one, stays.

    >>> import tempfile, pathlib
    >>> claimed = claim_new(pathlib.Path(tempfile.mkdtemp()) / "r.md")
    >>> release(claimed); claimed.path.exists()
    False
    """
    with contextlib.suppress(OSError):
        if claimed.holds():
            os.unlink(claimed.path)


def write_atomically(
    path: str | os.PathLike[str], data: bytes, *, checked: Checked | None = None
) -> None:
    """Write ``data`` to ``path`` whole or not at all; raises OSError on failure.

    Given ``checked`` (what ``path`` held when it was found fit to write), only
    that is replaced: anything else there by then raises ``TargetChanged``.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "r.md"
    >>> write_atomically(target, b"# r\\n"); target.read_bytes()
    b'# r\\n'
    """
    write_atomically_with(path, lambda out: out.write(data), checked=checked)


def write_atomically_with(
    path: str | os.PathLike[str],
    write: Callable[[BinaryIO], object],
    *,
    checked: Checked | None = None,
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
        _publish(temporary, target, checked)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _publish(temporary: Path, target: Path, checked: Checked | None) -> None:
    """Rename ``temporary`` over ``target``, or only over what ``checked`` saw there."""
    if checked is None:
        os.replace(temporary, target)
        return
    if checked.identity is None:
        try:  # nothing was there: a link takes the name only while nothing still is
            os.link(temporary, target, follow_symlinks=False)
        except FileExistsError:
            raise TargetChanged(target) from None
        except OSError:  # a file system without hard links: checked, then renamed
            pass
        else:  # written: a second name left behind is no failure to write
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return
    if not checked.holds():
        raise TargetChanged(target)
    os.replace(temporary, target)


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
