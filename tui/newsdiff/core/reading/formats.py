"""Bytes of a report to an Article, by kind: plain text, Markdown, a saved page, an MHTML archive.

One entry point for files and fetched pages alike, so both go through the
same cache and the same checks (binary, empty, no readable text), and a bad
one is one ReadError naming it. The page readers (trafilatura, lxml) load only
when a page is read.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from newsdiff.core.model import Article
from newsdiff.core.reading import cache as article_cache
from newsdiff.core.reading.article import build_article
from newsdiff.core.reading.decode import NotText, clean_text, decode

# a page saved under another name (".txt", none) still says what it is in its first bytes
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)


class ReadError(Exception):
    """A file newsdiff cannot read as a report, with a one-line reason."""

    def __init__(self, path: str | os.PathLike[str], message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


def read_bytes(
    data: bytes,
    *,
    id: str,
    path: str,
    kind: str = "text",
    url: str | None = None,
    cache: bool = True,
) -> Article:
    """Read a report's bytes as ``kind`` ("text", "markdown", "html" or "mhtml").

    A "text" file that opens like an HTML page is read as one. ``url`` is
    where a page came from, when it was fetched. Raises ReadError (naming
    ``path``) when the bytes hold no report.

    >>> read_bytes(b"Kursk\\n\\nNordkorea hat Soldaten geschickt.", id="k", path="k.txt").title
    'Kursk'
    """
    markdown = kind == "markdown"
    use_cache = article_cache.enabled(cache)
    # a page is keyed by its address too: the same bytes fetched from two URLs
    # carry two URLs; the kind prefix keeps pages apart from text of the same bytes
    keyed = b"%s\0%s\0%s" % (kind.encode(), (url or "").encode("utf-8", "surrogateescape"), data)
    key = (
        article_cache.content_key(data if kind == "text" else keyed, markdown=markdown)
        if use_cache
        else ""
    )
    if use_cache:
        cached = article_cache.load(key)
        if cached is not None:
            return replace(cached, id=id, path=path)
    if kind == "mhtml":
        article = _read_archive(data, id=id, path=path, url=url)
    else:
        try:
            text = decode(data).text
        except NotText as error:
            raise ReadError(path, str(error)) from None
        if not text.strip():
            raise ReadError(path, "empty file")
        if kind == "html" or (kind == "text" and _HTML_START.match(text[:4096])):
            article = _read_page(text, id=id, path=path, url=url)
        else:
            article = build_article(text, id=id, path=path, markdown=markdown)
    if not article.sentences:
        raise ReadError(path, "no readable text")
    if use_cache:
        article_cache.store(key, article)
    return article


def _read_page(html: str, *, id: str, path: str, url: str | None) -> Article:
    from newsdiff.core.reading.html import read_html_article  # the extractor only for a page

    try:
        return read_html_article(html, id=id, path=path, url=url)
    except ValueError as error:
        raise ReadError(path, str(error)) from None


def _read_archive(data: bytes, *, id: str, path: str, url: str | None) -> Article:
    from newsdiff.core.reading.mhtml import NotAPage, page_html

    try:
        html, location = page_html(data)
    except NotAPage as error:
        raise ReadError(path, str(error)) from None
    return _read_page(clean_text(html), id=id, path=path, url=url or location)
