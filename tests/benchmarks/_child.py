"""What the benchmarks that time fresh processes share: a child run, a timed seam, peak memory.

Each such benchmark runs its measured part in a fresh ``python <script> ...``
process with a cache folder of its own (and, to compare revisions, another
source tree on ``PYTHONPATH``), which prints its figures as one JSON line.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any


def peak_mb() -> float:
    """The process's maximum resident memory so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(owner: Any, name: str, clock: dict[str, float], phase: str | None = None) -> None:
    """Replace ``owner.name`` by a wrapper that adds its run time to ``clock[phase or name]``."""
    inner: Callable[..., Any] = getattr(owner, name)
    key = phase or name

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return inner(*args, **kwargs)
        finally:
            clock[key] = clock.get(key, 0.0) + time.perf_counter() - start

    setattr(owner, name, wrapper)


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
