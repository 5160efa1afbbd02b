"""The reader's reusable widgets, one per module."""

from __future__ import annotations

from newsdiff.app.widgets.comparison_view import ComparisonView
from newsdiff.app.widgets.passage_text import passage_content

__all__ = ["ComparisonView", "passage_content"]
