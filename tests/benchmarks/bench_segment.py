"""Compare sentence splitters on the seeds' expected sentences and on speed over gnad-1028.

Run from the project root:

    python tests/benchmarks/bench_segment.py [--limit N]

(a) Accuracy: every run of consecutive sentences of a seed in
``tests/fixtures/seed_sentences.json`` is joined with single spaces into one
block; each candidate splits the block.  Reported: exactly matching sentences
(precision/recall/F1 over sentence spans) and sentence boundaries
(precision/recall/F1 over the offsets where a sentence ends inside a block).

(b) The made-up awkward German and English cases of ``tests/test_segment.py``
(numbers, dates, ordinals, abbreviations, initials, quotes, ellipses, URLs):
how many each candidate splits exactly right.

(c) Speed: every candidate splits the 1,028 articles of
``../shared/corpora/gnad-1028.csv``, in one run, as sentences per second and
as its time relative to newsdiff's own splitter; then newsdiff's sentences
and passages (``split_passages``, what the reader uses) split the same
articles with ``.!?`` removed, as a transcript would come.

Candidates that are not installed are skipped (a fresh machine has only the
project's dependencies: newsdiff's own splitter, simplemma and a naive regex).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from newsdiff.core.language.passages import split_passages
from newsdiff.core.language.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "seed_sentences.json"
# beside the project (CI, the main checkout) or beside a folder above it (a worktree)
GNAD = (
    next(
        (p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()),
        ROOT.parent / "shared" / "corpora",
    )
    / "gnad-1028.csv"
)

Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]
_NAIVE = re.compile(r"(?<=[.!?])\s+")


def _locate(text: str, sentences: list[str]) -> Spans:
    """Spans of string-returning splitters, found in order in ``text``."""
    spans: Spans = []
    cursor = 0
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        start = text.find(sentence, cursor)
        if start < 0:  # the splitter changed the text; count it as a miss
            continue
        spans.append((start, start + len(sentence)))
        cursor = start + len(sentence)
    return spans


def _own(language: str) -> Splitter:
    return lambda text: list(split_sentences(text, language=language))


def _passages(language: str) -> Splitter:
    # what the reader uses: the sentences, over-long ones without an end cut
    return lambda text: list(split_passages(text, language=language))


def _naive(language: str) -> Splitter:
    return lambda text: _locate(text, _NAIVE.split(text))


def _simplemma(language: str) -> Splitter:
    from simplemma import split_sentences as simplemma_split

    return lambda text: _locate(text, simplemma_split(text, lang=language))


def _pysbd(language: str) -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language=language, clean=False)
    return lambda text: _locate(text, segmenter.segment(text))


def _syntok(language: str) -> Splitter:
    from syntok import segmenter

    def split(text: str) -> Spans:
        return [
            (sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
            for paragraph in segmenter.analyze(text)
            for sentence in paragraph
            if sentence
        ]

    return split


def _somajo(language: str) -> Splitter:
    from somajo import SoMaJo

    tokenizer = SoMaJo("en_PTB" if language == "en" else "de_CMC", character_offsets=True)

    def split(text: str) -> Spans:
        return [
            (sentence[0].character_offset[0], sentence[-1].character_offset[1])
            for sentence in tokenizer.tokenize_text([text])
            if sentence
        ]

    return split


def _blingfire(language: str) -> Splitter:
    import blingfire

    return lambda text: [tuple(span) for span in blingfire.text_to_sentences_and_offsets(text)[1]]


CANDIDATES: dict[str, Callable[[str], Splitter]] = {
    "newsdiff (own rules)": _own,
    "newsdiff passages": _passages,
    "naive regex": _naive,
    "simplemma": _simplemma,
    "pysbd": _pysbd,
    "syntok": _syntok,
    "SoMaJo": _somajo,
    "blingfire": _blingfire,
}


def seed_blocks() -> Iterator[tuple[str, Spans]]:
    """Each run of consecutive fixture sentences as (joined text, expected spans)."""
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for passages in fixture.values():
        run: list[str] = []
        for passage in [*passages, {"kind": "end", "text": ""}]:
            if passage["kind"] == "sentence":
                run.append(passage["text"])
                continue
            if run:
                spans, cursor = [], 0
                for sentence in run:
                    spans.append((cursor, cursor + len(sentence)))
                    cursor += len(sentence) + 1
                yield " ".join(run), spans
            run = []


def _f1(hits: int, predicted: int, expected: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def accuracy(split: Splitter, blocks: list[tuple[str, Spans]]) -> dict[str, float]:
    hits = predicted = expected = 0
    b_hits = b_predicted = b_expected = 0
    for text, truth in blocks:
        found = [(s, e) for s, e in split(text) if text[s:e].strip()]
        hits += len(set(found) & set(truth))
        predicted += len(found)
        expected += len(truth)
        inner_found = {e for _, e in found[:-1]}
        inner_truth = {e for _, e in truth[:-1]}
        b_hits += len(inner_found & inner_truth)
        b_predicted += len(inner_found)
        b_expected += len(inner_truth)
    p, r, f = _f1(hits, predicted, expected)
    bp, br, bf = _f1(b_hits, b_predicted, b_expected)
    return {
        "exact": hits,
        "expected": expected,
        "p": p,
        "r": r,
        "f1": f,
        "bp": bp,
        "br": br,
        "bf1": bf,
    }


def gnad_texts(limit: int | None) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with GNAD.open(encoding="utf-8", newline="") as handle:
        rows = [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]
    return rows[:limit] if limit else rows


def speed(split: Splitter, texts: list[str]) -> tuple[int, float]:
    """Sentences found and the best of up to three timings (one when a run is slow)."""
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        count = sum(len(split(text)) for text in texts)
        best = min(best, time.perf_counter() - began)
        if best > 2.0:
            break
    return count, best


def awkward_cases() -> list[tuple[str, str, list[str]]]:
    """The made-up awkward cases of tests/test_segment.py as (language, text, sentences)."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from test_segment import AWKWARD_DE, AWKWARD_EN
    except ImportError:  # test extras not installed
        return []
    finally:
        sys.path.pop(0)
    return [("de", t, e) for t, e in AWKWARD_DE] + [("en", t, e) for t, e in AWKWARD_EN]


