"""The list's date column at 80x24: as wide as the report dates it shows.

A story's date range used to widen the column to 13 cells below 120 columns
even where every report row showed "—" (or a 10-cell day), so the titles lost
the cells; the range now takes the most precise form that fits the reports'
dates (the whole range stays in the detail line under the list).
"""

from __future__ import annotations

from newsdiff.app.engine import Engine
from newsdiff.app.widgets.article_table import ArticleTable
from newsdiff.app.widgets.list_rows import HEADER
from newsdiff.core.model import Alignment, Article, Corpus, Sentence
from newsdiff.core.stories.detect import Story


def _core(dates: dict[str, str | None], first: str, last: str) -> tuple[list[str], Engine]:
    """Reports with long titles and ``dates``, all one story from ``first`` to ``last``."""
    articles = tuple(
        Article(
            key,
            f"reports/{key}.txt",
            "",
            f"Lindsay Lohan checks into rehab clinic, lawyer says ({key})",
            date,
            "en",
            tuple(Sentence(i, f"Sentence {i} of {key}.", 0, 0) for i in range(3)),
            36,
        )
        for key, date in dates.items()
    )
    corpus = Corpus(articles)
    story = Story(tuple(sorted(dates)), "Lindsay Lohan · rehab", first, last)
    engine = Engine(
        count=lambda paths: len(paths),
        read=lambda paths: corpus,
        stories=lambda found: (story,),
        align=lambda found, stories: Alignment(corpus.articles, (), ()),
        then=None,
    )
    return [a.path for a in articles], engine


def _columns(app) -> tuple[dict[str, int], str]:
    """The column widths ("label" the date column's title) and the header's date cell."""
    table = app.screen.query_one(ArticleTable)
    widths = {str(c.key.value): c.width for c in table.columns.values()}
    widths["label"] = next(c.label.cell_len for c in table.columns.values() if c.key == "date")
    header = next(n for n, row in enumerate(table.ordered_rows) if row.key.value.startswith(HEADER))
    cell = table.get_cell_at((header, table.get_column_index("date")))
    return widths, cell.plain


async def test_undated_reports_leave_the_date_column_narrow(build_app, settle):
    # the reports show "—"; the story's range (from wherever it came) used to make
    # the column 13 wide and cut every title to 23 cells at 80x24
    app = build_app(*_core({"a": None, "b": None, "c": None}, "2013-05-02", "2013-06-14"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        widths, span = _columns(app)
        assert widths["date"] == widths["label"]  # "Date" and the sort arrow
        assert span == "2013"  # the range in the room the column has
        assert widths["title"] >= 30  # 23 beside a 13-cell date column
        detail = app.screen.query_one("#article-detail")
        app.screen.query_one(ArticleTable).move_cursor(row=0)
        await pilot.pause()
        assert "2013-05-02–06-14" in str(detail.render())  # the whole range under the list


async def test_a_days_range_is_shortened_to_the_report_dates_width(build_app, settle):
    dates = {"a": "2008-12-11", "b": "2008-12-16", "c": "2008-12-23"}
    app = build_app(*_core(dates, "2008-12-11", "2008-12-23"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        widths, span = _columns(app)
        assert widths["date"] == len("2008-12-11")  # not 13 for "2008-12-11–23"
        assert span == "2008-12"
