"""The reader, second pass, as a user tries it: queued keys, partner, search, legend, notes."""

from __future__ import annotations

import threading
from dataclasses import replace

from compare_data import sample_alignment
from textual.app import App
from waiting import held, wait_for

from newsdiff.app.engine import Engine, align_lexical, read_files
from newsdiff.app.routing import ScreenRouter
from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.screens.help import HelpScreen
from newsdiff.app.screens.passage import PassageScreen
from newsdiff.app.widgets.article_table import ArticleTable
from newsdiff.app.widgets.key_line import KeyLine
from newsdiff.app.widgets.search_bar import SearchBar
from newsdiff.core.model import Alignment, Pair, SentenceRef
from newsdiff.core.views.rows import row_of_passage


def slow_engine(release: threading.Event) -> Engine:
    """The real engine, but the first pairing waits until ``release`` is set."""
    return Engine(read=read_files, align=held(release, align_lexical))


async def test_enter_during_pairing_opens_the_comparison_when_it_is_ready(build_app):
    release = threading.Event()
    app = build_app(engine=slow_engine(release))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.corpus is not None and "Pairing" in app.busy)
        assert "Pairing 143 passages of 5 reports" in app.busy
        await pilot.press("enter")
        assert "the comparison opens when ready" in app.busy
        assert isinstance(app.screen, ArticlesScreen)
        release.set()
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await wait_for(pilot, lambda: app.busy == "")  # the paraphrase pairs added too
        assert app.screen.query_one("#left-title") is not None


async def test_escape_cancels_a_queued_comparison(build_app):
    release = threading.Event()
    app = build_app(engine=slow_engine(release))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Pairing" in app.busy)
        await pilot.press("enter", "escape")
        assert app.pending is None and "opens when ready" not in app.busy
        release.set()
        await wait_for(pilot, lambda: app.alignment is not None)
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)


async def test_the_loading_notice_counts_files_not_paths(build_app, tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Bericht {name}.\n\nEin Satz.", encoding="utf-8")
    # files the folder's reading leaves out are not files it reads
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".notes.txt").write_text("private", encoding="utf-8")
    release = threading.Event()
    app = build_app([tmp_path], engine=Engine(read=held(release, read_files)))  # one folder
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.busy.startswith("Reading 3 files…"))
        release.set()
        await wait_for(pilot, lambda: app.alignment is not None)


async def test_t_during_pairing_opens_the_claim_table_when_ready(build_app):
    from newsdiff.app.screens.claims import ClaimsScreen

    release = threading.Event()
    app = build_app(engine=slow_engine(release))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Pairing" in app.busy)
        await pilot.press("t")
        assert "the claim table opens when ready" in app.busy
        release.set()
        await wait_for(pilot, lambda: isinstance(app.screen, ClaimsScreen))
        await app.workers.wait_for_complete()
        await pilot.pause()


async def test_home_end_g_and_shift_g_go_to_the_first_and_last_row(build_app, settle):
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        # the five seeds are one story: its header row, then the five reports
        await pilot.press("end")
        assert table.cursor_row == 5
        await pilot.press("home")
        assert table.cursor_row == 0 and table.scroll_x == 0
        await pilot.press("G")
        assert table.cursor_row == 5
        await pilot.press("g")
        assert table.cursor_row == 0


async def test_seed_paths_show_as_seeds_folder_and_the_filter_reads_the_text(build_app, settle):
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        detail = str(app.screen.query_one("#article-detail").render())
        assert "seeds/00" in detail and "site-packages" not in detail
        # "Burjaten" is in one report's text, in no title
        await pilot.press("slash", *"burjaten")
        await pilot.pause()
        assert app.screen.query_one(ArticleTable).row_count == 2  # its story's header, the report


class CompareApp(ScreenRouter, App[None]):
    def __init__(self, alignment: Alignment | None = None, left="ard", right="zdf") -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.alignment = alignment or sample_alignment()
        self.ids = (left, right)

    def on_mount(self) -> None:
        self.push_screen(CompareScreen(self.alignment, *self.ids))


