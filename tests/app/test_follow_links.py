"""``newsdiff --follow-links DIR`` opens the reader on the reports a symlink leads to
outside DIR; without it they are left out, as for every command (issue 14, part 7)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdiff.cli import build_parser
from newsdiff.commands.open import app_for
from newsdiff.core.reading.seeds import seed_paths


@pytest.fixture
def folder_with_a_link_out(tmp_path: Path) -> Path:
    seeds = seed_paths()
    folder, outside = tmp_path / "shared", tmp_path / "private"
    folder.mkdir()
    outside.mkdir()
    shutil.copy(seeds[0], folder / "a.txt")
    shutil.copy(seeds[1], outside / "secret.txt")
    (folder / "z.txt").symlink_to(outside / "secret.txt")
    return folder


@pytest.mark.parametrize(("options", "shown"), [([], 1), (["--follow-links"], 2)])
async def test_the_reader_follows_links_out_of_the_folder_only_when_asked(
    folder_with_a_link_out, settle, options, shown
):
    args = build_parser("open").parse_args([*options, str(folder_with_a_link_out)])
    app = app_for(args)
    app.animation_level = "none"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.corpus is not None
        assert len(app.corpus.articles) == shown
        if not options:  # named as skipped, with the way to read it
            assert any("follow-links" in problem.message for problem in app.corpus.problems)
