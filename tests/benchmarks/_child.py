"""What the benchmarks that time fresh processes share: a child run, a timed seam, peak memory.

Each such benchmark runs its measured part in a fresh ``python <script> ...``
process with a cache folder of its own (and, to compare revisions, another
source tree on ``PYTHONPATH``), which prints its figures as one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def peak_mb() -> float:
    """The process's maximum resident memory so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(
    owner: Any,
    name: str,
    clock: dict[str, float],
    phase: str | None = None,
    *,
    now: Callable[[], float] = time.perf_counter,
) -> None:
    """Replace ``owner.name`` by a wrapper that adds its run time to ``clock[phase or name]``.

    ``now`` is the clock: ``time.process_time`` for CPU time, what a
    single-threaded stage costs on a shared machine whatever else runs.
    """
    inner: Callable[..., Any] = getattr(owner, name)
    key = phase or name

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = now()
        try:
            return inner(*args, **kwargs)
        finally:
            clock[key] = clock.get(key, 0.0) + now() - start

    setattr(owner, name, wrapper)


def reading(folder: str, *, now: Callable[[], float] = time.perf_counter) -> None:
    """Print how long reading and segmenting ``folder`` takes without any cache (JSON)."""
    from newsdiff.core.reading.loader import read_articles

    start = now()
    read_articles(sorted(Path(folder).glob("*.txt")), cache=False)
    print(json.dumps({"reading": now() - start}))


def revision_options(description: str) -> argparse.Namespace:
    """The options of a bench that runs ``side_by_side``: revisions, rounds, a child's part."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--base", default="main")
    parser.add_argument("--head", help="a revision instead of the working tree")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--child")
    parser.add_argument("--reading")
    return parser.parse_args()


# run(tree, folder, cache, mode): one fresh process of a revision's tree, "--child" or "--reading"
Run = Callable[[Path, Path, Path, str], dict[str, Any]]


def side_by_side(
    run: Run, *, base: str, head: str | None, rounds: int, prefix: str
) -> tuple[dict[str, list[dict[str, Any]]], float]:
    """Runs of ``base`` and ``head`` (None: the working tree) on the 1,033 gnad + seed files.

    Each side first fills its own cache once (the tries, the articles), then
    the sides alternate for ``rounds``, each round ending with a reading of
    the folder by head's code. The runs of each side, and the median reading.
    """
    import bench_stories_scale
    from diff_outputs import ROOT, checkout

    with tempfile.TemporaryDirectory(prefix=prefix) as raw:
        tmp = Path(raw)
        folder = tmp / "reports"
        bench_stories_scale._write(folder, bench_stories_scale._base_items())
        tree = checkout(head, tmp) if head else ROOT
        trees = {base: checkout(base, tmp), "head": tree}
        caches = {side: tmp / f"cache-{n}" for n, side in enumerate(trees)}
        for side, each in trees.items():
            run(each, folder, caches[side], "--child")
        runs: dict[str, list[dict[str, Any]]] = {side: [] for side in trees}
        order = list(trees)
        read: list[float] = []
        for round_ in range(rounds):
            for side in order if round_ % 2 == 0 else order[::-1]:
                runs[side].append(run(trees[side], folder, caches[side], "--child"))
            read.append(run(tree, folder, caches["head"], "--reading")["reading"])
    return runs, statistics.median(read)


def run_child(
    script: str,
    args: Sequence[str],
    *,
    cache: Path,
    what: str,
    source: str | Path | None = None,
) -> dict[str, Any]:
    """Run ``python script *args`` with its own ``cache``; the JSON of its last line.

    ``source`` (a ``tui`` folder, or several joined by ``os.pathsep``) is put
    on ``PYTHONPATH`` to run another revision's code; a failed run stops the
    benchmark, naming ``what`` ran.
    """
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    if source is not None:
        env["PYTHONPATH"] = str(source)
    env.pop("NEWSDIFF_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, script, *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode:
        raise SystemExit(f"{what} failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))