def crossing() -> Alignment:
    """The sample with one more pair, ard §5 – zdf §4, crossing ard §4 – zdf §5."""
    base = sample_alignment()
    extra = Pair(SentenceRef("ard", 4), SentenceRef("zdf", 3), 0.55, "reworded")
    return replace(base, pairs=(*base.pairs, extra))


async def test_p_jumps_to_the_partner_on_another_row_and_back():
    app = CompareApp(crossing())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        start = row_of_passage(screen.rows, 4, side="left")
        assert screen.rows[start].left_links  # drawn as ↔
        screen.view.move_to(start)
        await pilot.pause()
        notes = str(screen.query_one("#compare-notes").render())
        assert "↔ paired with a passage on another row · p jumps there" in notes
        await pilot.press("p")
        target = row_of_passage(screen.rows, 3, side="right")
        assert (screen.cursor_row, screen.view.focused_side) == (target, "right")
        await pilot.press("p")
        assert (screen.cursor_row, screen.view.focused_side) == (start, "left")


async def test_n_and_only_paired_reach_the_passages_paired_on_another_row():
    # the header counted a ↔ pair, but n jumped over both its passages and u hid them
    app = CompareApp(crossing())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert "6 pairs" in str(screen.query_one("#compare-counts").render())
        crossing_left = row_of_passage(screen.rows, 4, side="left")
        crossing_right = row_of_passage(screen.rows, 3, side="right")
        await pilot.press("g")
        visited = []
        for _ in range(len(screen.rows)):
            await pilot.press("n")
            visited.append(screen.cursor_row)
        assert crossing_left in visited and crossing_right in visited
        await pilot.press("u")
        kept = [(r.left and r.left.index, r.right and r.right.index) for r in screen.rows]
        assert any(left == 4 for left, _ in kept) and any(right == 3 for _, right in kept)
        screen.view.move_to(row_of_passage(screen.rows, 4, side="left"))
        await pilot.press("p")
        assert screen.cursor_row == row_of_passage(screen.rows, 3, side="right")


def _without_pairs() -> Alignment:
    """The sample comparison with no pair between its two reports (ARD and ZDF)."""
    base = sample_alignment()
    pairs = tuple(p for p in base.pairs if {p.left.article, p.right.article} != {"ard", "zdf"})
    return Alignment(base.articles, pairs, ())


async def test_two_reports_with_no_pair_stand_side_by_side_from_the_top():
    app = CompareApp(_without_pairs())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        rows = app.screen.rows
        assert rows[0].left.index == 0 and rows[0].right.index == 0
        assert len(rows) == 7  # the longer report's length
        assert "0 pairs" in str(app.screen.query_one("#compare-counts").render())


async def test_only_paired_on_two_reports_without_a_pair_says_so_and_u_brings_them_back():
    # "u" on a comparison with no pair left a blank screen and "row 0/0"
    app = CompareApp(_without_pairs())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("u")
        notes = str(app.screen.query_one("#compare-notes").render())
        assert not app.screen.rows
        assert "no passage of these two reports is paired · u shows every passage" in notes
        await pilot.press("u")
        assert len(app.screen.rows) == 7
        assert "no passage" not in str(app.screen.query_one("#compare-notes").render())


async def test_the_cursor_rows_fact_notes_say_why_it_differs():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        notes = str(app.screen.query_one("#compare-notes").render())
        assert "≠ figure: 4000 (tagesschau.de) vs 4700 (zdf.de)" in notes
        await pilot.press("enter")
        assert isinstance(app.screen, PassageScreen)
        passage_notes = str(app.screen.query_one("#passage-notes").render())
        assert "≠ figure: 4000 (here) vs 4700 (zdf.de)" in passage_notes


