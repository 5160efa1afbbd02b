"""The ways a file newsdiff keeps in its cache gets damaged, for tests that it is built anew."""

from __future__ import annotations

import os
from pathlib import Path

DAMAGES = ("flip", "truncate", "magic", "link")


def damage(stored: Path, how: str) -> None:
    """Damage ``stored`` in place: one bit flipped, cut short, another format, or a link."""
    data = bytearray(stored.read_bytes())
    if how == "flip":
        data[len(data) // 2] ^= 0x01
        stored.write_bytes(bytes(data))
    elif how == "truncate":
        stored.write_bytes(bytes(data[: len(data) // 3]))
    elif how == "magic":
        stored.write_bytes(b"something else\n" + bytes(data))
    elif how == "link":
        elsewhere = stored.with_name(f"elsewhere{stored.suffix}")
        stored.rename(elsewhere)
        os.symlink(elsewhere, stored)
    else:
        raise ValueError(f"no such damage: {how}")
