"""The per-story cache: a second run reads each story back; a planted file is never run."""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from newsdiff.core.matching import story_cache
from newsdiff.core.matching.by_story import align_stories, align_story
from newsdiff.core.model import Alignment, Article, Sentence
from newsdiff.core.stories import detect
from newsdiff.core.stories.detect import detect_stories


def _article(id_: str, *texts: str) -> Article:
    sentences = tuple(Sentence(i, t, 0, len(t)) for i, t in enumerate(texts))
    return Article(id_, id_, " ".join(texts), texts[0], None, "de", sentences, 9)


ARTICLES = [
    _article("a", "Nordkorea bestätigt Truppenentsendung nach Russland.", "Kim lacht."),
    _article("b", "Wetter heute.", "Nordkorea hat die Entsendung von Truppen bestätigt."),
]


def _counting() -> tuple[list[int], Callable[[Sequence[Article]], Alignment]]:
    calls: list[int] = []

    def run(members: Sequence[Article]) -> Alignment:
        calls.append(1)
        return align_story(members)

    return calls, story_cache.cached(run, "test")


def test_a_second_run_reads_the_story_back_and_an_edit_recomputes_it() -> None:
    calls, run = _counting()
    first = align_stories(ARTICLES, aligner=run)
    second = align_stories(ARTICLES, aligner=run)
    assert len(calls) == 1
    assert second == first and second.pairs
    edited = [ARTICLES[0], _article("b", "Wetter heute.", "Nordkorea hat Truppen entsandt.")]
    align_stories(edited, aligner=run)
    assert len(calls) == 2


def test_a_corrupt_planted_or_old_format_entry_is_recomputed_never_run(
    isolated_cache: Path,
) -> None:
    calls, run = _counting()
    expected = align_stories(ARTICLES, aligner=run)
    (entry,) = (isolated_cache / "newsdiff" / "stories").rglob("*.story")
    good = entry.read_bytes()

    class Evil:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (Path.touch, (isolated_cache / "pwned",))

    flipped = bytearray(good)
    flipped[-3] ^= 1  # a pair row's index: the digest catches it
    old_format = pickle.dumps((entry.stem, expected.pairs, expected.clusters, {}))
    damaged = [pickle.dumps(Evil()), b"\x80\x05garbage", old_format, good[:-5], bytes(flipped)]
    for planted in damaged:
        entry.write_bytes(planted)
        assert align_stories(ARTICLES, aligner=run) == expected
        assert entry.read_bytes() == good  # rebuilt in place
    assert not (isolated_cache / "pwned").exists()
    assert len(calls) == 1 + len(damaged)


