"""Markdown reports to blocks, through markdown-it-py.

markdown-it gives each block its source lines but not character offsets, and
its text has markup, escapes and entities resolved. Each character of the
plain text is therefore matched back to the source, so a sentence found in the
plain text still points at the right place in the file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdiff.core.language.sanitize import unsafe_positions
from newsdiff.core.reading.blocks import Block, BlockKind, Document, row_block

_LOOKAHEAD = 12  # an escape or entity ("&amp;") hides at most a few source chars
# tokens whose lines hold text that was read (or is code, kept out on purpose)
_READ_TOKENS = frozenset(("inline", "fence", "code_block", "html_block", "front_matter"))
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s")
_CONTAINER_MARKS = re.compile(r"^(?:\s*(?:[-+*]|\d{1,9}[.)]|>)(?=\s|$))*\s*")
_TAG = re.compile(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>|<[^>]*>", re.S | re.I)


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def parse_markdown(text: str) -> Document:
    """Blocks of a markdown report, with its front matter as a flat dict.

    >>> source = "---\\ntitle: Kursk\\n---\\n# Lage\\n\\n| Ort | Kursk |\\n|-|-|\\n| Tote | 600 |"
    >>> doc = parse_markdown(source)
    >>> doc.front_matter, [(b.kind, b.text) for b in doc.blocks]
    ({'title': 'Kursk'}, [('heading', 'Lage'), ('table-row', 'Tote: 600')])
    """
    lines = text.split("\n")
    line_starts = [0]
    for line in lines:
        line_starts.append(line_starts[-1] + len(line) + 1)
    blocks: list[Block] = []
    front: dict[str, str] = {}
    front_span: tuple[int, int] | None = None
    kind: BlockKind = "paragraph"
    in_list = 0
    row: list[tuple[str, int, int]] = []
    columns = 0
    in_head = in_cell = False
    marks: list[int] = []
    read_lines = bytearray(len(lines) + 1)
    for token in _parser().parse(text):
        kind_name = token.type
        if token.map and kind_name in _READ_TOKENS:
            read_lines[token.map[0] : token.map[1]] = b"\1" * (token.map[1] - token.map[0])
        if kind_name == "front_matter" and token.map:
            front = parse_front_matter(token.content)
            front_span = (line_starts[token.map[0]], line_starts[token.map[1]] - 1)
        elif kind_name in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif kind_name in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif kind_name == "heading_open":
            kind = "heading"
        elif kind_name == "paragraph_open":
            kind = "list-item" if in_list else "paragraph"
        elif kind_name == "thead_open":
            in_head = True
        elif kind_name == "thead_close":
            in_head = False
        elif kind_name in ("th_open", "td_open", "th_close", "td_close"):
            in_cell = kind_name.endswith("_open")
        elif kind_name == "tr_open":
            row = []
        elif kind_name == "tr_close":
            columns = max(columns, len(row))
            block = None if in_head else row_block(row, columns)
            if block is not None:
                blocks.append(block)
        elif kind_name == "table_close":
            columns = 0
        elif kind_name == "html_block" and token.map:
            # raw HTML in a report still carries text a reader sees: kept, tags taken out
            start = line_starts[token.map[0]]
            plain, positions = _untagged(token.content, start)
            plain, positions = _safe(plain, positions, marks)
            if plain.strip():
                blocks.append(_trimmed("paragraph", plain, positions))
        elif kind_name == "inline" and token.map:
            start, end = line_starts[token.map[0]], line_starts[token.map[1]] - 1
            plain, positions = _safe(*_plain(token, text, start, end), marks)
            if in_cell:
                row.append(_cell(plain, positions))
            elif plain.strip():
                blocks.append(_trimmed(kind, plain, positions))
    blocks += _unread(lines, line_starts, read_lines)
    blocks.sort(key=lambda block: block.start)
    return Document(tuple(blocks), front, front_span, tuple(marks))


def _safe(plain: str, positions: list[int], marks: list[int]) -> tuple[str, list[int]]:
    """The plain text without what the sanitiser drops (entities resolve to real RLOs)."""
    unsafe = unsafe_positions(plain)
    if not unsafe:
        return plain, positions
    drop = {index for index, _ in unsafe}
    marks += [positions[index] for index, suspicious in unsafe if suspicious and positions]
    kept = [i for i in range(len(plain)) if i not in drop]
    return "".join(plain[i] for i in kept), [positions[i] for i in kept]


def _untagged(source: str, offset: int) -> tuple[str, list[int]]:
    parts: list[str] = []
    positions: list[int] = []
    cursor = 0
    for match in [*_TAG.finditer(source), None]:
        stop = match.start() if match else len(source)
        parts.append(source[cursor:stop])
        positions += range(offset + cursor, offset + stop)
        if match:
            parts.append(" ")  # <p>a</p><p>b</p> is two words, not one
            positions.append(offset + match.start())
            cursor = match.end()
    return "".join(parts), positions


def _unread(lines: list[str], line_starts: list[int], read: bytearray) -> list[Block]:
    """Lines markdown-it gave no text for (a list nested past its limit of 20), as paragraphs.

    Text must not vanish without a word: what the parser would not read is kept plain.
    """
    blocks: list[Block] = []
    for number, line in enumerate(lines):
        if read[number] or _REFERENCE.match(line) or not any(c.isalnum() for c in line):
            continue
        lead = _CONTAINER_MARKS.match(line)
        body = line[lead.end() if lead else 0 :].rstrip()
        if body:
            start = line_starts[number] + (lead.end() if lead else 0)
            kind: BlockKind = "list-item" if lead and lead.group().strip() else "paragraph"
            blocks.append(Block(kind, body, start, start + len(body)))
    return blocks


def parse_front_matter(raw: str) -> dict[str, str]:
    """Flat ``key: value`` front matter (quotes removed; nested YAML ignored).

    >>> parse_front_matter('title: "Kim: Truppen"\\ndate: 2025-04-28\\ntags:\\n  - a')
    {'title': 'Kim: Truppen', 'date': '2025-04-28'}
    """
    values: dict[str, str] = {}
    for line in raw.split("\n"):
        if not line or line[0].isspace() or ":" not in line or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        if value and key.strip():
            values[key.strip().lower()] = value
    return values


def _cell(plain: str, positions: list[int]) -> tuple[str, int, int]:
    stripped = plain.strip()
    if not stripped:
        return "", positions[0] if positions else 0, positions[0] if positions else 0
    lead = len(plain) - len(plain.lstrip())
    return stripped, positions[lead], positions[lead + len(stripped) - 1] + 1


def _trimmed(kind: BlockKind, plain: str, positions: list[int]) -> Block:
    lead = len(plain) - len(plain.lstrip())
    stripped = plain.strip()
    kept = positions[lead : lead + len(stripped)]
    return Block(kind, stripped, kept[0], kept[-1] + 1, tuple(kept))


def _plain(token: object, source: str, start: int, end: int) -> tuple[str, list[int]]:
    """The inline token's plain text, and the source offset of each of its chars."""
    parts: list[str] = []
    positions: list[int] = []
    cursor = start
    for child in getattr(token, "children", None) or ():
        if child.type in ("text", "code_inline"):
            content = child.content
        elif child.type in ("softbreak", "hardbreak"):
            content = "\n"
        elif child.type == "link_close":
            cursor = _after_destination(source, cursor, end)
            continue
        elif child.type == "image":
            opening = source.find("![", cursor, end + 1)
            if opening >= 0:
                cursor = _after_destination(source, source.find("]", opening, end + 1), end)
            continue
        else:
            continue
        found = source.find(content, cursor, end + 1) if content else -1
        if found >= 0 and found - cursor < 200:
            spots = list(range(found, found + len(content)))
        else:
            spots = _match_chars(content, source, cursor, end)
        parts.append(content)
        positions += spots
        if spots:
            cursor = spots[-1] + 1
    return "".join(parts), positions


def _after_destination(source: str, cursor: int, end: int) -> int:
    """Past the "](url)" or "][ref]" that follows a link's text, so no later text matches inside."""
    bracket = source.find("]", cursor, min(end + 1, cursor + _LOOKAHEAD)) if cursor >= 0 else -1
    if bracket < 0:
        return max(cursor, 0)
    closer = {"(": ")", "[": "]"}.get(source[bracket + 1 : bracket + 2])
    if closer is None:
        return bracket + 1
    close = source.find(closer, bracket + 2, end + 1)
    return close + 1 if close >= 0 else bracket + 1


def _match_chars(content: str, source: str, cursor: int, end: int) -> list[int]:
    spots: list[int] = []
    for char in content:
        found = source.find(char, cursor, min(end + 1, cursor + _LOOKAHEAD))
        if found < 0:
            spots.append(min(cursor, max(end - 1, 0)))
        else:
            spots.append(found)
            cursor = found + 1
    return spots
