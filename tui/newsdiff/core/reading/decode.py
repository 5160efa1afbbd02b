"""Bytes of a report file to clean text that is safe to show in a terminal.

Reports arrive as UTF-8, UTF-8 with a BOM, UTF-16 from Windows tools, or in the
old single-byte Windows/Latin-1 encoding. The text must also be harmless on a
terminal: a scraped page may carry escape sequences or NUL bytes, and none of
that may reach the screen or the sentence offsets.

Legacy encodings are decoded by rule (strict UTF-8, else cp1252), not by a
statistical detector: on 300 German news articles encoded as cp1252,
charset-normalizer chose cp1250/cp775 for 6 of 293 (wrong é, à, ...) and took
0.70 s, the rule decoded all 293 right in 0.003 s.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from newsdiff.core.language.sanitize import clean, clean_text

__all__ = ["Decoded", "NotText", "clean_text", "decode", "detect_encoding"]

# bytes that start common binary formats a folder of reports may also hold
_MAGIC = (
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"PK\x03\x04",  # zip, docx, odt, epub
    b"\x1f\x8b",  # gzip
    b"\x7fELF",
    b"{\\rtf",
    b"\xd0\xcf\x11\xe0",  # old MS Office
    b"SQLite format 3",
)
_SAMPLE = 8192
_NOT_TEXT = frozenset(("Cc", "Co", "Cn", "Cs"))
_MIXED = "utf-8+cp1252"
_ASCII = bytes(range(0x80))
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)

# bytes that are neither text nor whitespace; deleting all others counts them
_TEXT_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in b"\t\n\r\f\v\x1b")
_C0_BYTES = bytes(range(0x20)) + b"\x7f"


class NotText(ValueError):
    """The bytes are not a text document (an image, a PDF, an archive...)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Clean text, the encoding it was read with, and what had to be mended.

    ``marks`` are offsets in ``text`` where control, bidi or tag characters were
    removed; ``mended`` counts the bytes of a UTF-8 file that were not UTF-8
    (read as cp1252), so the reader can say so.
    """

    text: str
    encoding: str
    marks: tuple[int, ...] = ()
    mended: int = 0


def decode(data: bytes) -> Decoded:
    """Decode a report file's bytes and clean the text for reading.

    Raises NotText for binary data.

    >>> decode("Grüße\\r\\n\\x1b[31mrot\\x1b[0m\\x00".encode("cp1252")).text
    'Grüße\\nrot'
    >>> decode(codecs.BOM_UTF16_LE + "Kursk".encode("utf-16-le")).encoding
    'utf-16'
    """
    encoding = detect_encoding(data)
    mended = 0
    if encoding == "cp1252":
        text = _decode_cp1252(data)
    elif encoding == _MIXED:
        text, mended = _decode_mixed(data)
    else:
        text = data.decode(encoding, errors="replace")
        if encoding != "utf-8" and _binary_after_bom(text):
            raise NotText("binary file, not text (after a text marker)")
    cleaned, marks = clean(text)
    return Decoded(cleaned, encoding, marks, mended)


def _binary_after_bom(text: str) -> bool:
    # a BOM proves nothing: random bytes after one decode to replacement
    # characters, controls, private-use and unassigned code points
    sample = text[:_SAMPLE]
    odd = sum(
        1
        for char in sample
        if char == "\ufffd"
        or (unicodedata.category(char) in _NOT_TEXT and char not in "\t\n\r\x0b\x0c\x1b")
    )
    return odd > max(2, len(sample) // 20)


def detect_encoding(data: bytes) -> str:
    """The encoding newsdiff reads ``data`` with; raises NotText for binary data.

    >>> [detect_encoding("Köln".encode(name)) for name in ("utf-8", "latin-1")]
    ['utf-8', 'cp1252']
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if data.startswith(_MAGIC):
        raise NotText("binary file, not text")
    sample = data[:_SAMPLE]
    bom_less = _utf16_without_bom(sample)
    if bom_less:
        return bom_less
    if not sample.translate(None, _C0_BYTES) and not data.translate(None, _C0_BYTES):
        return "utf-8"  # no binary format is all controls: read, it says "only control characters"
    controls = len(sample.translate(None, _TEXT_BYTES))  # C0 controls but whitespace and ESC
    if controls > max(2, len(sample) // 10) or sample.count(0) > max(16, len(sample) // 100):
        raise NotText("binary file, not text")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # random bytes (compressed, encrypted) are not UTF-8 and ~10% C0
        # controls; legacy-encoded prose has next to none
        if controls > max(8, len(sample) // 100):
            raise NotText("binary file, not text") from None
        # UTF-8 with a few stray legacy bytes (pasted together from two
        # sources): decoding it all as cp1252 would garble every umlaut
        # (measured on the case: 3 umlauts, 3 stray bytes read as mojibake
        # with the old 2:1 rule; a cp1252 file has next to no valid sequences)
        valid = len(_UTF8_SEQUENCE.findall(data))
        stray = len(_UTF8_SEQUENCE.sub(b"", data).translate(None, _ASCII))
        return _MIXED if valid >= max(2, stray) else "cp1252"
    return "utf-8"


def _decode_mixed(data: bytes) -> tuple[str, int]:
    """UTF-8, with each byte that is not part of valid UTF-8 read as cp1252; and their count."""
    parts: list[str] = []
    position = mended = 0
    while position < len(data):
        try:
            parts.append(data[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as error:
            parts.append(data[position : position + error.start].decode("utf-8"))
            bad = data[position + error.start : position + error.end]
            parts.append(_decode_cp1252(bad))
            mended += len(bad)
            position += error.end
    return "".join(parts), mended


def _decode_cp1252(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; as Latin-1 they would be C1 controls,
    # which clean_text drops anyway, so dropping them here is the same text
    return data.decode("cp1252", errors="ignore")


def _utf16_without_bom(sample: bytes) -> str | None:
    # ASCII-heavy UTF-16 has a NUL in every other byte, on one side only
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even = sample[0 : pairs * 2 : 2].count(0) / pairs
    odd = sample[1 : pairs * 2 : 2].count(0) / pairs
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None
