"""What the reader runs in its worker: reading the files and pairing the passages.

``make_app(paths, engine=...)`` takes one of these, so a test hands the app a
small corpus and alignment of its own instead of patching the core. The
default engine imports the core only when called, inside the worker, after
the first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdiff.core.model import Alignment, Article, Corpus


def read_files(paths: Sequence[str]) -> Corpus:
    """The core's reader (files and folders, through the cache)."""
    from newsdiff.core.reading.loader import read_articles

    return read_articles(paths)


def count_files(paths: Sequence[str]) -> int:
    """How many report files the paths name (a folder counts its reports)."""
    from newsdiff.core.model import Problem
    from newsdiff.core.reading.loader import report_files

    return sum(1 for item in report_files(paths) if not isinstance(item, Problem))


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
