"""The reader's story surfaces with hostile labels: text from a file is never markup."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from newsdiff.app.widgets.article_table import ArticleTable
from newsdiff.app.widgets.list_rows import HEADER

SIZE = (120, 40)
STORY = (
    "Zorvath Quellmar arrested in Brindlewick\n\nPolice in Brindlewick arrested Zorvath"
    " Quellmar on Tuesday after a crash on the Harrowgate bridge, officers said.\n",
    "Brindlewick police hold Zorvath Quellmar\n\nZorvath Quellmar was arrested in"
    " Brindlewick on Tuesday after a crash on the Harrowgate bridge.\n",
)
ALONE = "Ice hockey\n\nThe Graz team lost 3:1 on Sunday.\n"


def folder(tmp_path: Path) -> Path:
    (tmp_path / "f").mkdir()
    for n, text in enumerate(STORY):
        (tmp_path / "f" / f"{n}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "f" / "z.txt").write_text(ALONE, encoding="utf-8")
    return tmp_path / "f"


async def test_the_which_story_question_shows_a_label_as_written(build_app, settle, tmp_path):
    # the palette's "Claim table of which story?" parsed each story's heading as markup:
    # a label "[b]Zorvath[/b] [link=https://e.x]x[/link]" lost its brackets and became a link
    from textual.command import CommandList, CommandPalette

    app = build_app([folder(tmp_path)], lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        label = "[b]Zorvath[/b] [link=https://e.x]x[/link]"
        screen.stories = tuple(replace(s, label=label) for s in screen.stories)
        screen.refresh_rows()
        table = screen.query_one(ArticleTable)
        keys = [
            str(table.coordinate_to_cell_key((r, 0)).row_key.value) for r in range(table.row_count)
        ]
        table.move_cursor(row=keys.index(f"{HEADER}alone"), animate=False)
        await pilot.press("t")
        await pilot.pause(0.5)
        assert CommandPalette.is_open(app)
        (option,) = app.screen.query_one(CommandList).options
        assert label in option.prompt.plain  # shown as written, one line per story
        assert not any("link" in str(span.style) for span in option.prompt.spans)


def test_list_cells_take_the_width_the_terminal_gives_them():
    # a medial Hangul letter with no initial before it ("ᅡᅢᅣ") is one cell in a terminal
    # and none to Rich: a story of a name written with them pushed its rows' columns
    # out of line (the Date, Lang ... cells one cell right per letter)
    from rich.cells import cell_len

    from newsdiff.app.widgets.list_rows import article_cells, header_cells
    from newsdiff.core.model import Article
    from newsdiff.core.stories.detect import Story
    from newsdiff.core.views.cells import cell_width
    from newsdiff.core.views.stories import StoryGroup

    name = "\u1161\u1162\u1163 \ud7b0\u11a8 Quellmar"
    article = Article("a", "a.txt", "", f"{name} arrested", None, "en", (), 0)
    group = StoryGroup("story:0", Story(("a", "b"), name), (article,), 2)
    cells = [
        article_cells(article, None, marked=False, wide=False)["title"],
        header_cells(group, ["title"], date_width=10)["title"],
    ]
    for cell in cells:
        assert cell_len(cell.plain) == cell_width(cell.plain), cell.plain
    # a whole old-Hangul syllable (initial, medial, final) is left as written
    assert (
        article_cells(replace(article, title="\u1100\u1161\u11a8"), None, marked=False, wide=False)[
            "title"
        ].plain
        == "\u1100\u1161\u11a8"
    )


async def test_the_comparison_keeps_its_columns_with_orphan_hangul_letters(
    build_app, settle, tmp_path
):
    # the same letters in a passage: the right column started a cell later per letter on
    # screen, and once they were pictured the wrap (measuring the raw text) cut "Tuesday"
    from newsdiff.app.screens.compare import CompareScreen
    from newsdiff.app.widgets.comparison_view import ComparisonView
    from newsdiff.core.views.cells import cell_width

    jamo = "\u1161\u1162\u1163\u1164\u1165"
    story = folder(tmp_path)
    for path in story.glob("[01].txt"):
        path.write_text(path.read_text(encoding="utf-8").replace("Zorvath", jamo))
    app = build_app([story], lexical=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CompareScreen)
        view = app.screen.query_one(ComparisonView)
        lines = [view.render_line(y).text for y in range(view.size.height)]
        split = {cell_width(line[: line.index("│")]) for line in lines if "│" in line}
        assert len(split) == 1, lines
        words = " ".join(lines).replace("│", " ").split()
        assert words.count("Tuesday") == 2 and "Tuesda" not in words, lines
