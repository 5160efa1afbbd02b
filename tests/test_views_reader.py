"""The reader's terminal-free views: marks, passage view, claim grid, notes, search, counts."""

from __future__ import annotations

import json

import pytest

from newsdiff.core.model import Alignment, Article, FactComparison, Pair, Sentence, SentenceRef
from newsdiff.core.views.claim_grid import claim_grid
from newsdiff.core.views.claims import claim_table
from newsdiff.core.views.marks import merge_runs, passage_marks
from newsdiff.core.views.notes import fact_notes
from newsdiff.core.views.passage import claim_passages, passage_view
from newsdiff.core.views.rows import comparison_counts, side_by_side
from newsdiff.core.views.search import find_in, find_matches
from newsdiff.core.views.subset import restrict

RELATIONS = ("identical", "reworded", "facts-differ")


def test_word_marks_join_across_spaces_and_punctuation_only():
    text = "Laut Seoul, rund 4700 Soldaten verletzt"
    assert merge_runs(text, [(0, 4), (5, 10), (12, 16)]) == [(0, 16)]
    assert merge_runs(text, [(0, 4), (22, 30)]) == [(0, 4), (22, 30)]


def test_a_pair_reworded_throughout_gets_no_word_marks_but_keeps_its_facts():
    from newsdiff.core.matching.align import word_changes

    left = "Pjöngjang räumt erstmals den Einsatz seiner Soldaten ein."
    right = "Nordkorea hat zugegeben, Truppen geschickt zu haben."
    fact = FactComparison("name", "left-only", "Pjöngjang", None, left_span=(0, 9))
    pair = Pair(
        SentenceRef("a", 0),
        SentenceRef("b", 0),
        0.6,
        "reworded",
        word_changes(left, right),
        (fact,),
    )
    marks = passage_marks(pair, "left", left, right)
    assert [m.kind for m in marks] == ["fact-one-sided"]
    # an edit (one figure swapped) keeps its word mark
    edit = "Pjöngjang räumt erstmals den Einsatz seiner 3000 Soldaten ein."
    edited = Pair(pair.left, pair.right, 0.9, "reworded", word_changes(left, edit))
    assert [m.kind for m in passage_marks(edited, "right", edit, left)] == ["changed"]


def test_search_folds_accents_and_case_and_finds_both_sides():
    assert find_in("Pjöngjang, PJÖNGJANG", "pjongjang") == [(0, 9), (11, 20)]
    assert find_in("Die Straße", "STRASSE") == [(4, 10)]
    s = Sentence(0, "Truppen in Kursk", 0, 16)
    rows = side_by_side(
        Alignment(
            (
                Article("a", "a", "", "A", None, "de", (s,), 3),
                Article("b", "b", "", "B", None, "de", (Sentence(0, "KURSK", 0, 5),), 1),
            ),
            (),
            (),
        ),
        "a",
        "b",
    )
    assert [(m.side, m.start) for m in find_matches(rows, "kursk")] == [("left", 11), ("right", 0)]


def test_notes_put_the_contradiction_first_and_say_how():
    facts = [
        FactComparison("name", "left-only", "Kim", None),
        FactComparison(
            "number", "differ", "11.000", "10.000 bis 12.000", note="11000 inside 10000-12000"
        ),
    ]
    notes = fact_notes(facts, left="ARD", right="ZDF")
    assert notes[0] == "≠ figure: 11.000 (ARD) vs 10.000 bis 12.000 (ZDF): 11000 inside 10000-12000"
    assert notes[1] == "only ARD names: Kim"


def _sample() -> Alignment:
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "app"))
    from compare_data import sample_alignment

    return sample_alignment()


def test_passage_view_lists_each_other_report_and_its_silence():
    alignment = _sample()
    view = passage_view(alignment, "ard", 2)
    assert view.claim == claim_passages(alignment, "ard").index(2) + 1
    by_report = {other.article.id: other for other in view.others}
    assert [e.kind for e in by_report["zdf"].entries] == ["paired"]
    assert by_report["zdf"].entries[0].passage.text.startswith("Laut Seoul")
    assert any(m.kind == "fact-differ" for m in view.marks)
    silent = {o.article.id: o.entries for o in passage_view(alignment, "ard", 6).others}
    assert silent["dlf"] == ()


