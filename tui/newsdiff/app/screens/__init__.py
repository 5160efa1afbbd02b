"""The reader's screens, one per module.

The list loads with the app; every other screen loads on first use
(``CompareScreen`` pulls in the row planner), so none costs anything before
the first paint.
"""

from __future__ import annotations

import importlib
from typing import Any

from newsdiff.app.screens.articles import ArticlesScreen

_LAZY = {
    "HelpScreen": "newsdiff.app.screens.help",
    "CompareScreen": "newsdiff.app.screens.compare",
    "PassageScreen": "newsdiff.app.screens.passage",
    "ClaimsScreen": "newsdiff.app.screens.claims",
}

__all__ = ["ArticlesScreen", *_LAZY]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsdiff.app.screens' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
