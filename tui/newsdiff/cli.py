"""The ``newsdiff`` command: open the reader, or run one engine command without it.

``newsdiff [PATH...]`` opens the app; ``newsdiff COMMAND ...`` runs a command
from ``newsdiff.commands``. Command modules load only when chosen, so a plain
``newsdiff`` does not pay for the others.
"""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from collections.abc import Sequence

from newsdiff import __version__
from newsdiff.commands.exit_codes import EXIT_NOTHING_READABLE, EXIT_OK, EXIT_USAGE

# command name -> (module, one-line help); "open" is the default command
COMMANDS: dict[str, tuple[str, str]] = {
    "open": ("newsdiff.commands.open", "open the reader on PATHs (the default)"),
    "list": ("newsdiff.commands.list", "list the articles with their metadata"),
    "stories": ("newsdiff.commands.stories", "which reports tell the same event"),
    "align": ("newsdiff.commands.align", "pair the passages that tell the same claim"),
    "facts": ("newsdiff.commands.facts", "the claim table: each source's figures by date"),
    "report": ("newsdiff.commands.report", "write a shareable comparison report"),
}


def _top_help() -> str:
    lines = [
        "usage: newsdiff [PATH...]",
        "       newsdiff COMMAND [PATH...] [options]",
        "",
        "Compare news reports side by side. With no PATH, opens the bundled seed reports.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<8} {help_}" for name, (_, help_) in COMMANDS.items()]
    lines += [
        "",
        "options:",
        "  -h, --help     show this help (COMMAND --help for a command's options)",
        "  --version      show the version",
    ]
    return "\n".join(lines)


def build_parser(name: str) -> argparse.ArgumentParser:
    """The argument parser of one command, its options defined by its module."""
    module_name, help_ = COMMANDS[name]
    module = importlib.import_module(module_name)
    prog = "newsdiff" if name == "open" else f"newsdiff {name}"
    parser = argparse.ArgumentParser(prog=prog, description=help_)
    module.add_arguments(parser)
    parser.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit code. Ctrl+C at any point ends it with 130, quietly."""
    try:
        # newsdiff/__init__ ended the process quietly on Ctrl+C during the imports; from
        # here on KeyboardInterrupt is caught below
        signal.signal(signal.SIGINT, signal.default_int_handler)
        return _main(argv)
    except KeyboardInterrupt:
        return 130


def _main(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("-h", "--help"):
        print(_top_help())
        return EXIT_OK
    if args and args[0] == "--version":
        print(f"newsdiff {__version__}")
        return EXIT_OK
    name = "open"
    if args and args[0] in COMMANDS:
        name = args.pop(0)
    try:
        parser = build_parser(name)
        options = parser.parse_args(args)
        return int(options.run(options))
    except SystemExit as exit_:  # argparse's own usage errors and --help
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `newsdiff list | head`
        sys.stderr.close()
        return EXIT_OK
    except Exception as error:  # the last guard: a user never sees a traceback
        print(f"newsdiff: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_NOTHING_READABLE