def test_passage_view_puts_the_reports_that_tell_it_before_the_silent_ones():
    from dataclasses import replace

    from newsdiff.core.views.passage import silent_line

    base = _sample()
    ard, zdf, dlf = base.articles
    alignment = replace(base, articles=(ard, dlf, zdf))  # the silent dlf before zdf
    view = passage_view(alignment, "ard", 6)
    assert [o.article.id for o in view.others] == ["zdf", "dlf"]
    assert [o.article.id for o in view.telling] == ["zdf"]
    assert [a.id for a in view.silent] == ["dlf"]
    assert silent_line(view.silent) == "1 report says nothing about this: deutschlandfunk.de"


def test_the_silent_line_names_every_report_up_to_a_cap():
    from dataclasses import replace

    from newsdiff.core.views.passage import silent_line

    dlf = _sample().articles[2]
    many = [replace(dlf, id=f"r{n}", source=f"s{n}.de") for n in range(15)]
    line = silent_line(many, names=4)
    assert line == "15 reports say nothing about this: s0.de, s1.de, s2.de, and 12 more"
    assert silent_line([]) == ""


def test_claim_grid_marks_the_oldest_figure_and_who_differs():
    alignment = _sample()
    grid = claim_grid(claim_table(alignment), alignment.articles)
    assert [a.id for a in grid.sources] == ["dlf", "ard", "zdf"]
    (row,) = grid.rows
    assert row.differs and grid.differing == 1
    assert [c.agreement for c in row.cells] == ["first", "same", "differ"]


def test_claim_grid_takes_one_figure_counted_in_singular_and_plural_as_the_same():
    # "a 90-day stay" and "90 days" were marked ≠ in the claim table: the grid
    # compared the quantities with the noun as written ("day" / "days")
    from newsdiff.core.model import Quantity
    from newsdiff.core.views.claims import Claim, ClaimTable, ClaimValue

    def value(article: str, noun: str, low: int = 90) -> ClaimValue:
        quantity = Quantity(low, low, noun=noun, measure="day")
        return ClaimValue(article, article, None, 0, "90", quantity, f"{low} {noun}", "")

    articles = [Article(i, i, "", i, None, "en", (), 0) for i in "abc"]
    claim = Claim("number", "day", (value("a", "day"), value("b", "days"), value("c", "days", 30)))
    (row,) = claim_grid(ClaimTable((claim,)), articles).rows
    assert [c.agreement for c in row.cells] == ["first", "same", "differ"]


def _told(id_: str, date: str | None, text: str, *more: str) -> Article:
    sentences, at = [], 0
    for index, sentence in enumerate((text, *more)):
        sentences.append(Sentence(index, sentence, at, at + len(sentence)))
        at += len(sentence) + 1
    return Article(id_, id_, " ".join((text, *more)), id_, date, "de", tuple(sentences), 9)


def _one_claim(*articles: Article) -> Alignment:
    refs = tuple(SentenceRef(a.id, 0) for a in articles)
    pairs = tuple(
        Pair(refs[i], refs[j], 0.8, "facts-differ")
        for i in range(len(refs))
        for j in range(i + 1, len(refs))
    )
    return Alignment(articles, pairs, (refs,))


def test_claim_grid_puts_the_reference_figure_in_the_leftmost_column_that_tells_it():
    # an undated report is dated by the latest date it mentions, so its figure was the
    # claim's reference; but its column stood last, often off the screen's right edge,
    # while the "=" cells said "same as the oldest report"
    alignment = _one_claim(
        _told("b", "2025-04-28", "Nordkorea entsandte 11.000 Soldaten."),
        _told(
            "a", None, "Nordkorea entsandte 10.000 Soldaten.", "Das sagte Seoul am 27. April 2025."
        ),
        _told("c", "2025-05-02", "Nordkorea entsandte 11.000 Soldaten."),
    )
    grid = claim_grid(claim_table(alignment), alignment.articles)
    assert [a.id for a in grid.sources] == ["a", "b", "c"]
    (row,) = grid.rows
    assert [c.agreement for c in row.cells] == ["first", "differ", "differ"]


