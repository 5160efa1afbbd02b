"""Saved web pages to blocks and metadata, through trafilatura's main-text extraction.

A news page is mostly not the article: navigation, teasers ("Lesen Sie auch",
"Related"), share buttons, comments, scripts. trafilatura keeps the article's
paragraphs, headings, lists and tables, chosen by measurement on the 28 saved
pages of ``../shared/corpora/web-pages`` against Readability's reference text
(``tests/benchmarks/bench_extract.py``: word F1 0.91 for trafilatura, 0.89 for
readability-lxml, 0.75 for jusText; see the README). Its metadata (title,
author, site name, canonical URL, dates through htmldate) fills the same
fields a Markdown front matter fills.

The extracted blocks are joined with blank lines into the article's text, so a
passage's ``start``/``end`` point into that text, as they point into a
Markdown file's text. trafilatura, lxml and htmldate are imported only here,
and this module only when a page is read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsdiff.core.language.sanitize import clean, is_clean
from newsdiff.core.language.wrapping import chosen_ends, closes, runs_on
from newsdiff.core.model import Article
from newsdiff.core.reading.document import Block, BlockKind, Document, row_block

# Where reading removed a control, bidi or tag character from the page's markup, this
# character stands in its place through lxml and trafilatura (which keep it, and drop
# private-use and non-characters), so the passage it lands in is marked cleaned as a
# text file's is; it never reaches the article's text
MARK = "\ufffc"
_HEADINGS = frozenset(("head",))
_PARAGRAPHS = frozenset(("p", "quote", "code"))
# meta tags that carry the moment of publication and of the last change, with time and zone
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "date",
    "dc.date",
    "DC.date.issued",
    "publish-date",
    "pubdate",
)
_MARKUP_DATES: dict[str, bool] = {"original_date": True, "extensive_search": False}
_MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified")
_ISO_MOMENT = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
# scripts (not JSON-LD), styles, inline drawings, comments and data: URIs
_HEAVY = re.compile(
    r"<script(?![^>]*ld\+json)[^>]*>.*?</script\s*>|<style[^>]*>.*?</style\s*>"
    r"|<svg[^>]*>.*?</svg\s*>|<!--.*?-->|(?<==[\"'])data:[^\"']{256,}",
    re.I | re.S,
)
# a character reference: "&#27;" would bring back the escape character decoding stripped
# (and lxml refuses it); "&#x202E;" a bidi control, which trafilatura drops unmarked
_REFERENCE = re.compile(r"&#(?:x([0-9a-f]{1,8})|([0-9]{1,10}));|&(lrm|rlm);", re.I)
_NAMED = {"lrm": "\u200e", "rlm": "\u200f"}
_PROSE_WORDS = 6  # a paragraph this long that ends like a sentence makes a page an article
# an error page's title or heading: "404 Not Found", "Seite nicht gefunden", "403 Forbidden";
# read only on a page this short (a 404 page says a sentence or two, an article that
# mentions "not found" in its headline runs to hundreds of words)
_ERROR_PAGE = (
    ("page not found", re.compile(
        r"^\W*(?:(?:error|fehler|http)\s*)?404\b|^\W*(?:(?:the\s+|die\s+)?(?:page|seite|file|"
        r"datei|url|document|dokument)\s+)?(?:not\s+found|(?:wurde\s+)?nicht\s+gefunden|could\s+"
        r"not\s+be\s+found)\W*(?:[|–—-].*)?$", re.I)),
    ("access denied", re.compile(
        r"^\W*(?:(?:error|fehler)\s*)?(?:401|403)\b|^\W*(?:forbidden|access\s+denied|"
        r"zugriff\s+verweigert|unauthori[sz]ed)\W*$", re.I)),
    ("server error", re.compile(
        r"^\W*(?:(?:error|fehler)\s*)?(?:500|502|503)\b|^\W*(?:internal\s+server\s+error|"
        r"service\s+unavailable|bad\s+gateway)\W*$", re.I)),
)  # fmt: skip
_ERROR_PAGE_WORDS = 60
_LIGHT = 300_000  # characters; below this a page is parsed as it is
# markup left after the heavy parts: extraction takes about 3 s a megabyte, so
# past this a page (no news article is that long) is refused rather than waited on
_MARKUP_MAX = 6_000_000
# a preformatted block (a statement, a list, a poem): trafilatura folds its newlines
# into spaces, so 300 words of lines were one passage; its line breaks are made <br>,
# which trafilatura keeps, and its blank lines end one <pre> and open another
_PRE = re.compile(r"(<pre\b[^>]*>)(.*?)</pre\s*>", re.I | re.S)
_BLANK_LINES = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


class PageTooLarge(ValueError):
    """A page with more markup than an article could need; extracting it would take minutes."""


@dataclass(frozen=True, slots=True)
class Page:
    """A page's article as text (blocks with blank lines between) and as blocks into it."""

    text: str
    document: Document


