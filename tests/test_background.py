"""The language's background frequencies: the same whether built from wordfreq or read back.

The folded table is built once from wordfreq's small list and kept beside the
dictionary tries; every later process reads it, and a stored file that does
not check out is built anew, never trusted.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import damaged
from newsdiff.core.language import background

_table = background._table.__wrapped__  # each call reads or builds afresh


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of this test's own: the shared dictionaries folder is not damaged here."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def _stored(cache: Path) -> Path:
    (found,) = (cache / "newsdiff" / "dictionaries").glob("*/de.zipf")
    return found


def test_a_stored_table_is_read_back_as_built(
    own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = _table("de")
    assert built["und"] > 6 and "truppenentsendung" not in built
    assert _stored(own_cache).is_file()

    def refuse(language: str) -> dict[str, float]:
        raise AssertionError("built a stored table again")

    monkeypatch.setattr(background, "_build", refuse)
    read = _table("de")
    assert read == built and list(read.items()) == list(built.items())


@pytest.mark.parametrize("how", damaged.DAMAGES)
def test_a_damaged_table_is_built_anew(own_cache: Path, how: str) -> None:
    built = _table("de")
    stored = _stored(own_cache)
    damaged.damage(stored, how)
    assert _table("de") == built
    assert not stored.is_symlink()  # written anew in its place, never through the link


def test_a_payload_that_holds_no_table_is_refused() -> None:
    table = {"und": 7.1, "nordkorea": 4.25, "straße": 3.0}
    payload = background._encode(table)
    assert background._decode(payload) == table
    assert background._decode(payload[:-1] + b"\n") is None  # one word more than values
    assert background._decode(payload[:12]) is None
    assert background._decode(b"") is None


def test_without_a_cache_nothing_is_kept(own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSDIFF_NO_CACHE", "1")
    assert _table("de")["und"] > 6
    assert not (own_cache / "newsdiff").exists()


def test_a_later_process_weighs_words_without_wordfreq() -> None:
    assert _table("de")["und"] > 6  # kept in this test's cache, which the child inherits
    probe = (
        "import sys; from newsdiff.core.language.background import zipf; "
        "assert zipf('und', 'de') > 6 > zipf('nordkorea', 'de'); "
        "print('wordfreq' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=os.environ
    )
    assert done.stdout.strip() == "False"
