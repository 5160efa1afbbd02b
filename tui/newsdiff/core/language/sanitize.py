"""The one sanitiser family: text from a file is data, never a terminal control sequence.

Two jobs, one list of what is dangerous or invisible:

- ``clean_text`` cleans what newsdiff reads (decoded bytes, and again the
  plain text Markdown parsing gives, where ``&#x202E;`` has become a real
  RLO): escape sequences, C0/C1 controls, bidi controls, tag characters and
  invisible characters are removed; ``clean`` also says whether anything
  suspicious (more than a soft hyphen or a zero-width space) had to go.
- ``shown`` makes anything printed or painted safe (paths, ids, titles,
  notices): the same characters are shown escaped (``\\x1b``, ``\\u202e``), so
  a reader sees that they were there, and undecodable bytes of a file name
  (lone surrogates) become ``\\udce9`` instead of invalid output.
"""

from __future__ import annotations

import re
import unicodedata

# ESC sequences (CSI, OSC, DCS/SOS/PM/APC strings, two-byte ESC x) and their 8-bit
# forms (CSI U+009B, OSC U+009D, DCS U+0090, SOS U+0098, PM U+009E, APC U+009F), ended
# where a terminal's parser (vt100.net/emu/dec_ansi_parser) ends them: BEL ends an OSC
# only (xterm's; DCS, SOS, PM and APC take it as payload), ST (ESC \ or U+009C) any
# string; CAN, SUB, ESC and every other C1 control abort one; inside an escape or a
# CSI the other C0 controls are executed and the sequence goes on. Less than that
# showed a payload as text, more cost the report the words after it
# (tests/test_decode.py holds such a parser). One deviation: a string without its
# terminator ends with its line (one stray "ESC ]" took the whole rest of a report).
# An 8-bit introducer right after what reads as a UTF-8 lead or continuation byte in
# Latin-1 (U+0080-U+00BF, U+00C2-U+00F4) is mojibake ("ß" read as Latin-1 is "Ã" and
# APC): dropped alone with the controls, it must not swallow the words after it
_NOT_MOJIBAKE = "(?<![\x80-\xbf\xc2-\xf4])"
_GOES_ON = "\x00-\x09\x0b-\x17\x19\x1c-\x1f\x7f"  # executed or ignored inside a sequence
_ENDS_STRING = "\n\x18\x1a\x1b\x80-\x9f"  # the line, CAN, SUB, ESC, a C1 control
_ESCAPES = (
    rf"\x1b[{_GOES_ON}]*(?:"
    rf"\[[ -?{_GOES_ON}]*[@-~]?"
    rf"|\][^\x07{_ENDS_STRING}]*(?:\x07|\x9c|\x1b\\)?"
    rf"|[PX^_][^{_ENDS_STRING}]*(?:\x9c|\x1b\\)?"
    rf"|[ -/{_GOES_ON}]*[0-~]?)"
    rf"|{_NOT_MOJIBAKE}\x9b[ -?{_GOES_ON}]*[@-~]?"
    rf"|{_NOT_MOJIBAKE}\x9d[^\x07{_ENDS_STRING}]*(?:\x07|\x9c|\x1b\\)?"
    rf"|{_NOT_MOJIBAKE}[\x90\x98\x9e\x9f][^{_ENDS_STRING}]*(?:\x9c|\x1b\\)?"
)
# controls and bidi/tag characters: suspicious in a news report, so a passage says so
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_TAGS = "\U000e0000-\U000e007f"
# format characters that paint nothing and no news text needs: the deprecated
# swapping and digit-shape controls, the grapheme joiner, a reserved invisible
# operator, shorthand and musical format controls; a name written with one matched
# nothing, and the file looked clean
_FORMAT = "\u034f\u2065\u206a-\u206f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
_SUSPICIOUS = f"{_CONTROLS}{_BIDI}{_TAGS}{_FORMAT}\ufff9-\ufffb"
# invisible characters that only confuse matching; common and harmless in web text. The
# Hangul fillers and the Khmer inherent vowels U+17B4/5 are letters to a tokenizer that
# paint nothing (and terminals and Rich give them different widths): a name written with
# them made a blank story label word
_INVISIBLE = "\u00ad\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u2060-\u2064\u3164\ufeff\uffa0"
_SUSPICIOUS_RUN = re.compile(f"(?:{_ESCAPES}|[{_SUSPICIOUS}])+")
_DROP = re.compile(f"(?:{_ESCAPES}|[{_SUSPICIOUS}{_INVISIBLE}])+")
_ODD_NEWLINES = re.compile("[\u2028\u2029\x85\x0b\x0c]")
_UNSAFE = re.compile(f"[{_SUSPICIOUS}{_INVISIBLE}\ud800-\udfff]")
# what is shown escaped: the above, and the line and paragraph separators a file name
# may hold (text has them as newlines already), which end a line for splitlines and JS
_SEPARATORS = "\u2028\u2029"
_SHOWN_ESCAPED = re.compile(f"[{_SUSPICIOUS}{_INVISIBLE}{_SEPARATORS}\ud800-\udfff]")
_SPACE = re.compile(r"\s+")


