"""The reader pairs a German and an English report of one story (issue 11)."""

from __future__ import annotations

from cross_language_story import needs_corpora, write_story
from newsdiff.app.screens.compare import CompareScreen

pytestmark = needs_corpora


async def test_the_reader_pairs_translations_and_shows_no_word_diff(build_app, settle, tmp_path):  # type: ignore[no-untyped-def]
    de, en, translations = write_story(tmp_path)
    app = build_app([de, en])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        made = {(p.left.sentence, p.right.sentence) for p in app.alignment.pairs}
        assert len(made & translations) >= 26
        app.open_comparison("de", "en")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        pair = screen.view.current_row.pair
        assert pair is not None and pair.cross_language and pair.changes == ()


async def test_the_lexical_setting_pairs_by_shared_words_alone(build_app, settle, tmp_path):  # type: ignore[no-untyped-def]
    de, en, translations = write_story(tmp_path)
    app = build_app([de, en], lexical=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        made = {(p.left.sentence, p.right.sentence) for p in app.alignment.pairs}
        assert len(made & translations) <= 16  # only those sharing names or figures (14)


def test_lexical_is_a_setting_too(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from newsdiff.app import make_app
    from newsdiff.app.config import config_path, load_settings

    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("lexical = true\n", encoding="utf-8")
    assert load_settings().lexical is True
    assert make_app([]).lexical is True
    assert make_app([], lexical=False).lexical is False  # the flag wins over the file
    path.write_text('lexical = "yes"\n', encoding="utf-8")
    assert load_settings().problem is not None
