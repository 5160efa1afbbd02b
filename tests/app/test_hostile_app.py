"""The reader on a messy downloads folder: bad files are skipped with a notice, the good
ones are listed, and article text full of markup is shown as the characters it is."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.screens.passage import PassageScreen
from newsdiff.app.widgets.article_table import ArticleTable
from newsdiff.app.widgets.comparison_view import ComparisonView

SIZE = (120, 40)
MARKUP = (
    "Markup [bold]fett[/] im Titel\n\n"
    "Ein [link=https://e.vil]Klick[/link] und [red]rot[/] stehen in Kursk wörtlich. "
    "Auch [/] und [b] bleiben Text, sagte der Sprecher der Regierung.\n"
)


def downloads(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(MARKUP, encoding="utf-8")
    (folder / "b.txt").write_text(MARKUP.replace("Sprecher", "Minister"), encoding="utf-8")
    (folder / "[red]photo[x].txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "page.html").write_text("<!DOCTYPE html><html><body>x</body></html>")
    (folder / "escapes.txt").write_bytes(b"\x1b[2J\x1b]0;pwned\x07\x00")
    german = "Grüße aus Köln\r\n\r\nDie Straße kostet 3 € mehr, sagte Müller.\r\n"
    (folder / "legacy.txt").write_bytes(german.encode("cp1252"))
    (folder / "windows.txt").write_bytes(german.encode("utf-16"))
    return folder


async def aligned(pilot, seconds: float = 60) -> None:
    """Wait until the loading worker has posted the alignment (the first align is slow)."""
    for _ in range(int(seconds * 10)):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.1)
        if pilot.app.alignment is not None:
            return
    raise AssertionError(f"no alignment after {seconds} s: {pilot.app.busy}")


def titles(app, *, headers: bool = False) -> list[str]:
    """The title cells of the report rows (or of the story header rows)."""
    table = app.screen.query_one(ArticleTable)
    column = table.get_column_index("title")
    return [
        table.get_cell_at((row, column)).plain
        for row in range(table.row_count)
        if str(table.coordinate_to_cell_key((row, 0)).row_key.value).startswith("\x00") == headers
    ]


async def test_bad_files_are_skipped_and_the_good_ones_listed(build_app, tmp_path):
    folder = downloads(tmp_path / "downloads")
    app = build_app([folder, folder / "page.html"])
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        names = sorted(Path(a.path).name for a in app.corpus.articles)
        assert names == ["a.txt", "b.txt", "legacy.txt", "windows.txt"]
        skipped = sorted(Path(p.path).name for p in app.corpus.problems)
        assert skipped == ["[red]photo[x].txt", "empty.txt", "escapes.txt", "page.html"]
        assert sorted(titles(app)) == ["Grüße aus Köln"] * 2 + ["Markup [bold]fett[/] im Titel"] * 2
        assert app.alignment is not None and app.alignment.pairs


async def test_markup_in_article_text_is_shown_literally_side_by_side(build_app, tmp_path):
    folder = downloads(tmp_path / "downloads")
    app = build_app([folder / "a.txt", folder / "b.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        app.open_comparison("a", "b")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        view = app.screen.query_one(ComparisonView)
        shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "[link=https://e.vil]Klick[/link]" in shown
        assert "[bold]fett[/]" in shown and "[red]rot[/]" in shown
        assert "\x1b" not in shown
        await pilot.press("enter")  # the passage under the cursor, on a screen of its own
        await pilot.pause()
        assert isinstance(app.screen, PassageScreen)
        passage = str(app.screen.query_one("#passage-text").render())
        texts = {s.text for a in app.corpus.articles for s in a.sentences}
        assert passage in texts and "[" in passage  # every passage here holds markup


async def test_a_200000_character_line_opens_side_by_side_without_a_hang(build_app, tmp_path):
    import time

    endless = tmp_path / "endless.txt"
    endless.write_text(" ".join(f"wort{i % 997}" for i in range(25_000))[:200_000])
    good = tmp_path / "good.txt"
    good.write_text(MARKUP, encoding="utf-8")
    app = build_app([endless, good])
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        started = time.perf_counter()
        app.open_comparison("endless", "good")
        await pilot.pause()
        view = app.screen.query_one(ComparisonView)
        shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "wort0 wort1 wort2" in shown and "[bold]fett[/]" in shown
        for key in ("j", "j", "n", "d", "s", "u"):
            await pilot.press(key)
            await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)  # still answering keys
        assert time.perf_counter() - started < 20


async def test_two_thousand_files_are_listed_and_the_list_answers(build_app, tmp_path):
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(2000):
        (folder / f"n{n:04d}.txt").write_text(
            f"Meldung {n}\n\nIn Ort {n % 40} geschah am Montag Ereignis {n % 13}.\n"
        )
    app = build_app([folder])
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        assert len(titles(app)) == 2000
        table = app.screen.query_one(ArticleTable)
        start = table.cursor_row
        await pilot.press("j", "j")
        await pilot.pause()
        assert table.cursor_row == start + 2
        await pilot.press("o")  # sort by another column: 2,000 rows again, in another order
        await pilot.pause()
        assert len(titles(app)) == 2000
    assert time.perf_counter() - started < 60


async def test_a_report_for_files_named_with_markup_is_written_and_named_literally(
    build_app, tmp_path, monkeypatch
):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "[red]a[x].txt").write_text(MARKUP, encoding="utf-8")
    (folder / "b.txt").write_text(MARKUP.replace("Sprecher", "Minister"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)  # the app writes the report into the working folder
    app = build_app([folder / "[red]a[x].txt", folder / "b.txt"])
    told: list[str] = []
    notify = app.notify

    def record(message, *args, markup: bool = True, **kwargs):
        # what the toast will show: markup is parsed unless the caller turned it off
        told.append((Content.from_markup(message) if markup else Content(message)).plain)
        return notify(message, *args, markup=markup, **kwargs)

    monkeypatch.setattr(app, "notify", record)
    async with app.run_test(size=SIZE) as pilot:
        await aligned(pilot)
        app.open_comparison("[red]a[x]", "b")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (written,) = out.iterdir()
        assert written.name == "newsdiff-[red]a[x]-vs-b.html"
        assert "[link=https://e.vil]Klick[/link]" in written.read_text(encoding="utf-8")
        assert isinstance(app.screen, CompareScreen)  # still running, still there
        assert any("newsdiff-[red]a[x]-vs-b.html" in shown for shown in told), told