def test_a_link_where_a_story_entry_goes_is_replaced_never_written_through(
    isolated_cache: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "notes.txt"
    victim.write_text("mine", encoding="utf-8")
    entry = story_cache._path(story_cache.story_key(ARTICLES, "test"))
    entry.parent.mkdir(parents=True)
    entry.symlink_to(victim)
    calls, run = _counting()
    expected = align_story(ARTICLES)
    assert align_stories(ARTICLES, aligner=run).pairs == expected.pairs
    assert victim.read_text(encoding="utf-8") == "mine"
    assert not entry.is_symlink() and entry.read_bytes().startswith(b"NDSTORY")
    assert align_stories(ARTICLES, aligner=run).pairs == expected.pairs and len(calls) == 1


def test_a_record_naming_a_passage_the_report_lacks_is_refused() -> None:
    from newsdiff.core.matching import story_format

    expected = align_story(ARTICLES)
    record = story_format.encode("k", expected, ARTICLES)
    assert story_format.decode("k", record, ARTICLES) == expected
    with pytest.raises(ValueError, match="damaged"):
        story_format.decode("another key", record, ARTICLES)
    shorter = [ARTICLES[0], _article("b", "Wetter heute.")]
    with pytest.raises(ValueError, match="passage the report does not have"):
        story_format.decode("k", record, shorter)


def test_the_stories_of_a_folder_share_their_repeated_values_and_equal_what_was_aligned(
    isolated_cache: Path,
) -> None:
    # wire copies of two unrelated reports: every pair of copies is identical, passage by passage
    troops = ("Nordkorea schickt 3000 Soldaten nach Russland.", "Kim lacht über die Sanktionen.")
    verdict = ("Das Urteil gegen den Wiener Bürgermeister ist rechtskräftig.", "Er geht.")
    folder = [_article(n, *troops) for n in "abc"] + [_article(n, *verdict) for n in "xyz"]
    made = [align_story(folder[:3]), align_story(folder[3:])]
    for _ in range(2):  # computed, then read back
        got = align_stories(folder)
        assert got.stories == (("a", "b", "c"), ("x", "y", "z"))
        assert got.pairs == made[0].pairs + made[1].pairs
        assert got.clusters == made[0].clusters + made[1].clusters
        assert dict(got.facts) == {**made[0].facts, **made[1].facts}
        assert {p.relation for p in got.pairs} == {"identical"}
        # one score object for all twelve pairs, of both stories; one ref per passage
        assert len({id(p.score) for p in got.pairs}) == 1
        assert got.pairs[0].left is got.clusters[0][0]


def test_no_cache_when_switched_off(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSDIFF_NO_CACHE", "1")
    calls, run = _counting()
    align_stories(ARTICLES, aligner=run)
    align_stories(ARTICLES, aligner=run)
    assert len(calls) == 2


def test_story_profiles_are_cached_and_give_the_same_stories(isolated_cache: Path) -> None:
    import sqlite3

    from newsdiff.core.stories import profile_cache
    from newsdiff.core.stories.detect import detect_stories

    first = detect_stories(ARTICLES)
    (store,) = (isolated_cache / "newsdiff" / "story-profiles").glob("*.sqlite")
    with sqlite3.connect(store) as connection:
        assert connection.execute("select count(*) from records").fetchone() == (2,)
        connection.execute("update records set record = '{not json'")  # recomputed, not read
    for folder in (isolated_cache / "newsdiff" / "story-sets").iterdir():
        shutil.rmtree(folder)  # so that detection reads the profiles again
    computed: list[str] = []
    real = profile_cache.story_profile

    def counting(article: Article) -> object:
        computed.append(article.id)
        return real(article)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(profile_cache, "story_profile", counting)
        assert detect_stories(ARTICLES) == first
        assert sorted(computed) == ["a", "b"]
        store.write_bytes(b"not a database at all")  # a damaged store is started afresh
        for folder in (isolated_cache / "newsdiff" / "story-sets").iterdir():
            shutil.rmtree(folder)
        assert detect_stories(ARTICLES) == first
    with sqlite3.connect(store) as connection:
        assert connection.execute("select count(*) from records").fetchone() == (2,)


def _no_detection(*_: object) -> list[object]:
    raise AssertionError("detection ran although its stories were cached")


def test_a_second_detection_reads_the_stories_back_and_an_edit_detects_again(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = [
        *ARTICLES,
        _article("c", "Das Urteil gegen den Wiener Bürgermeister ist rechtskräftig."),
    ]
    first = detect_stories(folder)
    assert [s.members for s in first] == [("a", "b"), ("c",)]
    monkeypatch.setattr(detect, "cached_profiles", _no_detection)
    assert detect_stories(list(reversed(folder))) == first
    edited = [*folder[:2], _article("c", "Nordkorea bestätigt die Truppenentsendung.")]
    with pytest.raises(AssertionError, match="detection ran"):
        detect_stories(edited)


def test_stories_found_with_a_named_signal_are_read_back_and_another_name_detects_again(
    isolated_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a German and an English report that share one name: only the signal joins them
    folder = [
        _article("de", "Erdbeben erschüttert Qeshm."),
        Article("en", "en", "Earthquake rattles Qeshm.", "Earthquake rattles Qeshm.", None, "en",
                (Sentence(0, "Earthquake rattles Qeshm.", 0, 25),), 9),
    ]  # fmt: skip
    named = detect.StoryOptions(signal=lambda a, b: 0.9, signal_key="model-1 0.7")
    first = detect_stories(folder, options=named)
    assert [s.members for s in first] == [("de", "en")]
    monkeypatch.setattr(detect, "cached_profiles", _no_detection)
    assert detect_stories(folder, options=named) == first
    with pytest.raises(AssertionError, match="detection ran"):  # another model: its own entry
        detect_stories(folder, options=detect.StoryOptions(signal=named.signal, signal_key="m-2"))
    with pytest.raises(AssertionError, match="detection ran"):  # an unnamed signal: never kept
        detect_stories(folder, options=detect.StoryOptions(signal=named.signal))


def test_a_corrupt_or_foreign_stories_entry_is_detected_again(isolated_cache: Path) -> None:
    expected = detect_stories(ARTICLES)
    (entry,) = (isolated_cache / "newsdiff" / "story-sets").rglob("*.json")
    for planted in ("not json", '[[["a"],"x",null,null]]', '[[["a","b","z"],"x",null,null]]'):
        entry.write_text(planted, encoding="utf-8")
        assert detect_stories(ARTICLES) == expected


def test_a_link_where_the_profile_store_goes_is_never_written_through(
    isolated_cache: Path, tmp_path: Path
) -> None:
    from newsdiff.core.stories import profile_cache

    victim = tmp_path / "notes.txt"
    victim.write_text("mine", encoding="utf-8")
    folder = isolated_cache / "newsdiff" / "story-profiles"
    folder.mkdir(parents=True)
    (folder / f"{profile_cache.code_version()}.sqlite").symlink_to(victim)
    first = detect_stories(ARTICLES)
    assert [s.members for s in first] == [("a", "b")]
    assert victim.read_text(encoding="utf-8") == "mine"
