"""The config file: a theme and key remappings by binding id, never a crash."""

from __future__ import annotations

import os
from pathlib import Path

from newsdiff.app import make_app
from newsdiff.app.config import config_path, load_settings


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_config_lives_under_xdg_config_home():
    assert config_path() == Path(os.environ["XDG_CONFIG_HOME"]) / "newsdiff" / "config.toml"


def test_theme_and_keymap_are_read():
    write_config('theme = "textual-light"\n\n[keymap]\n"articles.filter" = "f"\n')
    settings = load_settings()
    assert settings.theme == "textual-light"
    assert settings.keymap == {"articles.filter": "f"}
    assert settings.problem is None


def test_a_broken_file_gives_defaults_and_names_itself():
    path = write_config("theme = \n")
    settings = load_settings()
    assert (settings.theme, settings.keymap) == (None, {})
    assert str(path) in settings.problem


async def test_the_app_applies_the_config(settle):
    write_config('theme = "textual-light"\n\n[keymap]\n"articles.filter" = "f"\n')
    app = make_app([])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "textual-light"
        await pilot.press("f")
        assert app.focused is app.screen.query_one("#filter")


async def test_a_broken_config_is_reported_and_the_app_runs(settle, monkeypatch):
    path = write_config('[keymap]\n"articles.filter" = 3\n')
    app = make_app([])
    notes = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert any(str(path) in note for note in notes)
        assert app.return_code is None


async def test_unknown_ids_and_collisions_are_warned_and_the_collision_not_applied(
    build_app, settle, monkeypatch
):
    from newsdiff.app.screens.compare import CompareScreen

    app = build_app(keymap={"compare.swap": "n", "compare.nope": "z", "articles.filter": "f"})
    notes: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **kw: notes.append(message))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any('"compare.nope"' in note for note in notes)
        assert any(
            "Key n" in note and "compare.swap" in note and "compare.next_pair" in note
            for note in notes
        )
        await pilot.press("f")  # the harmless remap is applied
        assert app.focused is app.screen.query_one("#filter")
        await pilot.press("escape", "escape")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        before = app.screen.cursor_row
        await pilot.press("n")  # still "next pair", not swap
        assert app.screen.left_id != app.screen.right_id
        assert app.screen.cursor_row != before or app.screen.rows[before].pair is not None


async def test_a_theme_chosen_in_the_app_is_saved(settle):
    write_config('[keymap]\n"articles.filter" = "f"\n')
    app = make_app([])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await pilot.pause()
    settings = load_settings()
    assert settings.theme == "nord"
    assert settings.keymap == {"articles.filter": "f"}  # the rest of the file kept


def test_the_config_is_read_with_tomli_where_tomllib_is_missing():
    import sys

    if sys.version_info >= (3, 11):
        import tomllib  # noqa: F401 - 3.11+: the standard library reads it
    else:  # pragma: no cover - the 3.10 CI leg
        import tomli  # noqa: F401
    write_config('theme = "textual-light"\n')
    assert load_settings().theme == "textual-light"


def test_a_wrong_entry_is_named_and_the_rest_of_the_file_still_applies():
    # one remap written as a number (or a lexical = "yes") cost the theme and every
    # other remap, and the message did not say which entry was wrong
    path = write_config(
        'theme = "textual-light"\nlexical = "yes"\n\n[keymap]\n'
        '"articles.filter" = "f"\n"articles.sort" = 5\n'
    )
    settings = load_settings()
    assert settings.theme == "textual-light"
    assert settings.keymap == {"articles.filter": "f"}
    assert settings.lexical is False
    assert settings.problem == (
        f"{path}: [keymap] 'articles.sort': a key must be a string in quotes, not applied; "
        "lexical must be true or false"
    )


async def test_escape_sequences_in_the_keymap_never_reach_the_terminal(settle, monkeypatch):
    # TOML writes an escape as \u001b: an unknown binding id holding one set the
    # terminal's title and cleared the screen in its warning, and a key named with
    # one was applied and painted raw in the footer and the help
    from textual.app import App

    painted: list[str] = []  # what Textual is handed to paint as a notice
    original = App.notify

    def record(self, message, *, title="", **options):  # type: ignore[no-untyped-def]
        painted.extend([message, title])
        original(self, message, title=title, **options)

    monkeypatch.setattr(App, "notify", record)
    write_config(
        '[keymap]\n"\\u001b]0;PWN\\u0007\\u001b[2J" = "x"\n"app.help" = "\\u001b]0;KEY\\u0007,f1"\n'
    )
    app = make_app([])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not any("\x1b" in text or "\x07" in text for text in painted)
        assert any("\\x1b]0;PWN\\x07" in text for text in painted)  # named, escaped
        assert any("\\x1b]0;KEY" in text and "no key name" in text for text in painted)
        assert not any("\x1b" in key for key in app.screen.active_bindings)
        await pilot.press("question_mark")  # the help key is still the default one
        assert type(app.screen).__name__ == "HelpScreen"


async def test_a_remap_refused_alone_is_not_applied_all_the_same(settle):
    # the app kept the remaps asked for in Textual's own ``_keymap``, which Textual
    # applies to every screen as it stands: a collision warned "not remapped" was
    # remapped whenever no other remap was applied (n swapped instead of going on)
    from newsdiff.app.screens.compare import CompareScreen

    write_config('[keymap]\n"compare.swap" = "n"\n')
    app = make_app([])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        sides = (app.screen.left_id, app.screen.right_id)
        await pilot.press("n")  # still "next pair", not swap
        await pilot.pause()
        assert (app.screen.left_id, app.screen.right_id) == sides
        assert "n" in app.screen.active_bindings
        assert app.screen.active_bindings["n"].binding.id == "compare.next_pair"


def test_saving_the_theme_writes_through_a_linked_config_and_keeps_its_mode(tmp_path):
    from newsdiff.app.config import save_theme

    # a config.toml linked into a dotfiles folder: replacing the link with a file of
    # its own (mode 600) cut the user's link and never touched the user's file
    kept = tmp_path / "dotfiles" / "newsdiff.toml"
    kept.parent.mkdir()
    kept.write_text('[keymap]\n"articles.filter" = "f"\n', encoding="utf-8")
    kept.chmod(0o644)
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(kept)
    assert save_theme("nord") is None
    assert path.is_symlink() and path.resolve() == kept
    assert load_settings(kept).theme == "nord"
    assert load_settings(kept).keymap == {"articles.filter": "f"}
    assert kept.stat().st_mode & 0o777 == 0o644


def _within(seconds: float, call):
    """``call()``'s result, failing (not hanging the run) if it blocks, as opening a FIFO does."""
    import threading

    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert result, f"blocked for {seconds} s"
    return result[0]


def test_a_fifo_or_folder_as_config_is_named_in_one_line_never_opened():
    # a config.toml that was a FIFO (or a folder) was skipped without a word
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    settings = _within(5, load_settings)
    assert (settings.theme, settings.keymap, settings.lexical) == (None, {}, False)
    assert settings.problem == f"{path}: not a regular file (a named pipe); using the defaults"
    path.unlink()
    path.mkdir()
    assert load_settings().problem == f"{path}: not a regular file (a folder); using the defaults"


def test_saving_the_theme_never_replaces_a_fifo_in_the_config_s_place():
    import stat

    from newsdiff.app.config import save_theme

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    problem = _within(5, lambda: save_theme("nord"))
    assert problem == f"{path}: not a regular file (a named pipe); the theme was not saved"
    assert stat.S_ISFIFO(os.lstat(path).st_mode)
