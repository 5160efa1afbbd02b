"""Writing the shareable report from the comparison screen: a key and a palette command."""

from __future__ import annotations

from pathlib import Path

from compare_data import sample_alignment
from textual.app import App

from newsdiff.app.routing import ScreenRouter
from newsdiff.app.screens.compare import CompareScreen, report_path
from newsdiff.core.views.subset import restrict


class CompareApp(ScreenRouter, App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.alignment = sample_alignment()

    def on_mount(self) -> None:
        self.push_screen(CompareScreen(self.alignment, "ard", "zdf"))


def _record_notices(monkeypatch, app: App[None]) -> list[tuple[str, str]]:
    notices: list[tuple[str, str]] = []
    monkeypatch.setattr(
        app,
        "notify",
        lambda message, **kw: notices.append((kw.get("severity", "information"), message)),
    )
    return notices


async def _settle(app: App[None], pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_w_writes_an_html_report_of_the_two_reports_and_says_where(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = CompareApp()
    notices = _record_notices(monkeypatch, app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")  # the dialog's default: the working folder
        await _settle(app, pilot)
        written = tmp_path / "newsdiff-ard-vs-zdf.html"
        assert written.is_file()
        html = written.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>")
        # only the two compared reports, not the third one of the corpus
        titles = {a.id: a.title for a in app.alignment.articles}
        assert titles["ard"] in html or "ard" in html
        assert "dlf" not in html
        assert any(str(written) in message for _, message in notices)


async def test_capital_w_writes_markdown_and_never_overwrites(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "newsdiff-ard-vs-zdf.md").write_text("mine", encoding="utf-8")
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        await pilot.press("enter")
        await _settle(app, pilot)
    assert (tmp_path / "newsdiff-ard-vs-zdf.md").read_text(encoding="utf-8") == "mine"
    second = tmp_path / "newsdiff-ard-vs-zdf-2.md"
    assert second.read_text(encoding="utf-8").startswith("# newsdiff report")


async def test_the_name_typed_chooses_the_format_as_the_command_line_does(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w")  # the HTML report's key
        await pilot.pause()
        field = app.screen.query_one("#save-path")
        field.value = str(tmp_path / "for-the-desk.md")
        await pilot.press("enter")
        await _settle(app, pilot)
    assert (tmp_path / "for-the-desk.md").read_text(encoding="utf-8").startswith("# newsdiff")


async def test_an_unwritable_folder_is_reported_not_raised(tmp_path, monkeypatch):
    missing = tmp_path / "gone"
    missing.mkdir()
    monkeypatch.chdir(missing)
    missing.rmdir()  # the working folder vanished under the app
    app = CompareApp()
    notices = _record_notices(monkeypatch, app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await _settle(app, pilot)
        assert [severity for severity, _ in notices] == ["error"]


def test_report_path_counts_up_past_existing_files(tmp_path: Path):
    first = report_path(tmp_path, "a", "b", "json")
    assert first.name == "newsdiff-a-vs-b.json"
    first.write_text("{}")
    assert report_path(tmp_path, "a", "b", "json").name == "newsdiff-a-vs-b-2.json"


def test_restrict_keeps_only_the_two_reports_pairs_and_shared_clusters():
    alignment = sample_alignment()
    narrowed = restrict(alignment, ["ard", "zdf"])
    assert [a.id for a in narrowed.articles] == ["ard", "zdf"]
    assert narrowed.pairs
    assert all({p.left.article, p.right.article} == {"ard", "zdf"} for p in narrowed.pairs)
    for cluster in narrowed.clusters:
        assert {ref.article for ref in cluster} == {"ard", "zdf"}


async def test_the_palette_writes_the_report_of_the_open_comparison(
    build_app, settle, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the first report beside the one it shares most with
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        commands = {c.title: c for c in app.get_system_commands(screen)}
        assert {"Write report", "Write Markdown report"} <= set(commands)
        await commands["Write report"].callback()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = tmp_path / f"newsdiff-{screen.left_id}-vs-{screen.right_id}.html"
        assert written.is_file()
        assert "<script" not in written.read_text(encoding="utf-8")


async def test_a_target_in_a_missing_folder_is_named_without_the_temporary_file(
    tmp_path, monkeypatch
):
    # the notice said "… No such file or directory: '/x/.newsdiff-941f4f590070.tmp'":
    # a file the user never named; the CLI says the file and the reason only
    from textual.widgets import Input

    monkeypatch.chdir(tmp_path)
    target = tmp_path / "gone" / "r.html"
    app = CompareApp()
    notices = _record_notices(monkeypatch, app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await _settle(app, pilot)
    assert notices == [("error", f"Could not write {target}: No such file or directory")]


async def test_a_dangling_symlink_at_the_default_name_is_left_alone(tmp_path, monkeypatch):
    # Path.exists() is False for a link to nowhere, so the report replaced the link
    monkeypatch.chdir(tmp_path)
    link = tmp_path / "newsdiff-ard-vs-zdf.html"
    link.symlink_to(tmp_path / "elsewhere" / "notes.html")
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("enter")
        await _settle(app, pilot)
    assert link.is_symlink() and not (tmp_path / "elsewhere").exists()
    assert (tmp_path / "newsdiff-ard-vs-zdf-2.html").read_text(encoding="utf-8").startswith("<!")


async def test_w_pressed_twice_quickly_writes_two_reports(tmp_path, monkeypatch):
    # a long pair renders for a moment: the second dialog still found the first name
    # free, and the second report replaced the first
    import threading

    from newsdiff.core.export import report

    monkeypatch.chdir(tmp_path)
    rendering = threading.Event()  # held until both are asked for: no render is that fast
    render = report.render_report
    monkeypatch.setattr(
        report, "render_report", lambda *a, **k: rendering.wait(10) and render(*a, **k)
    )
    app = CompareApp()
    notices = _record_notices(monkeypatch, app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w", "enter", "w", "enter")
        rendering.set()
        await _settle(app, pilot)
    first, second = tmp_path / "newsdiff-ard-vs-zdf.html", tmp_path / "newsdiff-ard-vs-zdf-2.html"
    assert {p.name for p in tmp_path.iterdir()} == {first.name, second.name}
    assert all(p.read_text(encoding="utf-8").startswith("<!DOCTYPE html>") for p in (first, second))
    assert sorted(message for _, message in notices) == sorted(  # the two renders race
        [f"Report written to {first}", f"Report written to {second}"]
    )


async def test_a_report_that_cannot_be_written_leaves_no_empty_file(tmp_path, monkeypatch):
    import errno

    from newsdiff.core.export import report

    def full_disk(path, text, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(report, "write_text_atomically", full_disk)
    app = CompareApp()
    notices = _record_notices(monkeypatch, app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w", "enter")
        await _settle(app, pilot)
    target = tmp_path / "newsdiff-ard-vs-zdf.html"
    assert notices == [("error", f"Could not write {target}: No space left on device")]
    assert list(tmp_path.iterdir()) == []  # the name claimed is given back


async def test_a_report_that_fails_to_render_leaves_no_empty_file(tmp_path, monkeypatch):
    from newsdiff.core.export import report

    def broken(*args, **kwargs):
        raise ValueError("a pair no report can show")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(report, "render_report", broken)
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w", "enter")
        await _settle(app, pilot)
    assert list(tmp_path.iterdir()) == []


async def test_a_file_put_at_the_claimed_name_while_rendering_is_left_alone(tmp_path, monkeypatch):
    # w claims the name (an empty file), renders, then renames over the name: a file
    # another program put there meanwhile was lost, and an empty one was "released"
    import os

    from newsdiff.core.export import report

    real = report.render_report
    target = tmp_path / "newsdiff-ard-vs-zdf.html"
    put = tmp_path / "theirs.tmp"

    def render_while_another_program_saves(*args, **kwargs):
        put.write_text("<p>mine</p>", encoding="utf-8")
        os.replace(put, target)
        return real(*args, **kwargs)

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(report, "render_report", render_while_another_program_saves)
    app = CompareApp()
    notices = _record_notices(monkeypatch, app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("w", "enter")
        await _settle(app, pilot)
    assert notices == [
        (
            "error",
            f"Could not write {target}: "
            "was changed by another program meanwhile; not overwriting it",
        )
    ]
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    assert target.read_text(encoding="utf-8") == "<p>mine</p>"
