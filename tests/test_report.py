"""Reports to share: what each source says per claim, marks that read without colour,
article text always literal, and a command that never overwrites a source."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from newsdiff.core.export.report import render_report, save_report
from newsdiff.core.model import (
    Alignment,
    Article,
    FactComparison,
    Pair,
    Sentence,
    SentenceRef,
    WordChange,
)
from newsdiff.core.views.clusters import cluster_views
from newsdiff.core.views.summary import summarize

HOSTILE = (
    "Böse <script>alert(1)</script> [link](x) *x* | [b]fett[/] "
    "[link=https://e.vil]klick[/link] &amp;"
)


def _article(number: int, texts: list[str], title: str) -> Article:
    sentences, position = [], 0
    for index, text in enumerate(texts):
        sentences.append(Sentence(index, text, position, position + len(text)))
        position += len(text) + 1
    return Article(
        f"a{number}", f"/tmp/r{number}.txt", "\n".join(texts), title, "2025-04-28", "de",
        tuple(sentences), 20, source=f"Quelle {number}",
    )  # fmt: skip


def hand_alignment() -> Alignment:
    """Two reports: one claim whose number differs, one identical hostile passage."""
    texts = ["Nordkorea schickt mehr als 3000 Soldaten.", HOSTILE, "Nur hier."]
    left = _article(0, texts, "T [red]A[/]")
    right = _article(1, ["Nordkorea schickt rund 10000 Soldaten.", HOSTILE], "Titel <b>B</b>")
    first = (SentenceRef("a0", 0), SentenceRef("a1", 0))
    second = (SentenceRef("a0", 1), SentenceRef("a1", 1))
    number = FactComparison(
        "number", "differ", "mehr als 3000", "rund 10000", 3000, 10000, (18, 31), (18, 28)
    )
    changes = (
        WordChange("equal", 0, 17, 0, 17),
        WordChange("replace", 18, 31, 18, 28),
        WordChange("equal", 32, 41, 29, 38),
    )
    pairs = (
        Pair(*first, 0.8, "facts-differ", changes, (number,)),
        Pair(*second, 1.0, "identical"),
    )
    return Alignment((left, right), pairs, (first, second))


class _Tags(HTMLParser):
    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.open: list[str] = []
        self.mismatched: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open.pop() != tag:
            self.mismatched.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def _one_sided_alignment() -> Alignment:
    """One reworded claim: only the left passage gives the day, no fact differs."""
    left = _article(0, ["Russland bestätigte am Samstag den Einsatz."], "Links")
    right = _article(1, ["Russland hat den Einsatz bestätigt."], "Rechts")
    refs = (SentenceRef("a0", 0), SentenceRef("a1", 0))
    day = FactComparison("date", "left-only", "am Samstag", None, "am Samstag", None, (20, 30))
    name = FactComparison("name", "same", "Russland", "Russland", "Russland", "Russland", (0, 8))
    pair = Pair(*refs, 0.6, "reworded", (), (name, day))
    return Alignment((left, right), (pair,), (refs,))


def test_a_fact_only_one_source_gives_is_not_marked_as_differing():
    # the legend says bold (≠ in HTML) is "a fact the sources state differently";
    # a reworded claim showed "**am Samstag**" under "Claim 1 — reworded"
    markdown = render_report(_one_sided_alignment(), format="markdown")
    assert "### Claim 1 — reworded" in markdown
    assert "- **A** (Quelle 0, 2025-04-28): Russland bestätigte am Samstag den Einsatz." in markdown
    html = render_report(_one_sided_alignment(), format="html")
    (claim,) = re.findall(r'<section class="claim">.*?</section>', html, re.DOTALL)
    assert "am Samstag" in claim and "<mark>" not in claim
    (view,) = cluster_views(_one_sided_alignment())
    assert all("fact" not in run.marks for voice in view.voices for run in voice.runs)


def test_summary_counts_each_pair_of_sources():
    (summary,) = summarize(hand_alignment())
    assert (summary.left, summary.right, summary.pairs) == (0, 1, 2)
    assert (summary.identical, summary.reworded, summary.facts_differ) == (1, 0, 1)
    assert summary.paired_share == pytest.approx(4 / 5)  # "Nur hier." has no partner


def test_runs_rebuild_each_passage_and_mark_the_differences():
    first, second = cluster_views(hand_alignment())
    for voice in first.voices + second.voices:
        kept = "".join(run.text for run in voice.runs if "removed" not in run.marks)
        assert kept == voice.text
    reference, other = first.voices
    assert [r.text for r in reference.runs if "fact" in r.marks] == ["mehr als 3000"]
    assert [r.text for r in other.runs if "removed" in r.marks] == ["mehr als 3000"]
    assert [r.text for r in other.runs if {"fact", "changed"} <= r.marks] == ["rund 10000"]
    assert other.compared_with == 0 and other.relation == "facts-differ"
    assert [(f.left, f.right) for f in first.facts] == [("mehr als 3000", "rund 10000")]
    assert all(not run.marks for voice in second.voices for run in voice.runs)


def test_markdown_marks_facts_and_changed_words():
    report = render_report(hand_alignment(), format="markdown")
    assert "**mehr als 3000**" in report
    assert "~~mehr als 3000~~ **rund 10000**" in report
    assert "| A – B | 2 | 1 | 0 | 1 | 80% |" in report
    assert "- **A** (Quelle 0, 2025-04-28): Nordkorea" in report


def test_markdown_shows_article_text_literally():
    report = render_report(hand_alignment(), format="markdown")
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(report)
    tags = _parse(html)
    assert not [t for t, _ in tags.tags if t in ("a", "script", "img", "b")]
    assert [t for t, _ in tags.tags].count("em") == 1  # the legend's, not the article's *x*
    text = "".join(tags.text)
    assert text.count(HOSTILE) == 2  # both sources' passage, character for character
    assert "T [red]A[/]" in text and "Titel <b>B</b>" in text


def test_html_is_self_contained_and_escapes_article_text():
    report = render_report(hand_alignment(), format="html")
    assert report.startswith("<!DOCTYPE html>")
    assert "<script" not in report.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "[b]fett[/] [link=https://e.vil]klick[/link]" in report
    assert "Titel &lt;b&gt;B&lt;/b&gt;" in report
    tags = _parse(report)
    for tag, attrs in tags.tags:
        assert tag not in ("script", "link", "img", "iframe", "object")
        for name in ("src", "href"):
            assert not re.match(r"\s*(https?:)?//", attrs.get(name) or ""), (tag, attrs)
    assert "@media print" in report and "<style>" in report
    assert "".join(tags.text).count(HOSTILE) == 2
    assert tags.open == [] and tags.mismatched == []  # every element closed, in order


def test_html_marks_read_without_colour():
    report = render_report(hand_alignment(), format="html")
    assert '<mark><span class="sym">≠</span>mehr als 3000</mark>' in report
    assert '<del><span class="sym">−</span>mehr als 3000</del>' in report
    assert "<ins>rund 10000</ins>" in report


def test_json_report_parses_and_keeps_text_exact():
    pytest.importorskip("newsdiff.core.export.schema")
    document = json.loads(render_report(hand_alignment(), format="json"))
    assert document["format"] == "newsdiff-report/1"
    assert [s["title"] for s in document["sources"]] == ["T [red]A[/]", "Titel <b>B</b>"]
    assert document["agreement"][0]["facts_differ"] == 1
    voice = document["claims"][1]["voices"][0]
    assert voice["text"] == HOSTILE
    assert "".join(run["text"] for run in voice["runs"]) == HOSTILE
    assert "alignment" in document


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="markdown, html, json"):
        render_report(hand_alignment(), format="pdf")


# --- the command, on the seeds -------------------------------------------------------------


def _newsdiff(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", "report", *args],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("format_", ["markdown", "html", "json"])
def test_report_command_writes_every_format_for_the_seeds(tmp_path, format_):
    target = tmp_path / f"seeds.{format_}"
    result = _newsdiff("--format", format_, "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert str(target) in result.stderr  # says where it wrote
    report = target.read_text(encoding="utf-8")
    if format_ == "json":
        document = json.loads(report)
        assert len(document["sources"]) == 5 and document["claims"]
        assert len(document["agreement"]) == 10
    elif format_ == "html":
        assert "<script" not in report.lower() and report.count('<section class="claim">') > 3
        tags = _parse(report)
        assert tags.open == [] and tags.mismatched == []
    else:
        assert report.count("### Claim ") > 3 and "| A – B |" in report


def test_report_command_prints_to_stdout_without_output_option(tmp_path):
    result = _newsdiff()
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# newsdiff report")
    dash = _newsdiff("-f", "html", "-o", "-", cwd=tmp_path)
    assert dash.returncode == 0 and dash.stdout.startswith("<!DOCTYPE html>")
    assert not (tmp_path / "-").exists()


def test_report_command_never_overwrites_an_input(tmp_path):
    from newsdiff.core.reading.seeds import seed_paths

    sources = []
    for seed in seed_paths()[:2]:
        copy = tmp_path / seed.name
        copy.write_bytes(seed.read_bytes())
        sources.append(copy)
    before = sources[0].read_bytes()
    result = _newsdiff(*map(str, sources), "-o", str(sources[0]))
    assert result.returncode == 2
    assert str(sources[0]) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert sources[0].read_bytes() == before
    link = tmp_path / "link.md"
    link.symlink_to(sources[1])
    assert _newsdiff(*map(str, sources), "-o", str(link)).returncode == 2
    assert sources[1].read_bytes() == seed_paths()[1].read_bytes()


def test_report_command_names_the_path_it_cannot_write(tmp_path):
    target = tmp_path / "missing-folder" / "report.html"
    result = _newsdiff("--format", "html", "-o", str(target))
    assert result.returncode == 1
    assert str(target) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not os.path.exists(target)


def test_save_report_picks_the_format_from_the_suffix_and_writes_whole(tmp_path):
    alignment = hand_alignment()
    for name, format_ in (("r.md", "markdown"), ("r.HTML", "html"), ("r.json", "json")):
        if format_ == "json":
            pytest.importorskip("newsdiff.core.export.schema")
        written = save_report(alignment, tmp_path / name)
        assert written.read_text(encoding="utf-8") == render_report(alignment, format=format_)
        assert written.stat().st_mode & 0o044  # readable by others, as a report to share
    with pytest.raises(ValueError, match=r"\.md"):
        save_report(alignment, tmp_path / "r.pdf")
    with pytest.raises(OSError):
        save_report(alignment, tmp_path / "no-such-folder" / "r.md")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.HTML", "r.json", "r.md"]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_markdown_escaping_keeps_any_text_literal(text):
    from newsdiff.core.export.markdown import escape
    from newsdiff.core.views.clusters import plain

    html = (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .render(f"- **A**: x {escape(text)} x")
    )
    parser = _parse(html)
    assert [tag for tag, _ in parser.tags] == ["ul", "li", "strong"]
    assert "".join(parser.text).strip() == f"A: x {plain(text)} x".strip()


def test_many_reports_summarise_only_the_pairs_that_share_a_claim():
    base = hand_alignment()
    extra = tuple(
        _article(n, [f"Ganz anderes Thema Nummer {n}."], f"Andere {n}") for n in range(2, 15)
    )
    alignment = Alignment(base.articles + extra, base.pairs, base.clusters)
    assert len(summarize(alignment)) == 1  # 15 reports: 105 pairs, 104 share nothing
    assert len(summarize(alignment, empty=True)) == 105
    markdown = render_report(alignment, format="markdown")
    assert "104 of 105 pairs of reports share no claim" in markdown
    assert markdown.count("| A – B |") == 1 and "| A – C |" not in markdown
    assert "104 of 105 pairs" in render_report(alignment, format="html")


def test_the_report_compares_reports_story_by_story():
    base = hand_alignment()
    extra = tuple(_article(n, [f"Ganz anderes Thema {n}."], f"Andere {n}") for n in (2, 3))
    ids = [a.id for a in base.articles + extra]
    stories = ((ids[0], ids[1]), (ids[2], ids[3]))
    alignment = Alignment(base.articles + extra, base.pairs, base.clusters, stories=stories)
    # only the two pairs of reports of one story, not the four across the two stories
    assert [(s.left, s.right) for s in summarize(alignment)] == [(0, 1), (2, 3)]
    markdown = render_report(alignment, format="markdown")
    assert "| A – B |" in markdown and "| C – D |" in markdown and "| A – C |" not in markdown
    assert "Stories: A B · C D. Reports of two stories are not compared." in markdown
    assert "Stories: A B · C D." in render_report(alignment, format="html")
    agreement = json.loads(render_report(alignment, format="json"))["agreement"]
    assert [(s["left"], s["right"]) for s in agreement] == [(0, 1), (2, 3)]


def test_struck_words_take_no_space_before_a_full_stop_or_a_space():
    from newsdiff.core.export.markdown import render_runs
    from newsdiff.core.views.clusters import Run

    gone = frozenset({"removed"})
    assert render_runs((Run("Er kam"), Run("gestern", gone), Run(". Dann"))) == (
        "Er kam ~~gestern~~. Dann"
    )
    assert render_runs((Run("Er kam "), Run("gestern", gone), Run(" an."))) == (
        "Er kam ~~gestern~~ an."
    )


def test_changed_words_with_a_space_between_are_one_italic_run():
    from newsdiff.core.export.markdown import render_runs
    from newsdiff.core.views.clusters import Run

    changed, fact = frozenset({"changed"}), frozenset({"fact"})
    runs = (Run("Er "), Run("kam", changed), Run(" "), Run("heute", changed), Run(" an."))
    report = render_runs(runs)
    assert report == "Er *kam heute* an."
    html = MarkdownIt("commonmark").render(report)
    assert html.count("<em>") == 1
    # a fact beside a changed word keeps its own mark
    runs = (Run("Er "), Run("kam", changed), Run(" "), Run("3000", fact), Run(" an."))
    assert render_runs(runs) == "Er *kam* **3000** an."
    # two facts side by side (a date, a figure) stay two marks
    runs = (Run("seit "), Run("Herbst", fact), Run(" "), Run("3000", fact), Run(" Mann"))
    assert render_runs(runs) == "seit **Herbst** **3000** Mann"
