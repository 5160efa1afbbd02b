"""``newsdiff align``: the paired passages of the reports, as text or as JSON.

The same alignment the reader shows, for scripts (``--json``) and for a quick
look in a terminal without the app.
"""

from __future__ import annotations

import argparse
import sys

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
from newsdiff.commands.exit_codes import EXIT_OK, EXIT_USAGE

# said after a passage whose file held control, bidi or tag characters (removed)
CLEANED = "  [control characters removed]"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the alignment as JSON")
    parser.add_argument(
        "--threshold",
        type=float,
        default=None,
        metavar="X",
        help="score in [0, 1] from which two passages pair (default: measured, see README)",
    )
    add_lexical_argument(parser)


def run(args: argparse.Namespace) -> int:
    if args.threshold is not None and not 0.0 <= args.threshold <= 1.0:
        print(
            f"newsdiff align: --threshold must be in [0, 1], not {args.threshold}", file=sys.stderr
        )
        return EXIT_USAGE
    corpus = load_corpus(list(args.paths), reading_options(args))
    if isinstance(corpus, int):
        return corpus
    aligned = align_corpus(corpus, threshold=args.threshold, semantic=not args.lexical)
    if isinstance(aligned, int):
        return aligned
    _, alignment = aligned
    if args.json:
        from newsdiff.core.export.schema import alignment_to_dict

        # the files it could not read, as list and stories give them (stderr says so too)
        print_json({**alignment_to_dict(alignment), "problems": problems_json(corpus)}, indent=1)
        return EXIT_OK
    print(_listing(alignment))
    return EXIT_OK


def _listing(alignment) -> str:  # type: ignore[no-untyped-def]
    """Pairs grouped by article pair, each as score, relation and the two passages."""
    articles = {a.id: a for a in alignment.articles}
    text = {(a.id, s.index): printable(s.text) for a in alignment.articles for s in a.sentences}
    cleaned = {(a.id, s.index) for a in alignment.articles for s in a.sentences if s.cleaned}
    lines: list[str] = []
    current = None
    for pair in alignment.pairs:
        key = (pair.left.article, pair.right.article)
        if key != current:
            current = key
            left, right = articles[key[0]], articles[key[1]]
            lines += [
                "",
                f"== {printable(left.title)}  <->  {printable(right.title)}",
                f"   ({printable(left.path)} | {printable(right.path)})",
            ]
        lines.append(
            f"{pair.score:.2f} {pair.relation:<12} "
            f"[{pair.left.sentence}] {text[(pair.left.article, pair.left.sentence)]}"
            f"{CLEANED if (pair.left.article, pair.left.sentence) in cleaned else ''}"
        )
        lines.append(
            f"{'':>18} [{pair.right.sentence}] {text[(pair.right.article, pair.right.sentence)]}"
            f"{CLEANED if (pair.right.article, pair.right.sentence) in cleaned else ''}"
        )
    count = len(alignment.pairs)
    lines.append("")
    lines.append(f"{count} pair{'s' * (count != 1)} in {len(alignment.clusters)} claim clusters")
    return "\n".join(lines).lstrip("\n")
