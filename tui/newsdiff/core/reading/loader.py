"""Read report files and folders into Articles, through the on-disk cache.

A folder gives its ``.txt`` and ``.md`` files in name order, subfolders
included; a symlink that leads back into a folder already walked is not
followed again. A file that cannot be read (binary, unreadable, empty) is
reported as a Problem and the rest is read: one bad file in a folder of
reports must not cost the user the others.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from newsdiff.core.language.sanitize import shown
from newsdiff.core.model import Article, Corpus, Problem
from newsdiff.core.reading import cache as article_cache
from newsdiff.core.reading.article import build_article
from newsdiff.core.reading.decode import NotText, decode

SUFFIXES = (".txt", ".md", ".markdown")
_MARKDOWN = (".md", ".markdown")
_MAX_MB = 20  # far beyond any news report; keeps a stray dump out
MAX_MB_VARIABLE = "NEWSDIFF_MAX_MB"  # lifts the limit for the one user who needs it
# Saved web pages are refused, not guessed at: a main-text extractor good
# enough for news (trafilatura) brings 17 packages (lxml, babel, dateparser...).
HTML_REFUSED = "HTML is not supported; save the article as text or Markdown"
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)


# A news table has a handful of columns. Measured: a 5,000 x 200 Markdown table
# (2.9 MB) took 74 s and 1.44 GB to list, markdown-it's table rule alone 15 s for
# 1,000 columns; a refusal naming the limit beats a frozen reader.
MAX_COLUMNS = 200


def _widest_table(text: str) -> int:
    """The most cells a pipe-table line holds (edge pipes aside); 0 without a pipe. Linear."""
    if "|" not in text:
        return 0
    return max(line.strip().strip("|").count("|") for line in text.split("\n") if "|" in line) + 1


class ReadError(Exception):
    """A file newsdiff cannot read as a report, with a one-line reason."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


def read_article(path: str | os.PathLike[str], *, cache: bool = True) -> Article:
    """Read one report file (UTF-8/16, cp1252; plain text or markdown).

    Raises ReadError when the file cannot be read as a report.

    >>> from newsdiff.core.reading.seeds import seed_paths
    >>> read_article(seed_paths()[0]).date
    '2025-04-28T03:32'
    """
    return read_article_noting(path, cache=cache)[0]


def read_article_noting(
    path: str | os.PathLike[str], *, cache: bool = True
) -> tuple[Article, tuple[Problem, ...]]:
    """``read_article``, and what had to be mended on the way (a non-fatal Problem each).

    >>> from newsdiff.core.reading.seeds import seed_paths
    >>> read_article_noting(seed_paths()[0])[1]
    ()
    """
    path = Path(path)
    data = _read_bytes(path)
    # the id is newsdiff's name for the article, shown everywhere: a file name's
    # escape sequence or RLO is escaped in it once, here (the path stays exact)
    stem = shown(path.stem)
    markdown = path.suffix.lower() in _MARKDOWN
    try:
        decoded = decode(data)
    except NotText as error:
        raise ReadError(path, str(error)) from None
    text = decoded.text
    notes: tuple[Problem, ...] = ()
    if decoded.mended:
        count = decoded.mended
        notes = (
            Problem(
                str(path),
                f"{count} byte{'s' * (count != 1)} not UTF-8, read as Windows-1252",
                fatal=False,
            ),
        )
    if path.suffix.lower() in _HTML_SUFFIXES or _HTML_START.match(text[:4096]):
        raise ReadError(path, HTML_REFUSED)
    if not text.strip():
        raise ReadError(path, "empty file")
    columns = _widest_table(text)
    if columns > MAX_COLUMNS:
        raise ReadError(
            path,
            f"a table of {columns} columns; newsdiff reads tables of up to {MAX_COLUMNS} "
            "columns (this is a data table, not a report)",
        )
    use_cache = article_cache.enabled(cache)
    key = article_cache.content_key(data, markdown=markdown) if use_cache else ""
    if use_cache:
        # checked against the text just decoded: the cache saves the parsing, never the reading
        cached = article_cache.load(key, text)
        if cached is not None:
            title = stem if cached.title == cached.id else cached.title
            return replace(cached, id=stem, path=str(path), title=title), notes
    article = build_article(text, id=stem, path=str(path), markdown=markdown, marks=decoded.marks)
    if not article.sentences:
        raise ReadError(path, "no readable text")
    if use_cache:
        article_cache.store(key, article)
    return article, notes


def read_articles(
    paths: Iterable[str | os.PathLike[str]], *, cache: bool = True, follow_links: bool = False
) -> Corpus:
    """Read files and folders; unreadable files become Problems, the rest Articles.

    Article ids are the file stems, made unique ("a", "a-2") when two files
    share a stem. A symlink in a folder that leads out of it is not followed
    unless ``follow_links`` (see ``report_files``).

    >>> from newsdiff.core.reading.seeds import seeds_dir
    >>> corpus = read_articles([seeds_dir()])
    >>> len(corpus.articles), corpus.problems
    (5, ())
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    taken: set[str] = set()
    for item in report_files(paths, follow_links=follow_links):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        try:
            article, notes = read_article_noting(item, cache=cache)
        except ReadError as error:
            problems.append(Problem(error.path, error.message))
            continue
        problems += notes
        unique = _unique_id(article.id, taken)
        articles.append(article if unique == article.id else replace(article, id=unique))
    return Corpus(tuple(articles), tuple(problems))


def report_files(
    paths: Iterable[str | os.PathLike[str]], *, follow_links: bool = False
) -> Iterator[Path | Problem]:
    """The files to read, in order, and a Problem for each path that cannot be walked.

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
        path = Path(given)
        if path.is_dir():
            root = None if follow_links else os.path.realpath(path)
            found: Iterable[Path | Problem] = _walk(path, seen_dirs, root)
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


def _walk(folder: Path, seen: set[tuple[int, int]], root: str | None) -> Iterator[Path | Problem]:
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
        if root is not None and path.is_symlink() and not _inside(path, root):
            if is_dir or path.name.lower().endswith(SUFFIXES):
                yield Problem(str(path), _OUTSIDE)
            found = None
            continue
        found = _entries(path, seen) if is_dir else None
        if not is_dir and path.name.lower().endswith(SUFFIXES):
            yield path  # read_article refuses what is not a regular file, naming it


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
    return iter(
        [(folder / e.name, _is_dir(e)) for e in entries if not e.name.startswith(".")]
    )  # .git, editor swap files and the like are skipped


def _inside(path: Path, root: str) -> bool:
    target = os.path.realpath(path)
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _read_bytes(path: Path) -> bytes:
    # opened without blocking and checked on the descriptor, not the name: a file
    # swapped for a FIFO between a stat and an open would otherwise hang the read
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise ReadError(path, _reason(error)) from None
    with os.fdopen(descriptor, "rb") as handle:
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
                raise ReadError(path, "not a regular file")
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
