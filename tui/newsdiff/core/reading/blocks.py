"""Split decoded text into blocks: headings, paragraphs, list items and table rows.

Sentences are split inside a block, never across one, so a heading or a table
row can never swallow the sentence after it. Every block keeps where its text
lies in the decoded file, so passages can point back into ``Article.text``.

Plain text follows what scraped news looks like: paragraphs separated by blank
lines, or one paragraph per line when a file has no blank lines at all (seed
002), and a short line without closing punctuation is a subheading. Markdown
goes through markdown-it-py (CommonMark, GFM tables, front matter).
"""

from __future__ import annotations

import re

from newsdiff.core.language.wrapping import chosen_ends, splits_a_word
from newsdiff.core.reading.document import Block, BlockKind, Document, row_block

# a sentence or quoted line is over when it ends like this (quotes stripped first)
_CLOSING = ".!?:;,…"
_QUOTES_AFTER = "\"'“”«»‹›)]’"
_HEADING_MAX_CHARS = 120
_HEADING_MAX_WORDS = 16
_WRAP_WIDTH = 100  # lines no longer than this may be hard-wrapped prose
# a sentence ends inside the line ("Es regnet. (dpa)"): prose, not a heading
_INNER_END = re.compile(r"[^\W\d_]{3}[.!?][\"“”»]?\s+(?:[„\"»]?[A-ZÄÖÜ]|\()")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def parse_text(text: str) -> Document:
    """Blocks of a plain-text report.

    >>> [(b.kind, b.text) for b in parse_text("Kurz und knapp\\n\\nEs regnet. Es schneit.").blocks]
    [('heading', 'Kurz und knapp'), ('paragraph', 'Es regnet. Es schneit.')]
    """
    blocks: list[Block] = []
    for chunk in _chunks(text):
        blocks.extend(_chunk_blocks(text, chunk))
    return Document(tuple(blocks))


def parse(text: str, *, markdown: bool = False) -> Document:
    """Blocks of a report, read as markdown or as plain text.

    >>> [b.kind for b in parse("# Titel\\n\\n- eins\\n- zwei", markdown=True).blocks]
    ['heading', 'list-item', 'list-item']
    """
    if markdown:
        from newsdiff.core.reading.markdown_blocks import (
            parse_markdown,  # markdown-it only when needed
        )

        return parse_markdown(text)
    return parse_text(text)


def is_heading_line(line: str) -> bool:
    """True when a line standing alone reads as a subheading: short, no closing punctuation.

    >>> is_heading_line("USA besorgt über Beteiligung"), is_heading_line("Es regnet.")
    (True, False)
    >>> is_heading_line('"Sofortige militärische Hilfe"')
    True
    """
    line = line.strip()
    if not line or len(line) > _HEADING_MAX_CHARS or len(line.split()) > _HEADING_MAX_WORDS:
        return False
    return not ends_sentence(line) and not _INNER_END.search(line)


def ends_sentence(line: str) -> bool:
    """True when a line ends with closing punctuation, inside closing quotes or not.

    >>> ends_sentence("„Wir sind besorgt.“"), ends_sentence("„Kriegseintritt Nordkoreas“")
    (True, False)
    """
    core = line.rstrip().rstrip(_QUOTES_AFTER)
    return bool(core) and core[-1] in _CLOSING


def table_cells(line: str, offset: int) -> list[tuple[str, int, int]]:
    """The cells of one pipe-table line as (text, start, end), stripped, offsets absolute.

    >>> table_cells("Verletzte | 4000 |", 0)
    [('Verletzte', 0, 9), ('4000', 12, 16)]
    """
    cells: list[tuple[str, int, int]] = []
    position = 0
    parts = line.split("|")
    for number, part in enumerate(parts):
        start = position
        position += len(part) + 1
        # a leading or trailing pipe makes an empty edge cell, not a column
        if not part.strip() and number in (0, len(parts) - 1):
            continue
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        cells.append((stripped, offset + start + lead, offset + start + lead + len(stripped)))
    return cells


