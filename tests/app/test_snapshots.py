"""Snapshots of the article list and its help, at fixed sizes and a fixed theme.

The list shows a hand-made corpus and alignment (``list_data``) handed to the
app's worker in place of the reader and the aligner, so these pictures change
only when the list does. Regenerate after a deliberate change with
``pytest tests/app/test_snapshots.py --snapshot-update`` and look at the SVGs
before committing them.
"""

from __future__ import annotations

import pytest
from list_data import sample_alignment, sample_corpus

from newsdiff.app.engine import Engine
from newsdiff.core.stories.detect import Story


def fixed_core(count: int = 5) -> tuple[list[str], Engine]:
    """An engine whose reader and aligner return the sample, and the paths it reads.

    Its reports are one story, as its alignment pairs them.
    """
    corpus = sample_corpus(count)
    ids = tuple(sorted(a.id for a in corpus.articles))
    story = Story(ids, "Nordkorea · Kursk · Soldaten", "2024-11-06", "2025-04-29")
    engine = Engine(
        count=lambda paths: len(paths),
        read=lambda paths: corpus,
        stories=lambda articles: (story,),
        align=lambda articles, stories: sample_alignment(corpus),
        then=None,
    )
    return [article.path for article in corpus.articles], engine


@pytest.fixture(autouse=True)
def _steady(monkeypatch: pytest.MonkeyPatch, tmp_path):
    # paths are shown relative to the working folder, and the help names the
    # config file: fix both so the pictures repeat anywhere
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/config")


def test_list(snap_compare, build_app, settle, monkeypatch):
    app = build_app(*fixed_core())
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle)


def test_list_at_80x24(snap_compare, build_app, settle, monkeypatch):
    app = build_app(*fixed_core())
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_list_marked_and_sorted_by_fact_differences(snap_compare, build_app, settle, monkeypatch):
    app = build_app(*fixed_core())
    keys = ["space", "j", "j", "space", *"ooooo", "O"]  # date→…→facts, most first
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle, press=keys)


def test_list_filtered(snap_compare, build_app, settle, monkeypatch):
    app = build_app(*fixed_core())
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle, press=["slash", *"kursk"])


def test_help_screen(snap_compare, build_app, settle, monkeypatch):
    app = build_app(*fixed_core())
    assert snap_compare(app, terminal_size=(120, 40), run_before=settle, press=["?"])


def test_one_report_empty_state(snap_compare, build_app, settle, monkeypatch):
    app = build_app(*fixed_core(count=1))
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)
