"""Labels stay readable in every built-in theme: the cursor row's ¶/§ positions."""

from __future__ import annotations

from compare_data import sample_alignment
from textual.app import App
from textual.color import Color

from newsdiff.app.routing import ScreenRouter
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.widgets.comparison_view import ComparisonView

MIN_CONTRAST = 3.0  # WCAG AA for large text and UI components


def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class CompareApp(ScreenRouter, App[None]):
    alignment = sample_alignment()

    def on_mount(self) -> None:
        self.push_screen(CompareScreen(self.alignment, "ard", "zdf"))


async def test_cursor_row_labels_are_readable_in_every_builtin_theme():
    app = CompareApp()
    poor = []
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ComparisonView)
        # the ansi themes take their colours from the terminal, which we cannot measure
        for theme in sorted(t for t in app.available_themes if not t.startswith("ansi")):
            app.theme = theme
            await pilot.pause()
            base = view.visual_style
            for cell in ("comparison-view--cursor-cell", "comparison-view--cursor"):
                style = base + view.get_visual_style(cell, partial=True)
                label = style + view.highlight_styles()["position"]
                background = base.background + style.background  # blended over the surface
                foreground = background + label.foreground
                ratio = contrast(foreground, background)
                if ratio < MIN_CONTRAST:
                    poor.append((theme, cell, round(ratio, 2)))
    assert not poor
