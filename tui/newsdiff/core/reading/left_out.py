"""What a reading left out, said in one line: the CLI's summary, the app's notice and empty state.

A folder from a downloads directory holds PDFs, images and hidden files
beside the reports; none may vanish silently, and a line per file would bury
the one warning that matters. So they are counted by reason in one line, and
named one by one only on request (``-v``, the app's "Left out" screen).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsdiff.core.model import Skipped

_SHOWN_REASONS = 3  # kinds of left-out files the line spells out; the rest are "other"


def left_out_summary(skipped: Sequence[Skipped]) -> str:
    """One line that counts the files the folders held but newsdiff left out, by reason.

    >>> items = [Skipped("a.pdf", "not a report file (.pdf)"), Skipped(".git", "hidden folder"),
    ...          Skipped("b.pdf", "not a report file (.pdf)")]
    >>> left_out_summary(items)
    'left out 3 files of the folders: 2 not a report file (.pdf), 1 hidden folder'
    """
    counts = Counter(item.reason for item in skipped)
    shown = counts.most_common(_SHOWN_REASONS)
    parts = [f"{n} {reason}" for reason, n in shown]
    rest = len(skipped) - sum(n for _, n in shown)
    if rest:
        parts.append(f"{rest} other")
    files = f"{len(skipped)} file{'s' if len(skipped) != 1 else ''}"
    return f"left out {files} of the folders: {', '.join(parts)}"
