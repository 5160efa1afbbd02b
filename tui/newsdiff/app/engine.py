"""What the reader runs in its worker: reading the files and pairing the passages.

``make_app(paths, engine=...)`` takes one of these, so a test hands the app a
small corpus and alignment of its own instead of patching the core. The
default engine imports the core only when called, inside the worker, after
the first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdiff.core.model import Alignment, Article, Corpus


def read_files(paths: Sequence[str], *, follow_links: bool = False) -> Corpus:
    """The core's reader (files and folders, through the cache); symlinks out of a
    folder are followed only with ``follow_links``."""
    from newsdiff.core.reading.loader import read_articles

    return read_articles(paths, follow_links=follow_links)


def count_files(paths: Sequence[str], *, follow_links: bool = False) -> int:
    """How many report files the paths name (a folder counts its reports)."""
    from newsdiff.core.model import Problem
    from newsdiff.core.reading.loader import report_files

    items = report_files(paths, follow_links=follow_links)
    return sum(1 for item in items if not isinstance(item, Problem))


def align_articles(articles: Sequence[Article]) -> Alignment:
    """The core's aligner with its default options (the semantic signal on).

    One pass: on the seeds the signal adds about 1 s of model load and 0.2 s
    for 143 passages on a quiet machine, too little to paint lexical pairs
    first and re-lay the list.
    """
    from newsdiff.core.matching.align import align

    return align(articles)


def align_lexical(articles: Sequence[Article]) -> Alignment:
    """The core's aligner by shared words alone (``--lexical``, ``lexical = true``)."""
    from newsdiff.core.matching.align import AlignOptions, align

    return align(articles, options=AlignOptions(semantic=False))


@dataclass(frozen=True, slots=True)
class Engine:
    """The three calls the loading worker makes, in this order.

    >>> Engine().read is read_files
    True
    """

    count: Callable[[Sequence[str]], int] = count_files
    read: Callable[[Sequence[str]], Corpus] = read_files
    align: Callable[[Sequence[Article]], Alignment] = align_articles


def reading_engine(*, follow_links: bool = False) -> Engine:
    """The default engine, reading as the command line's options say.

    >>> reading_engine().read is read_files, reading_engine(follow_links=True).read.keywords
    (True, {'follow_links': True})
    """
    if not follow_links:
        return Engine()
    return Engine(
        count=partial(count_files, follow_links=True), read=partial(read_files, follow_links=True)
    )
