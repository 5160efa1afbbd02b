"""Ctrl+C at any moment of the command line ends it quietly with 130 (issue 14, part 4).

Sent in the first milliseconds, while the imports run, it used to print a
KeyboardInterrupt traceback. The child processes below stand for the
``newsdiff`` script: ``sys.argv[0]`` is what the console script sets.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from newsdiff.cli import main

_INTERRUPTED_WHILE_IMPORTING = """
import os, signal, sys, time
sys.argv[0] = "newsdiff"  # as the console script runs
import newsdiff
os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C while newsdiff.cli is still to be imported
time.sleep(2)
from newsdiff.cli import main
sys.exit(main(["--version"]))
"""


def _child(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_while_importing_ends_quietly_with_130() -> None:
    done = _child(_INTERRUPTED_WHILE_IMPORTING)
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr
    assert done.returncode == 130
    assert done.stdout == ""  # it stopped there: --version never ran


def test_importing_newsdiff_in_a_program_leaves_its_ctrl_c_alone() -> None:
    done = _child(
        "import signal, newsdiff, newsdiff.cli\n"
        "assert signal.getsignal(signal.SIGINT) is signal.default_int_handler\n"
    )
    assert done.returncode == 0, done.stderr


def test_the_command_line_catches_ctrl_c_itself_once_it_runs(monkeypatch) -> None:
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # keep pytest's own handler

    def interrupted(parser_name: str):
        raise KeyboardInterrupt

    monkeypatch.setattr("newsdiff.cli.build_parser", interrupted)
    assert main(["list", "seeds"]) == 130