def test_claim_grid_orders_undated_reports_as_a_reader_counts():
    # "1_10ecb" sorted before "1_3ecb" as a string: 1, 10, 11, ..., 2, 3
    alignment = _one_claim(
        *(_told(f"1_{n}ecb", None, "Das Beben tötete 12 Menschen.") for n in (10, 3, 2))
    )
    grid = claim_grid(claim_table(alignment), alignment.articles)
    assert [a.id for a in grid.sources] == ["1_2ecb", "1_3ecb", "1_10ecb"]
    (row,) = grid.rows
    assert [c.agreement for c in row.cells] == ["first", "same", "same"]


def test_claim_grid_takes_at_least_a_figure_and_that_figure_as_the_same():
    # "at least 10" killed and "10" killed were ≠ in the claim table
    from newsdiff.core.model import Quantity
    from newsdiff.core.views.claims import Claim, ClaimTable, ClaimValue

    def value(article: str, low: int, qualifier: str | None) -> ClaimValue:
        high = None if qualifier else low
        quantity = Quantity(low, high, qualifier, noun="people", measure="killed")
        return ClaimValue(article, article, None, 0, str(low), quantity, quantity.short(), "")

    articles = [Article(i, i, "", i, None, "en", (), 0) for i in "abc"]
    told = (value("a", 10, ">="), value("b", 10, None))
    (row,) = claim_grid(ClaimTable((Claim("number", "killed", told),)), articles[:2]).rows
    assert [c.agreement for c in row.cells] == ["first", "same"] and not row.differs
    claim = Claim("number", "killed", (*told, value("c", 12, None)))
    (row,) = claim_grid(ClaimTable((claim,)), articles).rows
    assert [c.agreement for c in row.cells] == ["first", "same", "differ"] and row.differs
    claim = Claim("number", "killed", (value("a", 10, ">"), value("b", 10, None)))
    (row,) = claim_grid(ClaimTable((claim,)), articles[:2]).rows
    assert [c.agreement for c in row.cells] == ["first", "differ"] and row.differs


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    from newsdiff.core.matching.align import align
    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.reading.seeds import seed_paths

    return align(read_articles(seed_paths()).articles)


def test_header_gutter_marks_and_report_agree_for_every_two_seeds(seeds):
    from newsdiff.core.export.report import render_report

    ids = [a.id for a in seeds.articles]
    for i, left in enumerate(ids):
        for right in ids[i + 1 :]:
            counts = comparison_counts(seeds, left, right)
            report = json.loads(render_report(restrict(seeds, (left, right)), format="json"))
            (summary,) = report["agreement"]
            assert (counts.pairs, counts.facts_differ) == (
                summary["pairs"],
                summary["facts_differ"],
            )
            rows = side_by_side(seeds, left, right)
            shown = [r.pair for r in rows if r.pair] + [p for r in rows for p in r.left_links]
            assert len(shown) == counts.pairs  # every pair is on a row or a ↔ link
            for row in rows:
                if row.pair is None:
                    continue
                differ_marks = any(
                    m.kind == "fact-differ"
                    for m in passage_marks(row.pair, "left", row.left.text, row.right.text)
                )
                # ≠ in the gutter exactly when a differing fact is marked
                assert row.differs == differ_marks or not row.pair.facts, (left, right, row)


def test_same_words_stating_other_facts_are_marked_facts_differ_everywhere():
    from newsdiff.core.export.report import render_report
    from newsdiff.core.matching.align import align
    from newsdiff.core.reading.article import build_article

    line = "Am Montag trafen 3000 nordkoreanische Soldaten in Kursk ein."
    a = build_article(f"Truppen in Kursk\n\nPublished October 9, 2024\n\n{line}", id="a")
    b = build_article(f"Truppen in Kursk\n\nPublished October 16, 2024\n\n{line}", id="b")
    alignment = align([a, b])
    rows = side_by_side(alignment, "a", "b")
    (row,) = [r for r in rows if r.pair is not None and r.left.text == line]
    marks = passage_marks(row.pair, "left", row.left.text, row.right.text)
    # the words are the same, the Mondays are not: ≠ beside the red date, never ≡
    assert row.pair.relation == "facts-differ" and row.differs
    assert any(m.kind == "fact-differ" for m in marks)
    counts = comparison_counts(alignment, "a", "b")
    summary = json.loads(render_report(alignment, format="json"))["agreement"][0]
    assert counts.facts_differ == summary["facts_differ"] == 1
    assert counts.identical == summary["identical"]


