"""Stories and alignment at scale, side by side in one run (issue 10, part 6).

On the 1,028 gnad articles plus the seeds (1,033 report files in a temporary
folder), each phase in a fresh process: reading and segmenting the files
(no cache); stories + alignment cold (empty cache) and warm (the per-story
cache filled); the claim table of the largest story; peak memory. Then the
growth from 1,000 to ``--large`` reports (default 10,000: gnad, ECB+ tune,
the seeds and generated wire copies: a report repeated with small edits, a
figure changed, a sentence dropped, as agency copy spreads).

    python tests/benchmarks/bench_stories_scale.py [--large N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mix


def _write(folder: Path, texts: list[tuple[str, str]]) -> None:
    for name, text in texts:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def _base_texts() -> list[tuple[str, str]]:
    import csv

    out = []
    with mix.GNAD.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            out.append((f"gnad-{number:04d}", row[1]))
    out += [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(mix.SEEDS.glob("*.txt"))]
    return out


def _wire_copy(text: str, rng: random.Random) -> str:
    """The report as another outlet runs the agency copy: a sentence dropped, a figure changed."""
    lines = [line for line in text.split(". ") if line]
    if len(lines) > 3:
        del lines[rng.randrange(1, len(lines))]
    copy = ". ".join(lines)
    digits = [i for i, c in enumerate(copy) if c.isdigit()]
    if digits:
        i = rng.choice(digits)
        copy = copy[:i] + str((int(copy[i]) + 1) % 10) + copy[i + 1 :]
    return copy


def _large_texts(n: int) -> list[tuple[str, str]]:
    rng = random.Random(10)
    texts = _base_texts()
    ecb = [
        (p.stem, p.read_text(encoding="utf-8")) for p in sorted((mix.ECB / "texts").glob("*/*.txt"))
    ]
    texts += ecb
    bases = list(texts)
    k = 0
    while len(texts) < n:
        name, text = bases[k % len(bases)]
        texts.append((f"{name}-wire{k // len(bases)}", _wire_copy(text, rng)))
        k += 1
    return texts[:n]


def child(phase: str, folder: str) -> None:
    from newsdiff.core.reading.loader import read_articles

    paths = sorted(Path(folder).glob("*.txt"))
    start = time.perf_counter()
    corpus = read_articles(paths, cache=phase != "read")
    read = time.perf_counter() - start
    result: dict[str, object] = {"read": read, "reports": len(corpus.articles)}
    if phase != "read":
        from newsdiff.core.matching.by_story import align_stories
        from newsdiff.core.stories.detect import detect_stories

        start = time.perf_counter()
        stories = detect_stories(corpus.articles)
        result["stories"] = time.perf_counter() - start
        alignment = align_stories(corpus.articles, stories=stories)
        result["stories+align"] = time.perf_counter() - start
        result["pairs"] = len(alignment.pairs)
        from newsdiff.core.views.claims import claim_table
        from newsdiff.core.views.subset import restrict

        largest = max(stories, key=lambda s: len(s.members))
        start = time.perf_counter()
        claim_table(restrict(alignment, largest.members))
        result["claims"] = time.perf_counter() - start
        result["largest"] = len(largest.members)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _run(phase: str, folder: Path, cache: Path) -> dict:  # type: ignore[type-arg]
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("NEWSDIFF_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, __file__, "--child", phase, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder, cache = Path(tmp) / "reports", Path(tmp) / "cache"
        folder.mkdir()
        _write(folder, _base_texts())
        read = _run("read", folder, cache)
        cold = _run("cold", folder, cache)
        warm = _run("warm", folder, cache)
        base = read["read"]
        print(f"{read['reports']} reports; reading + segmenting {base:.2f} s (no cache)")
        for name, r in (("cold", cold), ("warm", warm)):
            print(
                f"{name}: stories {r['stories']:.2f} s, stories + alignment "
                f"{r['stories+align']:.2f} s = {r['stories+align'] / base:.2f}x reading "
                f"(read from the article cache {r['read']:.2f} s); {r['pairs']} pairs; claim "
                f"table of the largest story ({r['largest']} reports) {r['claims']:.3f} s; "
                f"peak {r['peak_mb']:.0f} MB"
            )
        rows = []
        for n in (1_000, args.large):
            sized, sized_cache = Path(tmp) / f"r{n}", Path(tmp) / f"c{n}"
            sized.mkdir()
            _write(sized, _large_texts(n))
            r = _run("cold", sized, sized_cache)
            rows.append((n, r))
            print(
                f"{n} reports (gnad, ECB+, seeds, wire copies): stories {r['stories']:.1f} s, "
                f"stories + alignment {r['stories+align']:.1f} s, {r['pairs']} pairs, "
                f"peak {r['peak_mb']:.0f} MB"
            )
        (n1, r1), (n2, r2) = rows
        growth = r2["stories+align"] / r1["stories+align"]
        print(f"growth {n1} -> {n2}: {growth:.1f}x for {n2 / n1:.0f}x the reports")


if __name__ == "__main__":
    main()