def read_html_article(html: str, *, id: str, path: str = "", url: str | None = None) -> Article:
    """The article in a saved page: its blocks, read like a Markdown report's, and its metadata.

    Raises ValueError when the page holds no article text.

    >>> page = ("<html lang='de'><head><title>Kursk</title>"
    ...         "<meta property='article:published_time' content='2025-04-28T03:32:00+02:00'>"
    ...         "</head><body><article><h1>Kursk</h1><p>Nordkorea hat erstmals die "
    ...         "Entsendung von Soldaten nach Russland bestätigt, meldet die Agentur.</p>"
    ...         "</article></body></html>")
    >>> a = read_html_article(page, id="kursk")
    >>> a.title, a.date, a.language, [s.text for s in a.sentences][1][:20]
    ('Kursk', '2025-04-28T03:32:00+02:00', 'de', 'Nordkorea hat erstma')
    """
    from newsdiff.core.reading.article import build_article

    page = parse_html(html, url=url)
    if not any(_is_prose(block) for block in page.document.blocks):
        # a front page or index: what an extractor keeps is links and labels, no article
        raise ValueError("no article text found in the page")
    error = _error_page(page)
    if error:
        raise ValueError(f"an error page ({error}), not an article")
    return build_article(page.text, id=id, path=path, document=page.document)


def _error_page(page: Page) -> str | None:
    """What kind of error page ``page`` is ("page not found"), or None for an article.

    >>> blocks = (Block("heading", "Not Found", 0, 9),)
    >>> _error_page(Page("Not Found", Document(blocks, {"title": "404 Not Found"})))
    'page not found'
    """
    if len(page.text.split()) > _ERROR_PAGE_WORDS:
        return None
    named = [page.document.front_matter.get("title", "")]
    named += [b.text for b in page.document.blocks if b.kind == "heading"]
    for kind, pattern in _ERROR_PAGE:
        if any(pattern.search(text.strip()) for text in named if text):
            return kind
    return None