def _chunks(text: str) -> list[list[tuple[str, int]]]:
    """Runs of non-blank lines as (line, start offset)."""
    chunks: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            current.append((line, offset))
        elif current:
            chunks.append(current)
            current = []
        offset += len(line) + 1
    if current:
        chunks.append(current)
    return chunks


def _chunk_blocks(text: str, chunk: list[tuple[str, int]]) -> list[Block]:
    blocks: list[Block] = []
    prose: list[tuple[str, int]] = []
    index = 0
    while index < len(chunk):
        end = _table_end(chunk, index)
        if end is None:
            prose.append(chunk[index])
            index += 1
            continue
        blocks.extend(_prose_blocks(text, prose))
        prose = []
        blocks.extend(_table_blocks(chunk[index:end]))
        index = end
    blocks.extend(_prose_blocks(text, prose))
    return blocks


def _table_end(chunk: list[tuple[str, int]], index: int) -> int | None:
    """If a pipe table (header, rule, rows) starts at ``index``, the index after it."""
    if index + 1 >= len(chunk) or "|" not in chunk[index][0]:
        return None
    if not (_TABLE_RULE.match(chunk[index + 1][0]) and "-" in chunk[index + 1][0]):
        return None
    end = index + 2
    while end < len(chunk) and "|" in chunk[end][0]:
        end += 1
    return end


def _table_blocks(lines: list[tuple[str, int]]) -> list[Block]:
    # the header names the columns and the rule only draws; rows are the passages
    columns = max(len(table_cells(line, 0)) for line, _ in lines[:1] + lines[2:])
    rows = (row_block(table_cells(line, start), columns) for line, start in lines[2:])
    return [row for row in rows if row is not None]


def _prose_blocks(text: str, lines: list[tuple[str, int]]) -> list[Block]:
    if not lines:
        return []
    if len(lines) == 1 or _one_paragraph_per_line(lines):
        return [_line_block(line, start) for line, start in lines]
    # hard-wrapped prose: a line that stops well short of the others ends a paragraph,
    # as does one the next word would have fit on (a heading, the end of a paragraph),
    # unless it ends inside a word ("Ein 29-" / "jähriger", before a long word)
    width = max(len(line.rstrip()) for line, _ in lines)
    ended = [*chosen_ends([line for line, _ in lines]), True]
    blocks: list[Block] = []
    group: list[tuple[str, int]] = []
    for number, ((line, start), chosen) in enumerate(zip(lines, ended, strict=True)):
        group.append((line, start))
        following = lines[number + 1][0] if number + 1 < len(lines) else ""
        short = len(line.rstrip()) < 0.6 * width and not splits_a_word(line, following)
        if chosen or short:
            blocks.append(_group_block(text, group))
            group = []
    if group:
        blocks.append(_group_block(text, group))
    return blocks


def _one_paragraph_per_line(lines: list[tuple[str, int]]) -> bool:
    width = max(len(line.rstrip()) for line, _ in lines)
    if width > _WRAP_WIDTH:
        return True
    inner = [line for line, _ in lines[:-1]]
    ended = sum(ends_sentence(line) for line in inner)
    return ended >= len(inner) / 2


def _line_block(line: str, start: int) -> Block:
    lead = len(line) - len(line.lstrip())
    stripped = line.strip()
    kind: BlockKind = "heading" if is_heading_line(stripped) else "paragraph"
    return Block(kind, stripped, start + lead, start + lead + len(stripped))


def _group_block(text: str, group: list[tuple[str, int]]) -> Block:
    if len(group) == 1:
        return _line_block(*group[0])
    first, start = group[0]
    last, last_start = group[-1]
    start += len(first) - len(first.lstrip())
    end = last_start + len(last.rstrip())
    # a subheading too long for one line of hard-wrapped text is still one
    kind: BlockKind = (
        "heading" if is_heading_line(" ".join(text[start:end].split())) else "paragraph"
    )
    return Block(kind, text[start:end], start, end)
