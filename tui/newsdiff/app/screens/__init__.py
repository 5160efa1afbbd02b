"""The reader's screens, one per module."""

from __future__ import annotations

from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.screens.help import HelpScreen

__all__ = ["ArticlesScreen", "HelpScreen"]
