"""Bytes of a report to an Article, by kind: plain text, Markdown, a saved page, an MHTML archive.

One entry point for files and fetched pages alike, so both go through the
same cache and the same checks (binary, empty, no readable text), and a bad
one is one ReadError naming it. The page readers (trafilatura, lxml) load only
when a page is read.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace

from newsdiff.core.language.sanitize import clean
from newsdiff.core.model import Article, Problem, ProblemKind
from newsdiff.core.reading import cache as article_cache
from newsdiff.core.reading.article import build_article
from newsdiff.core.reading.decode import NotText, decode

# a page saved under another name (".txt", none) still says what it is in its first bytes
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)


# How the Markdown and HTML reports of export.markdown and export.html open (the
# layers forbid importing them here; tests/test_report_output.py ties the two): a
# report written with -o into the folder it compares was read back the next time as
# one more source, every claim of it "identical" to the sources it quotes
_OWN_MARKDOWN = "# newsdiff report\n\n"
_OWN_MARKDOWN_SOURCES = "\n## Sources\n\n| | Source | Title | Date |\n"
_OWN_HTML = "<title>newsdiff report</title>"
_OWN_HTML_HEADING = "<h1>newsdiff report</h1>"
_OWN_JSON = re.compile(r'\s*\{\s*"format":\s*"newsdiff-report/')  # export.json writes it first


OWN_REPORT = "a comparison report newsdiff wrote, not a news report"  # what reading says of one


def is_own_report(text: str) -> bool:
    """Whether ``text`` is a report newsdiff itself wrote (Markdown, HTML or JSON).

    >>> sources = "## Sources\\n\\n| | Source | Title | Date |\\n"
    >>> is_own_report(f"# newsdiff report\\n\\n2 reports\\n\\n{sources}")
    True
    >>> is_own_report("# newsdiff report\\n\\nA review of the tool newsdiff.")
    False
    >>> is_own_report('{"format": "newsdiff-report/1", "sources": []}')
    True
    """
    head = text[:4096]
    if head.startswith(_OWN_MARKDOWN):
        return _OWN_MARKDOWN_SOURCES in head
    return (_OWN_HTML in head and _OWN_HTML_HEADING in head) or _OWN_JSON.match(head) is not None


# A news table has a handful of columns. Measured: a 5,000 x 200 Markdown table
# (2.9 MB) took 74 s and 1.44 GB to list, markdown-it's table rule alone 15 s for
# 1,000 columns; a refusal naming the limit beats a frozen reader.
MAX_COLUMNS = 200


# a GFM delimiter row ("|---|:-:|"), as core/reading/blocks.py recognises one
_TABLE_RULE = re.compile(r"\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*")
# lines in a row with one count of cells make a table without a rule (a pipe-separated
# dump); a breadcrumb or a line of ASCII art is one line, or lines of varying counts
_TABLE_RUN = 3


def _widest_table(text: str) -> int:
    """The most cells a line of a pipe table holds (edge pipes aside); 0 without a table.

    A table is a header line with a delimiter row under it, and the lines with a
    pipe that follow; or three or more lines in a row of one number of cells. A
    line of prose full of pipes is no table. Linear.

    >>> _widest_table("Home | News | World\\n\\nNordkorea schickt Soldaten.")
    0
    >>> _widest_table("| a | b | c |\\n|---|---|---|\\n| 1 | 2 | 3 |")
    3
    """
    if "|" not in text:
        return 0
    lines = text.split("\n")
    widest = 0
    table_to = -1  # a table of a rule goes on while its lines hold a pipe
    run, previous = 0, 0
    for number, line in enumerate(lines):
        if "|" not in line:
            run = previous = 0
            if number > table_to:
                table_to = -1
            continue
        cells = line.strip().strip("|").count("|") + 1
        following = lines[number + 1] if number + 1 < len(lines) else ""
        # a rule without a pipe is a Markdown heading's underline or a thematic break
        if table_to < 0 and "|" in following and _TABLE_RULE.fullmatch(following):
            table_to = number + 1
        if table_to >= 0:
            table_to = max(table_to, number)
            widest = max(widest, cells)
        run = run + 1 if cells == previous else 1
        previous = cells
        if run >= _TABLE_RUN:
            widest = max(widest, cells)
    return widest


class ReadError(Exception):
    """A file newsdiff cannot read as a report, with a one-line reason."""

    def __init__(
        self, path: str | os.PathLike[str], message: str, *, kind: ProblemKind | None = None
    ) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message
        self.kind = kind


def read_bytes(
    data: bytes,
    *,
    id: str,
    path: str,
    kind: str = "text",
    url: str | None = None,
    cache: bool = True,
    notes: list[Problem] | None = None,
    entries: article_cache.Entries | None = None,
) -> Article:
    """Read a report's bytes as ``kind`` ("text", "markdown", "html" or "mhtml").

    A "text" file that opens like an HTML page is read as one. ``url`` is
    where a page came from, when it was fetched. Raises ReadError (naming
    ``path``) when the bytes hold no report. What had to be mended on the way
    (bytes that were not UTF-8) is added to ``notes`` as a non-fatal Problem.
    ``entries`` is the cache of a read of many files (written when it is
    flushed); without it the cache is asked, and written, for this one.

    >>> read_bytes(b"Kursk\\n\\nNordkorea hat Soldaten geschickt.", id="k", path="k.txt").title
    'Kursk'
    """
    markdown = kind == "markdown"
    own = entries is None and article_cache.enabled(cache)
    if own:
        entries = article_cache.Entries()
    key = entry_key(data, kind=kind, url=url) if entries is not None else ""
    if kind == "mhtml":
        article = _read_archive(data, id=id, path=path, url=url)
    else:
        try:
            decoded = decode(data)
        except NotText as error:
            raise ReadError(path, str(error)) from None
        text = decoded.text
        if decoded.mended and notes is not None:
            count = decoded.mended
            notes.append(
                Problem(
                    path,
                    f"{count} byte{'s' * (count != 1)} not UTF-8, read as Windows-1252",
                    fatal=False,
                )
            )
        if not text.strip():
            # what was removed says which: "empty" is wrong for a file of control bytes
            only = "no readable text: only control characters" if decoded.marks else "empty file"
            raise ReadError(path, only)
        if is_own_report(text):
            raise ReadError(path, OWN_REPORT, kind="own_report")
        if kind == "html" or (kind == "text" and _HTML_START.match(text[:4096])):
            article = _read_page(text, id=id, path=path, url=url, marks=decoded.marks)
            key = ""  # a page's text is the extractor's: its entry cannot be checked, so none
        else:
            columns = _widest_table(text)
            if columns > MAX_COLUMNS:
                raise ReadError(
                    path,
                    f"a table of {columns} columns; newsdiff reads tables of up to "
                    f"{MAX_COLUMNS} columns (this is a data table, not a report)",
                )
            # checked against the text just decoded: the cache saves the parsing, never the reading
            cached = entries.load(key, text) if entries is not None and key else None
            if cached is not None:
                title = id if cached.title == cached.id else cached.title
                return replace(cached, id=id, path=path, title=title)
            article = build_article(text, id=id, path=path, markdown=markdown, marks=decoded.marks)
    if not article.sentences and any(char.isalnum() for char in article.text):
        raise ReadError(path, "no readable text")
    # joiners, accents without letters, "!!! ???" (no passage then): nothing to compare
    if not article.sentences or not article.words:
        raise ReadError(path, "no words in it (only punctuation, symbols or marks)")
    if entries is not None and key:
        entries.store(key, article)
        if own:
            entries.flush()
    return article


def entry_key(data: bytes, *, kind: str, url: str | None = None) -> str:
    """The cache key of a report's bytes read as ``kind``; "" for the kinds never cached.

    A page's text is the extractor's: its entry could not be checked, so there is none.

    >>> entry_key(b"x", kind="text") != entry_key(b"x", kind="markdown")
    True
    >>> entry_key(b"<html>", kind="html")
    ''
    """
    if kind in ("html", "mhtml"):
        return ""
    if kind == "text":
        return article_cache.content_key(data, markdown=False)
    # a fetched report is keyed by its address too: the same bytes from two URLs carry
    # two URLs; the kind prefix keeps it apart from a file of the same bytes
    address = (url or "").encode("utf-8", "surrogateescape")
    keyed = b"%s\0%s\0%s" % (kind.encode(), address, data)
    return article_cache.content_key(keyed, markdown=kind == "markdown")


def _read_page(
    html: str, *, id: str, path: str, url: str | None, marks: Sequence[int] = ()
) -> Article:
    """The article of a page; ``marks``: where reading removed something suspicious."""
    from newsdiff.core.reading.html import read_html_article, with_marks  # only for a page

    try:
        return read_html_article(with_marks(html, marks), id=id, path=path, url=url)
    except ValueError as error:
        raise ReadError(path, str(error)) from None


def _read_archive(data: bytes, *, id: str, path: str, url: str | None) -> Article:
    from newsdiff.core.reading.mhtml import NotAPage, page_html

    try:
        html, location = page_html(data)
    except NotAPage as error:
        raise ReadError(path, str(error)) from None
    text, marks = clean(html)
    return _read_page(text, id=id, path=path, url=url or location, marks=marks)
