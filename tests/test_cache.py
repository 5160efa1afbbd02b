"""The on-disk cache: reused when valid, rebuilt when not, never in the way."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

import newsdiff.core.reading.formats as formats
from newsdiff.core.reading import cache
from newsdiff.core.reading.loader import read_article, read_articles
from newsdiff.core.storage.records import RecordStore

REPORT = "Kurzer Titel\n\nNordkorea hat Truppen nach Russland geschickt. Das bestätigte Kim.\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "reports" / "a.txt"
    path.parent.mkdir()
    path.write_text(REPORT, encoding="utf-8")
    return path


def entries(home: Path) -> list[str]:
    """The keys the article store holds."""
    path = cache.store_path()
    if not path.exists():
        return []
    with contextlib.closing(sqlite3.connect(path)) as db:
        return sorted(key for (key,) in db.execute("select key from records"))


def raw_of(key: str) -> bytes:
    """The stored bytes of an entry: the digest of its payload, then the payload."""
    with contextlib.closing(sqlite3.connect(cache.store_path())) as db:
        (raw,) = db.execute("select record from records where key = ?", (key,)).fetchone()
    return bytes(raw)


def record_of(key: str) -> dict:
    """The JSON record of an entry (after its digest)."""
    return json.loads(raw_of(key)[32:])


def write_raw(key: str, raw: bytes) -> None:
    with contextlib.closing(sqlite3.connect(cache.store_path())) as db, db:
        db.execute("update records set record = ? where key = ?", (raw, key))


def write_entry(key: str, body: str) -> None:
    """Store ``body`` as the entry with a right digest: only the content checks may refuse it."""
    data = body.encode("utf-8")
    write_raw(key, hashlib.sha256(data).digest() + data)


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again although the cache held the article")

    monkeypatch.setattr(formats, "build_article", fail)  # where bytes become an Article


def counted(call, calls: list[str], name: str):
    """``call``, noting ``name`` in ``calls`` each time it runs."""

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(name)
        return call(*args, **kwargs)

    return counting


def test_a_second_read_comes_from_the_cache(
    report: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = read_article(report)
    assert len(entries(isolated_cache)) == 1
    forbid_parsing(monkeypatch)
    assert read_article(report) == first


def test_a_cached_article_takes_the_name_and_path_of_the_file_read(
    report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_article(report)
    copy = report.with_name("b.txt")
    copy.write_bytes(report.read_bytes())
    forbid_parsing(monkeypatch)
    article = read_article(copy)
    assert (article.id, article.path) == ("b", str(copy))


def test_an_edited_file_is_parsed_again(report: Path, isolated_cache: Path) -> None:
    read_article(report)
    report.write_text(REPORT.replace("Kim", "Lee"), encoding="utf-8")
    assert "Lee" in read_article(report).sentences[-1].text
    assert len(entries(isolated_cache)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        lambda record: "{ not json",
        lambda record: "",
        lambda record: json.dumps([1, 2, 3]),
        lambda record: json.dumps({**record, "version": "0" * 16}),
        lambda record: json.dumps({**record, "key": "f" * 64}),
        lambda record: json.dumps({**record, "words": "many"}),
        lambda record: json.dumps({**record, "title": None}),
        lambda record: json.dumps({k: v for k, v in record.items() if k != "language"}),
        lambda record: json.dumps(
            {**record, "sentences": [[*record["sentences"][0][:2], 10**6, "sentence", 1]]}
        ),
        lambda record: json.dumps(
            {**record, "sentences": [[*record["sentences"][0][:3], "<b>", 1]]}
        ),
        lambda record: json.dumps({**record, "sentences": [record["sentences"][0][:4]]}),
        lambda record: json.dumps({**record, "title": "Erfunden \x1b]0;pwned\x07"}),
        lambda record: json.dumps({**record, "text": "0" * 64}),
        lambda record: json.dumps({**record, "sentences": {"0": record["sentences"][0]}}),
        # a passage's text given by its span: as 0 or 1 only, never another number or true
        lambda record: json.dumps({**record, "sentences": [[2, *record["sentences"][0][1:]]]}),
        lambda record: json.dumps({**record, "sentences": [[True, *record["sentences"][0][1:]]]}),
    ],
)
def test_a_corrupt_or_stale_entry_is_rebuilt_not_trusted(
    report: Path, isolated_cache: Path, damage
) -> None:
    original = read_article(report)
    (key,) = entries(isolated_cache)
    write_entry(key, damage(record_of(key)))
    assert cache.load(key, original.text) is None
    assert read_article(report) == original
    # and the entry was rewritten whole
    assert cache.load(key, original.text) is not None


def test_an_unwritable_cache_is_skipped_quietly(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert read_article(report).title == "Kurzer Titel"
    assert read_article(report).title == "Kurzer Titel"


def test_the_cache_can_be_switched_off(
    report: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_article(report, cache=False)
    assert entries(isolated_cache) == []
    monkeypatch.setenv("NEWSDIFF_NO_CACHE", "1")
    read_article(report)
    assert entries(isolated_cache) == []


def test_the_cache_lives_under_xdg_cache_home_or_home(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert cache.cache_dir() == isolated_cache / "newsdiff"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / ".cache" / "newsdiff"


def test_no_cache_is_written_when_there_is_no_home_folder(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: Path("~")))
    monkeypatch.chdir(tmp_path)
    assert read_article(report).title == "Kurzer Titel"
    assert not (tmp_path / "~").exists()


def test_no_temporary_files_are_left_behind(report: Path, isolated_cache: Path) -> None:
    read_article(report)
    leftovers = [p for p in (isolated_cache / "newsdiff").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_the_code_version_covers_every_core_module_that_shapes_an_article(
    report: Path,
) -> None:
    # a module that shapes an Article but is missing from the version hash would
    # let a code change serve stale entries
    code = (
        "import sys; from newsdiff.core.reading.loader import read_article;"
        f"read_article({str(report)!r}, cache=False);"
        "print('\\n'.join(sorted(m for m in sys.modules if m.startswith('newsdiff.core.'))))"
    )
    command = [sys.executable, "-c", code]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    core = Path(cache.__file__).resolve().parent.parent
    shaping = set(cache._shaping_files(core))
    loaded = set()
    for name in result.stdout.split():
        relative = name.removeprefix("newsdiff.core.").replace(".", "/")
        loaded.add(relative + "/__init__.py" if (core / relative).is_dir() else relative + ".py")
    assert loaded <= shaping, loaded - shaping
    assert all((core / name).is_file() for name in shaping)
    # a file added to a shaping stage is covered without editing a list
    assert "reading/cache.py" in shaping and "language/segment.py" in shaping


def test_entries_of_other_code_versions_are_pruned_after_a_day(
    report: Path, isolated_cache: Path
) -> None:
    versions = isolated_cache / "newsdiff" / "articles"
    for folder in (versions / "old", versions / "recent"):  # entries as files, before the store
        (folder / "ab").mkdir(parents=True)
        (folder / "ab" / "entry.json").write_text("{}", encoding="utf-8")
    for name in ("0" * 16 + ".sqlite", "1" * 16 + ".sqlite"):
        (versions / name).write_bytes(b"a store of another version")
    day_and_more = time.time() - 25 * 3600
    for old in (versions / "old", versions / ("0" * 16 + ".sqlite")):
        os.utime(old, (day_and_more, day_and_more))
    read_article(report)
    assert sorted(p.name for p in versions.iterdir()) == sorted(
        ["recent", "1" * 16 + ".sqlite", cache.store_path().name]
    )


def test_one_read_of_a_folder_queries_the_store_once_and_writes_it_once(
    tmp_path: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for number in range(30):
        (folder / f"{number:02d}.txt").write_text(REPORT.replace("Kim", f"Kim {number}"), "utf-8")
    calls: list[str] = []
    for name in ("load", "store"):
        monkeypatch.setattr(RecordStore, name, counted(getattr(RecordStore, name), calls, name))
    first = read_articles([folder])
    assert calls == ["load", "store"] and len(entries(isolated_cache)) == 30
    calls.clear()
    forbid_parsing(monkeypatch)
    assert read_articles([folder]) == first
    assert calls == ["load"]  # every entry from one query, nothing to write


def test_a_damaged_store_is_started_afresh(report: Path, isolated_cache: Path) -> None:
    original = read_article(report)
    path = cache.store_path()
    data = bytearray(path.read_bytes())
    data[100:4000] = random.Random(10).randbytes(3900)  # the header survives, the pages not
    for damaged in (bytes(data), b"not a database at all, " * 100):
        path.write_bytes(damaged)
        assert read_article(report) == original  # parsed, no error
        assert entries(isolated_cache) == [cache.content_key(REPORT.encode(), markdown=False)]


def test_a_store_that_is_a_link_is_never_read_or_written_through(
    report: Path, isolated_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_article(report)
    path = cache.store_path()
    elsewhere = tmp_path / "elsewhere.sqlite"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    parsed: list[str] = []
    real = formats.build_article
    monkeypatch.setattr(
        formats, "build_article", lambda *a, **k: parsed.append("x") or real(*a, **k)
    )
    report.with_name("b.txt").write_text(REPORT.replace("Kim", "Lee"), encoding="utf-8")
    read_articles([report.parent])
    assert parsed == ["x", "x"]  # its entry of a.txt not read
    assert elsewhere.read_bytes() == before and path.is_symlink()  # nor b.txt's written


def test_two_processes_reading_one_folder_at_once_both_succeed(
    tmp_path: Path, isolated_cache: Path
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for number in range(60):
        (folder / f"{number:02d}.txt").write_text(REPORT.replace("Kim", f"Kim {number}"), "utf-8")
    code = (
        "import shutil, sys; from newsdiff.core.reading.loader import read_articles\n"
        "from newsdiff.core.reading.cache import store_path\n"
        "for _ in range(6):\n"
        f"    corpus = read_articles([{str(folder)!r}])\n"
        "    assert len(corpus.articles) == 60 and not corpus.problems, corpus.problems\n"
        "    store_path().unlink(missing_ok=True)  # the other writes it anew\n"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    for run in runs:
        _, error = run.communicate(timeout=60)
        assert run.returncode == 0, error


# --- issue 14, part 3: the cache is data, not trust ------------------------------------------


def finishes(call, seconds: float = 10.0):
    """Run ``call`` in a thread; fail (rather than hang the suite) if it does not return."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "hung"
    return result[0]


