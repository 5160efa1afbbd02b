"""The claim table: claims down, sources across, each source's figure in its cell.

Reading across a row shows how one claim moved between reports. Sources are
ordered by date, and each cell says how it relates to the oldest figure: the
same (=), different (≠, in the theme's error colour) or missing (—), so the
table reads without colour too. Enter opens the passage behind a cell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from newsdiff.app.widgets.passage_text import visible
from newsdiff.core.model import Alignment, Article

if TYPE_CHECKING:
    from newsdiff.core.views.claims import ClaimTable

_PREFIX = "claim-grid"


class ClaimGrid(DataTable, inherit_bindings=False):
    """The table, with its keys named so users can remap them."""

    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {
        f"{_PREFIX}--differ",
        f"{_PREFIX}--same",
        f"{_PREFIX}--missing",
        f"{_PREFIX}--first",
    }
    DEFAULT_CSS = """
    ClaimGrid { height: 1fr; }
    ClaimGrid > .claim-grid--differ { text-style: bold underline; background: $error 30%; }
    ClaimGrid > .claim-grid--same { background: $success 20%; }
    ClaimGrid > .claim-grid--missing { color: $text-muted; }
    ClaimGrid > .claim-grid--first { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Open passage", id="claims.open_passage"),
        Binding("k,up", "cursor_up", "Up", id="claims.cursor_up", show=False),
        Binding("j,down", "cursor_down", "Down", id="claims.cursor_down", show=False),
        Binding("l,right", "cursor_right", "Right", id="claims.cursor_right", show=False),
        Binding("h,left", "cursor_left", "Left", id="claims.cursor_left", show=False),
        Binding("pageup", "page_up", "Page up", id="claims.page_up", show=False),
        Binding("pagedown", "page_down", "Page down", id="claims.page_down", show=False),
        Binding("home", "scroll_top", "Top", id="claims.top", show=False),
        Binding("end", "scroll_bottom", "Bottom", id="claims.bottom", show=False),
    ]


class ClaimsScreen(Screen[None]):
    """Every claim with figures, and what each source says about it."""

    CSS_PATH = "claims.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "back", "Back", id="claims.back"),
    ]

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment
        self.table: ClaimTable | None = None
        dated = sorted(alignment.articles, key=lambda a: (a.date is None, a.date or "", a.id))
        self.sources: list[Article] = dated
        # (row, column) -> (article id, passage index) for enter
        self._targets: dict[tuple[int, int], tuple[str, int]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="claims-summary")
        yield ClaimGrid(id="claims", cursor_type="cell", zebra_stripes=True, header_height=2)
        yield Static(id="claims-passage")
        yield Footer()

    def on_mount(self) -> None:
        # Facts are extracted for every clustered passage: seconds on two
        # 2,000-sentence reports, so the table is built off the UI thread.
        grid = self.query_one(ClaimGrid)
        grid.loading = True
        self._build()

    @work(thread=True, exclusive=True)
    def _build(self) -> None:
        from newsdiff.core.views.claims import claim_table

        table = claim_table(self.alignment)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, table)

    def _show(self, table: ClaimTable) -> None:
        if not self.is_attached:  # the user left before the table was ready
            return
        self.table = table
        grid = self.query_one(ClaimGrid)
        grid.loading = False
        claims = table.claims
        differing = sum(1 for claim in claims if len(_distinct(claim)) > 1)
        self.query_one("#claims-summary", Static).update(
            Text.assemble(
                (f"{len(claims)}", "bold"),
                " claim(s) with figures told by more than one report · ",
                (f"{differing}", "bold"),
                " where the figures differ · = same as the oldest report, ≠ differs, — not told",
            )
        )
        if not claims:
            grid.display = False
            self.query_one("#claims-passage", Static).update(
                "No figure is told by more than one report, so there is nothing to set side "
                "by side. Compare two reports (enter on the list) to read them passage by passage."
            )
            return
        self._fill(grid)
        grid.focus()
        # focus given from a worker callback does not reach the footer by itself
        self.call_after_refresh(self.refresh_bindings)

    def _fill(self, grid: ClaimGrid) -> None:
        styles = {
            kind: grid.get_component_rich_style(f"{_PREFIX}--{kind}", partial=True)
            for kind in ("differ", "same", "missing", "first")
        }
        grid.add_column("claim", key="claim")
        for article in self.sources:
            label = Text(visible(article.source or article.id), style="bold")
            if article.date:
                label.append(f"\n{article.date[:10]}", style="dim")
            grid.add_column(label, key=article.id)
        assert self.table is not None
        for row, claim in enumerate(self.table.claims):
            by_article: dict[str, list] = {}
            for value in claim.values:
                by_article.setdefault(value.article, []).append(value)
            first = claim.values[0]
            mark = "≠ " if len(_distinct(claim)) > 1 else "  "
            cells: list[Text] = [Text(mark + visible(claim.measure), style="bold")]
            for column, article in enumerate(self.sources, start=1):
                values = by_article.get(article.id)
                if not values:
                    cells.append(Text("—", style=styles["missing"]))
                    continue
                self._targets[(row, column)] = (article.id, values[0].sentence)
                shown = " / ".join(visible(v.display) for v in values)
                if article.id == first.article:
                    cells.append(Text(shown, style=styles["first"]))
                elif all(_key(v) == _key(first) for v in values):
                    cells.append(Text("= " + shown, style=styles["same"]))
                else:
                    cells.append(Text("≠ " + shown, style=styles["differ"]))
            self._targets.setdefault((row, 0), (first.article, first.sentence))
            grid.add_row(*cells, height=None, key=str(row))

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        target = self._target(event.coordinate.row, event.coordinate.column)
        passage = self.query_one("#claims-passage", Static)
        if target is None:
            passage.update("")
            return
        article_id, index = target
        article = next(a for a in self.alignment.articles if a.id == article_id)
        text = Text(f"{article.source or article.id} §{index + 1}: ", style="dim")
        text.append(visible(article.sentences[index].text))
        passage.update(text)

    def _target(self, row: int, column: int) -> tuple[str, int] | None:
        return self._targets.get((row, column)) or self._targets.get((row, 0))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        target = self._target(event.coordinate.row, event.coordinate.column)
        if target is None:
            return
        from newsdiff.app.screens.passage import PassageScreen

        self.app.push_screen(PassageScreen(self.alignment, *target))

    def action_back(self) -> None:
        self.dismiss()


def _key(value) -> str:  # type: ignore[no-untyped-def]
    return repr(value.value) if value.value is not None else value.display


def _distinct(claim) -> set[str]:  # type: ignore[no-untyped-def]
    return {_key(v) for v in claim.values}
