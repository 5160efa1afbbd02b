"""SIGTERM to the reader restores the terminal (issue 14, part 4)."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time

import pytest


def _read_until(fd: int, seconds: float, stop: bytes | None = None) -> bytes:
    data = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            if stop and stop in data:
                break
    return data


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_sigterm_leaves_the_alternate_screen_and_shows_the_cursor(tmp_path):
    pid, fd = pty.fork()
    if pid == 0:  # the child: the reader on the seeds, in a pseudo-terminal
        os.environ["XDG_CACHE_HOME"] = str(tmp_path)
        os.environ["XDG_CONFIG_HOME"] = str(tmp_path)
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "newsdiff"])
    try:
        started = _read_until(fd, 60, stop=b"\x1b[?1049h")
        assert b"\x1b[?1049h" in started  # the app took the alternate screen
        _read_until(fd, 2)
        os.kill(pid, signal.SIGTERM)
        ending = _read_until(fd, 30)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert b"\x1b[?1049l" in ending, ending[-300:]  # main screen back
    assert b"\x1b[?25h" in ending  # cursor shown
    assert b"\x1b[?1000l" in ending  # mouse tracking off
    assert b"Traceback" not in ending
    assert os.WIFEXITED(status)


_FAILING_HANDLER = """
import sys
import newsdiff.app.app as app_module
from newsdiff.cli import main

mount = app_module.NewsdiffApp.on_mount

def fail():
    raise RuntimeError("bad\\x1b[2Jthing\\nsecond line")

def on_mount(self):
    mount(self)
    self.set_timer(0.3, fail)  # a handler that fails

app_module.NewsdiffApp.on_mount = on_mount
sys.exit(main([]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_an_error_escaping_the_app_is_one_line_and_the_terminal_is_restored(tmp_path):
    pid, fd = pty.fork()
    if pid == 0:  # the child: the reader with a failing handler, in a pseudo-terminal
        os.environ["XDG_CACHE_HOME"] = str(tmp_path)
        os.environ["XDG_CONFIG_HOME"] = str(tmp_path)
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-c", _FAILING_HANDLER])
    try:
        output = _read_until(fd, 60, stop=b"internal error")
        output += _read_until(fd, 2)
        _, status = os.waitpid(pid, 0)
    finally:
        os.close(fd)
    assert b"Traceback" not in output, output[-500:]
    ending = output[output.rindex(b"\x1b[?1049l") :]  # after the main screen is back
    assert b"\x1b[?25h" in output  # cursor shown
    assert ending.count(b"newsdiff:") == 1, ending
    one_line = b"newsdiff: internal error: RuntimeError: bad\\x1b[2Jthing second line\r\n"
    assert ending.endswith(one_line), ending  # the error escaped, on one line
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 1


_SLOW_SECOND_PASS = """
import sys, time
from newsdiff.core.matching import by_story
from newsdiff.cli import main

lexical = by_story.align_stories

def align_stories(articles, *, semantic=True, **options):
    if semantic:  # the second pass, by meaning: far longer than a user waits to quit
        time.sleep(60)
    return lexical(articles, semantic=semantic, **options)

by_story.align_stories = align_stories
sys.exit(main([]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_q_during_the_semantic_pass_gives_the_shell_back_at_once(tmp_path):
    pid, fd = pty.fork()
    if pid == 0:  # the child: the reader on the seeds, its second pass never ending
        os.environ["XDG_CACHE_HOME"] = str(tmp_path)
        os.environ["XDG_CONFIG_HOME"] = str(tmp_path)
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-c", _SLOW_SECOND_PASS])
    try:
        started = _read_until(fd, 60, stop=b"paraphrase")  # "Adding paraphrase pairs…"
        assert b"paraphrase" in started, started[-300:]
        os.write(fd, b"q")
        quit_at = time.monotonic()
        ending = _read_until(fd, 30)
        _, status = os.waitpid(pid, 0)
        waited = time.monotonic() - quit_at
    finally:
        os.close(fd)
    assert waited < 10, waited  # not the 60 s the pass still had to go
    assert b"\x1b[?1049l" in ending  # main screen back
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
