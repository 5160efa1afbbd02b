"""``newsdiff stories [PATH...] [--json]``: which reports of a folder tell one event.

The check a user makes before comparing: does newsdiff see the stories the
folder holds? Reports with nothing related come last, as "no related report".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from newsdiff.commands.common import (
    add_lexical_argument,
    add_paths_argument,
    load_corpus,
    print_json,
    printable,
    problems_json,
    reading_options,
)
from newsdiff.commands.exit_codes import EXIT_OK
from newsdiff.core.model import Article
from newsdiff.core.stories.detect import Story, detect_stories
from newsdiff.core.views.cells import cell_width, pad
from newsdiff.core.views.clusters import file_labels
from newsdiff.core.views.stories import story_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    add_lexical_argument(parser)
    parser.add_argument(
        "--json", action="store_true", help='print {"stories": [...], "problems": [...]} as JSON'
    )


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(list(args.paths), reading_options(args))
    if isinstance(corpus, int):
        return corpus
    from newsdiff.core.matching.by_story import story_defaults
    from newsdiff.core.views.labels import relabel

    # the stories `newsdiff align` and the reader find (with --lexical too), labelled
    # with whole names as the reader's list shows them
    options = story_defaults(not args.lexical)
    stories = relabel(detect_stories(corpus.articles, options=options), corpus.articles)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    if args.json:
        paths = {article.id: article.path for article in corpus.articles}
        document = {
            "stories": [story_to_dict(s, paths) for s in stories],
            "problems": problems_json(corpus),
        }
        print_json(document)
    else:
        print(render_stories(stories, corpus.articles))
    sys.stdout.flush()
    return EXIT_OK


def story_to_dict(story: Story, paths: Mapping[str, str]) -> dict[str, object]:
    """One story as ``newsdiff stories --json`` shows it: its reports' ids and, in the same
    order, their files (ids of files that share a name, "a" and "a-2", say not which is which).

    >>> story_to_dict(Story(("a", "a-2"), "Lohan · Betty", "2013-05-02", "2013-05-03"),
    ...               {"a": "x/a.txt", "a-2": "y/a.txt"})
    {'articles': ['a', 'a-2'], 'paths': ['x/a.txt', 'y/a.txt'], 'label': 'Lohan · Betty', \
'first_date': '2013-05-02', 'last_date': '2013-05-03'}
    """
    return {
        "articles": list(story.members),
        "paths": [paths[member] for member in story.members],
        "label": story.label,
        "first_date": story.first_date,
        "last_date": story.last_date,
    }


def render_stories(stories: tuple[Story, ...], articles: tuple[Article, ...]) -> str:
    """The stories as text: a header per story, its reports below; lone reports last.

    The titles of a story start in one column: its ids are padded to its widest. A
    report whose file shares its name with another's is named by its file after its id.

    >>> a = Article("a", "a", "", "Lohan in rehab", None, "en", (), 0)
    >>> b = Article("b-2", "b", "", "Reid in rehab", None, "en", (), 0)
    >>> print(render_stories((Story(("a",), "Lohan"), Story(("b-2",), "Reid")), (a, b)))
    no related report (2):
      a    Lohan in rehab
      b-2  Reid in rehab
    >>> c = Article("a-2", "in/a", "", "Lohan leaves rehab", None, "en", (), 0)
    >>> print(render_stories((Story(("a", "a-2"), "Lohan"),), (a, c)))
    story 1: Lohan (2 reports)
      a    a     Lohan in rehab
      a-2  in/a  Lohan leaves rehab
    """
    by_id = {a.id: a for a in articles}
    files = file_labels(articles)
    lines: list[str] = []
    together = [s for s in stories if not s.alone]
    for number, story in enumerate(together, 1):
        dates = ""
        if story.first_date:  # days are enough to tell two events apart
            first, last = story.first_date[:10], (story.last_date or "")[:10]
            dates = f", {printable(first)}" + (
                f" – {printable(last)}" if last and last != first else ""
            )
        lines.append(
            f"story {number}: {printable(story_name(story))} ({len(story.members)} reports{dates})"
        )
        lines += _lines([by_id[m] for m in story.members], files)
        lines.append("")
    alone = [s.members[0] for s in stories if s.alone]
    if alone:
        lines.append(f"no related report ({len(alone)}):")
        lines += _lines([by_id[m] for m in sorted(alone)], files)
    return "\n".join(lines).rstrip()


def _lines(articles: list[Article], files: Mapping[str, str]) -> list[str]:
    width = max((cell_width(printable(a.id)) for a in articles), default=0)
    named = [printable(files.get(a.id, "")) for a in articles]
    wide = max((cell_width(name) for name in named), default=0)
    return [
        f"  {pad(printable(a.id), width)}  "
        + (f"{pad(name, wide)}  " if wide else "")
        + printable(a.title)
        + (f"  {printable(a.date)}" if a.date else "")
        for a, name in zip(articles, named, strict=True)
    ]
