"""The reader's reusable widgets, one per module.

Loaded on first use: the comparison view pulls in the core model, which the
first paint of the list does not need.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "ArticleTable": "newsdiff.app.widgets.article_table",
    "ComparisonView": "newsdiff.app.widgets.comparison_view",
    "SearchBar": "newsdiff.app.widgets.search_bar",
    "StatusLine": "newsdiff.app.widgets.status_line",
    "passage_content": "newsdiff.app.widgets.passage_text",
    "KeyLine": "newsdiff.app.widgets.key_line",
}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsdiff.app.widgets' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
