"""Read report files and folders into Articles, through the on-disk cache.

A folder gives its ``.txt`` and ``.md`` files in name order, subfolders
included; a symlink that leads back into a folder already walked is not
followed again. A file that cannot be read (binary, unreadable, empty) is
reported as a Problem and the rest is read: one bad file in a folder of
reports must not cost the user the others.
"""

from __future__ import annotations

import os
import stat
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from newsdiff.core.language.sanitize import shown
from newsdiff.core.model import Article, Corpus, Problem, Skipped
from newsdiff.core.reading.cache import Entries, enabled
from newsdiff.core.reading.fetch import Fetched, FetchError, FetchOptions, fetch_page, is_url
from newsdiff.core.reading.formats import (
    OWN_REPORT,
    ReadError,
    entry_key,
    is_own_report,
    read_bytes,
)

__all__ = [
    "SUFFIXES",
    "ReadError",
    "read_article",
    "read_articles",
    "read_url",
    "report_files",
    "written_by_newsdiff",
]

_TEXT_SUFFIXES = (".txt", ".md", ".markdown")
_MARKDOWN = (".md", ".markdown")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
_ARCHIVE_SUFFIXES = (".mhtml", ".mht")  # "Webpage, single file" of Chrome, Edge, Opera
SUFFIXES = (*_TEXT_SUFFIXES, *_PAGE_SUFFIXES, *_ARCHIVE_SUFFIXES)
_MAX_MB = 20  # far beyond any news report; keeps a stray dump out
MAX_MB_VARIABLE = "NEWSDIFF_MAX_MB"  # lifts the limit for the one user who needs it
# a file is opened without blocking or taking a terminal: see _read_bytes
_NO_WAIT = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_BATCH = 500  # files whose bytes are held at once, their cache entries loaded in one query


def read_article(path: str | os.PathLike[str], *, cache: bool = True) -> Article:
    """Read one report file (UTF-8/16, cp1252; plain text or markdown).

    Raises ReadError when the file cannot be read as a report.

    >>> from newsdiff.core.reading.seeds import seed_paths
    >>> read_article(seed_paths()[0]).date
    '2025-04-28T03:32'
    """
    return _read_file(Path(path), _read_bytes(Path(path)), cache=cache, notes=[])


