"""Stories and alignment at scale, side by side in one run (issue 10, part 6).

Three folders, each written to a temporary folder as one ``.txt`` per report:

- the 1,028 gnad articles plus the seeds (1,033 reports, no copies);
- ``--large`` reports (default 10,000): gnad, ECB+ tune, the seeds and generated
  wire copies of each (a report repeated with small edits, a sentence dropped,
  a figure changed, as agency copy spreads);
- ``--small`` reports (default 1,000) drawn from that large folder in the same
  mix: from each source (gnad, ECB+, seeds) its share of the large folder,
  taken as whole families (a report and its wire copies; for ECB+ a subtopic
  and the copies of its reports), evenly spaced, so stories are as large as in
  the large folder and the growth small -> large is the growth in reports.

Each is run in fresh processes as the user runs it (``align_stories`` with the
detection options of the CLI and the app, ``story_defaults``): reading and
segmenting without any cache; then cold on a new machine (an empty cache:
the language dictionaries are built too), cold on a new folder (only what a
machine keeps whatever it reads, ``MACHINE_LEVEL``, left in the cache: nothing
of these reports) and warm (the caches filled by the cold run). Per run:
reading, story detection (and the part of it spent on the cross-language
signal), lexical alignment (alignment minus the semantic pass), the semantic
pass (``meaning_links``, model load and embedding included), the total, and
the peak memory after each phase (the process's maximum RSS so far, so a
phase's figure includes the ones before); then two parts of it that no faster
matching takes away: working out each written form's lemmas (``lemmas``, once
per form, in detection and alignment alike) and opening the model (``model``,
inside the semantic pass). "x read" is the total over the reading run at the
start; "x next" over the mean of two readings run just before and just after
that run, as the machine's load then was. For the new folder a line sums the
lemmas and the semantic pass as a share of reading.

    python tests/benchmarks/bench_stories_scale.py [--small N] [--large N] [--only-small]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _child import peak_mb, run_child, timed

import mix

# (name, text, source, family): a family is what the small folder takes or leaves whole
Item = tuple[str, str, str, str]

# Cache folders built once per machine from the installed libraries, whatever is read:
# the dictionary tries and background tables, the model's tokenizer and weights. A "new
# folder" run keeps them and nothing else.
MACHINE_LEVEL = ("dictionaries", "models")


def _write(folder: Path, items: list[Item]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text, _, _ in items:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def _base_items() -> list[Item]:
    import csv

    out = []
    with mix.GNAD.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            out.append((f"gnad-{number:04d}", row[1], "gnad", f"gnad-{number:04d}"))
    for p in sorted(mix.SEEDS.glob("*.txt")):
        out.append((p.stem, p.read_text(encoding="utf-8"), "seeds", p.stem))
    return out


def _ecb_items() -> list[Item]:
    of = {doc: sub for sub, docs in mix.ecb_gold()["subtopics"].items() for doc in docs}
    return [
        (p.stem, p.read_text(encoding="utf-8"), "ecb", of.get(p.stem, p.stem))
        for p in sorted((mix.ECB / "texts").glob("*/*.txt"))
    ]


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


def large_items(n: int) -> list[Item]:
    """gnad, the seeds, ECB+ tune, then wire copies of each in turn up to ``n`` reports."""
    rng = random.Random(10)
    items = _base_items() + _ecb_items()
    bases = list(items)
    k = 0
    while len(items) < n:
        name, text, source, family = bases[k % len(bases)]
        items.append((f"{name}-wire{k // len(bases)}", _wire_copy(text, rng), source, family))
        k += 1
    return items[:n]


def sample(items: list[Item], n: int) -> list[Item]:
    """About ``n`` of ``items`` in their mix: each source's share, as whole evenly spaced families.

    >>> pool = [(f"{s}{f}{c}", "", s, f"{s}{f}") for s in "ab" for f in range(4) for c in range(2)]
    >>> [name for name, *_ in sample(pool, 8)]
    ['a00', 'a01', 'a20', 'a21', 'b00', 'b01', 'b20', 'b21']
    """
    out: list[Item] = []
    for source in sorted({it[2] for it in items}):
        mine = [it for it in items if it[2] == source]
        want = round(n * len(mine) / len(items))
        by_family: dict[str, list[Item]] = {}
        for it in mine:
            by_family.setdefault(it[3], []).append(it)
        families = sorted(by_family)
        # a low-discrepancy order: each next family far from those taken (golden ratio)
        spread = sorted(range(len(families)), key=lambda k: ((k * 0.6180339887) % 1, k))
        taken: list[int] = []
        total = 0
        for k in spread:
            size = len(by_family[families[k]])
            if total + size / 2 > want:
                break
            taken.append(k)
            total += size
        for k in sorted(taken):
            out += by_family[families[k]]
    return out


def child(phase: str, folder: str) -> None:
    from newsdiff.core.reading.loader import read_articles

    paths = sorted(Path(folder).glob("*.txt"))
    start = time.perf_counter()
    corpus = read_articles(paths, cache=phase != "read")
    result: dict[str, object] = {"read": time.perf_counter() - start, "reports": len(paths)}
    result["peak_read"] = peak_mb()
    if phase != "read":
        from newsdiff.core.language import lexicon
        from newsdiff.core.matching import align as align_module
        from newsdiff.core.matching import by_story
        from newsdiff.core.meaning import embedder, vectors
        from newsdiff.core.stories.detect import detect_stories

        clock: dict[str, float] = {}
        timed(align_module, "meaning_links", clock)
        timed(vectors, "across_languages", clock)
        # the two parts no matching can skip: each form's lemmas (once per form, in
        # detection and alignment alike) and opening the model (inside the semantic pass)
        timed(lexicon, "_content", clock, "lemmas")
        timed(embedder, "_load", clock, "model")
        articles = corpus.articles
        start = time.perf_counter()
        options = by_story.story_defaults(True, articles)
        stories = detect_stories(articles, options=options)
        result["stories"] = time.perf_counter() - start
        result["signal"] = clock.get("across_languages", 0.0)
        result["peak_stories"] = peak_mb()
        start = time.perf_counter()
        alignment = by_story.align_stories(articles, stories=stories)
        aligning = time.perf_counter() - start
        result["semantic"] = clock.get("meaning_links", 0.0)
        result["lemmas"] = clock.get("lemmas", 0.0)
        result["model"] = clock.get("model", 0.0)
        result["lexical"] = aligning - result["semantic"]  # type: ignore[operator]
        result["total"] = result["stories"] + aligning  # type: ignore[operator]
        result["peak_align"] = peak_mb()
        result["pairs"] = len(alignment.pairs)
        result["multi"] = sum(1 for s in stories if len(s.members) > 1)
        from newsdiff.core.views.claims import claim_table
        from newsdiff.core.views.subset import restrict

        largest = max(stories, key=lambda s: len(s.members))
        start = time.perf_counter()
        claim_table(restrict(alignment, largest.members))
        result["claims"] = time.perf_counter() - start
        result["largest"] = len(largest.members)
    print(json.dumps(result))


def _run(phase: str, folder: Path, cache: Path) -> dict[str, Any]:
    return run_child(
        __file__, ["--child", phase, str(folder)], cache=cache, what=f"{phase} {folder.name}"
    )


def _keep_only_machine_level(cache: Path) -> None:
    import shutil

    root = cache / "newsdiff"
    for entry in root.iterdir() if root.is_dir() else ():
        if entry.name not in MACHINE_LEVEL:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def _size(label: str, items: list[Item], tmp: Path) -> None:
    folder, cache = tmp / f"reports-{label}", tmp / f"cache-{label}"
    _write(folder, items)
    sources = {s: sum(1 for it in items if it[2] == s) for s in ("gnad", "ecb", "seeds")}
    wire = sum(1 for it in items if "-wire" in it[0])
    read = _run("read", folder, cache)
    base = read["read"]
    print(
        f"\n{label}: {len(items)} reports (gnad {sources['gnad']}, ECB+ {sources['ecb']}, "
        f"seeds {sources['seeds']}; {wire} of them wire copies); reading + segmenting "
        f"{base:.2f} s (no cache), peak {read['peak_read']:.0f} MB",
        flush=True,
    )
    print(
        f"  {'run':5} {'read':>7} {'stories':>8} {'(signal)':>9} {'lexical':>8} {'semantic':>9} "
        f"{'total':>8} {'x read':>7} {'x next':>7} {'pairs':>7} {'claims':>7}"
        f"   peak MB read/stories/align   {'lemmas':>6} {'model':>6}"
    )
    for name in ("cold", "new", "warm"):
        if name == "new":  # a folder never read before, on a machine that has run newsdiff
            _keep_only_machine_level(cache)
        # the same reading just before and after the run: this machine's load changes
        # within a minute (reading alone measured 0.83 to 1.41 s in five runs in a row)
        before = _run("read", folder, tmp / f"cache-read-{label}")["read"]
        r = _run(name, folder, cache)
        after = _run("read", folder, tmp / f"cache-read-{label}")["read"]
        beside = (before + after) / 2
        print(
            f"  {name:5} {r['read']:7.2f} {r['stories']:8.2f} {r['signal']:9.2f} "
            f"{r['lexical']:8.2f} {r['semantic']:9.2f} {r['total']:8.2f} "
            f"{r['total'] / base:7.2f} {r['total'] / beside:7.2f} {r['pairs']:7d} "
            f"{r['claims']:7.3f}   "
            f"{r['peak_read']:.0f}/{r['peak_stories']:.0f}/{r['peak_align']:.0f}"
            f"{'':13} {r['lemmas']:6.2f} {r['model']:6.2f}",
            flush=True,
        )
        if name == "new":
            floor = r["lemmas"] + r["semantic"]
            print(
                f"  new: of its {r['total']:.2f} s, {floor:.2f} s = {floor / base:.2f}x read are "
                f"each form's lemmas ({r['lemmas']:.2f} s) and the semantic pass "
                f"({r['semantic']:.2f} s, the model opened in {r['model']:.2f} s of it)",
                flush=True,
            )
    print(
        f"  {r['multi']} stories of 2+ reports; claim table of the largest ({r['largest']} "
        f"reports) as timed above",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--only-small", action="store_true", help="skip the large folder")
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print("runs: cold = empty cache (new machine); new = new folder (machine-level caches kept);")
    print("      warm = second run of the folder")
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores, shared)")
    with tempfile.TemporaryDirectory() as tmp:
        large = large_items(args.large)
        _size("gnad + seeds", _base_items(), Path(tmp))
        _size(f"sample {args.small}", sample(large, args.small), Path(tmp))
        if not args.only_small:
            _size(f"mix {args.large}", large, Path(tmp))
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
