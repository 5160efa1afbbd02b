"""Decoded text to an Article: title, metadata, and the passages in reading order.

This is the pure part of reading (no files, no cache), so it can be tested on
strings and the cache can store exactly what it returns.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from newsdiff.core.language.detection import detect_language
from newsdiff.core.language.passages import split_passages
from newsdiff.core.language.segment import split_sentences
from newsdiff.core.language.wrapping import unwrapped
from newsdiff.core.model import Article, Sentence
from newsdiff.core.reading.blocks import parse
from newsdiff.core.reading.datelines import MetaLine, read_meta_lines
from newsdiff.core.reading.document import Block, Document
from newsdiff.core.reading.metadata import (
    clean_title,
    find_credit,
    find_dateline,
    normalise_date,
    pick_date,
)

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_OPENING_MAX = 1000  # enough to find a lead's first sentence, without splitting it all
_TITLE_LINE_MAX = 200  # a first line longer than this is the body's opening, not a title
_META_LINES_MAX = 4  # datelines and bylines sit among the first few blocks, before the body


def build_article(
    text: str,
    *,
    id: str,
    path: str = "",
    markdown: bool = False,
    document: Document | None = None,
    marks: tuple[int, ...] = (),
) -> Article:
    """The article newsdiff reads in ``text`` (already decoded and cleaned).

    ``document`` gives the blocks and metadata when another reader made them
    (a saved web page); otherwise ``text`` is parsed as plain text or markdown.
    ``marks`` are offsets in ``text`` where the decoder removed control, bidi or
    tag characters; a passage over one is marked ``cleaned``, like a passage
    whose Markdown entities resolved to such characters.

    >>> text = "Kursk Stand: 28.04.2025 03:32 Uhr\\n\\nDüsseldorf. Es regnet. (dpa)"
    >>> a = build_article(text, id="x")
    >>> a.title, a.date, a.dateline, a.credit, [s.text for s in a.sentences]
    ('Kursk', '2025-04-28T03:32', 'Düsseldorf', 'dpa', ['Kursk', 'Es regnet.'])
    """
    doc = document if document is not None else parse(text, markdown=markdown)
    front = doc.front_matter
    # a block of no letter or digit ("***", "]", "—") is a separator, not a passage:
    # dropped before the title, dateline and credit are looked for (its text stays)
    blocks = [block for block in doc.blocks if _says_something(block.text)]
    language = front.get("language", front.get("lang", ""))
    locale = front.get("locale", language)
    if language not in ("de", "en"):
        language = detect_language("\n".join(block.text for block in blocks))
    meta = _meta_lines(blocks, locale or language)
    title, title_block, stamp, tag = _title(text, doc, blocks, language)
    dateline = credit = None
    first_body = _first_paragraph(blocks)
    if first_body is not None:
        found = find_dateline(blocks[first_body].text)
        if found:
            dateline = found[0]
            blocks[first_body] = blocks[first_body].cut(found[1], len(blocks[first_body].text))
    last_body = _last_paragraph(blocks)
    if last_body is not None:
        found = find_credit(blocks[last_body].text)
        if found:
            credit = found[0]
            blocks[last_body] = blocks[last_body].cut(0, found[1])
    passages = _marked(_passages(title_block, blocks, language), sorted({*marks, *doc.marks}))
    front_date = normalise_date(front["date"]) if "date" in front else None
    modified = _refined(
        normalise_date(front["modified"]) if "modified" in front else None, meta.modified
    )
    # a report stamped only "UPDATED …" is dated by that stamp rather than not at all
    date = _refined(front_date or pick_date(stamp, tag), meta.date) or modified
    note = meta.notes.get(date[:10]) if date else None
    return Article(
        id=id,
        path=path,
        text=text,
        title=title or id,
        date=date,
        language=language,
        sentences=passages,
        words=len(_WORD.findall("\n".join(passage.text for passage in passages))),
        source=front.get("source"),
        url=front.get("url"),
        dateline=dateline,
        credit=credit,
        author=front.get("author") or meta.author,
        modified=modified,
        date_note=note,
    )


class _Meta:
    """What the datelines and bylines at the top of a report said, first of each kept."""

    def __init__(self) -> None:
        self.date: str | None = None
        self.modified: str | None = None
        self.author: str | None = None
        self.notes: dict[str, str] = {}  # day -> how its ambiguous date was read

    def add(self, line: MetaLine) -> None:
        if line.date and line.note:
            self.notes.setdefault(line.date[:10], line.note)
        if line.date and line.modified:
            self.modified = self.modified or line.date
        elif line.date and not self.date:
            self.date = line.date
        if line.author and not self.author:
            self.author = line.author


def _meta_lines(blocks: list[Block], locale: str) -> _Meta:
    """Take the datelines and bylines out of the first blocks (before the body's prose)."""
    meta = _Meta()
    index = 0
    while index < min(len(blocks), _META_LINES_MAX):
        block = blocks[index]
        found = read_meta_lines(block.text, locale=locale) if "\n" not in block.text else ()
        if found:
            for line in found:
                meta.add(line)
            blocks.pop(index)
            continue
        if block.kind != "heading" and (index > 0 or len(block.text) > _TITLE_LINE_MAX):
            break  # the body has begun: a date line further down is the body's
        index += 1
    return meta


def _refined(date: str | None, line_date: str | None) -> str | None:
    """The metadata's date, or a dateline's when there is none or it adds the time of that day."""
    if not date:
        return line_date
    if line_date and line_date.startswith(date) and len(line_date) > len(date):
        return line_date
    return date


def fold_spaces(text: str) -> str:
    """Whitespace runs folded to one space, ends stripped.

    >>> fold_spaces(" Kim  Jong\\nUn ")
    'Kim Jong Un'
    """
    return " ".join(text.split())


def _title(
    text: str, doc: Document, blocks: list[Block], language: str
) -> tuple[str, Block | None, str | None, str | None]:
    """The title, its block (taken out of ``blocks``), and the stamp and tag found in it."""
    front_title = doc.front_matter.get("title")
    first = blocks[0] if blocks else None
    if front_title:
        cleaned = clean_title(front_title)
        if first is not None and first.kind == "heading":
            heading = clean_title(first.text)
            if fold_spaces(heading.text).casefold() == fold_spaces(cleaned.text).casefold():
                blocks.pop(0)
                return (
                    cleaned.text,
                    first.cut(heading.start, heading.end),
                    cleaned.stamp,
                    cleaned.tag,
                )
        return cleaned.text, _front_title_block(text, doc, front_title), cleaned.stamp, cleaned.tag
    if first is None:
        return "", None, None, None
    if first.kind == "heading" or _is_title_line(first, language):
        blocks.pop(0)
        cleaned = clean_title(first.text)
        block = first.cut(cleaned.start, cleaned.end) if cleaned.text else None
        return unwrapped(cleaned.text, language), block, cleaned.stamp, cleaned.tag
    # no title line (seed 001 opens with its lead): the first sentence names the report
    spans = split_passages(first.text[:_OPENING_MAX], language=language)
    opening = first.text[spans[0][0] : spans[0][1]] if spans else first.text
    return unwrapped(opening, language), None, None, None


def _is_title_line(block: Block, language: str) -> bool:
    # a title line hard-wrapped over two lines is still one sentence of a few words
    if block.kind != "paragraph" or len(block.text) > _TITLE_LINE_MAX:
        return False
    return len(split_sentences(block.text, language=language)) == 1


def _front_title_block(text: str, doc: Document, title: str) -> Block | None:
    if doc.front_matter_span is None:
        return None
    start = text.find(title, *doc.front_matter_span)
    if start < 0:
        return None
    return Block("heading", title, start, start + len(title))


def _first_paragraph(blocks: list[Block]) -> int | None:
    for index, block in enumerate(blocks):
        if block.kind == "paragraph":
            return index
        if block.kind != "heading":
            return None
    return None


def _last_paragraph(blocks: list[Block]) -> int | None:
    for index in range(len(blocks) - 1, -1, -1):
        if blocks[index].kind == "paragraph":
            return index
        if blocks[index].kind != "table-row":
            return None
    return None


def _marked(passages: tuple[Sentence, ...], marks: list[int]) -> tuple[Sentence, ...]:
    if not marks:
        return passages
    # a mark at a passage's end counts: "Soldaten\u202e" loses its RLO at offset end
    return tuple(
        replace(p, cleaned=True) if bisect_right(marks, p.end) > bisect_left(marks, p.start) else p
        for p in passages
    )


def _says_something(text: str) -> bool:
    """Whether ``text`` holds a letter or digit (a passage can pair on it).

    >>> _says_something("* * *"), _says_something("„…“"), _says_something("3")
    (False, False, True)
    """
    return any(char.isalnum() for char in text)


def _passages(title: Block | None, blocks: list[Block], language: str) -> tuple[Sentence, ...]:
    passages: list[Sentence] = []

    def add(text: str, start: int, end: int, kind: str, paragraph: int) -> None:
        folded = unwrapped(text, language)  # "US-\nRegierung" reads "US-Regierung"
        if _says_something(folded):  # not a quote left alone ('court. "'), nor "..."
            passages.append(Sentence(len(passages), folded, start, end, kind, paragraph))  # type: ignore[arg-type]

    if title is not None:
        add(title.text, title.start, title.end, "heading", 0)
    for number, block in enumerate(blocks, start=1):
        if block.kind in ("heading", "table-row"):
            add(block.text, block.start, block.end, block.kind, number)
            continue
        kind = "list-item" if block.kind == "list-item" else "sentence"
        # a stretch with no sentence end (a transcript) is cut, or it would pair with nothing
        for start, end in split_passages(block.text, language=language):
            add(block.text[start:end], *block.source_span(start, end), kind, number)
    return tuple(passages)
