"""Fact extraction against the hand-checked gold sample: precision and recall per kind.

German capitalises every noun, so names need a method; this prints newsdiff's
name finder beside two simpler ones measured in the same run on the same gold:
every capitalised word not opening a sentence, and the same filtered by
"its lowercase form is a known word" in simplemma's dictionary.

Run: python tests/benchmarks/bench_facts.py
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from newsdiff.core.facts.names import _dictionary, extract_names
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths

TESTS = Path(__file__).resolve().parents[1]
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


def _load_gold_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("facts_gold", TESTS / "test_facts_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["facts_gold"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _runs(text: str, keep: Callable[[str, bool], bool]) -> list[str]:
    """Consecutive kept words joined by single spaces, as one name each."""
    names: list[str] = []
    previous_end = -2
    for token in _TOKEN.finditer(text):
        opening = re.search(r"(^|[.!?:„“\"»]\s*)$", text[: token.start()]) is not None
        if keep(token.group(), opening):
            if names and text[previous_end : token.start()] == " ":
                names[-1] += " " + token.group()
            else:
                names.append(token.group())
            previous_end = token.end()
    return names


def capitalised(text: str) -> list[str]:
    return _runs(text, lambda word, opening: word[0].isupper() and not opening)


def capitalised_unknown_lowercase(text: str) -> list[str]:
    lexicon = _dictionary("de")

    def keep(word: str, opening: bool) -> bool:
        return word[0].isupper() and word.lower() not in lexicon

    return _runs(text, keep)


def newsdiff_names(text: str) -> list[str]:
    return [fact.text for fact in extract_names(text)]


def name_scores(method: Callable[[str], list[str]]) -> tuple[float, float]:
    gold = json.loads((TESTS / "fixtures" / "facts_gold.json").read_text(encoding="utf-8"))
    articles = {a.id: a for a in read_articles(seed_paths(), cache=False).articles}
    right = found = expected = 0
    for article_id, kinds in gold["reports"].items():
        if not kinds.get("name"):
            continue
        got = Counter(n for s in articles[article_id].sentences for n in method(s.text))
        want = Counter(kinds["name"])
        right += sum((got & want).values())
        found += sum(got.values())
        expected += sum(want.values())
    return right / found, right / expected


def main() -> None:
    module = _load_gold_module()
    started = time.perf_counter()
    print(
        f"{'split':<9} {'kind':<7} {'gold':>5} {'found':>6} {'right':>6} "
        f"{'precision':>10} {'recall':>7}"
    )
    for split in (*module.SPLITS, None):
        for kind, score in sorted(module.measure(split).items()):
            print(
                f"{split or 'all':<9} {kind:<7} {score.expected:>5} {score.found:>6} "
                f"{score.correct:>6} {score.precision:>10.3f} {score.recall:>7.3f}"
            )
    elapsed = time.perf_counter() - started
    print(f"({elapsed:.1f}s including loading the seeds and the lemma dictionary)")
    print("\nnames, all annotated reports, three methods side by side:")
    for label, method in (
        ("capitalised, not opening a sentence", capitalised),
        ("capitalised, lowercase form unknown", capitalised_unknown_lowercase),
        ("newsdiff (inflection test + cues)", newsdiff_names),
    ):
        precision, recall = name_scores(method)
        print(f"  {label:<38} precision {precision:.3f}  recall {recall:.3f}")


if __name__ == "__main__":
    main()
