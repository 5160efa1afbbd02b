"""Snapshots of the article list and its help, at fixed sizes and a fixed theme.

Regenerate after a deliberate change with ``pytest tests/app/test_snapshots.py
--snapshot-update`` and look at the SVGs before committing them. The figures
in the list come from the real reader and aligner, so a change there shows up
here too, on purpose: this is what the user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch: pytest.MonkeyPatch):
    # paths are shown relative to the working folder; fix it so snapshots repeat
    monkeypatch.chdir(REPO)
    # the help names the config file; a fixed (absent) folder keeps that line steady
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/config")


def test_list_of_the_seeds(snap_compare, build_app, settle):
    assert snap_compare(build_app(), terminal_size=(120, 40), run_before=settle)


def test_list_of_the_seeds_at_80x24(snap_compare, build_app, settle):
    assert snap_compare(build_app(), terminal_size=(80, 24), run_before=settle)


def test_list_marked_and_in_reverse_date_order(snap_compare, build_app, settle):
    assert snap_compare(
        build_app(),
        terminal_size=(120, 40),
        run_before=settle,
        press=["space", "j", "j", "space", "O"],
    )


def test_list_filtered(snap_compare, build_app, settle):
    assert snap_compare(
        build_app(), terminal_size=(120, 40), run_before=settle, press=["slash", *"soldaten"]
    )


def test_help_screen(snap_compare, build_app, settle):
    assert snap_compare(build_app(), terminal_size=(120, 40), run_before=settle, press=["?"])


def test_one_report_empty_state(snap_compare, build_app, settle, monkeypatch):
    monkeypatch.chdir(FIXTURES)
    assert snap_compare(build_app(["one_report.md"]), terminal_size=(80, 24), run_before=settle)
