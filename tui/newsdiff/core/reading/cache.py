"""Parsed articles kept on disk, so opening the same folder again costs almost nothing.

An entry is keyed by the file's bytes and by the code that parsed them (a hash
of the core modules that shape an Article), so editing a report or upgrading
newsdiff makes old entries unreachable. An entry is data, not trust: it is
opened without following links or blocking, size-capped before parsing,
checked for shape before ``json`` recurses into it, carries a digest of its
bytes (a flipped bit is caught) and is checked against the file just read: the
text is the freshly decoded one, and every passage's offsets must reproduce
its text (a planted entry with a made-up "99.000 Soldaten" is refused).
Anything corrupt, stale or odd is ignored and rebuilt. Writes go through the
one atomic writer; the cache folder is created private (0700); a cache that
cannot be written is skipped quietly.

Set ``NEWSDIFF_NO_CACHE=1`` (or pass ``cache=False`` to the reader) to bypass it.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import os
import re
import shutil
import stat
import time
from dataclasses import fields
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.language.sanitize import is_clean
from newsdiff.core.model import Article, Sentence
from newsdiff.core.storage.atomic import write_atomically
from newsdiff.core.storage.place import cache_dir as cache_dir
from newsdiff.core.storage.place import enabled as enabled
from newsdiff.core.storage.place import private_folders

# the stages whose code decides what an Article holds: every module of them,
# found on disk, so a new or moved file can never serve stale entries
_SHAPING_PACKAGES = ("reading", "language", "storage")
_SHAPING_MODULES = ("model.py",)
_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "trafilatura", "htmldate", "lxml")
_FORMAT = 3
_PRUNE_AFTER = 24 * 3600  # seconds
_KINDS = frozenset(("sentence", "heading", "table-row", "list-item"))
# the text is not stored: it is the file's, decoded afresh on every read
_SCALARS = tuple(f.name for f in fields(Article) if f.name not in ("sentences", "text"))
_REQUIRED = ("id", "path", "title", "language")
_SHOWN = ("title", "source", "url", "dateline", "credit")  # must come from the text
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
# what markup hides between a passage's first and last character in the source
_MARKUP = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|\]\[[^\]\n]*\]|<[^>\n]*>")
_NOT_WORD = re.compile(r"[\W_]+")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_ROW = re.compile(r"\[[^\[\]{}]*\]")
_OVERHEAD = 64 * 1024


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


def load(key: str, text: str) -> Article | None:
    """The cached article for ``key`` (a file that decoded to ``text``), or None.

    None when there is no entry or it does not check out. ``id`` and ``path``
    are those of the file read when the entry was written; the reader
    replaces them with the current ones.
    """
    raw = _read_entry(entry_path(key), limit=12 * len(text) + _OVERHEAD)
    if raw is None:
        return None
    try:
        return _article(json.loads(raw), key, text)
    except (KeyError, TypeError, ValueError, RecursionError):
        return None


def store(key: str, article: Article) -> None:
    """Write the entry for ``key`` atomically; quietly do nothing if that fails."""
    path = entry_path(key)
    record = {"format": _FORMAT, "version": code_version(), "key": key}
    record["text"] = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
    record.update({name: getattr(article, name) for name in _SCALARS})
    # one short row per passage: ~25 passages an article, read back thousands of times
    record["sentences"] = [
        [s.text, s.start, s.end, s.kind, s.paragraph, int(s.cleaned)] for s in article.sentences
    ]
    try:
        body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        if not path.parent.parent.exists():
            _prune(path.parent.parent)
        private_folders(path.parent)
        write_atomically(path, hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    except (OSError, ValueError):
        return


def _read_entry(path: Path, *, limit: int) -> str | None:
    """The entry's JSON if it is a plain file of at most ``limit`` bytes whose digest matches."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:  # missing, a symlink (ELOOP), unreadable
        return None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None  # a FIFO would block, a device never end
            data = handle.read(limit + 1)
        except OSError:
            return None
    digest, _, body = data.partition(b"\n")
    if len(data) > limit or hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return raw if _shallow(raw) else None


def _shallow(raw: str) -> bool:
    """True when the JSON nests no deeper than an entry does: {..., "sentences": [[...], ...]}.

    Checked on the text, so ``json`` never recurses into ``[[[[...`` 200,000 deep.
    """
    skeleton = _STRING.sub("0", raw)
    skeleton = _ROW.sub("0", _ROW.sub("0", skeleton))  # the rows, then their list
    return (
        skeleton.count("{") == 1
        and skeleton.count("}") == 1
        and "[" not in skeleton
        and "]" not in skeleton
    )


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


def _article(record: object, key: str, text: str) -> Article:
    """Rebuild an Article from JSON, refusing anything that does not fit ``text`` exactly."""
    if not isinstance(record, dict):
        raise TypeError("not an object")
    if record.get("format") != _FORMAT or record.get("version") != code_version():
        raise ValueError("stale entry")
    if record.get("key") != key:
        raise ValueError("entry for another key")
    if record.get("text") != hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest():
        raise ValueError("entry for another text")
    values = {name: record[name] for name in _SCALARS}
    for name, value in values.items():
        if name == "words":
            if type(value) is not int or value < 0:
                raise TypeError(name)
        elif not (isinstance(value, str) or (value is None and name not in _REQUIRED)):
            raise TypeError(name)
        elif isinstance(value, str) and not is_clean(value):
            raise ValueError(name)
    if values["date"] is not None and not _DATE.fullmatch(values["date"]):
        raise ValueError("date")
    if not _LANGUAGE.fullmatch(values["language"]):
        raise ValueError("language")
    words = _words(text)
    for name in _SHOWN:
        value = values[name]
        if value and value != values["id"] and _words(value) not in words:
            raise ValueError(f"{name} is not in the text")
    rows = record["sentences"]
    if type(rows) is not list:
        raise TypeError("sentences")
    return Article(text=text, sentences=_sentences(rows, text), **values)


def _words(text: str) -> str:
    """Letters and digits only, casefolded: what a passage and its source span share."""
    return _NOT_WORD.sub("", text).casefold()


def _sentences(rows: list[object], source: str) -> tuple[Sentence, ...]:
    # one loop per row: thousands of rows are checked per folder
    sentences = []
    length = len(source)
    last_paragraph = 0
    for number, row in enumerate(rows):
        if type(row) is not list:
            raise TypeError("sentence")
        text, start, end, kind, paragraph, cleaned = row  # ValueError unless exactly six
        if type(text) is not str or type(start) is not int or type(end) is not int:
            raise TypeError("sentence fields")
        if type(paragraph) is not int or kind not in _KINDS or not 0 <= start <= end <= length:
            raise ValueError("sentence out of place")
        if paragraph < last_paragraph or cleaned not in (0, 1) or not is_clean(text):
            raise ValueError("sentence out of order or unclean")
        span = source[start:end]
        if "&" in span:
            span = html.unescape(span)
        if _words(text) != _words(_MARKUP.sub("", span) if "<" in span or "]" in span else span):
            raise ValueError("sentence offsets do not give its text")
        last_paragraph = paragraph
        sentences.append(Sentence(number, text, start, end, kind, paragraph, bool(cleaned)))
    return tuple(sentences)
