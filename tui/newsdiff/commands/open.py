"""``newsdiff [PATH...]``: open the reader on some reports (the seeds when none).

Only cheap checks run before the app starts, so a typo fails in a line and
the list still paints at once; reading and aligning happen inside the app.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from newsdiff.commands.common import add_paths_argument, printable
from newsdiff.commands.exit_codes import EXIT_OK, EXIT_USAGE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser, links=False)


def missing_path(paths: list[str]) -> str | None:
    """The first path that does not exist, if any.

    >>> missing_path(["/"]), missing_path(["/no/such/report.txt"])
    (None, '/no/such/report.txt')
    """
    from newsdiff.core.reading.fetch import is_url

    return next((path for path in paths if not is_url(path) and not Path(path).exists()), None)


def run(args: argparse.Namespace) -> int:
    missing = missing_path(args.paths)
    if missing is not None:
        print(f"newsdiff: no such file or folder: {printable(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(
            "newsdiff: the reader needs a terminal; for plain output try `newsdiff list`",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from newsdiff.app import make_app

    app = make_app(args.paths)
    # SIGTERM (a closed terminal tab, `kill`) ends the app the normal way, so Textual
    # restores the terminal: main screen back, mouse tracking off, cursor shown
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: app.exit(return_code=143))
    try:
        app.run()
    finally:
        signal.signal(signal.SIGTERM, previous)
    return app.return_code or EXIT_OK