async def test_the_notes_name_both_sides_alike_when_one_report_has_no_outlet():
    # a saved page names its outlet, a text file does not: "4000 (left) vs 4700
    # (zdf.de)" pointed two ways at once; two reports of one outlet, "(zdf.de) vs
    # (zdf.de)", pointed at neither
    base = sample_alignment()
    for sources in ((None, "zdf.de"), ("zdf.de", "zdf.de")):
        named = dict(zip(("ard", "zdf"), sources, strict=True))
        articles = tuple(
            replace(a, source=named[a.id]) if a.id in named else a for a in base.articles
        )
        app = CompareApp(Alignment(articles, base.pairs, base.clusters))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("d")
            notes = str(app.screen.query_one("#compare-notes").render())
            assert "≠ figure: 4000 (left) vs 4700 (right)" in notes, sources


async def test_a_page_date_with_seconds_and_zone_reads_as_in_the_list():
    # a saved page's "2019-01-03T07:00:02.000Z" is "2019-01-03 07:00" in the list;
    # the comparison's header and the passage view wrote all of it
    base = sample_alignment()
    articles = tuple(
        replace(a, date="2019-01-03T07:00:02.000Z") if a.id == "zdf" else a for a in base.articles
    )
    app = CompareApp(Alignment(articles, base.pairs, base.clusters))
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        title = str(app.screen.query_one("#right-title").render())
        assert "2019-01-03 07:00 · zdf.de" in title and ":02" not in title
        app.screen.view.focused_side = "right"
        await pilot.press("enter")
        assert isinstance(app.screen, PassageScreen)
        meta = str(app.screen.query_one("#passage-meta").render())
        assert "2019-01-03 07:00 ·" in meta and ".000Z" not in meta


async def test_l_shows_the_legend_and_question_mark_has_it_too():
    from newsdiff.app.app import NewsdiffApp

    app = CompareApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        legend = app.screen.query_one("#compare-legend")
        assert not legend.display
        await pilot.press("l")
        assert legend.display
        text = str(legend.render())
        for words in (
            "≡ identical",
            "≠ a fact differs",
            "↔ paired on another row",
            "differing fact",
        ):
            assert words in text
        NewsdiffApp.action_help(app)  # type: ignore[arg-type]
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "fact on one side only" in str(app.screen.query_one("#help-legend").render())


async def test_slash_searches_both_sides_folded_and_f_steps_without_touching_n():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash")
        await pilot.press(*"PJONGJANG", "enter")
        assert [(m.side) for m in screen.matches] == ["right", "right"]
        first = screen.cursor_row
        assert screen.view.focused_side == "right"
        assert "Pjöngjang" in screen.rows[first].right.text
        assert "2 found" in str(screen.query_one("#compare-counts").render())
        await pilot.press("f")
        assert screen.cursor_row > first
        await pilot.press("F")
        assert screen.cursor_row == first
        await pilot.press("n")  # n is still "next pair"
        assert screen.rows[screen.cursor_row].pair is not None


class PassageApp(ScreenRouter, App[None]):
    """The passage view of ard's third passage, alone."""

    alignment = sample_alignment()

    def on_mount(self) -> None:
        self.push_screen(PassageScreen(self.alignment, "ard", 2))


async def test_slash_in_the_passage_view_finds_the_other_reports_lines():
    app = PassageApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"hiess es", "enter")
        options = app.screen.query_one("#passage-others")
        prompt = str(options.get_option_at_index(options.highlighted).prompt)
        assert "hieß es" in prompt


