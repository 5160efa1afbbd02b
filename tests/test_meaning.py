"""The semantic signal's model and its on-disk store."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from newsdiff.core.meaning import store
from newsdiff.core.meaning.embedder import default_embedder
from newsdiff.core.meaning.vectors import centred, embed


class Counting:
    """The real model, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        self.model = default_embedder()
        self.seen: list[str] = []
        self.version = self.model.version
        self.dimension = self.model.dimension

    def embed(self, texts):  # type: ignore[no-untyped-def]
        self.seen.extend(texts)
        return self.model.embed(texts)


@pytest.fixture(scope="session")
def model():  # type: ignore[no-untyped-def]
    return default_embedder()


def test_a_translation_is_closer_than_another_claim(model) -> None:  # type: ignore[no-untyped-def]
    de, en, other = model.embed(
        [
            "Nordkorea hat erstmals die Entsendung von Truppen nach Russland bestätigt.",
            "North Korea has confirmed for the first time that it sent troops to Russia.",
            "The central bank left interest rates unchanged on Thursday.",
        ]
    )
    assert float(de @ en) > 0.6 > float(de @ other) + 0.3
    assert np.linalg.norm(de) == pytest.approx(1.0, abs=1e-5)


def test_vectors_come_back_from_the_store(isolated_cache: Path) -> None:
    counting = Counting()
    texts = ["Kim trifft Putin.", "Der Winter war kalt.", "Kim trifft Putin."]
    first = embed(texts, embedder=counting)
    assert sorted(counting.seen) == ["Der Winter war kalt.", "Kim trifft Putin."]  # once each
    again = embed(texts, embedder=counting)
    assert len(counting.seen) == 2  # nothing embedded the second time
    assert np.array_equal(first, again)  # rounded as stored, the first time too
    (entry,) = (isolated_cache / "newsdiff" / "embeddings").iterdir()
    assert entry.name == f"{counting.version}.sqlite3"  # one file for every passage


def _rows(version: str) -> list[tuple[str, bytes]]:
    with sqlite3.connect(store.path_of(version)) as db:
        return list(db.execute("SELECT key, record FROM records"))


def test_a_damaged_row_or_file_is_embedded_again(isolated_cache: Path) -> None:
    counting = Counting()
    good = embed(["Kim trifft Putin."], embedder=counting)
    path = store.path_of(counting.version)
    ((key, _),) = _rows(counting.version)
    for damaged in (b"\xff" * (2 * counting.dimension), b"short"):  # NaNs, a wrong length
        with sqlite3.connect(path) as db:  # under a right digest: the vector checks refuse it
            row = hashlib.sha256(damaged).digest() + damaged
            db.execute("UPDATE records SET record = ? WHERE key = ?", (row, key))
        vector = embed(["Kim trifft Putin."], embedder=counting)
        assert np.array_equal(vector, good)  # embedded again, and the row mended
    assert counting.seen == ["Kim trifft Putin."] * 3
    path.write_bytes(b"not a database at all, " * 100)
    assert np.array_equal(embed(["Kim trifft Putin."], embedder=counting), good)
    assert len(counting.seen) == 4
    assert len(_rows(counting.version)) == 1  # the file was replaced by a sound one
    embed(["Kim trifft Putin."], embedder=counting)
    assert len(counting.seen) == 4
    assert not store.load(["Kim trifft Putin."], "another-model", counting.dimension)


def test_a_store_that_cannot_be_written_is_skipped(isolated_cache: Path) -> None:
    root = isolated_cache / "newsdiff" / "embeddings"
    root.write_text("a file where the folder should be")
    counting = Counting()
    embed(["Kim trifft Putin."], embedder=counting)
    embed(["Kim trifft Putin."], embedder=counting)
    assert counting.seen == ["Kim trifft Putin."] * 2  # embedded each time, no error


def test_the_former_files_per_passage_go_when_the_store_is_made(isolated_cache: Path) -> None:
    counting = Counting()
    root = store.cache_root()
    former = root / counting.version / "ab" / ("ab" + "0" * 30)
    former.parent.mkdir(parents=True)
    former.write_bytes(b"newsdiff-embedding 1\n" + b"\0" * (2 * counting.dimension))
    beside = root / "another-model" / "cd" / "cd00"
    beside.parent.mkdir(parents=True)
    beside.write_bytes(b"kept")
    embed(["Kim trifft Putin."], embedder=counting)
    assert sorted(p.name for p in root.iterdir()) == [
        "another-model",
        f"{counting.version}.sqlite3",
    ]


def test_a_store_is_never_read_or_written_through_a_link(
    isolated_cache: Path, tmp_path: Path
) -> None:
    counting = Counting()
    embed(["Kim trifft Putin."], embedder=counting)
    path = store.path_of(counting.version)
    elsewhere = tmp_path / "elsewhere.sqlite3"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    embed(["Kim trifft Putin.", "Der Winter war kalt."], embedder=counting)
    assert sorted(counting.seen) == ["Der Winter war kalt.", *["Kim trifft Putin."] * 2]
    assert elsewhere.read_bytes() == before


def test_the_store_can_be_switched_off(isolated_cache: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSDIFF_NO_CACHE", "1")
    embed(["Kim trifft Putin."], embedder=Counting())
    assert not (isolated_cache / "newsdiff" / "embeddings").exists()


def test_centring_takes_the_shared_topic_out() -> None:
    topic = np.array([1.0, 0.0, 0.0])
    a = topic + np.array([0.0, 0.3, 0.0])
    b = topic + np.array([0.0, 0.0, 0.3])
    c = topic + np.array([0.0, -0.3, 0.0])
    raw = np.stack([a, b, c]) / np.linalg.norm(np.stack([a, b, c]), axis=1, keepdims=True)
    assert float(raw[0] @ raw[1]) > 0.9  # on topic, both
    out = centred(raw)
    assert float(out[0] @ out[1]) < 0.5


def test_stories_of_one_language_are_the_same_and_kept_with_the_signal_on() -> None:
    from newsdiff.core.matching.by_story import story_defaults
    from newsdiff.core.meaning.vectors import across_languages
    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.reading.seeds import seed_paths
    from newsdiff.core.stories import stories_cache
    from newsdiff.core.stories.detect import StoryOptions, detect_stories

    seeds = read_articles(seed_paths()).articles
    options = story_defaults(True, seeds)
    # the signal only ever speaks for two languages: without it the stories are the same,
    # and, unlike a search with a callable signal, they are kept for the next look
    assert options.signal is None
    assert detect_stories(seeds, options=options) == detect_stories(
        seeds, options=StoryOptions(signal=across_languages)
    )
    ordered = sorted(seeds, key=lambda a: (a.id, a.path))
    key = stories_cache.stories_key(ordered, options)
    assert stories_cache.load(key, [a.id for a in ordered])
    mixed = [*seeds, dataclasses.replace(seeds[0], id="en", language="en")]
    assert story_defaults(True, mixed).signal is across_languages
