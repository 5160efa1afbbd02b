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
