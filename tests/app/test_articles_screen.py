"""Pilot tests of the article list: what a user sees and every key it answers."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest
from rapidfuzz import fuzz, utils
from textual.content import Content
from waiting import held, wait_for

from newsdiff.app import NewsdiffApp
from newsdiff.app.engine import Engine, read_files
from newsdiff.app.screens.articles import MARK, ArticlesScreen
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.screens.help import HelpScreen
from newsdiff.app.widgets.article_table import ArticleTable
from newsdiff.app.widgets.busy_line import BusyLine
from newsdiff.app.widgets.key_line import KeyLine
from newsdiff.app.widgets.list_header import ListHeader
from newsdiff.core.model import Alignment, Corpus, Problem
from newsdiff.core.views.overview import overview

SIZE = (120, 40)


def table_of(app: NewsdiffApp) -> ArticleTable:
    return app.screen.query_one(ArticleTable)


def column(app: NewsdiffApp, key: str) -> list[str]:
    """The column's cells of the report rows (story header rows left out)."""
    table = table_of(app)
    return [
        table.get_cell_at((row, table.get_column_index(key))).plain
        for row in range(table.row_count)
        if not str(table.coordinate_to_cell_key((row, 0)).row_key.value).startswith("\x00")
    ]


def report_rows(app: NewsdiffApp) -> list[tuple[int, str]]:
    """(row, article id) of every report row, in the list's order."""
    table = table_of(app)
    keys = [
        str(table.coordinate_to_cell_key((row, 0)).row_key.value) for row in range(table.row_count)
    ]
    return [(row, key) for row, key in enumerate(keys) if not key.startswith("\x00")]


def record_calls(monkeypatch: pytest.MonkeyPatch, app: NewsdiffApp, name: str) -> list:
    """Record the arguments of ``app.<name>`` while still running it."""
    calls: list = []
    original = getattr(app, name)

    def recorder(*args, **kwargs):
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    monkeypatch.setattr(app, name, recorder)
    return calls


def held_reading(release: threading.Event) -> Engine:
    """The default engine, but reading waits until ``release`` is set."""
    return Engine(read=held(release, read_files))


async def test_list_screen_is_there_before_the_reports_are_read(build_app, settle):
    release = threading.Event()
    app = build_app(engine=held_reading(release))
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ArticlesScreen)  # painted first, filled later
        # before any row, the column titles alone, focused, with the list's keys
        header = app.screen.query_one(ListHeader)
        assert [label for _column, label, _width in header.columns][1:3] == ["Title", "Date ▲"]
        assert "Title" in header.render().plain and app.focused is header
        assert "Compare" in [key.description for key in app.screen.query_one(KeyLine).drawn]
        assert not app.screen.query(ArticleTable)
        assert app.busy  # the progress line is up from the start
        release.set()
        await settle(pilot)
        assert app.alignment is not None
        assert app.busy == ""
        # the table took the titles' place, and the focus with them
        assert not app.screen.query(ListHeader)
        assert app.focused is table_of(app) and "title" in table_of(app).columns
        # idle, the line says what the second pass added, then goes
        status = app.screen.query_one(BusyLine).text
        assert re.fullmatch(r"\d+ paraphrase pairs? added", status), status
        app.note = ""
        await pilot.pause()
        assert not app.screen.query_one("#status").display


async def test_sorting_before_the_rows_shows_in_the_titles_and_holds_for_the_rows(
    build_app, settle
):
    release = threading.Event()
    app = build_app(engine=held_reading(release))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")  # by title, while nothing is read yet
        labels = [label for _column, label, _width in app.screen.query_one(ListHeader).columns]
        assert labels[1:3] == ["Title ▲", "Date"]
        release.set()
        await settle(pilot)
        titles = column(app, "title")
        assert titles == sorted(titles, key=str.casefold) and len(titles) == 5
        assert str(table_of(app).columns["title"].label) == "Title ▲"


async def test_enter_before_the_rows_opens_the_first_report_once_it_can(build_app):
    release = threading.Event()
    app = build_app(engine=held_reading(release))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # on the column titles: nothing to open yet
        assert isinstance(app.screen, ArticlesScreen) and app.corpus is None
        release.set()
        # remembered: the first report's comparison opens when the pairs are there
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        await wait_for(pilot, lambda: app.busy == "")  # the paraphrase pairs added too
        assert app.screen.query_one("#left-title") is not None


