"""``newsdiff stories`` as a user runs it: the stories of a folder, lone reports last."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cross_language_story import needs_corpora, write_story

SEED_DIR = Path(__file__).resolve().parents[1] / "seeds"


def newsdiff(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "newsdiff", *args], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _one_story(folder: Path, texts: dict[str, str]) -> dict[str, object]:
    """The one story ``newsdiff stories --json`` finds among ``texts`` written to ``folder``."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = newsdiff("stories", "--json", str(folder))
    assert result.returncode == 0, result.stderr
    (story,) = json.loads(result.stdout)["stories"]
    return story


def test_seeds_and_an_unrelated_report_are_one_story_and_one_lone_report(tmp_path: Path) -> None:
    for seed in SEED_DIR.glob("*.txt"):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "wetter.txt").write_text(
        "Regen in Wien\n\nIn Wien regnet es am Wochenende, sagt die Zentralanstalt.\n",
        encoding="utf-8",
    )
    (tmp_path / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    result = newsdiff("stories", "--json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    stories = [s["articles"] for s in document["stories"]]
    assert stories == [sorted(p.stem for p in SEED_DIR.glob("*.txt")), ["wetter"]]
    assert document["stories"][0]["first_date"].startswith("2024-11-06")
    assert "nordkorea" in document["stories"][0]["label"].casefold()
    assert [p["path"].endswith("bad.txt") for p in document["problems"]] == [True]

    text = newsdiff("stories", str(tmp_path)).stdout
    assert text.startswith("story 1: ")
    assert "(5 reports, 2024-11-06" in text
    assert text.rstrip().endswith("wetter  Regen in Wien")
    assert "no related report (1):" in text


def test_a_title_with_an_escape_sequence_is_printed_as_data(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Titel \x1b[31mrot\n\nText.\n", encoding="utf-8")
    result = newsdiff("stories", str(tmp_path))
    assert result.returncode == 0
    assert "\x1b" not in result.stdout


def test_a_missing_path_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = newsdiff("stories", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1


@needs_corpora
@pytest.mark.parametrize("options", [[], ["--lexical"]])
def test_stories_are_the_stories_align_finds(tmp_path: Path, capsys, options) -> None:
    # a German and an English report of one story: the sentence vectors join them, shared
    # words alone may not; `stories` must say what `align` (and the reader) will use
    from newsdiff import cli

    de, en, _ = write_story(tmp_path)
    assert cli.main(["stories", "--json", *options, str(de), str(en)]) == 0
    told = [s["articles"] for s in json.loads(capsys.readouterr().out)["stories"]]
    assert cli.main(["align", "--json", *options, str(de), str(en)]) == 0
    assert told == json.loads(capsys.readouterr().out)["stories"]
    if not options:
        assert told == [["de", "en"]]


def test_a_label_writes_its_words_as_the_reports_do_with_their_umlauts(tmp_path: Path) -> None:
    # story detection weighs folded words: the label read "Franz Huber · Urteil ·
    # rechtskraftig", a word no report writes
    texts = {
        "wien_a.txt": "Urteil gegen Wiener Bürgermeister rechtskräftig\n\nWien, 12. März 2025. "
        "Das Oberlandesgericht Wien hat das Urteil gegen den früheren Bürgermeister Franz "
        "Huber wegen Untreue bestätigt. Das Urteil ist damit rechtskräftig.\n",
        "wien_b.txt": "Huber-Urteil bestätigt: 18 Monate bedingt\n\nWien, 12. März 2025. Das "
        "Oberlandesgericht hat die Berufung des früheren Wiener Bürgermeisters Franz Huber "
        "abgewiesen. Die 18 Monate bedingte Haft bleiben bestehen, das Urteil ist rechtskräftig.\n",
    }
    story = _one_story(tmp_path, texts)
    assert "rechtskräftig" in story["label"].split(" · "), story["label"]


def test_a_label_keeps_a_name_whose_letter_carries_a_mark_whole(tmp_path: Path) -> None:
    # n̈ has no precomposed form: the tokenizer cut "Spin̈al" at the mark and the label
    # read "Tap · Spin · tour", a word no report writes
    band = "Spin\u0308al"
    texts = {
        "a.txt": f"{band} Tap cancels tour\n\nThe band {band} Tap has cancelled its European "
        f"tour, its manager said on Monday.\n\n{band} Tap played 30 concerts last year.\n",
        "b.txt": f"{band} Tap calls off tour\n\nThe rock band {band} Tap called off the "
        "European tour on Monday, the manager said.\n\nThe band played 30 concerts.\n",
    }
    story = _one_story(tmp_path, texts)
    assert story["label"].split(" · ")[0] == f"{band} Tap", story["label"]


def test_two_files_of_one_name_are_told_apart_by_their_folders(tmp_path: Path) -> None:
    # two seeds saved as report.txt by two outlets: the story listed "report" and
    # "report-2", and its JSON gave the ids alone
    for outlet, seed in zip(("spiegel", "zeit"), sorted(SEED_DIR.glob("*.txt"))[:2], strict=True):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "report.txt").write_bytes(seed.read_bytes())
    folders = [str(tmp_path / "spiegel"), str(tmp_path / "zeit")]
    result = newsdiff("stories", "--lexical", *folders)
    assert result.returncode == 0, result.stderr
    rows = [line.split()[:2] for line in result.stdout.splitlines()[1:]]
    assert rows == [["report", "spiegel/report.txt"], ["report-2", "zeit/report.txt"]]
    document = json.loads(newsdiff("stories", "--json", "--lexical", *folders).stdout)
    (story,) = document["stories"]
    assert story["articles"] == ["report", "report-2"]
    assert [Path(p).parent.name for p in story["paths"]] == ["spiegel", "zeit"]


def test_the_titles_of_a_story_start_in_one_column(tmp_path: Path) -> None:
    # the ids were not padded: "13_9ecb  The church…" under "13_4ecbplus  Arson in…"
    # made a ragged list a reader had to scan line by line
    texts = {
        "a.txt": "Regen in Wien\n\nIn Wien regnet es am Wochenende, sagt die Zentralanstalt.\n",
        "a_much_longer_name.txt": "Sturm in Tirol\n\nEin Sturmtief bringt Schnee in die Alpen.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = newsdiff("stories", str(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    starts = {line.index(title) for line in rows for title in ("Regen", "Sturm") if title in line}
    assert len(rows) == 2 and len(starts) == 1, rows
