"""The footer: the screen's shown keys drawn as one line of text, clickable by position.

Textual's ``Footer`` is a container with one widget per key, rebuilt by a
recompose each time the bindings change; on the article list its keys reached
the terminal a recompose or two after the rest of the first screen. This one
is a single widget: it renders the screen's active bindings as one
``rich.text.Text`` line at each paint (so the first frame has the keys) and a
binding change is a repaint. A click is mapped to the key under the pointer
by its x-position.

The keys come in binding order (the screen's most important first); what does
not fit the width is dropped from the end, except the help key `?`, which is
always kept; the command palette key sits at the right edge when there is room.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.widget import Widget

if TYPE_CHECKING:
    from textual import events
    from textual.binding import Binding
    from textual.screen import Screen

# the help key: kept when the line is too narrow for every key
HELP_ACTION = "help"
GAP = 1  # spaces between two keys


@dataclass(frozen=True, slots=True)
class DrawnKey:
    """One key as drawn: where it sits on the line (``start`` <= x < ``end``)."""

    key: str
    display: str
    description: str
    enabled: bool
    start: int
    end: int


class KeyLine(Widget, can_focus=False):
    """The shown keys of the screen as one line; a click runs the key under it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-line--key",
        "key-line--description",
        "key-line--disabled",
    }
    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .key-line--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-line--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-line--disabled {
            text-style: dim;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.drawn: tuple[DrawnKey, ...] = ()
        """The keys of the last paint, with their columns (for clicks and tests)."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, screen: Screen) -> None:
        if screen is self.screen:
            self.refresh()

    def _shown(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The shown bindings in order (one per action), and the palette's."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        shown: list[tuple[Binding, bool]] = []
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                shown.append((binding, enabled))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                palette = (found.binding, found.enabled)
        return shown, palette

    def render(self) -> Text:
        width = self.size.width
        shown, palette = self._shown()
        pieces = [
            (binding, enabled, self.app.get_key_display(binding)) for binding, enabled in shown
        ]

        def length(piece: tuple[Binding, bool, str]) -> int:
            binding, _enabled, display = piece
            return len(display) + (1 + len(binding.description) if binding.description else 0)

        # drop from the end until the line fits, keeping the help key
        kept = list(pieces)
        total = sum(length(piece) for piece in kept) + GAP * max(len(kept) - 1, 0)
        while kept and total > width:
            drop = next(
                (i for i in range(len(kept) - 1, -1, -1) if kept[i][0].action != HELP_ACTION),
                len(kept) - 1,
            )
            total -= length(kept[drop]) + (GAP if len(kept) > 1 else 0)
            del kept[drop]
        palette_piece = None
        if palette is not None:
            binding, enabled = palette
            piece = (binding, enabled, self.app.get_key_display(binding))
            if total + 2 + length(piece) <= width:
                palette_piece = piece

        key_style = self.get_component_rich_style("key-line--key")
        description_style = self.get_component_rich_style("key-line--description")
        disabled_style = self.get_component_rich_style("key-line--disabled")
        line = Text(no_wrap=True, overflow="crop", end="")
        drawn: list[DrawnKey] = []

        def draw(piece: tuple[Binding, bool, str]) -> None:
            binding, enabled, display = piece
            start = line.cell_len
            # key names and descriptions are the program's, but Text keeps them literal anyway
            line.append(display, key_style)
            if binding.description:
                line.append(" " + binding.description, description_style)
            if not enabled:
                line.stylize(disabled_style, start)
            drawn.append(
                DrawnKey(binding.key, display, binding.description, enabled, start, line.cell_len)
            )

        for index, piece in enumerate(kept):
            if index:
                line.append(" " * GAP)
            draw(piece)
        if palette_piece is not None:
            line.append(" " * (width - line.cell_len - length(palette_piece)))
            draw(palette_piece)
        self.drawn = tuple(drawn)
        return line

    def key_at(self, x: int) -> DrawnKey | None:
        """The key drawn at column ``x`` of the line, if any."""
        return next((key for key in self.drawn if key.start <= x < key.end), None)

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        event.stop()
        if key.enabled:
            self.app.simulate_key(key.key.split(",")[0])
        else:
            self.app.bell()
