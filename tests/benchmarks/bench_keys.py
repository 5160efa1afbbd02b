"""Key-to-render latency on the comparison screen of two 2,000-sentence reports.

Two synthetic reports are built from gnad articles (10kGNAD, in
../shared/corpora): the first is the articles as they are, the second the same
paragraphs locally reordered, with sentences dropped, figures changed, words
swapped and foreign sentences slipped in, so the pair has thousands of
pairs, reworded rows, fact differences and one-sided rows. Both are aligned
with the real aligner, then the comparison screen is opened headless and each
key is pressed until the screen has refreshed (Pilot.press + pause), timing
`n`, `d`, `j`, `/` search (enter on a typed query), `f` (next match) and
`p` (partner jump from a ↔ row) beside an unbound key in the same run. Ratios, not absolute
times, are the result.

    python tests/benchmarks/bench_keys.py [--sentences 2000] [--presses 60]
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App

from newsdiff.app.routing import ScreenRouter
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.widgets.comparison_view import ComparisonView
from newsdiff.core.language.segment import split_sentences
from newsdiff.core.matching.align import align
from newsdiff.core.reading.loader import read_article

# ../shared/corpora beside the checkout, or /work/shared/corpora from a worktree
GNAD = next(
    (
        folder / "shared" / "corpora" / "gnad-1028.csv"
        for folder in Path(__file__).resolve().parents[2].parents
        if (folder / "shared" / "corpora" / "gnad-1028.csv").exists()
    ),
    Path("../shared/corpora/gnad-1028.csv"),
)


def gnad_texts() -> list[str]:
    with GNAD.open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def build_pair(target: int, seed: int = 5) -> tuple[str, str]:
    """Report A: gnad articles as paragraphs; report B: A retold with changes."""
    rng = random.Random(seed)
    texts = gnad_texts()
    paragraphs: list[list[str]] = []
    count = 0
    for text in texts:
        sentences = sentences_of(text)
        paragraphs.append(sentences)
        count += len(sentences)
        if count >= target:
            break
    foreign = [s for text in texts[-200:] for s in sentences_of(text)]
    retold: list[list[str]] = []
    for sentences in paragraphs:
        out = []
        for sentence in sentences:
            roll = rng.random()
            if roll < 0.1:
                continue  # dropped
            if roll < 0.25 and re.search(r"\d", sentence):
                sentence = re.sub(r"\d+", lambda m: str(int(m.group()) + 7), sentence, count=1)
            elif roll < 0.45:
                words = sentence.split()
                if len(words) > 4:
                    words[rng.randrange(1, len(words) - 1)] = rng.choice(
                        ["angeblich", "offenbar", "demnach", "laut Medien"]
                    )
                    sentence = " ".join(words)
            out.append(sentence)
            if rng.random() < 0.08:
                out.append(rng.choice(foreign))
        retold.append(out)
    for i in range(0, len(retold) - 1, 3):  # local reordering, as news retellings do
        retold[i], retold[i + 1] = retold[i + 1], retold[i]
    title_a, title_b = "Synthetischer Bericht A", "Synthetischer Bericht B"
    a = title_a + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs)
    b = title_b + "\n\n" + "\n\n".join(" ".join(p) for p in retold if p)
    return a, b


class BenchApp(ScreenRouter, App[None]):
    def __init__(self, alignment, left: str, right: str) -> None:
        super().__init__()
        self.alignment = alignment
        self.ids = (left, right)

    def on_mount(self) -> None:
        self.push_screen(CompareScreen(self.alignment, *self.ids))


async def measure(alignment, left: str, right: str, presses: int) -> dict[str, list[float]]:
    painted = {"lines": 0}
    original = ComparisonView.render_line

    def counting(self, y):  # type: ignore[no-untyped-def]
        painted["lines"] += 1
        return original(self, y)

    ComparisonView.render_line = counting  # type: ignore[method-assign]
    relayout = ComparisonView._relayout

    def timed_relayout(self):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        relayout(self)
        if self._layout_width > 0 and not layouts:
            layouts.append(time.perf_counter() - start)

    layouts: list[float] = []
    ComparisonView._relayout = timed_relayout  # type: ignore[method-assign]
    times: dict[str, list[float]] = {
        "n": [],
        "d": [],
        "j": [],
        "z (unbound)": [],
        "/ search": [],
        "f next found": [],
        "p partner": [],
    }
    cpu: dict[str, list[float]] = {label: [] for label in times}
    app = BenchApp(alignment, left, right)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        print(f"first layout of all rows (wrap to 200 columns): {layouts[0] * 1000:.1f} ms")
        for _ in range(presses):
            for key, label in (("n", "n"), ("z", "z (unbound)"), ("d", "d"), ("j", "j")):
                before = painted["lines"]
                start, start_cpu = time.perf_counter(), time.process_time()
                await pilot.press(key)
                await pilot.pause()
                times[label].append(time.perf_counter() - start)
                cpu[label].append(time.process_time() - start_cpu)
                if key in "ndj" and painted["lines"] == before:
                    times.setdefault("(no repaint)", []).append(0.0)
            await timed_extras(app, pilot, times, cpu)
            # keep room below for the next presses
            if app.screen.cursor_row > len(app.screen.rows) - 50:
                app.screen.view.move_to(0)
                await pilot.pause()
    ComparisonView.render_line = original  # type: ignore[method-assign]
    ComparisonView._relayout = relayout  # type: ignore[method-assign]
    return times, cpu


QUERY = "Soldaten"  # folded search over both reports; the gnad reports name it often


async def _time(pilot, times, cpu, label: str, key: str) -> None:  # type: ignore[no-untyped-def]
    start, start_cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    await pilot.pause()
    times[label].append(time.perf_counter() - start)
    cpu[label].append(time.process_time() - start_cpu)


async def timed_extras(app, pilot, times, cpu) -> None:  # type: ignore[no-untyped-def]
    """`/` search (enter after typing the query), `f` to the next match, `p` to a partner."""
    screen = app.screen
    await pilot.press("slash")
    await pilot.pause()
    await pilot.press(*QUERY)
    await _time(pilot, times, cpu, "/ search", "enter")
    await _time(pilot, times, cpu, "f next found", "f")
    linked = [i for i, row in enumerate(screen.rows) if row.left_links]
    if linked:
        row = random.Random(len(times["p partner"])).choice(linked)
        screen.view.focused_side = "left"
        screen.view.move_to(row)
        await pilot.pause()
        await _time(pilot, times, cpu, "p partner", "p")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=2000)
    parser.add_argument("--presses", type=int, default=60)
    args = parser.parse_args()
    if not GNAD.exists():
        print(f"skipped: {GNAD} is missing", file=sys.stderr)
        return 0
    a_text, b_text = build_pair(args.sentences)
    with tempfile.TemporaryDirectory() as folder:
        pa, pb = Path(folder, "a.txt"), Path(folder, "b.txt")
        pa.write_text(a_text, encoding="utf-8")
        pb.write_text(b_text, encoding="utf-8")
        a, b = read_article(pa, cache=False), read_article(pb, cache=False)
    start = time.perf_counter()
    alignment = align([a, b])
    aligned = time.perf_counter() - start
    start = time.perf_counter()
    from newsdiff.core.views.rows import side_by_side

    rows = side_by_side(alignment, a.id, b.id)
    planned = time.perf_counter() - start
    differ = sum(1 for r in rows if r.differs)
    print(
        f"reports: {len(a.sentences)} and {len(b.sentences)} passages; "
        f"{len(alignment.pairs)} pairs, {differ} rows with differing facts, {len(rows)} rows"
    )
    print(f"align: {aligned:.2f} s; row plan: {planned * 1000:.1f} ms")
    times, cpu = asyncio.run(measure(alignment, a.id, b.id, args.presses))
    if "(no repaint)" in times:
        print(f"WARNING: {len(times.pop('(no repaint)'))} presses did not repaint the view")
    base = statistics.median(times["z (unbound)"])
    base_cpu = statistics.median(cpu["z (unbound)"])
    print("press + wait until the screen has refreshed (headless, 200x50):")
    for label, values in times.items():
        median = statistics.median(values)
        median_cpu = statistics.median(cpu[label])
        print(
            f"  key {label:<12} wall median {median * 1000:6.1f} ms "
            f"(p90 {sorted(values)[int(len(values) * 0.9)] * 1000:6.1f}), "
            f"ratio {median / base:4.2f} | cpu median {median_cpu * 1000:5.1f} ms, "
            f"ratio {median_cpu / base_cpu:4.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