def _storm(left: str, right: str) -> Alignment:
    from newsdiff.core.matching.align import align
    from newsdiff.core.reading.article import build_article

    a = build_article(
        f"Storm hits coast.\n\nThe storm brought winds of {left} to the coast, officials said.",
        id="a",
        path="a.txt",
    )
    b = build_article(
        f"Storm hits coast.\n\nThe storm brought winds of {right} to the coast, officials said.",
        id="b",
        path="b.txt",
    )
    return align([a, b])


def test_speed_in_other_units_agrees_everywhere():
    # 120 mph = 193.1 km/h: one speed converted, the same fact in gutter, marks, counts, report
    from newsdiff.core.export.report import render_report

    alignment = _storm("193km / h", "120 mph")
    rows = side_by_side(alignment, "a", "b")
    (row,) = [r for r in rows if r.pair is not None and r.pair.relation != "identical"]
    (figure,) = [fact for fact in row.pair.facts if fact.kind == "number"]
    assert (figure.left, figure.right, figure.status) == ("193", "120", "same")
    assert figure.note == "120 mph = 193.1 km/h"
    assert row.pair.relation == "reworded" and not row.differs  # ≈, not ≠
    for side in ("left", "right"):
        text = row.left.text if side == "left" else row.right.text
        marks = passage_marks(row.pair, side, row.left.text, row.right.text)
        # the figure and the credit ("officials said" on both sides): both agree
        found = {text[m.start : m.end]: m.kind for m in marks if m.kind.startswith("fact")}
        assert found == {
            ("193" if side == "left" else "120"): "fact-same",
            "officials": "fact-same",
        }
    assert fact_notes(row.pair.facts)[0] == "= figure: 193 / 120: 120 mph = 193.1 km/h"
    counts = comparison_counts(alignment, "a", "b")
    report = json.loads(render_report(alignment, format="json"))
    summary = report["agreement"][0]
    assert (
        (counts.pairs, counts.facts_differ) == (summary["pairs"], summary["facts_differ"]) == (2, 0)
    )
    assert not any(claim["facts"] for claim in report["claims"])


def test_speed_in_other_units_that_differs_is_marked_everywhere():
    # 200 km/h is not 120 mph (193.1 km/h): ≠ in the gutter, both figures red, one count
    from newsdiff.core.export.report import render_report

    alignment = _storm("200 km/h", "120 mph")
    rows = side_by_side(alignment, "a", "b")
    (row,) = [r for r in rows if r.pair is not None and r.pair.relation != "identical"]
    assert row.differs and row.pair.relation == "facts-differ"
    for side in ("left", "right"):
        text = row.left.text if side == "left" else row.right.text
        marks = passage_marks(row.pair, side, row.left.text, row.right.text)
        found = {text[m.start : m.end]: m.kind for m in marks if m.kind.startswith("fact")}
        assert found == {
            ("200" if side == "left" else "120"): "fact-differ",
            "officials": "fact-same",
        }  # the credit, "officials said", agrees
    (note,) = fact_notes(row.pair.facts)
    assert note == "≠ figure: 200 (left) vs 120 (right): 120 mph = 193.1 km/h"
    counts = comparison_counts(alignment, "a", "b")
    summary = json.loads(render_report(alignment, format="json"))["agreement"][0]
    assert (
        (counts.pairs, counts.facts_differ) == (summary["pairs"], summary["facts_differ"]) == (2, 1)
    )


