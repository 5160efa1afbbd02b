"""``newsdiff facts [PATH...] [--json]``: each claim's figures by source and date.

The quickest answer to "how did the number move?": the claim table as plain
aligned columns for the terminal, or as JSON for scripts. Plain text keeps the
command usable in pipes and free of any terminal library.
"""

from __future__ import annotations

import argparse
import json
import sys

from newsdiff.commands.common import load_corpus

EXIT_OK = 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="report files or folders (.txt, .md); the bundled seeds when none",
    )
    parser.add_argument("--json", action="store_true", help='print {"claims": [...]} as JSON')


def run(args: argparse.Namespace) -> int:
    corpus = load_corpus(list(args.paths))
    if isinstance(corpus, int):
        return corpus
    from newsdiff.core.align import align
    from newsdiff.core.claims import claim_table, claim_table_to_dict

    table = claim_table(align(corpus.articles))
    if args.json:
        print(json.dumps(claim_table_to_dict(table), ensure_ascii=False, indent=2))
    else:
        print(render_table(table))
    sys.stdout.flush()
    return EXIT_OK


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(table: object) -> str:
    """The claim table as aligned text columns: date, source, figure, as written.

    >>> from newsdiff.core.claims import ClaimTable
    >>> render_table(ClaimTable(()))
    'No claim with figures is told by more than one report.'
    """
    claims = getattr(table, "claims", ())
    if not claims:
        return "No claim with figures is told by more than one report."
    blocks = []
    for number, claim in enumerate(claims, 1):
        rows = [("date", "source", "figure", "as written")]
        for value in claim.values:
            source = f"{value.article[:3]} {_cut(value.title, 34)}"
            rows.append(((value.date or "undated")[:10], source, value.display, value.text))
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = [f"claim {number}: {claim.measure} ({claim.sources} reports)"]
        for row in rows:
            cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:3])]
            lines.append("  " + "  ".join([*cells, row[3]]).rstrip())
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
