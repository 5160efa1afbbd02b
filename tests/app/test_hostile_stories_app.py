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