def clean(text: str) -> tuple[str, tuple[int, ...]]:
    r"""Text cleaned for reading, and where in it something suspicious was removed.

    The marks are offsets into the cleaned text; a soft hyphen or a zero-width
    space goes without a mark (common in web text, and harmless).

    >>> clean("a\r\nb\u202ec"), clean("Bundes\u00adkanzler")
    (('a\nbc', (3,)), ('Bundeskanzler', ()))
    """
    # each pass is skipped when its characters are absent (the common case)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_NEWLINES.search(text):
        text = _ODD_NEWLINES.sub("\n", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    if _UNSAFE.search(text) is None and "\x1b" not in text:
        return text, ()
    parts: list[str] = []
    marks: list[int] = []
    kept = position = 0
    for match in _DROP.finditer(text):
        parts.append(text[position : match.start()])
        kept += match.start() - position
        if _SUSPICIOUS_RUN.search(match.group()):
            marks.append(kept)
        position = match.end()
    parts.append(text[position:])
    cleaned = "".join(parts)
    if not cleaned.isascii() and not unicodedata.is_normalized("NFC", cleaned):
        # a combining mark that followed a removed character: rare, marks kept as near as may be
        cleaned = unicodedata.normalize("NFC", cleaned)
        marks = [min(mark, len(cleaned)) for mark in marks]
    return cleaned, tuple(marks)


def clean_text(text: str) -> str:
    r"""Normalise newlines and composed characters; drop escapes, controls and invisibles.

    >>> clean_text("a\r\nb\rc\x1b]0;title\x07d\u00ade\U000e0041")
    'a\nb\ncde'
    """
    return clean(text)[0]


def is_clean(text: str) -> bool:
    """True when ``text`` holds nothing ``clean_text`` would remove.

    >>> is_clean("Kursk"), is_clean("Kursk\\u202e")
    (True, False)
    """
    return _UNSAFE.search(text) is None and "\x1b" not in text


def shown(text: str) -> str:
    r"""``text`` safe to print or paint: controls, bidi, tag, invisible chars and the
    line separators U+2028/U+2029 escaped.

    >>> shown("a\x1b]52;c;ZWNobw==\x07.txt"), shown("caf\udce9 \u202eok")
    ('a\\x1b]52;c;ZWNobw==\\x07.txt', 'caf\\udce9 \\u202eok')
    >>> shown("Köln")
    'Köln'
    """
    if _SHOWN_ESCAPED.search(text) is None:
        return text
    return _SHOWN_ESCAPED.sub(_escaped, text)


def plain(text: str) -> str:
    """``shown`` on one line: whitespace runs folded to one space.

    >>> plain("a\\n\\tb\\x1b[31m c\\u202e")
    'a b\\\\x1b[31m c\\\\u202e'
    """
    return shown(_SPACE.sub(" ", text))


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


# same length: a passage's highlight spans are offsets into its text
_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}
_UNSAFE_OR_BREAK = re.compile(f"[\t\n{_SUSPICIOUS}{_INVISIBLE}{_SEPARATORS}\ud800-\udfff]")


# a medial or final Hangul letter with no initial before it: terminals draw it in a cell
# of its own, Rich measures it as none, so a painted column would come out of line
_ORPHAN_JAMO = re.compile(
    "(?<![\u1100-\u115f\ua960-\ua97f\u1160-\u11ff\ud7b0-\ud7ff])[\u1160-\u11ff\ud7b0-\ud7ff]+"
)


def pictured(text: str) -> str:
    """``text`` with each unsafe character replaced by one visible one (same length).

    C0 controls (tab and newline too: a cell is one line) become their control
    pictures (␛ for ESC), anything else unsafe becomes U+FFFD, so offsets into
    the text still hold. So do medial and final Hangul letters that follow no
    initial one (a whole old-Hangul syllable stays as written).

    >>> pictured("a\\x1b[1mb\\tc\\u202e"), pictured("\\u1161\\u1162 \\u1100\\u1161")
    ('a␛[1mb␉c�', '�� \u1100\u1161')
    """
    if _UNSAFE_OR_BREAK.search(text) is not None:
        text = _UNSAFE_OR_BREAK.sub(lambda m: chr(_PICTURES.get(ord(m.group()), 0xFFFD)), text)
    if not text.isascii() and _ORPHAN_JAMO.search(text) is not None:
        text = _ORPHAN_JAMO.sub(lambda m: "\ufffd" * len(m.group()), text)
    return text


def unsafe_positions(text: str) -> list[tuple[int, bool]]:
    """Indices of the characters ``clean_text`` would drop, each with "is it suspicious".

    For text that is already split into characters with offsets (Markdown's
    plain text after entities are resolved): the caller drops them and keeps
    its offsets right.

    >>> unsafe_positions("a\\u202eb\\u00ad")
    [(1, True), (3, False)]
    """
    if _UNSAFE.search(text) is None:
        return []
    return [
        (m.start(), _SUSPICIOUS_RUN.match(m.group()) is not None) for m in _UNSAFE.finditer(text)
    ]


def json_escaped(document: str) -> str:
    r"""A JSON document with every unsafe character as a ``\u`` escape (it reads back the same).

    JSON text goes to terminals too: an RLO in a file name must not reorder the
    screen, a lone surrogate (a name that was not UTF-8) must not make it invalid.

    >>> json_escaped('"c\u202e.md"'), json_escaped('"\U000e0041"')
    ('"c\\u202e.md"', '"\\udb40\\udc41"')
    """
    if _SHOWN_ESCAPED.search(document) is None:
        return document
    return _SHOWN_ESCAPED.sub(_json_escape, document)


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
