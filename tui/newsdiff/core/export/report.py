"""Shareable reports of a comparison: Markdown, self-contained HTML, or JSON.

All three show the same thing, computed once in ``view``: the agreement of
each two sources, then each claim cluster with what every source says.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from newsdiff.core.model import Alignment

FORMATS = ("markdown", "html", "json")
SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}

__all__ = ["FORMATS", "render_report", "save_report", "write_text_atomically"]


def render_report(alignment: Alignment, *, format: str) -> str:
    """The report of ``alignment`` in ``format`` ("markdown", "html" or "json").

    >>> from newsdiff.core.model import Alignment
    >>> render_report(Alignment((), (), ()), format="markdown").startswith("# newsdiff report")
    True
    """
    if format == "markdown":
        from newsdiff.core.export.markdown import render_markdown

        return render_markdown(alignment)
    if format == "html":
        from newsdiff.core.export.html import render_html

        return render_html(alignment)
    if format == "json":
        from newsdiff.core.export.json import render_json

        return render_json(alignment)
    raise ValueError(f"unknown report format {format!r}; choose one of {', '.join(FORMATS)}")


def save_report(
    alignment: Alignment, path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Write the report of ``alignment`` to ``path``; the format follows the suffix if not given.

    Raises OSError when the file cannot be written (nothing is left half-written)
    and ValueError for a suffix that names no format. Returns the path written.

    >>> import tempfile, pathlib
    >>> from newsdiff.core.model import Alignment
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "report.html"
    >>> save_report(Alignment((), (), ()), target).read_text()[:15]
    '<!DOCTYPE html>'
    """
    target = Path(path)
    if format is None:
        format = SUFFIXES.get(target.suffix.lower())
        if format is None:
            raise ValueError(
                f"cannot tell the report format from {target.name!r}; use .md, .html or .json"
            )
    write_text_atomically(target, render_report(alignment, format=format))
    return target


def write_text_atomically(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all: a temporary file renamed into place.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "r.md"
    >>> write_text_atomically(target, "# r\\n"); target.read_text()
    '# r\\n'
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        # backslashreplace: a stray lone surrogate must not cost the whole report
        with os.fdopen(
            handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n"
        ) as stream:
            stream.write(text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's 0600 would hide a report meant to share
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
