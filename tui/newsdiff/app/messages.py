"""The messages screens post to ask the app for another screen.

Screens never import each other: a screen posts one of these and the app,
which alone knows every screen, pushes the one asked for. Each is a small
dataclass, so a test can post one and assert on the screen that opens.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenComparison(Message):
    """Show ``left`` beside ``right``; ``right`` None means its closest report.

    ``row`` puts the cursor on that row of the comparison (None: the first pair).
    """

    left: str
    right: str | None = None
    row: int | None = None


@dataclass
class OpenPassage(Message):
    """Show passage ``sentence`` of ``article`` beside its claim in the other reports."""

    article: str
    sentence: int


@dataclass
class OpenClaims(Message):
    """Show the claim table of ``article``'s story (None: of every report).

    ``at_cursor``: asked before the pairs were made; the list says which story once
    they are, the one under its cursor then (``article`` is not read).
    """

    article: str | None = None
    at_cursor: bool = False


@dataclass
class OpenLeftOut(Message):
    """Show every input that did not become a report, and why."""


@dataclass
class WorkFailed(Message):
    """A worker failed; the app says so in one notification and stays open."""

    what: str
    error: BaseException
