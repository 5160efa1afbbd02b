"""What the app offers on every screen: the help key, the command palette and its
commands, and the user's key remaps.

Every described binding of the current screen is a palette command too, so a
key the footer had no room for is one search away; the help screen lists the
same bindings with their ids, which are what a remap in the config file names.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen

# actions the command palette already offers on its own
_SYSTEM_ACTIONS = {"command_palette", "quit", "help_quit", "help", "screenshot"}


class AppKeys(App[None]):
    """The keys and commands of every screen; the reader's app builds on this."""

    # the remaps the config asked for, checked before any is applied: not
    # ``_keymap``, which is Textual's own and applied as it stands to every screen
    _asked_keymap: dict[str, str]

    def _apply_keymap(self) -> None:
        """Apply the user's remaps that are safe; warn once for each one that is not."""
        from newsdiff.app.keymap import check_keymap, scopes

        applied, warnings = check_keymap(self._asked_keymap, scopes(type(self)))
        for warning in warnings:
            self.notify(warning, title="Key not remapped", severity="warning", markup=False)
        if applied:
            self.set_keymap(applied)

    def action_command_palette(self) -> None:
        """Textual's palette, with page keys that cannot crash (see ``palette``)."""
        from newsdiff.app.palette import ReaderPalette

        if self.use_command_palette and not isinstance(self.screen, ReaderPalette):
            self.push_screen(ReaderPalette(id="--command-palette"))

    def action_help(self) -> None:
        """Show the keys of the screen underneath (or close the help)."""
        from newsdiff.app.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        legend = getattr(self.screen, "legend_content", None)
        self.push_screen(
            HelpScreen(
                self.screen.active_bindings.values(),
                self.screen.title,
                legend=legend() if callable(legend) else None,
            )
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Show keys", "Every key of this screen and its id", self.action_help)
        # Every described binding of the current screen is a command too.
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or not active.enabled:
                continue
            action = binding.action.removeprefix("app.")
            if action in _SYSTEM_ACTIONS or action in seen:
                continue
            seen.add(action)
            key = self.get_key_display(binding)
            yield SystemCommand(
                binding.description,
                binding.tooltip or f"Key: {key}",
                partial(self.run_action, binding.action, active.node),
            )
