"""The per-story cache: a second run reads each story back; a planted file is never run."""

from __future__ import annotations

import pickle
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


def test_a_corrupt_or_planted_entry_is_recomputed_never_run(isolated_cache: Path) -> None:
    calls, run = _counting()
    expected = align_stories(ARTICLES, aligner=run)
    (entry,) = (isolated_cache / "newsdiff" / "stories").rglob("*.pickle")

    class Evil:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (Path.touch, (isolated_cache / "pwned",))

    entry.write_bytes(pickle.dumps(Evil()))
    assert align_stories(ARTICLES, aligner=run) == expected
    assert not (isolated_cache / "pwned").exists()
    entry.write_bytes(b"\x80\x05garbage")
    assert align_stories(ARTICLES, aligner=run) == expected
    assert len(calls) == 3


def test_no_cache_when_switched_off(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NEWSDIFF_NO_CACHE", "1")
    calls, run = _counting()
    align_stories(ARTICLES, aligner=run)
    align_stories(ARTICLES, aligner=run)
    assert len(calls) == 2


def test_story_profiles_are_cached_and_give_the_same_stories(isolated_cache: Path) -> None:
    from newsdiff.core.stories.detect import detect_stories

    first = detect_stories(ARTICLES)
    entries = list((isolated_cache / "newsdiff" / "story-profiles").rglob("*.json"))
    assert len(entries) == 2
    entries[0].write_text("{not json", encoding="utf-8")  # a corrupt entry is recomputed
    assert detect_stories(ARTICLES) == first


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


def test_a_corrupt_or_foreign_stories_entry_is_detected_again(isolated_cache: Path) -> None:
    expected = detect_stories(ARTICLES)
    (entry,) = (isolated_cache / "newsdiff" / "story-sets").rglob("*.json")
    for planted in ("not json", '[[["a"],"x",null,null]]', '[[["a","b","z"],"x",null,null]]'):
        entry.write_text(planted, encoding="utf-8")
        assert detect_stories(ARTICLES) == expected
