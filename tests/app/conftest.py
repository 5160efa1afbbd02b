"""Fixtures for the reader's tests: one app factory, with what flickers frozen.

No user config leaks in (XDG_CONFIG_HOME points at a temporary folder), the
theme is fixed and animations (cursor blink, loading dots) are off, so Pilot
runs and snapshots repeat.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled, WorkerFailed

from newsdiff.app import NewsdiffApp, make_app
from newsdiff.core.reading.seeds import seed_paths

THEME = "textual-dark"
SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))


@pytest.fixture
def build_app() -> Callable[..., NewsdiffApp]:
    """make_app with a fixed theme and no animation; the seeds unless paths are given."""

    def build(paths: Sequence[str | Path] = (), engine=None, **options) -> NewsdiffApp:
        options.setdefault("theme", THEME)
        options["engine"] = engine
        app = make_app([str(p) for p in paths] or [str(p) for p in seed_paths()], **options)
        app.animation_level = "none"
        return app

    return build


async def _settle(pilot) -> None:
    # `busy` is set from mount until the worker's last result (or failure) is handled
    deadline = time.monotonic() + 120
    while pilot.app.busy and time.monotonic() < deadline:
        await pilot.pause(0.02)
    # a failed worker is the app's to report (tests assert its notification); one
    # cancelled was replaced by a newer one of its group (the story labels of a later pass)
    with contextlib.suppress(WorkerFailed, WorkerCancelled):
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def settle():
    """``await settle(pilot)``: wait until the loading worker is done and its results shown."""
    return _settle