async def test_the_five_seed_titles_are_listed(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = column(app, "title")
        assert len(titles) == 5
        assert sorted(titles) == sorted(article.title for article in app.corpus.articles)
        assert all(title.strip() for title in titles)


async def test_rows_are_sorted_by_date_and_figures_filled_in(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dates = [d for d in column(app, "date") if d != "—"]
        assert dates == sorted(dates)
        assert "…" not in column(app, "paired")
        views = overview(app.alignment)
        table = table_of(app)
        for row, article_id in report_rows(app):
            paired = table.get_cell_at((row, table.get_column_index("paired"))).plain
            assert paired == f"{views[article_id].share:.0%}"


async def test_o_cycles_the_sort_column_and_a_header_click_reverses(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("o")
        assert screen.order.key == "title"
        titles = column(app, "title")
        assert titles == sorted(titles, key=str.casefold)
        assert table_of(app).columns["title"].label.plain == "Title ▲"
        await pilot.click("#articles", offset=(6, 0))  # the Title header
        assert screen.order.reverse
        assert column(app, "title") == sorted(titles, key=str.casefold, reverse=True)


async def test_slash_filters_by_fuzzy_title_and_escape_clears(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [a.title for a in app.corpus.articles]
        # a word of one title, misspelt by one letter, that the other titles lack
        target = next(
            (title, word)
            for title in titles
            for word in title.split()
            if len(word) >= 9
            and not any(word.casefold() in t.casefold() for t in titles if t != title)
        )
        title, word = target
        query = word[:3] + word[4:]
        await pilot.press("slash")
        assert app.focused is app.screen.query_one("#filter")
        await pilot.press(*query)
        shown = column(app, "title")
        assert title in shown
        assert len(shown) < 5
        expected = [
            t for t in titles if fuzz.partial_ratio(query, t, processor=utils.default_process) >= 75
        ]
        assert sorted(shown) == sorted(expected)
        await pilot.press("enter")  # keeps the filter, back to the table
        assert isinstance(app.focused, ArticleTable)
        assert column(app, "title") == shown
        await pilot.press("escape")
        assert len(column(app, "title")) == 5
        assert not app.screen.query_one("#filter").display


async def test_typing_q_into_the_filter_does_not_quit(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "q")
        assert app.return_code is None
        assert app.screen.query_one("#filter").value == "q"


async def test_space_marks_with_a_visible_sign_and_unmarks(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space")
        assert column(app, "mark")[0] == MARK
        assert len(app.screen.marked) == 1
        await pilot.press("space")
        assert column(app, "mark")[0] == " "
        assert not app.screen.marked


async def test_c_needs_exactly_two_marked(build_app, settle, monkeypatch):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notes = record_calls(monkeypatch, app.screen, "notify")
        await pilot.press("space", "c")
        assert isinstance(app.screen, ArticlesScreen)
        assert "1 marked" in notes[-1][0][0]


async def test_c_with_two_marked_opens_their_comparison(build_app, settle, monkeypatch):
    compare = pytest.importorskip("newsdiff.app.screens.compare")
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (_, first), _, (_, second) = report_rows(app)[:3]
        await pilot.press("space", "j", "j", "space", "c")
        await pilot.pause()
        order = [a.id for a in app.corpus.articles]
        assert isinstance(app.screen, compare.CompareScreen)
        shown = (app.screen.left_id, app.screen.right_id)
        assert shown == tuple(sorted((first, second), key=order.index))


async def test_enter_compares_with_the_report_sharing_most_pairs(build_app, settle, monkeypatch):
    compare = pytest.importorskip("newsdiff.app.screens.compare")
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_id = report_rows(app)[0][1]  # the cursor starts on it, not on the header
        counts: dict[str, int] = {}
        for pair in app.alignment.pairs:
            ends = {pair.left.article, pair.right.article}
            if article_id in ends:
                (other,) = ends - {article_id}
                counts[other] = counts.get(other, 0) + 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, compare.CompareScreen)
        assert app.screen.left_id == article_id
        assert counts[app.screen.right_id] == max(counts.values())


async def test_question_mark_lists_every_key_with_its_id(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_table = app.screen.query_one("#help-table")
        rows = [
            [cell.plain for cell in help_table.get_row_at(r)] for r in range(help_table.row_count)
        ]
        ids = {row[2] for row in rows}
        for binding_id in (
            "articles.filter",
            "articles.mark",
            "articles.compare_marked",
            "articles.sort",
            "articles.open",
            "articles.quit",
            "app.help",
        ):
            assert binding_id in ids
        assert ["/", "Filter", "articles.filter"] in rows
        # the list's own keys move through the help's list too (end scrolled sideways)
        await pilot.press("end")
        assert help_table.cursor_row == help_table.row_count - 1
        await pilot.press("g")
        assert help_table.cursor_row == 0
        await pilot.press("G", "k")
        assert help_table.cursor_row == help_table.row_count - 2
        await pilot.press("home", "j")
        assert help_table.cursor_row == 1
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)


async def test_every_list_key_is_in_the_command_palette(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        commands = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Filter", "Mark", "Compare marked", "Sort", "Compare", "Show keys"} <= commands
        sort = next(c for c in app.get_system_commands(app.screen) if c.title == "Sort")
        await sort.callback()
        assert app.screen.order.key == "title"


async def test_a_binding_id_remaps_its_key(build_app, settle):
    app = build_app(keymap={"articles.filter": "f"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        assert app.focused is app.screen.query_one("#filter")


async def test_q_quits_from_the_list(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        assert app.return_code == 0


async def test_one_article_shows_a_helpful_empty_state(build_app, settle, tmp_path: Path):
    report = tmp_path / "bericht.md"
    report.write_text(
        "# Hochwasser im Tal\n\nDer Fluss stieg über Nacht um zwei Meter.\n", encoding="utf-8"
    )
    app = build_app([report])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        empty = app.screen.query_one("#empty-state")
        assert empty.display
        assert "Only one report" in str(empty.render())
        assert len(column(app, "title")) == 1


async def test_enter_on_the_only_report_does_not_ask_to_mark_another(
    build_app, settle, monkeypatch, tmp_path: Path
):
    # Enter said "Mark it and another with space, then c" with no other report open
    report = tmp_path / "bericht.md"
    report.write_text(
        "# Hochwasser im Tal\n\nDer Fluss stieg über Nacht um zwei Meter.\n", encoding="utf-8"
    )
    app = build_app([report])
    notes = record_calls(monkeypatch, app, "notify")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        said = [str(args[0]) for args, _ in notes if args]
        assert any("only report open" in note for note in said), said
        assert not any("Mark it and another" in note for note in said)


async def test_unreadable_files_are_named_in_a_notification(build_app, settle, monkeypatch):
    import newsdiff.core.reading.loader as loader

    monkeypatch.setattr(
        loader,
        "read_articles",
        lambda paths, **_: Corpus((), (Problem("/x/broken.pdf", "not text"),)),
    )
    app = build_app()
    notes = record_calls(monkeypatch, app, "notify")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("/x/broken.pdf" in kwargs.get("title", "") for _, kwargs in notes)
        empty = app.screen.query_one("#empty-state")
        assert empty.display and "No reports" in str(empty.render())
        assert not table_of(app).display


async def test_many_unreadable_files_make_one_notice_not_a_covered_screen(
    build_app, settle, monkeypatch
):
    import newsdiff.core.reading.loader as loader

    broken = tuple(Problem(f"/x/broken{k}.pdf", "not text") for k in range(6))
    monkeypatch.setattr(loader, "read_articles", lambda paths, **_: Corpus((), broken))
    app = build_app()
    notes = record_calls(monkeypatch, app, "notify")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    unread = [(args, kwargs) for args, kwargs in notes if "could not be read" in kwargs["title"]]
    assert len(unread) == 1 and unread[0][1]["title"].startswith("6 files")
    text = unread[0][0][0]
    assert "/x/broken0.pdf: not text" in text and "and 3 more" in text
    assert not any("Skipped" in kwargs.get("title", "") for _, kwargs in notes)


async def test_a_failing_alignment_is_reported_and_the_list_stays(build_app, settle, monkeypatch):
    import newsdiff.core.matching.by_story as by_story

    def broken(*_args, **_kwargs):
        raise RuntimeError("aligner broke")

    monkeypatch.setattr(by_story, "align_stories", broken)
    app = build_app()
    notes = record_calls(monkeypatch, app, "notify")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("aligner broke" in args[0] for args, _ in notes)
        assert app.busy == ""
        assert len(column(app, "title")) == 5
        assert app.return_code is None


async def test_results_of_an_older_load_are_dropped(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = app.alignment
        app.post_message(NewsdiffApp.AlignmentReady(0, Alignment((), (), ())))
        await pilot.pause()
        assert app.alignment is current


async def test_bracketed_text_in_a_title_shows_literally(build_app, settle, tmp_path: Path):
    first = tmp_path / "a.md"
    first.write_text(
        "# Alarm [bold]x[/bold] im Tal\n\nDer Fluss stieg um zwei Meter.\n", encoding="utf-8"
    )
    second = tmp_path / "b.md"
    second.write_text(
        "# Hochwasser [red]im Tal\n\nDer Fluss stieg um drei Meter.\n", encoding="utf-8"
    )
    app = build_app([first, second])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = column(app, "title")
        assert any("[bold]x[/bold]" in title for title in titles)
        assert any("[red]im" in title for title in titles)
        table = table_of(app)
        assert all(not table.get_cell_at((r, 1)).spans for r in range(table.row_count))


async def test_t_opens_the_claim_table(build_app, settle):
    claims = pytest.importorskip("newsdiff.app.screens.claims")
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, claims.ClaimsScreen)


def test_a_missing_path_stops_before_the_app_with_one_line(capsys):
    from newsdiff.cli import main

    assert main(["/no/such/report.txt"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "newsdiff: no such file or folder: /no/such/report.txt"


async def test_r_reads_again_and_only_the_latest_load_counts(build_app, settle, tmp_path):
    first = tmp_path / "a.md"
    second = tmp_path / "b.md"
    first.write_text("# Brand im Hafen\n\nDas Feuer brach am Morgen aus.\n", encoding="utf-8")
    second.write_text("# Feuer am Hafen\n\nDer Brand brach am Morgen aus.\n", encoding="utf-8")
    app = build_app([first, second])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space")
        marked = set(app.screen.marked)
        first.write_text(
            "# Großbrand im Hafen\n\nDas Feuer brach am Morgen aus.\n", encoding="utf-8"
        )
        await pilot.press("r", "r")  # the first reload's results must not win
        await settle(pilot)
        assert any(title.startswith("Großbrand") for title in column(app, "title"))
        assert app.screen.marked == marked


async def test_clicking_the_mark_header_changes_nothing(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = column(app, "title")
        await pilot.click("#articles", offset=(1, 0))
        assert app.screen.order.key == "date"
        assert column(app, "title") == before


async def test_help_shows_a_bracketed_screen_title_literally(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.title = "[bold]Kursk[/bold]"
        await pilot.press("question_mark")
        dialog = app.screen.query_one("#help-dialog")
        # the title is kept as markup; read back, it must be the characters typed
        assert Content.from_markup(dialog.border_title).plain == "Keys · [bold]Kursk[/bold]"


async def test_control_characters_from_the_core_never_reach_the_terminal(
    build_app, settle, monkeypatch
):
    import newsdiff.core.reading.loader as loader
    from newsdiff.core.model import Article, Sentence

    title = "Alarm\x1b[2J\x1b]0;pwned\x07 im Tal"
    article = Article("x", "x.txt", "", title, None, "de", (Sentence(0, title, 0, 1),), 3)
    monkeypatch.setattr(loader, "read_articles", lambda paths, **_: Corpus((article,)))
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (shown,) = column(app, "title")
        assert "\x1b" not in shown and "\x07" not in shown
        assert shown == "Alarm␛[2J␛]0;pwned␇ im Tal"
        assert "\x1b" not in str(app.screen.query_one("#article-detail").render())


def test_without_a_terminal_the_reader_points_to_the_plain_commands(capsys):
    from newsdiff.cli import main
    from newsdiff.core.reading.seeds import seed_paths

    # pytest captures stdout, so this runs without a terminal, like `newsdiff x | less`
    assert main([str(seed_paths()[0])]) == 2
    assert "newsdiff list" in capsys.readouterr().err


async def test_a_filter_that_matches_nothing_says_so(build_app, settle):
    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zzzqqq")
        empty = app.screen.query_one("#empty-state")
        assert column(app, "title") == []
        assert empty.display and "No title or text matches “zzzqqq”" in str(empty.render())
        await pilot.press("escape")
        assert not empty.display
        assert len(column(app, "title")) == 5


async def test_a_query_typed_at_once_after_slash_goes_into_the_filter(build_app, settle):
    # A terminal delivers "/Kursk" typed fast, or pasted, in one read: every key is
    # queued before the filter line has focus, so the letters must not fall to the
    # list's keys ("o" sorting, "c" comparing) but be typed into the filter.
    from textual import events

    app = build_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        order = screen.order
        for key, char in [("slash", "/"), *((c, c) for c in "co")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#filter").value == "co"
        assert (screen.order.key, screen.order.reverse) == (order.key, order.reverse)
        assert app.focused is screen.query_one("#filter")
        await pilot.press("slash")  # in the filter, "/" is text
        assert screen.query_one("#filter").value == "co/"


@pytest.mark.parametrize("size", [(80, 12), (120, 12)])
async def test_the_last_column_is_whole_beside_the_scrollbar(build_app, settle, size):
    # The table lays out two cells short of the screen, and its scrollbar takes
    # two more: the widths left the last column two cells short, so its title
    # lost two cells ("Facts ≠" read "Facts") and a count of 12 fact differences read "1".
    app = build_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = table_of(app)
        assert table.show_vertical_scrollbar  # more rows than the screen holds
        shown = table.scrollable_content_region.width
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= shown
        assert table.render_line(0).text.rstrip().endswith("Fact diffs")


async def test_o_at_80_columns_sorts_only_by_columns_on_screen(build_app, settle):
    # below 100 columns there is no source column, yet o sorted by it: no ▲ anywhere
    # and the rows in no order a reader could see
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = table_of(app)
        for _ in range(8):
            await pilot.press("o")
            labels = [column.label.plain for column in table.columns.values()]
            assert any(label.endswith("▲") for label in labels), (app.screen.order.key, labels)


async def test_at_80_columns_the_detail_box_cuts_long_titles_with_a_mark(build_app, settle):
    # the box holds four lines: the closest report's title wrapped onto a fifth and was
    # cut mid-phrase ("… Stationierung von") with no mark, or "closest:" was not shown
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        detail = app.screen.query_one("#article-detail")
        lines = [detail.render_line(y).text.rstrip() for y in range(detail.size.height)]
        closest = [line for line in lines if line.lstrip().startswith("closest: ")]
        assert closest, lines
        # 004's closest is 003, "Nordkorea im Ukraine-Krieg: USA bestätigen … in Russland"
        assert closest[0].endswith("…")
        assert "Nordkorea im Ukraine-Krieg" in closest[0]


async def test_the_fact_column_says_it_counts_fact_differences_as_the_detail_does(
    build_app, settle
):
    # "Facts ≠" over 20 beside "Sent." 16 read as 20 facts in a report of 16
    # passages, or as "facts other than 20": the column names what it counts
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = table_of(app)
        assert table.render_line(0).text.split()[-2:] == ["Fact", "diffs"]
        key = app.screen.current_article_id()
        count = app.screen.overviews[key].fact_differences
        assert count > 0  # the seeds' first report differs from the others
        row = table.get_row(key)
        assert str(row[-1]) == str(count)
        detail = str(app.screen.query_one("#article-detail").render())
        assert f"{count} fact differences" in detail


async def test_enter_before_the_rows_says_it_is_queued_and_escape_cancels_it(build_app):
    # an Enter on the column titles was remembered, but the line said nothing of it
    # until the rows came (the other queued keys say so at once)
    release = threading.Event()
    app = build_app(engine=held_reading(release))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        line = app.screen.query_one(BusyLine).text
        assert "the comparison opens when ready · escape cancels" in line
        await pilot.press("escape")  # what the line says: escape cancels it
        await pilot.pause()
        assert "opens when ready" not in app.screen.query_one(BusyLine).text
        release.set()
        await wait_for(pilot, lambda: app.busy == "")
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)  # cancelled: nothing opened


async def test_the_subtitle_says_it_reads_again_during_r_then_gives_the_new_counts(
    build_app, settle, tmp_path
):
    # during r the window's subtitle kept the old "N reports · M pairs"
    import shutil

    from newsdiff.core.reading.seeds import seed_paths

    for seed in seed_paths()[:3]:
        shutil.copy(seed, tmp_path / Path(seed).name)
    release = threading.Event()
    release.set()
    app = build_app([tmp_path], engine=held_reading(release), lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.sub_title.startswith("3 reports · ")
        for seed in seed_paths()[3:]:
            shutil.copy(seed, tmp_path / Path(seed).name)
        release.clear()
        await pilot.press("r")
        await pilot.pause()
        assert "reading again" in app.sub_title and "3 reports" not in app.sub_title
        release.set()
        await settle(pilot)
        assert app.sub_title.startswith(f"{len(seed_paths())} reports · ")
