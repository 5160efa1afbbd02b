"""The exit codes of every newsdiff command, in one place (the README lists them too)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_NOTHING_READABLE = 1  # no path given could be read as a report
EXIT_CANNOT_WRITE = 1  # the report could not be written where -o said
EXIT_USAGE = 2  # a wrong argument: argparse's own code, kept for ours
