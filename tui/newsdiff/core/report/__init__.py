"""Shareable reports of a comparison: Markdown, self-contained HTML, or JSON.

All three show the same thing, computed once in ``view``: the agreement of
each two sources, then each claim cluster with what every source says.
"""

from __future__ import annotations

from newsdiff.core.model import Alignment

FORMATS = ("markdown", "html", "json")

__all__ = ["FORMATS", "render_report"]


def render_report(alignment: Alignment, *, format: str) -> str:
    """The report of ``alignment`` in ``format`` ("markdown", "html" or "json").

    >>> from newsdiff.core.model import Alignment
    >>> render_report(Alignment((), (), ()), format="markdown").startswith("# newsdiff report")
    True
    """
    if format == "markdown":
        from newsdiff.core.report.markdown import render_markdown

        return render_markdown(alignment)
    if format == "html":
        from newsdiff.core.report.html import render_html

        return render_html(alignment)
    if format == "json":
        from newsdiff.core.report.json import render_json

        return render_json(alignment)
    raise ValueError(f"unknown report format {format!r}; choose one of {', '.join(FORMATS)}")
