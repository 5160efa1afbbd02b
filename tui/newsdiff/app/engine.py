"""What the reader runs in its workers: reading, telling the stories apart, pairing.

``make_app(paths, engine=...)`` takes one of these, so a test hands the app a
small corpus and alignment of its own instead of patching the core. The
default engine imports the core only when called, inside the worker, after
the first paint.

Lexical pairs first, then the semantic ones (tests/benchmarks/bench_app_passes.py,
one run on 2 cores under a load of 12-14): cold, with no stored vector, the
seeds' lexical pairs are ready 10.2 s after reading and one pass with the
semantic signal 39.4 s (the model loads, every passage is embedded); the
semantic pass after the lexical one took 12.7 s more. Warm, the three are
0.43, 0.60 and 0.01 s. So the list and comparisons get the lexical pairs as
soon as they are made, and a second pass (``then``) adds the pairs by meaning.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdiff.core.model import Alignment, Article, Corpus
    from newsdiff.core.stories.detect import Story


def read_files(
    paths: Sequence[str],
    *,
    follow_links: bool = False,
    refresh: bool = False,
    timeout: float | None = None,
) -> Corpus:
    """The core's reader (files and folders, through the cache); symlinks out of a
    folder are followed only with ``follow_links``; URLs fetched again with
    ``refresh``, waiting at most ``timeout`` seconds (None: the fetcher's default)."""
    from newsdiff.core.reading.fetch import FetchOptions
    from newsdiff.core.reading.loader import read_articles

    fetch = FetchOptions(refresh=refresh)
    if timeout is not None:  # as load_corpus: a zero or negative limit would never fetch
        fetch = FetchOptions(timeout=max(0.1, timeout), refresh=refresh)
    return read_articles(paths, follow_links=follow_links, fetch=fetch)


def count_files(paths: Sequence[str], *, follow_links: bool = False) -> int:
    """How many report files the paths name (a folder counts its reports, not the
    files it leaves out); a URL counts as one."""
    from pathlib import Path

    from newsdiff.core.reading.loader import report_files

    items = report_files(paths, follow_links=follow_links)
    return sum(1 for item in items if isinstance(item, Path | str))


def find_stories(articles: Sequence[Article], *, semantic: bool = True) -> tuple[Story, ...]:
    """The core's story detection with the options ``newsdiff align`` uses.

    ``semantic`` (the default) lets reports of two languages join by their
    sentence vectors; False (``--lexical``) is shared words alone.
    """
    from newsdiff.core.matching.by_story import story_defaults
    from newsdiff.core.stories.detect import detect_stories

    return detect_stories(articles, options=story_defaults(semantic, articles))


def align_articles(
    articles: Sequence[Article], stories: Sequence[Story] | None = None
) -> Alignment:
    """The core's aligner story by story: the very call ``newsdiff align`` makes.

    So the app's final pairs are the CLI's pairs on any folder; ``stories``
    are the ones ``find_stories`` found (None: found again).
    """
    from newsdiff.core.matching.by_story import align_stories

    return align_stories(articles, stories=stories)


def find_stories_lexical(articles: Sequence[Article]) -> tuple[Story, ...]:
    """Story detection by shared words alone (``--lexical``, ``lexical = true``)."""
    return find_stories(articles, semantic=False)


def align_lexical(articles: Sequence[Article], stories: Sequence[Story] | None = None) -> Alignment:
    """The aligner story by story by shared words alone (``--lexical``, ``lexical = true``)."""
    from newsdiff.core.matching.by_story import align_stories

    return align_stories(articles, stories=stories, semantic=False)


@dataclass(frozen=True, slots=True)
class Pass:
    """One pairing pass: find the stories, then align the reports within them."""

    stories: Callable[[Sequence[Article]], Sequence[Story]] = find_stories
    align: Callable[[Sequence[Article], Sequence[Story]], Alignment] = align_articles


SEMANTIC = Pass()  # the pairs newsdiff align makes, the semantic signal on


@dataclass(frozen=True, slots=True)
class Engine:
    """The calls the loading workers make, in this order.

    ``align`` gets the reports and the stories ``stories`` found in them; its
    pairs are shown at once. ``then``, when set, is a second pass run after
    them whose pairs replace them (the semantic signal; None with ``--lexical``).

    >>> Engine().read is read_files, Engine().then is SEMANTIC
    (True, True)
    """

    count: Callable[[Sequence[str]], int] = count_files
    read: Callable[[Sequence[str]], Corpus] = read_files
    stories: Callable[[Sequence[Article]], Sequence[Story]] = find_stories_lexical
    align: Callable[[Sequence[Article], Sequence[Story]], Alignment] = align_lexical
    then: Pass | None = SEMANTIC


def reading_engine(
    *, follow_links: bool = False, refresh: bool = False, timeout: float | None = None
) -> Engine:
    """The default engine, reading as the command line's options say: ``--follow-links``,
    and for URLs ``--refresh`` (fetch again, not the kept copy) and ``--timeout``
    (seconds; None: the fetcher's default).

    >>> reading_engine().read is read_files, reading_engine(follow_links=True).count.keywords
    (True, {'follow_links': True})
    >>> reading_engine(refresh=True, timeout=3).read.keywords
    {'follow_links': False, 'refresh': True, 'timeout': 3}
    """
    # the fetch options are built in the worker: their module loads the reader's cache
    if not (follow_links or refresh or timeout is not None):
        return Engine()
    return Engine(
        count=partial(count_files, follow_links=follow_links),
        read=partial(read_files, follow_links=follow_links, refresh=refresh, timeout=timeout),
    )
