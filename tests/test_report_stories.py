"""A report of several stories goes story by story, as issue 10 asks of ``report``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt

from newsdiff.core.export.report import render_report
from newsdiff.core.model import Alignment, Article, Pair, Sentence, SentenceRef
from newsdiff.core.stories.detect import Story
from test_report import _parse, hand_alignment

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _report(id_: str, texts: list[str], title: str, date: str | None) -> Article:
    sentences, position = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, text, position, position + len(text)))
        position += len(text) + 1
    return Article(id_, f"/tmp/{id_}.txt", "\n".join(texts), title, date, "en", tuple(sentences), 9)


def three_stories() -> Alignment:
    """Two stories of two reports each, and one report alone; its title holds markup."""
    reid = [
        _report("r1", ["Tara Reid checked into Promises."], "Reid in rehab", "2008-04-07"),
        _report("r2", ["Tara Reid entered Promises."], "Reid enters rehab", "2008-04-08"),
    ]
    quake = [
        _report("q1", ["A 4.4 quake hit Iran."], "Quake in Iran", None),
        _report("q2", ["A quake of 4.4 hit Iran."], "Iran quake", None),
    ]
    alone = _report("x1", ["Stocks fell."], "Markets [red]down[/] <b>x</b>", None)
    articles = (quake[0], reid[0], quake[1], reid[1], alone)  # the input order of a folder
    claims = [
        (SentenceRef("q1", 0), SentenceRef("q2", 0)),
        (SentenceRef("r1", 0), SentenceRef("r2", 0)),
    ]
    pairs = tuple(Pair(a, b, 0.8, "reworded") for a, b in claims)
    stories = (("r1", "r2"), ("q1", "q2"), ("x1",))  # as detection orders them: largest first
    return Alignment(articles, pairs, tuple(claims), stories=stories)


LABELS = (
    Story(("r1", "r2"), "Tara Reid · rehab", "2008-04-07", "2008-04-08"),
    Story(("q1", "q2"), "Iran · quake"),
    Story(("x1",), "Stocks"),
)


def test_markdown_goes_story_by_story_with_the_lone_reports_last() -> None:
    text = render_report(three_stories(), format="markdown", stories=LABELS)
    headings = re.findall(r"^#+ .*$", text, flags=re.MULTILINE)
    assert headings == [
        "# newsdiff report",
        "## Sources",
        "## Story 1: Tara Reid · rehab",  # numbered as `stories` numbers them: largest first
        "### Agreement",
        "### Claims",
        "#### Claim 1 — reworded",  # the claims in the order the report tells them
        "## Story 2: Iran · quake",
        "### Agreement",
        "### Claims",
        "#### Claim 2 — reworded",
        "## No related report",
    ]
    assert "2 reports (B, D) · 2008-04-07 – 2008-04-08" in text
    assert "| A – C | 1 |" in text and "| B – D | 1 |" in text
    assert "Markets \\[red\\]down\\[/\\] \\<b\\>x\\</b\\>" in text.split("## No related report")[1]
    tokens = MarkdownIt().parse(text)
    assert not any(t.type == "html_inline" for t in tokens for t in (t.children or []))


def test_a_story_without_a_label_is_named_by_its_first_report() -> None:
    text = render_report(three_stories(), format="markdown")
    assert "## Story 1: Quake in Iran" in text and "## Story 2: Reid in rehab" in text
    assert "2 reports (B, D) · 2008-04-07 – 2008-04-08" in text  # the reports' own dates


def test_html_goes_story_by_story_and_keeps_a_label_as_text() -> None:
    hostile = (Story(("r1", "r2"), "<script>x</script> [bold]Reid[/]"), *LABELS[1:])
    html = render_report(three_stories(), format="html", stories=hostile)
    tags = _parse(html)
    assert not tags.mismatched and "script" not in {tag for tag, _ in tags.tags}
    assert [t for t, _ in tags.tags].count("h2") == 4  # sources, two stories, the lone report
    assert "Story 1: &lt;script&gt;x&lt;/script&gt; [bold]Reid[/]" in html
    assert html.index("Claim 1") < html.index("Story 2") < html.index("Claim 2")


def test_json_lists_the_stories_and_each_claim_names_its_own() -> None:
    document = json.loads(render_report(three_stories(), format="json", stories=LABELS))
    assert [(s["number"], s["label"], s["tags"], s["alone"]) for s in document["stories"]] == [
        (1, "Tara Reid · rehab", ["B", "D"], False),
        (2, "Iran · quake", ["A", "C"], False),
        (3, "Markets [red]down[/] <b>x</b>", ["E"], True),
    ]
    assert [c["story"] for c in document["claims"]] == [1, 2]
    assert [c["voices"][0]["article"] for c in document["claims"]] == [1, 0]  # r1, then q1
    assert document["alignment"]["stories"] == [["r1", "r2"], ["q1", "q2"], ["x1"]]


def test_a_report_of_one_story_keeps_its_single_layout() -> None:
    text = render_report(hand_alignment(), format="markdown")
    assert "## Agreement" in text and "## Claims" in text and "## Story" not in text
    document = json.loads(render_report(hand_alignment(), format="json"))
    assert [s["tags"] for s in document["stories"]] == [["A", "B"]]


def test_newsdiff_report_on_a_folder_of_two_stories_labels_them(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, folder / path.name)
    (folder / "lohan-a.txt").write_text(
        "Lindsay Lohan checks into Betty Ford Center\n\nLindsay Lohan has checked into the "
        "Betty Ford Center in Rancho Mirage to begin a 90-day stay, her lawyer said on Friday.\n",
        encoding="utf-8",
    )
    (folder / "lohan-b.txt").write_text(
        "Lohan enters Betty Ford clinic\n\nLindsay Lohan checked into the Betty Ford clinic "
        "in Rancho Mirage on Friday for what is to be a three-month stay, her lawyer said.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "newsdiff", "report", "--lexical", str(folder)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    stories = re.findall(r"^## Story \d+: (.*)$", done.stdout, flags=re.MULTILINE)
    assert len(stories) == 2 and "Lindsay Lohan" in stories[1]  # as newsdiff stories labels it
    assert "2 reports (A, B)" in done.stdout and "2 reports (C, D)" in done.stdout


def test_the_stories_line_names_the_lone_reports_once() -> None:
    # a folder with 56 reports alone: "37 (no related report) · 84 (no related
    # report) · 91 (no related report) · …", 1,850 characters of the Markdown report
    alignment = three_stories()
    lone = [_report(f"x{n}", ["Stocks fell."], f"Markets {n}", None) for n in range(2, 5)]
    alignment = Alignment(
        (*alignment.articles, *lone),
        alignment.pairs,
        alignment.clusters,
        stories=(*alignment.stories, *((a.id,) for a in lone)),
    )
    markdown = render_report(alignment, format="markdown")
    (line,) = [line for line in markdown.splitlines() if line.startswith("Stories:")]
    assert line.count("no related report") == 1
    assert line.startswith("Stories: A C · B D · no related report: E F G H."), line


def test_a_story_has_one_number_in_stories_facts_and_report(tmp_path, capsys, monkeypatch) -> None:
    """Two seeds and three Lohan reports whose names sort after them: `stories` and `facts`
    put the larger Lohan story first, and so does the report, so "Story 1" is one story."""
    from newsdiff.cli import main

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, folder / path.name)
    for name, where in (("lohan-a", "Rancho Mirage"), ("lohan-b", "Palm Springs"),
                        ("lohan-c", "California")):  # fmt: skip
        (folder / f"{name}.txt").write_text(
            "Lindsay Lohan checks into Betty Ford Center\n\nLindsay Lohan has checked into "
            f"the Betty Ford Center in {where} to begin a 90-day stay, her lawyer said.\n",
            encoding="utf-8",
        )
    numbers = {}
    headings = {
        "stories": r"^story (\d+): (.*) \(",
        "facts": r"^== story (\d+): (.*) \(",
        "report": r"^## Story (\d+): (.*)$",
    }
    for command, pattern in headings.items():
        assert main([command, "--lexical", str(folder)]) == 0
        found = re.findall(pattern, capsys.readouterr().out, flags=re.MULTILINE)
        numbers[command] = {label: number for number, label in found}
    assert numbers["report"] == numbers["stories"] == numbers["facts"]
    assert "Lindsay Lohan" in min(numbers["report"], key=numbers["report"].get)
