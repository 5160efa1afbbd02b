"""What the reader runs in its worker: reading, telling the stories apart, pairing.

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
    from newsdiff.core.stories.detect import Story


def read_files(paths: Sequence[str]) -> Corpus:
    """The core's reader (files and folders, through the cache)."""
    from newsdiff.core.reading.loader import read_articles

    return read_articles(paths)


def count_files(paths: Sequence[str]) -> int:
    """How many report files the paths name (a folder counts its reports)."""
    from newsdiff.core.model import Problem
    from newsdiff.core.reading.loader import report_files

    return sum(1 for item in report_files(paths) if not isinstance(item, Problem))


def find_stories(articles: Sequence[Article]) -> tuple[Story, ...]:
    """The core's story detection with its default options."""
    from newsdiff.core.stories.detect import detect_stories

    return detect_stories(articles)


def align_articles(
    articles: Sequence[Article], stories: Sequence[Story] | None = None
) -> Alignment:
    """The core's aligner story by story: the very call ``newsdiff align`` makes.

    So the app's pairs are the CLI's pairs on any folder; ``stories`` are
    the ones ``find_stories`` found (None: found again).
    """
    from newsdiff.core.matching.by_story import align_stories

    return align_stories(articles, stories=stories)


@dataclass(frozen=True, slots=True)
class Engine:
    """The four calls the loading worker makes, in this order.

    ``align`` gets the reports and the stories ``stories`` found in them.

    >>> Engine().read is read_files
    True
    """

    count: Callable[[Sequence[str]], int] = count_files
    read: Callable[[Sequence[str]], Corpus] = read_files
    stories: Callable[[Sequence[Article]], Sequence[Story]] = find_stories
    align: Callable[[Sequence[Article], Sequence[Story]], Alignment] = align_articles
