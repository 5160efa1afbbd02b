"""Time to first paint of ``newsdiff`` beside a minimal Textual app, in one run.

    python tests/benchmarks/bench_tui.py [--runs 5]

What "first paint" means here: each app runs in a fresh Python process on a
real pseudo-terminal (120x40, TERM=xterm-256color) with Textual's ordinary
driver, so it pays for interpreter start-up, imports, composing, layout,
rendering and writing the escape codes to the terminal. The clock starts in
this process just before the child is spawned; the child writes the wall-clock
time from ``screen.call_after_refresh`` once its first screen has been
refreshed, i.e. after the frame has been written to the terminal. The
baseline is the smallest sensible Textual app: one ``Static`` saying hello.

For newsdiff the first screen is the article list with no rows yet: the app
starts its loading worker after that first refresh, and the timed child runs
exactly what ``newsdiff`` runs (``make_app([])``, the seeds). Later moments
are reported on their own, not in the ratio: the rows painted (five seeds
read, with an empty reader cache and with one filled by an earlier run) and
the alignment figures painted.

Runs alternate (minimal, newsdiff, newsdiff-warm, minimal, ...) so drift on a busy machine
hits both alike; medians are compared.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

COLUMNS, LINES = 120, 40

CHILD = r"""
import json, sys, time
kind, out = sys.argv[1], sys.argv[2]
marks = {}

def write():
    with open(out, "w") as f:
        json.dump(marks, f)

if kind == "minimal":
    from textual.app import App
    from textual.widgets import Static

    class Minimal(App):
        def compose(self):
            yield Static("hello")

    app = Minimal()
else:
    from newsdiff.app import make_app

    app = make_app([], use_settings=False)

def mark(name, then=None):
    def record():
        marks[name] = time.time()
        if then:
            then()
    return record

def finish():
    write()
    app.exit()

async def pilot(p):
    import asyncio
    if kind == "minimal":
        app.screen.call_after_refresh(mark("first_paint", finish))
        return
    app.screen.call_after_refresh(mark("first_paint"))
    while app.corpus is None and app.busy:  # busy clears on failure too
        await asyncio.sleep(0.002)
    if app.corpus is None:
        finish()
        return
    if kind == "newsdiff-warm":
        app.screen.call_after_refresh(mark("rows", finish))
        return
    app.screen.call_after_refresh(mark("rows"))
    while app.alignment is None and app.busy:
        await asyncio.sleep(0.005)
    if app.alignment is None:
        finish()
        return
    app.screen.call_after_refresh(mark("figures", finish))

app.run(auto_pilot=pilot)
"""


def run_once(kind: str, cache: str | None = None) -> dict[str, float]:
    """Spawn one app on a fresh pty; seconds from spawn to each mark.

    ``cache`` is the reader's cache folder; None gives each run an empty one.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "marks.json"
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "XDG_CACHE_HOME": cache or scratch,
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
        }
        drained = threading.Thread(target=_drain, args=(master,), daemon=True)
        drained.start()
        start = time.time()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, kind, str(out)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        try:
            child.wait(timeout=120)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        drained.join(timeout=5)
        os.close(master)
        marks = json.loads(out.read_text()) if out.exists() else {}
    wanted = {"minimal": {"first_paint"}, "newsdiff-warm": {"first_paint", "rows"}}
    missing = wanted.get(kind, {"first_paint", "rows", "figures"}) - set(marks)
    if missing:
        raise RuntimeError(f"{kind}: never reached {sorted(missing)} (exit {child.returncode})")
    return {name: at - start for name, at in marks.items()}


def _drain(fd: int) -> None:
    # a terminal nobody reads blocks the writer; read and discard, like a screen would show
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # EIO once the child has gone
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each app (default 5)")
    options = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {
        "minimal": [],
        "newsdiff": [],
        "newsdiff-warm": [],
    }
    with tempfile.TemporaryDirectory() as warm_cache:
        run_once("newsdiff-warm", warm_cache)  # fills the cache
        for _ in range(options.runs):
            for kind in ("minimal", "newsdiff", "newsdiff-warm"):
                cache = warm_cache if kind == "newsdiff-warm" else None
                results[kind].append(run_once(kind, cache))

    def median(kind: str, mark: str) -> float:
        return statistics.median(r[mark] for r in results[kind])

    def spread(kind: str, mark: str) -> str:
        values = sorted(r[mark] * 1000 for r in results[kind])
        return f"{values[0]:.0f}-{values[-1]:.0f} ms"

    minimal, newsdiff = median("minimal", "first_paint"), median("newsdiff", "first_paint")
    print(f"first paint on a {COLUMNS}x{LINES} pty, median of {options.runs} alternating runs")
    print(
        f"  minimal Textual app (Static):  {minimal * 1000:6.0f} ms  "
        f"({spread('minimal', 'first_paint')})"
    )
    print(
        f"  newsdiff article list:         {newsdiff * 1000:6.0f} ms  "
        f"({spread('newsdiff', 'first_paint')})"
    )
    print(f"  ratio newsdiff / minimal:      {newsdiff / minimal:6.2f}")
    print("later, not in the ratio (newsdiff):")
    for label, kind, mark, note in (
        ("five seed rows painted, cold", "newsdiff", "rows", "empty reader cache"),
        ("five seed rows painted, warm", "newsdiff-warm", "rows", "cache of an earlier run"),
        ("alignment figures painted", "newsdiff", "figures", "empty reader cache"),
    ):
        print(
            f"  {label + ':':<30} {median(kind, mark) * 1000:6.0f} ms  "
            f"({spread(kind, mark)})  {note}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
