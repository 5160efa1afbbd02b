"""Parsed articles kept on disk, so opening the same folder again costs almost nothing.

An entry is keyed by the file's bytes and by the code that parsed them (a hash
of the core modules that shape an Article), so editing a report or upgrading
newsdiff makes old entries unreachable. An entry is JSON checked field by field
on the way in: anything corrupt, stale or odd is ignored and rebuilt, never
trusted. Writes are atomic; a cache that cannot be written is skipped quietly.

Set ``NEWSDIFF_NO_CACHE=1`` (or pass ``cache=False`` to the reader) to bypass it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from dataclasses import fields
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.model import Article, Sentence

# the stages whose code decides what an Article holds: every module of them,
# found on disk, so a new or moved file can never serve stale entries
_SHAPING_PACKAGES = ("reading", "language")
_SHAPING_MODULES = ("model.py",)
_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "trafilatura", "htmldate", "lxml")
_FORMAT = 2
_PRUNE_AFTER = 24 * 3600  # seconds
_KINDS = frozenset(("sentence", "heading", "table-row", "list-item"))
_SCALARS = tuple(f.name for f in fields(Article) if f.name != "sentences")
_REQUIRED = ("id", "path", "text", "title", "language")


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


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code that turns bytes into an Article; it changes with that code.

    >>> len(code_version())
    16
    """
    digest = hashlib.sha256(f"format {_FORMAT}".encode())
    core = Path(__file__).resolve().parent.parent
    for name in _shaping_files(core):
        try:
            digest.update(name.encode() + b"\0" + (core / name).read_bytes())
        except OSError:
            digest.update(name.encode() + b"\0missing")
    for library in _LIBRARIES:
        try:
            digest.update(f"{library} {metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(library.encode())
    return digest.hexdigest()[:16]


def _shaping_files(core: Path) -> list[str]:
    """The core files (relative, sorted) whose code shapes an Article."""
    names = list(_SHAPING_MODULES)
    for package in _SHAPING_PACKAGES:
        names += [f"{package}/{p.name}" for p in (core / package).glob("*.py")]
    return sorted(names)


def content_key(data: bytes, *, markdown: bool) -> str:
    """The key of a file's content as read as markdown or as plain text.

    >>> content_key(b"x", markdown=True) != content_key(b"x", markdown=False)
    True
    """
    digest = hashlib.sha256(b"md\0" if markdown else b"txt\0")
    digest.update(data)
    return digest.hexdigest()


def entry_path(key: str) -> Path:
    """The file holding the entry for ``key`` under the current code version."""
    return cache_dir() / "articles" / code_version() / key[:2] / f"{key}.json"


def load(key: str) -> Article | None:
    """The cached article for ``key``, or None when there is none or it does not check out.

    ``id`` and ``path`` are those of the file that was read when the entry was
    written; the reader replaces them with the current ones.
    """
    try:
        with open(entry_path(key), encoding="utf-8") as handle:
            record = json.load(handle)
    except (OSError, ValueError):
        return None
    try:
        return _article(record, key)
    except (KeyError, TypeError, ValueError):
        return None


def store(key: str, article: Article) -> None:
    """Write the entry for ``key`` atomically; quietly do nothing if that fails."""
    path = entry_path(key)
    record = {"format": _FORMAT, "version": code_version(), "key": key}
    record.update({name: getattr(article, name) for name in _SCALARS})
    # one short row per passage: ~25 passages an article, read back thousands of times
    record["sentences"] = [[s.text, s.start, s.end, s.kind, s.paragraph] for s in article.sentences]
    try:
        encoded = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        if not path.parent.parent.exists():
            _prune(path.parent.parent)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(encoded)
            os.replace(temporary, path)
        except BaseException:
            _remove(temporary)
            raise
    except (OSError, ValueError):
        return


def _prune(current: Path) -> None:
    """Remove entries of other code versions left unused for a day.

    Each code change starts a new version folder; without this, a developer's
    cache would grow with every edit. A day's grace lets two installed
    versions take turns without wiping each other's entries.
    """
    cutoff = time.time() - _PRUNE_AFTER
    try:
        siblings = [p for p in current.parent.iterdir() if p.is_dir() and p != current]
    except OSError:
        return
    for sibling in siblings:
        with contextlib.suppress(OSError):
            if sibling.stat().st_mtime < cutoff:
                shutil.rmtree(sibling, ignore_errors=True)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _article(record: object, key: str) -> Article:
    """Rebuild an Article from JSON, refusing anything that does not fit exactly."""
    if not isinstance(record, dict):
        raise TypeError("not an object")
    if record.get("format") != _FORMAT or record.get("version") != code_version():
        raise ValueError("stale entry")
    if record.get("key") != key:
        raise ValueError("entry for another key")
    values = {name: record[name] for name in _SCALARS}
    for name, value in values.items():
        if name == "words":
            if type(value) is not int:
                raise TypeError(name)
        elif not (isinstance(value, str) or (value is None and name not in _REQUIRED)):
            raise TypeError(name)
    length = len(values["text"])
    rows = record["sentences"]
    if type(rows) is not list:
        raise TypeError("sentences")
    return Article(sentences=_sentences(rows, length), **values)


def _sentences(rows: list[object], length: int) -> tuple[Sentence, ...]:
    # one loop without calls per row: thousands of rows are checked per folder
    sentences = []
    for number, row in enumerate(rows):
        if type(row) is not list:
            raise TypeError("sentence")
        text, start, end, kind, paragraph = row  # ValueError unless exactly five
        if type(text) is not str or type(start) is not int or type(end) is not int:
            raise TypeError("sentence fields")
        if type(paragraph) is not int or kind not in _KINDS or not 0 <= start <= end <= length:
            raise ValueError("sentence out of place")
        sentences.append(Sentence(number, text, start, end, kind, paragraph))
    return tuple(sentences)
