"""Story profiles kept on disk, so a second look at a folder does not lemmatise it again.

Lemmatising every report is most of what story detection costs. A profile
depends only on the report's language, title and leading passages and on the
code of the stories and language stages (and simplemma's and wordfreq's
versions), so that is the key. Entries are JSON records of one
``storage.records`` store per code version, checked on the way in; anything
odd is recomputed. ``NEWSDIFF_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.language.text import is_word
from newsdiff.core.model import Article
from newsdiff.core.storage.place import cache_dir, enabled
from newsdiff.core.storage.records import RecordStore
from newsdiff.core.stories.profile import MAX_PASSAGES, StoryProfile, story_profile

_FORMAT = 3  # 2: one SQLite store per code version; 3: storage.records' table
_LIMIT = 2**20  # bytes of a profile: a few hundred weighted features, far less


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the stages that shape a profile and of the libraries they read.

    >>> len(code_version())
    16
    """
    core = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(f"profiles {_FORMAT}".encode())
    files = [*core.glob("stories/*.py"), *core.glob("language/*.py"), core / "model.py"]
    for path in sorted(files):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for library in ("simplemma", "wordfreq"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{library} {metadata.version(library)}".encode())
    return digest.hexdigest()[:16]


def profile_key(article: Article) -> str:
    """What a profile depends on: the language, the title and the leading passages, hashed."""
    digest = hashlib.sha256(f"{article.language}\0{article.title}".encode("utf-8", "surrogatepass"))
    for s in article.sentences[:MAX_PASSAGES]:
        digest.update(b"\1" + s.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def cached_profiles(articles: Sequence[Article]) -> list[StoryProfile]:
    """The story profile of each article, from the cache where it holds one."""
    if not enabled():
        return [story_profile(a) for a in articles]
    # one SQLite store per code version, not a JSON file per report: writing 1,033
    # small files cost 0.77 s of CPU and 2.1 s of wall time under load (their
    # compute with the lexicon warm: 0.67 s); one transaction costs milliseconds
    store = RecordStore(
        cache_dir() / "story-profiles" / f"{code_version()}.sqlite", limit=_LIMIT, prune=True
    )
    keys = [profile_key(article) for article in articles]
    stored = store.load(keys)
    out, new = [], {}
    for article, key in zip(articles, keys, strict=True):
        found = _profile(stored.get(key), article.id)
        if found is None:
            found = story_profile(article)
            new[key] = _record(found)
        out.append(found)
    store.store(new)
    return out


def _profile(raw: bytes | None, article: str) -> StoryProfile | None:
    if raw is None:
        return None
    try:
        record = json.loads(raw)
        weights = tuple((str(f), float(w)) for f, w in record["weights"])
        surface = tuple((str(f), str(s)) for f, s in record["surface"])
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    # the written forms become story labels: words as the reports write them, nothing else
    if not all(is_word(s) for _, s in surface):
        return None
    return StoryProfile(article, weights, surface)


def _record(profile: StoryProfile) -> bytes:
    record = {"weights": profile.weights, "surface": profile.surface}
    return json.dumps(record, separators=(",", ":")).encode()
