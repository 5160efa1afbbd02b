"""Shareable reports of a comparison: Markdown, self-contained HTML, or JSON.

All three show the same thing, computed once in ``view``: the agreement of
each two sources, then each claim cluster with what every source says.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsdiff.core.model import Alignment
from newsdiff.core.reading.loader import special_kind, written_by_newsdiff
from newsdiff.core.storage.atomic import Checked, write_atomically

if TYPE_CHECKING:
    from newsdiff.core.stories.detect import Story

FORMATS = ("markdown", "html", "json")
SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}

__all__ = [
    "FORMATS",
    "RefusedTarget",
    "render_report",
    "save_report",
    "unsafe_target",
    "write_text_atomically",
]


def render_report(alignment: Alignment, *, format: str, stories: Sequence[Story] = ()) -> str:
    """The report of ``alignment`` in ``format`` ("markdown", "html" or "json").

    With several stories it goes story by story; ``stories`` (as
    ``detect_stories`` found them, relabelled as ``newsdiff stories`` shows
    them) give their labels and dates.

    >>> from newsdiff.core.model import Alignment
    >>> render_report(Alignment((), (), ()), format="markdown").startswith("# newsdiff report")
    True
    """
    if format == "markdown":
        from newsdiff.core.export.markdown import render_markdown

        return render_markdown(alignment, stories=stories)
    if format == "html":
        from newsdiff.core.export.html import render_html

        return render_html(alignment, stories=stories)
    if format == "json":
        from newsdiff.core.export.json import render_json

        return render_json(alignment, stories=stories)
    raise ValueError(f"unknown report format {format!r}; choose one of {', '.join(FORMATS)}")


def save_report(
    alignment: Alignment, path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Write the report of ``alignment`` to ``path``; the format follows the suffix if not given.

    Raises OSError when the file cannot be written (nothing is left half-written),
    RefusedTarget when writing would destroy something (see ``unsafe_target``)
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
    checked = Checked.now(target)  # before the check: a file put there after it is not replaced
    reason = unsafe_target(target, [article.path for article in alignment.articles])
    if reason is not None:
        raise RefusedTarget(f"{target}: {reason}")
    write_text_atomically(target, render_report(alignment, format=format), checked=checked)
    return target


def write_text_atomically(
    path: str | os.PathLike[str], text: str, *, checked: Checked | None = None
) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all, through the one atomic writer.

    Given ``checked``, only what it saw at ``path`` is replaced (``TargetChanged`` else).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "r.md"
    >>> write_text_atomically(target, "# r\\n"); target.read_text()
    '# r\\n'
    """
    # backslashreplace: a stray lone surrogate must not cost the whole report
    write_atomically(path, text.encode("utf-8", errors="backslashreplace"), checked=checked)


class RefusedTarget(ValueError):
    """A report target that writing would destroy (an input, a link, a device...)."""


def unsafe_target(
    path: str | os.PathLike[str], protected: Iterable[str], *, found: Iterable[str] = ()
) -> str | None:
    """Why writing a report to ``path`` could destroy something, or None when it cannot.

    Only a new path, or a plain regular file that is empty or a report newsdiff
    wrote (recognised by its content), may be replaced; never one of
    ``protected`` (the files being compared). Of ``found`` (the other files a
    command met, skipped or left out) only a report newsdiff wrote is replaced:
    the one a former ``-o`` left in the folder compared, which reading left out.
    Raises OSError when the path cannot even be looked at (a name too long).

    >>> unsafe_target("/no/such/folder/r.md", []) is None
    True
    >>> unsafe_target("/", [])
    'is a folder; not overwriting it'
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link; not writing through it"
    if stat.S_ISDIR(info.st_mode):
        return "is a folder; not overwriting it"
    if not stat.S_ISREG(info.st_mode):
        what = special_kind(info.st_mode) or "of no known kind"
        return f"is not a regular file ({what}); not overwriting it"
    ours = bool(info.st_size) and written_by_newsdiff(path)
    for other in (*protected, *(() if ours else found)):
        try:
            if os.path.samestat(info, os.stat(other)):
                return "is one of the files being read; not overwriting it"
        except (OSError, ValueError):
            continue
    if info.st_nlink > 1:
        return f"has {info.st_nlink - 1} other hard link(s); not splitting them"
    if info.st_size and not ours:
        # the user's own notes.md named by a slip of -o: only what newsdiff wrote is replaced
        return "exists and is not a report newsdiff wrote; not overwriting it"
    return None
