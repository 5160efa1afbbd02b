"""``newsdiff stories [PATH...] [--json]``: which reports of a folder tell one event.

The check a user makes before comparing: does newsdiff see the stories the
folder holds? Reports with nothing related come last, as "no related report".
"""

from __future__ import annotations

import argparse
import sys

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
        document = {
            "stories": [story_to_dict(s) for s in stories],
            "problems": problems_json(corpus),
        }
        print_json(document)
    else:
        print(render_stories(stories, corpus.articles))
    sys.stdout.flush()
    return EXIT_OK


def story_to_dict(story: Story) -> dict[str, object]:
    """One story as ``newsdiff stories --json`` shows it.

    >>> story_to_dict(Story(("a", "b"), "Lohan · Betty", "2013-05-02", "2013-05-03"))
    {'articles': ['a', 'b'], 'label': 'Lohan · Betty', 'first_date': '2013-05-02', \
'last_date': '2013-05-03'}
    """
    return {
        "articles": list(story.members),
        "label": story.label,
        "first_date": story.first_date,
        "last_date": story.last_date,
    }


def render_stories(stories: tuple[Story, ...], articles: tuple[Article, ...]) -> str:
    """The stories as text: a header per story, its reports below; lone reports last.

    The titles of a story start in one column: its ids are padded to its widest.

    >>> a = Article("a", "a", "", "Lohan in rehab", None, "en", (), 0)
    >>> b = Article("b-2", "b", "", "Reid in rehab", None, "en", (), 0)
    >>> print(render_stories((Story(("a",), "Lohan"), Story(("b-2",), "Reid")), (a, b)))
    no related report (2):
      a    Lohan in rehab
      b-2  Reid in rehab
    """
    by_id = {a.id: a for a in articles}
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
        lines += _lines([by_id[m] for m in story.members])
        lines.append("")
    alone = [s.members[0] for s in stories if s.alone]
    if alone:
        lines.append(f"no related report ({len(alone)}):")
        lines += _lines([by_id[m] for m in sorted(alone)])
    return "\n".join(lines).rstrip()


def _lines(articles: list[Article]) -> list[str]:
    width = max((cell_width(printable(a.id)) for a in articles), default=0)
    return [
        f"  {pad(printable(a.id), width)}  {printable(a.title)}"
        + (f"  {printable(a.date)}" if a.date else "")
        for a in articles
    ]
