"""Search in the comparison: ``/`` asks, ``f``/``F`` step through the matches.

Mixed into ``CompareScreen`` (kept apart so the screen stays one job per
module); the matching itself is ``core.views.search``, accents and case folded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsdiff.app.widgets.passage_text import visible
from newsdiff.app.widgets.search_bar import SearchBar
from newsdiff.core.views.search import Match, find_matches, next_match

if TYPE_CHECKING:
    from newsdiff.app.widgets.comparison_view import ComparisonView
    from newsdiff.core.views.rows import Row


class SearchesRows:
    """The search keys of a screen with a ``ComparisonView`` and its rows."""

    query_text: str
    matches: tuple[Match, ...]
    _rows: tuple[Row, ...]
    if TYPE_CHECKING:

        @property
        def view(self) -> ComparisonView: ...

        @property
        def cursor_row(self) -> int: ...

    notify: Any
    query_one: Any

    def _update_titles(self) -> None: ...  # provided by the screen

    def _update_header(self) -> None: ...  # provided by the screen

    def action_search(self) -> None:
        self.query_one(SearchBar).open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search" and SearchBar.typing_here(self):
            return None  # "/" typed into the search bar is text
        return super().check_action(action, parameters)  # type: ignore[misc]

    # a plain mixin: Textual finds handlers here by name, not by @on
    def on_search_bar_searched(self, event: SearchBar.Searched) -> None:
        self.query_text = event.query.strip()
        self.matches = find_matches(self._rows, self.query_text) if self.query_text else ()
        self.view.set_matches(self.matches)
        self.view.focus()
        if self.query_text and not self.matches:
            self.notify(
                visible(f"“{self.query_text}” is in neither report"), timeout=3, markup=False
            )
        elif self.matches:
            self._to_match(next_match(self.matches, self.cursor_row - 1))
        self._update_header()

    def _to_match(self, match: Match | None) -> None:
        if match is None:
            if self.query_text:  # searched, found nothing: "search first" would be wrong
                found = visible(f"“{self.query_text}” is in neither report")
                self.notify(found, timeout=2, markup=False)
            else:
                self.notify("Search with / first", timeout=2)
            return
        self.view.focused_side = match.side
        self.view.move_to(match.row)
        self._update_titles()

    def action_next_match(self) -> None:
        self._to_match(next_match(self.matches, self.cursor_row))

    def action_previous_match(self) -> None:
        self._to_match(next_match(self.matches, self.cursor_row, step=-1))