def test_a_pair_far_below_the_threshold_is_the_same_claim_not_a_pair():
    # a 0.10 pair of one claim cluster showed "≈" (reworded) and its facts marked the
    # passage, though no pair stands that low by itself
    from dataclasses import replace

    base = _sample()
    weak = [
        replace(p, score=0.10) if {p.left.article, p.right.article} == {"ard", "zdf"} else p
        for p in base.pairs
    ]
    alignment = replace(base, pairs=tuple(weak))
    entries = {o.article.id: o.entries for o in passage_view(alignment, "ard", 2).others}
    (entry,) = entries["zdf"]
    assert entry.kind == "same-claim" and entry.passage.text.startswith("Laut Seoul")
    assert entry.pair is not None and entry.pair.score == 0.10  # the score still shown
    view = passage_view(alignment, "ard", 2)
    assert not any(m.kind == "fact-differ" for m in view.marks)  # its facts not counted
    assert [e.kind for e in entries["dlf"]] == ["paired"]  # a stronger pair stays one
    from newsdiff.core.views.passage import WEAK

    assert 0.10 < WEAK <= 0.35  # below the lowest score a pair stands on by itself


def test_a_weak_pair_is_the_same_claim_in_the_comparison_and_the_reports():
    # the comparison and the reports showed a 0.10 pair as reworded / facts differ,
    # counted it and listed its facts, while the passage view calls it the same claim
    from dataclasses import replace

    from newsdiff.core.export.report import render_report
    from newsdiff.core.views.clusters import cluster_views
    from newsdiff.core.views.notes import row_note
    from newsdiff.core.views.rows import count_fact_differences, find_row

    base = _sample()
    alignment = replace(
        base,
        pairs=tuple(
            replace(p, score=0.10) if {p.left.article, p.right.article} == {"ard", "zdf"} else p
            for p in base.pairs
        ),
    )
    rows = side_by_side(alignment, "ard", "zdf")
    weak = [row for row in rows if row.pair is not None]
    assert weak and all(row.same_claim and not row.differs for row in weak)
    assert count_fact_differences(rows) == 0
    assert find_row(rows, -1) is None and find_row(rows, -1, want="facts-differ") is None
    assert row_note(weak[0]).startswith("~ 0.10 same claim, not paired directly")
    assert comparison_counts(alignment, "ard", "zdf").pairs == 0
    strong = comparison_counts(alignment, "ard", "dlf")
    assert strong == comparison_counts(base, "ard", "dlf") and strong.pairs > 0
    voices = [v for view in cluster_views(alignment) for v in view.voices if v.score == 0.10]
    # the pair's relation is kept (JSON consumers know its values); it is not direct
    assert voices and all(not v.direct and v.relation in RELATIONS for v in voices)
    assert all(not run.marks for v in voices for run in v.runs)  # no word or fact marks
    markdown = render_report(alignment, format="markdown")
    assert "~ 0.10 same claim, not paired directly" in markdown
    assert ", 0.10)" not in markdown  # no relation and score of its own
    html = render_report(alignment, format="html")
    assert "~ 0.10 same claim, not paired directly" in html and ", 0.10)" not in html
    document = json.loads(render_report(alignment, format="json"))
    told = [v for c in document["claims"] for v in c["voices"] if v["score"] == 0.10]
    assert told and all(v["direct"] is False and v["relation"] in RELATIONS for v in told)


def test_the_lists_figures_leave_out_a_weak_pair_as_the_comparison_does():
    # the list's "Paired" and "Fact diffs" counted a 0.10 pair's passages and facts,
    # which the comparison and the passage view call the same claim, not paired
    from dataclasses import replace

    from newsdiff.core.views.overview import overview

    base = _sample()
    ard_zdf = [p for p in base.pairs if {p.left.article, p.right.article} == {"ard", "zdf"}]
    assert any(f.status == "differ" for p in ard_zdf for f in p.facts)  # the case
    weak = replace(
        base, pairs=tuple(replace(p, score=0.10) if p in ard_zdf else p for p in base.pairs)
    )
    without = replace(base, pairs=tuple(p for p in base.pairs if p not in ard_zdf))
    assert overview(weak) == overview(without)
    assert overview(weak)["zdf"] != overview(base)["zdf"]
