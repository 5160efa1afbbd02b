"""The shared keyed-record store: what it keeps, what it refuses, never in the way."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from pathlib import Path

from newsdiff.core.storage.records import RecordStore, prune_others


def test_records_come_back_and_those_over_the_cap_are_neither_kept_nor_read(
    tmp_path: Path,
) -> None:
    store = RecordStore(tmp_path / "store" / "v1.sqlite", limit=10)
    store.store({"a": b"one", "big": b"x" * 11})
    many = {f"k{n:04d}": str(n).encode() for n in range(1_200)}  # more keys than one query takes
    store.store(many)
    assert store.load(["a", "big", "missing"]) == {"a": b"one"}
    assert store.load(many) == many
    assert store.load(["a"], limit=2) == {}  # a tighter cap of the caller's, checked in SQL
    assert stat.S_IMODE((tmp_path / "store").stat().st_mode) == 0o700


def test_a_record_whose_bytes_changed_is_not_given_back(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "v1.sqlite", limit=100)
    store.store({"a": b"Nordkorea hat 3.000 Soldaten geschickt."})
    with contextlib.closing(sqlite3.connect(store.path)) as db, db:
        (raw,) = db.execute("select record from records").fetchone()
        lie = raw.replace(b"3.000", b"9.000")
        db.execute("update records set record = ?", (lie,))
    assert store.load(["a"]) == {}


def test_a_locked_store_is_skipped_not_an_error(tmp_path: Path) -> None:
    store = RecordStore(tmp_path / "v1.sqlite", limit=100, timeout=0.05)
    store.store({"a": b"one"})
    with contextlib.closing(sqlite3.connect(store.path, isolation_level=None)) as other:
        other.execute("begin exclusive")  # another process in the middle of a write
        assert store.load(["a"]) == {}
        store.store({"b": b"two"})  # skipped, quietly
        other.execute("rollback")
    assert store.load(["a", "b"]) == {"a": b"one"}


def test_a_store_of_another_format_is_made_anew(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.execute("create table records (key text primary key, record blob)")
        db.execute("insert into records values ('a', x'00')")
    store = RecordStore(path, limit=100)
    assert store.load(["a"]) == {}
    store.store({"b": b"two"})
    assert store.load(["a", "b"]) == {"b": b"two"}


def test_other_versions_unused_for_a_day_are_pruned_when_a_store_is_made(
    tmp_path: Path,
) -> None:
    old, recent = tmp_path / "old.sqlite", tmp_path / "recent.sqlite"
    old.write_bytes(b"x")
    recent.write_bytes(b"x")
    (tmp_path / "old-folder").mkdir()
    day_and_more = time.time() - 25 * 3600
    for path in (old, tmp_path / "old-folder"):
        os.utime(path, (day_and_more, day_and_more))
    RecordStore(tmp_path / "new.sqlite", limit=10, prune=True).store({"a": b"1"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite", "recent.sqlite"]
    prune_others(tmp_path / "new.sqlite", after=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.sqlite"]
