"""Time to the reader's first pairs: lexical pairs first, or one pass with the semantic signal.

Run from the project root:

    python tests/benchmarks/bench_app_passes.py

Each figure is the app engine's own calls (``newsdiff.app.engine``), timed in
a fresh process, as the loading worker makes them: read, find the stories,
pair. "lexical" is ``find_stories_lexical`` + ``align_lexical``; "combined"
is ``find_stories`` + ``align_articles`` (the semantic signal on; the model
loads on its first vector). "then combined" is the combined pass run right
after the lexical one in the same process, what a second worker costs.
Cold: an empty cache folder (no stored vectors; reports read from disk);
warm: the same folder again, vectors and reading cache filled. Folders: the
seeds; two ECB+ subtopics of one topic (two English stories); the seeds
beside one ECB+ subtopic (a German and an English story).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mix

FOLDERS = {
    "seeds (5 reports, 1 story)": [mix.SEEDS],
    "ECB+ 1_ecb + 1_plus (2 stories)": [mix.ECB / "texts" / "1_ecb", mix.ECB / "texts" / "1_plus"],
    "seeds + ECB+ 1_ecb (de + en)": [mix.SEEDS, mix.ECB / "texts" / "1_ecb"],
}


def child(folder: str, order: str) -> dict[str, float]:
    """One load as the app's worker makes it, each stage timed."""
    from newsdiff.app import engine

    out: dict[str, float] = {}
    start = time.perf_counter()
    articles = engine.read_files([folder]).articles
    out["read"] = time.perf_counter() - start
    passes = {
        "lexical": (engine.find_stories_lexical, engine.align_lexical),
        "combined": (engine.find_stories, engine.align_articles),
    }
    for name in order.split(","):
        stories, align = passes[name]
        start = time.perf_counter()
        found = stories(articles)
        made = align(articles, found)
        out[name] = time.perf_counter() - start
        out[f"{name}_pairs"] = len(made.pairs)
    out["reports"] = len(articles)
    return out


def _spawn(folder: Path, order: str, cache: str) -> dict[str, float]:
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    env.pop("NEWSDIFF_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(folder), order],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"{folder} {order} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3])))
        return 0
    if not mix.available():
        print(f"skipped: {mix.CORPORA} not found", file=sys.stderr)
        return 0
    print("seconds after the reports are read        lexical  combined  lexical, then combined")
    with tempfile.TemporaryDirectory() as scratch:
        for number, (label, sources) in enumerate(FOLDERS.items()):
            folder = Path(scratch) / f"folder-{number}"
            folder.mkdir()
            for source in sources:
                for path in sorted(source.glob("*.txt")):
                    shutil.copy(path, folder / path.name)
            for state in ("cold", "warm"):
                runs = {}
                for order in ("combined", "lexical,combined"):
                    cache = Path(scratch) / f"cache-{folder.name}-{order}"
                    if state == "cold":
                        shutil.rmtree(cache, ignore_errors=True)
                    runs[order] = _spawn(folder, order, str(cache))
                alone, both = runs["combined"], runs["lexical,combined"]
                print(
                    f"  {label:<32} {state}  {both['lexical']:6.2f}   {alone['combined']:6.2f}"
                    f"    {both['lexical']:.2f} + {both['combined']:.2f}"
                    f"   (read {alone['read']:.2f} s; pairs {both['lexical_pairs']:.0f}"
                    f" -> {both['combined_pairs']:.0f})"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
