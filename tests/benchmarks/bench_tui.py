"""Time to first paint of ``newsdiff`` beside a minimal Textual app, in one run.

    python tests/benchmarks/bench_tui.py [--runs 5]

What "first paint" means here: each app runs in a fresh Python process on a
real pseudo-terminal (120x40, TERM=xterm-256color) with Textual's ordinary
driver, so it pays for interpreter start-up, imports, composing, layout,
rendering and writing the escape codes to the terminal. The clock starts in
this process just before the child is spawned and stops when the first
screen is complete *on the terminal*: this process reads the pty and notes
the moment the child's output (escape codes removed) holds every marker of
that screen. For the baseline, the smallest sensible Textual app (one
``Static`` saying hello), that is "hello". For newsdiff it is the article
list with its header, its column titles and its footer keys ("newsdiff",
"Title", "Quit"): a list without its keys is not yet the first screen
(Textual's ``Footer``, used until the key line replaced it, filled in its keys
a refresh or two after the first frame). (An
earlier version stopped the clock in the child at ``call_after_refresh``;
that moment falls after the frame was queued for the terminal but before
the footer keys reached it.)

The newsdiff child takes the real launch path of ``newsdiff`` with no
argument: ``cli.build_parser("open")`` and ``commands.open.app_for``, so it
pays for the command line's imports and the settings lookup too (an empty
``XDG_CONFIG_HOME``: no user config). Later moments are reported on their
own, not in the ratio, as marks the child takes after a refresh: the rows
painted (five seeds read, with an empty reader cache and with one filled by
an earlier run) and the alignment figures painted.

Bytecode: by default each child runs with the environment's setting. Where
``PYTHONDONTWRITEBYTECODE`` is set (as on the project's machines) newsdiff, an
editable install, is compiled from source in every run while Textual's modules
arrive compiled; ``--compiled`` gives both apps compiled bytecode, as an
installed copy has (pip compiles at install): every child shares one bytecode
cache in a temporary folder (``PYTHONPYCACHEPREFIX``), filled by a first run of
each app that is not counted.

Runs alternate (minimal, newsdiff, newsdiff-warm, minimal, ...) so drift on a
busy machine hits both alike. Two ratios are printed: of the medians, and the
median of each round's own ratio (newsdiff over the minimal run just before
it), which a load spike that hits one round cancels out of.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import re
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
    # what `newsdiff` with no argument runs (cli.main -> commands.open.run)
    from newsdiff.cli import build_parser
    from newsdiff.commands.open import app_for

    app = app_for(build_parser("open").parse_args([]))

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
        # the parent sees the frame on the pty; give the writer a moment before exiting
        app.screen.call_after_refresh(lambda: app.set_timer(0.05, finish))
        return
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

# what must be on the terminal for each app's first screen to count as painted
MARKERS = {
    "minimal": ("hello",),
    "newsdiff": ("newsdiff", "Title", "Quit"),
    "newsdiff-warm": ("newsdiff", "Title", "Quit"),
}
# CSI and OSC sequences, charset selections and other two-byte escapes
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()].|\x1b.")


def run_once(kind: str, cache: str | None = None, bytecode: str | None = None) -> dict[str, float]:
    """Spawn one app on a fresh pty; seconds from spawn to each mark.

    ``cache`` is the reader's cache folder; None gives each run an empty one.
    ``bytecode`` is the folder of compiled modules the child reads and fills;
    None leaves the environment's bytecode setting as it is.
    """
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "marks.json"
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "XDG_CACHE_HOME": cache or scratch,
            "XDG_CONFIG_HOME": scratch,  # no user config: every run reads the same settings
            "COLUMNS": str(COLUMNS),
            "LINES": str(LINES),
        }
        if bytecode is not None:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = bytecode
        painted: list[float] = []
        drained = threading.Thread(
            target=_drain, args=(master, MARKERS[kind], painted), daemon=True
        )
        start = time.time()
        drained.start()
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
    if painted:
        marks["first_paint"] = painted[0]
    wanted = {"minimal": {"first_paint"}, "newsdiff-warm": {"first_paint", "rows"}}
    missing = wanted.get(kind, {"first_paint", "rows", "figures"}) - set(marks)
    if missing:
        raise RuntimeError(f"{kind}: never reached {sorted(missing)} (exit {child.returncode})")
    return {name: at - start for name, at in marks.items()}


def _drain(fd: int, markers: tuple[str, ...], painted: list[float]) -> None:
    """Read the child's terminal; note when every marker has been written to it.

    A terminal nobody reads blocks the writer, so the rest is read and discarded.
    """
    wanted = [marker.encode() for marker in markers]
    seen = b""
    try:
        while chunk := os.read(fd, 65536):
            if painted:
                continue
            seen += chunk
            # a sequence cut by the read is removed once its tail arrives
            text = _ESCAPES.sub(b"", seen)
            if all(marker in text for marker in wanted):
                painted.append(time.time())
    except OSError:  # EIO once the child has gone
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each app (default 5)")
    parser.add_argument(
        "--compiled",
        action="store_true",
        help="both apps from compiled bytecode (a shared cache), as an installed copy",
    )
    options = parser.parse_args()
    results: dict[str, list[dict[str, float]]] = {
        "minimal": [],
        "newsdiff": [],
        "newsdiff-warm": [],
    }
    with tempfile.TemporaryDirectory() as warm_cache, tempfile.TemporaryDirectory() as compiled:
        bytecode = compiled if options.compiled else None
        run_once("newsdiff-warm", warm_cache, bytecode)  # fills the caches
        run_once("minimal", None, bytecode)
        for _ in range(options.runs):
            for kind in ("minimal", "newsdiff", "newsdiff-warm"):
                cache = warm_cache if kind == "newsdiff-warm" else None
                results[kind].append(run_once(kind, cache, bytecode))

    def median(kind: str, mark: str) -> float:
        return statistics.median(r[mark] for r in results[kind])

    def spread(kind: str, mark: str) -> str:
        values = sorted(r[mark] * 1000 for r in results[kind])
        return f"{values[0]:.0f}-{values[-1]:.0f} ms"

    minimal, newsdiff = median("minimal", "first_paint"), median("newsdiff", "first_paint")
    rounds = [
        n["first_paint"] / m["first_paint"]
        for m, n in zip(results["minimal"], results["newsdiff"], strict=True)
    ]
    print(
        f"first paint on a {COLUMNS}x{LINES} pty, median of {options.runs} alternating runs, "
        + ("from compiled bytecode" if options.compiled else "bytecode as the environment has it")
    )
    for label, kind in (
        ("minimal Textual app (Static):", "minimal"),
        ("newsdiff article list:", "newsdiff"),
        ("newsdiff, reader cache warm:", "newsdiff-warm"),
    ):
        print(
            f"  {label:<30} {median(kind, 'first_paint') * 1000:6.0f} ms  "
            f"({spread(kind, 'first_paint')})"
        )
    print(f"  ratio newsdiff / minimal:      {newsdiff / minimal:6.2f}  (of the medians)")
    print(
        f"  ratio, median of rounds:       {statistics.median(rounds):6.2f}  "
        f"({' '.join(f'{r:.2f}' for r in rounds)})"
    )
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
