"""Story profiles kept on disk, so a second look at a folder does not lemmatise it again.

Lemmatising every report is most of what story detection costs. A profile
depends only on the report's language, title and leading passages and on the
code of the stories and language stages (and simplemma's and wordfreq's
versions), so that is the key. Entries are JSON checked on the way in;
anything odd is recomputed. ``NEWSDIFF_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from newsdiff.core.model import Article
from newsdiff.core.reading.atomic import write_atomically
from newsdiff.core.reading.cache import cache_dir, enabled
from newsdiff.core.stories.profile import MAX_PASSAGES, StoryProfile, story_profile

_FORMAT = 1


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
    folder = cache_dir() / "story-profiles" / code_version()
    out = []
    for article in articles:
        key = profile_key(article)
        path = folder / key[:2] / f"{key}.json"
        found = _load(path, article.id)
        if found is None:
            found = story_profile(article)
            _store(path, found)
        out.append(found)
    return out


def _load(path: Path, article: str) -> StoryProfile | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        weights = tuple((str(f), float(w)) for f, w in record["weights"])
        surface = tuple((str(f), str(s)) for f, s in record["surface"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return StoryProfile(article, weights, surface)


def _store(path: Path, found: StoryProfile) -> None:
    record = {"weights": found.weights, "surface": found.surface}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
        write_atomically(path, data.encode("utf-8"))
    except (OSError, ValueError):
        return
