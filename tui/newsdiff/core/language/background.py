"""How common a word is in the language at large, whatever else is in the folder.

Weights counted in the folder being read change with the folder: among 1,028
unrelated articles "Nordkorea" turns from a topic word of the seeds into a
rare, heavy word. The background frequency of the language does not move, so
story detection and the aligner's weights start from it. The figures come
from ``wordfreq``'s small lists (Zipf scale: 7 is "the", 3 is once per
million words); measured on this machine: 58 MB installed with its data (we
read only the two 0.1-0.2 MB small lists), 0.19 s to import, 0.01 s to load
the German small list (39,277 words) against 0.24 s for the large one
(634,502 words). The small list reaches down to Zipf 3; everything rarer
counts as rare, which is all a weight needs to know.

Importing wordfreq and folding its list cost 0.2-0.4 s in every process
that weighs a word, so the folded table is kept beside the dictionary tries
(``checked``), keyed by wordfreq's version and this code; later processes
read it in milliseconds (see ``_table``).
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import struct
import sys
import unicodedata
from array import array
from collections.abc import Mapping
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.language.text import fold
from newsdiff.core.storage.checked import read_checked, write_checked
from newsdiff.core.storage.place import cache_dir, enabled

RARE_ZIPF = 2.5  # a word missing from the list: rarer than anything it lists
TOP_ZIPF = 7.5  # about the Zipf value of the commonest words ("der", "the")
MIN_WEIGHT = 0.1


@lru_cache(maxsize=8)
def _table(language: str) -> Mapping[str, float]:
    """Folded word -> Zipf frequency; {} for a language wordfreq does not know.

    Read from the cache where a first use stored it; built from wordfreq and
    stored otherwise (a damaged or foreign file is built anew).
    """
    path = _stored(language)
    payload = read_checked(path, _MAGIC) if path is not None else None
    table = _decode(payload) if payload is not None else None
    if table is None:
        table = _build(language)
        if path is not None and table:
            with contextlib.suppress(OSError):  # not kept this time: built again next time
                write_checked(path, _MAGIC, _encode(table))
    return table


def _build(language: str) -> dict[str, float]:
    try:
        from wordfreq import get_frequency_dict  # loaded on first use: 0.19 s
    except ImportError:  # pragma: no cover - a dependency; degrade to folder weights
        return {}
    try:
        raw = get_frequency_dict(language, wordlist="small")
    except (LookupError, ValueError, OSError):
        return {}
    table: dict[str, float] = {}
    for word, share in raw.items():
        key = fold(word)
        zipf = _zipf(share)
        if zipf > table.get(key, 0.0):
            table[key] = zipf
    return table


_MAGIC = b"newsdiff background table\n"
_FORMAT = 1


def _stored(language: str) -> Path | None:
    """Where the table of ``language`` is kept, or None when it is not kept at all."""
    if not enabled() or not language.isalpha():  # a language code names a file
        return None
    try:
        version = metadata.version("wordfreq")
    except metadata.PackageNotFoundError:  # pragma: no cover - a dependency
        return None
    return cache_dir() / "dictionaries" / _version(version) / f"{language}.zipf"


@lru_cache(maxsize=1)
def _version(wordfreq: str) -> str:
    """What a stored table depends on: wordfreq's list, the folding and this code."""
    digest = hashlib.sha256(f"background {_FORMAT} wordfreq {wordfreq}".encode())
    digest.update(f"unicode {unicodedata.unidata_version} {sys.byteorder}".encode())
    here = Path(__file__).resolve().parent
    for name in ("background.py", "text.py"):
        with contextlib.suppress(OSError):
            digest.update(name.encode() + b"\0" + (here / name).read_bytes())
    return digest.hexdigest()[:16]


def _encode(table: Mapping[str, float]) -> bytes:
    """The count, the Zipf values as doubles (exact), then the words a line each."""
    words = list(table)
    return (
        struct.pack("<Q", len(words))
        + array("d", table.values()).tobytes()
        + "\n".join(words).encode("utf-8")
    )


def _decode(payload: bytes) -> dict[str, float] | None:
    """The table ``_encode`` wrote, or None when the payload does not hold one."""
    if len(payload) < 8:
        return None
    (count,) = struct.unpack("<Q", payload[:8])
    end = 8 + 8 * count
    values = array("d")
    try:
        values.frombytes(payload[8:end])
        words = payload[end:].decode("utf-8").split("\n")
    except (ValueError, UnicodeDecodeError):
        return None
    if len(values) != count or len(words) != count:
        return None
    return dict(zip(words, values, strict=True))


def _zipf(share: float) -> float:
    return math.log10(share * 1e9) if share > 0 else 0.0


def zipf(feature: str, language: str) -> float:
    """The Zipf frequency of a folded lemma in ``language`` (``RARE_ZIPF`` when unlisted).

    >>> zipf("und", "de") > 6 > zipf("nordkorea", "de") > zipf("truppenentsendung", "de")
    True
    """
    return _table(language).get(feature, RARE_ZIPF)


@lru_cache(maxsize=131072)  # asked per feature of every report: 113,000 times for 1,033 reports
def background_weight(lemma: str, language: str) -> float:
    """How much sharing a folded ``lemma`` says, from the language alone: rare words weigh most.

    >>> background_weight("lohan", "en") > background_weight("rehab", "en") > background_weight(
    ...     "say", "en")
    True
    """
    return max(MIN_WEIGHT, TOP_ZIPF - zipf(lemma, language))


def number_weight(number: str) -> float:
    """How much sharing a figure says (as ``normalize_number`` writes it): what it tells apart.

    A year or a small count is common, a figure such as 11000 or 4.6 or a
    date is telling.

    >>> number_weight("2024") < number_weight("11000")
    True
    """
    digits = number.replace(".", "")
    if not digits.isdigit():  # a date as 2025-04-28: telling
        return 4.0
    if "." not in number and len(digits) == 4 and digits[:2] in ("19", "20"):
        return 1.5  # a year
    if "." not in number and int(digits) <= 12:
        return 0.5  # a small count, a month, an hour
    return 3.5
