"""Waiting in Pilot tests: for a condition on the app, and on an engine stage the test holds.

A test that presses keys while the reader reads or pairs holds that stage with
``held``: the stage waits for an event the test sets once its keys are in.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

Stage = TypeVar("Stage", bound=Callable[..., Any])


def held(release: threading.Event, stage: Stage) -> Stage:
    """``stage`` (an engine call), which first waits until ``release`` is set (30 s at most)."""

    def waiting(*args: Any) -> Any:
        release.wait(30)
        return stage(*args)

    return waiting  # type: ignore[return-value]


async def wait_for(pilot: Any, condition: Callable[[], object], seconds: float = 60) -> None:
    """Let the app run until ``condition()`` holds; fail after ``seconds``."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never held")