def parse_html(html: str, *, url: str | None = None) -> Page:
    """The article's blocks in a page and its metadata as front-matter keys.

    The keys are those a Markdown front matter uses (``title``, ``date``,
    ``author``, ``source`` for the site name, ``url``, ``language``) and
    ``modified``; a page without them gives fewer keys, a page without an
    article no blocks.

    >>> page = ("<html lang='en'><head><title>Troops sent</title></head><body>"
    ...         "<nav><a href='/'>Home</a> <a href='/w'>World</a></nav><article>"
    ...         "<h1>Troops sent</h1><p>North Korea has sent troops to Russia, "
    ...         "officials in Seoul said on Monday.</p><p>The soldiers are "
    ...         "training in the east of the country, the officials said.</p>"
    ...         "</article></body></html>")
    >>> doc = parse_html(page).document
    >>> [(b.kind, b.text[:11]) for b in doc.blocks]
    [('heading', 'Troops sent'), ('paragraph', 'North Korea'), ('paragraph', 'The soldier')]
    >>> doc.front_matter["title"], doc.front_matter["language"]
    ('Troops sent', 'en')
    """
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    html = _without_heavy_parts(html)
    if len(html) > _MARKUP_MAX:
        raise PageTooLarge(
            f"too much markup to extract the article ({len(html) // 1_000_000} MB "
            f"without scripts and styles; the limit is {_MARKUP_MAX // 1_000_000} MB)"
        )
    try:
        tree = lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return Page("", Document(()))  # nothing an HTML parser can read
    front = _page_metadata(tree, url)
    # before trafilatura, which cleans the tree it is given in place
    published = _markup_date(tree, original=True, url=url)
    xml = trafilatura.extract(
        tree,
        url=url,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,  # word F1 0.973 against 0.956 by default on the saved pages
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
        # the page's date is _markup_date's, not this one: trafilatura's date search has
        # no way to leave out htmldate's last fallback to a bare date of the text
        date_extraction_params=_MARKUP_DATES,
    )
    if not xml:
        return Page("", Document((), front))
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, huge_tree=True))
    if root is None:
        return Page("", Document((), front))
    for name, key in (
        ("title", "title"),
        ("author", "author"),
        ("sitename", "source"),
        ("url", "url"),
    ):
        value = _clean(root.get(name) or "")
        if value and key not in front:
            front[key] = value
    if published and "date" not in front:
        front["date"] = published
    elif published and not front["date"].startswith(published):
        front["date"] = published  # htmldate looked further than the meta tags; trust its day
    main = root.find("main")
    writer = _Writer()
    if main is not None:
        writer.walk(main)
    document = Document(tuple(writer.blocks), front, marks=tuple(writer.marks))
    return Page("".join(writer.parts), document)


class _Writer:
    """Walks trafilatura's XML and lays the blocks out one after the other."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.cursor = 0
        self.marks: list[int] = []  # offsets in the text where something suspicious went

    def _place(self, source: str) -> int:
        """Lay ``source`` out after a blank line; its start offset."""
        if self.parts:
            self.parts.append("\n\n")
            self.cursor += 2
        start = self.cursor
        self.parts.append(source)
        self.cursor += len(source)
        return start

    def add(self, kind: BlockKind, text: str) -> None:
        text, marks = _clean_marked(text)
        if text:
            start = self._place(text)
            self.blocks.append(Block(kind, text, start, start + len(text)))
            self.marks += [start + m for m in marks]

    def add_lines(self, text: str) -> None:
        """A paragraph the page broke into lines (``<br>``, or a ``<pre>``'s newlines).

        Lines that are mostly the writer's (a list: "Die Lage in Kursk<br>Truppen
        aus Nordkorea") are a block each, unless one goes on into the next (a
        comma, a small letter next, a line of no word); lines wrapped at a width
        (a statement in a ``<pre>``) end only where the next word would have fit
        (``chosen_ends``), as hard-wrapped plain text does. The page called it a
        paragraph, so no line of it is taken for a heading.
        """
        if "\n" not in text:
            self.add("paragraph", text)
            return
        lines: list[str] = []
        marks: list[int] = []
        at = 0
        for line in text.split("\n"):
            cleaned, found = _clean_marked(line)
            if cleaned:
                marks += [at + mark for mark in found]
                lines.append(cleaned)
                at += len(cleaned) + 1
        if not lines:
            return
        joined = "\n".join(lines)
        start = self._place(joined)
        self.marks += [start + mark for mark in marks]
        ends = chosen_ends(lines)
        if sum(ends) * 2 >= len(ends):  # mostly the writer's: a list, not a width's wrap
            ends = chosen_ends(lines, wrapped=False)
        # a line of no word ("]", "...": the end of a code block) closes the one before
        # nor does a sentence that runs on over the break to an end further on
        # ("hat die<br>Regierung … entsandt."): a capital after it says nothing in German
        ends = [
            ended
            and any(c.isalnum() for c in lines[number + 1])
            and not (
                runs_on(lines[number], lines[number + 1]) and any(map(closes, lines[number + 1 :]))
            )
            for number, ended in enumerate(ends)
        ] + [True]
        first = at = 0  # offsets in joined: where the block began, where the line does
        for line, ended in zip(lines, ends, strict=True):
            at += len(line) + 1
            if ended:  # the block is joined[first : at - 1], up to the line's end
                self.blocks.append(
                    Block("paragraph", joined[first : at - 1], start + first, start + at - 1)
                )
                first = at

    def add_row(self, raw: list[str]) -> None:
        marked = [_clean_marked(cell) for cell in raw]
        cells = [cell for cell, _ in marked]
        if row_block([(cell, 0, len(cell)) for cell in cells], len(cells)) is None:
            return  # a row that says nothing is not laid out at all
        start = self._place(" | ".join(cells))  # the row as a line; the block reads "a: b"
        spans: list[tuple[str, int, int]] = []
        for cell, marks in marked:
            spans.append((cell, start, start + len(cell)))
            self.marks += [start + m for m in marks]
            start += len(cell) + 3
        block = row_block(spans, len(cells))
        if block is not None:
            self.blocks.append(block)

    def walk(self, element: Any) -> None:
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _HEADINGS:
                self.add("heading", _inner_text(child))
            elif tag in _PARAGRAPHS:
                self.add_lines(_inner_text(child))
            elif tag == "list":
                for item in child.iter("item"):
                    self.add("list-item", _inner_text(item, skip="list"))
            elif tag == "table":
                for row in child.iter("row"):
                    self.add_row([_inner_text(cell) for cell in row.iter("cell")])
            elif tag in ("div", "main", "section"):
                self.walk(child)


def _is_prose(block: Block) -> bool:
    """A paragraph that reads as a sentence: some words, and a sentence's end."""
    text = block.text.rstrip("\"'”’»)] ")
    return block.kind == "paragraph" and len(text.split()) >= _PROSE_WORDS and text[-1:] in ".!?:…"


