"""The one atomic writer replaces only what was checked: a file another program puts at
the target between the check and the rename is never written over nor removed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdiff.core.storage.atomic import (
    Checked,
    TargetChanged,
    claim_new,
    release,
    write_atomically,
)


def _put(target: Path, data: bytes) -> None:
    """Another program saves ``target`` as editors do: a new file renamed into place."""
    other = target.with_name("other.tmp")
    other.write_bytes(data)
    os.replace(other, target)


def test_a_claimed_name_another_file_took_is_neither_written_nor_released(tmp_path):
    claimed = claim_new(tmp_path / "r.md")
    _put(claimed.path, b"")  # even an empty file of theirs is not "the one claimed"
    with pytest.raises(TargetChanged):
        write_atomically(claimed.path, b"# report\n", checked=claimed)
    release(claimed)
    assert claimed.path.read_bytes() == b""
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # and no temporary file left


def test_the_claimed_file_is_written_and_released_when_it_is_still_there(tmp_path):
    claimed = claim_new(tmp_path / "r.md")
    write_atomically(claimed.path, b"# report\n", checked=claimed)
    assert claimed.path.read_bytes() == b"# report\n"
    release(claim_new(tmp_path / "r.md"))  # r-2.md, still empty: given back
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


@pytest.mark.parametrize("links", [True, False], ids=["hard links", "no hard links"])
def test_a_name_free_when_checked_is_not_taken_from_a_file_put_there(tmp_path, monkeypatch, links):
    target = tmp_path / "r.md"
    checked = Checked.now(target)
    if not links:  # a file system without them (FAT, some network shares): checked again

        def no_links(*args, **kwargs):
            raise PermissionError(1, "Operation not permitted")

        monkeypatch.setattr(os, "link", no_links)
    _put(target, b"mine\n")
    with pytest.raises(TargetChanged):
        write_atomically(target, b"# report\n", checked=checked)
    assert target.read_bytes() == b"mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]
    # still free, it is written either way
    fresh = tmp_path / "s.md"
    write_atomically(fresh, b"# report\n", checked=Checked.now(fresh))
    assert fresh.read_bytes() == b"# report\n" and fresh.stat().st_nlink == 1


def test_a_checked_file_swapped_for_another_is_not_replaced(tmp_path):
    target = tmp_path / "r.md"
    target.write_bytes(b"# an earlier report\n")
    checked = Checked.now(target)
    _put(target, b"# an earlier report\n")  # the same bytes, but another file
    with pytest.raises(TargetChanged):
        write_atomically(target, b"# report\n", checked=checked)
    write_atomically(target, b"# report\n", checked=Checked.now(target))
    assert target.read_bytes() == b"# report\n"


def test_a_report_linked_into_place_is_written_though_its_temporary_name_stays(
    tmp_path, monkeypatch
):
    # the temporary name could not be removed after the link: the report was in place,
    # yet the writer raised and the reader was told it was not written
    def cannot_unlink(path, *args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    target = tmp_path / "r.md"
    checked = Checked.now(target)
    monkeypatch.setattr(os, "unlink", cannot_unlink)
    write_atomically(target, b"# report\n", checked=checked)
    assert target.read_bytes() == b"# report\n"
