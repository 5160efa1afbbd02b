"""A folder's stories kept on disk, so opening it again skips detection altogether.

The stories of a folder depend only on what detection reads of each report
(its id, path, date, language, title and leading passages: the profile
cache's key), on the knobs and on the code (``profile_cache.code_version``),
so that is the key. With the profiles cached, the candidate search and the
split still cost seconds on a thousand reports; this entry makes a second
look read one small JSON file. Entries are checked on the way in (every
report in exactly one story, labels made of words as the reports write them,
each story's dates its reports' own); anything odd is recomputed.
``NEWSDIFF_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

from newsdiff.core.language.text import is_word
from newsdiff.core.model import Article
from newsdiff.core.reading.atomic import write_atomically
from newsdiff.core.reading.cache import cache_dir, enabled
from newsdiff.core.stories.profile_cache import code_version, profile_key

Row = tuple[tuple[str, ...], str, str | None, str | None]  # members, label, first, last date


def stories_key(ordered: Sequence[Article], knobs: object) -> str:
    """The key of the stories of ``ordered`` (in detection's order) under ``knobs``.

    >>> from newsdiff.core.model import Sentence
    >>> a = Article("a", "a", "x", "x", None, "de", (Sentence(0, "x", 0, 1),), 1)
    >>> stories_key([a], 0.3) != stories_key([a], 0.4)
    True
    """
    digest = hashlib.sha256(f"stories {code_version()}\0{knobs!r}".encode())
    for article in ordered:
        head = f"\1{article.id}\0{article.path}\0{article.date}\0{profile_key(article)}"
        digest.update(head.encode("utf-8", "surrogatepass"))  # a file name need not be UTF-8
    return digest.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "story-sets" / code_version() / key[:2] / f"{key}.json"


def load(
    key: str, ids: Sequence[str], *, dates: Mapping[str, str | None] | None = None
) -> list[Row] | None:
    """The cached stories for ``key``, if they hold each of ``ids`` exactly once.

    The entry is data, not trust: each label must be words as a tokenizer
    reads them (nothing a terminal, Markdown or HTML would act on), and with
    ``dates`` (each report's date by id) a story's first and last date must
    be its reports' earliest and latest.
    """
    if not enabled():
        return None
    try:
        record = json.loads(_path(key).read_text(encoding="utf-8"))
        rows = [
            (tuple(str(m) for m in members), str(label), _date(first), _date(last))
            for members, label, first, last in record
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    seen = [m for members, *_ in rows for m in members]
    if sorted(seen) != sorted(ids) or any(not members for members, *_ in rows):
        return None
    if not all(_label_shaped(label) for _, label, *_ in rows):
        return None
    if dates is not None and any(
        (first, last) != _span(members, dates) for members, _, first, last in rows
    ):
        return None
    return rows


def _label_shaped(label: str) -> bool:
    """Whether ``label`` is what detection writes: words joined by " · ", or nothing.

    >>> _label_shaped("Lohan · rehab · Iran's"), _label_shaped(""), _label_shaped("[b]x · y")
    (True, True, False)
    """
    return not label or all(map(is_word, label.split(" · ")))


def _span(members: Sequence[str], dates: Mapping[str, str | None]) -> tuple[str | None, ...]:
    """The earliest and latest date of ``members``, as detection gives a story's."""
    found = sorted(d for m in members if (d := dates.get(m)))
    return (found[0], found[-1]) if found else (None, None)


def _date(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(value)
    return value


def store(key: str, rows: Sequence[Row]) -> None:
    """Write the entry for ``key`` atomically; quietly do nothing if that fails."""
    if not enabled():
        return
    path = _path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # ASCII with escapes keeps odd file names
        write_atomically(path, json.dumps(list(rows), separators=(",", ":")).encode("ascii"))
    except (OSError, ValueError):
        return