def _inner_text(element: Any, *, skip: str | None = None) -> str:
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != skip and isinstance(child.tag, str):
            parts.append(_inner_text(child))
        if child.tail:
            parts.append(child.tail)
    return "".join(parts)


def with_marks(html: str, marks: Sequence[int]) -> str:
    """``html`` with ``MARK`` where reading removed something suspicious, outside tags.

    Inside a tag a mark would change the markup; such a removal goes unmarked.

    >>> with_marks("<p>ab</p><p x='y'>c</p>", [4, 14]) == "<p>a" + MARK + "b</p><p x='y'>c</p>"
    True
    """
    parts: list[str] = []
    at = 0
    for mark in sorted(set(marks)):
        if html.rfind("<", 0, mark) > html.rfind(">", 0, mark):
            continue  # inside a tag
        parts += [html[at:mark], MARK]
        at = mark
    parts.append(html[at:])
    return "".join(parts)


def _clean_marked(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` cleaned, its spaces folded, and where something suspicious was removed.

    An entity such as ``&#x202E;`` brings back what decoding stripped: cleaned again.

    >>> _clean_marked(f"a  b{MARK}c \u202ed {MARK} e"), _clean_marked("x")
    (('a bc d e', (3, 5, 6)), ('x', ()))
    """
    text, removed = clean(text)
    for offset in reversed(removed):
        text = text[:offset] + MARK + text[offset:]
    if MARK not in text:
        return " ".join(text.split()), ()
    words: list[str] = []
    marks: list[int] = []
    end = 0  # the length of the text so far
    for token in text.split():
        pieces = token.split(MARK)
        word = "".join(pieces)
        start = end + 1 if words and word else end
        at = start
        for piece in pieces[:-1]:
            at += len(piece)
            marks.append(at)
        if word:
            words.append(word)
            end = start + len(word)
    return " ".join(words), tuple(dict.fromkeys(marks))


def _clean(text: str) -> str:
    return _clean_marked(text)[0]


def _without_heavy_parts(html: str) -> str:
    """The page without scripts, styles, drawings, comments and inline images.

    They hold no article text, and on a heavy page they are most of the bytes
    (a 20 MB page is mostly script and base64 images): cut out by one linear
    scan, they cost the extractor nothing. JSON-LD stays (it dates the page).
    """
    if len(html) > _LIGHT:
        html = _HEAVY.sub("", html)
    if "<pre" in html or "<PRE" in html:
        html = _PRE.sub(_broken_lines, html)
    return _REFERENCE.sub(_suspicious_reference, html) if "&" in html else html


def _broken_lines(match: re.Match[str]) -> str:
    """A ``<pre>`` block as ``<pre>``s of ``<br>``-broken lines, one a paragraph."""
    opening = match.group(1)
    pieces = _BLANK_LINES.split(match.group(2).strip("\n"))
    return "".join(f"{opening}{piece.replace(chr(10), '<br>')}</pre>" for piece in pieces)


def _suspicious_reference(match: re.Match[str]) -> str:
    """``MARK`` for a reference to a control, bidi, tag or format character; else itself.

    An invisible character such as a soft hyphen goes without a mark, as in a text
    file; "&#150;" is the Windows-1252 dash a browser shows, not a C1 control.

    >>> [_REFERENCE.sub(_suspicious_reference, t) for t in ("&#x1B;", "&rlm;", "&#228;")]
    ['\ufffc', '\ufffc', '&#228;']
    >>> [_REFERENCE.sub(_suspicious_reference, t) for t in ("&#150;", "&#173;", "&#x9D;")]
    ['–', '', '\ufffc']
    """
    hexadecimal, decimal, named = match.groups()
    if named:
        return MARK
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code in (9, 10, 13):
        return match.group()  # lxml's to read: no character, or a space
    if 0x80 <= code <= 0x9F:
        try:
            return bytes([code]).decode("cp1252")  # what browsers show for it
        except UnicodeDecodeError:
            return MARK
    if is_clean(chr(code)):
        return match.group()
    return MARK if clean(chr(code))[1] else ""


def _page_metadata(tree: Any, url: str | None) -> dict[str, str]:
    """What the page's head says outright: language, canonical URL, moments with their time."""
    front: dict[str, str] = {}
    lang = tree.get("lang") or tree.get("xml:lang") or ""
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        content = _clean(meta.get("content") or "")
        if not content:
            continue
        if key in _PUBLISHED_META and "date" not in front and _ISO_MOMENT.match(content):
            front["date"] = content
        elif key in _MODIFIED_META and "modified" not in front and _ISO_MOMENT.match(content):
            front["modified"] = content
        elif key in ("og:locale", "language", "content-language") and not lang:
            lang = content
        elif key == "og:url" and "url" not in front:
            front["url"] = content
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            front["url"] = _clean(link.get("href") or "")
            break
    lang = lang.strip()
    if _LANG.match(lang):
        front["locale"] = lang.replace("_", "-")
        front["language"] = lang.split("-")[0].split("_")[0].lower()
    if "url" not in front and url:
        front["url"] = url
    if "modified" not in front:
        modified = _markup_date(tree, original=False, url=None)
        if modified:
            front["modified"] = modified
    return front


# htmldate's fast mode still ends with the first bare ISO date of the page's text ("a report
# dated 2019-06-12" dated the page): a date put first in the body is what that fallback
# finds, so a result equal to it means nothing in the markup dated the page. A date from
# the markup only, as a text file is never dated from its body: htmldate's extensive
# search, which guesses from the text and the links, dated the 28 saved articles without
# their pages' head (Readability's extracts) 16 times wrongly (up to seven years off) and
# 3 times rightly; the 28 whole pages keep their dates either way.
_FALLBACK_PROBE = "1995-07-15"


def _markup_date(tree: Any, *, original: bool, url: str | None) -> str | None:
    """The page's first publication (``original``) or last change as its markup tells it
    to htmldate: head, JSON-LD, address, time and date elements (the day only)."""
    body = tree.find("body")
    if body is None:
        return None
    # lent to the body for this one call, not a copy of the whole tree
    probe = body.makeelement("p", {})
    probe.text = _FALLBACK_PROBE
    body.insert(0, probe)
    try:
        from htmldate import find_date

        found = find_date(
            tree, original_date=original, extensive_search=False, url=url, verbose=False
        )
    except Exception:  # htmldate guesses; a guess that fails is no date, not an error
        return None
    finally:
        if probe.getparent() is body:
            body.remove(probe)
    return found if found and found != _FALLBACK_PROBE else None
