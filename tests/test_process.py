"""The process edge: a config nested too deeply means defaults and a notice (issue 14, part 4)."""

from __future__ import annotations

from pathlib import Path

from newsdiff.app.config import load_settings


def test_a_deeply_nested_config_means_defaults_and_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("theme = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    settings = load_settings(path)
    assert settings.theme is None and settings.keymap == {}
    assert settings.problem and "config.toml" in settings.problem
