"""The article list's rows: story header rows (key, cells) and the detail line under the list.

A header row heads one story's reports (or the reports alone); its row key
starts with ``HEADER``, which no article id does, so the list tells a header
from a report by its key alone. The list imports this module before its
first paint, which has no rows yet: the core views load with the first row.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from newsdiff.core.model import Article
    from newsdiff.core.views.overview import ArticleOverview
    from newsdiff.core.views.stories import StoryGroup

HEADER = "\x00"  # starts the row key of a story's header row; no article id does


def is_header(row_key: str | None) -> bool:
    """Whether ``row_key`` is a story header's.

    >>> is_header(HEADER + "story:0"), is_header("004_6345d31efac55afa")
    (True, False)
    """
    return bool(row_key) and row_key.startswith(HEADER)  # type: ignore[union-attr]


def header_cells(group: StoryGroup, columns: Iterable[str]) -> dict[str, Text]:
    """The header row's cells: count and label as the title, the date range as the date.

    The count comes first so a narrow title column cuts the label, not the count.
    """
    from newsdiff.core.views.listing import printable

    cells = {key: Text("") for key in columns}
    # the label is words of the files: data, never markup
    heading = printable(f"{group.count} · {group.name}")
    cells["title"] = Text(heading, style="bold", no_wrap=True, overflow="ellipsis")
    cells["date"] = Text(printable(group.span), style="bold", no_wrap=True, overflow="ellipsis")
    return cells


def group_detail(group: StoryGroup) -> Text:
    """The detail line under the list when the cursor is on a header row."""
    from newsdiff.core.views.listing import printable

    text = Text(printable(group.heading), style="bold")
    sources = sorted({a.source for a in group.articles if a.source})
    if sources:
        text.append("\n" + printable(" · ".join(sources)), style="dim")
    hint = (
        "enter compares its two closest reports · t its claim table"
        if group.story is not None
        else "reports that share no story with any other in these files"
    )
    text.append("\n" + hint, style="dim")
    return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def article_detail(article: Article, view: ArticleOverview | None, partner: Article | None) -> Text:
    """The detail line when the cursor is on a report: its file, figures and closest report."""
    from newsdiff.core.views.listing import printable, shown_path

    text = Text(printable(article.title), style="bold")
    facts = [
        shown_path(article.path, Path.cwd()),
        article.source,
        (article.date or "").replace("T", " "),
        _count(len(article.sentences), "passage"),
    ]
    if view is not None:
        facts.append(f"{view.paired} paired")
        facts.append(_count(view.fact_differences, "fact difference"))
    text.append("\n" + printable(" · ".join(f for f in facts if f)), style="dim")
    if partner is not None:
        text.append("\nclosest: ", style="dim")
        text.append(printable(partner.title))
    return text