@pytest.mark.parametrize("kind", ["fifo", "symlink-to-dev-zero"])
def test_a_store_that_is_a_fifo_or_a_link_to_dev_zero_is_ignored(
    report: Path, isolated_cache: Path, kind: str
) -> None:
    original = read_article(report)
    path = cache.store_path()
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    assert finishes(lambda: read_article(report)) == original
    assert finishes(lambda: read_article(report)) == original


def test_an_entry_nested_deep_is_refused_before_json_recurses(
    report: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = read_article(report)
    (key,) = entries(isolated_cache)
    write_entry(key, "[" * 60_000)  # under the size cap: the shape check refuses it
    with monkeypatch.context() as patch:
        patch.setattr(json, "loads", lambda *a, **k: pytest.fail("parsed a nested entry"))
        assert cache.load(key, original.text) is None
    assert read_article(report) == original


def test_an_oversized_entry_is_refused_before_it_is_parsed(
    report: Path, isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = read_article(report)
    (key,) = entries(isolated_cache)
    write_entry(key, json.dumps(record_of(key)) + " " * 5_000_000)
    monkeypatch.setattr(json, "loads", lambda *a, **k: pytest.fail("parsed an oversized entry"))
    assert cache.load(key, original.text) is None


def test_a_planted_entry_with_made_up_text_is_not_shown(report: Path, isolated_cache: Path) -> None:
    # the attacker writes through newsdiff's own writer: every format detail is right
    original = read_article(report)
    key = cache.content_key(report.read_bytes(), markdown=False)
    lie = "Nordkorea hat 99.000 Soldaten geschickt."
    first = original.sentences[1]
    planted = replace(
        original,
        title="Kurzer Titel",
        sentences=(original.sentences[0], replace(first, text=lie), *original.sentences[2:]),
    )
    cache.store(key, planted)
    assert cache.load(key, original.text) is None
    assert read_article(report) == original
    shifted = replace(first, start=first.start + 1)  # offsets that no longer give the text
    cache.store(key, replace(original, sentences=(original.sentences[0], shifted)))
    assert read_article(report) == original


def test_bit_flipped_entries_load_as_the_original_or_not_at_all(
    report: Path, isolated_cache: Path
) -> None:
    original = read_article(report)
    key = cache.content_key(report.read_bytes(), markdown=False)
    data = raw_of(key)
    rng = random.Random(14)
    for _ in range(300):
        flipped = bytearray(data)
        position = rng.randrange(len(flipped))
        flipped[position] ^= 1 << rng.randrange(8)
        write_raw(key, bytes(flipped))
        assert cache.load(key, original.text) in (None, original)


def test_the_cache_folder_is_private(report: Path, isolated_cache: Path) -> None:
    read_article(report)
    root = isolated_cache / "newsdiff"
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
