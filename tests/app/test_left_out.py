"""Nothing is left out silently in the app: a notice counts the files a folder held that were
not read, `x` opens the list of every input left out with its reason, and the empty state says
what was left out and why."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

SIZE = (120, 40)

GOOD = "Kursk\n\nNordkorea hat nach Angaben aus Seoul 3000 Soldaten nach Russland geschickt.\n"


def downloads(root: Path) -> Path:
    root.mkdir()
    (root / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "b.txt").write_text(GOOD.replace("3000", "4000"), encoding="utf-8")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4")
    (root / ".DS_Store").write_bytes(b"\0")
    (root / "empty.txt").write_bytes(b"")
    return root


async def test_a_notice_counts_the_files_left_out_and_x_lists_each_with_its_reason(
    build_app, settle, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = build_app([downloads(tmp_path / "downloads")])
    notes: list[tuple[str, dict]] = []
    original = app.notify
    monkeypatch.setattr(
        app,
        "notify",
        lambda message, **kw: (notes.append((message, kw)), original(message, **kw))[1],
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        told = [m for m, kw in notes if kw.get("title") == "Files left out"]
        assert told == [
            "Left out 2 files of the folders: 1 hidden file, 1 not a report file (.pdf). "
            "Press x in the list to see them."
        ]
        await pilot.press("x")
        from newsdiff.app.screens.left_out import LeftOutScreen

        assert isinstance(app.screen, LeftOutScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        by_name = {Path(path).name: (what, why) for path, why, what in rows}
        assert by_name == {
            "empty.txt": ("could not be read", "empty file"),
            ".DS_Store": ("left out", "hidden file"),
            "scan.pdf": ("left out", "not a report file (.pdf)"),
        }
        await pilot.press("escape")
        assert not isinstance(app.screen, LeftOutScreen)


async def test_the_empty_state_says_what_was_left_out_and_why(
    build_app, settle, tmp_path, monkeypatch
):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "html"
    root.mkdir()
    links = "".join(f"<li><a href='/{n}'>Section {n}</a></li>" for n in range(30))
    (root / "index.html").write_text(f"<html><body><nav><ul>{links}</ul></nav></body></html>")
    (root / "scan.pdf").write_bytes(b"%PDF-1.4")
    app = build_app([root])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        message = str(app.screen.query_one("#empty-state").render())
        assert "No reports to show." in message
        assert (
            "1 file could not be read: index.html (no article text found in the page)." in message
        )
        assert "Left out 1 file of the folders: 1 not a report file (.pdf)." in message
        assert "Press x to see each one and why." in message


async def test_x_when_nothing_was_left_out_says_so(build_app, settle, monkeypatch):
    app = build_app()
    notes: list[str] = []
    original = app.notify
    monkeypatch.setattr(
        app, "notify", lambda message, **kw: (notes.append(message), original(message, **kw))[1]
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        assert "Nothing was left out: every file given was read." in notes


async def test_files_of_one_folder_are_listed_below_it_so_their_reasons_fit_80_columns(
    build_app, settle, tmp_path, monkeypatch
):
    # saved pages, each in its folder beside a .json: every row repeated the long
    # folder, so at 80 columns the names were cut and the "Why" column was off screen
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = tmp_path / "a-folder-of-saved-pages-with-a-long-name" / "web-pages"
    for name, figure in (("aclu", "3000"), ("herald-sun-1", "4000")):
        (root / name).mkdir(parents=True)
        (root / name / "source.txt").write_text(GOOD.replace("3000", figure), encoding="utf-8")
        (root / name / "expected-metadata.json").write_text("{}", encoding="utf-8")
    app = build_app([root])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["aclu/expected-metadata.json", "not a report file (.json)", "left out"],
            ["herald-sun-1/expected-metadata.json", "not a report file (.json)", "left out"],
        ]
        assert str(root) in str(app.screen.query_one("#left-out-dialog").border_title)
        # the file and the reason fit the screen; only "What happened" may be cut
        file_and_why = sum(column.get_render_width(table) for column in table.ordered_columns[:2])
        assert file_and_why <= table.size.width
