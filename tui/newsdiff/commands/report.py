"""``newsdiff report``: write the comparison as Markdown, HTML or JSON to share.

Without ``-o`` the report goes to standard output. The output file is written
whole or not at all (a temporary file renamed into place), and only to a new
path, an empty file or a report newsdiff wrote, never to a file read from PATHs
nor to another file found there (but an earlier report): losing a source to a
typo in ``-o`` is the one mistake this command must not allow. Links, pipes and
devices are refused, never replaced; ``-o -`` and ``-o /dev/stdout`` write to
standard output.
"""

from __future__ import annotations

import argparse
import os
import sys

from newsdiff.commands.common import (
    add_lexical_argument,
    add_paths_argument,
    align_corpus,
    load_corpus,
    printable,
    reading_options,
)
from newsdiff.commands.exit_codes import EXIT_CANNOT_WRITE, EXIT_OK, EXIT_USAGE
from newsdiff.core.export.report import (
    FORMATS,
    SUFFIXES,
    render_report,
    unsafe_target,
    write_text_atomically,
)
from newsdiff.core.storage.atomic import Checked


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    add_lexical_argument(parser)
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default=None,
        help="report format (default: from -o FILE's suffix, .html, .json or .md; else markdown)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE instead of stdout ('-' for stdout)",
    )


def _to_stdout(output: str) -> bool:
    """``-`` and any name of standard output itself (``/dev/stdout``, ``/proc/self/fd/1``)."""
    if output == "-":
        return True
    try:
        return os.path.samestat(os.stat(output), os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # no such file, or stdout has no descriptor
        return False


def _cannot_write(output: str, error: OSError) -> int:
    reason = error.strerror or type(error).__name__
    print(f"newsdiff: {printable(output)}: cannot write the report: {reason}", file=sys.stderr)
    return EXIT_CANNOT_WRITE


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(list(args.paths), reading_options(args))
    if isinstance(corpus, int):
        return corpus
    output = args.output if args.output and not _to_stdout(args.output) else None
    # "-o r.html" means HTML: the name the user gave chooses, unless -f says otherwise
    args.format = args.format or SUFFIXES.get(os.path.splitext(output or "")[1].lower(), "markdown")
    if output is not None:
        # every file the walk found counts, the skipped ones too: a page that was
        # refused as HTML is still somebody's file; but a report this command wrote
        # there before (skipped as one, or a .json left out) is replaced, as it would
        # be anywhere else
        found = [
            *args.paths,
            *(p.path for p in corpus.problems),
            *(s.path for s in corpus.skipped),  # left out unread (a .pdf, a hidden file)
        ]
        try:
            # what is there before it is checked: a file put there later is not replaced
            checked = Checked.now(output)
            reason = unsafe_target(output, [a.path for a in corpus.articles], found=found)
        except OSError as error:
            return _cannot_write(output, error)
        if reason is not None:
            print(f"newsdiff: {printable(output)}: {reason}", file=sys.stderr)
            return EXIT_USAGE
    aligned = align_corpus(corpus, semantic=not args.lexical)
    if isinstance(aligned, int):
        return aligned
    from newsdiff.core.views.labels import relabel

    stories = relabel(aligned[0], corpus.articles)  # the labels newsdiff stories prints
    report = render_report(aligned[1], format=args.format, stories=stories)
    if output is None:
        sys.stdout.write(report)
        return EXIT_OK
    try:
        write_text_atomically(output, report, checked=checked)
    except OSError as error:
        return _cannot_write(output, error)
    print(f"newsdiff: wrote the {args.format} report to {printable(output)}", file=sys.stderr)
    return EXIT_OK
