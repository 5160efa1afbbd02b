"""Which articles the list shows, and in what order: fuzzy title filter and sort.

Pure functions over the core's Articles and the list's ArticleOverviews, kept
out of the screen so the rules are testable and the screen only renders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from newsdiff.core.language.sanitize import pictured

if TYPE_CHECKING:
    from newsdiff.core.model import Article
    from newsdiff.core.views.overview import ArticleOverview

FUZZY_THRESHOLD = 75  # rapidfuzz partial_ratio; lets "nordkora" find "Nordkorea"
SORT_KEYS = ("date", "title", "source", "passages", "paired", "facts", "language")


def title_matches(query: str, title: str, *, threshold: int = FUZZY_THRESHOLD) -> bool:
    """Whether ``title`` fuzzily contains ``query`` (case and punctuation ignored).

    >>> title_matches("nordkora", "Nordkorea schickt Soldaten"), title_matches("Brand", "Flut")
    (True, False)
    """
    from rapidfuzz import fuzz, utils  # first use is after the first paint

    if not query.strip():
        return True
    return fuzz.partial_ratio(query, title, processor=utils.default_process) >= threshold


def arrange(
    articles: Iterable[Article],
    overviews: Mapping[str, ArticleOverview],
    *,
    query: str = "",
    key: str = "date",
    reverse: bool = False,
) -> list[Article]:
    """The articles whose titles match ``query``, sorted by ``key``; unknown values last.

    >>> from newsdiff.core.model import Article
    >>> a = Article("a", "a.txt", "", "Flut im Tal", "2025-01-02", "de", (), 0)
    >>> b = Article("b", "b.txt", "", "Flut am Fluss", None, "de", (), 0)
    >>> c = Article("c", "c.txt", "", "Brand", "2024-05-01", "de", (), 0)
    >>> [x.id for x in arrange([a, b, c], {}, query="flut", reverse=True)]
    ['a', 'b']
    """
    shown = [article for article in articles if title_matches(query, article.title)]
    known = [article for article in shown if _value(article, overviews, key) is not None]
    unknown = [article for article in shown if _value(article, overviews, key) is None]
    known.sort(key=lambda article: _value(article, overviews, key), reverse=reverse)
    return known + unknown


def _value(article: Article, overviews: Mapping[str, ArticleOverview], key: str) -> Any:
    view = overviews.get(article.id)
    if key == "title":
        return article.title.casefold()
    if key in ("date", "source", "language"):
        value = getattr(article, key)
        return value.casefold() if value else None
    if key == "passages":
        return len(article.sentences)
    if key == "paired":
        return view.share if view else None
    if key == "facts":
        return view.fact_differences if view else None
    raise ValueError(f"unknown sort key {key!r}")


def printable(text: str) -> str:
    """``text`` with control characters made visible, so none reaches the terminal.

    The reader already strips them; this keeps the list safe whatever the core gives it.

    >>> printable("Kursk\\x1b[2J\\tok")
    'Kursk␛[2J␉ok'
    """
    return pictured(text)
