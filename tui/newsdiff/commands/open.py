"""``newsdiff [PATH...]``: open the reader on some reports (the seeds when none).

Only cheap checks run before the app starts, so a typo fails in a line and
the list still paints at once; reading and aligning happen inside the app.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdiff.commands.common import add_lexical_argument, add_paths_argument, printable
from newsdiff.commands.exit_codes import EXIT_OK, EXIT_USAGE

if TYPE_CHECKING:
    from textual.app import App

    from newsdiff.app import NewsdiffApp

EXIT_INTERNAL_ERROR = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    add_lexical_argument(parser)


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
    code = run_reader(app_for(args))
    leave_now_if_busy(code)
    return code


def leave_now_if_busy(code: int) -> None:
    """End the process at once when a worker still computes what nobody will see.

    A pass the reader was quit during (the semantic one takes seconds on a big
    folder) runs in Python's thread pool, which the interpreter joins at exit:
    on 60 reports with the cache off, q gave the shell back only 2.7 s later,
    on a blank screen. The terminal is restored by then, and what the pass
    writes is written whole or not at all (SQLite transactions, files renamed
    into place), so it is let go.
    """
    import threading

    if threading.active_count() <= 1:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def app_for(args: argparse.Namespace) -> NewsdiffApp:
    """The reader on the PATHs, reading as the options say (``--follow-links``, and
    ``--refresh`` and ``--timeout`` for URLs, as every reading command takes them)."""
    from newsdiff.app import make_app
    from newsdiff.app.engine import reading_engine

    return make_app(
        args.paths,
        engine=reading_engine(
            follow_links=args.follow_links, refresh=args.refresh, timeout=args.timeout
        ),
        lexical=True if args.lexical else None,
    )


def run_reader(app: App[Any]) -> int:
    """Run ``app`` to its end; an error that escapes it ends in one line, not a traceback.

    Textual restores the terminal, then prints its traceback to
    ``app.error_console``: that console writes to a buffer here, and only the
    traceback's last line (the error) reaches stderr.
    """
    from rich.console import Console

    errors = io.StringIO()
    app.error_console = Console(file=errors, markup=False, highlight=False, width=400)
    # SIGTERM (a closed terminal tab, `kill`) ends the app the normal way, so Textual
    # restores the terminal: main screen back, mouse tracking off, cursor shown
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: app.exit(return_code=143))
    # a loop of our own: asyncio.run would wait on the way out for a worker still
    # pairing (leave_now_if_busy says why not)
    loop = asyncio.new_event_loop()
    try:
        app.run(loop=loop)
    except Exception as error:  # raised by run itself (the driver), not by a handler
        errors.write(f"{type(error).__name__}: {error}\n")
    finally:
        signal.signal(signal.SIGTERM, previous)
        loop.close()  # lets go of the thread pool without waiting for it
    if errors.getvalue().strip():
        print(f"newsdiff: internal error: {error_line(errors.getvalue())}", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
    return app.return_code or EXIT_OK


def error_line(traceback: str) -> str:
    """The error a printed traceback ends with, on one line and safe to print.

    >>> error_line("Traceback ...\\n╰──╯\\nKeyError: 0\\n\\n")
    'KeyError: 0'
    >>> error_line("ValueError: a\\n  long one\\x1b[2J")
    'ValueError: a long one\\\\x1b[2J'
    """
    lines = traceback.rstrip().splitlines()
    boxed = [i for i, line in enumerate(lines) if line.lstrip().startswith("╰")]
    tail = lines[boxed[-1] + 1 :] if boxed else lines
    return printable(" ".join(" ".join(line.split()) for line in tail))[:300]
