"""Which articles the list shows, and in what order: title and text filter, sort, paths.

Pure functions over the core's Articles and the list's ArticleOverviews, kept
out of the screen so the rules are testable and the screen only renders.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from newsdiff.core.language.sanitize import pictured

if TYPE_CHECKING:
    from newsdiff.core.model import Article, Corpus
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


def matches(query: str, article: Article) -> bool:
    """Whether the list's filter keeps ``article``: its title or its text matches.

    >>> from newsdiff.core.model import Article
    >>> a = Article("a", "a.txt", "Truppen in Pjöngjang.", "Flut", None, "de", (), 0)
    >>> matches("pjongjang", a), matches("Kursk", a)
    (True, False)
    """
    if not query.strip() or title_matches(query, article.title):
        return True
    return fold_text(query.strip()) in fold_text(article.text)


@lru_cache(maxsize=512)
def fold_text(text: str) -> str:
    """The text without accents and case, for the filter (cached: it runs per keystroke).

    >>> fold_text("Straße PJÖNGJANG")
    'strasse pjongjang'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def shown_path(path: str, cwd: Path) -> str:
    """A path as a user would type it: relative to ``cwd`` inside it, ``seeds/…`` for a seed.

    >>> from newsdiff.core.reading.seeds import seeds_dir
    >>> shown_path(str(seeds_dir() / "004_x.txt"), Path("/"))
    'seeds/004_x.txt'
    >>> shown_path("/srv/news/a.txt", Path("/srv"))
    'news/a.txt'
    """
    from newsdiff.core.reading.seeds import seeds_dir

    resolved = Path(path).resolve()
    try:
        return str(resolved.relative_to(seeds_dir().resolve()).as_posix()).join(("seeds/", ""))
    except ValueError:
        pass
    try:
        return str(resolved.relative_to(cwd.resolve()))
    except ValueError:
        return path


def common_folder(paths: Sequence[str]) -> tuple[str | None, tuple[str, ...]]:
    """The folder every one of ``paths`` lies in, and each path below it.

    A table of files from one folder repeats that folder on every row and cuts
    off what tells them apart; URLs, relative paths or a single path keep
    their own (no folder).

    >>> common_folder(["/in/aclu/a.json", "/in/bbc/a.json"])
    ('/in', ('aclu/a.json', 'bbc/a.json'))
    >>> common_folder(["/in/a.txt", "https://e.x/a"])
    (None, ('/in/a.txt', 'https://e.x/a'))
    """
    if len(paths) < 2 or not all(PurePath(p).is_absolute() and "://" not in p for p in paths):
        return None, tuple(paths)
    try:
        folder = os.path.commonpath([str(PurePath(p).parent) for p in paths])
    except ValueError:  # two drives
        return None, tuple(paths)
    if folder == os.path.dirname(folder):  # the root says nothing
        return None, tuple(paths)
    return folder, tuple(PurePath(p).relative_to(folder).as_posix() for p in paths)


def arrange(
    articles: Iterable[Article],
    overviews: Mapping[str, ArticleOverview],
    *,
    query: str = "",
    key: str = "date",
    reverse: bool = False,
) -> list[Article]:
    """The articles whose titles (fuzzily) or texts match ``query``, sorted by ``key``.

    Unknown values sort last. The text matches when it contains the query
    with accents and case folded (fuzzy matching a whole report finds anything).

    >>> from newsdiff.core.model import Article
    >>> a = Article("a", "a.txt", "", "Flut im Tal", "2025-01-02", "de", (), 0)
    >>> b = Article("b", "b.txt", "", "Flut am Fluss", None, "de", (), 0)
    >>> c = Article("c", "c.txt", "", "Brand", "2024-05-01", "de", (), 0)
    >>> [x.id for x in arrange([a, b, c], {}, query="flut", reverse=True)]
    ['a', 'b']
    """
    shown = [article for article in articles if matches(query, article)]
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


def empty_message(corpus: Corpus, rows: int, query: str = "") -> str:
    """What the list says instead of (or under) its table; empty when the table says it all.

    >>> from newsdiff.core.model import Corpus
    >>> empty_message(Corpus(()), 0).splitlines()[0]
    'No reports to show.'
    """
    count = len(corpus.articles)
    note = left_out_note(corpus)
    if count == 0:
        return (
            "No reports to show.\n\n"
            "newsdiff compares several reports of one story. Open two or more files "
            "(plain text, Markdown, HTML or MHTML) or page URLs:\n\n"
            "    newsdiff report-a.txt report-b.md https://…\n\n"
            "With no paths it opens the five bundled seed reports." + note
        )
    if count == 1:
        article = corpus.articles[0]
        return (
            f"Only one report: {printable(article.title)}\n\n"
            "There is nothing to compare it with yet. Open it together with another "
            f"report of the same story:\n\n    newsdiff {printable(article.path)} OTHER-REPORT"
            + note
        )
    if rows == 0:
        query = printable(query.strip())
        return f"No title or text matches “{query}”. Escape clears the filter."
    return ""


def nothing_under_cursor(reports: int, *, folders: int = 1) -> str:
    """Why a key that opens the report under the cursor (Enter, ``c``) has none to open,
    when the list shows no report row: ``reports`` were read from the paths given, all
    of them ``folders`` (0: not only folders).

    >>> nothing_under_cursor(0)
    'No report under the cursor: the folder has no reports'
    >>> nothing_under_cursor(0, folders=2), nothing_under_cursor(5)[28:]
    ('No report under the cursor: the folders have no reports', 'the filter matches none')
    """
    if reports:
        why = "the filter matches none"
    elif folders == 1:
        why = "the folder has no reports"
    elif folders:
        why = "the folders have no reports"
    else:
        why = "no report could be read"
    return f"No report under the cursor: {why}"


def left_out_note(corpus: Corpus) -> str:
    """What the reading left out and why, in a few lines, pointing at the "Left out" screen.

    >>> from newsdiff.core.model import Corpus
    >>> left_out_note(Corpus(()))
    ''
    """
    from newsdiff.core.reading.left_out import left_out_summary

    lines: list[str] = []
    unread = [p for p in corpus.problems if p.fatal]
    if unread:
        first = unread[0]
        more = f" and {len(unread) - 1} more" if len(unread) > 1 else ""
        name = printable(Path(first.path).name or first.path)
        lines.append(
            f"{len(unread)} file{'s' if len(unread) != 1 else ''} could not be read: "
            f"{name} ({printable(first.message)}){more}."
        )
    if corpus.skipped:
        summary = left_out_summary(corpus.skipped)
        lines.append(summary[0].upper() + summary[1:] + ".")
    if not lines:
        return ""
    return "\n\n" + "\n".join(lines) + "\nPress x to see each one and why."


def printable(text: str) -> str:
    """``text`` with control characters made visible, so none reaches the terminal.

    The reader already strips them; this keeps the list safe whatever the core gives it.

    >>> printable("Kursk\\x1b[2J\\tok")
    'Kursk␛[2J␉ok'
    """
    return pictured(text)
