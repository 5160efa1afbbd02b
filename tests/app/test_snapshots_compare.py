"""Snapshots of the comparison, passage and claim screens at fixed sizes and themes.

They use the hand-made alignment of ``compare_data`` so they move only when
the screens do. Regenerate after a deliberate change with
``pytest tests/app/test_snapshots_compare.py --snapshot-update`` and look at
the SVGs before committing them.
"""

from __future__ import annotations

from compare_data import sample_alignment
from textual.app import App
from textual.screen import Screen

from newsdiff.app.routing import ScreenRouter
from newsdiff.app.screens.claims import ClaimsScreen
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.screens.passage import PassageScreen


class ScreenApp(ScreenRouter, App[None]):
    """Shows one screen on a fixed theme, nothing else."""

    def __init__(self, make_screen, theme: str = "textual-dark") -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.make_screen = make_screen
        self.fixed_theme = theme
        self.animation_level = "none"

    def on_mount(self) -> None:
        self.theme = self.fixed_theme
        screen: Screen = self.make_screen(sample_alignment())
        self.push_screen(screen)


def compare(alignment):  # type: ignore[no-untyped-def]
    return CompareScreen(alignment, "ard", "zdf")


def test_comparison_on_a_fact_difference(snap_compare):
    assert snap_compare(ScreenApp(compare), terminal_size=(120, 40), press=["d"])


def test_comparison_at_80x24(snap_compare):
    assert snap_compare(ScreenApp(compare), terminal_size=(80, 24), press=["d", "tab"])


def test_comparison_light_theme_only_paired(snap_compare):
    app = ScreenApp(compare, theme="textual-light")
    assert snap_compare(app, terminal_size=(120, 30), press=["u"])


def test_passage_view(snap_compare):
    app = ScreenApp(lambda alignment: PassageScreen(alignment, "ard", 2))
    assert snap_compare(app, terminal_size=(100, 30))


async def _claims_ready(pilot) -> None:
    # The table is built in a worker, then focused; the footer shows the
    # table's keys only after that focus has been processed.
    await pilot.app.workers.wait_for_complete()
    for _ in range(100):
        if pilot.app.screen.table is not None and pilot.app.focused is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()
    await pilot.pause()


def test_claim_table(snap_compare):
    assert snap_compare(
        ScreenApp(ClaimsScreen),
        terminal_size=(100, 24),
        run_before=_claims_ready,
        press=["l", "l", "l"],
    )


def no_pairs(alignment):  # type: ignore[no-untyped-def]
    from newsdiff.core.model import Alignment

    pairs = tuple(p for p in alignment.pairs if {p.left.article, p.right.article} != {"ard", "zdf"})
    return CompareScreen(Alignment(alignment.articles, pairs, ()), "ard", "zdf")


def test_comparison_with_no_pairs_side_by_side_from_the_top(snap_compare):
    assert snap_compare(ScreenApp(no_pairs), terminal_size=(80, 24))


def test_comparison_with_the_legend_at_80x24(snap_compare):
    assert snap_compare(ScreenApp(compare), terminal_size=(80, 24), press=["d", "l"])


async def _search_kursk(pilot) -> None:
    await pilot.press("slash")
    await pilot.pause()
    await pilot.press(*"kursk", "enter")
    await pilot.pause()


def test_comparison_search_at_120x40(snap_compare):
    assert snap_compare(ScreenApp(compare), terminal_size=(120, 40), run_before=_search_kursk)
