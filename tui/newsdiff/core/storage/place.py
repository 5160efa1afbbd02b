"""Where newsdiff keeps what it can rebuild: one cache folder, private, that any stage may use.

Parsed articles, story profiles, aligned stories and the lemmatiser's
dictionaries all live under it; ``NEWSDIFF_NO_CACHE=1`` switches every one off.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def enabled(cache: bool = True) -> bool:
    """Whether the cache is used: asked for, and not switched off by NEWSDIFF_NO_CACHE.

    >>> enabled(False)
    False
    """
    flag = os.environ.get("NEWSDIFF_NO_CACHE", "").strip().lower()
    # without a home folder ~ stays relative: never scatter a cache into the cwd
    return cache and flag in ("", "0", "false", "no") and cache_dir().is_absolute()


def cache_dir() -> Path:
    """Where entries live: ``$XDG_CACHE_HOME/newsdiff``, else ``~/.cache/newsdiff``.

    >>> cache_dir().name
    'newsdiff'
    """
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "newsdiff"


def private_folders(folder: Path) -> None:
    """Create ``folder`` and the cache folders above it, each 0700: entries are nobody else's."""
    root = cache_dir()
    root.parent.mkdir(parents=True, exist_ok=True)  # ~/.cache itself is not ours to restrict
    for parent in [*reversed(folder.relative_to(root).parents), Path(folder.relative_to(root))]:
        with contextlib.suppress(FileExistsError):
            os.mkdir(root / parent, 0o700)


def private_folder(folder: Path) -> None:
    """``private_folders`` for a folder in the cache; any other folder is made 0700 on its own.

    A caller may keep its files in a root of its own (a test's, a tool's), outside the cache.
    """
    try:
        private_folders(folder)
    except ValueError:  # not under the cache folder
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