def _read_file(
    path: Path, data: bytes, *, cache: bool, notes: list[Problem], entries: Entries | None = None
) -> Article:
    # the id is newsdiff's name for the article, shown everywhere: a file name's
    # escape sequence or RLO is escaped in it once, here (the path stays exact)
    named = {"id": shown(path.stem), "path": str(path), "kind": _kind(path)}
    return read_bytes(data, **named, cache=cache, notes=notes, entries=entries)


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    return (
        "markdown" if suffix in _MARKDOWN
        else "html" if suffix in _PAGE_SUFFIXES
        else "mhtml" if suffix in _ARCHIVE_SUFFIXES
        else "text"
    )  # fmt: skip


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    *,
    cache: bool = True,
    fetch: FetchOptions | None = None,
    follow_links: bool = False,
) -> Corpus:
    """Read files, folders and URLs; unreadable ones become Problems, the rest Articles.

    Article ids are the file stems, made unique ("a", "a-2") when two files
    share a stem. A URL ("https://…") is fetched (or taken from the cache,
    see ``fetch``); nothing else touches the network. Files of a folder that
    are left out unread (hidden, not a report type) are listed in ``skipped``.
    A symlink in a folder that leads out of it is not followed unless
    ``follow_links`` (see ``report_files``).

    >>> from newsdiff.core.reading.seeds import seeds_dir
    >>> corpus = read_articles([seeds_dir()])
    >>> len(corpus.articles), corpus.problems
    (5, ())
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    skipped: list[Skipped] = []
    taken: set[str] = set()
    # one cache for the whole read: its entries loaded a batch at a time, the new
    # ones written in one transaction at the end
    entries = Entries() if enabled(cache) else None
    items = list(report_files(paths, follow_links=follow_links))
    for at in range(0, len(items), _BATCH):
        batch = items[at : at + _BATCH]
        files = _read_batch(batch, entries)
        for number, item in enumerate(batch):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            try:
                if isinstance(item, str):
                    page = _fetch(item, cache=cache, options=fetch)
                    if page.note:  # an older copy stood in for a failed refresh
                        problems.append(Problem(item, page.note, fatal=False))
                    article = _page_article(page, cache=cache)
                else:
                    data = files[number]
                    if isinstance(data, ReadError):
                        raise data
                    notes: list[Problem] = []
                    article = _read_file(item, data, cache=cache, notes=notes, entries=entries)
                    problems += notes
            except ReadError as error:
                problems.append(Problem(error.path, error.message, kind=error.kind))
                continue
            unique = _unique_id(article.id, taken)
            articles.append(article if unique == article.id else replace(article, id=unique))
    if entries is not None:
        entries.flush()
    return Corpus(tuple(articles), tuple(problems), tuple(skipped))


def _read_batch(
    batch: list[Path | Problem | Skipped | str], entries: Entries | None
) -> dict[int, bytes | ReadError]:
    """The bytes (or the ReadError) of each file of ``batch`` by position; their
    cache entries loaded at once."""
    files: dict[int, bytes | ReadError] = {}
    sizes: dict[str, int] = {}
    for number, item in enumerate(batch):
        if not isinstance(item, Path):
            continue
        try:
            files[number] = data = _read_bytes(item)
        except ReadError as error:
            files[number] = error
            continue
        if entries is not None:
            sizes[entry_key(data, kind=_kind(item))] = len(data)
    if entries is not None:
        entries.prefetch(sizes)
    return files


def read_url(url: str, *, cache: bool = True, options: FetchOptions | None = None) -> Article:
    """The report at ``url``: fetched, or read from the copy a former run kept.

    Raises ReadError naming the URL when the page cannot be fetched or read.
    """
    return _page_article(_fetch(url, cache=cache, options=options), cache=cache)


def _fetch(url: str, *, cache: bool, options: FetchOptions | None) -> Fetched:
    options = options or FetchOptions()
    try:
        return fetch_page(url, options=replace(options, cache=options.cache and cache))
    except FetchError as error:
        raise ReadError(url, str(error)) from None


def _page_article(page: Fetched, *, cache: bool) -> Article:
    article = read_bytes(
        page.data,
        id=_url_id(page.final_url),
        path=page.url,
        kind=page.kind,
        url=page.final_url,
        cache=cache,
    )
    return replace(article, fetched=page.fetched, url=article.url or page.final_url)


def _url_id(url: str) -> str:
    """A short id for a fetched page: the last part of its path, else its host.

    >>> _url_id("https://www.example.org/world/troops-sent.html?x=1"), _url_id("https://example.org/")
    ('troops-sent', 'example.org')
    """
    parsed = urllib.parse.urlparse(url)
    last = parsed.path.rstrip("/").rsplit("/", 1)[-1]
    stem = last.rsplit(".", 1)[0] if "." in last else last
    return stem[:60] or (parsed.hostname or "page")


def report_files(
    paths: Iterable[str | os.PathLike[str]], *, follow_links: bool = False
) -> Iterator[Path | Problem | Skipped | str]:
    """The files to read, in order, a Problem for each path that cannot be walked,
    a Skipped for each file of a folder left out, and each URL (a str) as given.

    A file named directly is read whatever its suffix; in folders only report
    suffixes count. Each real file is given once. A symlink inside a folder
    that leads out of the folder's tree (``z.txt -> ~/secret``) is named as a
    Problem and not followed, unless ``follow_links``: a folder shared for a
    report must not pull in a file from elsewhere.

    >>> from newsdiff.core.reading.seeds import seeds_dir
    >>> [p.name[:3] for p in report_files([seeds_dir()])]
    ['000', '001', '002', '003', '004']
    """
    seen_files: set[str] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        if isinstance(given, str) and is_url(given):
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            root = None if follow_links else os.path.realpath(path)
            found: Iterable[Path | Problem | Skipped] = _walk(path, seen_dirs, root)
        elif path.exists() or path.is_symlink():
            found = (path,)
        else:
            found = (Problem(str(path), "no such file or folder"),)
        for item in found:
            if isinstance(item, Path):
                real = os.path.realpath(item)
                if real in seen_files:
                    continue
                seen_files.add(real)
            yield item


_OUTSIDE = "symbolic link out of the folder; not followed (--follow-links reads it)"
_LOOP = "symbolic link to a folder already read; not followed again"


def _walk(
    folder: Path, seen: set[tuple[int, int]], root: str | None
) -> Iterator[Path | Problem | Skipped]:
    # An explicit stack, not recursion: a folder nested past Python's recursion
    # limit (1,000) is legal on disk and must not cost the user the whole read.
    stack: list[Iterator[tuple[Path, bool]]] = []
    found = _entries(folder, seen)
    while True:
        if isinstance(found, Problem):
            yield found
        elif found is not None:
            stack.append(found)
        if not stack:
            return
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            found = None
            continue
        path, is_dir = item
        if path.name.startswith("."):  # .git, editor swap files: counted, never walked
            yield Skipped(str(path), "hidden folder" if is_dir else "hidden file")
            continue
        if root is not None and path.is_symlink() and not _inside(path, root):
            yield Problem(str(path), _OUTSIDE)
            continue
        found = _entries(path, seen) if is_dir else None
        if is_dir:
            if found is None and path.is_symlink():  # a loop ("loop -> ..") would vanish unsaid
                yield Skipped(str(path), _LOOP)
            continue
        if path.name.lower().endswith(SUFFIXES):
            yield path  # read_article refuses what is not a regular file, naming it
        elif path.name.lower().endswith(".json") and written_by_newsdiff(path):
            # "report F -o F/r.json" left it there: said to be ours, as a .md one is
            yield Problem(str(path), OWN_REPORT, kind="own_report")
        else:
            yield Skipped(str(path), f"not a report file ({path.suffix.lower() or 'no suffix'})")


def _entries(
    folder: Path, seen: set[tuple[int, int]]
) -> Iterator[tuple[Path, bool]] | Problem | None:
    """A folder's visible entries in name order (with "is a folder"); None if walked before."""
    try:
        # device and inode name a folder however it is reached, in one call
        # (realpath costs a call per path component: quadratic in the depth)
        info = os.stat(folder)
        if (info.st_dev, info.st_ino) in seen:  # a symlink loop, or a folder given twice
            return None
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        return Problem(str(folder), f"cannot open folder: {_reason(error)}")
    return iter([(folder / e.name, _is_dir(e)) for e in entries])


