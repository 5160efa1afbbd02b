"""What every command that reads reports does first: read them, or say in one line why not.

Commands differ in what they print; they agree on how a bad path or an
unreadable file is reported, so a user learns the messages once.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.commands.exit_codes import EXIT_NOTHING_READABLE, EXIT_USAGE

if TYPE_CHECKING:
    # types only: `newsdiff` with no argument imports this module on its way to the
    # reader's first paint, which needs neither the model nor the sanitiser
    from newsdiff.core.model import Alignment, Corpus
    from newsdiff.core.stories.detect import Story

# Aligning costs ~4-8 ms a passage on this machine (measured on two 1 MB slices of
# GNAD news, 8,733 passages each: 67 s; two 19.9 MB files would take over 20 min).
# A news report has ~25 passages: 10,000 is 400 reports, and a refusal that names
# the limit beats a command that seems to hang.
MAX_PASSAGES = 10_000
MAX_PASSAGES_VARIABLE = "NEWSDIFF_MAX_PASSAGES"

PATHS_HELP = (
    "report files or folders (.txt, .md, .html, .mhtml) or page URLs (https://…); "
    "the bundled seeds when none"
)


def add_paths_argument(parser: argparse.ArgumentParser) -> None:
    """The PATH... argument every reading command takes, with one help text, and the
    options of reading: -v (name every skipped file), --refresh and --timeout for URLs."""
    parser.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="name every file a folder's reading left out"
    )
    parser.add_argument(
        "--refresh", action="store_true", help="fetch URLs again instead of reading the kept copy"
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symlinks in folders that lead out of them (not followed by default)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=15.0,
        metavar="SECONDS",
        help="give up on a URL that has not answered in full after this long (default 15)",
    )


LEXICAL_HELP = (
    "pair by shared words alone, without the sentence embeddings "
    "(faster; no pairs across languages or of claims told in other words)"
)


def add_lexical_argument(parser: argparse.ArgumentParser) -> None:
    """The --lexical flag of every command that aligns, with one help text."""
    parser.add_argument("--lexical", action="store_true", help=LEXICAL_HELP)


@dataclass(frozen=True, slots=True)
class ReadingOptions:
    """How a command reads: name each skipped file, fetch URLs again, the fetch time limit,
    follow symlinks out of a folder."""

    verbose: bool = False
    refresh: bool = False
    timeout: float = 15.0
    follow_links: bool = False


def load_corpus(paths: list[str], options: ReadingOptions | None = None) -> Corpus | int:
    """Read PATHs and URLs (the bundled seeds when none); warnings go to stderr.

    Returns the corpus, or the exit status when the command cannot go on:
    2 when a path does not exist, 1 when nothing in the paths is readable.
    Files a folder holds but newsdiff does not read are summed up in one line
    (each named with ``verbose``).

    >>> len(load_corpus([]).articles)
    5
    """
    from newsdiff.core.reading.fetch import FetchOptions, is_url
    from newsdiff.core.reading.loader import read_articles  # the reader only when a command reads

    if not paths:
        from newsdiff.core.reading.seeds import seed_paths

        paths = [str(path) for path in seed_paths()]
    missing = [path for path in paths if not is_url(path) and not _exists(path)]
    for path in missing:
        print(f"newsdiff: no such file or folder: {printable(path)}", file=sys.stderr)
    if missing:
        return EXIT_USAGE
    options = options or ReadingOptions()
    verbose = options.verbose
    fetch = FetchOptions(timeout=max(0.1, options.timeout), refresh=options.refresh)
    corpus = read_articles(paths, fetch=fetch, follow_links=options.follow_links)
    if _one_input_unreadable(paths, corpus):  # one line: the input and why, not a warning too
        (problem,) = corpus.problems
        print(
            f"newsdiff: cannot read {printable(problem.path)}: {printable(problem.message)}",
            file=sys.stderr,
        )
        return EXIT_NOTHING_READABLE
    for problem in corpus.problems:
        where = printable(problem.path)
        said = "skipped" if problem.fatal else "read part of"
        # a message can quote what a server said: as data, like the path
        print(f"newsdiff: warning: {said} {where}: {printable(problem.message)}", file=sys.stderr)
    if corpus.skipped:
        from newsdiff.core.reading.left_out import left_out_summary

        tail = "" if verbose else " (-v names them)"
        print(f"newsdiff: {left_out_summary(corpus.skipped)}{tail}", file=sys.stderr)
        for item in corpus.skipped if verbose else ():
            print(f"newsdiff:   left out {printable(item.path)}: {item.reason}", file=sys.stderr)
    if not corpus.articles:
        where = " ".join(printable(path) for path in paths)
        print(f"newsdiff: nothing readable in {where}", file=sys.stderr)
        return EXIT_NOTHING_READABLE
    return corpus


def _one_input_unreadable(paths: list[str], corpus: Corpus) -> bool:
    """Whether the one input named is all there is and could not be read at all."""
    if corpus.articles or corpus.skipped or len(paths) != 1 or len(corpus.problems) != 1:
        return False
    problem = corpus.problems[0]
    return problem.fatal and str(problem.path) == str(paths[0])


def align_corpus(
    corpus: Corpus, *, threshold: float | None = None, semantic: bool = True
) -> tuple[tuple[Story, ...], Alignment] | int:
    """The corpus's stories and its alignment story by story, or an exit status.

    The cost of aligning grows with the passages of one story, not of the folder
    (reports alone in their story pair with nothing), so the limit counts the
    largest story: a folder of a thousand unrelated reports is fine, two 20 MB
    copies of one report are refused naming the limit.
    """
    from newsdiff.core.matching.by_story import align_stories, story_defaults
    from newsdiff.core.stories.detect import detect_stories

    # semantic=False (--lexical): shared words alone, no sentence embeddings
    stories = detect_stories(corpus.articles, options=story_defaults(semantic, corpus.articles))
    sizes = {article.id: len(article.sentences) for article in corpus.articles}
    largest = max(
        (sum(sizes[m] for m in story.members) for story in stories if not story.alone), default=0
    )
    limit = _max_passages()
    if largest > limit:
        print(
            f"newsdiff: a story of {largest} passages to align; the limit is {limit} "
            f"(set {MAX_PASSAGES_VARIABLE}={largest} to align them anyway, slowly)",
            file=sys.stderr,
        )
        return EXIT_NOTHING_READABLE
    alignment = align_stories(
        corpus.articles, threshold=threshold, stories=stories, semantic=semantic
    )
    return stories, alignment


def _max_passages() -> int:
    try:
        return max(1, int(os.environ.get(MAX_PASSAGES_VARIABLE, MAX_PASSAGES)))
    except ValueError:
        return MAX_PASSAGES


def problems_json(corpus: Corpus) -> list[dict[str, str | None]]:
    """The files a command could not read (or read only in part), as every ``--json`` gives them.

    >>> from newsdiff.core.model import Corpus, Problem
    >>> problems_json(Corpus((), (Problem("a.txt", "empty file"),)))
    [{'path': 'a.txt', 'message': 'empty file', 'kind': None}]
    """
    # "kind" tells a program what a problem is without parsing its message ("own_report")
    return [{"path": p.path, "message": p.message, "kind": p.kind} for p in corpus.problems]


def print_json(document: object, *, indent: int = 2) -> None:
    """Print ``document`` as JSON in UTF-8 whatever the locale or PYTHONIOENCODING says.

    JSON is for programs: it is always valid UTF-8, never mangled by a terminal's encoding.
    """
    from newsdiff.core.export.json import dumps

    data = (dumps(document, indent=indent) + "\n").encode("utf-8")
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a stream without bytes underneath (a test's StringIO)
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def reading_options(args: argparse.Namespace) -> ReadingOptions:
    """The reading options of ``add_paths_argument`` as ``load_corpus`` takes them."""
    return ReadingOptions(
        verbose=getattr(args, "verbose", False),
        refresh=getattr(args, "refresh", False),
        timeout=getattr(args, "timeout", 15.0),
        follow_links=getattr(args, "follow_links", False),
    )


def printable(text: str) -> str:
    """``text`` safe to print on a terminal: control characters and undecodable bytes escaped.

    A file name can hold an escape sequence; printed raw, it would drive the
    user's terminal. One sanitiser family for all that is shown (language.sanitize).
    Everything printed through it is one field of one line, so a newline or a
    tab in a file name is escaped too: raw, it would split the row.

    >>> printable("a\\x1b[31mb.txt"), printable("ok ä.txt"), printable("a\\nb.txt")
    ('a\\\\x1b[31mb.txt', 'ok ä.txt', 'a\\\\x0ab.txt')
    """
    from newsdiff.core.language.sanitize import shown

    return shown(text).translate(_BREAKS)


_BREAKS = str.maketrans({"\n": "\\x0a", "\t": "\\x09"})


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except (OSError, ValueError):  # a name too long, or with a NUL byte
        return False
