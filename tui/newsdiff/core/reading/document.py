"""The shape every reader of a report produces: blocks with their source spans, in a document.

The plain-text, Markdown and HTML readers (``blocks``, ``markdown_blocks``,
``html``) all build these, and the article builder reads them; kept apart
so that no reader imports another for its types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list-item", "table-row"]


@dataclass(frozen=True, slots=True)
class Block:
    """One block of a document and where it lies in the decoded text.

    ``text`` is plain text (markup removed; newlines may remain). When
    ``positions`` is empty, ``text`` is exactly ``source[start:end]``;
    otherwise ``positions[i]`` is the source offset of ``text[i]``.
    """

    kind: BlockKind
    text: str
    start: int
    end: int
    positions: tuple[int, ...] = ()

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span of ``text[start:end]`` (``end > start``).

        >>> Block("paragraph", "b c", 10, 13).source_span(2, 3)
        (12, 13)
        """
        if not self.positions:
            return self.start + start, self.start + end
        return self.positions[start], self.positions[end - 1] + 1

    def cut(self, start: int, end: int) -> Block:
        """The block reduced to ``text[start:end]`` (to drop a dateline or credit).

        >>> Block("paragraph", "Köln. Es regnet.", 0, 16).cut(6, 16).text
        'Es regnet.'
        """
        if start >= end:
            return Block(self.kind, "", self.start, self.start)
        first, last = self.source_span(start, end)
        positions = self.positions[start:end] if self.positions else ()
        return Block(self.kind, self.text[start:end], first, last, positions)


@dataclass(frozen=True, slots=True)
class Document:
    """The blocks of a file in reading order, and its front matter (markdown only)."""

    blocks: tuple[Block, ...]
    front_matter: dict[str, str] = field(default_factory=dict)
    front_matter_span: tuple[int, int] | None = None
    # source offsets where parsing met (and dropped) control, bidi or tag characters
    marks: tuple[int, ...] = ()


def row_block(cells: list[tuple[str, int, int]], columns: int) -> Block | None:
    """A table row as "key: value, value"; None for a row that says nothing.

    A row of a table with two or more columns that has one filled cell (like
    "Quellen |" at the end of seed 002) names no value, so it is no passage.

    >>> row_block([("Verletzte", 0, 9), ("4000", 12, 16)], 2).text
    'Verletzte: 4000'
    """
    filled = [cell for cell in cells if cell[0]]
    if not filled or (columns > 1 and len(filled) < 2):
        return None
    text = ""
    positions: list[int] = []
    for number, (cell, start, end) in enumerate(filled):
        if number:
            separator = ": " if number == 1 else ", "
            text += separator
            positions += [positions[-1]] * len(separator)
        text += cell
        # markdown cells lose escapes and markup; keep positions inside the cell
        positions += [min(start + i, end - 1) for i in range(len(cell))]
    return Block("table-row", text, filled[0][1], filled[-1][2], tuple(positions))
