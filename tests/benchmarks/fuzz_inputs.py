"""Random hostile inputs through the core and the CLI: count cases, exceptions and hangs.

    python tests/benchmarks/fuzz_inputs.py --cases 300 --seed 14

Each case is a small folder of files made from hostile pieces (escape
sequences, bidi entities, stray bytes, BOMs, deep lists, odd tables, raw HTML,
odd names, a FIFO); it is read by the core (read_articles + align) in this
process and by one CLI command in a subprocess with a timeout. An exception
out of the core, a traceback or an "internal error" from the CLI, or a control
character in its output counts as a failure; a timeout counts as a hang.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PIECES = [
    "Nordkorea hat 3000 Soldaten geschickt. ",
    "\x1b]52;c;ZWNobyBQV05FRA==\x07",
    "\x1b[2J",
    "&#x202E;000.11&#x202C; Soldaten ",
    "&#x200B;",
    "&shy;",
    "&#65279;",
    "&#xE0041;",
    "\u202e",
    "\n\n",
    "\n",
    "| a | b |\n|-|-|\n| Tote | 600 |\n",
    "[|||||\n-|-|-|-|-\n| “|&#x202E;\n",
    "<div>HTML <b>Text</b></div>\n\n",
    "- a\n  - b\n    - c\n" * 8,
    "# Titel\n",
    "„Zitat“, sagte Kim. ",
    "\x00",
    "\r\n",
    "東京 🚀 e\u0301 ",
    "[x](http://e.vil) ",
    "---\ntitle: T\n---\n",
    "[" * 50,
]
BYTES = [b"\xe9", b"\xff\xfe", b"\xef\xbb\xbf", b"\x89PNG", b"\x80\x81"]
NAMES = ["a.txt", "b.md", "evil\x1b]0;t\x07.txt", "c\u202e.md", "d.markdown", "e.txt"]


def make_case(folder: Path, rng: random.Random) -> None:
    for name in rng.sample(NAMES, rng.randint(1, 4)):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 30)))
        data = text.encode("utf-8")
        if rng.random() < 0.3:
            spot = rng.randrange(len(data) + 1)
            data = data[:spot] + rng.choice(BYTES) + data[spot:]
        (folder / name).write_bytes(data)
    if rng.random() < 0.1:
        os.mkfifo(folder / "pipe.txt")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--timeout", type=float, default=60)
    options = parser.parse_args()
    from newsdiff.core.matching.align import align
    from newsdiff.core.reading.loader import read_articles

    rng = random.Random(options.seed)
    started = time.perf_counter()
    failures: list[str] = []
    hangs = 0
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CACHE_HOME": home, "NO_COLOR": "1"}
        for number in range(options.cases):
            if number and number % 25 == 0:
                print(f"  {number} cases, {len(failures)} failures, {hangs} hangs", flush=True)
            folder = Path(home) / f"case{number}"
            folder.mkdir()
            make_case(folder, rng)
            try:
                corpus = read_articles([folder])
                align(corpus.articles)
            except Exception as error:  # the core must not raise on any file
                failures.append(f"case {number}: core {type(error).__name__}: {error}")
                print(" ", failures[-1], flush=True)
            command = rng.choice([["list"], ["align"], ["facts", "--json"], ["align", "--json"]])
            try:
                result = subprocess.run(
                    [sys.executable, "-m", "newsdiff", *command, str(folder)],
                    capture_output=True, timeout=options.timeout, env=env,
                )  # fmt: skip
            except subprocess.TimeoutExpired:
                hangs += 1
                continue
            out = result.stdout + result.stderr
            if b"Traceback" in out or b"internal error" in out:
                failures.append(f"case {number}: {' '.join(command)}: {out[-300:]!r}")
                print(" ", failures[-1], flush=True)
            elif any(c in out for c in (b"\x1b", b"\x07", "\u202e".encode())):
                failures.append(f"case {number}: {' '.join(command)}: control character in output")
                print(" ", failures[-1], flush=True)
                (Path(home) / f"case{number}.out").write_bytes(out)
    minutes = (time.perf_counter() - started) / 60
    print(
        f"cases {options.cases}, minutes {minutes:.1f}, exceptions {len(failures)}, hangs {hangs}"
    )
    for failure in failures[:20]:
        print(" ", failure)
    return 1 if failures or hangs else 0


if __name__ == "__main__":
    raise SystemExit(main())