async def test_at_80_columns_the_footer_keeps_the_main_keys_and_help(build_app, settle):
    from newsdiff.app.messages import OpenComparison
    from newsdiff.core.model import Corpus

    sample = sample_alignment()
    engine = Engine(
        count=len,
        read=lambda paths: Corpus(sample.articles),
        align=lambda articles, stories: sample,
        then=None,
    )
    app = build_app(["x"], engine=engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.post_message(OpenComparison("ard", "zdf"))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        footer = app.screen.query_one(KeyLine)
        keys = {key.description: key for key in footer.drawn}
        for wanted in ("Next", "Diff", "Search", "Passage", "Back", "Keys"):
            assert wanted in keys and keys[wanted].end <= 80, (wanted, keys.get(wanted))


async def test_a_pair_reworded_throughout_is_said_so_without_underlining_every_word():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.view.move_to(0)  # the two headlines: the same claim, no word in common
        await pilot.pause()
        assert screen.rows[0].pair is not None
        notes = str(screen.query_one("#compare-notes").render())
        assert "reworded throughout" in notes
        changed = screen.view.highlight_styles()["changed"]
        cell = screen.view._cell(0, "left")
        assert not [span for span in cell.spans if span.style == changed]


async def test_a_search_typed_at_once_after_slash_goes_into_the_search_field():
    # "/sun" arriving in one read (typed fast, or pasted): the letters are queued
    # before the field has focus; they must be typed into it, not taken as the
    # comparison's keys ("s" swapping the sides, "u" hiding unpaired rows)
    from textual import events

    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        for key, char in [("slash", "/"), *((c, c) for c in "sun")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert (bar.value, app.focused) == ("sun", bar)
        assert screen.left_id == "ard" and not screen.paired_only
        await pilot.press("slash")  # in the field, "/" is text
        assert bar.value == "sun/"


async def test_a_passage_search_typed_at_once_goes_into_the_search_field():
    from textual import events

    app = PassageApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        for key, char in [("slash", "/"), *((c, c) for c in "nq")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert app.screen is screen and (bar.value, app.focused) == ("nq", bar)


async def test_the_crossing_mark_names_its_column_apart_from_the_passage():
    # "↔ right" filled the whole gutter, so the cell ran into it: "↔ right¶7 §9"
    import re

    from test_compare_screen import visible_text

    base = sample_alignment()
    # ard §4 pairs zdf §2 only (taken by ard §2): it stands beside zdf §4, paired elsewhere
    kept = [p for p in base.pairs if (p.left.sentence, p.right.sentence) != (3, 4)]
    extra = Pair(SentenceRef("ard", 3), SentenceRef("zdf", 1), 0.3, "reworded")
    app = CompareApp(replace(base, pairs=(*kept, extra)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        marks = []
        for _ in range(2):  # as it opens, and with the sides swapped
            lines = visible_text(app.screen).splitlines()
            marks += [line[:12] for line in lines if line.startswith("↔")]
            await pilot.press("s")
        assert {m[:7] for m in marks} >= {"↔ left ", "↔ right"}, marks
        assert all(re.match(r"↔( (left|right|both))? +¶", m) for m in marks), marks


async def test_f_after_a_search_that_found_nothing_says_so_not_search_first(monkeypatch):
    # "zzqx" found nothing; f then said "Search with / first", as if no search had run
    app = CompareApp()
    notices: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: notices.append(message))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        assert notices[-1] == "Search with / first"
        await pilot.press("slash", *"zzqx", "enter")
        await pilot.pause()
        assert notices[-1] == "“zzqx” is in neither report"
        notices.clear()
        await pilot.press("f")
        await pilot.press("F")
        assert notices == ["“zzqx” is in neither report"] * 2


async def test_the_status_line_stops_saying_opens_when_ready_once_it_opened(build_app):
    # "… the comparison opens when ready · escape cancels" stayed on the line, under
    # the comparison it announced, while the paraphrase pairs were added
    from newsdiff.app.engine import Pass, find_stories_lexical

    first, second = threading.Event(), threading.Event()
    engine = Engine(
        align=held(first, align_lexical),
        then=Pass(find_stories_lexical, held(second, align_lexical)),
    )
    app = build_app(engine=engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Pairing" in app.busy)
        await pilot.press("enter")
        assert "the comparison opens when ready" in app.busy
        first.set()
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        assert "Adding paraphrase pairs" in app.busy
        assert "opens when ready" not in app.busy
        second.set()
        await wait_for(pilot, lambda: app.busy == "")