def awkward(splitters: dict[str, Splitter], cases: list[tuple[str, str, list[str]]]) -> int:
    """How many awkward cases a splitter gets exactly right."""
    right = 0
    for language, text, expected in cases:
        got = [text[start:end].strip() for start, end in splitters[language](text)]
        right += got == expected
    return right


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N gnad articles")
    args = parser.parse_args()
    blocks = list(seed_blocks())
    cases = awkward_cases()
    texts = gnad_texts(args.limit) if GNAD.exists() else []
    print(f"seeds: {sum(len(t) for _, t in blocks)} sentences in {len(blocks)} blocks")
    print(f"awkward: {len(cases)} made-up cases from tests/test_segment.py")
    if texts:
        print(f"gnad: {len(texts)} articles, {sum(map(len, texts)):,} characters")
    else:
        print(f"gnad: {GNAD} not found, speed not measured")
    print(
        f"{'candidate':<22}{'seed exact':>11}{'sent P':>7}{'sent R':>7}{'sent F1':>8}"
        f"{'bnd P':>7}{'bnd R':>7}{'bnd F1':>7}{'awkward':>9}{'gnad sent':>10}"
        f"{'sent/s':>9}{'time/own':>9}"
    )
    own_seconds = None
    for name, factory in CANDIDATES.items():
        try:
            splitters = {language: factory(language) for language in ("de", "en")}
        except ImportError as error:
            print(f"{name:<22}skipped: {error}")
            continue
        a = accuracy(splitters["de"], blocks)
        line = (
            f"{name:<22}{a['exact']:>6}/{a['expected']:<4}{a['p']:>7.3f}{a['r']:>7.3f}"
            f"{a['f1']:>8.3f}{a['bp']:>7.3f}{a['br']:>7.3f}{a['bf1']:>7.3f}"
            f"{awkward(splitters, cases):>6}/{len(cases):<2}"
        )
        if texts:
            count, seconds = speed(splitters["de"], texts)
            own_seconds = own_seconds or seconds
            line += f"{count:>10,}{count / seconds:>9,.0f}{seconds / own_seconds:>8.1f}x"
        print(line, flush=True)
    if texts:
        # transcripts and captions: the same articles without sentence punctuation
        bare = [re.sub(r"[.!?]", "", text) for text in texts]
        for name, factory in (("newsdiff (own rules)", _own), ("newsdiff passages", _passages)):
            count, seconds = speed(factory("de"), bare)
            print(
                f"gnad without .!?, {name}: {count:,} spans, "
                f"{count / seconds:,.0f}/s, {seconds:.2f} s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
