"""``newsdiff list [PATH...] [--json]``: the articles and what newsdiff read in them.

The quickest check that newsdiff reads a folder the way the user expects:
titles without stamps, the dates found, the language, how many passages.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from newsdiff.commands.common import (
    add_paths_argument,
    load_corpus,
    print_json,
    printable,
    problems_json,
    reading_options,
)
from newsdiff.commands.exit_codes import EXIT_OK
from newsdiff.core.export.schema import article_metadata
from newsdiff.core.model import Article, Corpus
from newsdiff.core.views.cells import cell_width, fit, pad
from newsdiff.core.views.clusters import file_labels


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    parser.add_argument("--json", action="store_true", help='print {"articles": [...]} as JSON')


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(list(args.paths), reading_options(args))
    if isinstance(corpus, int):
        return corpus
    if hasattr(sys.stdout, "reconfigure"):  # a terminal that cannot show "ä" gets "\xe4"
        sys.stdout.reconfigure(errors="backslashreplace")
    if args.json:
        print_json(corpus_to_dict(corpus))
    else:
        # cut titles to the terminal; piped into a file or grep, keep them whole
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        print(render_table(corpus.articles, width=width))
    sys.stdout.flush()
    return EXIT_OK


def article_to_dict(article: Article) -> dict[str, object]:
    """The metadata of one article as ``newsdiff list --json`` shows it: the
    fields every JSON document carries, with the counts of passages and words."""
    return {
        **article_metadata(article),
        "sentences": len(article.sentences),
        "words": article.words,
    }


def corpus_to_dict(corpus: Corpus) -> dict[str, object]:
    """The ``--json`` document: the articles, the files that could not be read, and the
    files of the folders that were left out unread."""
    return {
        "articles": [article_to_dict(article) for article in corpus.articles],
        "problems": problems_json(corpus),
        "skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
    }


def render_table(articles: tuple[Article, ...], *, width: int | None = 100) -> str:
    """A plain table: id, title, date, language, sentences, words; titles cut to ``width``.

    Where files share a name ("report", "report-2"), a column names the file of each.

    >>> from newsdiff.core.model import Article
    >>> a = Article("000", "000.txt", "", "Kursk", "2025-04-28", "de", (), 0)
    >>> print(render_table((a,), width=60))
    id   title  date        language  sentences  words
    000  Kursk  2025-04-28  de                0      0
    >>> b = Article("000-2", "b/000.txt", "", "Kursk", None, "de", (), 0)
    >>> print(render_table((a, b), width=60))
    id     file       title  date        language  sentences  words
    000    000.txt    Kursk  2025-04-28  de                0      0
    000-2  b/000.txt  Kursk  -           de                0      0
    """
    files = file_labels(articles)
    header = ("id", "title", "date", "language", "sentences", "words")
    rows = [
        (
            printable(a.id),
            printable(a.title),
            printable(a.date or "-"),
            printable(a.language),
            str(len(a.sentences)),
            str(a.words),
        )
        for a in articles
    ]
    # cells, not characters: a CJK title or an emoji takes two cells, a combining accent none
    widths = [max(cell_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    # after the id, which it explains: the file, where files share a name
    named = ["file", *(printable(files.get(a.id, "")) for a in articles)] if files else []
    wide = max((cell_width(cell) for cell in named), default=0)
    # the title takes what the terminal has left after the other columns
    others = sum(widths) - widths[1] + 2 * (len(header) - 1) + (wide + 2 if named else 0)
    if width is not None:
        widths[1] = min(widths[1], max(10, width - others))
    lines = []
    for number, row in enumerate([header, *rows]):
        cells = list(row)
        cells[1] = fit(cells[1], widths[1])
        padded = [pad(cells[i], widths[i]) for i in range(4)]
        padded += [pad(cells[4], widths[4], right=True), pad(cells[5], widths[5], right=True)]
        if named:
            padded.insert(1, pad(named[number], wide))
        lines.append("  ".join(padded).rstrip())
    return "\n".join(lines)
