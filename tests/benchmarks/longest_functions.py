"""The longest functions of a source tree, by lines from ``def`` to the last line of the body.

Run from the project root:

    python tests/benchmarks/longest_functions.py [PATH] [--top N]

PATH defaults to ``tui/newsdiff/core``; nested functions count inside their
parent and on their own. Used to show a refactoring's before and after
(``git stash`` or a ``git archive`` of the old revision, then run on each).
"""

from __future__ import annotations

import argparse
import ast
from pathlib import Path


def function_lengths(root: Path) -> list[tuple[int, str]]:
    """``(lines, "path:name")`` for every function and method under ``root``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = (node.end_lineno or node.lineno) - start + 1
                found.append((lines, f"{path.relative_to(root)}:{node.name}"))
    return sorted(found, key=lambda item: (-item[0], item[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default="tui/newsdiff/core", type=Path)
    parser.add_argument("--top", type=int, default=5)
    args = parser.parse_args()
    for lines, name in function_lengths(args.path)[: args.top]:
        print(f"{lines:5d}  {name}")


if __name__ == "__main__":
    main()
