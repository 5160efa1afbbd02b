"""``newsdiff report``: write the comparison as Markdown, HTML or JSON to share.

Without ``-o`` the report goes to standard output. The output file is written
whole or not at all (a temporary file renamed into place), and never onto one
of the reports being compared: losing a source to a typo in ``-o`` is the one
mistake this command must not allow.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from newsdiff.commands.common import add_paths_argument, load_corpus, printable, reading_options
from newsdiff.commands.exit_codes import EXIT_CANNOT_WRITE, EXIT_OK, EXIT_USAGE
from newsdiff.core.export.report import FORMATS, render_report, write_text_atomically


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="markdown",
        help="report format (default: markdown)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE instead of stdout ('-' for stdout)",
    )


def _is_input(output: Path, inputs: list[Path]) -> bool:
    """True when ``output`` is one of the input files (by identity, so links count)."""
    if not output.exists():
        return False
    for path in inputs:
        try:
            if path.is_file() and os.path.samefile(path, output):
                return True
        except OSError:
            continue
    return False


def run(args: argparse.Namespace) -> int:
    from newsdiff.core.matching.by_story import align_stories

    corpus = load_corpus(list(args.paths), reading_options(args))
    if isinstance(corpus, int):
        return corpus
    inputs = [Path(path) for path in args.paths] + [Path(a.path) for a in corpus.articles]
    if args.output and _is_input(Path(args.output), inputs):
        print(
            f"newsdiff: {printable(args.output)}: is one of the reports being compared; "
            "not overwriting it",
            file=sys.stderr,
        )
        return EXIT_USAGE
    report = render_report(align_stories(corpus.articles), format=args.format)
    if not args.output or args.output == "-":
        sys.stdout.write(report)
        return EXIT_OK
    try:
        write_text_atomically(args.output, report)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        print(
            f"newsdiff: {printable(args.output)}: cannot write the report: {reason}",
            file=sys.stderr,
        )
        return EXIT_CANNOT_WRITE
    print(f"newsdiff: wrote the {args.format} report to {printable(args.output)}", file=sys.stderr)
    return EXIT_OK
