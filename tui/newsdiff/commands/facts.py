"""``newsdiff facts [PATH...] [--json]``: each claim's figures by source and date.

The quickest answer to "how did the number move?": the claim table as plain
aligned columns for the terminal, or as JSON for scripts. Plain text keeps the
command usable in pipes and free of any terminal library.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from newsdiff.commands.common import (
    add_lexical_argument,
    add_paths_argument,
    align_corpus,
    load_corpus,
    print_json,
    printable,
    problems_json,
    reading_options,
)
from newsdiff.commands.exit_codes import EXIT_OK
from newsdiff.core.stories.detect import Story
from newsdiff.core.views.cells import cell_width, fit, pad
from newsdiff.core.views.claims import ClaimTable, ClaimValue, claim_table, claim_table_to_dict
from newsdiff.core.views.clusters import file_labels
from newsdiff.core.views.stories import story_name


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    parser.add_argument("--json", action="store_true", help='print {"claims": [...]} as JSON')
    add_lexical_argument(parser)


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(list(args.paths), reading_options(args))
    if isinstance(corpus, int):
        return corpus
    from newsdiff.core.views.subset import restrict

    aligned = align_corpus(corpus, semantic=not args.lexical)
    if isinstance(aligned, int):
        return aligned
    every, alignment = aligned
    from newsdiff.core.views.labels import relabel

    # labelled as `newsdiff stories` and the reader label them ("Tara Reid · rehab")
    stories = [s for s in relabel(every, corpus.articles) if not s.alone]
    # one table per story: a claim never gathers figures of two stories
    tables = [(s, claim_table(restrict(alignment, s.members))) for s in stories]
    if args.json:
        paths = {article.id: article.path for article in corpus.articles}
        document = claim_table_to_dict(ClaimTable(tuple(c for _, t in tables for c in t.claims)))
        document["stories"] = [
            {
                "articles": list(s.members),
                "paths": [paths[member] for member in s.members],
                "label": s.label,
                **claim_table_to_dict(t),
            }
            for s, t in tables
        ]
        document["problems"] = problems_json(corpus)
        print_json(document)
    elif len(tables) == 1:
        print(render_table(tables[0][1], files=file_labels(corpus.articles)))
    else:
        print(render_stories(tables, files=file_labels(corpus.articles)))
    sys.stdout.flush()
    return EXIT_OK


def _cut(text: str, width: int) -> str:
    return fit(text, width)  # in terminal cells: a CJK title's characters take two


def _short_ids(ids: set[str]) -> dict[str, str]:
    """Each id as the table shows it: whole up to 16 characters, else a prefix no
    other id shares (3 characters for the seeds' "000_27ce5f7eeda19fb8").

    >>> _short_ids({"000_27ce5f7eeda19fb8", "001_2cc7b7632708e469"})
    {'000_27ce5f7eeda19fb8': '000', '001_2cc7b7632708e469': '001'}
    >>> _short_ids({"1_10ecb", "1_13ecbplus"})  # padded to one width
    {'1_10ecb': '1_10ecb    ', '1_13ecbplus': '1_13ecbplus'}
    """
    width = 3
    while len({i[:width] for i in ids}) < len(ids):
        width += 1
    shown = {i: i if len(i) <= 16 else i[:width] for i in sorted(ids)}
    pad = max((len(v) for v in shown.values()), default=0)
    return {i: v.ljust(pad) for i, v in shown.items()}


def _when(value: ClaimValue) -> str:
    if value.date:
        return value.date[:10]
    return f"≥{value.not_before}?" if value.not_before else "undated"


def _by_passage(values: tuple[ClaimValue, ...]) -> list[list[ClaimValue]]:
    """One line per passage: "11000 Mann plus 4000 more" is one source's one statement."""
    groups: list[list[ClaimValue]] = []
    for value in values:
        last = groups[-1][0] if groups else None
        if last and (last.article, last.sentence) == (value.article, value.sentence):
            groups[-1].append(value)
        else:
            groups.append([value])
    return groups


def _join(parts: list[str]) -> str:
    return " plus ".join(part.lstrip("+") for part in parts)


def render_stories(
    tables: list[tuple[Story, ClaimTable]], *, files: Mapping[str, str] | None = None
) -> str:
    """The claim tables of several stories, each under a header with its label."""
    if not tables:
        return render_table(ClaimTable(()))
    blocks = []
    for number, (story, table) in enumerate(tables, 1):
        header = f"== story {number}: {printable(story_name(story))} ({len(story.members)} reports)"
        blocks.append(f"{header}\n\n{render_table(table, files=files)}")
    return "\n\n".join(blocks)


def render_table(table: ClaimTable, *, files: Mapping[str, str] | None = None) -> str:
    """The claim table as aligned text columns: date, source, figure, as written, credited to.

    A source is its id and title; ``files`` (``file_labels``) names, after the id, the
    file of a report whose file shares its name with another's.

    >>> from newsdiff.core.views.claims import ClaimTable
    >>> render_table(ClaimTable(()))
    'No claim with figures is told by more than one report.'
    """
    claims = table.claims
    if not claims:
        return "No claim with figures is told by more than one report."
    ids = _short_ids({value.article for claim in claims for value in claim.values})
    # a file named after its id, padded as the ids are, so the titles start in one column
    named = {i: printable((files or {}).get(i, "")) for i in ids}
    wide = max(map(cell_width, named.values()), default=0)
    for i in ids:
        ids[i] += f" {pad(named[i], wide)}" if wide else ""
    blocks = []
    for number, claim in enumerate(claims, 1):
        rows = [("date", "source", "figure", "as written", "credited to")]
        for group in _by_passage(claim.values):
            first = group[0]
            source = printable(f"{ids[first.article]} {_cut(first.title, 34)}")
            figure = printable(_join([v.display for v in group]))
            written = printable(_join([v.text for v in group]))
            credited = printable(_cut(first.credited or "", 40))
            rows.append((_when(first), source, figure, written, credited))
        # cells, not characters, as `newsdiff list` measures its columns
        widths = [max(cell_width(row[i]) for row in rows) for i in range(4)]
        # figures of an event before the story's are a claim apart, and say so
        earlier = f", an earlier event ({claim.earlier})" if claim.earlier else ""
        head = f"claim {number}: {printable(claim.measure)}{earlier} ({claim.sources} reports)"
        lines = [head]
        for row in rows:
            cells = [pad(cell, widths[i]) for i, cell in enumerate(row[:4])]
            lines.append("  " + "  ".join([*cells, row[4]]).rstrip())
        blocks.append("\n".join(lines))
    if any(v.not_before and not v.date for claim in claims for v in claim.values):
        blocks.append("≥DATE?: the report carries no date; DATE is the latest date it mentions.")
    return "\n\n".join(blocks)
