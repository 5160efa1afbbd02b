"""Where the five bundled seed reports are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[2]  # tui/newsdiff


def seeds_dir() -> Path:
    """The folder holding the seed reports.

    An installed wheel carries them as ``newsdiff/_seeds``; a checkout or an
    editable install finds the repository's top-level ``seeds/``.
    """
    bundled = _PACKAGE_DIR / "_seeds"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent.parent / "seeds"


def seed_paths() -> tuple[Path, ...]:
    """The seed report files in name order.

    >>> [p.name[:3] for p in seed_paths()]
    ['000', '001', '002', '003', '004']
    """
    return tuple(sorted(seeds_dir().glob("*.txt")))
