"""Parsed articles kept on disk, so opening the same folder again costs almost nothing.

An entry is keyed by the file's bytes and by the code that parsed them (a hash
of the core modules that shape an Article), so editing a report or upgrading
newsdiff makes old entries unreachable. Entries are records of one SQLite
store per code version (``storage.records``: read in a query per 500 files,
written in one transaction per folder; a JSON file per entry had cost a new
folder of 1,033 reports 1.5 s on top of 0.9 s of parsing). An entry is data,
not trust: the store is never opened through a link, each record carries a
digest of its bytes (a flipped bit is caught), is size-capped relative to the
text before parsing, checked for shape before ``json`` recurses into it and
checked against the file just read: the text is the freshly decoded one, and
every passage's offsets must reproduce its text (a planted entry with a
made-up "99.000 Soldaten" is refused). Anything corrupt, stale or odd is
ignored and rebuilt; a damaged store is started afresh; the cache folder is
created private (0700); a store that is locked or cannot be written is
skipped quietly.

Set ``NEWSDIFF_NO_CACHE=1`` (or pass ``cache=False`` to the reader) to bypass it.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Mapping
from dataclasses import fields
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.language.sanitize import is_clean
from newsdiff.core.model import Article, Sentence
from newsdiff.core.storage.place import cache_dir as cache_dir
from newsdiff.core.storage.place import enabled as enabled
from newsdiff.core.storage.records import RecordStore

# the stages whose code decides what an Article holds: every module of them,
# found on disk, so a new or moved file can never serve stale entries
_SHAPING_PACKAGES = ("reading", "language", "storage")
_SHAPING_MODULES = ("model.py",)
_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "trafilatura", "htmldate", "lxml")
_FORMAT = 4  # 4: records of one SQLite store per code version
_SPAN, _JOINED = 0, 1  # a passage's text: its span, or its span with whitespace joined
_FROM_SPAN = (_SPAN, _JOINED)
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
# a JSON string, its loop unrolled: a third of the time of "(?:[^"\\]|\\.)*"
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_ROW = re.compile(r"\[[^\[\]{}]*\]")
_OVERHEAD = 64 * 1024
_MAX_RECORD = 256 * 2**20  # the cap of any entry: 12x a 20 MB report (the reader's limit)


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


def store_path() -> Path:
    """The SQLite file holding the entries of the current code version."""
    return cache_dir() / "articles" / f"{code_version()}.sqlite"


def _limit(size: int) -> int:
    """The most bytes an entry of a text of ``size`` characters (or bytes: never fewer) may take."""
    return 12 * size + _OVERHEAD


class Entries:
    """The cache as one read of many files uses it: their entries loaded in one query per
    500 files, the new ones written in one transaction by ``flush``.

    >>> entries = Entries()
    >>> entries.load("0" * 64, "no entry for this text") is None
    True
    """

    def __init__(self) -> None:
        self._records = RecordStore(store_path(), limit=_MAX_RECORD, prune=True)
        self._found: dict[str, bytes] = {}
        self._asked: set[str] = set()
        self._new: dict[str, bytes] = {}

    def prefetch(self, sizes: Mapping[str, int]) -> None:
        """Load the entries of the keys of ``sizes`` (key -> the file's size in bytes) at once."""
        keys = [key for key in sizes if key and key not in self._asked]
        if not keys:
            return
        self._asked.update(keys)
        limit = _limit(max(sizes[key] for key in keys))
        self._found.update(self._records.load(keys, limit=limit))

    def load(self, key: str, text: str) -> Article | None:
        """The cached article for ``key`` (a file that decoded to ``text``), or None.

        None when there is no entry or it does not check out. ``id`` and
        ``path`` are those of the file read when the entry was written; the
        reader replaces them with the current ones.
        """
        if key not in self._asked:
            self.prefetch({key: len(text.encode("utf-8", "surrogatepass"))})
        raw = self._found.get(key)
        if raw is None or len(raw) > _limit(len(text)):
            return None
        try:
            body = raw.decode("utf-8")
            return _article(json.loads(body), key, text) if _shallow(body) else None
        except (KeyError, TypeError, ValueError, RecursionError):
            return None

    def store(self, key: str, article: Article) -> None:
        """Keep the entry for ``key`` until ``flush``; another file of these bytes reads it."""
        record: dict[str, object] = {"format": _FORMAT, "version": code_version(), "key": key}
        record["text"] = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()
        record.update({name: getattr(article, name) for name in _SCALARS})
        # one short row per passage: ~25 passages an article, read back thousands of times
        record["sentences"] = [
            [_stored_text(s, article.text), s.start, s.end, s.kind, s.paragraph, int(s.cleaned)]
            for s in article.sentences
        ]
        try:
            body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        except (ValueError, UnicodeEncodeError):
            return
        self._new[key] = self._found[key] = body
        self._asked.add(key)

    def flush(self) -> None:
        """Write the entries kept since the last flush, in one transaction; quietly skipped
        when the store is locked or cannot be written."""
        if self._new:
            self._records.store(self._new)
            self._new = {}


def load(key: str, text: str) -> Article | None:
    """The cached article for ``key`` alone (see ``Entries.load``)."""
    return Entries().load(key, text)


def store(key: str, article: Article) -> None:
    """Write the entry for ``key`` alone; quietly do nothing if that fails."""
    entries = Entries()
    entries.store(key, article)
    entries.flush()


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
    words = None  # the text's words, only for a field that is not in it to the letter
    for name in _SHOWN:
        value = values[name]
        if not value or value == values["id"] or value in text:
            continue
        words = _words(text) if words is None else words
        if _words(value) not in words:
            raise ValueError(f"{name} is not in the text")
    rows = record["sentences"]
    if type(rows) is not list:
        raise TypeError("sentences")
    return Article(text=text, sentences=_sentences(rows, text), **values)


def _words(text: str) -> str:
    """Letters and digits only, casefolded: what a passage and its source span share."""
    return _NOT_WORD.sub("", text).casefold()


def _stored_text(sentence: Sentence, source: str) -> str | int:
    """What a row keeps of a passage's text: only a text its span does not give to the letter.

    The span itself or with its whitespace joined is nearly every passage (22,924 of
    22,927 on gnad + seeds): kept as a number, it is taken from the file read, so it
    cannot be planted, and the entries are a third of the size to write and read.
    """
    span = source[sentence.start : sentence.end]
    if sentence.text == span:
        return _SPAN
    return _JOINED if sentence.text == " ".join(span.split()) else sentence.text


def _sentences(rows: list[object], source: str) -> tuple[Sentence, ...]:
    # one loop per row: thousands of rows are checked per folder
    sentences = []
    length = len(source)
    last_paragraph = 0
    for number, row in enumerate(rows):
        if type(row) is not list:
            raise TypeError("sentence")
        text, start, end, kind, paragraph, cleaned = row  # ValueError unless exactly six
        if type(start) is not int or type(end) is not int or type(paragraph) is not int:
            raise TypeError("sentence fields")
        if kind not in _KINDS or not 0 <= start <= end <= length:
            raise ValueError("sentence out of place")
        span = source[start:end]
        if type(text) is int and text in _FROM_SPAN:
            text = span if text == _SPAN else " ".join(span.split())
        elif type(text) is not str:
            raise TypeError("sentence text")
        elif text != span and text != " ".join(span.split()):
            if "&" in span:
                span = html.unescape(span)
            if "<" in span or "]" in span:
                span = _MARKUP.sub("", span)
            if _words(text) != _words(span):
                raise ValueError("sentence offsets do not give its text")
        if paragraph < last_paragraph or cleaned not in (0, 1) or not is_clean(text):
            raise ValueError("sentence out of order or unclean")
        last_paragraph = paragraph
        sentences.append(Sentence(number, text, start, end, kind, paragraph, bool(cleaned)))
    return tuple(sentences)