def _inside(path: Path, root: str) -> bool:
    target = os.path.realpath(path)
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _read_bytes(path: Path) -> bytes:
    # a FIFO, socket or device is never opened: opening a FIFO blocks until a writer
    # comes, opening a device can act on it (a tape rewinds, a terminal is taken)
    try:
        kind = _not_regular(os.stat(path).st_mode)
    except OSError as error:
        raise ReadError(path, _reason(error)) from None
    if kind is not None:
        raise ReadError(path, kind)
    # opened without blocking and checked again on the descriptor, not the name: a
    # file swapped for a FIFO between the stat and the open must not hang the read
    try:
        descriptor = os.open(path, _NO_WAIT)
    except OSError as error:
        raise ReadError(path, _reason(error)) from None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            info = os.fstat(descriptor)
            kind = _not_regular(info.st_mode)
            if kind is not None:
                raise ReadError(path, kind)
            size, limit = info.st_size, _max_mb()
            if size > limit * 1024 * 1024:
                size_mb = -(-size // (1024 * 1024))
                raise ReadError(
                    path,
                    f"too large for a report ({size_mb} MB, the limit is {limit} MB; "
                    f"set {MAX_MB_VARIABLE}={size_mb} to read it)",
                )
            return handle.read(limit * 1024 * 1024 + 1)
        except OSError as error:
            raise ReadError(path, _reason(error)) from None


def written_by_newsdiff(path: str | os.PathLike[str]) -> bool:
    """Whether the file at ``path`` opens as a Markdown, HTML or JSON report of newsdiff's.

    Only a regular file is opened (never a FIFO or a device), and only its head is read.

    >>> written_by_newsdiff("/dev/null")
    False
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        # without blocking: a regular file swapped for a FIFO since the stat must not hang
        descriptor = os.open(path, _NO_WAIT)
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return False
            head = handle.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return False
    return is_own_report(head)


def _not_regular(mode: int) -> str | None:
    """Why a file of ``mode`` is not read, or None for a regular file.

    >>> _not_regular(stat.S_IFIFO), _not_regular(stat.S_IFREG) is None
    ('not a regular file (a named pipe)', True)
    """
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder"
    what = special_kind(mode)
    return f"not a regular file ({what})" if what else "not a regular file"


def special_kind(mode: int) -> str | None:
    """What a file of ``mode`` is when it is a named pipe, a socket or a device.

    >>> special_kind(stat.S_IFSOCK), special_kind(stat.S_IFREG)
    ('a socket', None)
    """
    return (
        "a named pipe" if stat.S_ISFIFO(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else None
    )  # fmt: skip


def _max_mb() -> int:
    try:
        return max(1, int(os.environ.get(MAX_MB_VARIABLE, _MAX_MB)))
    except ValueError:
        return _MAX_MB


def _reason(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or type(error).__name__).lower()


def _unique_id(stem: str, taken: set[str]) -> str:
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}"
    taken.add(candidate)
    return candidate
