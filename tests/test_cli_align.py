"""``newsdiff align``: the JSON document and the text listing, run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPORTS = {
    "a.txt": (
        "Nordkorea bestätigt Truppenentsendung nach Russland\n\n"
        "Nordkorea hat erstmals die Entsendung von Truppen nach Russland bestätigt. "
        "Nordkoreas Armee erlitt rund 4.000 Verluste, was Verletzte und Tote umfasst.\n"
    ),
    "b.txt": (
        "Kim schickt Soldaten\n\n"
        "Laut Militärquellen hat Nordkorea bislang rund 3.000 Verluste erlitten, "
        "die Verletzte und Tote umfassen. Das Wetter in Seoul war mild.\n"
    ),
}


def _run(*args: str, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = None if cache is None else {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", "align", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("reports")
    for name, text in REPORTS.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seeds_document(tmp_path_factory: pytest.TempPathFactory) -> dict:  # type: ignore[type-arg]
    # a module fixture is made before each test's own empty cache (conftest.py): without
    # one of its own it would read whatever earlier runs left in the user's cache
    done = _run("--json", cache=tmp_path_factory.mktemp("xdg-cache"))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_json_schema_on_the_seeds(seeds_document) -> None:  # type: ignore[no-untyped-def]
    doc = seeds_document
    assert {"articles", "pairs", "clusters"} <= set(doc)
    assert len(doc["articles"]) == 5
    passages = {}
    for article in doc["articles"]:
        assert {"id", "path", "title", "date", "language", "source", "sentences"} <= set(article)
        for s in article["sentences"]:
            assert {"index", "text", "start", "end", "kind"} <= set(s)
            passages[(article["id"], s["index"])] = s["text"]
    order = [a["id"] for a in doc["articles"]]
    assert doc["pairs"], "the seeds tell shared claims"
    for pair in doc["pairs"]:
        assert {"left", "right", "score", "relation", "changes", "facts"} <= set(pair)
        left, right = pair["left"], pair["right"]
        assert order.index(left["article"]) < order.index(right["article"])
        left_text = passages[(left["article"], left["sentence"])]
        right_text = passages[(right["article"], right["sentence"])]
        assert 0.0 <= pair["score"] <= 1.0
        assert pair["relation"] in ("identical", "reworded", "facts-differ")
        for change in pair["changes"]:
            assert change["tag"] in ("equal", "replace", "delete", "insert")
            assert 0 <= change["left"][0] <= change["left"][1] <= len(left_text)
            assert 0 <= change["right"][0] <= change["right"][1] <= len(right_text)
        for fact in pair["facts"]:
            assert {"kind", "status", "left", "right", "left_value", "right_value", "note"} <= set(
                fact
            )
    paired = {
        (p[side]["article"], p[side]["sentence"])
        for p in doc["pairs"]
        for side in ("left", "right")
    }
    clustered = {(r["article"], r["sentence"]) for c in doc["clusters"] for r in c}
    assert paired == clustered


def test_same_document_whatever_the_hash_seed(seeds_document) -> None:  # type: ignore[no-untyped-def]
    other = subprocess.run(
        [sys.executable, "-m", "newsdiff", "align", "--json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    )
    assert json.loads(other.stdout) == seeds_document


def test_figures_that_differ_are_a_pair_with_the_fact(folder: Path) -> None:
    done = _run(str(folder / "a.txt"), str(folder / "b.txt"), "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    [pair] = [p for p in doc["pairs"] if p["relation"] != "identical"]
    assert pair["relation"] == "facts-differ"
    assert any(f["status"] == "differ" and f["kind"] == "number" for f in pair["facts"])
    changed = [c for c in pair["changes"] if c["tag"] != "equal"]
    assert changed, "the differing words are marked"


def test_a_name_written_with_a_joiner_is_the_same_name(tmp_path: Path) -> None:
    # U+200D paints nothing: the reader sees "Maria Callas" in both, so does newsdiff
    sentence = "Die Sängerin {} Callas sang am Montag in Wien vor 5000 Zuschauern."
    (tmp_path / "a.txt").write_text(sentence.format("Ma\u200dria"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(sentence.format("Maria"), encoding="utf-8")
    done = _run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json")
    assert done.returncode == 0, done.stderr
    [pair] = json.loads(done.stdout)["pairs"]
    assert pair["relation"] == "identical"
    assert [c["tag"] for c in pair["changes"]] == ["equal"]
    names = [(f["left"], f["right"], f["status"]) for f in pair["facts"] if f["kind"] == "name"]
    assert ("Ma\u200dria Callas", "Maria Callas", "same") in names


def test_threshold_option_changes_what_pairs(folder: Path) -> None:
    paths = [str(folder / "a.txt"), str(folder / "b.txt")]
    loose = json.loads(_run(*paths, "--json", "--threshold", "0.1").stdout)
    strict = json.loads(_run(*paths, "--json", "--threshold", "0.99").stdout)
    assert len(strict["pairs"]) < len(loose["pairs"])


def test_text_listing(folder: Path) -> None:
    done = _run(str(folder / "a.txt"), str(folder / "b.txt"))
    assert done.returncode == 0
    assert "facts-differ" in done.stdout
    assert "Verluste" in done.stdout
    assert done.stdout.rstrip().endswith("claim clusters")


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["--threshold", "2"], 2, "--threshold must be in [0, 1]"),
        (["does/not/exist.txt"], 2, "no such file"),
    ],
)
def test_bad_usage_says_why_in_one_line(args: list[str], status: int, message: str) -> None:
    done = _run(*args)
    assert done.returncode == status
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_json_of_align_and_facts_names_the_files_that_could_not_be_read(tmp_path: Path) -> None:
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    aligned = _run("--json", "--lexical", str(tmp_path))
    assert aligned.returncode == 0, aligned.stderr
    document = json.loads(aligned.stdout)
    assert [p["path"] for p in document["problems"]] == [str(tmp_path / "empty.txt")]
    assert document["pairs"]  # the two readable reports still pair
    facts = subprocess.run(
        [sys.executable, "-m", "newsdiff", "facts", "--json", "--lexical", str(tmp_path)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    assert facts.returncode == 0, facts.stderr
    assert json.loads(facts.stdout)["problems"] == document["problems"]
