"""The rows of the article list, in order: story headers, each followed by its reports.

The screen only paints these rows. Before the stories are found the reports
come ungrouped; once they are, each story of two or more reports gets a
header row and its reports, filtered and sorted within it, and the reports
alone come last under one header. A header's key starts with ``HEADER``,
which no article id does, so a row key alone tells a header from a report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsdiff.core.views.listing import SORT_KEYS, arrange
from newsdiff.core.views.stories import StoryGroup, group_articles

if TYPE_CHECKING:
    from newsdiff.core.model import Article
    from newsdiff.core.stories.detect import Story
    from newsdiff.core.views.overview import ArticleOverview

HEADER = "\x00"  # starts the row key of a story's header row; no article id does


def is_header(row_key: str | None) -> bool:
    """Whether ``row_key`` is a story header's.

    >>> is_header(HEADER + "story:0"), is_header("004_6345d31efac55afa"), is_header(None)
    (True, False, False)
    """
    return bool(row_key) and row_key.startswith(HEADER)  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class ListOrder:
    """How the list is filtered and sorted: the filter text, the sort column, its direction.

    >>> ListOrder().cycled().key, ListOrder().by("date").reverse, ListOrder().by("title").key
    ('title', True, 'title')
    >>> ListOrder(key="title").heading("title", "Title"), ListOrder().heading("title", "Title")
    ('Title ▲', 'Title')
    """

    query: str = ""
    key: str = "date"
    reverse: bool = False

    def cycled(self, shown: Iterable[str] = SORT_KEYS) -> ListOrder:
        """Sorted by the next column of ``SORT_KEYS``, ascending (the ``o`` key); with
        ``shown``, the next of those columns (a sort by a column not on screen, the
        source at 80 columns, showed no ▲ and seemed to do nothing).

        >>> title = ListOrder(key="title")
        >>> title.cycled().key, title.cycled(["date", "title"]).key
        ('source', 'date')
        """
        wanted = set(shown)
        keys = [key for key in SORT_KEYS if key in wanted] or list(SORT_KEYS)
        position = keys.index(self.key) if self.key in keys else -1
        return replace(self, key=keys[(position + 1) % len(keys)], reverse=False)

    def flipped(self) -> ListOrder:
        """The same column the other way round (the ``O`` key)."""
        return replace(self, reverse=not self.reverse)

    def by(self, key: str) -> ListOrder:
        """A click on column ``key``'s header: the other way round if sorted by it already."""
        return self.flipped() if key == self.key else replace(self, key=key, reverse=False)

    def heading(self, key: str, label: str) -> str:
        """Column ``key``'s header label, with ▲ or ▼ when the list is sorted by it."""
        if key != self.key:
            return label
        return f"{label} {'▼' if self.reverse else '▲'}"


@dataclass(frozen=True, slots=True)
class ListRow:
    """One row of the list: a report (``article``) or the header of ``group``."""

    key: str
    article: Article | None = None
    group: StoryGroup | None = None


def list_rows(
    articles: Sequence[Article],
    stories: Sequence[Story],
    overviews: Mapping[str, ArticleOverview],
    *,
    order: ListOrder | None = None,
) -> list[ListRow]:
    """The list's rows: grouped by story when ``stories`` are known, each group
    filtered and sorted within itself; the reports ungrouped until then.

    >>> from newsdiff.core.model import Article
    >>> from newsdiff.core.stories.detect import Story
    >>> a, b, c = (Article(x, x, "", t, None, "en", (), 0) for x, t in zip("abc", "ZYX"))
    >>> [r.key for r in list_rows([a, b, c], (), {}, order=ListOrder(key="title"))]
    ['c', 'b', 'a']
    >>> rows = list_rows([a, b, c], [Story(("a", "c"), "L"), Story(("b",), "")], {})
    >>> [r.key.replace(HEADER, "#") for r in rows]
    ['#story:0', 'a', 'c', '#alone', 'b']
    """
    order = order or ListOrder()

    def arranged(members: Iterable[Article]) -> list[Article]:
        return arrange(
            members,
            overviews,
            query=order.query,
            key=order.key,
            reverse=order.reverse,
        )

    if not stories:  # the stories are still being found
        return [ListRow(article.id, article=article) for article in arranged(articles)]
    rows: list[ListRow] = []
    for group in group_articles(stories, articles, arranged):
        rows.append(ListRow(HEADER + group.key, group=group))
        rows += [ListRow(article.id, article=article) for article in group.articles]
    return rows


def cursor_row(keys: Sequence[str], current: str | None, header: str | None) -> int | None:
    """Where the cursor goes after the rows change: the report it was on, else the
    header it was on, else the first report (so Enter opens one at once).

    >>> cursor_row([HEADER + "s", "a", "b"], "b", None), cursor_row([HEADER + "s", "a"], None, None)
    (2, 1)
    >>> cursor_row([], None, None) is None
    True
    """
    if current in keys:
        return keys.index(current)  # type: ignore[arg-type]
    if header in keys:
        return keys.index(header)  # type: ignore[arg-type]
    if not keys:
        return None
    return next((n for n, key in enumerate(keys) if not is_header(key)), 0)
